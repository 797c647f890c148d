/**
 * The plain-shop adapter: any shop with schema.org `Product` JSON-LD (or Open Graph product tags).
 * Search: `B/search?q=<kw>&page=<n>` whose product links are `B/products/<slug>` and whose next page
 * is `<link rel="next">`. Product: JSON-LD Product with `offers.seller.name` (and its address
 * region as the shop location), BreadcrumbList or `category`, Open Graph as fallback. External id:
 * the `<slug>` of `/products/<slug>` (else the JSON-LD sku, else the URL path); the seller id is the
 * seller's name, since plain shops publish no seller ids.
 */
import type { Listing, PageState, SearchPage, UrlKind } from '../../schema/index.ts';
import type { MarketplaceAdapter, SearchUrlOptions } from '../common/types.ts';
import { assertReadable, classifyWith, stateFromText, type PageProbe } from '../common/page-state.ts';
import { idString } from '../common/json.ts';
import { canonicalUrl, decodedPath, pageRange, trimBase, tryUrl } from '../common/url.ts';
import { buildListing } from '../common/listing.ts';
import { looksLikeProduct, parsePage, productLinkCards, readProductPage, relNext } from '../common/product-page.ts';
import { manifest } from './manifest.ts';

const PRODUCT_PATH = /\/products?\/([^/?#]+)\/?$/;

/** Shop search URLs `B/search?q=<sign>&page=<n>` (pages 1..maxPages); none without a base URL, since there is no default shop. */
function searchUrls(sign: string, opts?: SearchUrlOptions): string[] {
  const raw = opts?.baseUrl ?? manifest.defaultBaseUrl;
  if (!raw) return [];
  const base = trimBase(raw);
  return pageRange(opts?.maxPages, 1, (page) => `${base}/search?q=${encodeURIComponent(sign)}&page=${page}`);
}

/** The slug of a `/products/<slug>` URL, or undefined. */
export function productSlug(url: string): string | undefined {
  return PRODUCT_PATH.exec(decodedPath(url))?.[1];
}

/** listing for `/products/<slug>`, search for `/search?q=`; other pages may still carry a Product (parseListing reads any). */
function classifyUrl(url: string): UrlKind {
  const u = tryUrl(url);
  if (!u) return 'other';
  if (PRODUCT_PATH.test(u.pathname)) return 'listing';
  if (/\/(search|tim-kiem)\/?$/.test(u.pathname)) return 'search';
  return 'other';
}

function probe(text: string, url: string): PageProbe {
  if (classifyUrl(url) === 'search') return { hasData: !stateFromText(text), expected: 'search results' };
  return { hasData: looksLikeProduct(text), expected: 'JSON-LD Product or og:type product' };
}

/** Page state from status, URL and content: ok for a product page only when it carries a Product. */
function classifyPage(text: string, url: string, status?: number): PageState {
  return classifyWith(text, url, status, (t) => probe(t, url));
}

/** Product links (`/products/<slug>`) and `rel="next"` of a shop's search page. */
function parseSearch(text: string, url: string): SearchPage {
  assertReadable(classifyPage(text, url), url);
  const { $ } = parsePage(text);
  return { cards: productLinkCards($, url, productSlug), next: relNext($, url) };
}

/** A Listing from a shop's product page (JSON-LD Product, Open Graph, visible block). */
function parseListing(text: string, url: string, card?: Partial<Listing>): Listing {
  assertReadable(classifyPage(text, url), url);
  const page = parsePage(text);
  const fields = readProductPage(page, url);
  const sku = idString(page.product?.sku) ?? idString(page.product?.productID);
  const sellerName = typeof fields.sellerName === 'string' ? fields.sellerName : undefined;
  return buildListing(
    'jsonld',
    url,
    {
      ...fields,
      externalId: productSlug(url) ?? sku ?? decodedPath(url).slice(0, 200),
      url: canonicalUrl(url),
      sellerId: sellerName,
    },
    card,
  );
}

/** The plain-shop (JSON-LD) adapter. */
export const jsonld: MarketplaceAdapter = { manifest, searchUrls, classifyUrl, classifyPage, parseSearch, parseListing };
export default jsonld;
