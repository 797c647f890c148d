/**
 * Lazada adapter. Search: `B/catalog/?q=<kw>&page=<n>` whose HTML carries
 * `<script>window.pageData={…}</script>` (the same JSON as `&ajax=true`); cards are
 * `mods.listItems[]` with name, itemId, price "40000.00", sellerName, sellerId, location, brandName
 * and a protocol-relative productUrl; the next page comes from `mainInfo` (page, pageSize,
 * totalResults). Product: `B/products/<slug>-i<itemId>-s<skuId>.html` with a JSON-LD Product
 * (offers.seller.name, offers.price) and BreadcrumbList; the `app.run({…})` module data of the real
 * site adds the seller id when present. External id: `<itemId>`.
 */
import type { Listing, PageState, SearchCard, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, type PageProbe } from '../common/page-state.ts';
import { findObject, idString, isObject, jsonAfterMarker, parseJsonDocument, type Json, type JsonObject } from '../common/json.ts';
import { jsonLdOffer, nameOf } from '../common/jsonld.ts';
import { looksLikeProduct, parsePage, readProductPage } from '../common/product-page.ts';
import { parseVndPrice } from '../common/price.ts';
import { canonicalUrl, decodedPath, pageRange, resolveUrl, sameSite, trimBase, tryUrl, withQueryParam } from '../common/url.ts';
import { buildListing, cleanFields } from '../common/listing.ts';
import { missingData } from '../common/errors.ts';
import { manifest } from './manifest.ts';

const PRODUCT_PATH = /\/products\/[^/]*-i(\d+)(?:-s(\d+))?(?:\.html)?\/?$/i;
const CATALOG_PATH = /\/catalog\/?$/i;

/** Lazada search URLs: `B/catalog/?q=<sign>&page=<n>` for pages 1..maxPages. */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const base = trimBase(opts?.baseUrl ?? manifest.defaultBaseUrl);
  return pageRange(opts?.maxPages, 1, (page) => `${base}/catalog/?q=${encodeURIComponent(sign)}&page=${page}`);
}

/** Listing for product pages, search/api-search for catalog pages (`ajax=true` is the JSON form). */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (PRODUCT_PATH.test(u.pathname)) return 'listing';
  if (CATALOG_PATH.test(u.pathname)) return u.searchParams.get('ajax') === 'true' ? 'api-search' : 'search';
  return 'other';
}

/** The item id in a Lazada product URL, or undefined. */
export function lazadaItemId(url: string): string | undefined {
  return PRODUCT_PATH.exec(decodedPath(url))?.[1];
}

/** `window.pageData` of a search page (HTML) or the ajax JSON itself. */
function readPageData(text: string): JsonObject | undefined {
  const doc = parseJsonDocument(text) ?? jsonAfterMarker(text, /window\.pageData\s*=\s*/);
  return isObject(doc) && isObject(doc.mods) ? doc : undefined;
}

/** The `app.run({...})` module fields of a real Lazada product page, when present. */
function readModuleFields(text: string): JsonObject | undefined {
  const data = jsonAfterMarker(text, 'app.run(') ?? jsonAfterMarker(text, /__moduleData__\s*=\s*/);
  return findObject(data, (o) => isObject(o.seller) || isObject(o.primaryKey) || isObject(o.tracking), 4);
}

/** Lazada's anti-bot JSON answer (`ret: ["FAIL_SYS_USER_VALIDATE", "RGV587_ERROR::SM::…"]`, `data.url` → punish or login). */
function antiBotState(text: string): PageState | undefined {
  const doc = parseJsonDocument(text);
  if (!isObject(doc) || !Array.isArray(doc.ret)) return undefined;
  const ret = doc.ret.map(String).join(' ');
  if (!/RGV587|FAIL_SYS_USER_VALIDATE|FAIL_SYS_ILLEGAL_ACCESS/.test(ret)) return undefined;
  const target = isObject(doc.data) && typeof doc.data.url === 'string' ? doc.data.url : '';
  const kind = /login/i.test(target) ? 'login' : 'captcha';
  return { kind, reason: `Lazada chặn truy cập / Lazada anti-bot answer (${ret.slice(0, 80)})` };
}

function probe(text: string, url: string): PageProbe {
  const blocked = antiBotState(text);
  if (blocked) return { hasData: false, state: blocked, expected: 'search results' };
  if (classifyUrl(url) === 'listing') {
    const hasProduct = looksLikeProduct(text) || (/app\.run\(/.test(text) && !!readModuleFields(text)?.product);
    return { hasData: hasProduct, expected: 'JSON-LD Product' };
  }
  return { hasData: !!readPageData(text), expected: 'window.pageData search results' };
}

/** Page state from status, URL and content: ok only when the page carries its product or search data. */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** True when a JSON value mentions LazMall (badge, icon or flag). */
function mentionsLazMall(value: Json | undefined): boolean {
  if (value === undefined) return false;
  return /lazmall|"isLazMall"\s*:\s*true|"lazMall"\s*:\s*true/i.test(JSON.stringify(value));
}

function cardFrom(item: JsonObject, pageUrl: string): SearchCard | undefined {
  const url = resolveUrl(typeof item.productUrl === 'string' ? item.productUrl : undefined, pageUrl);
  const externalId = idString(item.itemId) ?? idString(item.nid) ?? (url ? lazadaItemId(url) : undefined);
  if (!url || !externalId || !sameSite(url, pageUrl, manifest.hosts)) return undefined;
  const canonical = canonicalUrl(url);
  const partial = cleanFields({
    externalId,
    url: canonical,
    title: item.name,
    price: parseVndPrice(item.price) ?? parseVndPrice(item.priceShow),
    sellerId: idString(item.sellerId),
    sellerName: item.sellerName,
    shopLocation: item.location,
    shipsFrom: item.location,
    brand: item.brandName,
    imageUrls: [typeof item.image === 'string' ? resolveUrl(item.image, pageUrl) : undefined],
    officialStore: mentionsLazMall(item.icons) || item.isLazMall === true ? true : undefined,
  });
  return { url: canonical, externalId, partial };
}

function nextPage(data: JsonObject, text: string, url: string, count: number): string | undefined {
  if (count === 0) return undefined;
  const raw = data.mainInfo;
  const info = typeof raw === 'string' ? parseJsonDocument(raw) : raw;
  if (isObject(info)) {
    const page = Number(info.page ?? 1);
    const size = Number(info.pageSize ?? count);
    const total = Number(info.totalResults ?? 0);
    if (page > 0 && size > 0) return page * size < total ? withQueryParam(url, 'page', page + 1) : undefined;
  }
  // No mainInfo: follow <link rel="next">, keeping this page's query (the real link drops q=).
  const href = /<link[^>]+rel=["']next["'][^>]*>/i.exec(text)?.[0].match(/href=["']([^"']+)["']/i)?.[1];
  const next = href ? resolveUrl(href.replace(/&amp;/g, '&'), url) : undefined;
  const page = next ? new URL(next).searchParams.get('page') : null;
  return page ? withQueryParam(url, 'page', page) : next;
}

/** Cards (url, itemId, name, price, seller, location, brand) and the next page of a catalog page. */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const data = readPageData(text);
  if (!data) missingData(url, 'not a search page', ['window.pageData.mods']);
  const mods = data.mods as JsonObject;
  const items = Array.isArray(mods.listItems) ? mods.listItems.filter(isObject) : [];
  const cards = items.map((item) => cardFrom(item, url)).filter((c): c is SearchCard => !!c);
  return { cards, next: nextPage(data, text, url, items.length) };
}

/** A Listing from a product page: JSON-LD Product and breadcrumb, module data when present, card fields as fallback. */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const page = parsePage(text);
  const fields = readModuleFields(text) ?? {};
  const seller = isObject(fields.seller) ? fields.seller : {};
  const tracking = isObject(fields.tracking) ? fields.tracking : {};
  const moduleProduct = isObject(fields.product) ? fields.product : {};
  const primaryKey = isObject(fields.primaryKey) ? fields.primaryKey : {};
  const offer = jsonLdOffer(page.product ?? {}) ?? {};
  const fromPage = readProductPage(page, url);
  return buildListing(
    'lazada',
    url,
    {
      ...fromPage,
      externalId: lazadaItemId(url) ?? idString(primaryKey.itemId),
      url: canonicalUrl(url),
      title: fromPage.title ?? moduleProduct.title ?? tracking.pdt_name,
      description: fromPage.description ?? moduleProduct.desc,
      sellerName: fromPage.sellerName ?? seller.name ?? tracking.seller_name,
      sellerId: idString(seller.sellerId) ?? idString(tracking.seller_id) ?? idString(primaryKey.sellerId),
      brand: fromPage.brand ?? nameOf(moduleProduct.brand),
      officialStore: fromPage.officialStore || mentionsLazMall(offer.seller) || mentionsLazMall(seller) ? true : undefined,
    },
    card,
  );
}

/** The Lazada adapter. */
export const lazada: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing };
export default lazada;
