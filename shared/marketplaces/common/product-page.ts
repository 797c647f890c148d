/**
 * Reading a server-rendered (or browser-rendered and saved) product page into raw listing fields,
 * in order of trust: schema.org JSON-LD Product (+ BreadcrumbList), then Open Graph / product meta
 * tags, then the visible product block (`.product-title`, `.price`, `.seller-name`,
 * `.seller-location`, `.mall-badge`, `.breadcrumb`, `.desc`) that the training marketplace and
 * rendered Shopee pages draw. Visible text is read as text only; seller markup is never trusted to
 * create structure (a seller cannot write a `.mall-badge` element through escaped text).
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { SearchCard } from '../../schema/index.ts';
import { cleanFields, type RawListing } from './listing.ts';
import { imageList, jsonLdBreadcrumb, jsonLdNodes, jsonLdOffer, jsonLdProduct, metaTags, nameOf } from './jsonld.ts';
import { isObject, type JsonObject } from './json.ts';
import { parseVndPrice } from './price.ts';
import { canonicalUrl, resolveUrl, sameSite } from './url.ts';

/** A parsed page plus its JSON-LD nodes, so adapters can read site-specific parts of the same parse. */
export interface ParsedPage {
  $: CheerioAPI;
  nodes: JsonObject[];
  product?: JsonObject;
}

let lastHtml: string | undefined;
let lastPage: ParsedPage | undefined;

/** Parses an HTML page once and finds its JSON-LD Product (the last page is kept; callers only read it). */
export function parsePage(html: string): ParsedPage {
  if (html === lastHtml && lastPage) return lastPage;
  const $ = load(html);
  const nodes = jsonLdNodes($);
  lastPage = { $, nodes, product: jsonLdProduct(nodes) };
  lastHtml = html;
  return lastPage;
}

// Labels that rendered pages put before a value; only these are removed, so a seller's own colon stays.
const LABEL = /^(shop|nhà bán|người bán|bán bởi|gửi từ|giao từ|thương hiệu|brand|seller|sold by|ships from)\s*:\s*/i;

/** Text of the first element matching `selector`, with a known leading label ("Gửi từ:", "Shop:") removed. */
function labelled($: CheerioAPI, selector: string): string | undefined {
  const text = $(selector).first().text().replace(/\s+/g, ' ').trim();
  return text.replace(LABEL, '').trim() || undefined;
}

/** The breadcrumb names of a page without JSON-LD (`.breadcrumb span`, or its text split on › / >). */
function visibleBreadcrumb($: CheerioAPI): string[] {
  const nav = $('.breadcrumb').first();
  if (!nav.length) return [];
  const spans = nav.find('span, a, li').map((_, el) => $(el).text().trim()).get().filter(Boolean);
  const names = spans.length ? spans : nav.text().split(/[›>»]/).map((s) => s.trim()).filter(Boolean);
  return names[0] && /^(shopee|trang chủ|home)$/i.test(names[0]) ? names.slice(1) : names;
}

/** True when a visible Mall / official badge is on the page (`.mall-badge`, `.official-badge`). */
export function hasMallBadge($: CheerioAPI): boolean {
  return $('.product .mall-badge, .info .mall-badge, .official-badge').length > 0;
}

/** Raw listing fields from a product page (JSON-LD first, then meta tags, then the visible block). */
export function readProductPage(page: ParsedPage, url: string): RawListing {
  const { $, nodes } = page;
  const product = page.product ?? {};
  const offer = jsonLdOffer(product) ?? {};
  const meta = metaTags($);
  const seller = isObject(offer.seller) ? offer.seller : undefined;
  const address = seller && isObject(seller.address) ? seller.address : undefined;
  const title = nameOf(product.name) ?? meta['og:title'] ?? $('.product-title, .product-name').first().text();
  const crumbs = jsonLdBreadcrumb(nodes);
  const category = typeof product.category === 'string' ? product.category.split(/\s*[>›»]\s*/) : [];
  const categoryPath = crumbs.length ? crumbs : category.length ? category : visibleBreadcrumb($);
  // The last breadcrumb is often the product itself.
  if (categoryPath.length && categoryPath[categoryPath.length - 1] === String(title ?? '').trim()) categoryPath.pop();
  const visiblePrice = $('.product .price, .info .price').first();
  const location = (address && (address.addressRegion ?? address.addressLocality)) ?? labelled($, '.seller-location, .shop-location');
  return {
    title,
    description: product.description ?? meta['og:description'] ?? ($('.desc, .product-description').first().text() || undefined),
    price:
      parseVndPrice(offer.price ?? offer.lowPrice) ??
      parseVndPrice(meta['product:price:amount']) ??
      parseVndPrice(visiblePrice.attr('data-price') ?? visiblePrice.text()),
    currency: typeof offer.priceCurrency === 'string' ? offer.priceCurrency : meta['product:price:currency'],
    sellerName: nameOf(offer.seller) ?? labelled($, '.seller-name, .shop-name'),
    shopLocation: location,
    shipsFrom: location,
    brand: nameOf(product.brand) ?? labelled($, '.product .brand, .info .brand'),
    categoryPath,
    imageUrls: [...imageList(product.image ?? meta['og:image']), ...$('.product img[src]').map((_, el) => $(el).attr('src')).get()].map((i) => resolveUrl(i, url)),
    officialStore: hasMallBadge($) ? true : undefined,
  };
}

/** True when the text looks like a product page (a JSON-LD Product, og:type product, or a visible product block). */
export function looksLikeProduct(html: string): boolean {
  return /"@type"\s*:\s*(\[[^\]]{0,200})?"Product(Group)?"/.test(html) || /og:type["']?\s+content=["']product/i.test(html) || /class="[^"]*\bproduct-(title|name)\b/.test(html);
}

/** The next-page URL a search page declares (`<link rel="next">` or `<a rel="next">`), resolved against `url`. */
export function relNext($: CheerioAPI, url: string): string | undefined {
  const href = $('link[rel="next"]').attr('href') ?? $('a[rel="next"]').first().attr('href');
  return resolveUrl(href, url);
}

/** Search cards from the product links of an HTML search page: every `<a href>` whose URL `idOf` recognises, once each, with the card's visible name and price. */
export function productLinkCards($: CheerioAPI, url: string, idOf: (href: string) => string | undefined, keepParams: string[] = []): SearchCard[] {
  const seen = new Map<string, SearchCard>();
  $('a[href]').each((_, el) => {
    const link = $(el);
    const href = resolveUrl(link.attr('href'), url);
    const externalId = href ? idOf(href) : undefined;
    if (!href || !externalId || seen.has(externalId) || !sameSite(href, url)) return;
    const canonical = canonicalUrl(href, keepParams);
    const name = link.find('.name, .product-name, .title').first().text() || link.attr('title');
    const price = link.find('.price').first().text();
    seen.set(externalId, { url: canonical, externalId, partial: cleanFields({ externalId, url: canonical, title: name, price: parseVndPrice(price) }) });
  });
  return [...seen.values()];
}
