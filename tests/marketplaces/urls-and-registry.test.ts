/**
 * URL building and adapter choice: search URLs on the real sites and on training base URLs,
 * classifyUrl on real URL shapes, adapterForUrl with real hosts and base URLs (path-segment
 * boundaries), withBaseUrl, and Shopee's API URLs for a page.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForUrl, withBaseUrl } from '../../shared/marketplaces/index.ts';

const T = 'http://127.0.0.1:4000';
const BASES = { shopee: `${T}/shopee`, lazada: `${T}/lazada`, tiki: `${T}/tiki`, sendo: `${T}/sendo`, jsonld: `${T}/shop` };

describe('searchUrls', () => {
  it('builds the real search URL patterns, percent-encoding Vietnamese signs', () => {
    const sign = 'nước mắm Phú Quốc';
    const q = encodeURIComponent(sign);
    expect(ADAPTERS.shopee.searchUrls(sign)).toEqual([`https://shopee.vn/search?keyword=${q}&page=0`]);
    expect(ADAPTERS.lazada.searchUrls(sign)).toEqual([`https://www.lazada.vn/catalog/?q=${q}&page=1`]);
    expect(ADAPTERS.tiki.searchUrls(sign)).toEqual([`https://tiki.vn/api/v2/products?limit=40&q=${q}&page=1`]);
    expect(ADAPTERS.sendo.searchUrls(sign)).toEqual([`https://www.sendo.vn/api/web/products?q=${q}&page=1&size=60`]);
    expect(ADAPTERS.tiktok.searchUrls(sign)).toEqual([`https://shop.tiktok.com/search?q=${q}&page=1`]);
    expect(ADAPTERS.jsonld.searchUrls(sign)).toEqual([]); // no default shop
  });

  it('honours maxPages and a training base URL (trailing slash or not)', () => {
    expect(ADAPTERS.lazada.searchUrls('nike', { baseUrl: `${T}/lazada/`, maxPages: 3 })).toEqual([1, 2, 3].map((p) => `${T}/lazada/catalog/?q=nike&page=${p}`));
    expect(ADAPTERS.shopee.searchUrls('nike', { baseUrl: BASES.shopee, maxPages: 2 })).toEqual([`${T}/shopee/search?keyword=nike&page=0`, `${T}/shopee/search?keyword=nike&page=1`]);
    expect(ADAPTERS.jsonld.searchUrls('a&b', { baseUrl: BASES.jsonld })).toEqual([`${T}/shop/search?q=a%26b&page=1`]);
  });

  it('withBaseUrl points search URLs at the base and leaves the original adapter alone', () => {
    const local = withBaseUrl(ADAPTERS.tiki, BASES.tiki);
    expect(local.searchUrls('nike')).toEqual([`${T}/tiki/api/v2/products?limit=40&q=nike&page=1`]);
    expect(local.manifest.defaultBaseUrl).toBe(BASES.tiki);
    expect(ADAPTERS.tiki.manifest.defaultBaseUrl).toBe('https://tiki.vn');
    expect(() => withBaseUrl(ADAPTERS.tiki, 'not a url')).toThrow();
  });
});

describe('classifyUrl', () => {
  it.each([
    ['shopee', 'https://shopee.vn/Apple-iPhone-13-128GB-i.88201679.10753341705', 'listing'],
    ['shopee', 'https://shopee.vn/product/88201679/10753341705', 'listing'],
    ['shopee', 'https://shopee.vn/-M%C3%A3-12ELSALE1-gi%E1%BA%A3m-5-%C4%91%C6%A1n-3TR-Apple-AirPods-Pro-i.88201679.7743986580', 'listing'],
    ['shopee', 'https://shopee.vn/search?keyword=nike', 'search'],
    ['shopee', 'https://shopee.vn/api/v4/search/search_items?by=relevancy&keyword=nike&limit=60&newest=0', 'api-search'],
    ['shopee', 'https://shopee.vn/api/v4/item/get?itemid=1&shopid=2', 'api-listing'],
    ['shopee', 'https://shopee.vn/api/v4/shop/get_shop_base?shopid=2', 'other'],
    ['shopee', 'https://shopee.vn/%C3%81o-Kho%C3%A1c-cat.11035567.11035568', 'other'],
    ['lazada', 'https://www.lazada.vn/products/nha-gia-kim-i231630079-s294080556.html?search=1', 'listing'],
    ['lazada', 'https://www.lazada.vn/catalog/?q=nike', 'search'],
    ['lazada', 'https://www.lazada.vn/catalog/?q=nike&ajax=true', 'api-search'],
    ['lazada', 'https://www.lazada.vn/shop/tan-viet-shop/', 'other'],
    ['tiki', 'https://tiki.vn/animorphs-nguoi-hoa-thu-tap-4-thong-diep-p4363785.html?src=search', 'listing'],
    ['tiki', 'https://tiki.vn/p/4363785', 'listing'],
    ['tiki', 'https://tiki.vn/api/v2/products?limit=40&q=nike&page=1', 'api-search'],
    ['tiki', 'https://tiki.vn/api/v2/products/4363785', 'api-listing'],
    ['tiki', 'https://tiki.vn/bach-hoa-online/c4384', 'other'],
    ['sendo', 'https://www.sendo.vn/ban-goc-tuong-co-hoc-sach-recils-39103035.html', 'listing'],
    ['sendo', 'https://www.sendo.vn/api/web/products?q=ban&page=1&size=60', 'api-search'],
    ['sendo', 'https://www.sendo.vn/api/product/39103035', 'api-listing'],
    ['tiktok', 'https://shop.tiktok.com/view/product/1729384756102938475', 'listing'],
    ['tiktok', 'https://www.tiktok.com/@shop/video/7300000000000000000', 'other'],
    ['jsonld', `${T}/shop/products/nuoc-mam-phu-quoc-sp1`, 'listing'],
    ['jsonld', `${T}/shop/search?q=nike`, 'search'],
  ] as const)('%s %s → %s', (name, url, kind) => {
    expect(ADAPTERS[name].classifyUrl(url)).toBe(kind);
  });

  it('never throws on junk', () => {
    for (const a of Object.values(ADAPTERS)) expect(a.classifyUrl('::not a url::')).toBe('other');
  });
});

describe('adapterForUrl', () => {
  it.each([
    ['https://shopee.vn/x-i.1.2', 'shopee'],
    ['https://www.lazada.vn/products/x-i1-s2.html', 'lazada'],
    ['https://lazada.vn/catalog/?q=a', 'lazada'],
    ['https://tiki.vn/x-p1.html', 'tiki'],
    ['https://www.sendo.vn/x-1.html', 'sendo'],
    ['https://sendo.vn/x-1.html', 'sendo'],
    ['https://shop.tiktok.com/view/product/1729384756102938475', 'tiktok'],
    ['https://www.tiktok.com/view/product/1729384756102938475', 'tiktok'],
    ['https://cuahang.example.vn/products/ca-phe', 'jsonld'],
    ['https://notshopee.vn/x-i.1.2', 'jsonld'],
  ])('%s → %s', (url, name) => {
    expect(adapterForUrl(url)?.manifest.name).toBe(name);
  });

  it('prefers training base URLs, on path-segment boundaries, and returns the adapter pointed at the base', () => {
    expect(adapterForUrl(`${T}/shopee/x-i.1.2`, BASES)?.manifest.name).toBe('shopee');
    expect(adapterForUrl(`${T}/shop/products/x`, BASES)?.manifest.name).toBe('jsonld');
    expect(adapterForUrl(`${T}/shopping/products/x`, BASES)?.manifest.name).toBe('jsonld'); // no base covers it: fallback
    expect(adapterForUrl(`${T}/sendo/api/web/products?q=a`, BASES)?.searchUrls('b')).toEqual([`${T}/sendo/api/web/products?q=b&page=1&size=60`]);
    expect(adapterForUrl('http://127.0.0.1:4001/shopee/x-i.1.2', BASES)?.manifest.name).toBe('jsonld'); // another port is another origin
    expect(adapterForUrl('ftp://shopee.vn/x')).toBeUndefined();
    expect(adapterForUrl('not a url')).toBeUndefined();
  });
});

describe('Shopee apiUrlsFor', () => {
  it('maps search pages to search_items with newest = page × 60, and product pages to item/get + get_shop_base', () => {
    expect(ADAPTERS.shopee.apiUrlsFor!(`${T}/shopee/search?keyword=n%C6%B0%E1%BB%9Bc%20m%E1%BA%AFm&page=2`)).toEqual([
      `${T}/shopee/api/v4/search/search_items?by=relevancy&keyword=n%C6%B0%E1%BB%9Bc%20m%E1%BA%AFm&limit=60&newest=120&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`,
    ]);
    expect(ADAPTERS.shopee.apiUrlsFor!('https://shopee.vn/product/88201679/10753341705')).toEqual([
      'https://shopee.vn/api/v4/item/get?itemid=10753341705&shopid=88201679',
      'https://shopee.vn/api/v4/shop/get_shop_base?shopid=88201679',
    ]);
    expect(ADAPTERS.shopee.apiUrlsFor!('https://shopee.vn/')).toEqual([]);
  });
});

describe('trainingBaseUrls and read-page', () => {
  it('gives the five training sites under an origin', async () => {
    const { trainingBaseUrls } = await import('../../shared/marketplaces/index.ts');
    expect(trainingBaseUrls(`${T}/`)).toEqual(BASES);
  });

  it('read-page reports kind, state and the listing, or the refusal', async () => {
    const { readPage, parseBaseOptions } = await import('../../shared/marketplaces/commands.ts');
    const page = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Cà phê Buôn Ma Thuột","offers":{"price":"95000","seller":{"name":"Shop Đắk Lắk"}}}</script></head></html>`;
    const ok = readPage(page, { url: `${T}/shop/products/ca-phe`, training: T });
    expect(ok).toMatchObject({ marketplace: 'jsonld', urlKind: 'listing', state: { kind: 'ok' }, listing: { externalId: 'ca-phe', price: 95000, sellerName: 'Shop Đắk Lắk' } });
    const refused = readPage('<p>Vui lòng đăng nhập để tiếp tục</p>', { url: `${T}/lazada/products/x-i1-s2.html`, base: [`lazada=${T}/lazada`] });
    expect(refused).toMatchObject({ marketplace: 'lazada', state: { kind: 'login' }, refused: { retryable: true } });
    expect(() => parseBaseOptions(['shopee'])).toThrow(/name=url/);
  });
});
