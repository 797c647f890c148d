/**
 * The crawl's durable to-do list, kept in the evidence store's SQLite file so a run killed at any
 * moment (SIGKILL included) resumes exactly where it stopped. Crawlee's own request queues stay in
 * memory (fast); every request is also written here before it is handed to Crawlee, and marked done in
 * the same transaction as the data its page produced (observation, finding, evidence). A resumed run
 * re-reads the rows still `pending` and hands them to fresh in-memory queues; rows already done are
 * never fetched again, and the store's findings are unique per (listing, run), so nothing is duplicated.
 *
 * The table is added through the store's migration hook (`registerMigration`, version 1100).
 */
import { registerMigration, type Store } from '../shared/store/index.ts';
import type { Marketplace } from '../shared/schema/index.ts';

/** Kinds of crawl request, one router handler each. */
export type RequestLabel = 'SEARCH' | 'LISTING' | 'CAPTURE' | 'RECHECK';

/** States of a durable request: waiting, handled, given up after retries, or skipped (robots.txt, budget). */
export type RequestState = 'pending' | 'done' | 'failed' | 'skipped';

/** What a request carries besides its URL; stored as JSON with the row. */
export interface CrawlRequestData {
  marketplace: Marketplace;
  /** The search term (SEARCH). */
  term?: string;
  /** The listing key `<marketplace>:<externalId>` (LISTING, CAPTURE, RECHECK). */
  listingKey?: string;
  /** The search card's partial listing (LISTING, CAPTURE). */
  card?: Record<string, unknown>;
  /** The finding whose evidence is captured (CAPTURE) or re-checked (RECHECK). */
  findingId?: number;
}

/** One durable crawl request. */
export interface CrawlRequestRow {
  uniqueKey: string;
  url: string;
  label: RequestLabel;
  data: CrawlRequestData;
}

/** The outcome of a re-check, kept until the end of the run decides between removed and re-listed. */
export interface RecheckResult {
  outcome: 'still_live' | 'removed' | 'blocked';
  detail?: string;
}

/** The crawler's migration: the durable request table (per run) with its outcome and retry facts. */
export const CRAWL_PROGRESS_MIGRATION = {
  version: 1100,
  name: 'crawler-progress',
  sql: `
CREATE TABLE crawl_requests (
  run_id INTEGER NOT NULL,
  unique_key TEXT NOT NULL,
  url TEXT NOT NULL,
  label TEXT NOT NULL CHECK (label IN ('SEARCH','LISTING','CAPTURE','RECHECK')),
  marketplace TEXT NOT NULL,
  data_json TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed','skipped')),
  outcome TEXT,
  result_json TEXT,
  reported INTEGER NOT NULL DEFAULT 0,
  added_at TEXT NOT NULL,
  done_at TEXT,
  PRIMARY KEY (run_id, unique_key)
);
CREATE INDEX crawl_requests_by_state ON crawl_requests (run_id, state);
`,
};
registerMigration(CRAWL_PROGRESS_MIGRATION);

type Row = Record<string, unknown>;

/** The durable request list of one crawl run. Synchronous (better-sqlite3); safe inside `store.transaction`. */
export class CrawlProgress {
  private readonly q;

  constructor(
    private readonly store: Store,
    readonly runId: number,
  ) {
    const db = store.db;
    this.q = {
      insert: db.prepare(
        'INSERT OR IGNORE INTO crawl_requests (run_id, unique_key, url, label, marketplace, data_json, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      finish: db.prepare("UPDATE crawl_requests SET state = ?, outcome = ?, result_json = ?, done_at = ? WHERE run_id = ? AND unique_key = ? AND state = 'pending'"),
      pending: db.prepare("SELECT unique_key, url, label, data_json FROM crawl_requests WHERE run_id = ? AND state = 'pending' ORDER BY rowid"),
      count: db.prepare('SELECT COUNT(*) FROM crawl_requests WHERE run_id = ? AND label IN (SELECT value FROM json_each(?))').pluck(),
      countIn: db.prepare('SELECT COUNT(*) FROM crawl_requests WHERE run_id = ? AND marketplace = ? AND label IN (SELECT value FROM json_each(?))').pluck(),
      captures: db
        .prepare("SELECT COUNT(*) FROM crawl_requests WHERE run_id = ? AND (label = 'CAPTURE' OR (label = 'LISTING' AND outcome = 'captured'))")
        .pluck(),
      byState: db.prepare('SELECT label, state, outcome, COUNT(*) AS n FROM crawl_requests WHERE run_id = ? GROUP BY label, state, outcome'),
      unreported: db.prepare("SELECT unique_key, data_json, result_json FROM crawl_requests WHERE run_id = ? AND label = 'RECHECK' AND state IN ('done','failed') AND reported = 0"),
      markReported: db.prepare('UPDATE crawl_requests SET reported = 1 WHERE run_id = ? AND unique_key = ?'),
      has: db.prepare('SELECT state FROM crawl_requests WHERE run_id = ? AND unique_key = ?').pluck(),
    };
  }

  /** Records requests not yet known to this run; returns the ones that were new (to hand to Crawlee). */
  add(rows: CrawlRequestRow[]): CrawlRequestRow[] {
    const at = new Date().toISOString();
    return this.store.transaction(() =>
      rows.filter((r) => this.q.insert.run(this.runId, r.uniqueKey, r.url, r.label, r.data.marketplace, JSON.stringify(r.data), at).changes > 0),
    );
  }

  /** Marks a pending request done (or failed/skipped) with an optional outcome and result; false if it was not pending. */
  finish(uniqueKey: string, state: Exclude<RequestState, 'pending'>, outcome?: string, result?: unknown): boolean {
    return this.q.finish.run(state, outcome ?? null, result === undefined ? null : JSON.stringify(result), new Date().toISOString(), this.runId, uniqueKey).changes > 0;
  }

  /** The state of a request in this run, or undefined when it was never added. */
  stateOf(uniqueKey: string): RequestState | undefined {
    return this.q.has.get(this.runId, uniqueKey) as RequestState | undefined;
  }

  /** Requests still to do (all of a fresh run's plan, or what a killed run left). */
  pending(): CrawlRequestRow[] {
    return (this.q.pending.all(this.runId) as Row[]).map((r) => ({
      uniqueKey: r.unique_key as string,
      url: r.url as string,
      label: r.label as RequestLabel,
      data: JSON.parse(r.data_json as string) as CrawlRequestData,
    }));
  }

  /** How many requests with these labels this run has recorded (any state), on one marketplace or all: the page budget counts these. */
  countLabels(labels: RequestLabel[], marketplace?: Marketplace): number {
    return (marketplace === undefined ? this.q.count.get(this.runId, JSON.stringify(labels)) : this.q.countIn.get(this.runId, marketplace, JSON.stringify(labels))) as number;
  }

  /** Evidence captures this run has planned or made (CAPTURE requests plus captures in a browser listing's own load). */
  countCaptures(): number {
    return this.q.captures.get(this.runId) as number;
  }

  /** Counts per label, state and outcome for the run summary. */
  tally(): Array<{ label: RequestLabel; state: RequestState; outcome: string | null; n: number }> {
    return this.q.byState.all(this.runId) as Array<{ label: RequestLabel; state: RequestState; outcome: string | null; n: number }>;
  }

  /** Re-checks done but not yet turned into review events. */
  unreportedRechecks(): Array<{ uniqueKey: string; data: CrawlRequestData; result: RecheckResult }> {
    return (this.q.unreported.all(this.runId) as Row[]).map((r) => ({
      uniqueKey: r.unique_key as string,
      data: JSON.parse(r.data_json as string) as CrawlRequestData,
      result: JSON.parse((r.result_json as string | null) ?? '{"outcome":"blocked"}') as RecheckResult,
    }));
  }

  /** Marks a re-check's review event as written (call inside the transaction that writes it). */
  markReported(uniqueKey: string): void {
    this.q.markReported.run(this.runId, uniqueKey);
  }
}
