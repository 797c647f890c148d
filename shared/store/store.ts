/**
 * The evidence store: one SQLite file (better-sqlite3, synchronous) holding the register, listings
 * observed over time, crawl runs, findings, review events and cases, artefact records and the custody
 * hash chain, with the artefacts' bytes in a content-addressed folder beside it (`<db dir>/blobs`).
 * WAL mode, foreign keys on, a 10 s busy timeout and `BEGIN IMMEDIATE` write transactions let a
 * crawler and a server write to the same file at once without either seeing "database is locked".
 * Evidence rows are append-only (triggers refuse UPDATE and DELETE); a finding's status is derived from
 * its review events; rows read back are validated with the zod schemas. `verify()` re-hashes every blob,
 * walks the custody chain, and checks artefact and finding rows against what the chain recorded.
 */
import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  Artefact,
  ArtefactRole,
  CustodyAction,
  CustodyEvent,
  Finding,
  FindingSource,
  FindingStatus,
  Listing,
  ListingMatch,
  ListingStatus,
  ReviewEvent,
  Right,
  type ListingInput,
} from '../schema/index.ts';
import { BlobStore, sha256Of, sha256OfFile } from './blobs.ts';
import { GENESIS_HASH, checkChain, custodyHash, normaliseDetails } from './custody.ts';
import { runMigrations } from './migrations.ts';
import { UNDER_ACTION, deriveStatus } from './status.ts';

/** The default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = 'data/ipwatch.db';

/** The database path to use: the CLI option, else `IPWATCH_DB`, else `data/ipwatch.db` (made absolute). */
export function resolveDbPath(cliOption?: string): string {
  const chosen = cliOption || process.env.IPWATCH_DB || DEFAULT_DB_PATH;
  return resolve(chosen);
}

/** Open (and create or migrate) the store at `path` (default: see `resolveDbPath`). */
export function openStore(path?: string): Store {
  return new Store(resolveDbPath(path));
}

/** The key that names a listing across observations: `marketplace:externalId`. */
export function listingKeyOf(l: { marketplace: string; externalId: string }): string {
  return `${l.marketplace}:${l.externalId}`;
}

/** One observation of a listing, as listed. */
export interface ObservationSummary {
  id: number;
  at: string;
  status: ListingStatus;
  price?: number;
  title?: string;
  runId?: number;
  detail?: string;
}

/** A finding as listed: with its derived status and the latest observed listing. */
export type ListedFinding = Finding & { status: FindingStatus; listing: Listing };

/** Filters of `listFindings` (all optional, combined with AND). */
export interface FindingFilter {
  status?: FindingStatus;
  marketplace?: string;
  rightId?: string;
  sellerId?: string;
  source?: FindingSource;
  since?: string;
  until?: string;
  minRisk?: number;
  limit?: number;
  offset?: number;
}

/** A review event as stored: the event plus its id, time and actor. */
export type StoredReviewEvent = ReviewEvent & { id: number; at: string; actor: string };

/** A case with everything recorded about it. */
export interface CaseView {
  id: number;
  title: string;
  note?: string;
  createdAt: string;
  createdBy: string;
  findings: Array<{ findingId: number; listingKey: string; status: FindingStatus; addedAt: string; addedBy: string }>;
  referrals: StoredReviewEvent[];
  takedownRequests: StoredReviewEvent[];
  rechecks: StoredReviewEvent[];
}

/** A crawl run as recorded. */
export interface RunSummary {
  id: number;
  startedAt: string;
  endedAt?: string;
  status: string;
  counts: Record<string, number>;
  errors: string[];
  params: Record<string, unknown>;
}

/** One problem found by `verify()`: what kind of thing, which one, and what is wrong. */
export interface VerifyProblem {
  kind: 'blob' | 'custody' | 'artefact' | 'finding';
  id: string;
  message: string;
}

/** Counts of everything in the store, for `ipwatch status`. */
export interface StoreCounts {
  rights: number;
  listings: number;
  observations: number;
  findings: Record<FindingStatus, number> & { total: number };
  artefacts: number;
  runs: number;
  cases: number;
  reviewEvents: number;
  custody: number;
}

const REVIEW_CUSTODY_ACTION: Record<ReviewEvent['type'], CustodyAction> = {
  flag: 'flagged',
  confirm: 'reviewed',
  dismiss: 'reviewed',
  case: 'case',
  referral: 'referral',
  takedown_request: 'takedown_request',
  recheck: 'recheck',
};

type Row = Record<string, unknown>;

/** A zod parse whose error names what was being read or written and where. */
function parseAs<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`${what} is not valid: ${issues}`);
}

/** Drop `null` columns so optional fields read back as absent, as the schemas expect. */
function withoutNulls<T extends Row>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === null) delete o[k];
  return o;
}

const now = (): string => new Date().toISOString();

/** The SQLite evidence store. Create it with `openStore()`. */
export class Store {
  readonly path: string;
  readonly blobDir: string;
  readonly db: Database.Database;
  private readonly blobs: BlobStore;
  private readonly q;
  private readonly filterStatements = new Map<string, Database.Statement>();

  /** Open the database at an absolute path, set its pragmas and run pending migrations. */
  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.blobDir = join(dirname(path), 'blobs');
    this.blobs = new BlobStore(this.blobDir);
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    runMigrations(this.db);
    this.q = this.prepareStatements();
  }

  private prepareStatements() {
    const p = (sql: string) => this.db.prepare(sql);
    const latestJson = `(SELECT o.listing_json FROM observations o WHERE o.listing_id = l.id AND o.listing_json IS NOT NULL ORDER BY o.id DESC LIMIT 1)`;
    return {
      rightJson: p('SELECT json FROM rights WHERE id = ?').pluck(),
      allRights: p('SELECT json FROM rights ORDER BY id').pluck(),
      insertRight: p('INSERT INTO rights (id, kind, name, json, source_file, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      updateRight: p('UPDATE rights SET kind = ?, name = ?, json = ?, source_file = ?, updated_at = ? WHERE id = ?'),
      insertRightVersion: p('INSERT INTO right_versions (right_id, json, source_file, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)'),
      rightVersions: p('SELECT json, source_file AS file, imported_at AS at, imported_by AS actor FROM right_versions WHERE right_id = ? ORDER BY id'),
      listingId: p('SELECT id FROM listings WHERE key = ?').pluck(),
      insertListing: p('INSERT INTO listings (key, marketplace, external_id, first_seen_at) VALUES (?, ?, ?, ?)'),
      insertObservation: p('INSERT INTO observations (listing_id, at, status, price, title, listing_json, run_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      latestListingJson: p(`SELECT ${latestJson} FROM listings l WHERE l.key = ?`).pluck(),
      observations: p(
        'SELECT o.id, o.at, o.status, o.price, o.title, o.run_id AS runId, o.detail FROM observations o JOIN listings l ON l.id = o.listing_id WHERE l.key = ? ORDER BY o.id',
      ),
      insertRun: p("INSERT INTO runs (started_at, status, params_json) VALUES (?, 'running', ?)"),
      finishRun: p('UPDATE runs SET ended_at = ?, status = ?, counts_json = ?, errors_json = ? WHERE id = ?'),
      runs: p('SELECT * FROM runs ORDER BY id'),
      crawlFinding: p("SELECT id FROM findings WHERE listing_id = ? AND run_id = ? AND source = 'crawl'").pluck(),
      insertFinding: p(
        'INSERT INTO findings (listing_id, source, created_at, created_by, run_id, risk, right_ids_json, match_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      finding: p('SELECT f.*, l.key AS listing_key FROM findings f JOIN listings l ON l.id = f.listing_id WHERE f.id = ?'),
      findingExists: p('SELECT 1 FROM findings WHERE id = ?').pluck(),
      setState: p(
        'INSERT INTO finding_state (finding_id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT (finding_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at',
      ),
      caseExists: p('SELECT 1 FROM cases WHERE id = ?').pluck(),
      insertCase: p('INSERT INTO cases (title, note, created_at, created_by) VALUES (?, ?, ?, ?)'),
      caseRow: p('SELECT * FROM cases WHERE id = ?'),
      caseIds: p('SELECT id FROM cases ORDER BY id').pluck(),
      insertReview: p('INSERT INTO review_events (type, finding_id, case_id, at, actor, event_json) VALUES (?, ?, ?, ?, ?, ?)'),
      reviewsOfFinding: p(
        `SELECT * FROM review_events WHERE finding_id = ?
           OR (type = 'takedown_request' AND case_id IN (SELECT case_id FROM review_events WHERE finding_id = ? AND type = 'case'))
         ORDER BY id`,
      ),
      reviewsOfCase: p('SELECT * FROM review_events WHERE case_id = ? ORDER BY id'),
      findingsInCase: p("SELECT DISTINCT finding_id FROM review_events WHERE case_id = ? AND type = 'case'").pluck(),
      rechecksOf: p("SELECT * FROM review_events WHERE finding_id = ? AND type = 'recheck' ORDER BY id"),
      underAction: p(
        `SELECT l.key AS listingKey, MAX(f.id) AS findingId, json_extract(${latestJson}, '$.url') AS url
           FROM findings f JOIN finding_state s ON s.finding_id = f.id JOIN listings l ON l.id = f.listing_id
          WHERE s.status IN (${UNDER_ACTION.map(() => '?').join(', ')})
          GROUP BY l.id ORDER BY MAX(f.id)`,
      ),
      insertArtefact: p(
        'INSERT INTO artefacts (sha256, media_type, byte_size, role, captured_at, url, finding_id, stored_at, stored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      artefactsOf: p('SELECT * FROM artefacts WHERE finding_id = ? ORDER BY id'),
      artefactBySha: p('SELECT * FROM artefacts WHERE sha256 = ? ORDER BY id DESC LIMIT 1'),
      allArtefacts: p('SELECT id, sha256, byte_size FROM artefacts ORDER BY id'),
      allFindings: p('SELECT id, match_json FROM findings ORDER BY id'),
      lastCustody: p('SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1'),
      insertCustody: p('INSERT INTO custody (seq, at, actor, action, subject, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      custodyAll: p('SELECT * FROM custody ORDER BY seq'),
      custodyHashAt: p('SELECT hash FROM custody WHERE seq = ?').pluck(),
      custodyOf: p('SELECT * FROM custody WHERE subject = ? ORDER BY seq'),
      count: (table: string) => p(`SELECT count(*) FROM ${table}`).pluck(),
      statusCounts: p('SELECT status, count(*) AS n FROM finding_state GROUP BY status'),
    };
  }

  /** A statement built from a filter, prepared once per distinct SQL text. */
  private prepared(sql: string): Database.Statement {
    let st = this.filterStatements.get(sql);
    if (!st) this.filterStatements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** Apply migrations registered after the store was opened (e.g. by a module imported later); returns their versions. */
  migrate(): number[] {
    return runMigrations(this.db);
  }

  /** Close the database (the store cannot be used afterwards). */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Run `fn` in one write transaction (`BEGIN IMMEDIATE`, so it waits for other writers instead of failing
   * mid-way). Inside a transaction already, `fn` simply joins it: everything commits or rolls back together.
   * Synchronous only (never pass an async function).
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  // ——— register ———

  /** Add or update rights (one transaction; each new version is also kept in the append-only history): counts what was added, changed and already identical. */
  importRights(rights: Right[], opts: { file: string; actor: string }): { added: number; changed: number; unchanged: number } {
    const parsed = rights.map((r, i) => parseAs(Right, r, `right ${i + 1} of ${opts.file}`));
    return this.transaction(() => {
      const result = { added: 0, changed: 0, unchanged: 0 };
      const touched: string[] = [];
      const at = now();
      for (const r of parsed) {
        const json = canonicalize(r) as string;
        const before = this.q.rightJson.get(r.id) as string | undefined;
        if (before === json) {
          result.unchanged++;
          continue;
        }
        if (before === undefined) {
          this.q.insertRight.run(r.id, r.kind, r.name, json, opts.file, at, at);
          result.added++;
        } else {
          this.q.updateRight.run(r.kind, r.name, json, opts.file, at, r.id);
          result.changed++;
        }
        this.q.insertRightVersion.run(r.id, json, opts.file, at, opts.actor);
        touched.push(r.id);
      }
      if (touched.length > 0) {
        this.appendCustody({
          actor: opts.actor,
          action: 'imported',
          subject: `register:${opts.file}`,
          details: { ...result, rightIds: touched.slice(0, 500), more: Math.max(0, touched.length - 500), sha256: sha256Of(JSON.stringify(parsed)) },
        });
      }
      return result;
    });
  }

  /** Every right in the register, by id. */
  listRights(): Right[] {
    return (this.q.allRights.all() as string[]).map((j) => parseAs(Right, JSON.parse(j), 'a right read from the store'));
  }

  /** Every version of a right ever imported, oldest first (the register as it was when a finding was made). */
  listRightVersions(id: string): Array<{ right: Right; file: string; at: string; actor: string }> {
    return (this.q.rightVersions.all(id) as Array<{ json: string; file: string; at: string; actor: string }>).map((r) => ({
      right: parseAs(Right, JSON.parse(r.json), `a version of right "${id}"`),
      file: r.file,
      at: r.at,
      actor: r.actor,
    }));
  }

  /** One right by id. */
  getRight(id: string): Right | undefined {
    const j = this.q.rightJson.get(id) as string | undefined;
    return j === undefined ? undefined : parseAs(Right, JSON.parse(j), `right "${id}" read from the store`);
  }

  // ——— listings observed over time ———

  /** Record one sighting of a listing: a new listing identity the first time, always a new observation. */
  recordObservation(listing: ListingInput, opts: { status?: ListingStatus; runId?: number } = {}): { listingKey: string; isNew: boolean; observationId: number } {
    const l = parseAs(Listing, listing, `listing ${listing?.marketplace}:${listing?.externalId}`);
    const status = parseAs(ListingStatus, opts.status ?? 'live', 'observation status');
    return this.transaction(() => {
      const listingKey = listingKeyOf(l);
      let id = this.q.listingId.get(listingKey) as number | undefined;
      const isNew = id === undefined;
      if (id === undefined) id = Number(this.q.insertListing.run(listingKey, l.marketplace, l.externalId, l.seenAt).lastInsertRowid);
      const observationId = Number(
        this.q.insertObservation.run(id, l.seenAt, status, l.price ?? null, l.title, JSON.stringify(l), opts.runId ?? null, null).lastInsertRowid,
      );
      return { listingKey, isNew, observationId };
    });
  }

  /** Record many sightings in one transaction (the fast path for a crawl). */
  recordObservations(items: Array<{ listing: ListingInput; status?: ListingStatus; runId?: number }>): Array<{ listingKey: string; isNew: boolean; observationId: number }> {
    return this.transaction(() => items.map((it) => this.recordObservation(it.listing, { status: it.status, runId: it.runId })));
  }

  /** Record a status seen without a new listing version (removed, blocked, or live again). */
  recordStatus(listingKey: string, status: 'removed' | 'blocked' | 'live', opts: { runId?: number; detail?: string } = {}): void {
    parseAs(ListingStatus, status, 'observation status');
    this.transaction(() => {
      const id = this.q.listingId.get(listingKey) as number | undefined;
      if (id === undefined) throw new Error(`no listing "${listingKey}" in the store; record an observation of it first`);
      this.q.insertObservation.run(id, now(), status, null, null, null, opts.runId ?? null, opts.detail ?? null);
    });
  }

  /** The latest observed version of a listing. */
  getListing(listingKey: string): Listing | undefined {
    const j = this.q.latestListingJson.get(listingKey) as string | null | undefined;
    return j ? parseAs(Listing, JSON.parse(j), `listing "${listingKey}" read from the store`) : undefined;
  }

  /** Every observation of a listing, oldest first. */
  listObservations(listingKey: string): ObservationSummary[] {
    return (this.q.observations.all(listingKey) as Row[]).map((r) => withoutNulls(r) as unknown as ObservationSummary);
  }

  // ——— blobs and artefacts ———

  /** Store bytes by content (temp file, fsync, rename); the same bytes are stored once. */
  putBlob(bytes: Uint8Array): { sha256: string; byteSize: number; existed: boolean } {
    return this.blobs.put(bytes);
  }

  /** The bytes of a stored blob; throws naming the hash when it is missing. */
  readBlob(sha256: string): Buffer {
    return this.blobs.read(sha256);
  }

  /** Store an artefact's bytes and record it (with a `captured` custody event); refuses bytes that do not hash to `expectedSha256`. */
  addArtefact(
    a: { bytes: Uint8Array; mediaType: string; role: ArtefactRole; capturedAt: string; url?: string; findingId?: number; expectedSha256?: string },
    actor: string,
  ): Artefact {
    const sha256 = sha256Of(a.bytes);
    if (a.expectedSha256 !== undefined && a.expectedSha256 !== sha256) {
      throw new Error(
        `artefact ${a.role} (${a.mediaType}) hashes to ${sha256} but its capture recorded ${a.expectedSha256}: the bytes changed on the way; capture it again`,
      );
    }
    const artefact = parseAs(
      Artefact,
      { sha256, mediaType: a.mediaType, byteSize: a.bytes.byteLength, role: a.role, capturedAt: a.capturedAt, url: a.url, findingId: a.findingId },
      `artefact ${a.role}`,
    );
    this.blobs.put(a.bytes);
    return this.transaction(() => {
      if (a.findingId !== undefined && !this.q.findingExists.get(a.findingId)) throw new Error(`no finding with id ${a.findingId}; add the finding before its artefacts`);
      const id = Number(
        this.q.insertArtefact.run(sha256, artefact.mediaType, artefact.byteSize, artefact.role, artefact.capturedAt, artefact.url ?? null, artefact.findingId ?? null, now(), actor)
          .lastInsertRowid,
      );
      this.appendCustody({
        actor,
        action: 'captured',
        subject: a.findingId !== undefined ? `finding:${a.findingId}` : `blob:${sha256}`,
        details: { artefactId: id, sha256, byteSize: artefact.byteSize, role: artefact.role, mediaType: artefact.mediaType, capturedAt: artefact.capturedAt, url: artefact.url },
      });
      return artefact;
    });
  }

  private toArtefact(r: Row): Artefact {
    return parseAs(
      Artefact,
      withoutNulls({ sha256: r.sha256, mediaType: r.media_type, byteSize: r.byte_size, role: r.role, capturedAt: r.captured_at, url: r.url, findingId: r.finding_id }),
      `artefact row ${r.id}`,
    );
  }

  /** The artefacts recorded for a finding, in capture order. */
  listArtefacts(findingId: number): Artefact[] {
    return (this.q.artefactsOf.all(findingId) as Row[]).map((r) => this.toArtefact(r));
  }

  /** The most recent artefact record for a blob hash. */
  getArtefact(sha256: string): Artefact | undefined {
    const r = this.q.artefactBySha.get(sha256) as Row | undefined;
    return r ? this.toArtefact(r) : undefined;
  }

  // ——— findings ———

  /** Record a finding (with a `stored` custody event carrying the hash of its match); a crawl finding is recorded once per (listing, run). */
  addFinding(f: { listingKey: string; source: FindingSource; createdBy: string; runId?: number; match: ListingMatch }): { finding: Finding; created: boolean } {
    const match = parseAs(ListingMatch, f.match, `match of finding for ${f.listingKey}`);
    const source = parseAs(FindingSource, f.source, 'finding source');
    return this.transaction(() => {
      const listingId = this.q.listingId.get(f.listingKey) as number | undefined;
      if (listingId === undefined) throw new Error(`no listing "${f.listingKey}" in the store; record an observation before its finding`);
      if (source === 'crawl' && f.runId !== undefined) {
        const existing = this.q.crawlFinding.get(listingId, f.runId) as number | undefined;
        if (existing !== undefined) return { finding: this.getFinding(existing)!, created: false };
      }
      const rightIds = [...new Set([...match.hits.map((h) => h.rightId), ...match.basis.map((b) => b.rightId)])];
      const matchJson = JSON.stringify(match);
      const at = now();
      const id = Number(this.q.insertFinding.run(listingId, source, at, f.createdBy, f.runId ?? null, match.risk, JSON.stringify(rightIds), matchJson).lastInsertRowid);
      this.q.setState.run(id, 'new', at);
      this.appendCustody({
        actor: f.createdBy,
        action: 'stored',
        subject: `finding:${id}`,
        details: { listingKey: f.listingKey, source, runId: f.runId, risk: match.risk, rightIds, matchSha256: sha256Of(matchJson) },
      });
      // The row just written, without reading it back (its match is the one validated above).
      const finding: Finding = { id, listingKey: f.listingKey, source, createdAt: at, createdBy: f.createdBy, ...(f.runId !== undefined ? { runId: f.runId } : {}), rightIds, risk: match.risk, match };
      return { finding, created: true };
    });
  }

  private toFinding(r: Row): Finding {
    return parseAs(
      Finding,
      withoutNulls({
        id: r.id,
        listingKey: r.listing_key,
        source: r.source,
        createdAt: r.created_at,
        createdBy: r.created_by,
        runId: r.run_id,
        rightIds: JSON.parse(r.right_ids_json as string),
        risk: r.risk,
        match: JSON.parse(r.match_json as string),
      }),
      `finding ${r.id}`,
    );
  }

  /** One finding by id. */
  getFinding(id: number): Finding | undefined {
    const r = this.q.finding.get(id) as Row | undefined;
    return r ? this.toFinding(r) : undefined;
  }

  /** Findings matching a filter, newest first, each with its derived status and latest listing; `total` ignores limit/offset. */
  listFindings(filter: FindingFilter = {}): { total: number; items: ListedFinding[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const latestJson = `(SELECT o.listing_json FROM observations o WHERE o.listing_id = f.listing_id AND o.listing_json IS NOT NULL ORDER BY o.id DESC LIMIT 1)`;
    if (filter.status !== undefined) (where.push('s.status = ?'), params.push(filter.status));
    if (filter.marketplace !== undefined) (where.push('l.marketplace = ?'), params.push(filter.marketplace));
    if (filter.source !== undefined) (where.push('f.source = ?'), params.push(filter.source));
    if (filter.rightId !== undefined) (where.push('EXISTS (SELECT 1 FROM json_each(f.right_ids_json) WHERE value = ?)'), params.push(filter.rightId));
    if (filter.sellerId !== undefined) (where.push(`json_extract(${latestJson}, '$.sellerId') = ?`), params.push(filter.sellerId));
    if (filter.since !== undefined) (where.push('f.created_at >= ?'), params.push(filter.since));
    if (filter.until !== undefined) (where.push('f.created_at <= ?'), params.push(/^\d{4}-\d{2}-\d{2}$/.test(filter.until) ? `${filter.until}T23:59:59.999Z` : filter.until));
    if (filter.minRisk !== undefined) (where.push('f.risk >= ?'), params.push(filter.minRisk));
    const from = `FROM findings f JOIN listings l ON l.id = f.listing_id JOIN finding_state s ON s.finding_id = f.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const total = this.prepared(`SELECT count(*) ${from}`).pluck().get(...params) as number;
    const rows = this.prepared(`SELECT f.*, l.key AS listing_key, s.status AS status, ${latestJson} AS listing_json ${from} ORDER BY f.id DESC LIMIT ? OFFSET ?`).all(
      ...params,
      filter.limit ?? -1,
      filter.offset ?? 0,
    ) as Row[];
    const items = rows.map((r) => ({
      ...this.toFinding(r),
      status: parseAs(FindingStatus, r.status, `status of finding ${r.id}`),
      listing: parseAs(Listing, JSON.parse(r.listing_json as string), `listing of finding ${r.id}`),
    }));
    return { total, items };
  }

  // ——— review (append-only; status derived) ———

  /** Append a review decision (and its custody event); updates the derived status of the findings it touches. */
  addReviewEvent(e: ReviewEvent, actor: string): { id: number; at: string } {
    const ev = parseAs(ReviewEvent, e, `review event ${(e as { type?: string })?.type}`);
    const findingId = 'findingId' in ev ? ev.findingId : undefined;
    const caseId = 'caseId' in ev ? ev.caseId : undefined;
    return this.transaction(() => {
      if (findingId !== undefined && !this.q.findingExists.get(findingId)) throw new Error(`no finding with id ${findingId}; a review event needs an existing finding`);
      if (caseId !== undefined && !this.q.caseExists.get(caseId)) throw new Error(`no case with id ${caseId}; create the case first`);
      const at = now();
      const id = Number(this.q.insertReview.run(ev.type, findingId ?? null, caseId ?? null, at, actor, JSON.stringify(ev)).lastInsertRowid);
      const touched = ev.type === 'takedown_request' ? (this.q.findingsInCase.all(caseId) as number[]) : findingId !== undefined ? [findingId] : [];
      for (const fid of touched) this.q.setState.run(fid, this.findingStatus(fid), at);
      this.appendCustody({
        actor,
        action: REVIEW_CUSTODY_ACTION[ev.type],
        subject: findingId !== undefined ? `finding:${findingId}` : `case:${caseId}`,
        details: { reviewEventId: id, ...ev },
      });
      return { id, at };
    });
  }

  private toReview(r: Row): StoredReviewEvent {
    return { ...parseAs(ReviewEvent, JSON.parse(r.event_json as string), `review event ${r.id}`), id: r.id as number, at: r.at as string, actor: r.actor as string };
  }

  /** The review events recorded for a finding, oldest first. */
  listReviewEvents(findingId: number): StoredReviewEvent[] {
    return (this.q.reviewsOfFinding.all(findingId, findingId) as Row[]).map((r) => this.toReview(r)).filter((e) => 'findingId' in e && e.findingId === findingId);
  }

  /** A finding's status, derived from its events (and the takedown requests of cases it joined before them). */
  findingStatus(findingId: number): FindingStatus {
    if (!this.q.findingExists.get(findingId)) throw new Error(`no finding with id ${findingId}`);
    const joined = new Set<number>();
    const events: ReviewEvent[] = [];
    for (const e of (this.q.reviewsOfFinding.all(findingId, findingId) as Row[]).map((r) => this.toReview(r))) {
      if (e.type === 'case') joined.add(e.caseId);
      if (e.type === 'takedown_request' && !joined.has(e.caseId)) continue;
      events.push(e);
    }
    return deriveStatus(events);
  }

  /** Open a case (with a `case` custody event). */
  createCase(c: { title: string; note?: string }, actor: string): { id: number } {
    const title = parseAs(z.string().trim().min(1).max(300), c.title, 'case title');
    return this.transaction(() => {
      const at = now();
      const id = Number(this.q.insertCase.run(title, c.note ?? null, at, actor).lastInsertRowid);
      this.appendCustody({ actor, action: 'case', subject: `case:${id}`, details: { op: 'create', title, note: c.note } });
      return { id };
    });
  }

  /** A case with its findings (and their status), referrals, takedown requests and re-check outcomes. */
  getCase(id: number): CaseView | undefined {
    const c = this.q.caseRow.get(id) as Row | undefined;
    if (!c) return undefined;
    const events = (this.q.reviewsOfCase.all(id) as Row[]).map((r) => this.toReview(r));
    const findings: CaseView['findings'] = [];
    const seen = new Set<number>();
    for (const e of events) {
      if (e.type !== 'case' || seen.has(e.findingId)) continue;
      seen.add(e.findingId);
      findings.push({ findingId: e.findingId, listingKey: this.getFinding(e.findingId)!.listingKey, status: this.findingStatus(e.findingId), addedAt: e.at, addedBy: e.actor });
    }
    const rechecks = [...seen].flatMap((fid) => (this.q.rechecksOf.all(fid) as Row[]).map((r) => this.toReview(r)));
    return {
      id,
      title: c.title as string,
      ...(c.note !== null ? { note: c.note as string } : {}),
      createdAt: c.created_at as string,
      createdBy: c.created_by as string,
      findings,
      referrals: events.filter((e) => e.type === 'referral'),
      takedownRequests: events.filter((e) => e.type === 'takedown_request'),
      rechecks: rechecks.sort((a, b) => a.id - b.id),
    };
  }

  /** Every case, oldest first, as `getCase` shows it. */
  listCases(): CaseView[] {
    return (this.q.caseIds.all() as number[]).map((id) => this.getCase(id)!);
  }

  /** Listings whose latest finding is flagged, confirmed, in a case or under a takedown request: the crawler re-checks these. */
  listingsUnderAction(): Array<{ listingKey: string; findingId: number; url: string }> {
    return this.q.underAction.all(...UNDER_ACTION) as Array<{ listingKey: string; findingId: number; url: string }>;
  }

  // ——— custody ———

  /** Append one event to the custody hash chain (serialised with BEGIN IMMEDIATE, so two processes never fork it). */
  appendCustody(e: { actor: string; action: CustodyAction; subject: string; details?: Record<string, unknown> }): CustodyEvent {
    const action = parseAs(CustodyAction, e.action, 'custody action');
    if (!e.actor || !e.subject) throw new Error(`a custody event needs an actor and a subject (got actor "${e.actor}", subject "${e.subject}")`);
    const details = normaliseDetails(e.details);
    return this.transaction(() => {
      const last = this.q.lastCustody.get() as { seq: number; hash: string } | undefined;
      const body = { seq: (last?.seq ?? 0) + 1, at: now(), actor: e.actor, action, subject: e.subject, details, prevHash: last?.hash ?? GENESIS_HASH };
      const event: CustodyEvent = { ...body, hash: custodyHash(body) };
      this.q.insertCustody.run(event.seq, event.at, event.actor, event.action, event.subject, JSON.stringify(details), event.prevHash, event.hash);
      return event;
    });
  }

  private toCustody(r: Row): CustodyEvent {
    return parseAs(
      CustodyEvent,
      { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: JSON.parse(r.details_json as string), prevHash: r.prev_hash, hash: r.hash },
      `custody event ${r.seq}`,
    );
  }

  /** The custody log (or the events about one subject, e.g. `finding:12`), in order. */
  listCustody(subject?: string): CustodyEvent[] {
    const rows = (subject === undefined ? this.q.custodyAll.all() : this.q.custodyOf.all(subject)) as Row[];
    return rows.map((r) => this.toCustody(r));
  }

  // ——— crawl runs ———

  /** Record the start of a crawl run; returns its id. */
  startRun(params: Record<string, unknown>): number {
    return Number(this.q.insertRun.run(now(), JSON.stringify(params ?? {})).lastInsertRowid);
  }

  /** Record how a crawl run ended. */
  finishRun(id: number, r: { status: 'ok' | 'failed' | 'interrupted'; counts: Record<string, number>; errors: string[] }): void {
    const changed = this.q.finishRun.run(now(), r.status, JSON.stringify(r.counts ?? {}), JSON.stringify(r.errors ?? []), id).changes;
    if (changed === 0) throw new Error(`no crawl run with id ${id}; start it with startRun() first`);
  }

  /** Every crawl run, oldest first. */
  listRuns(): RunSummary[] {
    return (this.q.runs.all() as Row[]).map((r) => ({
      id: r.id as number,
      startedAt: r.started_at as string,
      ...(r.ended_at !== null ? { endedAt: r.ended_at as string } : {}),
      status: r.status as string,
      counts: JSON.parse(r.counts_json as string),
      errors: JSON.parse(r.errors_json as string),
      params: JSON.parse(r.params_json as string),
    }));
  }

  // ——— integrity ———

  /** Counts of everything in the store. */
  counts(): StoreCounts {
    const n = (t: string) => this.q.count(t).get() as number;
    const findings = Object.fromEntries(FindingStatus.options.map((s) => [s, 0])) as Record<FindingStatus, number>;
    for (const r of this.q.statusCounts.all() as Array<{ status: FindingStatus; n: number }>) findings[r.status] = r.n;
    return {
      rights: n('rights'),
      listings: n('listings'),
      observations: n('observations'),
      findings: { ...findings, total: n('findings') },
      artefacts: n('artefacts'),
      runs: n('runs'),
      cases: n('cases'),
      reviewEvents: n('review_events'),
      custody: n('custody'),
    };
  }

  /**
   * Re-hash every blob; check every artefact row has its blob at the right size and agrees with the
   * custody event that captured it; check every finding's match still hashes to what its custody event
   * recorded; walk the custody chain. Names the first bad event and every bad blob, artefact or finding.
   * `expectHead` is a chain head written down earlier (`seq` and `hash`): the event must still have that
   * hash, which shows that nothing up to it was rewritten, even by someone who recomputed every hash.
   */
  verify(opts: { expectHead?: { seq: number; hash: string } } = {}): { ok: boolean; blobs: number; events: number; head?: { seq: number; hash: string }; problems: VerifyProblem[] } {
    const problems: VerifyProblem[] = [];
    let blobs = 0;
    for (const { name, path } of this.blobs.walk()) {
      blobs++;
      const actual = sha256OfFile(path);
      if (actual !== name) problems.push({ kind: 'blob', id: name, message: `blob ${path} was changed: its bytes hash to ${actual}` });
    }
    // What the custody log says each artefact and finding was when it was recorded.
    const captured = new Map<number, { seq: number; sha256: unknown; byteSize: unknown }>();
    const stored = new Map<number, { seq: number; matchSha256: unknown }>();
    const self = this;
    function* events(): Generator<CustodyEvent> {
      for (const r of self.q.custodyAll.iterate() as Iterable<Row>) {
        const e = self.toCustodyLoose(r);
        const d = e.details;
        if (e.action === 'captured' && typeof d.artefactId === 'number') captured.set(d.artefactId, { seq: e.seq, sha256: d.sha256, byteSize: d.byteSize });
        if (e.action === 'stored' && e.subject.startsWith('finding:') && 'matchSha256' in d) stored.set(Number(e.subject.slice(8)), { seq: e.seq, matchSha256: d.matchSha256 });
        yield e;
      }
    }
    const chain = checkChain(events());
    if (chain.problem) problems.push({ kind: 'custody', id: String(chain.problem.seq), message: chain.problem.message });
    for (const r of this.q.allArtefacts.iterate() as Iterable<{ id: number; sha256: string; byte_size: number }>) {
      const s = this.blobs.stat(r.sha256);
      const c = captured.get(r.id);
      if (!s.exists) problems.push({ kind: 'artefact', id: String(r.id), message: `artefact ${r.id} points to blob ${r.sha256}, which is missing from ${this.blobDir}` });
      else if (s.size !== r.byte_size) problems.push({ kind: 'artefact', id: String(r.id), message: `artefact ${r.id} says blob ${r.sha256} has ${r.byte_size} bytes but the file has ${s.size}` });
      if (!c) problems.push({ kind: 'artefact', id: String(r.id), message: `artefact ${r.id} (blob ${r.sha256}) has no "captured" custody event: it was not recorded through the store` });
      else if (c.sha256 !== r.sha256 || c.byteSize !== r.byte_size) {
        problems.push({ kind: 'artefact', id: String(r.id), message: `artefact ${r.id} now points to blob ${r.sha256} (${r.byte_size} bytes) but custody event ${c.seq} recorded ${c.sha256} (${c.byteSize} bytes)` });
      }
    }
    for (const r of this.q.allFindings.iterate() as Iterable<{ id: number; match_json: string }>) {
      const c = stored.get(r.id);
      if (!c) problems.push({ kind: 'finding', id: String(r.id), message: `finding ${r.id} has no "stored" custody event: it was not recorded through the store` });
      else if (c.matchSha256 !== sha256Of(r.match_json)) problems.push({ kind: 'finding', id: String(r.id), message: `finding ${r.id} was changed after custody event ${c.seq} recorded it: its match no longer hashes to ${String(c.matchSha256).slice(0, 12)}…` });
    }
    if (opts.expectHead) {
      const { seq, hash } = opts.expectHead;
      const now = this.q.custodyHashAt.get(seq) as string | undefined;
      if (now === undefined) problems.push({ kind: 'custody', id: String(seq), message: `custody event ${seq}, recorded earlier as ${hash.slice(0, 12)}…, is gone: the log was cut short` });
      else if (now !== hash) problems.push({ kind: 'custody', id: String(seq), message: `custody event ${seq} was recorded earlier as ${hash.slice(0, 12)}… but now hashes to ${now.slice(0, 12)}…: the log was rewritten up to here` });
    }
    const head = this.q.lastCustody.get() as { seq: number; hash: string } | undefined;
    return { ok: problems.length === 0, blobs, events: chain.events, ...(head ? { head } : {}), problems };
  }

  /** A custody row read for verification: no schema check, so a tampered row is reported rather than thrown. */
  private toCustodyLoose(r: Row): CustodyEvent {
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(r.details_json as string);
    } catch {
      details = { unreadable: r.details_json };
    }
    return { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details, prevHash: r.prev_hash, hash: r.hash } as CustodyEvent;
  }
}
