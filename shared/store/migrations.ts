/**
 * The evidence store's schema, as an ordered list of versioned migrations that `openStore` runs on
 * open, inside one `BEGIN IMMEDIATE` transaction so two processes opening the same file at once never
 * apply a migration twice. Applied versions are recorded in `schema_migrations` (version, name, time),
 * so a migration added later with a lower number than one already applied still runs.
 *
 * Another area adds its own tables with `registerMigration()` from its own file, before it opens the
 * store, e.g. in `server/accounts-migration.ts`:
 *
 * ```ts
 * import { registerMigration } from '../shared/store/index.ts';
 * export const accountsMigration = { version: 1000, name: 'server-accounts', sql: `CREATE TABLE …` };
 * registerMigration(accountsMigration);
 * ```
 * Versions 1–999 belong to the store; other areas pick numbers from 1000 up. A migration never changes
 * once released: add a new one instead. Evidence tables (custody, artefacts, findings, observations,
 * listings, review events, cases, register versions) refuse UPDATE and DELETE through triggers.
 */
import type Database from 'better-sqlite3';

/** One schema step: applied once per database, in version order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** SQL for triggers that make a table append-only (UPDATE and DELETE abort with a clear message). */
export function appendOnlyTriggers(table: string, what: string): string {
  return ['UPDATE', 'DELETE']
    .map(
      (op) => `CREATE TRIGGER IF NOT EXISTS ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${what} are evidence and are never ${op === 'UPDATE' ? 'edited' : 'deleted'}; record a new event instead'); END;`,
    )
    .join('\n');
}

const EVIDENCE_TABLES: Array<[string, string]> = [
  ['custody', 'custody events'],
  ['artefacts', 'artefacts'],
  ['findings', 'findings'],
  ['observations', 'listing observations'],
  ['listings', 'listing identities'],
  ['review_events', 'review events'],
  ['cases', 'cases'],
];

/** The store's own migrations (versions 1–999). */
export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'evidence-store',
    sql: `
CREATE TABLE rights (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  json TEXT NOT NULL,
  source_file TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  params_json TEXT NOT NULL,
  counts_json TEXT NOT NULL DEFAULT '{}',
  errors_json TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  marketplace TEXT NOT NULL,
  external_id TEXT NOT NULL,
  first_seen_at TEXT NOT NULL
);
CREATE TABLE observations (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings(id),
  at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('live','removed','blocked')),
  price REAL,
  title TEXT,
  listing_json TEXT,
  run_id INTEGER,
  detail TEXT
);
CREATE INDEX observations_by_listing ON observations (listing_id, id);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings(id),
  source TEXT NOT NULL CHECK (source IN ('crawl','officer')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  run_id INTEGER,
  risk REAL NOT NULL,
  right_ids_json TEXT NOT NULL,
  match_json TEXT NOT NULL
);
CREATE UNIQUE INDEX findings_once_per_crawl_run ON findings (listing_id, run_id) WHERE source = 'crawl' AND run_id IS NOT NULL;
CREATE INDEX findings_by_listing ON findings (listing_id);
CREATE TABLE finding_state (
  finding_id INTEGER PRIMARY KEY REFERENCES findings(id),
  status TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX finding_state_by_status ON finding_state (status);
CREATE TABLE artefacts (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  media_type TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  role TEXT NOT NULL,
  captured_at TEXT NOT NULL,
  url TEXT,
  finding_id INTEGER REFERENCES findings(id),
  stored_at TEXT NOT NULL,
  stored_by TEXT NOT NULL
);
CREATE INDEX artefacts_by_finding ON artefacts (finding_id);
CREATE INDEX artefacts_by_sha ON artefacts (sha256);
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE review_events (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  finding_id INTEGER REFERENCES findings(id),
  case_id INTEGER REFERENCES cases(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  event_json TEXT NOT NULL
);
CREATE INDEX review_events_by_finding ON review_events (finding_id, id);
CREATE INDEX review_events_by_case ON review_events (case_id, id);
CREATE TABLE custody (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX custody_by_subject ON custody (subject, seq);
${EVIDENCE_TABLES.map(([t, what]) => appendOnlyTriggers(t, what)).join('\n')}
`,
  },
  {
    version: 2,
    name: 'right-versions',
    sql: `
CREATE TABLE right_versions (
  id INTEGER PRIMARY KEY,
  right_id TEXT NOT NULL,
  json TEXT NOT NULL,
  source_file TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE INDEX right_versions_by_right ON right_versions (right_id, id);
INSERT INTO right_versions (right_id, json, source_file, imported_at, imported_by) SELECT id, json, source_file, updated_at, 'migration' FROM rights;
${appendOnlyTriggers('right_versions', 'register versions')}
`,
  },
];

const extra: Migration[] = [];

/** Add a migration from another area (version ≥ 1000); call it before `openStore`. Idempotent per version. */
export function registerMigration(m: Migration): void {
  if (!Number.isInteger(m.version) || m.version < 1000) {
    throw new Error(`migration "${m.name}": version ${m.version} is reserved for the store; use an integer ≥ 1000`);
  }
  const same = [...STORE_MIGRATIONS, ...extra].find((x) => x.version === m.version);
  if (same) {
    if (same.name === m.name && same.sql === m.sql) return;
    throw new Error(`migration "${m.name}": version ${m.version} is already taken by "${same.name}"; pick another number`);
  }
  extra.push(m);
}

/** Every known migration (the store's and the registered ones), in version order. */
export function allMigrations(): Migration[] {
  return [...STORE_MIGRATIONS, ...extra].sort((a, b) => a.version - b.version);
}

/** Apply the migrations this database has not seen yet, in one immediate transaction; returns their versions. */
export function runMigrations(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT version FROM schema_migrations');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const apply = db.transaction(() => {
    const done = new Set((applied.all() as Array<{ version: number }>).map((r) => r.version));
    const ran: number[] = [];
    for (const m of allMigrations()) {
      if (done.has(m.version)) continue;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new Error(`migration ${m.version} "${m.name}" failed: ${(err as Error).message}; the database was left unchanged`);
      }
      record.run(m.version, m.name, new Date().toISOString());
      ran.push(m.version);
    }
    return ran;
  });
  return apply.immediate();
}
