/**
 * The training marketplace with faults on, over a real socket: 429 with Retry-After under a burst,
 * captcha and login walls answered 200 on a page's first visit (and the page on the next), Shopee's
 * redirect to /verify/traffic, listings removed from the start (stale in search), and the admin API
 * that removes, re-lists (new id, same seller and title) and restores listings between two crawls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';
import { Faults } from '../../server/training-market/faults.ts';
import type { GroundTruthEntry, TrainingSite } from '../../server/training-market/schema.ts';

let tm: TrainingMarket;
let probe: Faults;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  tm = await startTrainingMarket({ faults: true, faultOptions: { slowMs: 50 } });
  probe = new Faults({ enabled: true, seed: tm.market.catalogue.seed });
});
afterAll(async () => {
  await tm?.close();
});

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
function clean(site: TrainingSite, kind?: string, skip = 0): GroundTruthEntry {
  const all = tm.groundTruth.filter((t) => t.marketplace === site && t.status === 'live' && !t.relistedFrom && (!kind || t.kind === kind) && !probe.wouldChallenge(site, pathOf(t.url)));
  return all[skip];
}
const admin = (op: string, site: string, id: string) => fetch(`${tm.url}/__admin/${op}/${site}/${encodeURIComponent(id)}`, { method: 'POST' });

describe('training marketplace: crawler-hostile behaviour (faults on)', () => {
  it('answers 429 with Retry-After: 1 when a client bursts past the rate, and serves again after the wait', async () => {
    await sleep(1100);
    const url = `${tm.baseUrls.tiki}/api/v2/products?limit=40&q=nike&page=1`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(url).then(async (r) => ({ status: r.status, retry: r.headers.get('retry-after'), body: await r.text() }))));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(limited.every((a) => a.retry === '1')).toBe(true);
    // Another site is not affected by tiki's burst.
    expect((await fetch(`${tm.baseUrls.sendo}/api/web/products?q=nike&page=1&size=60`)).status).toBe(200);
    await sleep(1100);
    expect((await fetch(url)).status).toBe(200);
  });

  it('answers a captcha and a login wall with HTTP 200 on the first visit, and the product on the next', async () => {
    for (const site of ['tiki', 'sendo', 'jsonld', 'lazada'] as const) {
      for (const wall of ['captcha', 'login'] as const) {
        const e = tm.groundTruth.find((t) => t.marketplace === site && t.status === 'live' && probe.wouldChallenge(site, pathOf(t.url)) === wall);
        expect(e, `${site} has a ${wall} page`).toBeDefined();
        const first = await fetch(e!.url);
        const text = await first.text();
        expect(first.status, `${site} ${wall}`).toBe(200);
        expect(text).toContain(`data-page-state="${wall}"`);
        expect(text).not.toContain('class="seller-name"');
        const second = await fetch(e!.url);
        expect(second.status).toBe(200);
        expect(await second.text()).toContain('class="seller-name"');
      }
    }
  });

  it('Shopee sends a challenged page to /verify/traffic (200) and serves the API only with the shell cookie', async () => {
    const e = tm.groundTruth.find((t) => t.marketplace === 'shopee' && t.status === 'live' && probe.wouldChallenge('shopee', pathOf(t.url)) === 'captcha')!;
    const first = await fetch(e.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toMatch(/\/shopee\/verify\/traffic\?/);
    const verify = await fetch(first.headers.get('location')!);
    expect(verify.status).toBe(200);
    expect(await verify.text()).toContain('data-page-state="captcha"');
    const api = await fetch(`${tm.baseUrls.shopee}/api/v4/item/get?itemid=${e.externalId.split(".")[1]}&shopid=${e.sellerId}`);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: 90309999 });
  });

  it('keeps some listings removed from the start: still in search (stale), page says they are gone', async () => {
    const gone = tm.groundTruth.filter((t) => t.status === 'removed');
    expect(gone.length).toBeGreaterThan(10);
    const sendo = gone.find((t) => t.marketplace === 'sendo' && !t.relistedFrom && tm.market.get('sendo', t.externalId)!.inSearch && !probe.wouldChallenge('sendo', pathOf(t.url)))!;
    const page = await fetch(sendo.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sản phẩm không tồn tại');
    const found = await (await fetch(`${tm.baseUrls.sendo}/api/web/products?q=${encodeURIComponent(sendo.title)}&page=1&size=60`)).json();
    expect(found.data.some((d: any) => String(d.item.product_id) === sendo.externalId)).toBe(true);
    // Re-listed from the start: the new listing names the old id, same seller and title.
    const relisted = tm.groundTruth.find((t) => t.relistedFrom)!;
    const old = tm.groundTruth.find((t) => t.marketplace === relisted.marketplace && t.externalId === relisted.relistedFrom)!;
    expect(old.status).toBe('removed');
    expect([relisted.sellerName, relisted.title]).toEqual([old.sellerName, old.title]);
  });

  it('removes, re-lists and restores listings through the admin API between two crawls', async () => {
    const e = clean('tiki', 'counterfeit');
    expect((await fetch(e.url)).status).toBe(200);
    const removed = await admin('remove', 'tiki', e.externalId);
    expect(removed.status).toBe(200);
    expect((await fetch(e.url)).status).toBe(404);
    expect((await fetch(`${tm.baseUrls.tiki}/api/v2/products/${e.externalId}`)).status).toBe(404);
    expect(tm.groundTruth.find((t) => t.marketplace === 'tiki' && t.externalId === e.externalId)!.status).toBe('removed');

    const r = await (await admin('relist', 'tiki', e.externalId)).json();
    expect(r.old.externalId).toBe(e.externalId);
    expect(r.listing.externalId).not.toBe(e.externalId);
    const fresh = tm.groundTruth.find((t) => t.marketplace === 'tiki' && t.externalId === r.listing.externalId)!;
    expect(fresh).toMatchObject({ status: 'live', relistedFrom: e.externalId, sellerName: e.sellerName, title: e.title, infringing: e.infringing });
    const api = await (await fetch(`${tm.baseUrls.tiki}/api/v2/products/${r.listing.externalId}`)).json();
    expect(api.current_seller.name).toBe(e.sellerName);
    const search = await (await fetch(`${tm.baseUrls.tiki}/api/v2/products?limit=40&q=${encodeURIComponent(e.title)}&page=1`)).json();
    const ids = search.data.map((d: any) => String(d.id));
    expect(ids).toContain(r.listing.externalId);
    expect(ids).not.toContain(e.externalId);

    await admin('restore', 'tiki', e.externalId);
    expect((await fetch(e.url)).status).toBe(200);

    // The plain shop and Lazada answer 404 for a removed listing; Sendo a 200 "không tồn tại" page.
    for (const site of ['jsonld', 'lazada', 'sendo'] as const) {
      const x = clean(site, 'counterfeit', 1);
      await admin('remove', site, x.externalId);
      const res = await fetch(x.url);
      expect(res.status, site).toBe(site === 'sendo' ? 200 : 404);
      expect(await res.text(), site).toContain('Sản phẩm không tồn tại');
    }
  });

  it('refuses admin calls for unknown marketplaces or listings with a clear message', async () => {
    const bad = await admin('remove', 'amazon', '1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/unknown marketplace "amazon"/);
    const missing = await admin('relist', 'tiki', '1');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/no tiki listing/);
  });

  it('decides faults from the seed alone: same seed, same pages; another seed, other pages', () => {
    const paths = tm.groundTruth.slice(0, 2000).map((t) => pathOf(t.url));
    const again = new Faults({ enabled: true, seed: tm.market.catalogue.seed });
    const other = new Faults({ enabled: true, seed: tm.market.catalogue.seed + 1 });
    const off = new Faults({ enabled: false, seed: tm.market.catalogue.seed });
    const pick = (f: Faults) => paths.map((p) => f.wouldChallenge('tiki', p) ?? '-').join('');
    expect(pick(again)).toBe(pick(probe));
    expect(pick(other)).not.toBe(pick(probe));
    expect(pick(probe)).toMatch(/captcha/);
    expect(pick(off)).toMatch(/^-+$/);
    expect(off.overRate('tiki')).toBe(false);
  });
});
