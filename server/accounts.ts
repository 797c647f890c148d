/**
 * Accounts, API tokens, desk sessions and idempotency keys, kept in the store's SQLite database (tables
 * from `accounts-migration.ts`). Secrets never touch the disk in clear: API tokens and session cookies
 * are 32 random bytes of which only the SHA-256 is stored, and desk passwords are hashed with scrypt
 * (random salt, constant-time comparison). Every change to an account is a custody event.
 */
import type Database from 'better-sqlite3';
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Account, AccountName, Agency, Role } from '../shared/schema/index.ts';
import type { CustodyAction } from '../shared/schema/index.ts';
import { accountsMigration } from './accounts-migration.ts';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number }) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1 };
/** How long a desk session lasts without a new login. */
export const SESSION_HOURS = 12;

/** The part of the store accounts need: its database and its custody log. */
export interface AccountsStore {
  db: Database.Database;
  appendCustody(e: { actor: string; action: CustodyAction; subject: string; details?: Record<string, unknown> }): unknown;
}

/** SHA-256 of a string, lowercase hex. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A new secret: 32 random bytes, base64url, with a readable prefix. */
function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Hash a desk password with scrypt; the result carries its parameters and salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Check a password against a `hashPassword` result in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, expected);
}

type AccountRow = { id: number; name: string; role: string; agency: string; password_hash: string | null; disabled: number; created_at: string };
const toAccount = (r: AccountRow): Account => Account.parse({ id: r.id, name: r.name, role: r.role, agency: r.agency, disabled: r.disabled === 1, createdAt: r.created_at });

/** A desk session: its account and the synchroniser token every state-changing request must carry. */
export interface Session {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

/** Account, token, session and idempotency operations over the store's database. */
export class Accounts {
  private readonly db: Database.Database;
  constructor(private readonly store: AccountsStore) {
    this.db = store.db;
    // Idempotent: the store's migration hook normally created these already.
    this.db.exec(accountsMigration.sql);
  }

  /** Create an account and return it with its first API token (shown once, stored only as a hash). */
  async addUser(input: { name: string; role: Role; agency: Agency; password?: string }, actor: string): Promise<{ account: Account; token: string }> {
    const name = AccountName.parse(input.name);
    const role = Role.parse(input.role);
    const agency = Agency.parse(input.agency);
    if (this.findByName(name)) throw new Error(`account "${name}" already exists; use "ipwatch user token ${name}" for a new token`);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const token = newSecret('ipw_');
    const now = new Date().toISOString();
    const account = this.db.transaction(() => {
      const id = Number(this.db.prepare('INSERT INTO accounts (name, role, agency, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(name, role, agency, passwordHash, now).lastInsertRowid);
      this.db.prepare('INSERT INTO api_tokens (account_id, token_sha256, created_at) VALUES (?, ?, ?)').run(id, sha256Hex(token), now);
      this.store.appendCustody({ actor, action: 'account', subject: `account:${name}`, details: { op: 'add', role, agency, password: passwordHash !== null } });
      return this.getById(id)!;
    }).immediate();
    return { account, token };
  }

  /** All accounts, oldest first. */
  listUsers(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(toAccount);
  }

  /** One account by name. */
  findByName(name: string): Account | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
    return row && toAccount(row);
  }

  /** One account by id. */
  getById(id: number): Account | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row && toAccount(row);
  }

  /** Disable an account: its tokens and sessions stop working at once. */
  disableUser(name: string, actor: string): Account {
    const acc = this.findByName(name);
    if (!acc) throw new Error(`no account named "${name}" (see "ipwatch user list")`);
    this.db.transaction(() => {
      this.db.prepare('UPDATE accounts SET disabled = 1 WHERE id = ?').run(acc.id);
      this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(acc.id);
      this.store.appendCustody({ actor, action: 'account', subject: `account:${name}`, details: { op: 'disable' } });
    }).immediate();
    return this.getById(acc.id)!;
  }

  /** Issue a new API token for an account, revoking the old ones; returns the token (shown once). */
  newToken(name: string, actor: string): string {
    const acc = this.findByName(name);
    if (!acc) throw new Error(`no account named "${name}" (see "ipwatch user list")`);
    const token = newSecret('ipw_');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL').run(now, acc.id);
      this.db.prepare('INSERT INTO api_tokens (account_id, token_sha256, created_at) VALUES (?, ?, ?)').run(acc.id, sha256Hex(token), now);
      this.store.appendCustody({ actor, action: 'account', subject: `account:${name}`, details: { op: 'token' } });
    }).immediate();
    return token;
  }

  /** Set or replace an account's desk password. */
  async setPassword(name: string, password: string, actor: string): Promise<void> {
    const acc = this.findByName(name);
    if (!acc) throw new Error(`no account named "${name}"`);
    const hash = await hashPassword(password);
    this.db.transaction(() => {
      this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, acc.id);
      this.store.appendCustody({ actor, action: 'account', subject: `account:${name}`, details: { op: 'password' } });
    }).immediate();
  }

  /** The enabled account a bearer token belongs to, or undefined. */
  accountForToken(token: string): Account | undefined {
    const row = this.db
      .prepare('SELECT a.* FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND a.disabled = 0')
      .get(sha256Hex(token)) as AccountRow | undefined;
    return row && toAccount(row);
  }

  /** Check a name and password; the enabled account or undefined (same time whether the name exists or not). */
  async login(name: string, password: string): Promise<Account | undefined> {
    const row = this.db.prepare('SELECT * FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
    const stored = row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const ok = await verifyPassword(password, stored);
    return ok && row && row.password_hash && row.disabled === 0 ? toAccount(row) : undefined;
  }

  /** Open a desk session; returns the cookie value (stored only as a hash) and the session's CSRF token. */
  createSession(accountId: number): { cookie: string; csrfToken: string } {
    const cookie = newSecret('');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now.toISOString());
    this.db.prepare('INSERT INTO sessions (id_sha256, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(sha256Hex(cookie), accountId, csrfToken, now.toISOString(), expires.toISOString());
    return { cookie, csrfToken };
  }

  /** The live session behind a cookie value, or undefined. */
  sessionFor(cookie: string): Session | undefined {
    const row = this.db
      .prepare('SELECT a.*, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_sha256 = ? AND s.expires_at > ? AND a.disabled = 0')
      .get(sha256Hex(cookie), new Date().toISOString()) as (AccountRow & { csrf_token: string; expires_at: string }) | undefined;
    return row && { account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  /** End a session. */
  deleteSession(cookie: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?').run(sha256Hex(cookie));
  }

  /** The stored answer for an idempotency key, if this account used it before. */
  idempotentResponse(accountId: number, key: string): { requestSha256: string; status: number; body: unknown } | undefined {
    const row = this.db.prepare('SELECT request_sha256, status, response FROM idempotency_keys WHERE account_id = ? AND key = ?').get(accountId, key) as
      | { request_sha256: string; status: number; response: string }
      | undefined;
    return row && { requestSha256: row.request_sha256, status: row.status, body: JSON.parse(row.response) };
  }

  /** Remember the answer to an idempotency key (call inside the transaction that did the work). */
  rememberResponse(accountId: number, key: string, requestSha256: string, status: number, body: unknown): void {
    this.db
      .prepare('INSERT INTO idempotency_keys (account_id, key, request_sha256, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(accountId, key, requestSha256, status, JSON.stringify(body), new Date().toISOString());
  }
}
