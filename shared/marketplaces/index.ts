/**
 * The marketplace adapters and how to pick one: `ADAPTERS` by marketplace name, `adapterForUrl` for a
 * URL (a training-marketplace base URL first, then the real hosts, then the plain-shop JSON-LD reader
 * for any other web page), and `withBaseUrl` to point an adapter at another base (the training
 * marketplace: `http://127.0.0.1:PORT/shopee`…). Everything here is pure and browser-safe, so the
 * extension bundles the same parsers the crawler uses.
 */
import type { Marketplace } from '../schema/index.ts';
import type { MarketplaceAdapter } from './common/types.ts';
import { hostMatches, trimBase } from './common/url.ts';
import { shopee } from './shopee/index.ts';
import { lazada } from './lazada/index.ts';
import { tiki } from './tiki/index.ts';
import { sendo } from './sendo/index.ts';
import { tiktok } from './tiktok/index.ts';
import { jsonld } from './jsonld/index.ts';

export type { MarketplaceAdapter, AdapterManifest, SearchUrlOptions } from './common/types.ts';
export { PageNotListingError } from './common/errors.ts';
export { parseShopBase, shopeeIds, shopeeProductUrl } from './shopee/index.ts';

/** Every adapter, by marketplace name (the real sites are their defaults). */
export const ADAPTERS: Record<Marketplace, MarketplaceAdapter> = { shopee, lazada, tiki, sendo, tiktok, jsonld };

/** Base URLs per marketplace, e.g. the training marketplace's `baseUrls`. */
export type BaseUrls = Partial<Record<Marketplace, string>>;

/** The training marketplace's site prefixes under its origin (the team brief's contract). */
export const TRAINING_PREFIXES: Partial<Record<Marketplace, string>> = { shopee: '/shopee', lazada: '/lazada', tiki: '/tiki', sendo: '/sendo', jsonld: '/shop' };

/** Base URLs of every training site under `origin` (`http://127.0.0.1:PORT`). */
export function trainingBaseUrls(origin: string): BaseUrls {
  const o = trimBase(origin);
  return Object.fromEntries(Object.entries(TRAINING_PREFIXES).map(([name, prefix]) => [name, o + prefix]));
}

/** A copy of `adapter` whose search URLs (and manifest.defaultBaseUrl) use `baseUrl`; parsers are unchanged, since they read the base from each page's URL. */
export function withBaseUrl(adapter: MarketplaceAdapter, baseUrl: string): MarketplaceAdapter {
  const base = trimBase(baseUrl);
  new URL(base); // throws a TypeError naming the bad base URL early
  return {
    ...adapter,
    manifest: { ...adapter.manifest, defaultBaseUrl: base },
    searchUrls: (sign, opts) => adapter.searchUrls(sign, { ...opts, baseUrl: opts?.baseUrl ?? base }),
  };
}

/** True when `url` is `base` or below it (path-segment boundary: `/shop` does not cover `/shopee`). */
function isUnder(url: URL, base: string): boolean {
  const b = new URL(trimBase(base));
  if (url.origin !== b.origin) return false;
  const prefix = b.pathname.replace(/\/+$/, '');
  return prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

/**
 * The adapter that reads `url`: the marketplace whose base URL in `baseUrls` covers it (longest base
 * wins, returned already pointed at that base), else the one whose real host it is, else the JSON-LD
 * reader for any other http(s) page; undefined only for a URL that is not http(s).
 */
export function adapterForUrl(url: string, baseUrls?: BaseUrls): MarketplaceAdapter | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const covering = Object.entries(baseUrls ?? {})
    .filter((entry): entry is [Marketplace, string] => typeof entry[1] === 'string' && entry[1] !== '' && isUnder(u, entry[1]))
    .sort((a, b) => trimBase(b[1]).length - trimBase(a[1]).length);
  if (covering.length) {
    const [name, base] = covering[0];
    return withBaseUrl(ADAPTERS[name], base);
  }
  const byHost = Object.values(ADAPTERS).find((a) => a.manifest.hosts.length && hostMatches(u.hostname, a.manifest.hosts));
  return byHost ?? ADAPTERS.jsonld;
}
