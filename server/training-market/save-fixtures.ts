/**
 * Saves pages and API answers of every training-marketplace site into tests/fixtures/training-market/
 * (search pages, product pages, API JSON, removed, captcha and login pages) with a manifest.json that
 * says what each file is and what an adapter should read from it, so parsers can be tested on saved
 * text. The server runs on a fixed port (47011) so the saved URLs are stable.
 * Run: `node bin/run-ts.js server/training-market/save-fixtures.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './build-catalogue.ts';
import { startTrainingMarket } from './index.ts';
import { Faults } from './faults.ts';
import { hashString } from './random.ts';
import type { GroundTruthEntry, TrainingSite } from './schema.ts';

/** Where the fixtures go. */
export const FIXTURE_DIR = join(REPO_ROOT, 'tests/fixtures/training-market');
const PORT = 47011;

/** One saved file, as listed in manifest.json. */
interface FixtureEntry {
  file: string;
  marketplace: TrainingSite;
  /** What the page is: search | listing | api-search | api-listing | api-shop | captcha | login | removed | blocked-api. */
  page: string;
  url: string;
  status: number;
  /** For listing pages: what an adapter must read (from the ground truth). */
  expect?: { externalId: string; truthExternalId: string; title: string; price?: number; sellerName: string; shopLocation: string; infringing: boolean; kind: string; rightIds: string[] };
  note?: string;
}

async function main(): Promise<void> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const tm = await startTrainingMarket({ port: PORT, faults: true, faultOptions: { ratePerSecond: 10_000, slowMs: 0 } });
  const entries: FixtureEntry[] = [];
  const cookie = 'SPC_F=fixturecookie1.' + hashString('fixturecookie1:spc').toString(16);
  const save = async (file: string, marketplace: TrainingSite, page: string, url: string, extra: Partial<FixtureEntry> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers, redirect: 'follow' });
    const text = await res.text();
    writeFileSync(join(FIXTURE_DIR, file), text);
    entries.push({ file, marketplace, page, url, status: res.status, ...extra });
  };
  const truth = tm.groundTruth;
  const expectOf = (e: GroundTruthEntry) => {
    const l = tm.market.get(e.marketplace, e.externalId)!;
    // Shopee: the manifest keeps the bare itemid here (the ground truth and the adapters use "<shopid>.<itemid>").
    return { externalId: e.marketplace === 'shopee' ? String(l.num) : e.externalId, truthExternalId: e.externalId, title: e.title, price: l.price, sellerName: e.sellerName, shopLocation: e.shopLocation, infringing: e.infringing, kind: e.kind, rightIds: e.rightIds };
  };
  const pick = (m: TrainingSite, kind: string) => {
    const e = truth.find((t) => t.marketplace === m && t.kind === kind && t.status === 'live' && !tm.market.get(m, t.externalId)!.item.title.includes('<') && !challenged(t));
    if (!e) throw new Error(`save-fixtures: no live ${kind} listing on ${m}`);
    return e;
  };
  const probe = new Faults({ enabled: true, seed: tm.market.catalogue.seed });
  const wouldChallenge = (m: TrainingSite, pathAndQuery: string) => probe.wouldChallenge(m, pathAndQuery);
  const challenged = (t: GroundTruthEntry) => {
    const u = new URL(t.url);
    return wouldChallenge(t.marketplace, u.pathname + u.search) !== undefined;
  };
  const xss = (m: TrainingSite) => truth.find((t) => t.marketplace === m && t.title.includes('<img'))!;
  const B = tm.baseUrls;

  // Shopee: shells, the API behind them, and the blocks.
  await save('shopee-search-shell.html', 'shopee', 'search', `${B.shopee}/search?keyword=nike`, { note: 'HTML shell: no listing data; the script fetches the api-search URL below' });
  await save('shopee-api-search-nike.json', 'shopee', 'api-search', `${B.shopee}/api/v4/search/search_items?by=relevancy&keyword=nike&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`, {}, { cookie });
  await save('shopee-api-search-phu-quoc.json', 'shopee', 'api-search', `${B.shopee}/api/v4/search/search_items?by=relevancy&keyword=${encodeURIComponent('phú quốc')}&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`, {}, { cookie });
  for (const [name, e] of [['official', pick('shopee', 'official')], ['gi-outside', pick('shopee', 'gi_outside_region')], ['xss', xss('shopee')]] as const) {
    const l = tm.market.get('shopee', e.externalId)!;
    await save(`shopee-product-${name}-shell.html`, 'shopee', 'listing', e.url, { expect: expectOf(e), note: 'HTML shell; data comes from the api-listing files' });
    await save(`shopee-api-item-${name}.json`, 'shopee', 'api-listing', `${B.shopee}/api/v4/item/get?itemid=${l.num}&shopid=${l.shopId}`, { expect: expectOf(e), note: 'no shop name here (as on the real site): see get_shop_base' }, { cookie });
    await save(`shopee-api-shop-${name}.json`, 'shopee', 'api-shop', `${B.shopee}/api/v4/shop/get_shop_base?shopid=${l.shopId}`, {}, { cookie });
  }
  const gone = pick('shopee', 'counterfeit');
  tm.market.remove('shopee', gone.externalId);
  const goneL = tm.market.get('shopee', gone.externalId)!;
  await save('shopee-api-item-removed.json', 'shopee', 'removed', `${B.shopee}/api/v4/item/get?itemid=${goneL.num}&shopid=${goneL.shopId}`, { note: 'error 4: item not found' }, { cookie });
  await save('shopee-api-no-cookie.json', 'shopee', 'blocked-api', `${B.shopee}/api/v4/search/search_items?by=relevancy&keyword=nike&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`, { note: 'HTTP 403 {error: 90309999}: a client without the SPC_F cookie the shell sets' });
  await save('shopee-verify-traffic.html', 'shopee', 'captcha', `${B.shopee}/verify/traffic?is_initial=true`);
  await save('shopee-login.html', 'shopee', 'login', `${B.shopee}/buyer/login?next=%2F`);

  // Lazada.
  await save('lazada-search-nike.html', 'lazada', 'search', `${B.lazada}/catalog/?q=nike`, { note: 'window.pageData.mods.listItems; <link rel="next"> when there is a next page' });
  await save('lazada-search-nike-page2.html', 'lazada', 'search', `${B.lazada}/catalog/?q=nike&page=2`);
  await save('lazada-search-nike-ajax.json', 'lazada', 'api-search', `${B.lazada}/catalog/?q=nike&ajax=true`);
  for (const [name, e] of [['official', pick('lazada', 'official')], ['gi-inside', pick('lazada', 'gi_inside')], ['disguised', pick('lazada', 'disguised')], ['xss', xss('lazada')]] as const) {
    await save(`lazada-product-${name}.html`, 'lazada', 'listing', e.url, { expect: expectOf(e) });
  }
  const lgone = pick('lazada', 'counterfeit');
  tm.market.remove('lazada', lgone.externalId);
  await save('lazada-product-removed.html', 'lazada', 'removed', lgone.url, { note: 'HTTP 404' });
  await save('lazada-captcha.html', 'lazada', 'captcha', `${B.lazada}/_____tmd_____/punish?x5referer=x`);
  await save('lazada-login.html', 'lazada', 'login', `${B.lazada}/_____tmd_____/login`);

  // Tiki.
  await save('tiki-api-search-nike.json', 'tiki', 'api-search', `${B.tiki}/api/v2/products?limit=40&q=nike&page=1`);
  await save('tiki-api-search-nike-page2.json', 'tiki', 'api-search', `${B.tiki}/api/v2/products?limit=40&q=nike&page=2`);
  for (const [name, e] of [['genuine', pick('tiki', 'genuine')], ['gi-qualifier', pick('tiki', 'gi_qualifier')], ['xss', xss('tiki')]] as const) {
    await save(`tiki-product-${name}.html`, 'tiki', 'listing', e.url, { expect: expectOf(e) });
    await save(`tiki-api-product-${name}.json`, 'tiki', 'api-listing', `${B.tiki}/api/v2/products/${e.externalId}`, { expect: expectOf(e) });
  }
  const tgone = pick('tiki', 'counterfeit');
  tm.market.remove('tiki', tgone.externalId);
  await save('tiki-product-removed.html', 'tiki', 'removed', tgone.url, { note: 'HTTP 404' });
  await save('tiki-api-product-removed.json', 'tiki', 'removed', `${B.tiki}/api/v2/products/${tgone.externalId}`, { note: 'HTTP 404 JSON' });

  // Sendo.
  await save('sendo-api-search-vinamilk.json', 'sendo', 'api-search', `${B.sendo}/api/web/products?q=vinamilk&page=1&size=60`);
  for (const [name, e] of [['counterfeit', pick('sendo', 'counterfeit')], ['homonym', pick('sendo', 'homonym')], ['xss', xss('sendo')]] as const) {
    await save(`sendo-product-${name}.html`, 'sendo', 'listing', e.url, { expect: expectOf(e) });
    await save(`sendo-api-product-${name}.json`, 'sendo', 'api-listing', `${B.sendo}/api/product/${e.externalId}`, { expect: expectOf(e) });
  }
  const sgone = pick('sendo', 'counterfeit_silent');
  tm.market.remove('sendo', sgone.externalId);
  await save('sendo-product-removed.html', 'sendo', 'removed', sgone.url, { note: 'HTTP 200 "Sản phẩm không tồn tại"; __SENDO_STATE__ {product: null}' });

  // The plain JSON-LD shop.
  await save('shop-search-nike.html', 'jsonld', 'search', `${B.jsonld}/search?q=nike`);
  await save('shop-search-nike-page2.html', 'jsonld', 'search', `${B.jsonld}/search?q=nike&page=2`);
  for (const [name, e] of [['gi-outside', pick('jsonld', 'gi_outside_region')], ['compatibility', pick('jsonld', 'compatibility')], ['xss', xss('jsonld')]] as const) {
    await save(`shop-product-${name}.html`, 'jsonld', 'listing', e.url, { expect: expectOf(e) });
  }
  const jgone = pick('jsonld', 'counterfeit');
  tm.market.remove('jsonld', jgone.externalId);
  await save('shop-product-removed.html', 'jsonld', 'removed', jgone.url, { note: 'HTTP 404' });

  // A first-visit captcha and login wall served at the page's own URL (HTTP 200).
  for (const m of ['tiki', 'sendo', 'jsonld', 'lazada'] as const) {
    const c = truth.find((t) => t.marketplace === m && t.status === 'live' && wouldChallenge(m, new URL(t.url).pathname) === 'captcha');
    if (c) await save(`${m === 'jsonld' ? 'shop' : m}-product-captcha-first-visit.html`, m, 'captcha', c.url, { note: 'HTTP 200 captcha at the product URL on the first visit; the second visit gets the product' });
    const lw = truth.find((t) => t.marketplace === m && t.status === 'live' && wouldChallenge(m, new URL(t.url).pathname) === 'login');
    if (lw) await save(`${m === 'jsonld' ? 'shop' : m}-product-login-first-visit.html`, m, 'login', lw.url, { note: 'HTTP 200 login wall at the product URL on the first visit' });
  }

  writeFileSync(join(FIXTURE_DIR, 'manifest.json'), JSON.stringify({ origin: tm.url, baseUrls: tm.baseUrls, files: entries }, null, 1) + '\n');
  await tm.close();
  console.log(`saved ${entries.length} files in ${FIXTURE_DIR}`);
}

await main();
