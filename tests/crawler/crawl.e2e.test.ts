/**
 * End-to-end crawls in real Chromium against the training marketplace (a small subset of rights and a
 * page budget, to keep CI short): listings stored, findings made, evidence captured in the page load
 * (PNG, MHTML, HTML, WARC readable with warcio, listing JSON) with custody events naming URL, UTC time,
 * tools and user agent; then an officer flags findings, the training marketplace removes one listing
 * and re-lists another (admin API), and the second run records removed, re-listed and still-live.
 * A shop that always answers a captcha page with HTTP 200 is recorded as blocked, never as evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WARCParser } from 'warcio';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';
import { runCrawl, quietLog } from '../../crawler/main.ts';
import type { CrawlSummary } from '../../crawler/summary.ts';
import { tempStore } from './helpers.ts';
import type { Store } from '../../shared/store/index.ts';

const RIGHTS = ['gi-vn-phu-quoc-nuoc-mam', 'mark-nike'];

let tm: TrainingMarket;
let ctx: ReturnType<typeof tempStore>;
let store: Store;
let first: CrawlSummary;

beforeAll(async () => {
  ctx = tempStore();
  // Chromium writes its profile under HOME / XDG folders: keep them in the test's temp folder.
  for (const name of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) process.env[name] = ctx.dir;
  tm = await startTrainingMarket({ faults: true });
  store = ctx.store;
  first = await runCrawl({
    store,
    baseUrls: { shopee: tm.baseUrls.shopee, lazada: tm.baseUrls.lazada },
    rightIds: RIGHTS,
    maxPages: 40,
    maxCaptures: 4,
    log: quietLog,
  });
}, 240_000);

afterAll(async () => {
  ctx?.cleanup();
  await tm?.close();
});

describe('crawl of the training marketplace in Chromium', () => {
  it('stores listings and makes findings from both HTTP (Lazada) and browser (Shopee) sites', () => {
    expect(first.counts.pages).toBeGreaterThan(10);
    expect(first.counts.pages).toBeLessThanOrEqual(40 + 4); // budget: search + listing pages; captures on top
    const keys = store.db.prepare('SELECT key FROM listings').pluck().all() as string[];
    expect(keys.some((k) => k.startsWith('shopee:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('lazada:'))).toBe(true);
    expect(first.counts.findings).toBeGreaterThan(0);
    expect(store.listRuns().at(-1)).toMatchObject({ id: first.runId, status: 'ok' });
  });

  it('captures evidence from the page load: PNG, MHTML, HTML, WARC and listing JSON, with custody', async () => {
    expect(first.counts.evidenceCaptured).toBeGreaterThan(0);
    const findings = store.listFindings({}).items.filter((f) => store.listArtefacts(f.id).length > 0);
    expect(findings.length).toBe(first.counts.evidenceCaptured);
    for (const finding of findings) {
      const arts = store.listArtefacts(finding.id);
      const byRole = Object.fromEntries(arts.map((a) => [a.role, a]));
      expect(Object.keys(byRole).sort()).toEqual(['html', 'listing-json', 'mhtml', 'screenshot', 'warc']);
      const png = store.readBlob(byRole.screenshot.sha256);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const mhtml = store.readBlob(byRole.mhtml.sha256).toString('utf8', 0, 2000);
      expect(mhtml).toMatch(/^From: <Saved by Blink>/);
      expect(mhtml).toMatch(/multipart\/related/i);
      const listingJson = JSON.parse(store.readBlob(byRole['listing-json'].sha256).toString('utf8'));
      expect(`${listingJson.marketplace}:${listingJson.externalId}`).toBe(finding.listingKey);
      // The WARC holds the page's HTTP exchanges, including the listing page itself.
      const types: string[] = [];
      const uris: string[] = [];
      for await (const record of WARCParser.iterRecords([store.readBlob(byRole.warc.sha256)])) {
        types.push(record.warcType ?? '');
        if (record.warcType === 'response') {
          uris.push(record.warcTargetURI ?? '');
          await record.readFully();
        }
      }
      expect(types[0]).toBe('warcinfo');
      expect(types.filter((t) => t === 'response').length).toBeGreaterThan(0);
      expect(types.filter((t) => t === 'request').length).toBe(types.filter((t) => t === 'response').length);
      expect(uris.some((u) => u.startsWith(tm.url))).toBe(true);
      // Custody: one capture event naming URL, UTC time, tools and the browser's user agent.
      const capture = store.listCustody(`finding:${finding.id}`).find((e) => e.action === 'captured' && Array.isArray(e.details.artefacts));
      expect(capture?.details).toMatchObject({ url: expect.stringContaining(tm.url), userAgent: expect.stringContaining('Chrome'), tool: expect.stringMatching(/ipwatch\/.+ crawlee\/3\.18.+ chromium\//) });
      expect(String(capture?.details.capturedAtUtc)).toMatch(/Z$/);
    }
    expect(store.verify().ok).toBe(true);
  });

  it('re-checks listings under action in the next run: removed, re-listed by the same seller, still live', async () => {
    const items = store.listFindings({ marketplace: 'lazada' }).items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const [toRemove, toRelist, toKeep] = items;
    for (const f of [toRemove, toRelist, toKeep]) store.addReviewEvent({ type: 'flag', findingId: f.id, category: 'counterfeit_mark' }, 'officer');
    const admin = async (op: string, key: string) => {
      const [m, id] = key.split(':');
      const r = await fetch(`${tm.url}/__admin/${op}/${m}/${id}`, { method: 'POST' });
      expect(r.status).toBe(200);
      return (await r.json()) as { listing?: { externalId: string } };
    };
    await admin('remove', toRemove.listingKey);
    const relisted = await admin('relist', toRelist.listingKey);
    const second = await runCrawl({
      store,
      baseUrls: { lazada: tm.baseUrls.lazada },
      rightIds: RIGHTS,
      maxPages: 400,
      maxCaptures: 0,
      log: quietLog,
    });
    expect(second.runId).not.toBe(first.runId);
    const outcome = (id: number) => store.listReviewEvents(id).filter((e) => e.type === 'recheck').map((e) => (e as { outcome: string }).outcome);
    expect(outcome(toRemove.id)).toEqual(['removed']);
    expect(outcome(toKeep.id)).toEqual(['still_live']);
    expect(outcome(toRelist.id)).toEqual(['relisted']);
    const relistEvent = store.listReviewEvents(toRelist.id).find((e) => e.type === 'recheck') as { relistedAs?: string };
    expect(relistEvent.relistedAs).toBe(`lazada:${relisted.listing?.externalId}`);
    expect(store.listObservations(toRemove.listingKey).at(-1)?.status).toBe('removed');
    // Seen again: a new observation of the same listing, not a new listing.
    expect(store.listObservations(toKeep.listingKey).length).toBeGreaterThanOrEqual(2);
    expect(store.verify().ok).toBe(true);
  }, 240_000);
});

describe('a shop that always answers a captcha with HTTP 200', () => {
  it('records the listing as blocked, never as evidence', async () => {
    const local = tempStore();
    const server = http.createServer((req, res) => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (req.url?.startsWith('/search')) {
        return res.end(`<html><body><a class="product" href="${origin}/products/nuoc-mam-phu-quoc-sp1" title="Nước mắm Phú Quốc giả">Nước mắm Phú Quốc giả</a></body></html>`);
      }
      res.end('<html><body><div id="captcha-container">Vui lòng xác minh bạn không phải người máy (captcha)</div></body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const summary = await runCrawl({ store: local.store, baseUrls: { jsonld: base }, rightIds: ['gi-vn-phu-quoc-nuoc-mam'], maxRetries: 1, log: quietLog });
      expect(summary.counts.blocked).toBe(1);
      expect(summary.counts.findings).toBe(0);
      expect(summary.counts.artefacts).toBe(0);
      const obs = local.store.db.prepare("SELECT status FROM observations").pluck().all() as string[];
      expect(obs).toEqual(['blocked']);
      expect(local.store.db.prepare('SELECT COUNT(*) FROM artefacts').pluck().get()).toBe(0);
    } finally {
      server.close();
      local.cleanup();
    }
  }, 60_000);
});
