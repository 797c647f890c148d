/**
 * The training marketplace with faults off, over a real socket: every site's search and product paths
 * answer with the shapes agreed in the team brief, pagination ends, robots.txt is served, the ground
 * truth agrees with the catalogue, and the catalogue generator is deterministic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { startTrainingMarket, loadCatalogue, type TrainingMarket } from '../../server/training-market/index.ts';
import { buildCatalogue, summariseCatalogue } from '../../server/training-market/build-catalogue.ts';
import { validShopeeCookie } from '../../server/training-market/sites/shopee.ts';
import { hashString } from '../../server/training-market/random.ts';
import type { GroundTruthEntry, TrainingSite } from '../../server/training-market/schema.ts';

let tm: TrainingMarket;
const cookie = `SPC_F=testcookie01.${hashString('testcookie01:spc').toString(16)}`;

beforeAll(async () => {
  tm = await startTrainingMarket({ faults: false });
});
afterAll(async () => {
  await tm?.close();
});

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json() };
}
async function getText(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}
function firstLive(site: TrainingSite, kind?: string): GroundTruthEntry {
  const e = tm.groundTruth.find((t) => t.marketplace === site && t.status === 'live' && (!kind || t.kind === kind) && !t.title.includes('<'));
  if (!e) throw new Error(`no live ${site} listing`);
  return e;
}
function jsonLd(html: string, type: string): any {
  const $ = cheerio.load(html);
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((s) => JSON.parse($(s).text()))
    .find((j) => j['@type'] === type);
}

describe('training marketplace: contracted shapes (faults off)', () => {
  it('serves robots.txt that allows the sites and disallows carts and the admin API', async () => {
    const { status, text } = await getText(`${tm.url}/robots.txt`);
    expect(status).toBe(200);
    expect(text).toMatch(/Disallow: \/__admin/);
    expect(text).toMatch(/Disallow: \/\*\/cart/);
    expect(text).not.toMatch(/__truth/);
  });

  it('Shopee: search API items carry item_basic with prices × 100000 and shop_location; item/get and get_shop_base match', async () => {
    const { status, body } = await getJson(`${tm.baseUrls.shopee}/api/v4/search/search_items?by=relevancy&keyword=nike&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`, { cookie });
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    const b = body.items[0].item_basic;
    expect(b).toMatchObject({ itemid: body.items[0].itemid, shopid: body.items[0].shopid });
    for (const f of ['name', 'price', 'price_min', 'price_max', 'shop_location', 'shop_name', 'is_official_shop', 'image', 'historical_sold', 'ctime']) expect(b).toHaveProperty(f);
    const l = tm.market.get('shopee', String(b.itemid))!;
    expect(b.price).toBe(l.price * 100_000);
    expect(b.name.toLowerCase()).toContain('nike');
    const item = await getJson(`${tm.baseUrls.shopee}/api/v4/item/get?itemid=${b.itemid}&shopid=${b.shopid}`, { cookie });
    expect(item.body.error).toBeNull();
    expect(item.body.data).toMatchObject({ itemid: b.itemid, shopid: b.shopid, name: b.name, price: b.price, shop_location: l.seller.location });
    expect(item.body.data.categories[0].display_name).toBe(l.item.category[0]);
    const shop = await getJson(`${tm.baseUrls.shopee}/api/v4/shop/get_shop_base?shopid=${b.shopid}`, { cookie });
    expect(shop.body.data).toMatchObject({ shopid: b.shopid, name: l.seller.name, shop_location: l.seller.location, is_official_shop: l.seller.official });
  });

  it('Shopee: the cookie the shell script writes is accepted, a made-up one is not', () => {
    expect(validShopeeCookie(cookie.slice(6))).toBe(true);
    expect(validShopeeCookie('testcookie01.deadbeef')).toBe(false);
    expect(validShopeeCookie(undefined)).toBe(false);
  });

  it('Lazada: search HTML carries window.pageData.mods.listItems, ajax=true the same JSON; product page has JSON-LD Product with offers.seller and a BreadcrumbList', async () => {
    const { status, text } = await getText(`${tm.baseUrls.lazada}/catalog/?q=nike&page=1`);
    expect(status).toBe(200);
    const m = /<script>window\.pageData=(\{.*?\});<\/script>/s.exec(text);
    expect(m).not.toBeNull();
    const pageData = JSON.parse(m![1]);
    const ajax = await getJson(`${tm.baseUrls.lazada}/catalog/?q=nike&page=1&ajax=true`);
    expect(ajax.body).toEqual(pageData);
    const it0 = pageData.mods.listItems[0];
    for (const f of ['name', 'itemId', 'nid', 'sku', 'price', 'priceShow', 'sellerName', 'sellerId', 'location', 'brandName', 'productUrl', 'image']) expect(it0).toHaveProperty(f);
    expect(it0.price).toMatch(/^\d+\.00$/);
    expect(it0.productUrl).toMatch(/^\/\/127\.0\.0\.1:\d+\/lazada\/products\/.+-i\d+-s\d+\.html\?search=1$/);
    const product = await getText(`http:${it0.productUrl}`);
    expect(product.status).toBe(200);
    const ld = jsonLd(product.text, 'Product');
    expect(ld).toMatchObject({ name: it0.name, offers: { priceCurrency: 'VND', price: Number(it0.price), seller: { name: it0.sellerName } } });
    expect(jsonLd(product.text, 'BreadcrumbList').itemListElement.length).toBeGreaterThan(1);
    expect(product.text).toContain(it0.priceShow);
  });

  it('Tiki: search API data/paging, product page with __NEXT_DATA__, product API with current_seller', async () => {
    const { body } = await getJson(`${tm.baseUrls.tiki}/api/v2/products?limit=40&q=nike&page=1`);
    expect(body.paging).toMatchObject({ current_page: 1 });
    const d = body.data[0];
    for (const f of ['id', 'sku', 'name', 'url_path', 'price', 'list_price', 'thumbnail_url', 'quantity_sold', 'seller_name']) expect(d).toHaveProperty(f);
    const page = await getText(`${tm.baseUrls.tiki}/${d.url_path}`);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    const next = JSON.parse($('script#__NEXT_DATA__').text());
    expect(next.props.pageProps.product).toMatchObject({ id: d.id, name: d.name, price: d.price });
    const api = await getJson(`${tm.baseUrls.tiki}/api/v2/products/${d.id}`);
    expect(api.body).toMatchObject({ id: d.id, name: d.name, current_seller: { name: d.seller_name } });
    for (const f of ['description', 'brand', 'breadcrumbs', 'images', 'inventory_status']) expect(api.body).toHaveProperty(f);
  });

  it('Sendo: search API data[].item/meta, product page with __SENDO_STATE__, product API', async () => {
    const { body } = await getJson(`${tm.baseUrls.sendo}/api/web/products?q=vinamilk&page=1&size=60`);
    expect(body.meta).toMatchObject({ page: 1 });
    const it0 = body.data[0];
    expect(it0.type).toBe('SKU');
    for (const f of ['name', 'product_id', 'external_id', 'price', 'final_price', 'shop_id', 'shop_name', 'shop_warehouse_city', 'cat_path', 'thumbnail_url', 'category_id']) expect(it0.item).toHaveProperty(f);
    const page = await getText(`${tm.baseUrls.sendo}/${it0.item.cat_path}`);
    expect(page.status).toBe(200);
    const state = JSON.parse(cheerio.load(page.text)('script#__SENDO_STATE__').text());
    expect(state.product).toMatchObject({ product_id: it0.item.product_id, shop_name: it0.item.shop_name });
    const api = await getJson(`${tm.baseUrls.sendo}/api/product/${it0.item.product_id}`);
    expect(api.body.data).toMatchObject({ name: it0.item.name, status: 2 });
    expect(typeof api.body.data.description).toBe('string');
  });

  it('plain shop: search links to products with JSON-LD Product (offers.seller.name) and Open Graph', async () => {
    const { text } = await getText(`${tm.baseUrls.jsonld}/search?q=nike`);
    const $ = cheerio.load(text);
    const href = $('a.product').first().attr('href')!;
    expect(href).toMatch(/\/shop\/products\/[a-z0-9-]+$/);
    const product = await getText(href);
    const ld = jsonLd(product.text, 'Product');
    const truth = tm.groundTruth.find((t) => t.url === href)!;
    expect(ld).toMatchObject({ name: truth.title, sku: truth.externalId, offers: { priceCurrency: 'VND', seller: { name: truth.sellerName } } });
    expect(cheerio.load(product.text)('meta[property="og:title"]').attr('content')).toBe(truth.title);
  });

  it('product pages show the price as "1.250.000 ₫", the seller and where it ships from', async () => {
    for (const site of ['lazada', 'tiki', 'sendo', 'jsonld'] as const) {
      const e = firstLive(site);
      const l = tm.market.get(site, e.externalId)!;
      const { text } = await getText(e.url);
      const $ = cheerio.load(text);
      expect($('.price').first().text(), site).toMatch(/^\d{1,3}(\.\d{3})* ₫$/);
      expect($('.seller-name').text(), site).toBe(l.seller.name);
      expect($('.seller-location').text(), site).toBe(l.seller.location);
      expect($('img').first().attr('src'), site).toMatch(new RegExp(`^${tm.url}/`));
    }
  });

  it('pagination ends on every site and visits every search hit exactly once', async () => {
    const q = 'nike';
    const expected = (site: TrainingSite) => tm.market.search(site, q).length;
    // Shopee: newest offset until nomore.
    const shopeeIds: number[] = [];
    for (let newest = 0, guard = 0; guard < 20; guard++, newest += 60) {
      const { body } = await getJson(`${tm.baseUrls.shopee}/api/v4/search/search_items?by=relevancy&keyword=${q}&limit=60&newest=${newest}&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`, { cookie });
      shopeeIds.push(...body.items.map((i: any) => i.itemid));
      if (body.nomore) break;
    }
    expect(new Set(shopeeIds).size).toBe(expected('shopee'));
    expect(expected('shopee')).toBeGreaterThan(60);
    // Tiki: page until last_page.
    const tikiIds: number[] = [];
    for (let page = 1; page <= 20; page++) {
      const { body } = await getJson(`${tm.baseUrls.tiki}/api/v2/products?limit=40&q=${q}&page=${page}`);
      tikiIds.push(...body.data.map((d: any) => d.id));
      if (page >= body.paging.last_page) break;
    }
    expect(new Set(tikiIds).size).toBe(expected('tiki'));
    // Sendo: page until total_page.
    const sendoIds: number[] = [];
    for (let page = 1; page <= 20; page++) {
      const { body } = await getJson(`${tm.baseUrls.sendo}/api/web/products?q=${q}&page=${page}&size=60`);
      sendoIds.push(...body.data.map((d: any) => d.item.product_id));
      if (page >= body.meta.total_page) break;
    }
    expect(new Set(sendoIds).size).toBe(expected('sendo'));
    // Lazada and the plain shop: follow <link rel="next"> until there is none.
    const bigQuery = (site: TrainingSite, pageSize: number) => ['nike', 'iphone', 'samsung', 'vinamilk', 'phú quốc', 'buôn ma thuột'].find((c) => tm.market.search(site, c).length > pageSize)!;
    const lq = bigQuery('lazada', 40);
    const jq = bigQuery('jsonld', 20);
    for (const [site, sq, first] of [['lazada', lq, `${tm.baseUrls.lazada}/catalog/?q=${encodeURIComponent(lq)}`], ['jsonld', jq, `${tm.baseUrls.jsonld}/search?q=${encodeURIComponent(jq)}`]] as const) {
      const seen = new Set<string>();
      let url: string | undefined = first;
      let pages = 0;
      while (url && pages < 20) {
        const { text } = await getText(url);
        const $ = cheerio.load(text);
        if (site === 'lazada') for (const it of JSON.parse(/window\.pageData=(\{.*?\});<\/script>/s.exec(text)![1]).mods.listItems) seen.add(it.itemId);
        else $('a.product').each((_, a) => void seen.add($(a).attr('href')!));
        url = $('link[rel="next"]').attr('href');
        pages++;
      }
      expect(pages, site).toBeGreaterThan(1);
      expect(url, site).toBeUndefined();
      expect(seen.size, site).toBe(tm.market.search(site, sq).length);
    }
  });

  it('search folds diacritics and finds homonyms too (táo đỏ Tân Cương comes up for "Tân Cương")', () => {
    const all = (['shopee', 'lazada', 'tiki', 'sendo', 'jsonld'] as const).flatMap((s) => tm.market.search(s, 'tan cuong'));
    const kinds = new Set(all.map((l) => l.item.kind));
    expect(kinds.has('homonym')).toBe(true);
    expect(kinds.has('gi_inside')).toBe(true);
    expect(all.every((l) => / tan cuong /.test(l.searchText))).toBe(true);
  });

  it('ground truth: one entry per (product, site), consistent with the catalogue and with GET /__truth', async () => {
    const catalogue = loadCatalogue();
    const summary = summariseCatalogue(catalogue);
    const truth = tm.groundTruth;
    expect(truth.length).toBe(summary.listings);
    expect(truth.filter((t) => t.infringing).length).toBe(summary.infringingListings);
    expect(new Set(truth.map((t) => `${t.marketplace}:${t.externalId}`)).size).toBe(truth.length);
    // Shopee's externalId is "<shopid>.<itemid>", as the adapters read it from the URL.
    for (const t of truth.filter((x) => x.marketplace === 'shopee')) expect(t.url.endsWith(`-i.${t.externalId}`)).toBe(true);
    expect(truth.every((t) => t.status === 'live')).toBe(true);
    for (const kind of ['official', 'gi_inside', 'compatibility', 'homonym', 'lookalike', 'genuine', 'filler']) expect(truth.filter((t) => t.kind === kind).every((t) => !t.infringing), kind).toBe(true);
    for (const kind of ['counterfeit', 'counterfeit_silent', 'disguised', 'gi_outside_region', 'gi_qualifier']) expect(truth.filter((t) => t.kind === kind).every((t) => t.infringing && t.rightIds.length > 0), kind).toBe(true);
    const served = await getJson(`${tm.url}/__truth`);
    expect(served.body).toEqual(truth);
    // Every listing's URL answers its product.
    const sample = (['lazada', 'tiki', 'sendo', 'jsonld'] as const).map((s) => firstLive(s, 'gi_outside_region'));
    for (const e of sample) expect((await fetch(e.url)).status, e.url).toBe(200);
  });

  it('the catalogue generator is deterministic and its disguises are really disguised', () => {
    const input = {
      gis: [{ id: 'gi-test', kind: 'gi', name: 'Phú Quốc', product: 'nước mắm', region: ['Kiên Giang'] }],
      marks: [{ id: 'mark-nike', kind: 'mark', name: 'Nike' }],
      source: { test: 'inline' },
    };
    const a = buildCatalogue(input, 7);
    const b = buildCatalogue(input, 7);
    expect(a).toEqual(b);
    expect(buildCatalogue(input, 8)).not.toEqual(a);
    const disguised = a.items.filter((i) => i.kind === 'disguised');
    expect(disguised.length).toBeGreaterThan(0);
    expect(disguised.every((i) => !/\bNike\b/.test(i.title))).toBe(true);
    const inside = a.items.filter((i) => i.kind === 'gi_inside').map((i) => a.sellers.find((s) => s.key === i.sellerKey)!.location);
    expect(new Set(inside)).toEqual(new Set(['Kiên Giang']));
  });
});
