/**
 * What the crawler does with each kind of page, whatever fetched it (HTTP or Chromium). One handler
 * per request label, as in Crawlee's main/routes split:
 * - SEARCH: read the result cards into LISTING requests and the next page into another SEARCH;
 * - LISTING: read the listing, match it against the register, store the observation, and for a
 *   suspicious one add the finding and capture its evidence — in this very page load when the page
 *   is in Chromium, else through a CAPTURE request for the browser crawler;
 * - CAPTURE: load a suspicious listing in Chromium and capture its evidence from that load;
 * - RECHECK: look at a listing under action again (live, removed or blocked; re-listing is decided
 *   at the end of the run, when the run's searches have been read).
 * A captcha, a login wall or a 429 is never parsed: it is retried (new session, Retry-After) and
 * recorded as `blocked` when retries run out; a missing listing is recorded as `removed`. Neither is
 * ever evidence. Reading a page (state, parse, match) is `analysePage`, which the crawl runs in a worker
 * thread (`deps.analyse`); the handlers keep the store's writes. Handlers take a small `FetchedPage`
 * so tests call them directly; `addRoutes()` wraps them for Crawlee.
 */
import type { Page } from 'playwright-core';
import { Listing, type Marketplace, type PageState } from '../shared/schema/index.ts';
import type { MarketplaceAdapter } from '../shared/marketplaces/common/types.ts';
import { matchListing, type Matcher } from '../shared/match/index.ts';
import type { Store } from '../shared/store/index.ts';
import type { AnalysisKind, PageAnalysis } from './analyse.ts';
import { captureEvidence, hasCompleteCapture, storeEvidence } from './capture.ts';
import {
  isBlockedError,
  NotRetriedUnreadablePageError,
  parseRetryAfter,
  RetryAfterRateLimitError,
  RetryWithBackoffError,
  RetryWithNewSessionBlockedError,
} from './errors.ts';
import { requestKey } from './plan.ts';
import { listingFacts, type ListingFacts } from './prices.ts';
import type { CrawlProgress, CrawlRequestData, CrawlRequestRow, RequestLabel } from './progress.ts';

/** One fetched page as the handlers see it (built from a Crawlee context, or by hand in tests). */
export interface FetchedPage {
  label: RequestLabel;
  uniqueKey: string;
  /** The URL requested. */
  url: string;
  /** The URL finally loaded (after redirects, e.g. to a captcha page). */
  loadedUrl: string;
  status: number;
  /** The Retry-After header, if any. */
  retryAfter?: string;
  /** The text to read: the HTTP body, or for browser adapters the JSON the page fetched from its API. */
  text: string;
  /** The URL `text` came from (the API URL for browser adapters). */
  textUrl: string;
  data: CrawlRequestData;
  /** Present when the page is open in Chromium: evidence can be captured from this load. */
  browser?: { page: Page; harPath?: string };
}

/** Live counts while a run goes (the final summary is recomputed from the store). */
export interface RunCounters {
  pages: number;
  listings: number;
  findings: number;
  captures: number;
  blocked: number;
  removed: number;
  errors: number;
}

/** Structured log lines with a context tag. */
export interface CrawlLog {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
}

/** What the handlers need: the store, the matcher, the run's durable progress and how to hand on new requests. */
export interface RouteDeps {
  store: Store;
  matcher: Matcher;
  progress: CrawlProgress;
  runId: number;
  threshold: number;
  actor: string;
  adapters: Partial<Record<Marketplace, MarketplaceAdapter>>;
  /** Of new discovery requests (SEARCH, LISTING), the ones the page budget still allows; others pass. Synchronous. */
  admit(rows: CrawlRequestRow[]): CrawlRequestRow[];
  /** Hands requests already recorded in `progress` to the crawler that fetches them. */
  dispatch(rows: CrawlRequestRow[]): Promise<void>;
  /** Runs a page's writes (synchronous) as one unit; resolves once they are committed (a `GroupCommit`, or one transaction each). */
  commit<T>(fn: () => T): Promise<T>;
  /** Reads a page as a search page or a listing (`analysePage`, inline or in an analysis worker). */
  analyse(page: FetchedPage, as: AnalysisKind): Promise<PageAnalysis>;
  counters: RunCounters;
  log: CrawlLog;
}

/** The adapter of a request's marketplace (throws a non-retried error naming it when unknown). */
function adapterOf(deps: RouteDeps, page: FetchedPage): MarketplaceAdapter {
  const adapter = deps.adapters[page.data.marketplace];
  if (!adapter) throw new NotRetriedUnreadablePageError(page.url, `no adapter for marketplace "${page.data.marketplace}"`);
  return adapter;
}

/**
 * The page's state by its adapter. Rate limits, captchas, login walls and errors throw the error
 * whose name says how it is retried; `ok` and `removed` are returned.
 */
export function readState(adapter: MarketplaceAdapter, page: FetchedPage): { kind: 'ok' } | { kind: 'removed'; reason: string } {
  return stateOutcome(page, adapter.classifyPage(page.text, page.textUrl === page.url ? page.loadedUrl : page.textUrl, page.status));
}

/** `readState` for a state already classified. */
function stateOutcome(page: FetchedPage, state: PageState): { kind: 'ok' } | { kind: 'removed'; reason: string } {
  switch (state.kind) {
    case 'ok':
      return { kind: 'ok' };
    case 'removed':
      return { kind: 'removed', reason: state.reason };
    case 'rate-limited':
      throw new RetryAfterRateLimitError(page.url, state.retryAfterSeconds ?? parseRetryAfter(page.retryAfter));
    case 'captcha':
    case 'login':
      throw new RetryWithNewSessionBlockedError(page.url, state.kind, state.reason);
    default:
      throw new RetryWithBackoffError(page.url, state.reason);
  }
}

/**
 * For an analysis that is not the data asked for: the reason a removed page is gone; a rate limit,
 * captcha, login wall or error throws the error that says how it is retried, and a page the parser
 * refused throws the never-retried one.
 */
function removalOrThrow(page: FetchedPage, analysis: PageAnalysis): string {
  if (analysis.kind === 'refused') {
    const outcome = stateOutcome(page, analysis.state);
    if (outcome.kind === 'removed') return outcome.reason;
  }
  throw new NotRetriedUnreadablePageError(page.url, analysis.kind === 'unreadable' ? analysis.reason : `page read as ${analysis.kind}, not as ${page.label}`);
}

/** The card's listing fields made into a valid Listing (for recording a status of a never-read listing), or undefined. */
function listingFromCard(data: CrawlRequestData, url: string): Listing | undefined {
  const key = data.listingKey;
  if (!key) return undefined;
  const parsed = Listing.safeParse({
    ...(data.card ?? {}),
    marketplace: data.marketplace,
    externalId: key.slice(key.indexOf(':') + 1),
    url: (data.card?.url as string | undefined) ?? url,
    seenAt: new Date().toISOString(),
  });
  return parsed.success ? parsed.data : undefined;
}

/** Records a listing as removed or blocked: a status observation, or (never seen before) the search card with that status. */
export function recordListingStatus(deps: RouteDeps, data: CrawlRequestData, url: string, status: 'removed' | 'blocked', detail: string): void {
  const key = data.listingKey;
  if (!key) return;
  if (deps.store.getListing(key)) deps.store.recordStatus(key, status, { runId: deps.runId, detail: detail.slice(0, 500) });
  else {
    const card = listingFromCard(data, url);
    if (card) deps.store.recordObservation(card, { status, runId: deps.runId });
  }
}

/** SEARCH: cards → LISTING requests, next page → SEARCH request (within the page budget). */
export async function handleSearch(deps: RouteDeps, page: FetchedPage): Promise<void> {
  const adapter = adapterOf(deps, page);
  deps.counters.pages++;
  const analysis = await deps.analyse(page, 'search');
  if (analysis.kind !== 'search') {
    removalOrThrow(page, analysis);
    await deps.commit(() => deps.progress.finish(page.uniqueKey, 'done', 'empty'));
    return;
  }
  const result = analysis.page;
  const marketplace = page.data.marketplace;
  const rows: CrawlRequestRow[] = result.cards.map((card) => ({
    uniqueKey: requestKey('LISTING', card.url),
    url: card.url,
    label: 'LISTING',
    data: { marketplace, listingKey: `${marketplace}:${card.externalId}`, card: { ...card.partial, url: card.url } },
  }));
  // On browser sites a page load is dear: a card whose own data already passes the threshold is
  // recorded and matched from the search API's answer, and goes straight to evidence capture (which
  // reads the listing again from its own load). The other cards are read from their pages.
  const fromCards = adapter.manifest.needsBrowser ? matchCards(deps, rows) : new Map<string, CardFinding>();
  if (result.next) rows.push({ uniqueKey: requestKey('SEARCH', result.next), url: result.next, label: 'SEARCH', data: { marketplace, term: page.data.term } });
  const fresh = await deps.commit(() => {
    const added = deps.progress.add(deps.admit(rows));
    const toFetch: CrawlRequestRow[] = [];
    for (const row of added) {
      const card = fromCards.get(row.uniqueKey);
      if (!card) {
        toFetch.push(row);
        continue;
      }
      const { listingKey } = deps.store.recordObservation(card.listing, { runId: deps.runId });
      const { finding } = deps.store.addFinding({ listingKey, source: 'crawl', createdBy: deps.actor, runId: deps.runId, match: card.match });
      const capture: CrawlRequestRow = {
        uniqueKey: requestKey('CAPTURE', card.listing.url),
        url: card.listing.url,
        label: 'CAPTURE',
        data: { marketplace, listingKey, findingId: finding.id, card: row.data.card },
      };
      if (!hasCompleteCapture(deps.store, finding.id)) toFetch.push(...deps.progress.add(deps.admit([capture])));
      deps.progress.finish(row.uniqueKey, 'done', 'from-card', { ...card.facts, findingId: finding.id });
      deps.counters.listings++;
      deps.counters.findings++;
    }
    deps.progress.finish(page.uniqueKey, 'done', 'ok', { cards: result.cards.length });
    return toFetch;
  });
  await deps.dispatch(fresh);
}

/** A search card that is a finding on its own data. */
interface CardFinding {
  listing: Listing;
  match: ReturnType<typeof matchListing>;
  facts: ListingFacts;
}

/** The LISTING rows whose card alone is a valid listing at or above the threshold, by request key. */
function matchCards(deps: RouteDeps, rows: CrawlRequestRow[]): Map<string, CardFinding> {
  const out = new Map<string, CardFinding>();
  const seenAt = new Date().toISOString();
  for (const row of rows) {
    const key = row.data.listingKey!;
    const parsed = Listing.safeParse({ ...(row.data.card ?? {}), marketplace: row.data.marketplace, externalId: key.slice(key.indexOf(':') + 1), url: row.url, seenAt });
    if (!parsed.success) continue;
    const match = matchListing(deps.matcher, parsed.data);
    if (match.risk < deps.threshold) continue;
    out.set(row.uniqueKey, { listing: parsed.data, match, facts: listingFacts(parsed.data, match) });
  }
  return out;
}

/** The listing of a page, or a non-retried error naming what the parser refused. */
function parseListingOf(adapter: MarketplaceAdapter, page: FetchedPage): Listing {
  try {
    const listing = adapter.parseListing(page.text, page.textUrl, page.data.card as Partial<Listing> | undefined);
    // Browser adapters read the page's API; the listing's address is the page a person opens.
    return page.textUrl !== page.url ? { ...listing, url: page.data.card?.url ? String(page.data.card.url) : page.url } : listing;
  } catch (error) {
    if (isBlockedError(error)) throw error;
    throw new NotRetriedUnreadablePageError(page.url, `listing not readable: ${(error as Error).message}`);
  }
}

/** Captures evidence from the open browser page and stores it, marking the request done in the same transaction. */
async function captureHere(deps: RouteDeps, page: FetchedPage, findingId: number, listing: Listing, facts: Record<string, unknown> = {}): Promise<void> {
  const evidence = await captureEvidence(page.browser!.page, { listing, harPath: page.browser!.harPath });
  deps.store.transaction(() => {
    storeEvidence(deps.store, findingId, evidence, deps.actor);
    deps.progress.finish(page.uniqueKey, 'done', 'captured', { ...facts, findingId });
  });
  deps.counters.captures++;
}

/** LISTING: parse, match, store the observation; a suspicious listing gets its finding and evidence. */
export async function handleListing(deps: RouteDeps, page: FetchedPage): Promise<void> {
  adapterOf(deps, page); // an unknown marketplace is refused before anything is read
  deps.counters.pages++;
  const analysis = await deps.analyse(page, 'listing');
  if (analysis.kind !== 'listing') {
    const reason = removalOrThrow(page, analysis);
    await deps.commit(() => {
      recordListingStatus(deps, page.data, page.url, 'removed', reason);
      deps.progress.finish(page.uniqueKey, 'done', 'removed');
    });
    deps.counters.removed++;
    return;
  }
  // The facts kept with the request feed the end-of-run price pass (reference price per right and goods).
  const { listing, match, facts } = analysis;
  const suspicious = match.risk >= deps.threshold;
  // Evidence comes from this load only when the page records its HTTP exchanges (the capturer's pages).
  const inBrowser = page.browser?.harPath !== undefined;
  const outcome = await deps.commit(() => {
    const { listingKey } = deps.store.recordObservation(listing, { runId: deps.runId });
    if (!suspicious) {
      deps.progress.finish(page.uniqueKey, 'done', facts.rights.length ? 'clean-hit' : 'clean', facts);
      return { listingKey };
    }
    const { finding } = deps.store.addFinding({ listingKey, source: 'crawl', createdBy: deps.actor, runId: deps.runId, match });
    const url = listing.url;
    const captureRow: CrawlRequestRow = {
      uniqueKey: requestKey('CAPTURE', url),
      url,
      label: 'CAPTURE',
      data: { marketplace: listing.marketplace, listingKey, findingId: finding.id, card: page.data.card },
    };
    // Evidence is wanted unless it exists already or the run's capture budget is spent.
    const wanted = !hasCompleteCapture(deps.store, finding.id) && deps.admit([captureRow]).length > 0;
    let capture: CrawlRequestRow[] = [];
    if (!wanted || !inBrowser) {
      if (wanted) capture = deps.progress.add([captureRow]);
      deps.progress.finish(page.uniqueKey, 'done', 'finding', { ...facts, findingId: finding.id });
    }
    return { listingKey, findingId: finding.id, captureHere: wanted && inBrowser, capture };
  });
  deps.counters.listings++;
  if (outcome.findingId === undefined) return;
  deps.counters.findings++;
  if (outcome.captureHere) await captureHere(deps, page, outcome.findingId, listing, { ...facts });
  else if (outcome.capture?.length) await deps.dispatch(outcome.capture);
}

/** CAPTURE: a suspicious listing read over HTTP, loaded in Chromium; evidence from this load (never from a blocked or removed page). */
export async function handleCapture(deps: RouteDeps, page: FetchedPage): Promise<void> {
  const adapter = adapterOf(deps, page);
  if (!page.browser) throw new NotRetriedUnreadablePageError(page.url, 'CAPTURE needs a browser page');
  deps.counters.pages++;
  const findingId = page.data.findingId;
  if (findingId === undefined) throw new NotRetriedUnreadablePageError(page.url, 'CAPTURE request without a findingId');
  const state = readState(adapter, page);
  if (state.kind === 'removed') {
    await deps.commit(() => {
      recordListingStatus(deps, page.data, page.url, 'removed', state.reason);
      deps.progress.finish(page.uniqueKey, 'done', 'removed');
    });
    deps.counters.removed++;
    return;
  }
  if (hasCompleteCapture(deps.store, findingId)) {
    deps.progress.finish(page.uniqueKey, 'done', 'already-captured');
    return;
  }
  const listing = parseListingOf(adapter, page);
  await captureHere(deps, page, findingId, listing);
}

/** RECHECK: a listing under action looked at again; live → observation, removed → status (re-listing decided at the end of the run). */
export async function handleRecheck(deps: RouteDeps, page: FetchedPage): Promise<void> {
  adapterOf(deps, page); // an unknown marketplace is refused before anything is read
  deps.counters.pages++;
  const analysis = await deps.analyse(page, 'listing');
  if (analysis.kind !== 'listing') {
    const reason = removalOrThrow(page, analysis);
    await deps.commit(() => {
      recordListingStatus(deps, page.data, page.url, 'removed', reason);
      deps.progress.finish(page.uniqueKey, 'done', 'removed', { outcome: 'removed', detail: reason });
    });
    deps.counters.removed++;
    return;
  }
  const { listing } = analysis;
  await deps.commit(() => {
    deps.store.recordObservation(listing, { runId: deps.runId });
    deps.progress.finish(page.uniqueKey, 'done', 'still_live', { outcome: 'still_live' });
  });
  deps.counters.listings++;
}

/** After the last retry: blocked pages are recorded as blocked (never as evidence), other failures as errors. */
export function recordFailure(deps: RouteDeps, row: { uniqueKey: string; label: RequestLabel; url: string; data: CrawlRequestData }, error: unknown): void {
  const blocked = isBlockedError(error);
  const message = error instanceof Error ? error.message : String(error);
  deps.store.transaction(() => {
    if (blocked) recordListingStatus(deps, row.data, row.url, 'blocked', message);
    if (row.label === 'RECHECK') deps.progress.finish(row.uniqueKey, 'failed', 'blocked', { outcome: 'blocked', detail: message.slice(0, 500) });
    else deps.progress.finish(row.uniqueKey, 'failed', blocked ? 'blocked' : 'error', { error: message.slice(0, 500) });
  });
  if (blocked) deps.counters.blocked++;
  else deps.counters.errors++;
  deps.log.warn(blocked ? 'page blocked' : 'page failed', { url: row.url, label: row.label, error: message.slice(0, 300) });
}

/** The handler for each label. */
export const HANDLERS: Record<RequestLabel, (deps: RouteDeps, page: FetchedPage) => Promise<void>> = {
  SEARCH: handleSearch,
  LISTING: handleListing,
  CAPTURE: handleCapture,
  RECHECK: handleRecheck,
};

/** The part of a Crawlee router this module uses (createHttpRouter / createPlaywrightRouter both have it). */
export interface LabelRouter<Context> {
  addHandler(label: string, handler: (ctx: Context) => Promise<void>): void;
  addDefaultHandler(handler: (ctx: Context) => Promise<void>): void;
}

/** Registers one handler per label on a Crawlee router; `toPage` turns the crawler's context into a FetchedPage. */
export function addRoutes<Context extends { request: { url: string; label?: string } }>(
  router: LabelRouter<Context>,
  deps: RouteDeps,
  toPage: (ctx: Context) => Promise<FetchedPage>,
): void {
  for (const [label, handle] of Object.entries(HANDLERS) as Array<[RequestLabel, (typeof HANDLERS)[RequestLabel]]>) {
    router.addHandler(label, async (ctx) => handle(deps, await toPage(ctx)));
  }
  router.addDefaultHandler(async ({ request }) => {
    throw new NotRetriedUnreadablePageError(request.url, `request without a known label (${request.label ?? 'none'})`);
  });
}
