/**
 * The review desk in real Chromium (playwright-core, /usr/bin/chromium): log in, triage with the
 * keyboard, open a listing, build a case, switch language; with screenshots in tests/screenshots/.
 * Security: XSS payloads in titles, seller names and notes stay inert text (no dialog fires), captured
 * HTML runs only in a sandboxed iframe, and forged or missing CSRF tokens are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flagForm, listing, PASSWORD, postFlag, standardArtefacts, startTestServer, type TestServer } from './helpers.ts';
import type { ListingMatch } from '../../shared/schema/index.ts';

const XSS = '<img src=x onerror=alert(1)>';
const SHOTS = join(import.meta.dirname, '..', 'screenshots');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let s: TestServer;
let browser: Browser;
let page: Page;
let chromiumHome: string;
const dialogs: string[] = [];
/** Console errors of the desk's pages (a CSP violation shows here: the desk must need no exception to its CSP). */
const consoleErrors: string[] = [];
const ids: Record<string, number> = {};

/** A crawl finding with a match whose spans point into the title. */
function crawlFinding(over: Parameters<typeof listing>[0], match: Partial<ListingMatch>): number {
  const l = listing(over);
  const { listingKey } = s.store.recordObservation(l);
  const full: ListingMatch = { hits: [], cues: [], signals: [], basis: [], risk: 0.5, ...match };
  return s.store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', match: full }).finding.id;
}

beforeAll(async () => {
  s = await startTestServer();
  mkdirSync(SHOTS, { recursive: true });
  const title1 = 'Nước mắm Phú Quốc loại 1 chai 500ml';
  ids.gi = crawlFinding(
    { title: title1, sellerName: 'Đặc sản Miền Tây', sellerId: 'mt1', shopLocation: 'TP. Hồ Chí Minh', marketplace: 'lazada', url: 'https://www.lazada.vn/products/x-i1-s1.html', price: 39000 },
    {
      risk: 0.82,
      hits: [{ rightId: 'gi-phu-quoc', matched: 'Phú Quốc', start: title1.indexOf('Phú Quốc'), end: title1.indexOf('Phú Quốc') + 8, field: 'title', method: 'exact', score: 1 }],
      cues: [{ kind: 'gi_qualifier', cue: 'loại', matched: 'loại', start: title1.indexOf('loại'), end: title1.indexOf('loại') + 4, field: 'title', rightId: 'gi-phu-quoc' }],
      signals: [{ kind: 'outside_region', rightId: 'gi-phu-quoc', weight: 0.4, detail: 'Gửi từ TP. Hồ Chí Minh, ngoài vùng Kiên Giang' }],
      basis: [{ rightId: 'gi-phu-quoc', article: '129.3', reasonVi: 'Dùng chỉ dẫn địa lý Phú Quốc kèm từ "loại" cho sản phẩm gửi từ ngoài vùng', reasonEn: 'Uses the Phú Quốc GI with "loại" for goods shipped from outside the region' }],
    },
  );
  ids.xss = crawlFinding({ title: `${XSS} Vinamilk sữa bột`, sellerName: `<script>alert(2)</script>Shop`, sellerId: 'evil1' }, {
    risk: 0.95,
    hits: [{ rightId: 'mark-vinamilk', matched: 'Vinamilk', start: XSS.length + 1, end: XSS.length + 9, field: 'title', method: 'exact', score: 1 }],
  });
  ids.low = crawlFinding({ title: 'Ốp lưng cho Vinamilk fan', sellerName: 'Đặc sản miền tây', marketplace: 'tiki', sellerId: 'tk7', url: 'https://tiki.vn/op-p7.html' }, { risk: 0.2 });

  const home = (chromiumHome = mkdtempSync(join(tmpdir(), 'ipwatch-chromium-')));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, env: { ...process.env, HOME: home, TMPDIR: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home } });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${page.url()}`);
  });
  // The officer's flag carries a real PNG screenshot of a (fake) listing page, as the extension would capture.
  const l = listing({ title: 'Sữa Vinamilk rep 1:1 hàng F1', sellerName: 'Shop Sữa Giá Rẻ' });
  await page.setContent(`<body style="font:20px sans-serif;padding:20px"><h2>Shopee</h2><h1>${l.title}</h1><p>45.000 ₫ · Shop Sữa Giá Rẻ</p></body>`);
  const arts = standardArtefacts(l);
  arts[0].bytes = await page.screenshot();
  const r = await postFlag(s.url, s.tokens.officer, flagForm(l, arts, { note: `ghi chú ${XSS}` }));
  ids.flag = (await r.json()).findingId;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
  if (chromiumHome) rmSync(chromiumHome, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `desk-${name}.png`), fullPage: true });

describe('review desk in Chromium', () => {
  it('sends an anonymous visitor to the login page and refuses a wrong password', async () => {
    await page.goto(`${s.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=name]', 'reviewer1');
    await page.fill('input[name=password]', 'wrong password!!');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.error').textContent()).toContain('Sai tên');
    await shot('login');
  });

  it('logs in and shows the queue ranked by risk, with payloads as text', async () => {
    await page.fill('input[name=name]', 'reviewer1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#queue');
    const rowIds = await page.locator('#queue tr.finding').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    expect(rowIds[0]).toBe(ids.xss); // highest risk first
    expect(rowIds.indexOf(ids.gi)).toBeLessThan(rowIds.indexOf(ids.low));
    expect(await page.locator(`tr[data-id="${ids.xss}"] td.title a`).innerText()).toContain(XSS);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.locator(`tr[data-id="${ids.gi}"] mark.hit`).innerText()).toBe('Phú Quốc');
    expect(await page.locator(`tr[data-id="${ids.gi}"] mark.cue`).innerText()).toBe('loại');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'ipw_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    const csp = (await page.request.get(`${s.url}/`)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await shot('queue');
  });

  it('triages with the keyboard: j moves, c confirms, d + reason + Enter dismisses; decided findings leave the open queue', async () => {
    const rowIds = await page.locator('#queue tr.finding').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    expect(rowIds).toHaveLength(4);
    await page.keyboard.press('j');
    expect(await page.locator('#queue tr.finding.selected').getAttribute('data-id')).toBe(String(rowIds[1]));
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(/sel=1/), page.keyboard.press('c')]);
    expect(s.store.findingStatus(rowIds[1])).toBe('confirmed');
    expect(s.store.listReviewEvents(rowIds[1]).at(-1)).toMatchObject({ type: 'confirm', actor: 'reviewer1' });
    // the confirmed finding left the open queue; the selection stays at the same position, on the next one
    expect(await page.locator(`#queue tr[data-id="${rowIds[1]}"]`).count()).toBe(0);
    expect(await page.locator('#queue tr.finding.selected').getAttribute('data-id')).toBe(String(rowIds[2]));
    await page.keyboard.press('d');
    await page.keyboard.type('Phụ kiện tương thích, không xâm phạm');
    // the URL already ends in sel=1: wait until the reloaded queue no longer lists the dismissed finding
    const marker = await page.evaluate(() => ((window as unknown as { before: number }).before = Math.random()));
    await page.keyboard.press('Enter');
    const rowsNow = () =>
      page
        .evaluate((m) => ((window as unknown as { before?: number }).before === m || document.readyState !== 'complete' ? null : [...document.querySelectorAll('#queue tr.finding')].map((x) => Number(x.getAttribute('data-id')))), marker)
        .catch(() => null);
    await expect.poll(rowsNow, { timeout: 15_000 }).toEqual([rowIds[0], rowIds[3]]);
    expect(s.store.findingStatus(rowIds[2])).toBe('dismissed');
    expect(s.store.listReviewEvents(rowIds[2]).at(-1)).toMatchObject({ type: 'dismiss', reason: 'Phụ kiện tương thích, không xâm phạm' });
    await shot('queue-after-triage');
  });

  it('filters the queue by marketplace and source', async () => {
    await page.goto(`${s.url}/?marketplace=lazada&status=all`);
    expect(await page.locator('#queue tr.finding').count()).toBe(1);
    expect(await page.locator('select[name=status]').inputValue()).toBe('all');
    await page.goto(`${s.url}/?source=officer&status=all`);
    expect(await page.locator('#queue tr.finding').evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-id'))))).toEqual([ids.flag]);
  });

  it('opens a listing: screenshot, highlighted words, right, basis, artefacts, custody, sandboxed captured page', async () => {
    await page.goto(`${s.url}/?source=officer&status=all`);
    await Promise.all([page.waitForURL(/\/findings\/\d+$/), page.keyboard.press('o')]);
    expect(page.url()).toMatch(new RegExp(`/findings/${ids.flag}$`));
    await page.locator('img.shot').evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('img.shot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1366);
    const iframe = page.locator('iframe.captured');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const preview = await page.request.get(s.url + (await iframe.getAttribute('src'))!);
    expect(preview.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(await page.locator('table.custody tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('main').innerText()).toContain(`ghi chú ${XSS}`);
    // the captured page renders inside the sandbox (its script, which calls parent.alert, does not run)
    await expect.poll(() => page.frameLocator('iframe.captured').locator('h1').innerText(), { timeout: 10_000 }).toBe('Sữa Vinamilk rep 1:1 hàng F1');
    await shot('listing-flag');
    await iframe.screenshot({ path: join(SHOTS, 'desk-listing-captured-frame.png') }); // full-page shots may leave out-of-process frames blank
    await page.goto(`${s.url}/findings/${ids.gi}`);
    expect(await page.locator('.big-title mark.hit').innerText()).toBe('Phú Quốc');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Sở KH&CN Kiên Giang');
    expect(text).toContain('129.3');
    expect(text).toContain('ngoài vùng Kiên Giang');
    await shot('listing-gi');
  });

  it('shows a seller page with same-name sellers on other marketplaces', async () => {
    await page.goto(`${s.url}/findings/${ids.gi}`);
    await Promise.all([page.waitForURL(/\/sellers\//), page.click('a[href^="/sellers/"]')]);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Nước mắm Phú Quốc');
    expect(text).toMatch(/tiki: Đặc sản miền tây/);
    await shot('seller');
    await page.goto(`${s.url}/findings/${ids.xss}`);
    expect(await page.locator('a[href^="/sellers/"]').innerText()).toBe('<script>alert(2)</script>Shop');
  });

  it('builds a case: create, refer, request takedown, see re-check and time to removal', async () => {
    await page.goto(`${s.url}/cases`);
    await page.fill('input[name=title]', `Nước mắm giả ${XSS}`);
    await page.fill('input[name=findingIds]', `${ids.gi}, ${ids.flag}`);
    await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click('form.new-case button')]);
    const caseId = Number(page.url().split('/').pop());
    await page.selectOption('select[name=agency]', 'market_surveillance');
    await page.fill('input[name=officer]', 'Trần Thị B');
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/referrals"] button')]);
    await page.fill('input[name=channel]', 'Lazada IPP');
    await page.fill('input[name=sentAt]', '2026-11-18');
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/takedowns"] button')]);
    s.store.addReviewEvent({ type: 'recheck', findingId: ids.gi, outcome: 'removed', status: 'removed' }, 'crawler');
    await page.reload();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Quản lý thị trường · Trần Thị B');
    expect(text).toContain('Lazada IPP · 2026-11-18');
    expect(text).toMatch(/Thời gian đến khi gỡ: \d+\.\d ngày/);
    expect(text).toContain('đã gỡ');
    expect(await page.locator('h1').innerText()).toContain(XSS);
    const view = s.store.getCase(caseId)!;
    expect(view.findings.map((f) => f.findingId)).toEqual([ids.gi, ids.flag]);
    expect(view.referrals[0].actor).toBe('reviewer1');
    await shot('case');
    await page.goto(`${s.url}/cases/${caseId}?lang=en`);
    expect(await page.locator('main').innerText()).toMatch(/Time to removal: \d+\.\d days/);
    await shot('case-en');
    await page.goto(`${s.url}/`);
    expect(await page.locator('header nav').innerText()).toContain('Queue'); // remembered by cookie
    await page.goto(`${s.url}/?lang=vi`);
  });

  it('refuses desk posts with a missing or forged CSRF token, or from another origin', async () => {
    await page.goto(`${s.url}/`);
    const before = s.store.listReviewEvents(ids.low).length;
    const results = await page.evaluate(async (id) => {
      const post = async (fields: Record<string, string>) => {
        const body = new URLSearchParams(fields);
        return (await fetch(`/findings/${id}/decide`, { method: 'POST', body, redirect: 'manual' })).status;
      };
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      return {
        missing: await post({ decision: 'confirm', reason: 'x' }),
        forged: await post({ decision: 'confirm', reason: 'x', _csrf: 'A'.repeat(token.length) }),
        good: await post({ decision: 'confirm', reason: 'x', _csrf: token }),
      };
    }, ids.low);
    expect(results.missing).toBe(403);
    expect(results.forged).toBe(403);
    expect([0, 303]).toContain(results.good); // opaque redirect: accepted
    expect(s.store.listReviewEvents(ids.low).length).toBe(before + 1);
    // a cross-site form post carrying the real cookie and token is still refused by the Origin check
    const cookie = (await page.context().cookies()).find((c) => c.name === 'ipw_session')!.value;
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const evil = await fetch(`${s.url}/findings/${ids.low}/decide`, {
      method: 'POST',
      headers: { cookie: `ipw_session=${cookie}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'dismiss', reason: 'x', _csrf: token }),
      redirect: 'manual',
    });
    expect(evil.status).toBe(403);
    expect(s.store.listReviewEvents(ids.low).length).toBe(before + 1);
  });

  it('an officer may read the desk but not decide (403)', async () => {
    const context = await browser.newContext();
    const p2 = await context.newPage();
    p2.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await p2.goto(`${s.url}/login`);
    await p2.fill('input[name=name]', 'officer1');
    await p2.fill('input[name=password]', PASSWORD);
    await Promise.all([p2.waitForSelector('#queue'), p2.click('button[type=submit]')]);
    expect(await p2.locator('button.confirm').count()).toBeGreaterThan(0);
    const status = await p2.evaluate(async (id) => {
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      return (await fetch(`/findings/${id}/decide`, { method: 'POST', body: new URLSearchParams({ decision: 'confirm', reason: 'x', _csrf: token }), redirect: 'manual' })).status;
    }, ids.low);
    expect(status).toBe(403);
    await context.close();
  });

  it('no dialog fired on any page, and no page broke its own CSP', () => {
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    // the captured page's own script was there and Chromium refused to run it in the sandbox
    expect(consoleErrors.some((e) => /Blocked script execution in '[^']*\/artefacts\/[0-9a-f]{64}\/preview' because the document's frame is sandboxed/.test(e))).toBe(true);
  });
});
