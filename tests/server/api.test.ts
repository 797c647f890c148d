/**
 * The evidence service's JSON API over a real socket with a real store: authentication and roles,
 * flags with artefacts (re-hash, idempotency, size limits, malformed input), nothing stored by a
 * refused request, artefact serving headers, findings filters, review and case endpoints, CORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagForm, listing, postFlag, sha256, standardArtefacts, startTestServer, storeCounts, fakePng, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ limits: { artefactBytes: 200_000, requestBytes: 400_000 } });
});
afterAll(async () => s?.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const json = (token: string) => ({ ...auth(token), 'content-type': 'application/json' });

describe('authentication and roles', () => {
  it('refuses every API route without a token (401) and with a wrong token (401)', async () => {
    for (const path of ['/api/register', '/api/findings', '/api/findings/1', `/api/artefacts/${'a'.repeat(64)}`, '/api/cases']) {
      const r = await fetch(s.url + path);
      expect(r.status, path).toBe(401);
      const bad = await fetch(s.url + path, { headers: auth('ipw_notarealtoken') });
      expect(bad.status, path).toBe(401);
    }
    const flag = await fetch(`${s.url}/api/flags`, { method: 'POST', body: flagForm(listing(), []) });
    expect(flag.status).toBe(401);
  });

  it('answers 403 for the wrong role, storing nothing', async () => {
    const before = storeCounts(s.store);
    const confirm = await fetch(`${s.url}/api/findings/1/confirm`, { method: 'POST', headers: json(s.tokens.officer), body: JSON.stringify({ reason: 'x' }) });
    expect(confirm.status).toBe(403);
    expect((await confirm.json()).error.message).toMatch(/officer.*reviewer/);
    const kase = await fetch(`${s.url}/api/cases`, { method: 'POST', headers: json(s.tokens.officer), body: JSON.stringify({ title: 't' }) });
    expect(kase.status).toBe(403);
    const adminFlag = await postFlag(s.url, s.tokens.admin, flagForm(listing(), []));
    expect(adminFlag.status).toBe(403);
    expect((await fetch(`${s.url}/api/users`, { headers: auth(s.tokens.reviewer) })).status).toBe(403);
    const users = await (await fetch(`${s.url}/api/users`, { headers: auth(s.tokens.admin) })).json();
    expect(users.users.map((u: { name: string }) => u.name)).toEqual(['officer1', 'reviewer1', 'admin1']);
    expect(JSON.stringify(users)).not.toMatch(/password|token|scrypt/);
    expect(storeCounts(s.store)).toEqual(before);
  });

  it('a token stops working when the account is disabled or the token replaced', async () => {
    const { Accounts } = await import('../../server/accounts.ts');
    const accounts = new Accounts(s.store);
    const { token } = await accounts.addUser({ name: 'temp1', role: 'officer', agency: 'police' }, 'test');
    expect((await fetch(`${s.url}/api/me`, { headers: auth(token) })).status).toBe(200);
    const fresh = accounts.newToken('temp1', 'test');
    expect((await fetch(`${s.url}/api/me`, { headers: auth(token) })).status).toBe(401);
    expect((await fetch(`${s.url}/api/me`, { headers: auth(fresh) })).status).toBe(200);
    accounts.disableUser('temp1', 'test');
    expect((await fetch(`${s.url}/api/me`, { headers: auth(fresh) })).status).toBe(401);
    // only hashes are stored
    const rows = s.store.db.prepare('SELECT token_sha256 FROM api_tokens').all() as Array<{ token_sha256: string }>;
    expect(rows.some((r) => r.token_sha256 === sha256(fresh))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(fresh);
  });
});

describe('POST /api/flags', () => {
  it('stores the listing, an officer finding, every artefact, a flag event and custody with the account', async () => {
    const l = listing({ title: 'Sữa Vinamilk rep 1:1 giá sỉ' });
    const arts = standardArtefacts(l);
    const r = await postFlag(s.url, s.tokens.officer, flagForm(l, arts));
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body.listingKey).toBe(`shopee:${l.externalId}`);
    expect(body.artefacts.map((a: { sha256: string }) => a.sha256)).toEqual(arts.map((a) => sha256(a.bytes)));
    const f = s.store.getFinding(body.findingId)!;
    expect(f.source).toBe('officer');
    expect(f.createdBy).toBe('officer1');
    expect(s.store.findingStatus(body.findingId)).toBe('flagged');
    const events = s.store.listReviewEvents(body.findingId);
    expect(events).toMatchObject([{ type: 'flag', category: 'counterfeit_mark', note: 'Bán sữa giả', actor: 'officer1' }]);
    const custody = s.store.listCustody(`finding:${body.findingId}`);
    expect(custody.map((e) => e.action)).toEqual(expect.arrayContaining(['stored', 'captured', 'flagged']));
    expect(custody.every((e) => e.actor === 'officer1')).toBe(true);
    for (const a of arts) expect(s.store.readBlob(sha256(a.bytes)).equals(Buffer.from(a.bytes))).toBe(true);
    // the service ran the matcher on the listing against the store's register
    expect(f.rightIds).toContain('mark-vinamilk');
    const hit = f.match.hits.find((h) => h.rightId === 'mark-vinamilk')!;
    expect(l.title.slice(hit.start, hit.end)).toBe('Vinamilk');
    expect(f.match.cues.length).toBeGreaterThan(0);
    expect(f.risk).toBeGreaterThan(0);
  });

  it('an Idempotency-Key makes a retried flag land once with the same answer', async () => {
    const l = listing();
    const arts = standardArtefacts(l);
    const before = storeCounts(s.store);
    const at = new Date().toISOString();
    const answers = await Promise.all([1, 2, 3].map(() => postFlag(s.url, s.tokens.officer, flagForm(l, arts, {}, at), 'retry-key-1')));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const after = storeCounts(s.store);
    expect(after.findings - before.findings).toBe(1);
    expect(after.artefacts - before.artefacts).toBe(4);
    // the same key for a different flag is refused
    const other = await postFlag(s.url, s.tokens.officer, flagForm(listing(), []), 'retry-key-1');
    expect(other.status).toBe(422);
  });

  it('refuses a hash mismatch naming the artefact, and stores nothing', async () => {
    const l = listing();
    const arts = standardArtefacts(l);
    arts[1].declaredSha256 = sha256('something else');
    const before = storeCounts(s.store);
    const r = await postFlag(s.url, s.tokens.officer, flagForm(l, arts));
    expect(r.status).toBe(400);
    const e = (await r.json()).error;
    expect(e.field).toBe('page');
    expect(e.message).toMatch(/"page" \(mhtml\).*sha256 mismatch/);
    expect(storeCounts(s.store)).toEqual(before);
  });

  it('answers 413 for an oversized artefact and an oversized request, storing nothing', async () => {
    const l = listing();
    const before = storeCounts(s.store);
    const big = [{ part: 'shot', role: 'screenshot' as const, mediaType: 'image/png', bytes: fakePng(250_000) }];
    const r1 = await postFlag(s.url, s.tokens.officer, flagForm(l, big));
    expect(r1.status).toBe(413);
    expect((await r1.json()).error.message).toMatch(/"shot".*limit per artefact is 200000/);
    const many = [0, 1, 2].map((i) => ({ part: `p${i}`, role: 'screenshot' as const, mediaType: 'image/png', bytes: fakePng(150_000) }));
    const r2 = await postFlag(s.url, s.tokens.officer, flagForm(l, many));
    expect(r2.status).toBe(413);
    expect((await r2.json()).error.field).toBe('body');
    expect(storeCounts(s.store)).toEqual(before);
  });

  it('answers 400 naming the field for malformed input, storing nothing', async () => {
    const before = storeCounts(s.store);
    const cases: Array<[FormData, RegExp]> = [];
    const noFlag = new FormData();
    noFlag.set('other', 'x');
    cases.push([noFlag, /^flag$/]);
    const notJson = new FormData();
    notJson.set('flag', '{not json');
    cases.push([notJson, /^flag$/]);
    cases.push([flagForm(listing({ url: 'not a url' }), []), /^flag\.listing\.url$/]);
    cases.push([flagForm(listing({ marketplace: 'ebay' as never }), []), /^flag\.listing\.marketplace$/]);
    cases.push([flagForm(listing(), [], { category: 'theft' }), /^flag\.category$/]);
    const l = listing();
    const missingPart = flagForm(l, standardArtefacts(l));
    missingPart.delete('json');
    cases.push([missingPart, /^flag\.artefacts\[3\]\.part$/]);
    const undeclared = flagForm(l, []);
    undeclared.set('extra', new Blob(['x']), 'x.bin');
    cases.push([undeclared, /^extra$/]);
    const badHash = flagForm(l, []);
    const f = JSON.parse(badHash.get('flag') as string);
    f.artefacts = [{ part: 'a', role: 'screenshot', mediaType: 'image/png', sha256: 'XYZ', capturedAt: new Date().toISOString() }];
    badHash.set('flag', JSON.stringify(f));
    cases.push([badHash, /^flag\.artefacts\[0\]\.sha256$/]);
    for (const [form, field] of cases) {
      const r = await postFlag(s.url, s.tokens.officer, form);
      expect(r.status).toBe(400);
      const e = (await r.json()).error;
      expect(e.field).toMatch(field);
      expect(e.message).toContain(e.field);
    }
    const asJson = await fetch(`${s.url}/api/flags`, { method: 'POST', headers: json(s.tokens.officer), body: '{}' });
    expect(asJson.status).toBe(415);
    const hugeReason = await fetch(`${s.url}/api/findings/1/dismiss`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ reason: 'x'.repeat(100_000) }) });
    expect(hugeReason.status).toBe(413);
    expect(storeCounts(s.store)).toEqual(before);
  });
});

describe('reading', () => {
  it('GET /api/register returns the rights', async () => {
    const r = await fetch(`${s.url}/api/register`, { headers: auth(s.tokens.officer) });
    expect(r.status).toBe(200);
    expect((await r.json()).rights.map((x: { id: string }) => x.id)).toEqual(['gi-phu-quoc', 'mark-vinamilk']);
  });

  it('serves artefacts with their media type, nosniff, a sandbox CSP, and HTML as a download', async () => {
    const l = listing();
    const arts = standardArtefacts(l);
    const r = await postFlag(s.url, s.tokens.officer, flagForm(l, arts));
    const { findingId } = await r.json();
    const html = await fetch(`${s.url}/api/artefacts/${sha256(arts[2].bytes)}`, { headers: auth(s.tokens.officer) });
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox/);
    const png = await fetch(`${s.url}/api/artefacts/${sha256(arts[0].bytes)}`, { headers: auth(s.tokens.officer) });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await png.arrayBuffer()).equals(Buffer.from(arts[0].bytes))).toBe(true);
    expect((await fetch(`${s.url}/api/artefacts/${'0'.repeat(64)}`, { headers: auth(s.tokens.officer) })).status).toBe(404);
    expect((await fetch(`${s.url}/api/artefacts/nothex`, { headers: auth(s.tokens.officer) })).status).toBe(400);
    const detail = await (await fetch(`${s.url}/api/findings/${findingId}`, { headers: auth(s.tokens.officer) })).json();
    expect(detail.artefacts).toHaveLength(4);
    expect(detail.listing.title).toBe(l.title);
  });

  it('filters and pages findings', async () => {
    const tiki = listing({ marketplace: 'tiki', sellerId: 'tk-9', url: 'https://tiki.vn/x-p1.html' });
    await postFlag(s.url, s.tokens.reviewer, flagForm(tiki, []));
    const get = async (q: string) => (await fetch(`${s.url}/api/findings?${q}`, { headers: auth(s.tokens.officer) })).json();
    const byMarket = await get('marketplace=tiki');
    expect(byMarket.total).toBe(1);
    expect(byMarket.items[0].listing.sellerId).toBe('tk-9');
    expect((await get('seller=tk-9')).total).toBe(1);
    expect((await get('source=crawl')).total).toBe(0);
    const page = await get('limit=2&offset=0');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const ranked = await get('order=risk&limit=500');
    const risks = ranked.items.map((f: { risk: number }) => f.risk);
    expect(risks).toEqual([...risks].sort((a: number, b: number) => b - a));
    const bad = await fetch(`${s.url}/api/findings?minRisk=2`, { headers: auth(s.tokens.officer) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('query.minRisk');
  });
});

describe('review and cases', () => {
  it('confirms, dismisses, builds a case with referral and takedown, and reports time to removal', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) ids.push((await (await postFlag(s.url, s.tokens.officer, flagForm(listing(), []))).json()).findingId);
    const noReason = await fetch(`${s.url}/api/findings/${ids[0]}/dismiss`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({}) });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.field).toBe('body.reason');
    const c1 = await fetch(`${s.url}/api/findings/${ids[0]}/confirm`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ reason: 'Nhãn hiệu giả' }) });
    expect(c1.status).toBe(201);
    expect((await c1.json()).status).toBe('confirmed');
    const d1 = await fetch(`${s.url}/api/findings/${ids[1]}/dismiss`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ reason: 'Hàng chính hãng' }) });
    expect((await d1.json()).status).toBe('dismissed');
    expect((await fetch(`${s.url}/api/findings/999999/confirm`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ reason: 'x' }) })).status).toBe(404);

    const created = await fetch(`${s.url}/api/cases`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ title: 'Sữa giả Hà Nội', findingIds: [ids[0]] }) });
    expect(created.status).toBe(201);
    const { caseId } = await created.json();
    expect((await fetch(`${s.url}/api/cases/${caseId}/findings`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ findingIds: [ids[1]] }) })).status).toBe(201);
    const ref = await fetch(`${s.url}/api/cases/${caseId}/referrals`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ agency: 'market_surveillance', officer: 'Nguyễn Văn A' }) });
    expect(ref.status).toBe(201);
    const badRef = await fetch(`${s.url}/api/cases/${caseId}/referrals`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ agency: 'fbi' }) });
    expect((await badRef.json()).error.field).toBe('body.agency');
    const td = await fetch(`${s.url}/api/cases/${caseId}/takedowns`, { method: 'POST', headers: json(s.tokens.reviewer), body: JSON.stringify({ channel: 'Shopee IP portal', sentAt: '2026-11-20' }) });
    expect(td.status).toBe(201);
    // the crawler's re-check records the removal
    s.store.addReviewEvent({ type: 'recheck', findingId: ids[0], outcome: 'removed', status: 'removed' }, 'crawler');
    const view = await (await fetch(`${s.url}/api/cases/${caseId}`, { headers: auth(s.tokens.officer) })).json();
    expect(view.findings.map((f: { id: number }) => f.id)).toEqual(ids);
    expect(view.referrals).toMatchObject([{ agency: 'market_surveillance', officer: 'Nguyễn Văn A', actor: 'reviewer1' }]);
    expect(view.takedowns).toMatchObject([{ channel: 'Shopee IP portal', sentAt: '2026-11-20' }]);
    expect(view.rechecks).toMatchObject([{ findingId: ids[0], outcome: 'removed' }]);
    expect(view.timeToRemovalDays).toBeGreaterThan(1);
    expect(s.store.listCustody(`case:${caseId}`).map((e) => e.action)).toEqual(expect.arrayContaining(['case', 'referral', 'takedown_request']));
  });
});

describe('CORS', () => {
  it('allows only the extension origin', async () => {
    const ok = await fetch(`${s.url}/api/flags`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const evil = await fetch(`${s.url}/api/findings`, { headers: { ...auth(s.tokens.officer), origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
