/**
 * Benchmark of `POST /api/flags` (`npm run bench:flags`): the evidence service runs as its own process
 * (`ipwatch serve` on a fresh store in a temp dir) and this script is the load: 20 concurrent clients
 * send flags with realistic artefacts (a 1–3 MB PNG screenshot, a 1–3 MB MHTML, a 300 KB HTML and the
 * listing JSON; every flag's bytes are unique so nothing is deduplicated). Baselines in the same run:
 * a trivial authenticated GET (`/api/me`) and the same POST without artefacts. Prints a table of
 * requests per second, MB/s, p50/p99/max latency and errors. Options: --flags N --concurrency C.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import '../../server/accounts-migration.ts';
import { openStore } from '../../shared/store/index.ts';
import { Accounts } from '../../server/accounts.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FLAGS = arg('flags', 200);
const CONCURRENCY = arg('concurrency', 20);
const MB = 1024 * 1024;

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Base artefacts, copied and stamped per flag so every flag is unique. */
const base = {
  png: (() => {
    const b = randomBytes(3 * MB);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    return b;
  })(),
  mhtml: Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n${randomBytes(2.25 * MB).toString('base64')}`),
  html: Buffer.from(`<html><body>${'<div class="item">Nước mắm Phú Quốc</div>'.repeat(7000)}</body></html>`),
};

/** One flag's multipart body with sizes varying 1–3 MB for the screenshot and MHTML. */
function flagBody(i: number, withArtefacts: boolean): { form: FormData; bytes: number } {
  const now = new Date().toISOString();
  const listing = {
    marketplace: 'shopee',
    externalId: `bench-${process.pid}-${i}-${withArtefacts ? 'a' : 'n'}`,
    url: `https://shopee.vn/nuoc-mam-phu-quoc-i.777.${i}`,
    title: `Nước mắm Phú Quốc loại 1 chai 500ml #${i}`,
    price: 39000,
    currency: 'VND',
    sellerId: '777',
    sellerName: 'Đặc sản Miền Tây',
    shopLocation: 'TP. Hồ Chí Minh',
    seenAt: now,
  };
  const form = new FormData();
  const artefacts: Array<{ part: string; role: string; mediaType: string; bytes: Uint8Array }> = [];
  if (withArtefacts) {
    const shotSize = MB + ((i * 7919) % (2 * MB));
    const mhtmlSize = MB + ((i * 104729) % (2 * MB));
    const stamp = (b: Buffer, size: number) => {
      const copy = Buffer.from(b.subarray(0, Math.min(size, b.length)));
      copy.write(`#${process.pid}-${i}#`, 16);
      return copy;
    };
    artefacts.push({ part: 'screenshot', role: 'screenshot', mediaType: 'image/png', bytes: stamp(base.png, shotSize) });
    artefacts.push({ part: 'page', role: 'mhtml', mediaType: 'multipart/related', bytes: stamp(base.mhtml, mhtmlSize) });
    artefacts.push({ part: 'html', role: 'html', mediaType: 'text/html', bytes: stamp(base.html, base.html.length) });
  }
  artefacts.push({ part: 'json', role: 'listing-json', mediaType: 'application/json', bytes: Buffer.from(JSON.stringify(listing)) });
  form.set(
    'flag',
    JSON.stringify({
      listing,
      category: 'gi_misuse',
      note: 'benchmark',
      artefacts: artefacts.map((a) => ({ part: a.part, role: a.role, mediaType: a.mediaType, sha256: sha256(a.bytes), capturedAt: now, url: listing.url })),
    }),
  );
  for (const a of artefacts) form.set(a.part, new Blob([a.bytes as BlobPart], { type: a.mediaType }), a.part);
  return { form, bytes: artefacts.reduce((n, a) => n + a.bytes.length, 0) };
}

interface Result {
  name: string;
  n: number;
  seconds: number;
  latencies: number[];
  errors: string[];
  bytes: number;
}

/** Run `total` requests with `concurrency` workers; `request(i)` returns the bytes sent. */
async function load(name: string, total: number, concurrency: number, request: (i: number) => Promise<{ ok: boolean; status: number; bytes: number }>): Promise<Result> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let bytes = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        try {
          const t = performance.now();
          const r = await request(i);
          latencies.push(performance.now() - t);
          bytes += r.bytes;
          if (!r.ok) errors.push(`HTTP ${r.status}`);
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    }),
  );
  return { name, n: total, seconds: (performance.now() - t0) / 1000, latencies, errors, bytes };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ipwatch-bench-flags-'));
  const db = join(dir, 'ipwatch.db');
  const store = openStore(db);
  const { token } = await new Accounts(store).addUser({ name: 'bench', role: 'officer', agency: 'market_surveillance' }, 'bench');
  store.close();
  const port = await freePort();
  const server = spawn(process.execPath, [resolve('bin/ipwatch.js'), 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((res, rej) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('review desk at') && res());
    server.on('exit', (code) => rej(new Error(`ipwatch serve exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  try {
    // warm-up (JIT, matcher build, SQLite pages)
    for (let i = 0; i < 5; i++) await fetch(`${url}/api/flags`, { method: 'POST', headers, body: flagBody(1_000_000 + i, true).form }).then((r) => r.arrayBuffer());

    const results: Result[] = [];
    results.push(
      await load('GET /api/me (baseline)', FLAGS * 5, CONCURRENCY, async () => {
        const r = await fetch(`${url}/api/me`, { headers });
        await r.arrayBuffer();
        return { ok: r.ok, status: r.status, bytes: 0 };
      }),
    );
    // Flag bodies (and their hashes) are built before each timed request, so client-side hashing is not in the latency.
    results.push(await loadPrepared('POST /api/flags, listing only (baseline)', FLAGS, CONCURRENCY, url, headers, false));
    // While the artefact flags run, one more client measures what a reviewer's page load waits.
    let flagging = true;
    const during: Result = { name: 'GET /api/me during artefact flags (1 client)', n: 0, seconds: 0, latencies: [], errors: [], bytes: 0 };
    const probe = (async () => {
      const t0 = performance.now();
      while (flagging) {
        const t = performance.now();
        try {
          const r = await fetch(`${url}/api/me`, { headers });
          await r.arrayBuffer();
          if (!r.ok) during.errors.push(`HTTP ${r.status}`);
        } catch (e) {
          during.errors.push((e as Error).message);
        }
        during.latencies.push(performance.now() - t);
        during.n++;
        await new Promise((r) => setTimeout(r, 20));
      }
      during.seconds = (performance.now() - t0) / 1000;
    })();
    results.push(await loadPrepared('POST /api/flags, 4 artefacts 2.3–6.3 MB', FLAGS, CONCURRENCY, url, headers, true));
    flagging = false;
    await probe;
    results.push(during);

    const verify = openStore(db);
    const officerFindings = verify.listFindings({ source: 'officer' }).total;
    const ok = verify.verify();
    verify.close();

    console.log(`\nipwatch bench:flags — ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    console.log(`server: ipwatch serve (separate process) on 127.0.0.1, fresh store in ${dir}; load: ${CONCURRENCY} concurrent clients (undici fetch)\n`);
    const rows = results.map((r) => ({
      scenario: r.name,
      requests: r.n,
      'req/s': (r.n / r.seconds).toFixed(1),
      'MB/s in': ((r.bytes / MB) / r.seconds).toFixed(1),
      'p50 ms': pct(r.latencies, 50).toFixed(1),
      'p99 ms': pct(r.latencies, 99).toFixed(1),
      'max ms': Math.max(...r.latencies).toFixed(1),
      errors: r.errors.length,
    }));
    console.table(rows);
    console.log(`officer findings in the store after the run: ${officerFindings} (expected ${2 * FLAGS + 5}); store verify: ${ok.ok ? 'ok' : JSON.stringify(ok.problems.slice(0, 3))}`);
    for (const r of results) if (r.errors.length) console.log(`${r.name}: first errors: ${r.errors.slice(0, 3).join('; ')}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Like `load`, but each flag's body (and its hashes) is prepared before its request is timed. */
async function loadPrepared(name: string, total: number, concurrency: number, url: string, headers: Record<string, string>, withArtefacts: boolean): Promise<Result> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let bytes = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const body = flagBody(i, withArtefacts);
        const t = performance.now();
        try {
          const r = await fetch(`${url}/api/flags`, { method: 'POST', headers, body: body.form });
          await r.arrayBuffer();
          latencies.push(performance.now() - t);
          bytes += body.bytes;
          if (r.status !== 201) errors.push(`HTTP ${r.status}`);
        } catch (e) {
          const cause = (e as { cause?: { code?: string; message?: string } }).cause;
          errors.push(`${(e as Error).message} (${cause?.code ?? cause?.message ?? 'no cause'}) after ${(performance.now() - t).toFixed(0)} ms`);
        }
      }
    }),
  );
  return { name, n: total, seconds: (performance.now() - t0) / 1000, latencies, errors, bytes };
}

await main();
