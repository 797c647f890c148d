/**
 * The end-of-run price pass. A counterfeit often says nothing suspicious: same name, no "rep 1:1",
 * only a price far below what the goods usually cost. The register rarely carries a reference price,
 * so the usual price is learnt from the run itself, per right and per kind of goods (a Nike sock is
 * not priced like a Nike shoe): once every listing has been read, the run's durable progress rows give
 * each (right, category) its reference price, and the listings that named a right but stayed under
 * the threshold are matched again with those references (the matcher's `observedMedianPrice`).
 * Those that now pass become findings and get CAPTURE requests. Everything is read from the store, so
 * a resumed run gets the same references.
 *
 * The reference is what genuine goods cost: the median price of the official store's or authorised
 * sellers' listings of that right and category when the run saw any; otherwise a high quantile
 * (REFERENCE_QUANTILE) of all the run's prices for it, because counterfeits often outnumber genuine
 * offers and pull the median down to their own price.
 */
import type { Listing } from '../shared/schema/listing.ts';
import type { ListingMatch } from '../shared/schema/match.ts';
import { matchListing, type Matcher } from '../shared/match/index.ts';
import { farBelowUsualPrice } from '../shared/match/explain.ts';
import type { Store } from '../shared/store/index.ts';
import { requestKey } from './plan.ts';
import type { CrawlProgress, CrawlRequestRow } from './progress.ts';

/** Fewest priced listings a (right, category) needs before its quantile is trusted. */
export const MIN_PRICE_SAMPLES = 5;

/** The quantile of a (right, category)'s prices taken as its reference when no genuine seller's price is known. */
export const REFERENCE_QUANTILE = 0.85;

/** What a LISTING request keeps about its listing for the end-of-run price pass. */
export interface ListingFacts {
  listingKey: string;
  price?: number;
  /** Rights the listing names as its own sign (compatibility mentions are not its goods' price). */
  rights: string[];
  /** The category path: prices are compared within one kind of goods. */
  goods?: string;
  /** Sold by the official store or an authorised seller of a right it names. */
  genuine?: boolean;
  findingId?: number;
}

/** The price-pass facts of a listing and its match. */
export function listingFacts(listing: Listing, match: ListingMatch): ListingFacts {
  const genuine = match.signals.some((s) => s.kind === 'official_store' || s.kind === 'authorized_seller');
  return {
    listingKey: `${listing.marketplace}:${listing.externalId}`,
    price: listing.price,
    rights: [...new Set(match.hits.filter((h) => h.method !== 'compatibility').map((h) => h.rightId))],
    goods: listing.categoryPath?.join(' > '),
    ...(genuine ? { genuine } : {}),
  };
}

/** The median of `values` (undefined when empty). */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The `q` quantile (0–1, nearest rank) of `values` (undefined when empty). */
export function quantile(values: number[], q: number): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Reference prices learnt from a run: for each listing, the usual price of each right it names. */
export function referencePrices(facts: ListingFacts[]): (f: ListingFacts) => Record<string, number> {
  const all = new Map<string, number[]>();
  const genuine = new Map<string, number[]>();
  const keyOf = (right: string, f: ListingFacts) => `${right}\u0000${f.goods ?? ''}`;
  for (const f of facts) {
    if (f.price === undefined || f.price <= 0) continue;
    for (const r of f.rights) {
      const key = keyOf(r, f);
      (all.get(key) ?? all.set(key, []).get(key)!).push(f.price);
      if (f.genuine) (genuine.get(key) ?? genuine.set(key, []).get(key)!).push(f.price);
    }
  }
  const reference = new Map<string, number>();
  for (const [key, prices] of all) {
    const fromGenuine = median(genuine.get(key) ?? []);
    if (fromGenuine !== undefined) reference.set(key, fromGenuine);
    else if (prices.length >= MIN_PRICE_SAMPLES) reference.set(key, quantile(prices, REFERENCE_QUANTILE)!);
  }
  return (f) => {
    const out: Record<string, number> = {};
    for (const r of f.rights) {
      const ref = reference.get(keyOf(r, f));
      if (ref !== undefined) out[r] = ref;
    }
    return out;
  };
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
  const referenceOf = referencePrices(facts);
  let findings = 0;
  const captures: CrawlRequestRow[] = [];
  for (const f of facts) {
    if (f.outcome !== 'clean-hit' || f.price === undefined) continue;
    const reference = referenceOf(f);
    if (!Object.values(reference).some((m) => farBelowUsualPrice(f.price, m))) continue;
    const listing = deps.store.getListing(f.listingKey);
    if (!listing) continue;
    const match = matchListing(deps.matcher, listing, { observedMedianPrice: reference });
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
