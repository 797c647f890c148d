/**
 * The adapters against a running training marketplace (faults off): over plain HTTP for the Lazada,
 * Tiki, Sendo and plain-shop sites (search → cards → listings, checked against the ground truth),
 * and in real Chromium for the Shopee site, where `apiUrlsFor` must name exactly the API calls the
 * page makes, their responses must parse, and the rendered DOM (what the extension sees) must read
 * into the same listing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';
import { adapterForUrl, parseShopBase } from '../../shared/marketplaces/index.ts';
import type { Marketplace } from '../../shared/schema/index.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let tm: TrainingMarket;

beforeAll(async () => {
  tm = await startTrainingMarket({ faults: false });
});
afterAll(async () => {
  await tm?.close();
});

/** Ground truth of a listing by its URL without query (the training market's own id differs for Shopee). */
const truthOf = (url: string) => tm.groundTruth.find((g) => g.url === url.split('?')[0]);

describe('over HTTP', () => {
  it.each(['lazada', 'tiki', 'sendo', 'jsonld'] as const)('%s: search → cards → listings that match the ground truth', async (name: Marketplace) => {
    const base = tm.baseUrls[name as keyof typeof tm.baseUrls];
    const adapter = adapterForUrl(`${base}/`, tm.baseUrls)!;
    expect(adapter.manifest.name).toBe(name);
    const [first] = adapter.searchUrls('nike');
    const res = await fetch(first);
    const text = await res.text();
    expect(adapter.classifyPage(text, first, res.status)).toEqual({ kind: 'ok' });
    const page = adapter.parseSearch(text, first);
    expect(page.cards.length).toBeGreaterThan(5);
    for (const card of page.cards.slice(0, 4)) {
      const r = await fetch(card.url);
      const html = await r.text();
      const listing = adapter.parseListing(html, card.url, card.partial);
      const truth = truthOf(card.url);
      expect(truth, card.url).toBeDefined();
      expect(listing).toMatchObject({ marketplace: name, externalId: truth!.externalId, title: truth!.title, sellerName: truth!.sellerName, shopLocation: truth!.shopLocation });
    }
    // Sendo pages hold 60 results, more than the training catalogue has for one sign.
    if (name === 'sendo') expect(page.next === undefined).toBe(page.cards.length < 60);
    else expect(page.next).toBeDefined();
    if (page.next) {
      const second = await fetch(page.next!);
      const secondPage = adapter.parseSearch(await second.text(), page.next!);
      expect(secondPage.cards.length).toBeGreaterThan(0);
      const firstIds = new Set(page.cards.map((c) => c.externalId));
      expect(secondPage.cards.filter((c) => firstIds.has(c.externalId))).toEqual([]);
    }
  });
});

describe('Tiki search HTML', () => {
  it('the server-rendered search page lists the same products as the search API', async () => {
    const htmlUrl = `${tm.baseUrls.tiki}/search?q=nike`;
    const [apiUrl] = adapterForUrl(htmlUrl, tm.baseUrls)!.searchUrls('nike');
    const tiki = adapterForUrl(htmlUrl, tm.baseUrls)!;
    expect(tiki.classifyUrl(htmlUrl)).toBe('search');
    const fromHtml = tiki.parseSearch(await (await fetch(htmlUrl)).text(), htmlUrl);
    const fromApi = tiki.parseSearch(await (await fetch(apiUrl)).text(), apiUrl);
    expect(fromHtml.cards.length).toBeGreaterThan(0);
    expect(fromHtml.cards.map((c) => c.externalId)).toEqual(fromApi.cards.map((c) => c.externalId));
    expect(fromHtml.next).toBe(`${tm.baseUrls.tiki}/search?q=nike&page=2`);
  });
});

describe('Shopee in Chromium', () => {
  let browser: Browser;
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'ipwatch-adapters-chromium-'));
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: home, TMPDIR: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home } });
  });
  afterAll(async () => {
    await browser?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('apiUrlsFor names the calls a page makes; API answers and the rendered DOM read into the same listing', async () => {
    const adapter = adapterForUrl(`${tm.baseUrls.shopee}/search?keyword=nike`, tm.baseUrls)!;
    expect(adapter.manifest.name).toBe('shopee');
    const context = await browser.newContext();
    const page = await context.newPage();
    const answers = new Map<string, string>();
    page.on('response', async (r) => {
      if (r.url().includes('/api/v4/')) answers.set(r.url(), await r.text().catch(() => ''));
    });

    // Search: the page's own API call is the one apiUrlsFor predicts.
    const [searchUrl] = adapter.searchUrls('nike');
    await page.goto(searchUrl);
    await page.waitForSelector('body[data-rendered]');
    const [searchApi] = adapter.apiUrlsFor!(searchUrl);
    await expect.poll(() => answers.has(searchApi)).toBe(true);
    const fromApi = adapter.parseSearch(answers.get(searchApi)!, searchApi);
    expect(fromApi.cards.length).toBe(60);
    // Both readings point at the next search page, which a browser can open (the API needs the page's cookie).
    expect(fromApi.next).toBe(adapter.searchUrls('nike', { maxPages: 2 })[1]);
    expect(adapter.apiUrlsFor!(fromApi.next!)[0]).toContain('newest=60');
    const fromDom = adapter.parseSearch(await page.content(), page.url());
    expect(fromDom.cards.map((c) => c.externalId)).toEqual(fromApi.cards.map((c) => c.externalId));
    expect(fromDom.next).toBe(fromApi.next);

    // Product: item/get and get_shop_base, as predicted; API and DOM agree with the ground truth.
    const card = fromApi.cards.find((c) => c.partial.officialStore) ?? fromApi.cards[0];
    await page.goto(card.url);
    await page.waitForSelector('body[data-rendered="product"]');
    const [itemApi, shopApi] = adapter.apiUrlsFor!(card.url);
    await expect.poll(() => answers.has(itemApi) && answers.has(shopApi)).toBe(true);
    const shop = parseShopBase(answers.get(shopApi)!, shopApi);
    const viaApi = adapter.parseListing(answers.get(itemApi)!, itemApi, { ...card.partial, ...shop, url: card.url });
    const viaDom = adapter.parseListing(await page.content(), page.url());
    const truth = truthOf(card.url)!;
    expect(truth).toBeDefined();
    for (const l of [viaApi, viaDom]) {
      expect(l).toMatchObject({ marketplace: 'shopee', externalId: card.externalId, url: card.url, title: truth.title, sellerName: truth.sellerName, shopLocation: truth.shopLocation });
      expect(l.price).toBe(viaApi.price);
    }
    expect(viaDom.officialStore ?? false).toBe(viaApi.officialStore);
    expect(viaDom.categoryPath).toEqual(viaApi.categoryPath);
    await context.close();
  });
});
