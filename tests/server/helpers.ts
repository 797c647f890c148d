/**
 * Shared set-up for the server tests: a real store in a temp dir, accounts for each role (with desk
 * passwords), a small register, the service on a real socket (127.0.0.1, port 0), and builders for
 * multipart flags with artefacts and their hashes. Nothing is mocked.
 */
import { serve, type ServerType } from '@hono/node-server';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import '../../server/accounts-migration.ts';
import { openStore, type Store } from '../../shared/store/index.ts';
import { Accounts } from '../../server/accounts.ts';
import { createApp, type AppDeps } from '../../server/app.ts';
import type { ListingInput, Right } from '../../shared/schema/index.ts';

/** The password every test account gets. */
export const PASSWORD = 'correct horse battery';

/** A small register: one mark and one GI. */
export const RIGHTS: Right[] = [
  { id: 'mark-vinamilk', kind: 'mark', name: 'Vinamilk', owner: 'Vietnam Dairy Products JSC', registrationNo: '4-0012345-000', niceClasses: [29, 32], source: 'test fixture' },
  { id: 'gi-phu-quoc', kind: 'gi', name: 'Phú Quốc', product: 'nước mắm', region: ['Kiên Giang'], owner: 'Sở KH&CN Kiên Giang', registrationNo: '00001', source: 'test fixture' },
];

/** A running service with its store and one token per role. */
export interface TestServer {
  url: string;
  dir: string;
  store: Store;
  tokens: { officer: string; reviewer: string; admin: string };
  close(): Promise<void>;
}

/** Start the service over a fresh store in a temp dir. */
export async function startTestServer(opts: Partial<AppDeps> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ipwatch-server-'));
  const store = openStore(join(dir, 'ipwatch.db'));
  store.importRights(RIGHTS, { file: 'tests/server/helpers.ts', actor: 'test' });
  const accounts = new Accounts(store);
  const tokens = {
    officer: (await accounts.addUser({ name: 'officer1', role: 'officer', agency: 'market_surveillance', password: PASSWORD }, 'test')).token,
    reviewer: (await accounts.addUser({ name: 'reviewer1', role: 'reviewer', agency: 'dost', password: PASSWORD }, 'test')).token,
    admin: (await accounts.addUser({ name: 'admin1', role: 'admin', agency: 'dost', password: PASSWORD }, 'test')).token,
  };
  const app = createApp({ store, extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'], ...opts });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    store,
    tokens,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A listing as the extension would send it. */
export function listing(over: Partial<ListingInput> = {}): ListingInput {
  const id = over.externalId ?? String(100000 + Math.floor(Math.random() * 1e9));
  return {
    marketplace: 'shopee',
    externalId: id,
    url: `https://shopee.vn/sua-vinamilk-i.555.${id}`,
    title: 'Sữa bột Vinamilk rep 1:1 siêu cấp',
    price: 45000,
    currency: 'VND',
    sellerId: '555',
    sellerName: 'Shop Sữa Giá Rẻ',
    shopLocation: 'Hà Nội',
    seenAt: new Date().toISOString(),
    ...over,
  };
}

/** One artefact to send: its part name, role, media type and bytes. */
export interface TestArtefact {
  part: string;
  role: 'screenshot' | 'mhtml' | 'html' | 'listing-json';
  mediaType: string;
  bytes: Uint8Array;
  /** send this hash instead of the real one */
  declaredSha256?: string;
}

/** SHA-256 hex. */
export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Random bytes that look like a PNG of about `size` bytes. */
export function fakePng(size: number): Uint8Array {
  const b = randomBytes(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return b;
}

/** The usual artefacts of a flag: screenshot, MHTML, HTML and the listing JSON. */
export function standardArtefacts(l: ListingInput, sizes = { screenshot: 20_000, mhtml: 30_000 }): TestArtefact[] {
  const enc = new TextEncoder();
  return [
    { part: 'screenshot', role: 'screenshot', mediaType: 'image/png', bytes: fakePng(sizes.screenshot) },
    { part: 'page', role: 'mhtml', mediaType: 'multipart/related', bytes: enc.encode(`MIME-Version: 1.0\r\n\r\n${'x'.repeat(sizes.mhtml)}`) },
    { part: 'html', role: 'html', mediaType: 'text/html', bytes: enc.encode(`<html><body><h1>${l.title}</h1><script>parent.alert(1)</script></body></html>`) },
    { part: 'json', role: 'listing-json', mediaType: 'application/json', bytes: enc.encode(JSON.stringify(l)) },
  ];
}

/** A multipart flag body: the `flag` JSON part and one file part per artefact. */
export function flagForm(l: ListingInput, artefacts: TestArtefact[], extra: Record<string, unknown> = {}, capturedAt = new Date().toISOString()): FormData {
  const form = new FormData();
  const flag = {
    listing: l,
    category: 'counterfeit_mark',
    note: 'Bán sữa giả',
    artefacts: artefacts.map((a) => ({ part: a.part, role: a.role, mediaType: a.mediaType, sha256: a.declaredSha256 ?? sha256(a.bytes), capturedAt, url: l.url })),
    ...extra,
  };
  form.set('flag', JSON.stringify(flag));
  for (const a of artefacts) form.set(a.part, new Blob([a.bytes as BlobPart], { type: a.mediaType }), a.part);
  return form;
}

/** POST a flag with a token (and optional idempotency key). */
export function postFlag(url: string, token: string, form: FormData, key?: string): Promise<Response> {
  return fetch(`${url}/api/flags`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) }, body: form });
}

/** Row counts of every evidence table plus the number of blob files: what "nothing stored" is checked against. */
export function storeCounts(store: Store): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['listings', 'observations', 'findings', 'artefacts', 'custody', 'review_events', 'cases', 'idempotency_keys']) {
    out[t] = (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  out.blobs = countFiles(store.blobDir);
  return out;
}

function countFiles(dir: string): number {
  let n = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e);
    n += statSync(p).isDirectory() ? countFiles(p) : e.startsWith('.tmp-') ? 0 : 1;
  }
  return n;
}
