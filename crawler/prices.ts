/**
 * The end-of-run price pass. A counterfeit often says nothing suspicious: same name, no "rep 1:1",
 * only a price far below what the goods usually cost. The register rarely carries a reference price,
 * so the usual price is learnt from the run itself: once every listing has been read, the median
 * price of the listings naming each right is computed from the run's durable progress rows, and the
 * listings that named a right but stayed under the threshold are matched again with those medians
 * (the matcher's `observedMedianPrice`). Those that now pass become findings and get CAPTURE
 * requests. Everything is read from the store, so a resumed run gets the same medians.
 */
import { matchListing, type Matcher } from '../shared/match/index.ts';
import type { Store } from '../shared/store/index.ts';
import { requestKey } from './plan.ts';
import type { CrawlProgress, CrawlRequestRow } from './progress.ts';
import type { ListingFacts } from './routes.ts';

/** Fewest priced listings a right needs before its median is trusted. */
export const MIN_PRICE_SAMPLES = 5;

/** The median of `values` (undefined when empty). */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median observed price per right over the run's listings (rights with at least MIN_PRICE_SAMPLES prices). */
export function observedMedians(facts: ListingFacts[]): Record<string, number> {
  const prices = new Map<string, number[]>();
  for (const f of facts) {
    if (f.price === undefined || f.price <= 0) continue;
    for (const r of f.rights) {
      const list = prices.get(r) ?? [];
      list.push(f.price);
      prices.set(r, list);
    }
  }
  const out: Record<string, number> = {};
  for (const [right, list] of prices) if (list.length >= MIN_PRICE_SAMPLES) out[right] = median(list)!;
  return out;
}

/** Re-matches the run's under-threshold listings with observed median prices; adds the findings that now pass and returns their new CAPTURE requests. */
export function pricePass(deps: {
  store: Store;
  progress: CrawlProgress;
  matcher: Matcher;
  runId: number;
  threshold: number;
  actor: string;
  admit(rows: CrawlRequestRow[]): CrawlRequestRow[];
}): { findings: number; captures: CrawlRequestRow[] } {
  const rows = deps.store.db
    .prepare("SELECT outcome, result_json FROM crawl_requests WHERE run_id = ? AND label = 'LISTING' AND result_json IS NOT NULL")
    .all(deps.runId) as Array<{ outcome: string; result_json: string }>;
  const facts = rows.map((r) => ({ outcome: r.outcome, ...(JSON.parse(r.result_json) as ListingFacts) })).filter((f) => Array.isArray(f.rights));
  const medians = observedMedians(facts);
  let findings = 0;
  const captures: CrawlRequestRow[] = [];
  for (const f of facts) {
    if (f.outcome !== 'clean-hit' || f.price === undefined) continue;
    const reference = f.rights.map((r) => medians[r]).filter((m): m is number => m !== undefined);
    if (!reference.some((m) => f.price! < m * 0.5)) continue;
    const listing = deps.store.getListing(f.listingKey);
    if (!listing) continue;
    const match = matchListing(deps.matcher, listing, { observedMedianPrice: medians });
    if (match.risk < deps.threshold) continue;
    deps.store.transaction(() => {
      const { finding, created } = deps.store.addFinding({ listingKey: f.listingKey, source: 'crawl', createdBy: deps.actor, runId: deps.runId, match });
      if (created) findings++;
      const row: CrawlRequestRow = {
        uniqueKey: requestKey('CAPTURE', listing.url),
        url: listing.url,
        label: 'CAPTURE',
        data: { marketplace: listing.marketplace, listingKey: f.listingKey, findingId: finding.id },
      };
      captures.push(...deps.progress.add(deps.admit([row])));
    });
  }
  return { findings, captures };
}
