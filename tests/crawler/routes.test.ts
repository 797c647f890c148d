/**
 * The route handlers called directly with a small context (a FetchedPage from a saved training-market
 * page) on a real SQLite store: search pages become listing requests, suspicious listings become one
 * finding and a capture request, captcha/login pages are retried and then recorded as blocked (never
 * as evidence), removed pages as removed, 429 carries Retry-After, and re-checks find re-listings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleListing, handleRecheck, handleSearch, recordFailure } from '../../crawler/routes.ts';
import { RetryAfterRateLimitError, RetryWithNewSessionBlockedError } from '../../crawler/errors.ts';
import { reportRechecks } from '../../crawler/recheck.ts';
import { CrawlProgress } from '../../crawler/progress.ts';
import { fixture, pageFor, routeDeps, tempStore } from './helpers.ts';
import type { Store } from '../../shared/store/index.ts';

const BASE = { lazada: 'http://127.0.0.1:47011/lazada' };

let ctx: ReturnType<typeof tempStore>;
let store: Store;
let runId: number;
beforeEach(() => {
  ctx = tempStore();
  store = ctx.store;
  runId = store.startRun({ test: true });
});
afterEach(() => ctx.cleanup());

function stateRow(store: Store, runId: number, key: string) {
  return store.db.prepare('SELECT state, outcome, result_json FROM crawl_requests WHERE run_id = ? AND unique_key = ?').get(runId, key) as
    | { state: string; outcome: string; result_json: string | null }
    | undefined;
}

describe('SEARCH', () => {
  it('turns result cards into LISTING requests and the next link into a SEARCH request', async () => {
    const deps = routeDeps(store, runId, BASE);
    const page = pageFor(deps, 'SEARCH', { marketplace: 'lazada', term: 'nike' }, fixture('lazada-search-nike.html'));
    await handleSearch(deps, page);
    const listings = deps.dispatched.filter((r) => r.label === 'LISTING');
    expect(listings.length).toBeGreaterThan(5);
    expect(listings.every((r) => r.data.listingKey?.startsWith('lazada:') && r.url.includes('/lazada/products/'))).toBe(true);
    expect(deps.dispatched.filter((r) => r.label === 'SEARCH')).toHaveLength(1);
    expect(stateRow(store, runId, page.uniqueKey)?.state).toBe('done');
    // The same page again adds nothing new (durable de-duplication per run).
    deps.dispatched.length = 0;
    const again = pageFor(deps, 'SEARCH', { marketplace: 'lazada', term: 'nike' }, { ...fixture('lazada-search-nike.html'), url: `${fixture('lazada-search-nike.html').url}&x=1` });
    await handleSearch(deps, again);
    expect(deps.dispatched.filter((r) => r.label === 'LISTING')).toHaveLength(0);
  });
});

describe('LISTING', () => {
  it('stores a suspicious listing with one finding and one CAPTURE request, however often it is handled', async () => {
    const deps = routeDeps(store, runId, BASE);
    const f = fixture('lazada-product-xss.html');
    const data = { marketplace: 'lazada' as const, listingKey: 'lazada:2300094600' };
    await handleListing(deps, pageFor(deps, 'LISTING', data, f));
    await handleListing(deps, { ...pageFor(deps, 'LISTING', data, f), uniqueKey: 'LISTING:again' });
    expect(store.getListing('lazada:2300094600')?.title).toContain('rep 1:1');
    const findings = store.listFindings({}).items.filter((x) => x.listingKey === 'lazada:2300094600');
    expect(findings).toHaveLength(1);
    expect(findings[0].runId).toBe(runId);
    expect(findings[0].risk).toBeGreaterThanOrEqual(0.5);
    const captures = deps.dispatched.filter((r) => r.label === 'CAPTURE');
    expect(captures).toHaveLength(1);
    expect(captures[0].data.findingId).toBe(findings[0].id);
    // No evidence yet: that is the browser's job, from its own page load.
    expect(store.listArtefacts(findings[0].id)).toHaveLength(0);
  });

  it('retries a captcha answered with HTTP 200, then records the listing as blocked with no finding or evidence', async () => {
    const deps = routeDeps(store, runId, BASE);
    const captcha = fixture('lazada-captcha.html');
    const url = 'http://127.0.0.1:47011/lazada/products/giay-nike-i2300000001-s1.html';
    const data = { marketplace: 'lazada' as const, listingKey: 'lazada:2300000001', card: { title: 'Giày Nike rep 1:1', url } };
    const page = { ...pageFor(deps, 'LISTING', data, { text: captcha.text, url, status: 200 }), loadedUrl: captcha.url };
    await expect(handleListing(deps, page)).rejects.toBeInstanceOf(RetryWithNewSessionBlockedError);
    // Retries ran out: the crawler records it.
    recordFailure(deps, page, new RetryWithNewSessionBlockedError(url, 'captcha', 'captcha page'));
    const obs = store.listObservations('lazada:2300000001');
    expect(obs.map((o) => o.status)).toEqual(['blocked']);
    expect(store.listFindings({}).total).toBe(0);
    expect(stateRow(store, runId, page.uniqueKey)).toMatchObject({ state: 'failed', outcome: 'blocked' });
    expect(deps.counters.blocked).toBe(1);
  });

  it('reads a login wall answered with HTTP 200 as blocked, not as a listing', async () => {
    const deps = routeDeps(store, runId, BASE);
    const login = fixture('lazada-product-login-first-visit.html');
    const page = pageFor(deps, 'LISTING', { marketplace: 'lazada', listingKey: 'lazada:2300004915' }, login);
    await expect(handleListing(deps, page)).rejects.toMatchObject({ kind: 'login' });
    expect(store.getListing('lazada:2300004915')).toBeUndefined();
  });

  it('records a removed listing (HTTP 404) as removed', async () => {
    const deps = routeDeps(store, runId, BASE);
    const removed = fixture('lazada-product-removed.html');
    const data = { marketplace: 'lazada' as const, listingKey: 'lazada:2300001670', card: { title: 'Giày thể thao Nike Pegasus 40 super fake', url: removed.url } };
    const page = pageFor(deps, 'LISTING', data, removed);
    await handleListing(deps, page);
    expect(store.listObservations('lazada:2300001670').map((o) => o.status)).toEqual(['removed']);
    expect(store.listFindings({}).total).toBe(0);
    expect(stateRow(store, runId, page.uniqueKey)).toMatchObject({ state: 'done', outcome: 'removed' });
  });

  it('turns HTTP 429 into a rate-limit error carrying Retry-After', async () => {
    const deps = routeDeps(store, runId, BASE);
    const page = pageFor(deps, 'LISTING', { marketplace: 'lazada', listingKey: 'lazada:1' }, { text: 'Too many requests', url: `${BASE.lazada}/products/x-i1-s1.html`, status: 429, retryAfter: '7' });
    const error = await handleListing(deps, page).catch((e) => e);
    expect(error).toBeInstanceOf(RetryAfterRateLimitError);
    expect(error.retryAfterSeconds).toBe(7);
  });
});

describe('RECHECK', () => {
  it('records a removed listing and, at the end of the run, finds its re-listing by the same seller', async () => {
    // Run 1: a suspicious listing becomes a finding that an officer flags.
    const deps1 = routeDeps(store, runId, BASE);
    const f = fixture('lazada-product-xss.html');
    await handleListing(deps1, pageFor(deps1, 'LISTING', { marketplace: 'lazada', listingKey: 'lazada:2300094600' }, f));
    const finding = store.listFindings({}).items[0];
    store.addReviewEvent({ type: 'flag', findingId: finding.id, category: 'counterfeit_mark' }, 'officer');
    expect(store.listingsUnderAction().map((l) => l.listingKey)).toContain('lazada:2300094600');

    // Run 2: the old id is gone (404); the same seller lists the same title under a new id.
    const run2 = store.startRun({ test: 2 });
    const deps2 = routeDeps(store, run2, BASE);
    const old = store.getListing('lazada:2300094600')!;
    const recheck = pageFor(deps2, 'RECHECK', { marketplace: 'lazada', listingKey: 'lazada:2300094600', findingId: finding.id }, { text: 'Not found', url: old.url, status: 404 });
    await handleRecheck(deps2, recheck);
    store.recordObservation({ ...old, externalId: '2300099999', url: old.url.replace('2300094600', '2300099999'), seenAt: new Date().toISOString() }, { runId: run2 });
    const written = reportRechecks(store, new CrawlProgress(store, run2), 'crawler-test');
    expect(written).toEqual([{ findingId: finding.id, outcome: 'relisted', relistedAs: 'lazada:2300099999' }]);
    const events = store.listReviewEvents(finding.id).filter((e) => e.type === 'recheck');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'relisted', status: 'removed', relistedAs: 'lazada:2300099999' });
    // Reported once: a resumed run does not write it again.
    expect(reportRechecks(store, new CrawlProgress(store, run2), 'crawler-test')).toEqual([]);
  });

  it('records a listing still there as still_live', async () => {
    const deps = routeDeps(store, runId, BASE);
    const f = fixture('lazada-product-gi-inside.html');
    await handleListing(deps, pageFor(deps, 'LISTING', { marketplace: 'lazada', listingKey: 'lazada:2300056306' }, f));
    const key = 'lazada:2300056306';
    const run2 = store.startRun({ test: 2 });
    const deps2 = routeDeps(store, run2, BASE);
    const finding = store.addFinding({ listingKey: key, source: 'officer', createdBy: 'officer', match: { hits: [], cues: [], signals: [], risk: 0.6, basis: [] } }).finding;
    await handleRecheck(deps2, pageFor(deps2, 'RECHECK', { marketplace: 'lazada', listingKey: key, findingId: finding.id }, f));
    expect(reportRechecks(store, new CrawlProgress(store, run2), 'crawler-test')).toEqual([{ findingId: finding.id, outcome: 'still_live' }]);
    expect(store.listObservations(key)).toHaveLength(2);
  });
});
