/**
 * Prints how many requests per second the training marketplace serves (faults off, one process,
 * keep-alive fetch from the same machine): product pages of the four server-rendered sites, the
 * Shopee item API, and search pages. A figure for the report, never a test assertion.
 * Run: `node bin/run-ts.js server/training-market/measure-throughput.ts [requests] [concurrency]`.
 */
import { startTrainingMarket } from './index.ts';
import { hashString } from './random.ts';

const total = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 16);
const tm = await startTrainingMarket({ faults: false });
const cookie = `SPC_F=measure0001.${hashString('measure0001:spc').toString(16)}`;

async function run(label: string, urls: string[], headers: Record<string, string> = {}): Promise<void> {
  let next = 0;
  let bytes = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++];
        const res = await fetch(url, { headers });
        bytes += (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(28)} ${urls.length} requests in ${seconds.toFixed(2)} s = ${(urls.length / seconds).toFixed(0)} req/s, ${(bytes / 1024 / urls.length).toFixed(1)} KB avg, ${errors} non-200`);
}

const live = tm.groundTruth.filter((t) => t.status === 'live');
const pick = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[i % xs.length]);
await run('product pages (HTML)', pick(live.filter((t) => t.marketplace !== 'shopee').map((t) => t.url), total));
await run('shopee item API (JSON)', pick(live.filter((t) => t.marketplace === 'shopee').map((t) => `${tm.baseUrls.shopee}/api/v4/item/get?itemid=${t.externalId.split(".")[1]}&shopid=${t.sellerId}`), total), { cookie });
const queries = ['nike', 'phú quốc', 'vinamilk', 'samsung', 'buôn ma thuột', 'tân cương'];
await run('search pages/APIs', pick(queries.flatMap((q) => [`${tm.baseUrls.lazada}/catalog/?q=${encodeURIComponent(q)}`, `${tm.baseUrls.tiki}/api/v2/products?limit=40&q=${encodeURIComponent(q)}&page=1`, `${tm.baseUrls.sendo}/api/web/products?q=${encodeURIComponent(q)}&page=1&size=60`, `${tm.baseUrls.jsonld}/search?q=${encodeURIComponent(q)}`]), Math.round(total / 3)));
await tm.close();
