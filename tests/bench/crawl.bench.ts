/**
 * `npm run bench:crawl`: the crawl's figures on the training marketplace.
 * 1 - throughput: ipwatch's HTTP crawl (Lazada, Tiki, Sendo, the JSON-LD shop; matching and storing
 *     every listing; no rate limit, faults off) in pages per second, then a bare Crawlee
 *     CheerioCrawler fetching exactly the same pages with no matching or storing (target ≥ 0.7×);
 * 2 - quality and evidence: a full crawl of all five sites (Shopee in Chromium) with the training
 *     marketplace's faults on (429, captcha and login walls at HTTP 200, slow pages, removed items),
 *     scored against the ground truth (recall target ≥ 0.95, precision ≥ 0.9), with a bounded number of
 *     evidence captures timed for captures per minute.
 * Prints a table and writes bench-results/crawl.json. Figures, not assertions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheerioCrawler, Configuration, log as crawleeLog } from 'crawlee';
import { startTrainingMarket } from '../../server/training-market/index.ts';
import { openStore } from '../../shared/store/index.ts';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import { runCrawl, quietLog } from '../../crawler/main.ts';
import { evaluateRun } from '../../crawler/evaluate.ts';
import type { Marketplace } from '../../shared/schema/index.ts';

const HTTP_SITES: Marketplace[] = ['lazada', 'tiki', 'sendo', 'jsonld'];
const ALL_SITES: Marketplace[] = ['shopee', 'lazada', 'tiki', 'sendo', 'jsonld'];
const CONCURRENCY = 4; // per marketplace, as ipwatch uses on the training marketplace
const CAPTURES = Number(process.env.BENCH_CAPTURES ?? 30);

const dir = mkdtempSync(join(tmpdir(), 'ipwatch-bench-crawl-'));
for (const name of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) process.env[name] = dir;
crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
const rights = loadBundledRegister();

function freshStore(name: string) {
  const store = openStore(join(dir, `${name}.db`));
  store.importRights(rights, { file: 'bundled', actor: 'bench' });
  return store;
}

// 1 - throughput, faults off.
const clean = await startTrainingMarket({ faults: false });
const throughputStore = freshStore('throughput');
const t0 = performance.now();
const throughput = await runCrawl({
  store: throughputStore,
  baseUrls: clean.baseUrls,
  marketplaces: HTTP_SITES,
  ratePerSecond: 0,
  concurrency: CONCURRENCY,
  maxCaptures: 0,
  log: quietLog,
});
const ipwatchSeconds = (performance.now() - t0) / 1000;
const urls = throughputStore.db.prepare("SELECT url FROM crawl_requests WHERE run_id = ? AND label IN ('SEARCH','LISTING') AND state = 'done'").pluck().all(throughput.runId) as string[];

let bareFetched = 0;
const bare = new CheerioCrawler(
  {
    maxConcurrency: CONCURRENCY * HTTP_SITES.length,
    minConcurrency: CONCURRENCY,
    additionalMimeTypes: ['application/json', 'text/plain'],
    requestHandler: async ({ body }) => {
      if (body.length > 0) bareFetched++;
    },
  },
  new Configuration({ persistStorage: false, purgeOnStart: true }),
);
const t1 = performance.now();
await bare.run(urls.map((url, i) => ({ url, uniqueKey: `${i}` })));
const bareSeconds = (performance.now() - t1) / 1000;
throughputStore.close();
await clean.close();

// 2 - quality and evidence, faults on, all five sites.
const faulty = await startTrainingMarket({ faults: true });
const qualityStore = freshStore('quality');
const t2 = performance.now();
const quality = await runCrawl({ store: qualityStore, baseUrls: faulty.baseUrls, marketplaces: ALL_SITES, maxCaptures: CAPTURES, log: quietLog });
const qualitySeconds = (performance.now() - t2) / 1000;
const evaluation = evaluateRun(qualityStore, quality.runId, faulty.groundTruth, ALL_SITES);
const captureTimes = (
  qualityStore.db
    .prepare("SELECT MIN(captured_at) FROM artefacts WHERE finding_id IN (SELECT id FROM findings WHERE run_id = ?) GROUP BY finding_id ORDER BY 1")
    .pluck()
    .all(quality.runId) as string[]
).map((t) => Date.parse(t));
const captureSpanMin = captureTimes.length > 1 ? (captureTimes.at(-1)! - captureTimes[0]) / 60_000 : NaN;
const capturesPerMinute = captureTimes.length > 1 ? (captureTimes.length - 1) / captureSpanMin : NaN;
const verified = qualityStore.verify().ok;
qualityStore.close();
await faulty.close();

const ipwatchRate = throughput.counts.pages / ipwatchSeconds;
const bareRate = bareFetched / bareSeconds;
const rows: Array<[string, string, string]> = [
  ['ipwatch HTTP crawl (match + store), pages/s', ipwatchRate.toFixed(1), `${throughput.counts.pages} pages in ${ipwatchSeconds.toFixed(1)} s, ${throughput.counts.findings} findings`],
  ['bare CheerioCrawler, same pages, pages/s', bareRate.toFixed(1), `${bareFetched} pages in ${bareSeconds.toFixed(1)} s`],
  ['ipwatch / bare (target ≥ 0.7)', (ipwatchRate / bareRate).toFixed(2), ''],
  ['browser captures per minute (with evidence)', capturesPerMinute.toFixed(1), `${captureTimes.length} captures (PNG+MHTML+HTML+WARC+JSON) over ${captureSpanMin.toFixed(2)} min`],
  ['recall vs ground truth (target ≥ 0.95)', evaluation.recall.toFixed(3), `${evaluation.found}/${evaluation.infringing} infringing found, ${evaluation.missed} missed`],
  ['precision vs ground truth (target ≥ 0.9)', evaluation.precision.toFixed(3), `${evaluation.falseAlarms} false alarms`],
  ['listings observed (coverage)', evaluation.coverage.toFixed(3), `faults on: ${quality.counts.blocked} blocked, ${quality.counts.removed} removed, ${quality.counts.errors} errors`],
  ['full crawl, all 5 sites (Shopee in Chromium)', `${qualitySeconds.toFixed(0)} s`, `${quality.counts.pages} pages, ${quality.counts.listings} listings, store verify ${verified ? 'OK' : 'FAILED'}`],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nbench:crawl — training marketplace, ${rights.length} rights, Node ${process.version}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/crawl.json',
  JSON.stringify({ at: new Date().toISOString(), ipwatchRate, bareRate, ratio: ipwatchRate / bareRate, capturesPerMinute, evaluation, throughput: throughput.counts, quality: quality.counts, qualitySeconds }, null, 2),
);
rmSync(dir, { recursive: true, force: true });
