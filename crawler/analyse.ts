/**
 * Reading one fetched page: its state by the marketplace's adapter, then its search cards, or its
 * listing matched against the register together with the facts the price pass keeps. Pure (no I/O,
 * no Crawlee), so it runs the same on the crawl's main thread and in an analysis worker
 * (`analysis-pool.ts`). Refusals (a captcha, a removed listing, a page the parser cannot read) are
 * returned as data rather than thrown, so they cross a thread boundary unchanged; the route handlers
 * turn them into the errors whose names say how they are retried.
 */
import type { Listing, ListingMatch, PageState, SearchPage } from '../shared/schema/index.ts';
import type { MarketplaceAdapter } from '../shared/marketplaces/common/types.ts';
import { matchListing, type Matcher } from '../shared/match/index.ts';
import { listingFacts, type ListingFacts } from './prices.ts';

/** What the analysis reads of a fetched page (`pageText` of a `FetchedPage`: plain data, no browser handle). */
export interface PageText {
  /** The URL requested. */
  url: string;
  /** The URL finally loaded (after redirects, e.g. to a captcha page). */
  loadedUrl: string;
  status: number;
  /** The HTTP body, or for browser adapters the JSON the page fetched from its API. */
  text: string;
  /** The URL `text` came from. */
  textUrl: string;
  /** The search card's partial listing (LISTING), filling what the page itself lacks; undefined when there is none. */
  card: Record<string, unknown> | undefined;
}

/** The analysis's view of a fetched page; the card comes from the request's data. */
export function pageText(page: { url: string; loadedUrl: string; status: number; text: string; textUrl: string; data: { card?: Record<string, unknown> } }): PageText {
  return { url: page.url, loadedUrl: page.loadedUrl, status: page.status, text: page.text, textUrl: page.textUrl, card: page.data.card };
}

/** What a page is read as. */
export type AnalysisKind = 'search' | 'listing';

/** The outcome of reading a page; only `search` and `listing` carry data. */
export type PageAnalysis =
  /** The adapter classified the page as not readable (removed, rate-limited, captcha, login, error). */
  | { kind: 'refused'; state: Exclude<PageState, { kind: 'ok' }> }
  /** The page looked fine but the parser refused it (never retried). */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'search'; page: SearchPage }
  | { kind: 'listing'; listing: Listing; match: ListingMatch; facts: ListingFacts };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads `page` as a search page or a listing (state first: a refused page is never parsed). */
export function analysePage(adapter: MarketplaceAdapter, matcher: Matcher, page: PageText, as: AnalysisKind): PageAnalysis {
  const state = adapter.classifyPage(page.text, page.textUrl === page.url ? page.loadedUrl : page.textUrl, page.status);
  if (state.kind !== 'ok') return { kind: 'refused', state };
  if (as === 'search') {
    try {
      return { kind: 'search', page: adapter.parseSearch(page.text, page.textUrl) };
    } catch (error) {
      return { kind: 'unreadable', reason: `search page not readable: ${messageOf(error)}` };
    }
  }
  let listing: Listing;
  try {
    listing = adapter.parseListing(page.text, page.textUrl, page.card as Partial<Listing> | undefined);
  } catch (error) {
    return { kind: 'unreadable', reason: `listing not readable: ${messageOf(error)}` };
  }
  // Browser adapters read the page's API; the listing's address is the page a person opens.
  if (page.textUrl !== page.url) listing = { ...listing, url: page.card?.url ? String(page.card.url) : page.url };
  const match = matchListing(matcher, listing);
  return { kind: 'listing', listing, match, facts: listingFacts(listing, match) };
}
