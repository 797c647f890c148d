/**
 * The contract every marketplace adapter implements (see the team brief, "Marketplace adapters"):
 * pure functions from the text of a page or an API response to data, usable in Node and in the
 * browser extension alike. Data types come from `shared/schema`; only the function-bearing adapter
 * shape is declared here.
 */
import type { Listing, Marketplace, PageState, SearchPage, UrlKind } from '../../schema/index.ts';

/** Who an adapter is, where it lives, and how politely it must be crawled. */
export interface AdapterManifest {
  name: Marketplace;
  /** Real hosts this adapter reads; empty for the JSON-LD adapter, which reads any shop. */
  hosts: string[];
  /** True when listings only render in a browser (data comes from JSON APIs the page calls). */
  needsBrowser: boolean;
  rate: { perSecond: number; concurrency: number };
  /** Origin (plus path prefix, for the training marketplace) that search URLs are built on. */
  defaultBaseUrl: string;
}

/** Options for building search URLs. */
export interface SearchUrlOptions {
  baseUrl?: string;
  maxPages?: number;
}

/** One marketplace's reader: URL building, URL and page classification, and parsers. */
export interface MarketplaceAdapter {
  manifest: AdapterManifest;
  /** The first page(s) of a search for a sign, on `baseUrl` (default: the manifest's). */
  searchUrls(sign: string, opts?: SearchUrlOptions): string[];
  /** What kind of page a URL is, without fetching it. */
  classifyUrl(url: string): UrlKind;
  /** What a fetched page is: ok, or a captcha, login wall, removed listing, error or rate limit. */
  classifyPage(text: string, url: string, status?: number): PageState;
  /** Cards and next page of a search page; throws PageNotListingError on a blocked page. */
  parseSearch(text: string, url: string): SearchPage;
  /** One validated Listing; throws PageNotListingError on anything that is not a listing. */
  parseListing(text: string, url: string, card?: Partial<Listing>): Listing;
  /** Browser adapters: the JSON API URLs a page load fetches, whose responses parse into data. */
  apiUrlsFor?(url: string): string[];
}
