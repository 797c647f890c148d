/**
 * 50 concurrent flags (each with four artefacts) through the service while another process writes
 * observations and crawl findings to the same SQLite store: every flag lands exactly once, none is
 * lost, no request errors, the other process keeps writing, and the store still verifies.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
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

it('50 concurrent flags during another process\'s writes all land, none lost, no error', async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'writer-child.ts'), s.store.path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const output: string[] = [];
  const ready = new Promise<void>((resolve) => lines.on('line', (l) => (output.push(l), l === 'ready' && resolve())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await ready;
  const crawlBefore = s.store.listFindings({ source: 'crawl' }).total;

  const listings = Array.from({ length: 50 }, (_, i) => listing({ externalId: `conc-${i}`, title: `Sữa Vinamilk giả số ${i}` }));
  const responses = await Promise.all(
    listings.map((l, i) => postFlag(s.url, s.tokens.officer, flagForm(l, standardArtefacts(l, { screenshot: 60_000, mhtml: 80_000 })), `conc-key-${i}`)),
  );
  const bodies = await Promise.all(responses.map((r) => r.json()));
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
