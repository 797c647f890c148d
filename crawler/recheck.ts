/**
 * Re-check outcomes of listings under action, written as `recheck` review events at the end of a run.
 * A listing still there is `still_live`; one the marketplace could not show us is `blocked`; one that
 * is gone is `removed` — unless the same seller listed the same or a similar title under a new id in
 * this run's searches, which is `relisted` (with the new listing's key). Each event is written in one
 * transaction with the progress row's "reported" mark, so a resumed run never writes it twice.
 */
import { distance } from 'fastest-levenshtein';
import { foldText } from '../shared/text/fold.ts';
import type { Listing } from '../shared/schema/index.ts';
import type { Store } from '../shared/store/index.ts';
import type { CrawlProgress } from './progress.ts';

/** Title similarity in [0, 1] on folded text (1 = same words). */
export function titleSimilarity(a: string, b: string): number {
  const x = foldText(a);
  const y = foldText(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** Same seller: same seller id when both have one, else the same folded seller name. */
function sameSeller(a: Listing, b: Listing): boolean {
  if (a.sellerId && b.sellerId) return a.sellerId === b.sellerId;
  return Boolean(a.sellerName && b.sellerName && foldText(a.sellerName) === foldText(b.sellerName));
}

/** The key of a listing observed in run `runId` that re-lists `old` (same marketplace and seller, title similarity ≥ `minSimilarity`), or undefined. */
export function findRelisting(store: Store, old: Listing, runId: number, minSimilarity = 0.85): string | undefined {
  const rows = store.db
    .prepare(
      `SELECT l.key AS key, o.listing_json AS json FROM observations o JOIN listings l ON l.id = o.listing_id
        WHERE o.run_id = ? AND l.marketplace = ? AND l.external_id != ? AND o.status = 'live' AND o.listing_json IS NOT NULL`,
    )
    .all(runId, old.marketplace, old.externalId) as Array<{ key: string; json: string }>;
  let best: { key: string; score: number } | undefined;
  for (const row of rows) {
    const candidate = JSON.parse(row.json) as Listing;
    if (!sameSeller(old, candidate)) continue;
    const score = titleSimilarity(old.title, candidate.title);
    if (score >= minSimilarity && (!best || score > best.score)) best = { key: row.key, score };
  }
  return best?.key;
}

/** Writes a `recheck` review event for every re-check of the run not yet reported; returns the outcomes written. */
export function reportRechecks(store: Store, progress: CrawlProgress, actor: string): Array<{ findingId: number; outcome: string; relistedAs?: string }> {
  const written: Array<{ findingId: number; outcome: string; relistedAs?: string }> = [];
  for (const item of progress.unreportedRechecks()) {
    const findingId = item.data.findingId;
    const listingKey = item.data.listingKey;
    if (findingId === undefined || !listingKey) continue;
    let outcome: 'still_live' | 'removed' | 'relisted' | 'blocked' = item.result.outcome;
    let relistedAs: string | undefined;
    if (outcome === 'removed') {
      const old = store.getListing(listingKey);
      relistedAs = old ? findRelisting(store, old, progress.runId) : undefined;
      if (relistedAs) outcome = 'relisted';
    }
    const status = outcome === 'still_live' ? 'live' : outcome === 'blocked' ? 'blocked' : 'removed';
    store.transaction(() => {
      store.addReviewEvent(
        {
          type: 'recheck',
          findingId,
          outcome,
          status,
          ...(relistedAs ? { relistedAs } : {}),
          note: `crawl run ${progress.runId}${item.result.detail ? `: ${item.result.detail.slice(0, 300)}` : ''}`,
        },
        actor,
      );
      progress.markReported(item.uniqueKey);
    });
    written.push({ findingId, outcome, ...(relistedAs ? { relistedAs } : {}) });
  }
  return written;
}
