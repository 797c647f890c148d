/**
 * Reading pages off the main thread: the analysis pool's worker reads a listing, a search page and a
 * captcha page exactly as `analysePage` does inline, and a pool whose worker is gone reads inline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisPool } from '../../crawler/analysis-pool.ts';
import { analysePage, type AnalysisKind } from '../../crawler/analyse.ts';
import { quietLog } from '../../crawler/main.ts';
import { ADAPTERS, withBaseUrl } from '../../shared/marketplaces/index.ts';
import { buildMatcher } from '../../shared/match/index.ts';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import { fixture } from './helpers.ts';

const BASE = 'http://127.0.0.1:47011/lazada';
const rights = loadBundledRegister();
const matcher = buildMatcher(rights);
const adapters = { lazada: withBaseUrl(ADAPTERS.lazada, BASE) };

function pageOf(file: string, card?: Record<string, unknown>) {
  const f = fixture(file);
  return { url: f.url, loadedUrl: f.url, status: f.status, text: f.text, textUrl: f.url, card };
}

const CASES: Array<[string, AnalysisKind]> = [
  ['lazada-product-xss.html', 'listing'],
  ['lazada-product-official.html', 'listing'],
  ['lazada-search-nike.html', 'search'],
  ['lazada-captcha.html', 'listing'],
  ['lazada-product-removed.html', 'listing'],
];

describe('AnalysisPool', () => {
  let pool: AnalysisPool;
  beforeAll(async () => {
    pool = new AnalysisPool({ adapters, matcher }, { marketplaces: ['lazada'], baseUrls: { lazada: BASE }, rights, threads: 1 }, quietLog);
    await pool.ready; // so that the pages below are read by the worker, not inline while it starts
  });
  afterAll(() => pool.close());

  it('reads pages in a worker thread with the same result as inline', async () => {
    for (const [file, as] of CASES) {
      const page = pageOf(file);
      const inWorker = await pool.analyse('lazada', page, as);
      // Compared as JSON: both sides stamp `seenAt` with the time of reading.
      const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'seenAt' ? undefined : v)));
      expect(strip(inWorker), file).toEqual(strip(analysePage(adapters.lazada, matcher, page, as)));
    }
    expect(pool.threads).toBe(1); // answered by the worker, not by the inline fallback
  });

  it("fills what the page lacks from the search card, in the worker too", async () => {
    const result = await pool.analyse('lazada', pageOf('lazada-product-xss.html', { officialStore: true, sellerId: 'not-the-page-s' }), 'listing');
    expect(result.kind).toBe('listing');
    if (result.kind !== 'listing') return;
    expect(result.listing.officialStore).toBe(true); // the LazMall flag of the card: the page has none
    expect(result.listing.sellerId).not.toBe('not-the-page-s'); // the page's own seller id wins
  });

  it('reads inline once its workers are closed', async () => {
    const own = new AnalysisPool({ adapters, matcher }, { marketplaces: ['lazada'], baseUrls: { lazada: BASE }, rights, threads: 1 }, quietLog);
    await own.close();
    expect(own.threads).toBe(0);
    const result = await own.analyse('lazada', pageOf('lazada-product-xss.html'), 'listing');
    expect(result.kind).toBe('listing');
  });
});
