/**
 * What a marketplace page turned out to be when an adapter read it, and what a search page yields.
 * A captcha, a login wall, a removed listing or an error is a state, never a listing: the crawler
 * records it as blocked/removed/failed, and only `ok` pages are parsed into listings.
 */
import { z } from 'zod';
import { Listing } from './listing.ts';

/** The kinds of page an adapter can recognise; only `ok` is parsed into data. */
export const PageStateKind = z.enum(['ok', 'captcha', 'login', 'removed', 'error', 'rate-limited']);
export type PageStateKind = z.infer<typeof PageStateKind>;

/** The state of one page load: `ok`, or a non-listing state with a human-readable reason. */
export const PageState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok') }).strict(),
  z
    .object({
      kind: z.enum(['captcha', 'login', 'removed', 'error', 'rate-limited']),
      reason: z.string(),
      /** Seconds to wait before retrying, when the page said so (HTTP Retry-After or the page text). */
      retryAfterSeconds: z.number().nonnegative().optional(),
    })
    .strict(),
]);
export type PageState = z.infer<typeof PageState>;

/** One result card on a search page: where the listing is, its id, and what the card already says. */
export const SearchCard = z
  .object({
    url: z.string().url(),
    externalId: z.string().min(1).max(200),
    partial: Listing.partial(),
  })
  .strict();
export type SearchCard = z.infer<typeof SearchCard>;

/** What a search page yields: its cards and, when there is one, the next page's URL. */
export const SearchPage = z
  .object({
    cards: z.array(SearchCard),
    next: z.string().url().optional(),
  })
  .strict();
export type SearchPage = z.infer<typeof SearchPage>;

/** The kinds of URL an adapter recognises (api-* are the JSON APIs behind a page). */
export const UrlKind = z.enum(['search', 'listing', 'api-search', 'api-listing', 'other']);
export type UrlKind = z.infer<typeof UrlKind>;
