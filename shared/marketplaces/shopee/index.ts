/**
 * Shopee adapter. Shopee pages are shells rendered in the browser from JSON, so the parsers read the
 * `/api/v4` responses a page load fetches (`apiUrlsFor` lists them): search
 * `B/api/v4/search/search_items?…&keyword=&newest=` → `items[].item_basic`, product
 * `B/api/v4/item/get?itemid=&shopid=` → `data`, and shop `B/api/v4/shop/get_shop_base?shopid=` →
 * `data` (the shop name, which item/get lacks: read it with `parseShopBase` and pass it as `card`).
 * Prices are VND × 100 000. A saved rendered product page is read from its JSON-LD Product when
 * present. Anti-bot answers (`{error: 90309999}`, `/verify/traffic`) are captcha states.
 * External id: `<shopid>.<itemid>`; product URL `B/<slug>-i.<shopid>.<itemid>`.
 */
import type { Listing, PageState, SearchCard, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, type PageProbe } from '../common/page-state.ts';
import { idString, isObject, parseJsonDocument, type Json, type JsonObject } from '../common/json.ts';
import { nameOf } from '../common/jsonld.ts';
import { looksLikeProduct, parsePage, productLinkCards, readProductPage, relNext } from '../common/product-page.ts';
import { fromShopeePrice } from '../common/price.ts';
import { canonicalUrl, decodedPath, pageRange, resolveUrl, trimBase, tryUrl } from '../common/url.ts';
import { buildListing, cleanFields } from '../common/listing.ts';
import { PageNotListingError } from '../common/errors.ts';
import { manifest } from './manifest.ts';

const PRODUCT_SLUG = /-i\.(\d+)\.(\d+)\/?$/;
const PRODUCT_SHORT = /\/product\/(\d+)\/(\d+)\/?$/;
const API = /\/api\/v4\//;
const SEARCH_PATH = /\/search\/?$/;
const SEARCH_LIMIT = 60;
const IMAGE_CDN = 'https://down-vn.img.susercontent.com/file/';
/** Shopee's anti-bot error codes on the API (90309999 and its siblings). */
const ANTI_BOT = /^9030\d{4}$/;

/** Shopee search page URLs: `B/search?keyword=<sign>&page=<n>` for pages 0..maxPages-1 (Shopee counts from 0). */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const base = trimBase(opts?.baseUrl ?? manifest.defaultBaseUrl);
  return pageRange(opts?.maxPages, 0, (page) => `${base}/search?keyword=${encodeURIComponent(sign)}&page=${page}`);
}

/** `{ shopid, itemid }` from a product URL (slug or short form) or an item API URL, else undefined. */
export function shopeeIds(url: string): { shopid: string; itemid: string } | undefined {
  const u = tryUrl(url);
  if (!u) return undefined;
  const path = decodedPath(url);
  const m = PRODUCT_SLUG.exec(path) ?? PRODUCT_SHORT.exec(path);
  if (m) return { shopid: m[1], itemid: m[2] };
  const itemid = u.searchParams.get('itemid') ?? u.searchParams.get('item_id');
  const shopid = u.searchParams.get('shopid') ?? u.searchParams.get('shop_id');
  return itemid && shopid && /^\d+$/.test(itemid) && /^\d+$/.test(shopid) ? { shopid, itemid } : undefined;
}

/** The site base (origin plus any prefix such as the training marketplace's `/shopee`) of a Shopee URL. */
function baseOf(url: string): string {
  const u = new URL(url);
  const path = u.pathname;
  const api = API.exec(path);
  if (api) return trimBase(u.origin + path.slice(0, api.index));
  if (SEARCH_PATH.test(path)) return trimBase(u.origin + path.replace(SEARCH_PATH, ''));
  const short = /\/product\/\d+\/\d+\/?$/.exec(path);
  if (short) return trimBase(u.origin + path.slice(0, short.index));
  return trimBase(u.origin + path.replace(/\/[^/]*$/, ''));
}

/** search/listing for pages, api-search/api-listing for the JSON APIs behind them. */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (/\/api\/v4\/search\/search_items\/?$/.test(u.pathname)) return 'api-search';
  if (/\/api\/v4\/(item\/get|pdp\/get_pc|pdp\/get)\/?$/.test(u.pathname)) return 'api-listing';
  if (API.test(u.pathname)) return 'other';
  if (SEARCH_PATH.test(u.pathname)) return 'search';
  if (shopeeIds(url)) return 'listing';
  return 'other';
}

/** A readable product URL `B/<slug>-i.<shopid>.<itemid>` (slug from the name, letters and digits only). */
export function shopeeProductUrl(base: string, shopid: string, itemid: string, name?: string): string {
  const slug = (name ?? '').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'product';
  return `${trimBase(base)}/${encodeURIComponent(slug)}-i.${shopid}.${itemid}`;
}

/** The API URLs a page load fetches: search_items for a search page; item/get and get_shop_base for a product page; an API URL itself. */
function apiUrlsFor(url: string): string[] {
  const kind = classifyUrl(url);
  if (kind === 'api-search' || kind === 'api-listing') return [url];
  const base = baseOf(url);
  if (kind === 'search') {
    const u = new URL(url);
    const keyword = u.searchParams.get('keyword') ?? '';
    const page = Math.max(0, Number(u.searchParams.get('page') ?? 0) || 0);
    const q = encodeURIComponent(keyword);
    return [
      `${base}/api/v4/search/search_items?by=relevancy&keyword=${q}&limit=${SEARCH_LIMIT}&newest=${page * SEARCH_LIMIT}&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2`,
    ];
  }
  const ids = kind === 'listing' ? shopeeIds(url) : undefined;
  if (!ids) return [];
  return [`${base}/api/v4/item/get?itemid=${ids.itemid}&shopid=${ids.shopid}`, `${base}/api/v4/shop/get_shop_base?shopid=${ids.shopid}`];
}

/** The state an API JSON answer declares by its `error` field (anti-bot, not found, other), if any. */
function apiState(doc: JsonObject): Exclude<PageState, { kind: 'ok' }> | undefined {
  const code = doc.error;
  if (code === null || code === undefined || code === 0 || code === '0') return undefined;
  const msg = typeof doc.error_msg === 'string' ? doc.error_msg : typeof doc.message === 'string' ? doc.message : '';
  if (ANTI_BOT.test(String(code))) return { kind: 'captcha', reason: `Shopee anti-bot answer (error ${code}): a browser session is needed` };
  if (code === 4 || /not.?found|không tồn tại/i.test(msg)) return { kind: 'removed', reason: `Shopee API: item not found (error ${code})` };
  if (/login|đăng nhập/i.test(msg) || code === 19) return { kind: 'login', reason: `Shopee API asks to log in (error ${code})` };
  return { kind: 'error', reason: `Shopee API error ${code}${msg ? `: ${msg.slice(0, 200)}` : ''}` };
}

/** The item object of an item/get or pdp answer. */
function itemOf(doc: JsonObject): JsonObject | undefined {
  const data = doc.data;
  if (!isObject(data)) return undefined;
  if (isObject(data.item)) return data.item;
  return data.itemid !== undefined || data.item_id !== undefined ? data : undefined;
}

function probe(text: string, url: string): PageProbe {
  const doc = parseJsonDocument(text);
  const kind = classifyUrl(url);
  if (isObject(doc)) {
    const state = apiState(doc);
    if (Array.isArray(doc.items) || doc.nomore !== undefined) return { hasData: true, state, expected: 'search items' };
    if (itemOf(doc)) return { hasData: true, state, expected: 'item data' };
    if (isObject(doc.data) && doc.data.shopid !== undefined) return { hasData: true, state, expected: 'shop data' };
    if (!state && doc.data === null) return { hasData: false, state: { kind: 'removed', reason: 'Shopee API answered data: null' }, expected: 'item data' };
    return { hasData: false, state, expected: kind === 'api-search' ? 'search items' : 'item data' };
  }
  if (kind === 'search') return { hasData: /-i\.\d+\.\d+/.test(text), expected: 'rendered search results (links to products)' };
  return { hasData: looksLikeProduct(text), expected: 'rendered product (JSON-LD Product); the page renders in a browser from apiUrlsFor()' };
}

/** Page state from status, URL and content (API error codes included). */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** Image URLs from Shopee image hashes (or full URLs as they are). */
function shopeeImages(values: Json[], base: string, pageUrl: string): Array<string | undefined> {
  // Real Shopee serves image hashes from its CDN; a training base serves them under `B/file/`.
  const fileBase = new URL(base).hostname.endsWith('shopee.vn') ? IMAGE_CDN : `${base}/file/`;
  return values.map((v) => (typeof v !== 'string' ? undefined : /^[\w-]+$/.test(v) ? fileBase + v : resolveUrl(v, pageUrl)));
}

/** Listing fields common to item/get data and search item_basic. */
function fieldsOf(item: JsonObject, base: string, pageUrl: string) {
  const shopid = idString(item.shopid ?? item.shop_id);
  const itemid = idString(item.itemid ?? item.item_id);
  const images = [...(Array.isArray(item.images) ? item.images : []), ...(item.image !== undefined ? [item.image] : [])];
  const categories = Array.isArray(item.categories) ? item.categories : Array.isArray(item.fe_categories) ? item.fe_categories : [];
  return {
    externalId: shopid && itemid ? `${shopid}.${itemid}` : undefined,
    url: shopid && itemid ? shopeeProductUrl(base, shopid, itemid, typeof item.name === 'string' ? item.name : undefined) : undefined,
    title: item.name ?? item.title,
    description: item.description,
    price: fromShopeePrice(item.price ?? item.price_min),
    sellerId: shopid,
    sellerName: item.shop_name,
    shopLocation: item.shop_location,
    shipsFrom: item.shop_location,
    brand: nameOf(item.brand ?? undefined),
    categoryPath: categories.map((c) => (isObject(c) ? (c.display_name ?? c.name) : undefined)),
    imageUrls: shopeeImages([...new Set(images)], base, pageUrl),
    officialStore: typeof item.is_official_shop === 'boolean' ? item.is_official_shop : undefined,
  };
}

/** Cards from a search_items answer (or links in a rendered search page) and the next API page. */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const base = baseOf(url);
  const doc = parseJsonDocument(text);
  if (isObject(doc)) {
    const items = Array.isArray(doc.items) ? doc.items.filter(isObject) : [];
    const cards: SearchCard[] = [];
    for (const entry of items) {
      const basic = isObject(entry.item_basic) ? { ...entry, ...entry.item_basic } : entry;
      const partial = cleanFields(fieldsOf(basic, base, url));
      if (partial.url && partial.externalId) cards.push({ url: partial.url, externalId: partial.externalId, partial });
    }
    // The next page is the next search *page* (what a browser navigates to; its apiUrlsFor gives the API call).
    const u = new URL(url);
    const newest = Number(u.searchParams.get('newest') ?? 0) || 0;
    const limit = Number(u.searchParams.get('limit') ?? SEARCH_LIMIT) || SEARCH_LIMIT;
    const keyword = u.searchParams.get('keyword') ?? '';
    const page = Math.floor((newest + limit) / limit);
    const next = doc.nomore === true || items.length === 0 ? undefined : `${base}/search?keyword=${encodeURIComponent(keyword)}&page=${page}`;
    return { cards, next };
  }
  // A saved rendered search page: the product links (and their visible name and price).
  const { $ } = parsePage(text);
  const idOf = (href: string) => {
    const ids = classifyUrl(href) === 'listing' ? shopeeIds(href) : undefined;
    return ids ? `${ids.shopid}.${ids.itemid}` : undefined;
  };
  return { cards: productLinkCards($, url, idOf), next: relNext($, url) };
}

/** Seller fields from a `shop/get_shop_base` answer, to pass as `card` to parseListing. */
export function parseShopBase(text: string, url: string): Partial<Listing> {
  const doc = parseJsonDocument(text);
  const state = isObject(doc) ? apiState(doc) : { kind: 'error' as const, reason: 'not a JSON answer' };
  if (state) throw new PageNotListingError(url, state, ['shop data']);
  const data = isObject(doc) && isObject(doc.data) ? doc.data : undefined;
  if (!data) throw new PageNotListingError(url, { kind: 'error', reason: 'no shop data in the answer' }, ['data']);
  return cleanFields({
    sellerId: idString(data.shopid),
    sellerName: data.name ?? data.username,
    shopLocation: data.shop_location ?? data.place,
    shipsFrom: data.shop_location ?? data.place,
    officialStore: typeof data.is_official_shop === 'boolean' ? data.is_official_shop : undefined,
  });
}

/** A Listing from an item/get (or pdp) answer, or from a saved rendered product page's JSON-LD. */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const base = baseOf(url);
  const doc = parseJsonDocument(text);
  if (isObject(doc)) {
    const item = itemOf(doc);
    if (!item) throw new PageNotListingError(url, { kind: 'error', reason: 'the answer holds no item' }, ['data']);
    const fields = fieldsOf(item, base, url);
    // The card's URL (the page the officer or crawler opened) wins over one rebuilt from the API.
    const pageUrl = classifyUrl(url) === 'listing' ? canonicalUrl(url) : card?.url;
    return buildListing('shopee', url, { ...fields, url: pageUrl ?? fields.url }, card);
  }
  // A saved rendered product page (the extension's view): JSON-LD when present, else the visible block.
  const ids = shopeeIds(url);
  const fromPage = readProductPage(parsePage(text), url);
  return buildListing(
    'shopee',
    url,
    { ...fromPage, externalId: ids ? `${ids.shopid}.${ids.itemid}` : undefined, url: canonicalUrl(url), sellerId: ids?.shopid },
    card,
  );
}

/** The Shopee adapter. */
export const shopee: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing, apiUrlsFor };
export default shopee;
