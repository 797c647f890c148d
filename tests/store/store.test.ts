/**
 * The evidence store on real SQLite files: listings observed over time, findings (idempotent per crawl
 * run), review events and derived status, cases, listings under action, runs, artefacts stored by
 * content, the custody chain, append-only triggers and the migration hook.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, registerMigration, type Store } from '../../shared/store/index.ts';
import { sampleListing, sampleMatch, tempDir } from './helpers.ts';

let t: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  t = tempDir();
  store = openStore(t.db);
});
afterEach(() => {
  store.close();
  t.cleanup();
});

describe('opening', () => {
  it('sets WAL, foreign keys, busy timeout and puts blobs beside the db', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(10000);
    expect(store.blobDir).toBe(`${t.dir}/blobs`);
  });

  it('takes IPWATCH_DB when no path is given', () => {
    const before = process.env.IPWATCH_DB;
    process.env.IPWATCH_DB = `${t.dir}/env.db`;
    try {
      const s = openStore();
      expect(s.path).toBe(`${t.dir}/env.db`);
      s.close();
    } finally {
      if (before === undefined) delete process.env.IPWATCH_DB;
      else process.env.IPWATCH_DB = before;
    }
  });

  it('applies a registered migration once and refuses store-reserved versions', () => {
    registerMigration({ version: 1900, name: 'test-extra', sql: 'CREATE TABLE test_extra (id INTEGER PRIMARY KEY);' });
    registerMigration({ version: 1900, name: 'test-extra', sql: 'CREATE TABLE test_extra (id INTEGER PRIMARY KEY);' });
    expect(() => registerMigration({ version: 5, name: 'x', sql: '' })).toThrow(/reserved for the store/);
    expect(() => registerMigration({ version: 1900, name: 'other', sql: 'SELECT 1' })).toThrow(/already taken by "test-extra"/);
    store.close();
    store = openStore(t.db);
    store.close();
    store = openStore(t.db);
    const applied = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual([
      { version: 1, name: 'evidence-store' },
      { version: 2, name: 'right-versions' },
      { version: 1900, name: 'test-extra' },
    ]);
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'test_extra'").pluck().get()).toBe(1);
  });
});

describe('listings observed over time', () => {
  it('a second sighting adds an observation, never a duplicate listing, and the latest version wins', () => {
    const first = store.recordObservation(sampleListing());
    const second = store.recordObservation(sampleListing({ price: 60000, title: 'Nước mắm Phú Quốc giảm giá', seenAt: '2026-11-21T10:00:00.000Z' }));
    expect(first).toMatchObject({ listingKey: 'shopee:111.222', isNew: true });
    expect(second).toMatchObject({ listingKey: 'shopee:111.222', isNew: false });
    store.recordStatus('shopee:111.222', 'removed', { detail: 'HTTP 404' });
    expect(store.counts()).toMatchObject({ listings: 1, observations: 3 });
    expect(store.getListing('shopee:111.222')).toMatchObject({ price: 60000, title: 'Nước mắm Phú Quốc giảm giá', currency: 'VND' });
    const obs = store.listObservations('shopee:111.222');
    expect(obs.map((o) => [o.status, o.price])).toEqual([
      ['live', 85000],
      ['live', 60000],
      ['removed', undefined],
    ]);
    expect(obs[2].detail).toBe('HTTP 404');
  });

  it('records a batch in one transaction and rejects an invalid listing naming the field', () => {
    const r = store.recordObservations([
      { listing: sampleListing({ externalId: 'a' }) },
      { listing: sampleListing({ externalId: 'b' }), status: 'blocked' },
      { listing: sampleListing({ externalId: 'a' }) },
    ]);
    expect(r.map((x) => x.isNew)).toEqual([true, true, false]);
    expect(() => store.recordObservations([{ listing: sampleListing({ externalId: 'c' }) }, { listing: sampleListing({ externalId: 'd', url: 'not a url' }) }])).toThrow(
      /listing shopee:d is not valid: url/,
    );
    expect(store.getListing('shopee:c')).toBeUndefined();
    expect(() => store.recordStatus('shopee:nope', 'removed')).toThrow(/no listing "shopee:nope"/);
  });
});

describe('findings, review and cases', () => {
  it('a crawl finding is recorded once per (listing, run); officer findings always', () => {
    const { listingKey } = store.recordObservation(sampleListing());
    const run = store.startRun({ signs: ['Phú Quốc'] });
    const a = store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', runId: run, match: sampleMatch() });
    const b = store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', runId: run, match: sampleMatch() });
    expect(a.created).toBe(true);
    expect(b).toEqual({ finding: a.finding, created: false });
    const run2 = store.startRun({});
    expect(store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', runId: run2, match: sampleMatch() }).created).toBe(true);
    expect(store.addFinding({ listingKey, source: 'officer', createdBy: 'an', match: sampleMatch() }).created).toBe(true);
    expect(store.listFindings().total).toBe(3);
    expect(a.finding).toMatchObject({ listingKey, rightIds: ['gi-vn-phu-quoc-nuoc-mam'], risk: 0.8, runId: run });
    expect(() => store.addFinding({ listingKey: 'shopee:none', source: 'crawl', createdBy: 'c', match: sampleMatch() })).toThrow(/no listing "shopee:none"/);
  });

  it('derives status from append-only events and filters findings by status, right, seller and risk', () => {
    const k1 = store.recordObservation(sampleListing()).listingKey;
    const k2 = store.recordObservation(sampleListing({ externalId: '9', sellerId: 'other', marketplace: 'lazada' })).listingKey;
    const f1 = store.addFinding({ listingKey: k1, source: 'crawl', createdBy: 'crawler', match: sampleMatch() }).finding;
    const f2 = store.addFinding({ listingKey: k2, source: 'crawl', createdBy: 'crawler', match: sampleMatch('mark-nike', 0.3) }).finding;
    expect(store.findingStatus(f1.id)).toBe('new');
    store.addReviewEvent({ type: 'flag', findingId: f1.id, category: 'gi_misuse' }, 'officer.an');
    expect(store.findingStatus(f1.id)).toBe('flagged');
    store.addReviewEvent({ type: 'confirm', findingId: f1.id, reason: 'hàng không từ Phú Quốc' }, 'reviewer.binh');
    store.addReviewEvent({ type: 'dismiss', findingId: f2.id, reason: 'phụ kiện tương thích' }, 'reviewer.binh');
    expect(store.findingStatus(f1.id)).toBe('confirmed');
    expect(store.findingStatus(f2.id)).toBe('dismissed');
    expect(store.listFindings({ status: 'confirmed' }).items.map((f) => f.id)).toEqual([f1.id]);
    expect(store.listFindings({ rightId: 'mark-nike' }).items.map((f) => f.id)).toEqual([f2.id]);
    expect(store.listFindings({ sellerId: 'other' }).items.map((f) => f.id)).toEqual([f2.id]);
    expect(store.listFindings({ marketplace: 'shopee', minRisk: 0.5 }).items.map((f) => f.id)).toEqual([f1.id]);
    const listed = store.listFindings({ limit: 1 });
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toMatchObject({ id: f2.id, status: 'dismissed', listing: { marketplace: 'lazada', externalId: '9' } });
    const events = store.listReviewEvents(f1.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['flag', 'officer.an'],
      ['confirm', 'reviewer.binh'],
    ]);
    expect(store.listCustody(`finding:${f1.id}`).map((e) => e.action)).toEqual(['stored', 'flagged', 'reviewed']);
    expect(() => store.addReviewEvent({ type: 'confirm', findingId: 999, reason: 'x' }, 'r')).toThrow(/no finding with id 999/);
  });

  it('cases collect findings, referrals, takedown requests and re-checks; listingsUnderAction follows status', () => {
    const k1 = store.recordObservation(sampleListing()).listingKey;
    const k2 = store.recordObservation(sampleListing({ externalId: '2', url: 'https://shopee.vn/x-i.1.2' })).listingKey;
    const f1 = store.addFinding({ listingKey: k1, source: 'crawl', createdBy: 'crawler', match: sampleMatch() }).finding;
    const f2 = store.addFinding({ listingKey: k2, source: 'crawl', createdBy: 'crawler', match: sampleMatch() }).finding;
    expect(store.listingsUnderAction()).toEqual([]);
    store.addReviewEvent({ type: 'flag', findingId: f2.id, category: 'gi_misuse' }, 'officer');
    const { id: caseId } = store.createCase({ title: 'Nước mắm giả Phú Quốc' }, 'reviewer');
    store.addReviewEvent({ type: 'case', findingId: f1.id, caseId }, 'reviewer');
    store.addReviewEvent({ type: 'referral', caseId, agency: 'market_surveillance', officer: 'Đội QLTT số 3' }, 'reviewer');
    store.addReviewEvent({ type: 'takedown_request', caseId, channel: 'Shopee IP portal', sentAt: '2026-11-22' }, 'reviewer');
    expect(store.findingStatus(f1.id)).toBe('takedown_requested');
    expect(store.findingStatus(f2.id)).toBe('flagged');
    expect(store.listingsUnderAction()).toEqual([
      { listingKey: k1, findingId: f1.id, url: 'https://shopee.vn/nuoc-mam-phu-quoc-i.111.222' },
      { listingKey: k2, findingId: f2.id, url: 'https://shopee.vn/x-i.1.2' },
    ]);
    store.addReviewEvent({ type: 'recheck', findingId: f1.id, outcome: 'removed', status: 'removed' }, 'crawler');
    expect(store.findingStatus(f1.id)).toBe('removed');
    expect(store.listingsUnderAction().map((l) => l.findingId)).toEqual([f2.id]);
    const c = store.getCase(caseId)!;
    expect(c.findings).toEqual([expect.objectContaining({ findingId: f1.id, listingKey: k1, status: 'removed' })]);
    expect(c.referrals.map((r) => r.type)).toEqual(['referral']);
    expect(c.takedownRequests[0]).toMatchObject({ channel: 'Shopee IP portal', actor: 'reviewer' });
    expect(c.rechecks[0]).toMatchObject({ outcome: 'removed' });
    expect(store.listCases().map((x) => x.id)).toEqual([caseId]);
    expect(store.getCase(99)).toBeUndefined();
    expect(() => store.addReviewEvent({ type: 'case', findingId: f2.id, caseId: 99 }, 'r')).toThrow(/no case with id 99/);
  });

  it('records crawl runs', () => {
    const id = store.startRun({ marketplaces: ['tiki'] });
    store.finishRun(id, { status: 'interrupted', counts: { listings: 3 }, errors: ['timeout on https://tiki.vn/x'] });
    expect(store.listRuns()).toEqual([expect.objectContaining({ id, status: 'interrupted', counts: { listings: 3 }, errors: ['timeout on https://tiki.vn/x'], params: { marketplaces: ['tiki'] } })]);
    expect(() => store.finishRun(42, { status: 'ok', counts: {}, errors: [] })).toThrow(/no crawl run with id 42/);
  });
});

describe('blobs, artefacts and custody', () => {
  it('stores the same bytes once, at blobs/sha256/ab/cd/<hash>, and refuses a hash mismatch', () => {
    const bytes = Buffer.from('<html><body>Nước mắm</body></html>');
    const a = store.putBlob(bytes);
    const b = store.putBlob(bytes);
    expect(a.existed).toBe(false);
    expect(b).toEqual({ ...a, existed: true });
    expect(store.readBlob(a.sha256).equals(bytes)).toBe(true);
    const { listingKey } = store.recordObservation(sampleListing());
    const { finding } = store.addFinding({ listingKey, source: 'officer', createdBy: 'an', match: sampleMatch() });
    const art = store.addArtefact({ bytes, mediaType: 'text/html', role: 'html', capturedAt: '2026-11-22T01:02:03.000Z', findingId: finding.id, expectedSha256: a.sha256 }, 'an');
    expect(art).toMatchObject({ sha256: a.sha256, byteSize: bytes.length, findingId: finding.id });
    expect(store.listArtefacts(finding.id)).toHaveLength(1);
    expect(store.getArtefact(a.sha256)?.role).toBe('html');
    expect(() => store.addArtefact({ bytes, mediaType: 'text/html', role: 'html', capturedAt: '2026-11-22T01:02:03.000Z', expectedSha256: 'f'.repeat(64) }, 'an')).toThrow(
      /hashes to [0-9a-f]{64} but its capture recorded f{64}/,
    );
    const path = `${store.blobDir}/sha256/${a.sha256.slice(0, 2)}/${a.sha256.slice(2, 4)}/${a.sha256}`;
    expect(existsSync(path)).toBe(true);
    expect(store.verify()).toMatchObject({ ok: true, blobs: 1 });
  });

  it('chains custody events: genesis prevHash, each prevHash is the previous hash', () => {
    const e1 = store.appendCustody({ actor: 'a', action: 'exported', subject: 'case:1', details: { file: 'pack.zip', skipped: undefined } });
    const e2 = store.appendCustody({ actor: 'b', action: 'exported', subject: 'case:2' });
    expect(e1.prevHash).toBe('0'.repeat(64));
    expect(e2.prevHash).toBe(e1.hash);
    expect(e2.seq).toBe(e1.seq + 1);
    expect(store.listCustody()).toEqual([{ ...e1, details: { file: 'pack.zip' } }, e2]);
    expect(store.verify()).toMatchObject({ ok: true, events: 2 });
  });

  it('refuses UPDATE and DELETE on every evidence table', () => {
    const { listingKey } = store.recordObservation(sampleListing());
    const { finding } = store.addFinding({ listingKey, source: 'officer', createdBy: 'an', match: sampleMatch() });
    store.addArtefact({ bytes: Buffer.from('x'), mediaType: 'text/plain', role: 'other', capturedAt: '2026-11-22T01:02:03.000Z', findingId: finding.id }, 'an');
    const { id: caseId } = store.createCase({ title: 'c' }, 'r');
    store.addReviewEvent({ type: 'case', findingId: finding.id, caseId }, 'r');
    const tables: Array<[string, string]> = [
      ['custody', "actor = 'mallory'"],
      ['artefacts', "media_type = 'x'"],
      ['findings', 'risk = 0'],
      ['observations', 'price = 1'],
      ['listings', "key = 'x'"],
      ['review_events', "actor = 'x'"],
      ['cases', "title = 'x'"],
    ];
    for (const [table, set] of tables) {
      expect(() => store.db.prepare(`UPDATE ${table} SET ${set}`).run(), table).toThrow(new RegExp(`${table} is append-only`));
      expect(() => store.db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(new RegExp(`${table} is append-only`));
    }
  });
});
