/**
 * The evidence service's tables: accounts (with role, agency and an optional scrypt password for the
 * review desk), personal API tokens (only their SHA-256 is kept), desk sessions (only the SHA-256 of the
 * cookie is kept, with the session's CSRF token) and idempotency keys (the stored answer to a flag, so a
 * retried flag lands once). Registered with the store's migration hook so `openStore` creates them.
 */
import { registerMigration } from '../shared/store/index.ts';

/** The accounts migration, in the store's `{ version, name, sql }` shape. */
export const accountsMigration = {
  version: 1000,
  name: 'server-accounts',
  sql: `
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('officer','reviewer','admin')),
  agency TEXT NOT NULL,
  password_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id_sha256 TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  key TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
);
`,
};

registerMigration(accountsMigration);
