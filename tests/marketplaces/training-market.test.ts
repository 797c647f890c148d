/**
 * The adapters against pages saved from the training marketplace (tests/fixtures/training-market,
 * written by its save-fixtures script, with `manifest.json` saying what each page is and what a
 * parser must read). Every saved page is checked: listings read into validated Listings with the
 * expected title, price, seller and location; search pages into cards and next pages; captcha, login
 * and removed pages classified as such and refused by the parsers; hostile titles kept as text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Listing, type Marketplace } from '../../shared/schema/index.ts';
import { ADAPTERS, PageNotListingError, adapterForUrl, parseShopBase, type BaseUrls } from '../../shared/marketplaces/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/training-market');
interface Entry {
  file: string;
  marketplace: Marketplace;
  page: string;
  url: string;
  status: number;
  expect?: { externalId: string; title: string; price: number; sellerName: string; shopLocation: string; kind: string };
}
const manifest: { origin: string; baseUrls: BaseUrls; files: Entry[] } | undefined = existsSync(join(DIR, 'manifest.json'))
  ? JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'))
  : undefined;
if (!manifest) console.warn(`[marketplaces] ${DIR}/manifest.json is absent: training-market page tests skipped`);
const files = manifest?.files.filter((f) => existsSync(join(DIR, f.file))) ?? [];
const read = (f: Entry) => readFileSync(join(DIR, f.file), 'utf8');
const BLOCK_KIND: Record<string, string> = { captcha: 'captcha', login: 'login', removed: 'removed', 'blocked-api': 'captcha' };

/** The get_shop_base answer saved next to a Shopee item answer (same shopid), read as a card. */
function shopeeCard(entry: Entry) {
  const shopid = new URL(entry.url).searchParams.get('shopid');
  const shop = files.find((f) => f.page === 'api-shop' && new URL(f.url).searchParams.get('shopid') === shopid);
  return shop ? parseShopBase(read(shop), shop.url) : undefined;
}

describe.skipIf(!manifest)('training-market saved pages', () => {
  it('every saved page is found by adapterForUrl with the training base URLs', () => {
    for (const f of files) expect(adapterForUrl(f.url, manifest!.baseUrls)?.manifest.name, f.file).toBe(f.marketplace);
  });

  it.each(files.filter((f) => f.page in BLOCK_KIND))('$file is classified $page and refused', (f) => {
    const adapter = ADAPTERS[f.marketplace];
    const text = read(f);
    const state = adapter.classifyPage(text, f.url, f.status);
    expect(state.kind).toBe(BLOCK_KIND[f.page]);
    // Even when the status is lost (a crawler that only kept the body), a 200 block page is still refused.
    if (f.status === 200) expect(adapter.classifyPage(text, f.url).kind).toBe(BLOCK_KIND[f.page]);
    let error: unknown;
    try {
      adapter.parseListing(text, f.url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PageNotListingError);
    expect((error as PageNotListingError).url).toBe(f.url);
    if (f.status === 200) expect((error as PageNotListingError).state.kind).toBe(BLOCK_KIND[f.page]);
    expect(() => adapter.parseSearch(text, f.url)).toThrow(PageNotListingError);
  });

  it.each(files.filter((f) => f.expect && !f.file.endsWith('-shell.html')))('$file reads into the expected Listing', (f) => {
    const adapter = ADAPTERS[f.marketplace];
    const text = read(f);
    expect(adapter.classifyPage(text, f.url, f.status)).toEqual({ kind: 'ok' });
    const card = f.marketplace === 'shopee' ? shopeeCard(f) : undefined;
    const listing = adapter.parseListing(text, f.url, card);
    expect(Listing.parse(listing)).toEqual(listing);
    const want = f.expect!;
    expect(listing.marketplace).toBe(f.marketplace);
    // Shopee ids are `<shopid>.<itemid>` (the team brief); the training market's own key is the itemid.
    if (f.marketplace === 'shopee') expect(listing.externalId).toMatch(new RegExp(`^\\d+\\.${want.externalId}$`));
    else expect(listing.externalId).toBe(want.externalId);
    expect(listing.title).toBe(want.title);
    expect(listing.price).toBe(want.price);
    expect(listing.sellerName).toBe(want.sellerName);
    expect(listing.shopLocation).toBe(want.shopLocation);
    expect(new URL(listing.url).origin).toBe(manifest!.origin);
    if (want.kind === 'official') expect(listing.officialStore).toBe(true);
  });

  it.each(files.filter((f) => f.file.endsWith('-shell.html')))('$file (an unrendered Shopee shell) is not parsed, and names its API URLs', (f) => {
    const text = read(f);
    const state = ADAPTERS.shopee.classifyPage(text, f.url, f.status);
    expect(state.kind).toBe('error');
    expect(() => (f.page === 'search' ? ADAPTERS.shopee.parseSearch(text, f.url) : ADAPTERS.shopee.parseListing(text, f.url))).toThrow(PageNotListingError);
    const apis = ADAPTERS.shopee.apiUrlsFor!(f.url);
    expect(apis.length).toBeGreaterThan(0);
    for (const api of apis) expect(files.some((g) => g.url === api) || api.includes('/api/v4/')).toBe(true);
    if (f.page === 'search') expect(files.map((g) => g.url)).toContain(apis[0]);
  });

  it.each(files.filter((f) => (f.page === 'search' || f.page === 'api-search') && !f.file.endsWith('-shell.html')))('$file yields cards that lead to listings of this site', (f) => {
    const adapter = ADAPTERS[f.marketplace];
    const page = adapter.parseSearch(read(f), f.url);
    expect(page.cards.length).toBeGreaterThan(0);
    for (const card of page.cards) {
      expect(adapter.classifyUrl(card.url)).toBe('listing');
      expect(adapterForUrl(card.url, manifest!.baseUrls)?.manifest.name).toBe(f.marketplace);
      expect(card.url.startsWith(manifest!.baseUrls[f.marketplace]!)).toBe(true);
    }
    if (f.marketplace !== 'jsonld') expect(page.cards.every((c) => c.partial.title && c.partial.sellerName && c.partial.price! > 0)).toBe(true);
    // Search cards carry the shop's location where the marketplace shows it (Tiki's cards do not).
    if (f.marketplace !== 'jsonld' && f.marketplace !== 'tiki') expect(page.cards.every((c) => c.partial.shopLocation)).toBe(true);
    // Mall / official shops are marked on the cards where the marketplace shows it (Shopee, Lazada).
    if ((f.marketplace === 'shopee' || f.marketplace === 'lazada') && f.file.includes('nike')) {
      const official = page.cards.filter((c) => c.partial.officialStore === true).map((c) => c.partial.sellerName);
      expect(official.length).toBeGreaterThan(0); // the Nike official store sells on both
      expect(official.every((name) => /official|chính hãng|mall/i.test(name ?? ''))).toBe(true);
    }
    // A first page whose page 2 was saved too must point at it.
    const second = files.find((g) => g !== f && g.marketplace === f.marketplace && g.page === f.page && /[?&]page=2\b/.test(g.url));
    if (second && !/[?&]page=2\b/.test(f.url)) expect(page.next).toBe(second.url);
  });

  it('hostile titles and seller names come back as the same characters, never as markup', () => {
    const xss = files.filter((f) => f.file.includes('xss') && f.expect && !f.file.endsWith('-shell.html'));
    expect(xss.length).toBeGreaterThan(3);
    for (const f of xss) {
      const listing = ADAPTERS[f.marketplace].parseListing(read(f), f.url, f.marketplace === 'shopee' ? shopeeCard(f) : undefined);
      // The saved hostile strings (README: `<img src=x onerror=alert(1)> …` by `Shop "><svg onload=alert(2)>`).
      expect(f.expect!.title).toMatch(/<img /);
      expect(f.expect!.sellerName).toMatch(/<svg /);
      expect(listing.title).toBe(f.expect!.title);
      expect(listing.sellerName).toBe(f.expect!.sellerName);
    }
  });
});
