/**
 * Sendo adapter. Search: `B/api/web/products?q=<kw>&page=<n>&size=60` → `{ data: [{ type, item }],
 * meta: { page, total_page } }` (the real listing JSON is also seen as a bare array); each item has
 * name, product_id, final_price/price (VND), shop_id, shop_name, shop_warehouse_city and cat_path
 * (`<slug>-<product_id>.html`, the product page under B). Ads without an item are skipped. Product:
 * `B/<slug>-<product_id>.html` with `<script id="__SENDO_STATE__">` (`product`, `shop`; on the real
 * site `window.__INITIAL_STATE__`, searched for the product object) or the API
 * `B/api/product/<product_id>` → `{ data: { …item fields, description, status } }`.
 * External id: `<product_id>`.
 */
import type { Listing, PageState, SearchCard, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, type PageProbe } from '../common/page-state.ts';
import { findObject, idString, isObject, jsonAfterMarker, parseJsonDocument, scriptJsonById, type Json, type JsonObject } from '../common/json.ts';
import { parseVndPrice } from '../common/price.ts';
import { canonicalUrl, decodedPath, pageRange, resolveUrl, sameSite, trimBase, tryUrl, withQueryParam } from '../common/url.ts';
import { buildListing, cleanFields, type RawListing } from '../common/listing.ts';
import { looksLikeProduct, parsePage, readProductPage } from '../common/product-page.ts';
import { manifest } from './manifest.ts';

const PRODUCT_PATH = /\/[^/]*-(\d+)\.html\/?$/;
const API_PRODUCT = /\/api\/product\/(\d+)\/?$/;
const API_SEARCH = /\/api\/web\/products\/?$/;

/** Sendo search API URLs: `B/api/web/products?q=<sign>&page=<n>&size=60` for pages 1..maxPages. */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const base = trimBase(opts?.baseUrl ?? manifest.defaultBaseUrl);
  return pageRange(opts?.maxPages, 1, (page) => `${base}/api/web/products?q=${encodeURIComponent(sign)}&page=${page}&size=60`);
}

/** The product id in a Sendo product or product-API URL, or undefined. */
export function sendoId(url: string): string | undefined {
  const path = decodedPath(url);
  return (API_PRODUCT.exec(path) ?? PRODUCT_PATH.exec(path))?.[1];
}

/** api-search / api-listing for the JSON APIs, search for `/tim-kiem`, listing for product pages. */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (API_SEARCH.test(u.pathname)) return 'api-search';
  if (API_PRODUCT.test(u.pathname)) return 'api-listing';
  if (/\/(tim-kiem|search)\/?$/.test(u.pathname)) return 'search';
  if (PRODUCT_PATH.test(u.pathname)) return 'listing';
  return 'other';
}

/** The site base of a Sendo URL (origin plus any training prefix such as `/sendo`). */
function baseOf(url: string): string {
  const u = new URL(url);
  const api = /\/api\//.exec(u.pathname);
  const path = api ? u.pathname.slice(0, api.index) : u.pathname.replace(/\/[^/]*$/, '');
  return trimBase(u.origin + path);
}

/** The search entries of an API answer (`data[]`) or of the bare listing array. */
function searchEntries(doc: Json | undefined): JsonObject[] | undefined {
  if (Array.isArray(doc)) return doc.filter(isObject);
  if (isObject(doc) && Array.isArray(doc.data)) return doc.data.filter(isObject);
  return undefined;
}

const isItem = (o: JsonObject) => o.product_id !== undefined && typeof o.name === 'string';

/** The product (and shop) of a product API answer or a page's __SENDO_STATE__. */
function productOf(text: string): { product?: JsonObject; shop?: JsonObject; declaredRemoved: boolean } {
  const doc = parseJsonDocument(text) ?? scriptJsonById(text, '__SENDO_STATE__') ?? jsonAfterMarker(text, /window\.__INITIAL_STATE__\s*=\s*/);
  if (!isObject(doc)) return { declaredRemoved: false };
  const holder = isObject(doc.data) ? doc.data : doc;
  const product = isItem(holder) ? holder : findObject(holder, isItem, 4);
  const shop = isObject(doc.shop) ? doc.shop : undefined;
  const declaredRemoved = !product && (doc.data === null || doc.product === null || /not.?found|removed|deleted/i.test(String(doc.status ?? '')));
  return { product, shop, declaredRemoved };
}

function probe(text: string, url: string): PageProbe {
  const kind = classifyUrl(url);
  const doc = parseJsonDocument(text);
  const entries = searchEntries(doc);
  if (kind === 'api-search' || kind === 'search') return { hasData: !!entries, expected: 'search data[]' };
  if (entries && kind !== 'api-listing' && kind !== 'listing') return { hasData: true, expected: 'search data[]' };
  const { product, declaredRemoved } = productOf(text);
  if (declaredRemoved) return { hasData: false, state: { kind: 'removed', reason: 'Sendo says the product does not exist' }, expected: 'product' };
  return { hasData: !!product || (!doc && looksLikeProduct(text)), expected: kind === 'api-listing' ? 'product data' : '__SENDO_STATE__ product' };
}

/** Page state from status, URL and content; `product: null` / `data: null` answers are `removed`. */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** Raw listing fields of a Sendo item (search card, API product or page state). */
function fieldsOf(item: JsonObject, base: string, shop?: JsonObject): RawListing {
  const externalId = idString(item.product_id) ?? idString(item.external_id);
  const href = typeof item.cat_path === 'string' ? item.cat_path : undefined;
  const resolved = resolveUrl(href, `${base}/`);
  const onSite = resolved && sameSite(resolved, `${base}/`, manifest.hosts) ? resolved : undefined;
  const url = externalId ? canonicalUrl(onSite ?? `${base}/san-pham-${externalId}.html`) : undefined;
  const city = item.shop_warehouse_city ?? shop?.warehouse_city;
  const category = Array.isArray(item.category_path) ? item.category_path : typeof item.category_path === 'string' ? item.category_path.split(/\s*[>\/›]\s*/) : [];
  return {
    externalId,
    url,
    title: item.name,
    description: item.description,
    price: parseVndPrice(item.final_price) ?? parseVndPrice(item.price) ?? parseVndPrice(item.min_price),
    sellerId: idString(item.shop_id) ?? idString(shop?.shop_id),
    sellerName: item.shop_name ?? shop?.shop_name,
    shopLocation: city,
    shipsFrom: city,
    categoryPath: category,
    imageUrls: [item.original_img_url, item.thumbnail_url].map((i) => (typeof i === 'string' ? resolveUrl(i, `${base}/`) : undefined)),
    officialStore: typeof item.is_official_shop === 'boolean' ? item.is_official_shop : undefined,
  };
}

/** Cards (with shop_warehouse_city) and the next page of a search answer. */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const doc = parseJsonDocument(text);
  const base = baseOf(url);
  const entries = searchEntries(doc) ?? [];
  const cards: SearchCard[] = [];
  for (const entry of entries) {
    const item = isObject(entry.item) ? entry.item : isItem(entry) ? entry : undefined;
    if (!item) continue;
    const partial = cleanFields(fieldsOf(item, base));
    if (partial.url && partial.externalId) cards.push({ url: partial.url, externalId: partial.externalId, partial });
  }
  const meta = isObject(doc) && isObject(doc.meta) ? doc.meta : undefined;
  const page = Number(meta?.page ?? 0);
  const last = Number(meta?.total_page ?? 0);
  const next = meta && entries.length && page < last ? withQueryParam(url, 'page', page + 1) : undefined;
  return { cards, next };
}

/** A Listing from a product page (__SENDO_STATE__, else the visible page) or the product API answer. */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const base = baseOf(url);
  const { product, shop } = productOf(text);
  const isPage = classifyUrl(url) === 'listing';
  if (product) {
    const fields = fieldsOf(product, base, shop);
    return buildListing('sendo', url, { ...fields, url: isPage ? canonicalUrl(url) : (card?.url ?? fields.url) }, card);
  }
  const fromPage = readProductPage(parsePage(text), url);
  return buildListing('sendo', url, { ...fromPage, externalId: sendoId(url), url: canonicalUrl(url) }, card);
}

/** The Sendo adapter. */
export const sendo: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing };
export default sendo;
