/**
 * Store benchmark (`npm run bench:store`): listing observations written per second in batched
 * transactions (new listings, then re-sightings), against two baselines in the same run (one
 * transaction per observation through the store, and raw prepared INSERTs with no validation), blobs
 * stored per second at 64 KB and 1 MB (temp file + fsync + rename), and `verify()` speed. Prints a
 * table with wall-clock rates and rates per CPU-second (the machine is shared, so the load average is
 * printed too); asserts nothing. Sizes can be scaled with BENCH_SCALE (default 1).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListingInput } from '../../shared/schema/index.ts';
import { openStore } from '../../shared/store/index.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'ipwatch-bench-'));
const rows: Array<{ what: string; n: number; seconds: number; cpu: number; unit: string; extra?: string }> = [];

/** Time `fn` (wall clock and this process's CPU time, which other work on a shared machine does not inflate) and record a row. */
function measure(what: string, n: number, unit: string, fn: () => void, extra?: (s: number) => string): void {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  rows.push({ what, n, seconds, cpu: (c.user + c.system) / 1e6, unit, extra: extra?.(seconds) });
}

const listing = (i: number, round: number): ListingInput => ({
  marketplace: 'shopee',
  externalId: `${1000 + (i % 977)}.${i}`,
  url: `https://shopee.vn/nuoc-mam-phu-quoc-chai-500ml-i.${1000 + (i % 977)}.${i}`,
  title: `Nước mắm Phú Quốc 40 độ đạm chai 500ml mẫu ${i} lần ${round}`,
  description: 'Nước mắm truyền thống, ủ chượp 12 tháng, đóng chai thủy tinh. '.repeat(4),
  price: 50000 + ((i * 37) % 90000),
  sellerId: String(1000 + (i % 977)),
  sellerName: `Shop ${i % 977}`,
  shopLocation: 'TP. Hồ Chí Minh',
  categoryPath: ['Bách hóa Online', 'Gia vị'],
  imageUrls: [`https://cf.shopee.vn/file/${i}`],
  seenAt: new Date().toISOString(),
});

try {
  const store = openStore(join(dir, 'bench.db'));
  const N = Math.round(50_000 * scale);
  const BATCH = 1000;
  const batched = (round: number) => () => {
    for (let start = 0; start < N; start += BATCH) {
      store.recordObservations(Array.from({ length: Math.min(BATCH, N - start) }, (_, k) => ({ listing: listing(start + k, round) })));
    }
  };
  measure(`observations, batched ×${BATCH}, new listings`, N, 'obs/s', batched(1));
  measure(`observations, batched ×${BATCH}, re-sightings`, N, 'obs/s', batched(2));

  const single = Math.round(5_000 * scale);
  measure('baseline: one transaction per observation', single, 'obs/s', () => {
    for (let i = 0; i < single; i++) store.recordObservation(listing(i, 3));
  });

  const raw = store.db.prepare('INSERT INTO observations (listing_id, at, status, price, title, listing_json) VALUES (1, ?, ?, ?, ?, ?)');
  measure(`baseline: raw INSERT, no validation, batched ×${BATCH}`, N, 'obs/s', () => {
    for (let start = 0; start < N; start += BATCH) {
      store.transaction(() => {
        for (let i = start; i < Math.min(N, start + BATCH); i++) {
          const l = listing(i, 4);
          raw.run(l.seenAt, 'live', l.price, l.title, JSON.stringify(l));
        }
      });
    }
  });

  for (const [label, size, count] of [
    ['64 KB', 64 * 1024, Math.round(400 * scale)],
    ['1 MB', 1024 * 1024, Math.round(60 * scale)],
  ] as const) {
    const blobs = Array.from({ length: count }, () => randomBytes(size));
    measure(`blobs ${label} (sha256 + temp + fsync + rename)`, count, 'blobs/s', () => {
      for (const b of blobs) store.putBlob(b);
    }, (s) => `${((count * size) / 1024 / 1024 / s).toFixed(1)} MB/s`);
    measure(`blobs ${label} again (already stored)`, count, 'blobs/s', () => {
      for (const b of blobs) store.putBlob(b);
    });
  }

  const events = Math.round(5_000 * scale);
  measure('custody events, one transaction each', events, 'events/s', () => {
    for (let i = 0; i < events; i++) store.appendCustody({ actor: 'bench', action: 'stored', subject: `bench:${i}`, details: { i } });
  });
  let verified = { blobs: 0, events: 0 };
  measure('verify(): re-hash blobs + walk custody chain', 1, 'runs/s', () => {
    verified = store.verify();
  }, (s) => `${verified.blobs} blobs, ${verified.events} events in ${s.toFixed(2)} s`);
  store.close();

  const load = loadavg()[0].toFixed(1);
  console.log(`\nipwatch store benchmark (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, load ${load}, scale ${scale})\n`);
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
  const table = rows.map((r) => [r.what, String(r.n), r.seconds.toFixed(2), `${rate(r.n, r.seconds)} ${r.unit}`, r.cpu.toFixed(2), `${rate(r.n, r.cpu)} ${r.unit}`, r.extra ?? '']);
  const head = ['what', 'n', 'wall s', 'rate (wall)', 'cpu s', 'rate per cpu-second', ''];
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
  for (const r of [head, ...table]) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
