/**
 * Assembling a Listing from what an adapter read: fields cleaned and clamped to the schema's limits
 * (titles are data, never markup), card fields filling what the page lacks, `seenAt` set to now,
 * and the result validated with the Listing schema. A page that does not yield a valid listing
 * throws PageNotListingError naming the URL and the fields; no half-filled Listing ever leaves here.
 */
import { Listing, type Marketplace } from '../../schema/index.ts';
import { PageNotListingError } from './errors.ts';
import { cleanBlock, cleanLine, htmlToText } from './text.ts';

/** What an adapter extracted for a listing before cleaning (any field may be missing or raw). */
export interface RawListing {
  externalId?: string;
  url?: string;
  title?: unknown;
  description?: unknown;
  price?: number;
  currency?: string;
  sellerId?: unknown;
  sellerName?: unknown;
  shopLocation?: unknown;
  shipsFrom?: unknown;
  categoryPath?: unknown[];
  imageUrls?: unknown[];
  brand?: unknown;
  officialStore?: boolean;
}

const MAX_IMAGES = 50;
const MAX_CATEGORY_DEPTH = 20;
const NO_BRAND = /^(no ?brand|không thương hiệu|oem|none|null)$/i;

/** Card/listing fields cleaned and clamped (undefined fields dropped); descriptions are reduced to text. */
export function cleanFields(raw: RawListing): Partial<Listing> {
  const out: Partial<Listing> = {};
  const set = <K extends keyof Listing>(key: K, value: Listing[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('externalId', cleanLine(raw.externalId, 200));
  set('url', raw.url);
  set('title', cleanLine(typeof raw.title === 'string' ? raw.title : undefined, 2000));
  set('description', typeof raw.description === 'string' ? cleanBlock(htmlToText(raw.description), 100_000) : undefined);
  if (typeof raw.price === 'number' && Number.isFinite(raw.price) && raw.price >= 0) set('price', raw.price);
  if (raw.currency && /^[A-Z]{3}$/.test(raw.currency)) set('currency', raw.currency);
  set('sellerId', cleanLine(raw.sellerId, 200));
  set('sellerName', cleanLine(raw.sellerName, 500));
  set('shopLocation', cleanLine(raw.shopLocation, 200));
  set('shipsFrom', cleanLine(raw.shipsFrom, 200));
  const brand = cleanLine(raw.brand, 300);
  set('brand', brand && !NO_BRAND.test(brand) ? brand : undefined);
  if (typeof raw.officialStore === 'boolean') set('officialStore', raw.officialStore);
  const categories = (raw.categoryPath ?? []).map((c) => cleanLine(c, 300)).filter((c): c is string => !!c);
  if (categories.length) set('categoryPath', categories.slice(0, MAX_CATEGORY_DEPTH));
  const images = [...new Set((raw.imageUrls ?? []).map((i) => cleanLine(i, 2000)).filter((i): i is string => !!i))];
  if (images.length) set('imageUrls', images.slice(0, MAX_IMAGES));
  return out;
}

/** A validated Listing from page fields (preferred) and card fields (fallback); throws PageNotListingError when invalid. */
export function buildListing(marketplace: Marketplace, pageUrl: string, page: RawListing, card?: Partial<Listing>): Listing {
  const fromPage = cleanFields(page);
  const fromCard = card ? cleanFields(card as RawListing) : {};
  const merged = { currency: 'VND', ...fromCard, ...fromPage, marketplace, seenAt: new Date().toISOString() };
  const missing = (['title', 'externalId', 'url'] as const).filter((k) => !merged[k]);
  if (missing.length) throw new PageNotListingError(pageUrl, { kind: 'error', reason: 'the page has no readable listing' }, missing);
  const parsed = Listing.safeParse(merged);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(listing)'}: ${i.message}`);
    throw new PageNotListingError(pageUrl, { kind: 'error', reason: 'the listing read from the page is invalid' }, fields);
  }
  return parsed.data;
}
