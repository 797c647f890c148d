/**
 * The Shopee-like site in real Chromium: the HTML shells render search results and product pages
 * from the /api/v4 JSON (which a plain HTTP client without the shell's cookie cannot read), seller
 * strings are rendered as text (no dialog, no injected element), and a removed item renders
 * "Sản phẩm này không tồn tại".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let tm: TrainingMarket;
let browser: Browser;
let home: string;

beforeAll(async () => {
  tm = await startTrainingMarket({ faults: false });
  home = mkdtempSync(join(tmpdir(), 'ipwatch-tm-chromium-'));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: home, TMPDIR: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home } });
});
afterAll(async () => {
  await browser?.close();
  await tm?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('Shopee-like site in Chromium', () => {
  it('refuses a plain HTTP client without the cookie (403, error 90309999), and the shell page carries no listing data', async () => {
    const api = await fetch(`${tm.baseUrls.shopee}/api/v4/search/search_items?by=relevancy&keyword=nike&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: 90309999 });
    const shell = await (await fetch(`${tm.baseUrls.shopee}/search?keyword=nike`)).text();
    const first = tm.market.search('shopee', 'nike')[0];
    expect(shell).not.toContain(first.item.title);
  });

  it('renders search results (60 a page, with a next page) and a product page from the API', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${tm.baseUrls.shopee}/search?keyword=nike`);
    await page.waitForSelector('body[data-rendered="search"]');
    const total = tm.market.search('shopee', 'nike').length;
    expect(total).toBeGreaterThan(60);
    expect(await page.locator('a.card').count()).toBe(60);
    const nextHref = await page.locator('a.next').getAttribute('href');
    expect(nextHref).toMatch(/page=1$/);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name === 'SPC_F')).toBe(true);

    const href = await page.locator('a.card').first().getAttribute('href');
    await page.goto(href!);
    await page.waitForSelector('body[data-rendered="product"]');
    const itemid = /-i\.\d+\.(\d+)$/.exec(href!)![1];
    const l = tm.market.get('shopee', itemid)!;
    expect(await page.locator('h1.product-name').textContent()).toBe(l.item.title);
    expect(await page.locator('.price').first().textContent()).toMatch(/^\d{1,3}(\.\d{3})* ₫$/);
    expect(await page.locator('.shop-name').textContent()).toBe(`Shop: ${l.seller.name}`);
    expect(await page.locator('.shop-location').textContent()).toBe(`Gửi từ: ${l.seller.location}`);
    await context.close();
  });

  it('renders hostile seller text as text: no dialog fires and no element is injected', async () => {
    const hostile = tm.groundTruth.find((t) => t.marketplace === 'shopee' && t.title.includes('<img src=x onerror=alert(1)>'))!;
    expect(hostile).toBeDefined();
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(hostile.url);
    await page.waitForSelector('body[data-rendered="product"]');
    expect(await page.locator('h1.product-name').textContent()).toBe(hostile.title);
    expect(await page.locator('.shop-name').textContent()).toBe(`Shop: ${hostile.sellerName}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main svg').count()).toBe(0);
    expect(await page.locator('.product-description').textContent()).toContain('<script>alert("xss")</script>');
    // The same listing on the server-rendered sites.
    for (const site of ['lazada', 'tiki', 'sendo', 'jsonld'] as const) {
      const e = tm.groundTruth.find((t) => t.marketplace === site && t.itemKey === hostile.itemKey)!;
      await page.goto(e.url);
      expect(await page.locator('h1.product-title').textContent(), site).toBe(hostile.title);
      expect(await page.locator('img[src="x"]').count(), site).toBe(0);
    }
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('renders "Sản phẩm này không tồn tại" for a removed item', async () => {
    const e = tm.groundTruth.find((t) => t.marketplace === 'shopee' && t.kind === 'counterfeit' && t.status === 'live')!;
    tm.market.remove('shopee', e.externalId);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(e.url);
    await page.waitForSelector('body[data-rendered="removed"]');
    expect(await page.locator('h1.product-not-exist').textContent()).toBe('Sản phẩm này không tồn tại');
    await context.close();
  });
});
