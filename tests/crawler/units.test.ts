/**
 * The crawler's small parts on their own: HAR→WARC (records readable with warcio, request records with
 * their status line), the browser resolution order and its message, search terms and the plan, the
 * crawl lock (live holder refused, stale lock taken over), Retry-After and backoff, the schedule's
 * cron validation, and the price medians.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { WARCParser } from 'warcio';
import { harToWarc, type Har } from '../../crawler/warc.ts';
import { BrowserNotFoundError, resolveChromium } from '../../crawler/browser.ts';
import { buildPlan, searchTerms, termsForRight } from '../../crawler/plan.ts';
import { acquireCrawlLock, CrawlLockedError, lockPathFor } from '../../crawler/lock.ts';
import { backoffMs, parseRetryAfter } from '../../crawler/errors.ts';
import { createSchedule } from '../../crawler/schedule.ts';
import { median, quantile, referencePrices } from '../../crawler/prices.ts';
import { sameApiCall } from '../../crawler/main.ts';
import { ADAPTERS, withBaseUrl } from '../../shared/marketplaces/index.ts';
import type { Right } from '../../shared/schema/index.ts';

describe('harToWarc', () => {
  it('writes warcinfo, then a response and its request record per exchange, readable by warcio', async () => {
    const har: Har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-11-22T08:00:00.000Z',
            request: { method: 'GET', url: 'http://127.0.0.1:9/lazada/products/a.html?x=1', headers: [{ name: 'User-Agent', value: 'UA' }, { name: ':authority', value: 'h2-only' }] },
            response: {
              status: 200,
              statusText: 'OK',
              headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Content-Encoding', value: 'gzip' }],
              content: { text: '<h1>Nước mắm Phú Quốc</h1>', mimeType: 'text/html' },
            },
          },
          {
            startedDateTime: '2026-11-22T08:00:01.000Z',
            request: { method: 'GET', url: 'http://127.0.0.1:9/img.png', headers: [] },
            response: { status: 200, headers: [{ name: 'Content-Type', value: 'image/png' }], content: { text: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'), encoding: 'base64' } },
          },
          { startedDateTime: '2026-11-22T08:00:02.000Z', request: { method: 'GET', url: 'data:text/plain,x', headers: [] }, response: { status: 200, headers: [], content: {} } },
        ],
      },
    };
    const warc = await harToWarc(har, { software: 'ipwatch/test', userAgent: 'UA' });
    const records: Array<{ type?: string; uri?: string; status?: string; body: Uint8Array; headers: Record<string, string | null> }> = [];
    for await (const r of WARCParser.iterRecords([warc])) {
      records.push({
        type: r.warcType,
        uri: r.warcTargetURI ?? undefined,
        status: r.httpHeaders?.statusline,
        headers: { enc: r.httpHeaders?.headers.get('content-encoding') ?? null, host: r.httpHeaders?.headers.get('host') ?? null, len: r.httpHeaders?.headers.get('content-length') ?? null },
        body: await r.readFully(true),
      });
    }
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'request', 'response', 'request']);
    expect(records[1]).toMatchObject({ uri: 'http://127.0.0.1:9/lazada/products/a.html?x=1', status: 'HTTP/1.1 200 OK' });
    expect(Buffer.from(records[1].body).toString('utf8')).toBe('<h1>Nước mắm Phú Quốc</h1>');
    expect(records[1].headers.enc).toBeNull(); // the body is stored decoded
    expect(records[1].headers.len).toBe(String(Buffer.byteLength('<h1>Nước mắm Phú Quốc</h1>')));
    expect(records[2]).toMatchObject({ status: 'GET /lazada/products/a.html?x=1 HTTP/1.1' });
    expect(records[2].headers.host).toBe('127.0.0.1:9');
    expect([...records[3].body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('resolveChromium', () => {
  it('prefers IPWATCH_CHROMIUM, then CHROME_PATH, and names every path tried when none exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipwatch-chrome-'));
    const fake = join(dir, 'chrome');
    writeFileSync(fake, '');
    try {
      expect(resolveChromium({ IPWATCH_CHROMIUM: fake, CHROME_PATH: '/nope' })).toBe(fake);
      expect(resolveChromium({ CHROME_PATH: fake })).toBe(fake);
      const resolved = (() => {
        try {
          return resolveChromium({ IPWATCH_CHROMIUM: join(dir, 'missing') });
        } catch (e) {
          return e;
        }
      })();
      if (resolved instanceof BrowserNotFoundError) expect(resolved.message).toMatch(/IPWATCH_CHROMIUM=.*missing.*\/usr\/bin\/chromium/);
      else expect(existsSync(resolved as string)).toBe(true); // a system Chromium is installed here
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plan', () => {
  const gi: Right = { id: 'gi-pq', kind: 'gi', name: 'Phú Quốc', product: 'nước mắm', aliases: ['Phu Quoc'] };
  const mark: Right = { id: 'mark-nike', kind: 'mark', name: 'Nike', aliases: ['NIKE'] };
  it('searches product + place for GIs, and each distinct name or alias once', () => {
    expect(termsForRight(gi)).toEqual(['nước mắm Phú Quốc']);
    expect(termsForRight(mark)).toEqual(['Nike']);
    expect(termsForRight({ id: 'c', kind: 'collective_mark', name: 'Gạo ST25', product: 'gạo' })).toEqual(['Gạo ST25']);
    expect(searchTerms([gi, mark, { ...mark, id: 'mark-nike-2' }])).toEqual([
      { term: 'nước mắm Phú Quốc', rightIds: ['gi-pq'] },
      { term: 'Nike', rightIds: ['mark-nike', 'mark-nike-2'] },
    ]);
  });
  it('builds search requests per marketplace on the given base URL, and re-checks for listings under action', () => {
    const base = 'http://127.0.0.1:9/tiki';
    const rows = buildPlan({
      rights: [gi, mark],
      adapters: { tiki: withBaseUrl(ADAPTERS.tiki, base), lazada: ADAPTERS.lazada },
      marketplaces: ['tiki'],
      baseUrls: { tiki: base },
      underAction: [
        { listingKey: 'tiki:1', findingId: 3, url: `${base}/x-p1.html` },
        { listingKey: 'lazada:2', findingId: 4, url: 'https://www.lazada.vn/products/x-i2-s2.html' },
      ],
    });
    expect(rows.filter((r) => r.label === 'SEARCH').map((r) => r.url.startsWith(base))).toEqual([true, true]);
    expect(rows.filter((r) => r.label === 'RECHECK')).toEqual([{ uniqueKey: `RECHECK:${base}/x-p1.html`, url: `${base}/x-p1.html`, label: 'RECHECK', data: { marketplace: 'tiki', listingKey: 'tiki:1', findingId: 3 } }]);
  });
});

describe('crawl lock', () => {
  it('refuses while a live process holds it and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipwatch-lock-'));
    const db = join(dir, 'ipwatch.db');
    try {
      const release = acquireCrawlLock(db);
      expect(() => acquireCrawlLock(db)).toThrow(CrawlLockedError);
      release();
      // A lock left by a process that has exited is stale.
      const child = spawn(process.execPath, ['-e', '0']);
      await new Promise((r) => child.once('exit', r));
      writeFileSync(lockPathFor(db), JSON.stringify({ pid: child.pid, startedAt: 'then' }));
      const again = acquireCrawlLock(db);
      again();
      expect(existsSync(lockPathFor(db))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('retries', () => {
  it('reads Retry-After as seconds or an HTTP date and waits that long, else backs off exponentially', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(backoffMs(1, 2)).toBe(2000);
    expect(backoffMs(1, 999)).toBe(30_000);
    expect(backoffMs(4)).toBeGreaterThanOrEqual(2000);
    expect(backoffMs(4)).toBeLessThanOrEqual(4000);
  });
  it('recognises the API call a browser page makes', () => {
    expect(sameApiCall('http://h/shopee/api/v4/item/get?shopid=1&itemid=2&x=3', 'http://h/shopee/api/v4/item/get?itemid=2&shopid=1')).toBe(true);
    expect(sameApiCall('http://h/shopee/api/v4/item/get?itemid=9&shopid=1', 'http://h/shopee/api/v4/item/get?itemid=2&shopid=1')).toBe(false);
  });
});

describe('schedule', () => {
  it('rejects a bad cron expression with an example, and plans the next run of a good one', () => {
    const controller = new AbortController();
    expect(() => createSchedule('every night', async () => undefined, controller.signal)).toThrow(/not a valid cron expression.*0 2 \* \* \*/);
    const job = createSchedule('0 2 * * *', async () => undefined, controller.signal);
    expect(job.nextRun()).toBeInstanceOf(Date);
    controller.abort();
    expect(job.isStopped()).toBe(true);
  });
});

describe('reference prices', () => {
  const fact = (i: number, price: number, rights: string[], goods = 'Giày', genuine = false) => ({ listingKey: `x:${i}`, price, rights, goods, ...(genuine ? { genuine } : {}) });

  it('computes medians and nearest-rank quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.85)).toBe(90);
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it('takes the high end of a right\'s prices for one kind of goods, and needs five of them', () => {
    // Six cheap fakes and two genuine offers: the median would be a counterfeit's price.
    const shoes = [300, 320, 340, 360, 380, 400, 3000, 3200].map((p, i) => fact(i, p, ['a']));
    const socks = [50, 60, 70, 80].map((p, i) => fact(100 + i, p, ['a'], 'Tất'));
    const ref = referencePrices([...shoes, ...socks]);
    expect(ref(shoes[0])).toEqual({ a: 3000 });
    expect(ref(socks[0])).toEqual({});
  });

  it('prefers what the official store or an authorised seller asks', () => {
    const facts = [100, 110, 120, 130, 140, 150].map((p, i) => fact(i, p, ['a']));
    facts.push(fact(9, 900, ['a'], 'Giày', true), fact(10, 1000, ['a'], 'Giày', true));
    expect(referencePrices(facts)(facts[0])).toEqual({ a: 950 });
  });
});
