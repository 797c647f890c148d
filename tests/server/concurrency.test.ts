/**
 * 50 concurrent flags (each with four artefacts) through the service while another process writes
 * to the same SQLite store: first a small writer process (observations and crawl findings in a loop),
 * then a real crawl (`ipwatch crawl --training-market`, HTTP marketplaces). Every flag lands exactly
 * once, none is lost, no request errors, the other process keeps writing, and the store verifies.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { flagForm, listing, postFlag, standardArtefacts, startTestServer, storeCounts, type TestServer } from './helpers.ts';

let s: TestServer;
let child: ChildProcess;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill();
  await s?.close();
});

/** Send 50 flags at once; returns the answers and their bodies. */
async function fiftyFlags(tag: string, url?: (i: number) => string) {
  const listings = Array.from({ length: 50 }, (_, i) => listing({ externalId: `${tag}-${i}`, title: `Sữa Vinamilk giả số ${i}`, ...(url ? { url: url(i) } : {}) }));
  const responses = await Promise.all(
    listings.map((l, i) => postFlag(s.url, s.tokens.officer, flagForm(l, standardArtefacts(l, { screenshot: 60_000, mhtml: 80_000 })), `${tag}-key-${i}`)),
  );
  return { listings, responses, bodies: await Promise.all(responses.map((r) => r.json())) };
}

const observationCount = () => (s.store.db.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;

it('50 concurrent flags during another process\'s writes all land, none lost, no error', async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'writer-child.ts'), s.store.path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const output: string[] = [];
  const ready = new Promise<void>((resolve) => lines.on('line', (l) => (output.push(l), l === 'ready' && resolve())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await ready;
  const crawlBefore = s.store.listFindings({ source: 'crawl' }).total;

  const { listings, responses, bodies } = await fiftyFlags('conc');
  const crawlDuring = s.store.listFindings({ source: 'crawl' }).total;
  child.stdin!.end();
  expect(await exited).toBe(0);

  expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
  const ids = new Set(bodies.map((b) => b.findingId));
  expect(ids.size).toBe(50);
  const officer = s.store.listFindings({ source: 'officer' });
  expect(officer.total).toBe(50);
  expect(new Set(officer.items.map((f) => f.listing.externalId))).toEqual(new Set(listings.map((l) => l.externalId)));
  for (const id of ids) expect(s.store.listArtefacts(id)).toHaveLength(4);
  // the other process kept writing while the flags landed, and everything it wrote is there
  expect(crawlDuring).toBeGreaterThan(crawlBefore);
  const written = Number(output.find((l) => l.startsWith('written '))!.split(' ')[1]);
  expect(s.store.listFindings({ source: 'crawl' }).total).toBe(written);
  expect(storeCounts(s.store).idempotency_keys).toBe(50);
  const verify = s.store.verify();
  expect(verify.problems).toEqual([]);
  expect(verify.ok).toBe(true);
}, 120_000);

it('50 concurrent flags during a real crawl of the training marketplace all land, and the crawl finishes cleanly', async () => {
  // A fresh store: flagged listings are "under action" and a crawl re-checks them, so none may point at
  // unreachable real marketplaces (these flags point at a closed local port, refused at once).
  await s.close();
  s = await startTestServer();
  const officerBefore = s.store.listFindings({ source: 'officer' }).total;
  const crawl = spawn(
    process.execPath,
    [resolve('bin/ipwatch.js'), 'crawl', '--db', s.store.path, '--training-market', '--marketplace', 'tiki', 'sendo', 'lazada', '--max-pages', '200', '--max-captures', '0', '--rate', '0', '--fresh'],
    // a plain environment: the crawl is an ordinary `ipwatch` process, not part of the test runner
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, DOTENV_CONFIG_QUIET: 'true' } },
  );
  child = crawl;
  let log = '';
  crawl.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  crawl.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((res) => crawl.on('exit', (code) => res(code)));
  // wait (on its log, without touching the database) until the crawl has read pages
  const t0 = Date.now();
  while (!/"pages":[1-9]/.test(log) && crawl.exitCode === null && Date.now() - t0 < 90_000) await new Promise((r) => setTimeout(r, 100));
  expect(log, 'the crawl never reported progress').toMatch(/"pages":[1-9]/);
  const runningAtSend = crawl.exitCode === null;
  const obsBefore = observationCount();
  const { responses, bodies } = await fiftyFlags('crawl', (i) => `http://127.0.0.1:9/tiki/sua-p${i}.html`);
  const obsAfter = observationCount();
  expect(await exited, log).toBe(0);

  expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
  expect(new Set(bodies.map((b) => b.findingId)).size).toBe(50);
  expect(s.store.listFindings({ source: 'officer' }).total - officerBefore).toBe(50);
  // the flags were sent while the crawl was running, and the store holds both (crawl writes after the
  // flags started plus the 50 flag observations)
  expect(runningAtSend).toBe(true);
  expect(obsAfter - obsBefore).toBeGreaterThanOrEqual(50);
  const run = s.store.listRuns().filter((r) => (r.params as { kind?: string }).kind !== 'test-writer').at(-1)!;
  expect(run.status).toBe('ok');
  expect(run.errors).toEqual([]);
  expect(s.store.listFindings({ source: 'crawl' }).total).toBeGreaterThan(0);
  expect(s.store.verify().ok).toBe(true);
}, 180_000);
