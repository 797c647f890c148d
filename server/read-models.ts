/**
 * Read models for the API and the desk that the store's interface does not give in one call: a case with its
 * findings, referrals, takedown requests, re-check outcomes and time to removal; and a seller with all
 * of their listings across runs and marketplaces, plus same-name sellers elsewhere. Read-only queries
 * over the store's tables (schema from `shared/store/migrations.ts`); nothing here writes.
 */
import { foldText } from '../shared/text/fold.ts';
import { Listing, type FindingStatus } from '../shared/schema/index.ts';
import type { FindingFilter, ListedFinding, Store } from '../shared/store/index.ts';

/** One case with everything recorded about it, as the API and the desk show it. */
export interface CaseData {
  id: number;
  title: string;
  note?: string;
  createdAt?: string;
  createdBy?: string;
  findings: Array<{ id: number; risk: number; status?: string; listing?: Listing; createdAt?: string }>;
  referrals: Array<{ agency: string; officer?: string; note?: string; at?: string; actor?: string }>;
  takedowns: Array<{ channel: string; sentAt: string; reference?: string; at?: string; actor?: string }>;
  rechecks: Array<{ findingId: number; outcome: string; at: string; relistedAs?: string }>;
  /** days from the first takedown request to the first removal, or undefined */
  timeToRemovalDays?: number;
  removedAt?: string;
}

/** Days between two instants (dates are taken at 00:00 UTC). */
export function daysBetween(fromIso: string, toIso: string): number {
  const from = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(fromIso) ? `${fromIso}T00:00:00Z` : fromIso);
  return Math.max(0, (Date.parse(toIso) - from) / 86_400_000);
}

/** One case with everything the case page shows (from `store.getCase`), plus its time to removal, or undefined. */
export function loadCase(store: Store, id: number): CaseData | undefined {
  const c = store.getCase(id);
  if (!c) return undefined;
  const findings = c.findings.flatMap((cf) => {
    const f = store.getFinding(cf.findingId);
    return f ? [{ ...f, status: cf.status, listing: store.getListing(f.listingKey) }] : [];
  });
  const referrals = c.referrals.flatMap((e) => (e.type === 'referral' ? [{ agency: e.agency, officer: e.officer, note: e.note, at: e.at, actor: e.actor }] : []));
  const takedowns = c.takedownRequests.flatMap((e) =>
    e.type === 'takedown_request' ? [{ channel: e.channel, sentAt: e.sentAt, reference: e.reference, at: e.at, actor: e.actor }] : [],
  );
  const rechecks = c.rechecks
    .flatMap((e) => (e.type === 'recheck' ? [{ findingId: e.findingId, outcome: e.outcome, at: e.at, relistedAs: e.relistedAs }] : []))
    .sort((a, b) => a.at.localeCompare(b.at));
  const firstTakedown = takedowns.map((t) => t.sentAt).sort()[0];
  const removedAt = firstTakedown ? rechecks.find((r) => (r.outcome === 'removed' || r.outcome === 'relisted') && r.at.slice(0, 10) >= firstTakedown.slice(0, 10))?.at : undefined;
  return {
    id: c.id,
    title: c.title,
    note: c.note,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    findings,
    referrals,
    takedowns,
    rechecks,
    removedAt,
    timeToRemovalDays: firstTakedown && removedAt ? daysBetween(firstTakedown, removedAt) : undefined,
  };
}

/** Every case, newest first, with its details. */
export function listCaseData(store: Store): CaseData[] {
  const ids = store.db.prepare('SELECT id FROM cases ORDER BY id DESC').all() as Array<{ id: number }>;
  return ids.flatMap(({ id }) => {
    const c = loadCase(store, id);
    return c ? [c] : [];
  });
}

/** The latest observed version of every listing matching a SQL condition on the listing JSON. */
function latestListings(store: Store, where: string, ...params: unknown[]): Array<{ listingKey: string; listing: Listing; lastSeen: string }> {
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
export function sellerData(store: Store, marketplace: string, key: string) {
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

/**
 * Findings for the queue, ranked by risk (highest first, then newest). The store lists newest first,
 * so this reads every finding that passes the filter and sorts them here: fine for a department's
 * queue (thousands), and the filters keep it small.
 */
export function rankedFindings(
  store: Store,
  filter: Omit<FindingFilter, 'limit' | 'offset'>,
  limit: number,
  offset: number,
  /** keep only these statuses (the desk's "open" view), on top of `filter.status` */
  statuses?: FindingStatus[],
): { total: number; items: ListedFinding[] } {
  const all = store.listFindings(filter).items.filter((f) => !statuses || statuses.includes(f.status));
  all.sort((a, b) => b.risk - a.risk || b.id - a.id);
  return { total: all.length, items: all.slice(offset, offset + limit) };
}
