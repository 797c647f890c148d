/**
 * TikTok Shop adapter, the thinnest one: no real TikTok Shop capture exists in the samples, and the
 * training marketplace has no TikTok site. Product pages (`/view/product/<id>`, `/vn/pdp/<slug>/<id>`)
 * are read from the rendered page's JSON-LD Product / Open Graph tags through the shared product-page
 * reader; search pages (`B/search?q=`, an unverified pattern) yield their product links. Replace the
 * patterns when real captures are available. External id: the numeric product id.
 */
import type { Listing, PageState, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, stateFromText, type PageProbe } from '../common/page-state.ts';
import { canonicalUrl, decodedPath, pageRange, trimBase, tryUrl } from '../common/url.ts';
import { buildListing } from '../common/listing.ts';
import { looksLikeProduct, parsePage, productLinkCards, readProductPage, relNext } from '../common/product-page.ts';
import { manifest } from './manifest.ts';

const PRODUCT_PATH = /\/(?:view\/product|product|pdp\/[^/]+)\/(\d{6,})\/?$/;

/** TikTok Shop search URLs `B/search?q=<sign>&page=<n>` (unverified pattern; pages 1..maxPages). */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const base = trimBase(opts?.baseUrl ?? manifest.defaultBaseUrl);
  return pageRange(opts?.maxPages, 1, (page) => `${base}/search?q=${encodeURIComponent(sign)}&page=${page}`);
}

/** The numeric product id of a TikTok Shop product URL, or undefined. */
export function tiktokProductId(url: string): string | undefined {
  return PRODUCT_PATH.exec(decodedPath(url))?.[1];
}

/** listing for product URLs, search for `/search`; videos and live streams are `other`. */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (tiktokProductId(url)) return 'listing';
  if (/\/search\/?$/.test(u.pathname)) return 'search';
  return 'other';
}

function probe(text: string, url: string): PageProbe {
  if (classifyUrl(url) === 'search') return { hasData: !stateFromText(text), expected: 'search results' };
  return { hasData: looksLikeProduct(text), expected: 'rendered product (JSON-LD Product or og:type product)' };
}

/** Page state from status, URL and content. */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** Product links of a rendered search page, and its next page when declared. */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const { $ } = parsePage(text);
  return { cards: productLinkCards($, url, tiktokProductId), next: relNext($, url) };
}

/** A Listing from a rendered product page (JSON-LD, Open Graph, visible block). */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const fields = readProductPage(parsePage(text), url);
  return buildListing('tiktok', url, { ...fields, externalId: tiktokProductId(url), url: canonicalUrl(url) }, card);
}

/** The TikTok Shop adapter. */
export const tiktok: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing };
export default tiktok;
