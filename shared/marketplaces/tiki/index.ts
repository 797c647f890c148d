/**
 * Tiki adapter. Search: the JSON API `B/api/v2/products?limit=40&q=<kw>&page=<n>` → `data[]` (id,
 * name, url_path, price, seller_id/seller_name when present, thumbnail_url) and `paging`
 * (current_page, last_page); the old server-rendered search page (2018 layout,
 * `div.product-item[data-id][data-title][data-price]…`) is read too. Product: `B/<slug>-p<id>.html`
 * with `<script id="__NEXT_DATA__">` holding the product, or `B/api/v2/products/<id>` →
 * `{ id, name, price, current_seller{ id, name, is_best_store }, brand, breadcrumbs, images }`;
 * JSON-LD as a last resort. Official store: `is_best_store` or the Tiki Trading store.
 * External id: `<id>`.
 */
import type { Listing, PageState, SearchCard, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, stateFromText, type PageProbe } from '../common/page-state.ts';
import { findObject, idString, isObject, parseJsonDocument, scriptJsonById, type JsonObject } from '../common/json.ts';
import { nameOf } from '../common/jsonld.ts';
import { parseVndPrice } from '../common/price.ts';
import { canonicalUrl, decodedPath, pageRange, resolveUrl, sameSite, trimBase, tryUrl, withQueryParam } from '../common/url.ts';
import { buildListing, cleanFields, type RawListing } from '../common/listing.ts';
import { looksLikeProduct, parsePage, productLinkCards, readProductPage, relNext } from '../common/product-page.ts';
import { manifest } from './manifest.ts';

const PRODUCT_PATH = /-p(\d+)(?:\.html)?\/?$/;
const SHORT_PATH = /\/p\/(\d+)\/?$/;
const API_PRODUCT = /\/api\/v2\/products\/(\d+)(?:\/info)?\/?$|\/product-detail\/api\/v1\/products\/(\d+)\/?$/;
const API_SEARCH = /\/api\/v2\/products\/?$/;
const TIKI_TRADING = /^tiki trading$/i;

/** Tiki search API URLs: `B/api/v2/products?limit=40&q=<sign>&page=<n>` for pages 1..maxPages. */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const base = trimBase(opts?.baseUrl ?? manifest.defaultBaseUrl);
  return pageRange(opts?.maxPages, 1, (page) => `${base}/api/v2/products?limit=40&q=${encodeURIComponent(sign)}&page=${page}`);
}

/** The product id in a Tiki product or product-API URL, or undefined. */
export function tikiId(url: string): string | undefined {
  const path = decodedPath(url);
  const api = API_PRODUCT.exec(path);
  if (api) return api[1] ?? api[2];
  return (PRODUCT_PATH.exec(path) ?? SHORT_PATH.exec(path))?.[1];
}

/** api-search / api-listing for the JSON API, search for `/search?q=`, listing for product pages. */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (API_SEARCH.test(u.pathname)) return 'api-search';
  if (API_PRODUCT.test(u.pathname)) return 'api-listing';
  if (/\/search\/?$/.test(u.pathname)) return 'search';
  if (PRODUCT_PATH.test(u.pathname) || SHORT_PATH.test(u.pathname)) return 'listing';
  return 'other';
}

/** The site base of a Tiki URL (origin plus any training prefix such as `/tiki`). */
function baseOf(url: string): string {
  const u = new URL(url);
  const api = /\/(api\/v2|product-detail)\//.exec(u.pathname);
  const path = api ? u.pathname.slice(0, api.index) : u.pathname.replace(/\/(search|p\/\d+)\/?$/, '').replace(/\/[^/]*$/, '');
  return trimBase(u.origin + path);
}

/** The product object in a product API answer or a page's __NEXT_DATA__. */
function productObject(text: string, url: string): JsonObject | undefined {
  const doc = parseJsonDocument(text) ?? scriptJsonById(text, '__NEXT_DATA__');
  const id = tikiId(url);
  const isProduct = (o: JsonObject) => o.id !== undefined && typeof o.name === 'string' && (o.price !== undefined || isObject(o.current_seller));
  return findObject(doc, (o) => isProduct(o) && (!id || idString(o.id) === id)) ?? findObject(doc, isProduct);
}

function probe(text: string, url: string): PageProbe {
  const kind = classifyUrl(url);
  const doc = parseJsonDocument(text);
  if (kind === 'api-search' || (isObject(doc) && Array.isArray(doc.data))) {
    return { hasData: isObject(doc) && Array.isArray(doc.data), expected: 'search data[]' };
  }
  if (kind === 'search') return { hasData: !stateFromText(text), expected: 'search results' };
  const hasProduct = !!productObject(text, url) || (!doc && looksLikeProduct(text));
  return { hasData: hasProduct, expected: kind === 'api-listing' ? 'product JSON' : '__NEXT_DATA__ product' };
}

/** Page state from status, URL and content; a 404 product answer is `removed`. */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** The canonical product URL (`?spid=` kept: it names the seller offer). */
function productUrl(href: string | undefined, base: string, id: string): string {
  const resolved = resolveUrl(href, `${base}/`);
  const onSite = resolved && sameSite(resolved, `${base}/`, manifest.hosts) ? resolved : undefined;
  return canonicalUrl(onSite ?? `${base}/p/${id}`, ['spid']);
}

function cardFromApi(item: JsonObject, base: string): SearchCard | undefined {
  const externalId = idString(item.id);
  if (!externalId) return undefined;
  const href = typeof item.url_path === 'string' ? item.url_path : typeof item.url_key === 'string' ? `${item.url_key}.html` : undefined;
  const url = productUrl(href, base, externalId);
  const partial = cleanFields({
    externalId,
    url,
    title: item.name,
    price: parseVndPrice(item.price),
    sellerId: idString(item.seller_id),
    sellerName: item.seller_name,
    brand: item.brand_name,
    imageUrls: [typeof item.thumbnail_url === 'string' ? resolveUrl(item.thumbnail_url, `${base}/`) : undefined],
  });
  return { url, externalId, partial };
}

/** Cards from a search page's HTML: the 2018 layout (`div.product-item[data-*]`), else its product links. */
function cardsFromHtml(text: string, url: string): SearchPage {
  const { $ } = parsePage(text);
  if (!$('div.product-item[data-id]').length) return { cards: productLinkCards($, url, tikiId, ['spid']), next: relNext($, url) };
  const cards: SearchCard[] = [];
  $('div.product-item[data-id]').each((_, el) => {
    const item = $(el);
    const externalId = idString(item.attr('data-id'));
    const href = resolveUrl(item.find('a[href]').first().attr('href'), url);
    if (!externalId || !href || !sameSite(href, url, manifest.hosts)) return;
    const link = canonicalUrl(href, ['spid']);
    const category = item.attr('data-category');
    const partial = cleanFields({
      externalId,
      url: link,
      title: item.attr('data-title'),
      price: parseVndPrice(item.attr('data-price')) ?? parseVndPrice(item.find('.final-price').first().text()),
      brand: item.attr('data-brand'),
      categoryPath: category ? category.split('/') : undefined,
      imageUrls: [resolveUrl(item.find('img').first().attr('src'), url)],
    });
    cards.push({ url: link, externalId, partial });
  });
  return { cards, next: relNext($, url) };
}

/** Cards and the next page from the search API (or the old search HTML). */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const doc = parseJsonDocument(text);
  if (!isObject(doc)) return cardsFromHtml(text, url);
  const base = baseOf(url);
  const items = Array.isArray(doc.data) ? doc.data.filter(isObject) : [];
  const cards = items.map((item) => cardFromApi(item, base)).filter((c): c is SearchCard => !!c);
  const paging = isObject(doc.paging) ? doc.paging : {};
  const current = Number(paging.current_page ?? new URL(url).searchParams.get('page') ?? 1);
  const last = Number(paging.last_page ?? current);
  const next = items.length && current < last ? withQueryParam(url, 'page', current + 1) : undefined;
  return { cards, next };
}

/** Raw listing fields of a Tiki product object (API or __NEXT_DATA__). */
function fieldsOf(p: JsonObject, base: string): RawListing {
  const seller = isObject(p.current_seller) ? p.current_seller : {};
  const sellerName = typeof seller.name === 'string' ? seller.name : undefined;
  const crumbs = Array.isArray(p.breadcrumbs) ? p.breadcrumbs.filter(isObject).map((b) => b.name) : [];
  const title = typeof p.name === 'string' ? p.name : undefined;
  if (crumbs.length && crumbs[crumbs.length - 1] === title) crumbs.pop();
  const images = Array.isArray(p.images) ? p.images.filter(isObject).map((i) => i.base_url ?? i.large_url ?? i.thumbnail_url) : [];
  const official = seller.is_best_store === true || (sellerName !== undefined && TIKI_TRADING.test(sellerName.trim()));
  const location = seller.location;
  return {
    externalId: idString(p.id),
    title,
    description: p.description ?? p.short_description,
    price: parseVndPrice(p.price),
    sellerId: idString(seller.id),
    sellerName,
    shopLocation: location,
    shipsFrom: location,
    brand: nameOf(p.brand),
    categoryPath: crumbs.length ? crumbs : isObject(p.categories) ? [p.categories.name] : [],
    imageUrls: [...images, p.thumbnail_url].map((i) => (typeof i === 'string' ? resolveUrl(i, `${base}/`) : undefined)),
    officialStore: isObject(p.current_seller) ? official : undefined,
  };
}

/** A Listing from a product page (__NEXT_DATA__, else JSON-LD) or the product API answer. */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const base = baseOf(url);
  const product = productObject(text, url);
  const isPage = classifyUrl(url) === 'listing';
  if (product) {
    const fields = fieldsOf(product, base);
    const href = typeof product.url_path === 'string' ? product.url_path : undefined;
    const pageUrl = isPage ? canonicalUrl(url, ['spid']) : (card?.url ?? productUrl(href, base, fields.externalId ?? ''));
    return buildListing('tiki', url, { ...fields, url: pageUrl }, card);
  }
  const fromPage = readProductPage(parsePage(text), url);
  return buildListing('tiki', url, { ...fromPage, externalId: tikiId(url), url: canonicalUrl(url, ['spid']) }, card);
}

/** The Tiki adapter. */
export const tiki: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing };
export default tiki;
