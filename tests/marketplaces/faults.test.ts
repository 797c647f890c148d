/**
 * The HTTP adapters against the training marketplace with its crawler-hostile faults turned up
 * (many first-visit captchas and login walls answered 200, a low rate limit answering 429, listings
 * removed at start): every page an adapter is given is either read into data or classified as the
 * fault it is, a blocked page's second visit reads, and removed listings are `removed`, never data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';
import { adapterForUrl, PageNotListingError } from '../../shared/marketplaces/index.ts';

let tm: TrainingMarket;
beforeAll(async () => {
  tm = await startTrainingMarket({ faultOptions: { captchaPerMille: 150, loginPerMille: 100, slowPerMille: 0, ratePerSecond: 25 } });
});
afterAll(async () => {
  await tm?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches `url` until it is neither rate-limited nor a first-visit block, recording every state seen. */
async function fetchReadable(url: string, seen: string[]): Promise<{ text: string; status: number; kind: string }> {
  const adapter = adapterForUrl(url, tm.baseUrls)!;
  for (let attempt = 0; attempt < 6; attempt++) {
    const res = await fetch(url);
    const text = await res.text();
    const state = adapter.classifyPage(text, res.url, res.status);
    seen.push(state.kind);
    if (state.kind === 'rate-limited') {
      expect(res.status).toBe(429);
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      continue;
    }
    if (state.kind === 'captcha' || state.kind === 'login') {
      expect(res.status).toBe(200); // answered 200, recognised anyway
      expect(() => adapter.parseListing(text, res.url)).toThrow(PageNotListingError);
      continue;
    }
    return { text, status: res.status, kind: state.kind };
  }
  throw new Error(`${url}: still blocked after 6 attempts`);
}

it('reads every listing of a search or classifies it as the fault it is', async () => {
  const seen: string[] = [];
  let read = 0;
  let removed = 0;
  for (const name of ['lazada', 'tiki', 'sendo', 'jsonld'] as const) {
    const adapter = adapterForUrl(`${tm.baseUrls[name]}/`, tm.baseUrls)!;
    for (const sign of ['nike', 'phú quốc']) {
      const [searchUrl] = adapter.searchUrls(sign);
      const search = await fetchReadable(searchUrl, seen);
      expect(search.kind).toBe('ok');
      for (const card of adapter.parseSearch(search.text, searchUrl).cards) {
        const page = await fetchReadable(card.url, seen);
        const truth = tm.groundTruth.find((g) => g.marketplace === name && g.externalId === card.externalId);
        expect(truth, card.url).toBeDefined();
        if (page.kind === 'removed') {
          removed++;
          expect(truth!.status, card.url).toBe('removed');
          const refusal = (() => {
            try {
              adapter.parseListing(page.text, card.url);
            } catch (e) {
              return e as PageNotListingError;
            }
          })();
          expect(refusal?.state.kind).toBe('removed');
          expect(refusal?.retryable).toBe(false);
          continue;
        }
        expect(page.kind).toBe('ok');
        expect(truth!.status).toBe('live');
        const listing = adapter.parseListing(page.text, card.url, card.partial);
        expect(listing.title).toBe(truth!.title);
        expect(listing.sellerName).toBe(truth!.sellerName);
        read++;
      }
    }
  }
  const count = (k: string) => seen.filter((s) => s === k).length;
  console.log(`[marketplaces] fault run: ${read} listings read, ${removed} removed, ${count('captcha')} captcha, ${count('login')} login, ${count('rate-limited')} rate-limited pages classified`);
  expect(read).toBeGreaterThan(50);
  expect(count('captcha')).toBeGreaterThan(0);
  expect(count('login')).toBeGreaterThan(0);
});
