/**
 * One crawl run, from the register to findings with evidence. The steps:
 * 1 - take the crawl lock (one crawl per store at a time);
 * 2 - resume the unfinished run with the same parameters (killed, interrupted), or start a new run
 *     and write its plan (searches × marketplaces, re-checks) to the durable progress table;
 * 3 - build the engines: one Crawlee `HttpCrawler` per HTTP marketplace (its own rate and concurrency,
 *     from the adapter's manifest, or the training marketplace's when crawling it) and one
 *     `PlaywrightCrawler` for browser marketplaces (Shopee) and evidence captures, every page recorded
 *     as HAR so a capture can write its WARC; all storage in memory, resume state in the store;
 * 4 - hand the pending requests to the engines and run them until nothing is outstanding;
 * 5 - turn the run's re-checks into review events (removed, still live, re-listed, blocked);
 * 6 - summarise from the store and record the run's end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { chromium } from 'playwright-core';
import {
  Configuration,
  HttpCrawler,
  PlaywrightCrawler,
  RequestQueue,
  RobotsTxtFile,
  createHttpRouter,
  createPlaywrightRouter,
  log as crawleeLog,
  type BasicCrawler,
  type HttpCrawlingContext,
  type PlaywrightCrawlingContext,
} from 'crawlee';
import type { Response as PwResponse } from 'playwright-core';
import type { Marketplace } from '../shared/schema/index.ts';
import { ADAPTERS, parseShopBase, withBaseUrl, type MarketplaceAdapter } from '../shared/marketplaces/index.ts';
import { buildMatcher } from '../shared/match/index.ts';
import type { Store } from '../shared/store/index.ts';
import { chromiumLaunchOptions } from './browser.ts';
import { backoffMs, isBlockedError, RetryAfterRateLimitError, RetryWithNewSessionBlockedError } from './errors.ts';
import { pageText } from './analyse.ts';
import { AnalysisPool, defaultAnalysisThreads } from './analysis-pool.ts';
import { GroupCommit } from './group-commit.ts';
import { acquireCrawlLock } from './lock.ts';
import { buildPlan } from './plan.ts';
import { CrawlProgress, type CrawlRequestData, type CrawlRequestRow, type RequestLabel } from './progress.ts';
import { pricePass } from './prices.ts';
import { reportRechecks } from './recheck.ts';
import { addRoutes, recordFailure, type CrawlLog, type FetchedPage, type RouteDeps, type RunCounters } from './routes.ts';
import { summariseRun, type CrawlSummary } from './summary.ts';

/** What `runCrawl` is asked to do. */
export interface CrawlOptions {
  store: Store;
  /** Only these rights' searches (default: every right); matching always uses the whole register. */
  rightIds?: string[];
  /** Only these marketplaces (default: those with a base URL, else every marketplace with a real site). */
  marketplaces?: Marketplace[];
  /** Base URL per marketplace (the training marketplace's sites). */
  baseUrls?: Partial<Record<Marketplace, string>>;
  /** Most search and listing pages to read in this run (captures and re-checks not counted). */
  maxPages?: number;
  /** Most evidence captures in this run (default: no limit). */
  maxCaptures?: number;
  /** Risk at or above which a listing becomes a finding with evidence (default 0.5). */
  threshold?: number;
  /** Respect robots.txt (default true). */
  robots?: boolean;
  /** Requests per second per marketplace; 0 = no limit (default: the manifest's, or 15/s on a local training site). */
  ratePerSecond?: number;
  /** Parallel requests per HTTP marketplace (default: the manifest's, or 4 on a local training site). */
  concurrency?: number;
  /** Parallel browser pages (default 2). */
  browserConcurrency?: number;
  /** Search result pages requested per term up front (default 1; later pages follow "next"). */
  searchPages?: number;
  /** Retries per page before it counts as blocked or failed (default 4). */
  maxRetries?: number;
  /** Worker threads that parse and match pages beside the main thread (default: one per spare core, at most 2; 0 = on the main thread). */
  analysisThreads?: number;
  /** Aborting it stops the run gracefully; the run is recorded as interrupted and resumes next time. */
  signal?: AbortSignal;
  /** Start a new run even if an unfinished one with the same parameters exists. */
  fresh?: boolean;
  actor?: string;
  log?: CrawlLog;
  /** Called about twice a second with the live counts and how many requests are outstanding. */
  onProgress?: (counters: RunCounters, outstanding: number, total: number) => void;
}

const LOCAL_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
const TRAINING_RATE = { perSecond: 15, concurrency: 4 };
/** Sessions (cookies + browser headers) per HTTP marketplace. */
const HTTP_SESSIONS = 50;

/** A structured JSON logger on stderr with the context tag "crawl". */
export const jsonLog: CrawlLog = {
  info: (msg, data) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level: 'info', ctx: 'crawl', msg, ...data })}\n`),
  warn: (msg, data) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level: 'warn', ctx: 'crawl', msg, ...data })}\n`),
};

/** A logger that drops everything (for tests and the progress-bar mode's info lines). */
export const quietLog: CrawlLog = { info: () => undefined, warn: () => undefined };

/** The marketplaces a run covers. */
export function chooseMarketplaces(opts: Pick<CrawlOptions, 'marketplaces' | 'baseUrls'>): Marketplace[] {
  if (opts.marketplaces?.length) return [...new Set(opts.marketplaces)];
  const withBase = Object.entries(opts.baseUrls ?? {}).filter(([, url]) => url).map(([m]) => m as Marketplace);
  if (withBase.length) return withBase;
  return (Object.keys(ADAPTERS) as Marketplace[]).filter((m) => ADAPTERS[m].manifest.defaultBaseUrl);
}

function isLocal(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return LOCAL_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Rate and concurrency for one marketplace: explicit options, else the training site's, else the manifest's. */
function pace(adapter: MarketplaceAdapter, opts: CrawlOptions): { perMinute?: number; concurrency: number } {
  const base = isLocal(adapter.manifest.defaultBaseUrl) ? TRAINING_RATE : adapter.manifest.rate;
  const perSecond = opts.ratePerSecond ?? base.perSecond;
  return { perMinute: perSecond > 0 ? Math.max(1, Math.round(perSecond * 60)) : undefined, concurrency: Math.max(1, opts.concurrency ?? base.concurrency) };
}

/** The parameters that identify a run for resuming. */
function runParams(opts: CrawlOptions, marketplaces: Marketplace[]): Record<string, unknown> {
  return {
    rightIds: opts.rightIds?.length ? [...opts.rightIds].sort() : null,
    marketplaces,
    baseUrls: opts.baseUrls ?? {},
    maxPages: opts.maxPages ?? null,
    maxCaptures: opts.maxCaptures ?? null,
    threshold: opts.threshold ?? 0.5,
    robots: opts.robots ?? true,
    searchPages: opts.searchPages ?? 1,
  };
}

/** Whether a URL may be fetched under robots.txt, one robots.txt per origin (unreachable → allowed). */
class RobotsGate {
  private readonly files = new Map<string, Promise<RobotsTxtFile | undefined>>();
  constructor(private readonly enabled: boolean) {}
  async allows(url: string): Promise<boolean> {
    if (!this.enabled) return true;
    const origin = new URL(url).origin;
    let file = this.files.get(origin);
    if (!file) {
      file = RobotsTxtFile.find(url).catch(() => undefined);
      this.files.set(origin, file);
    }
    const robots = await file;
    return !robots || robots.isAllowed(url);
  }
}

/** API responses a browser page is waiting for, by page. */
type ApiAnswer = { url: string; status: number; text: string; retryAfter?: string } | undefined;

/** True when `actual` is the API call `wanted` describes (same path, every wanted parameter equal). */
export function sameApiCall(actual: string, wanted: string): boolean {
  try {
    const a = new URL(actual);
    const w = new URL(wanted);
    if (a.origin !== w.origin || a.pathname !== w.pathname) return false;
    for (const [k, v] of w.searchParams) if (a.searchParams.get(k) !== v) return false;
    return true;
  } catch {
    return false;
  }
}

/** Runs one crawl (or resumes the unfinished one) and returns its summary. */
export async function runCrawl(opts: CrawlOptions): Promise<CrawlSummary> {
  const { store } = opts;
  const log = opts.log ?? jsonLog;
  const actor = opts.actor ?? 'crawler';
  const threshold = opts.threshold ?? 0.5;
  const started = Date.now();
  crawleeLog.setLevel(crawleeLog.LEVELS.OFF); // failures are recorded and logged by ipwatch itself

  // 1 - one crawl per store at a time.
  const release = acquireCrawlLock(store.path);
  const harDir = await mkdtemp(join(tmpdir(), 'ipwatch-har-'));
  const crawlers: BasicCrawler[] = []; // every engine built (for teardown)
  const runs: Array<Promise<unknown>> = []; // every engine set running
  const group = new GroupCommit(store); // the handlers' page writes, committed a few at a time
  let analysis: AnalysisPool | undefined;
  let runId = 0;
  const errors: string[] = [];
  try {
    // 2 - resume or plan.
    const marketplaces = chooseMarketplaces(opts);
    const adapters: Partial<Record<Marketplace, MarketplaceAdapter>> = {};
    for (const m of marketplaces) {
      const base = opts.baseUrls?.[m];
      adapters[m] = base ? withBaseUrl(ADAPTERS[m], base) : ADAPTERS[m];
    }
    const params = runParams(opts, marketplaces);
    const key = canonicalize(params);
    const unfinished = store.listRuns().filter((r) => r.status === 'running' || r.status === 'interrupted');
    const resumable = opts.fresh ? undefined : [...unfinished].reverse().find((r) => canonicalize(r.params) === key);
    for (const r of unfinished) {
      if (r.id !== resumable?.id && r.status === 'running') store.finishRun(r.id, { status: 'interrupted', counts: r.counts, errors: [...r.errors, 'the process ended without finishing this run'] });
    }
    runId = resumable ? resumable.id : store.startRun(params);
    const progress = new CrawlProgress(store, runId);
    const allRights = store.listRights();
    if (!allRights.length) throw new Error('Sổ đăng ký trống / the register is empty: import rights first (`ipwatch register import FILE`, or `npm start` for the bundled one).');
    const rights = opts.rightIds?.length ? allRights.filter((r) => opts.rightIds!.includes(r.id)) : allRights;
    if (opts.rightIds?.length && rights.length !== new Set(opts.rightIds).size) {
      const missing = opts.rightIds.filter((id) => !allRights.some((r) => r.id === id));
      throw new Error(`unknown right id(s): ${missing.join(', ')}; see \`ipwatch register list\``);
    }
    const matcher = buildMatcher(allRights);
    // Parsing and matching pages is pure CPU work: worker threads do it beside Crawlee and the store.
    analysis = new AnalysisPool(
      { adapters, matcher },
      { marketplaces, baseUrls: opts.baseUrls ?? {}, rights: allRights, threads: opts.analysisThreads ?? defaultAnalysisThreads() },
      log,
    );
    const pool = analysis;

    const counters: RunCounters = { pages: 0, listings: 0, findings: 0, captures: 0, blocked: 0, removed: 0, errors: 0 };
    // The page budget is shared fairly: each marketplace gets its part of --max-pages.
    const perMarketplace = opts.maxPages === undefined ? Infinity : Math.max(1, Math.ceil(opts.maxPages / marketplaces.length));
    // Budget counts start from the store (a resumed run continues them) and are then kept in memory.
    const pagesUsed = new Map<Marketplace, number>();
    let capturesUsed: number | undefined;
    const admit = (rows: CrawlRequestRow[]): CrawlRequestRow[] => {
      if (opts.maxPages === undefined && opts.maxCaptures === undefined) return rows; // no budget: nothing to count
      return rows.filter((r) => {
        if (progress.stateOf(r.uniqueKey) !== undefined) return true; // already known: add() ignores it
        if ((r.label === 'SEARCH' || r.label === 'LISTING') && opts.maxPages !== undefined) {
          const m = r.data.marketplace;
          const used = pagesUsed.get(m) ?? progress.countLabels(['SEARCH', 'LISTING'], m);
          if (used >= perMarketplace) return false;
          pagesUsed.set(m, used + 1);
          return true;
        }
        if (r.label === 'CAPTURE' && opts.maxCaptures !== undefined) {
          capturesUsed ??= progress.countCaptures();
          if (capturesUsed >= opts.maxCaptures) return false;
          capturesUsed++;
          return true;
        }
        return true;
      });
    };
    if (!resumable) {
      const plan = buildPlan({ rights, adapters, marketplaces, baseUrls: opts.baseUrls ?? {}, searchPages: opts.searchPages, underAction: store.listingsUnderAction() });
      progress.add(admit(plan));
    }
    log.info(resumable ? 'resuming run' : 'starting run', { runId, marketplaces, rights: rights.length, pending: progress.pending().length });

    // 3 - the engines.
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    const robots = new RobotsGate(opts.robots ?? true);
    let outstanding = 0;
    let dispatched = 0;
    /** Ends the current drain the moment nothing is outstanding (or the run is aborted). */
    let drained: (() => void) | undefined;
    const settle = () => {
      if (drained && (outstanding <= 0 || opts.signal?.aborted)) drained();
    };
    const finished = () => {
      outstanding--;
      settle();
    };
    const deps: RouteDeps = {
      store,
      matcher,
      progress,
      runId,
      threshold,
      actor,
      adapters,
      admit,
      dispatch: async (rows) => dispatch(rows),
      commit: (fn) => group.run(fn),
      analyse: (page, as) => pool.analyse(page.data.marketplace, pageText(page), as),
      counters,
      log,
    };
    const rowOf = (request: { uniqueKey: string; url: string; label?: string; userData: Record<string, unknown> }) => ({
      uniqueKey: request.uniqueKey,
      url: request.url,
      label: request.label as RequestLabel,
      data: request.userData.data as CrawlRequestData,
    });
    const common = {
      maxRequestRetries: opts.maxRetries ?? 4,
      keepAlive: true,
      respectRobotsTxtFile: opts.robots ?? true,
      useSessionPool: true,
      sessionPoolOptions: { blockedStatusCodes: [] as number[] },
      requestHandlerTimeoutSecs: 90,
      // New requests appear as pages are read (search → listings): look for them often, not every 0.5 s.
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.05 },
      navigationTimeoutSecs: 30,
      errorHandler: async ({ request, session }: { request: { retryCount: number }; session?: { retire(): void } }, error: Error) => {
        if (error instanceof RetryWithNewSessionBlockedError) session?.retire();
        const after = error instanceof RetryAfterRateLimitError ? error.retryAfterSeconds : undefined;
        await new Promise((r) => setTimeout(r, backoffMs(request.retryCount, after)));
      },
      failedRequestHandler: async ({ request }: { request: { uniqueKey: string; url: string; label?: string; userData: Record<string, unknown> } }, error: Error) => {
        try {
          recordFailure(deps, rowOf(request), error);
          if (errors.length < 50 && !isBlockedError(error)) errors.push(error.message.slice(0, 300));
        } finally {
          finished();
        }
      },
    };

    // Each engine is built the first time a request is handed to it: an idle crawler still costs CPU
    // (its pool polls its queue every 50 ms, its queue allocates a large dedup cache).
    const builders = new Map<string, () => Promise<BasicCrawler>>();
    const engines = new Map<string, Promise<BasicCrawler>>();
    const engine = (name: string): Promise<BasicCrawler> => {
      let crawler = engines.get(name);
      if (!crawler) {
        const build = builders.get(name);
        if (!build) throw new Error(`no crawler engine "${name}"`);
        crawler = build().then((c) => (crawlers.push(c), c));
        engines.set(name, crawler);
      }
      return crawler;
    };
    const running = new Set<BasicCrawler>();

    for (const m of marketplaces) {
      const adapter = adapters[m]!;
      if (adapter.manifest.needsBrowser) continue;
      const { perMinute, concurrency } = pace(adapter, opts);
      const router = createHttpRouter();
      addRoutes(router, deps, async (ctx: HttpCrawlingContext) => httpPage(ctx));
      builders.set(`http-${m}`, async () => new HttpCrawler(
        {
          ...common,
          requestQueue: await RequestQueue.open(`run-${runId}-${m}`, { config }),
          requestHandler: async (ctx) => {
            await router(ctx as never);
            finished();
          },
          additionalMimeTypes: ['application/json', 'text/plain'],
          // Crawlee's pool grows to 1000 sessions, so nearly every request built a new one (cookie jar
          // and two generated header sets, ~5% of the crawl's CPU); 50 per marketplace still rotate
          // (a session retires after 50 uses, or at once when blocked).
          sessionPoolOptions: { ...common.sessionPoolOptions, maxPoolSize: HTTP_SESSIONS },
          maxConcurrency: concurrency,
          // Local training sites answer at once: start at full concurrency; real sites ramp up politely.
          minConcurrency: isLocal(adapter.manifest.defaultBaseUrl) ? concurrency : 1,
          ...(perMinute ? { maxRequestsPerMinute: perMinute } : {}),
        },
        config,
      ) as unknown as BasicCrawler);
    }

    const apiWaits = new WeakMap<object, Promise<ApiAnswer[]>>();
    const browserAdapters = marketplaces.map((m) => adapters[m]!).filter((a) => a.manifest.needsBrowser);
    const browserPace = browserAdapters.length ? pace(browserAdapters[0], opts) : { perMinute: undefined, concurrency: 2 };
    const harPathOf = (pageId: string) => join(harDir, `${pageId}.har`);
    /** Before a browser-site page loads: wait for the JSON API calls its script makes (Shopee's /api/v4). */
    const watchApi = async ({ page, request }: PlaywrightCrawlingContext) => {
      const data = request.userData.data as CrawlRequestData;
      const wanted = adapters[data.marketplace]?.apiUrlsFor?.(request.url) ?? [];
      if (!wanted.length) return;
      apiWaits.set(
        page,
        Promise.all(
          wanted.map((w) =>
            page
              .waitForResponse((r: PwResponse) => sameApiCall(r.url(), w), { timeout: 20_000 })
              .then(async (r: PwResponse) => ({ url: r.url(), status: r.status(), text: await r.text(), retryAfter: r.headers()['retry-after'] }))
              .catch(() => undefined),
          ),
        ),
      );
    };
    const browserLaunch = { launcher: chromium, launchOptions: chromiumLaunchOptions() };

    // The reader: browser sites' search and listing pages, in one shared context, without images or
    // styles (nothing is captured from these loads; a suspicious listing gets a CAPTURE request).
    const readerRouter = createPlaywrightRouter();
    addRoutes(readerRouter, deps, async (ctx: PlaywrightCrawlingContext) => browserPage(ctx, undefined));
    builders.set('reader', async () => new PlaywrightCrawler(
      {
        ...common,
        requestQueue: await RequestQueue.open(`run-${runId}-reader`, { config }),
        requestHandler: async (ctx) => {
          await readerRouter(ctx as never);
          finished();
        },
        launchContext: { ...browserLaunch, useIncognitoPages: false },
        browserPoolOptions: { useFingerprints: false, retireBrowserAfterPageCount: 2000 },
        preNavigationHooks: [
          async (ctx, gotoOptions) => {
            if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
            await ctx.blockRequests();
            await watchApi(ctx);
          },
        ],
        maxConcurrency: opts.browserConcurrency ?? 4,
        // Pages mostly wait on the network: start at full concurrency rather than let the pool ramp up.
        minConcurrency: opts.browserConcurrency ?? 4,
        ...(browserPace.perMinute && browserAdapters.length && !isLocal(browserAdapters[0].manifest.defaultBaseUrl) ? { maxRequestsPerMinute: browserPace.perMinute } : {}),
      },
      config,
    ) as unknown as BasicCrawler);

    // The capturer: evidence, one fresh context per page recording a HAR (for the WARC), full rendering.
    const captureRouter = createPlaywrightRouter();
    addRoutes(captureRouter, deps, async (ctx: PlaywrightCrawlingContext) => browserPage(ctx, harPathOf));
    builders.set('capture', async () => new PlaywrightCrawler(
      {
        ...common,
        requestQueue: await RequestQueue.open(`run-${runId}-capture`, { config }),
        requestHandler: async (ctx) => {
          await captureRouter(ctx as never);
          finished();
        },
        launchContext: { ...browserLaunch, useIncognitoPages: true },
        browserPoolOptions: {
          useFingerprints: false,
          retireBrowserAfterPageCount: 500,
          prePageCreateHooks: [
            (pageId, _controller, pageOptions) => {
              if (pageOptions) (pageOptions as Record<string, unknown>).recordHar = { path: harPathOf(pageId), content: 'embed' };
            },
          ],
          postPageCloseHooks: [(pageId) => void rm(harPathOf(pageId), { force: true })],
        },
        preNavigationHooks: [async (ctx) => watchApi(ctx)],
        maxConcurrency: 2,
        minConcurrency: 2,
      },
      config,
    ) as unknown as BasicCrawler);

    async function httpPage(ctx: HttpCrawlingContext): Promise<FetchedPage> {
      const { request, response } = ctx;
      const header = response.headers['retry-after'];
      return {
        label: request.label as RequestLabel,
        uniqueKey: request.uniqueKey,
        url: request.url,
        loadedUrl: request.loadedUrl ?? request.url,
        status: response.statusCode ?? 200,
        retryAfter: Array.isArray(header) ? header[0] : header,
        text: typeof ctx.body === 'string' ? ctx.body : ctx.body.toString('utf8'),
        textUrl: request.url,
        data: request.userData.data as CrawlRequestData,
      };
    }

    async function browserPage(ctx: PlaywrightCrawlingContext, harPath: ((pageId: string) => string) | undefined): Promise<FetchedPage> {
      const { request, page, response } = ctx;
      const pageId = harPath ? ctx.crawler.browserPool.getPageId(page) : undefined;
      const base = {
        label: request.label as RequestLabel,
        uniqueKey: request.uniqueKey,
        url: request.url,
        loadedUrl: page.url(),
        data: request.userData.data as CrawlRequestData,
        browser: { page, harPath: pageId && harPath ? harPath(pageId) : undefined },
      };
      const answers = await (apiWaits.get(page) ?? Promise.resolve([] as ApiAnswer[]));
      const main = answers[0];
      if (main) {
        // Shopee's item API lacks the shop's name and place: the page's shop API call supplies them.
        const shop = answers[1];
        let card = base.data.card;
        if (shop && base.data.marketplace === 'shopee') {
          try {
            card = { ...parseShopBase(shop.text, shop.url), ...(card ?? {}) };
          } catch {
            /* shop details are optional */
          }
        }
        return { ...base, data: { ...base.data, card }, status: main.status, retryAfter: main.retryAfter, text: main.text, textUrl: main.url };
      }
      return {
        ...base,
        status: response?.status() ?? 200,
        retryAfter: response?.headers()['retry-after'],
        text: (await response?.text().catch(() => '')) ?? '',
        textUrl: request.url,
      };
    }

    /** The engine that fetches a request: the capturer, the marketplace's HTTP crawler, or the browser reader. */
    function engineFor(row: CrawlRequestRow): string {
      if (row.label === 'CAPTURE') return 'capture';
      return builders.has(`http-${row.data.marketplace}`) ? `http-${row.data.marketplace}` : 'reader';
    }

    async function dispatch(rows: CrawlRequestRow[]): Promise<void> {
      const groups = new Map<string, Array<Record<string, unknown>>>();
      for (const row of rows) {
        if (!(await robots.allows(row.url))) {
          progress.finish(row.uniqueKey, 'skipped', 'robots');
          continue;
        }
        const name = engineFor(row);
        const requests = groups.get(name) ?? [];
        requests.push({ url: row.url, uniqueKey: row.uniqueKey, label: row.label, userData: { data: row.data } });
        groups.set(name, requests);
      }
      for (const [name, requests] of groups) {
        outstanding += requests.length;
        dispatched += requests.length;
        const crawler = await engine(name);
        const result = await crawler.addRequests(requests as never, { waitForAllRequestsToBeAdded: true });
        const dupes = result.addedRequests.filter((r) => r.wasAlreadyPresent).length;
        outstanding -= dupes;
        if (!running.has(crawler)) {
          running.add(crawler);
          runs.push(crawler.run());
        }
      }
      settle();
    }

    // 4 - run until nothing is outstanding; then the price pass, whose new findings need captures.
    const drain = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearInterval(tick);
          opts.signal?.removeEventListener('abort', done);
          drained = undefined;
          resolve();
        };
        const tick = setInterval(() => opts.onProgress?.(counters, outstanding, dispatched), 250);
        opts.signal?.addEventListener('abort', done);
        drained = done;
        settle();
      });
    await dispatch(progress.pending());
    await drain();
    if (!opts.signal?.aborted) {
      const priced = pricePass({ store, progress, matcher, runId, threshold, actor, admit });
      counters.findings += priced.findings;
      if (priced.findings) log.info('price pass', { findings: priced.findings, captures: priced.captures.length });
      await dispatch(priced.captures);
      await drain();
    }
    for (const c of running) c.stop('all requests handled');
    await Promise.allSettled(runs);
    opts.onProgress?.(counters, outstanding, dispatched);

    // 5 - re-check outcomes, now that this run's searches have been read.
    const interrupted = Boolean(opts.signal?.aborted);
    if (!interrupted) reportRechecks(store, progress, actor);

    // 6 - summary and end of run.
    const summary = summariseRun(store, progress, { runId, resumed: Boolean(resumable), durationMs: Date.now() - started, errors, interrupted });
    store.finishRun(runId, { status: interrupted ? 'interrupted' : 'ok', counts: summary.counts, errors });
    log.info('run finished', { runId, ...summary.counts });
    return summary;
  } catch (error) {
    if (runId) {
      try {
        store.finishRun(runId, { status: 'failed', counts: {}, errors: [...errors, (error as Error).message] });
      } catch {
        /* the store may be closed */
      }
    }
    throw error;
  } finally {
    group.flush(); // an interrupted run's last page writes
    await analysis?.close();
    await Promise.allSettled(crawlers.map((c) => c.teardown()));
    await rm(harDir, { recursive: true, force: true });
    release();
  }
}
