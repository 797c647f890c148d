/**
 * Read models for the desk pages that the store's interface does not give in one call: a case with its
 * findings, referrals, takedown requests, re-check outcomes and time to removal; and a seller with all
 * of their listings across runs and marketplaces, plus same-name sellers elsewhere. Read-only queries
 * over the store's tables (schema from `shared/store/migrations.ts`); nothing here writes.
 */
import { foldText } from '../../shared/text/fold.ts';
import { Listing, ReviewEvent } from '../../shared/schema/index.ts';
import type { ListedFinding, ServiceStore } from '../store-port.ts';
import type { CaseData } from './pages.ts';

type EventRow = { id: number; type: string; finding_id: number | null; case_id: number | null; at: string; actor: string; event_json: string };

/** Days between two instants (dates are taken at 00:00 UTC). */
export function daysBetween(fromIso: string, toIso: string): number {
  const from = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(fromIso) ? `${fromIso}T00:00:00Z` : fromIso);
  return Math.max(0, (Date.parse(toIso) - from) / 86_400_000);
}

/** One case with everything the case page shows, or undefined. */
export function loadCase(store: ServiceStore, id: number): CaseData | undefined {
  const row = store.db.prepare('SELECT id, title, note, created_at, created_by FROM cases WHERE id = ?').get(id) as
    | { id: number; title: string; note: string | null; created_at: string; created_by: string }
    | undefined;
  if (!row) return undefined;
  const events = (
    store.db
      .prepare(
        `SELECT * FROM review_events WHERE case_id = ? OR (type IN ('case','referral','takedown_request') AND json_extract(event_json, '$.caseId') = ?) ORDER BY id`,
      )
      .all(id, id) as EventRow[]
  ).map((r) => ({ row: r, ev: ReviewEvent.parse(JSON.parse(r.event_json)) }));
  const findingIds = [...new Set(events.flatMap(({ ev }) => (ev.type === 'case' ? [ev.findingId] : [])))];
  const findings = findingIds.flatMap((fid) => {
    const f = store.getFinding(fid);
    return f ? [{ ...f, status: store.findingStatus(fid), listing: store.getListing(f.listingKey) }] : [];
  });
  const referrals = events.flatMap(({ row: r, ev }) => (ev.type === 'referral' ? [{ agency: ev.agency, officer: ev.officer, note: ev.note, at: r.at, actor: r.actor }] : []));
  const takedowns = events.flatMap(({ row: r, ev }) =>
    ev.type === 'takedown_request' ? [{ channel: ev.channel, sentAt: ev.sentAt, reference: ev.reference, at: r.at, actor: r.actor }] : [],
  );
  const rechecks = findingIds
    .flatMap((fid) =>
      store.listReviewEvents(fid).flatMap((e) => (e.type === 'recheck' ? [{ findingId: fid, outcome: e.outcome, at: e.at, relistedAs: e.relistedAs }] : [])),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
  const firstTakedown = takedowns.map((t) => t.sentAt).sort()[0];
  const removedAt = rechecks.find((r) => r.outcome === 'removed' && (!firstTakedown || r.at >= firstTakedown))?.at;
  return {
    id: row.id,
    title: row.title,
    note: row.note ?? undefined,
    createdAt: row.created_at,
    createdBy: row.created_by,
    findings,
    referrals,
    takedowns,
    rechecks,
    removedAt,
    timeToRemovalDays: firstTakedown && removedAt ? daysBetween(firstTakedown, removedAt) : undefined,
  };
}

/** Every case, newest first, with its details. */
export function listCaseData(store: ServiceStore): CaseData[] {
  const ids = store.db.prepare('SELECT id FROM cases ORDER BY id DESC').all() as Array<{ id: number }>;
  return ids.flatMap(({ id }) => {
    const c = loadCase(store, id);
    return c ? [c] : [];
  });
}

/** The latest observed version of every listing matching a SQL condition on the listing JSON. */
function latestListings(store: ServiceStore, where: string, ...params: unknown[]): Array<{ listingKey: string; listing: Listing; lastSeen: string }> {
  const rows = store.db
    .prepare(
      `SELECT l.key AS key, o.listing_json AS json, o.at AS at FROM observations o JOIN listings l ON l.id = o.listing_id
       WHERE o.id = (SELECT max(o2.id) FROM observations o2 WHERE o2.listing_id = o.listing_id AND o2.listing_json IS NOT NULL) AND ${where}
       ORDER BY o.at DESC LIMIT 1000`,
    )
    .all(...params) as Array<{ key: string; json: string; at: string }>;
  return rows.map((r) => ({ listingKey: r.key, listing: Listing.parse(JSON.parse(r.json)), lastSeen: r.at }));
}

/** A seller's page data; `key` is `id:<sellerId>` or `name:<sellerName>`. */
export function sellerData(store: ServiceStore, marketplace: string, key: string) {
  const byId = key.startsWith('id:');
  const value = key.slice(key.indexOf(':') + 1);
  const listings = byId
    ? latestListings(store, `l.marketplace = ? AND json_extract(o.listing_json, '$.sellerId') = ?`, marketplace, value)
    : latestListings(store, `l.marketplace = ? AND json_extract(o.listing_json, '$.sellerName') = ?`, marketplace, value);
  const name = listings.find((l) => l.listing.sellerName)?.listing.sellerName ?? (byId ? undefined : value);
  const keys = new Set(listings.map((l) => l.listingKey));
  const findings: ListedFinding[] = byId
    ? store.listFindings({ marketplace, sellerId: value, limit: 500 }).items
    : store.listFindings({ marketplace, limit: 5000 }).items.filter((f) => keys.has(f.listingKey));
  // Sellers linked by the same (folded) name on any marketplace.
  const linked: Array<{ marketplace: string; sellerId?: string; sellerName?: string; count: number }> = [];
  if (name) {
    const folded = foldText(name);
    const rows = store.db
      .prepare(
        `SELECT l.marketplace AS marketplace, json_extract(o.listing_json, '$.sellerId') AS sellerId, json_extract(o.listing_json, '$.sellerName') AS sellerName, count(DISTINCT l.id) AS n
         FROM observations o JOIN listings l ON l.id = o.listing_id WHERE o.listing_json IS NOT NULL AND json_extract(o.listing_json, '$.sellerName') IS NOT NULL
         GROUP BY 1, 2, 3`,
      )
      .all() as Array<{ marketplace: string; sellerId: string | null; sellerName: string; n: number }>;
    for (const r of rows) {
      if (foldText(r.sellerName) !== folded) continue;
      const same = r.marketplace === marketplace && (byId ? r.sellerId === value : r.sellerName === value);
      if (!same) linked.push({ marketplace: r.marketplace, sellerId: r.sellerId ?? undefined, sellerName: r.sellerName, count: r.n });
    }
  }
  return { marketplace, label: name ?? value, findings, listings, linked };
}
