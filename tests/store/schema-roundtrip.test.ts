/**
 * Every schema in shared/schema survives parse → JSON → parse unchanged (enums with every option), and
 * the evidence types come back out of the store exactly as they went in. A new schema without a sample
 * here fails the coverage test with a message saying where to add one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemas from '../../shared/schema/index.ts';
import { openStore } from '../../shared/store/index.ts';
import { sampleListing, sampleMatch, tempDir } from './helpers.ts';

const at = '2026-11-22T08:00:00.000Z';
const sha = 'a'.repeat(64);
const listing = sampleListing({ description: 'Chai 500ml', categoryPath: ['Bách hoá', 'Gia vị'], imageUrls: ['https://cf.shopee.vn/file/x'], officialStore: false, brand: 'Phú Quốc' });
const match = sampleMatch();
const right = { id: 'gi-vn-phu-quoc-nuoc-mam', kind: 'gi', name: 'Phú Quốc', aliases: ['Phu Quoc'], product: 'nước mắm', region: ['Kiên Giang'], registrationNo: '00001', authorizedSellers: [{ marketplace: 'shopee', shopId: '1' }], referencePrice: 100000, source: 'https://example.org' };

/** One valid value per non-enum schema (enums are covered by their options). */
const SAMPLES: Record<string, unknown[]> = {
  Sha256: [sha],
  Artefact: [{ sha256: sha, mediaType: 'image/png', byteSize: 12, role: 'screenshot', capturedAt: at, url: 'https://shopee.vn/x', findingId: 3 }],
  CustodyEvent: [{ seq: 1, at, actor: 'crawler', action: 'captured', subject: 'finding:1', details: { sha256: sha, nested: { a: [1, 2] } }, prevHash: '0'.repeat(64), hash: sha }],
  Finding: [{ id: 1, listingKey: 'shopee:111.222', source: 'crawl', createdAt: at, createdBy: 'crawler', runId: 2, rightIds: ['gi-vn-phu-quoc-nuoc-mam'], risk: 0.8, match }],
  Listing: [listing, { ...listing, currency: undefined }],
  Hit: match.hits,
  Cue: [{ kind: 'counterfeit', cue: 'rep 1:1', matched: 'REP 1:1', start: 0, end: 7 }],
  Signal: match.signals,
  LegalBasis: match.basis,
  ListingMatch: [match],
  MatchInput: [{ id: 7, title: 'Giày Nike rep 1:1', shopName: 'A', price: 100000, extra: 'kept' }],
  PageState: [{ kind: 'ok' }, { kind: 'rate-limited', reason: 'HTTP 429', retryAfterSeconds: 30 }],
  SearchCard: [{ url: 'https://tiki.vn/x-p1.html', externalId: '1', partial: { title: 'x', price: 1 } }],
  SearchPage: [{ cards: [{ url: 'https://tiki.vn/x-p1.html', externalId: '1', partial: {} }], next: 'https://tiki.vn/search?q=x&page=2' }],
  FlagEvent: [{ type: 'flag', findingId: 1, category: 'gi_misuse', note: 'n' }],
  ConfirmEvent: [{ type: 'confirm', findingId: 1, reason: 'r' }],
  DismissEvent: [{ type: 'dismiss', findingId: 1, reason: 'r' }],
  CaseEvent: [{ type: 'case', findingId: 1, caseId: 2 }],
  ReferralEvent: [{ type: 'referral', caseId: 2, agency: 'police', officer: 'Trần B' }],
  TakedownRequestEvent: [{ type: 'takedown_request', caseId: 2, channel: 'Lazada IPP', sentAt: '2026-11-22', reference: 'T-1' }],
  RecheckEvent: [{ type: 'recheck', findingId: 1, outcome: 'relisted', status: 'removed', relistedAs: 'shopee:1.3' }],
  ReviewEvent: [{ type: 'flag', findingId: 1, category: 'other' }, { type: 'recheck', findingId: 1, outcome: 'still_live', status: 'live' }],
  IsoDate: ['2026-11-22'],
  AuthorizedSeller: [{ marketplace: 'lazada', shopName: 'Cửa hàng A' }],
  RightSource: ['https://example.org'],
  Right: [right, { id: 'm', kind: 'mark', name: 'Nike', niceClasses: [25], wellKnown: true, filingDate: '2001-01-01', grantDate: '2002-01-01', expiryDate: '2031-01-01', owner: 'Nike, Inc.', goods: 'giày', note: 'n' }],
  Register: [[right]],
  AccountName: ['officer.an'],
  Account: [{ id: 1, name: 'officer.an', role: 'officer', agency: 'dost', disabled: false, createdAt: at }],
  FlagArtefact: [{ part: 'screenshot', role: 'screenshot', mediaType: 'image/png', sha256: sha, capturedAt: at }],
  FlagRequest: [{ listing, category: 'gi_misuse', note: 'n', artefacts: [{ part: 'p', role: 'html', mediaType: 'text/html', sha256: sha, capturedAt: at }] }],
  FlagResponse: [{ findingId: 1, listingKey: 'shopee:1.2', risk: 0.5, artefacts: [{ role: 'html', sha256: sha, byteSize: 3 }] }],
  DecisionRequest: [{ reason: 'r' }],
  CaseCreateRequest: [{ title: 't', findingIds: [1, 2] }],
  CaseAddFindingsRequest: [{ findingIds: [1] }],
  ReferralRequest: [{ agency: 'customs' }],
  TakedownRequest: [{ channel: 'c', sentAt: '2026-11-22' }],
};

const all = (Object.entries(schemas) as Array<[string, unknown]>).filter(([, v]) => v instanceof z.ZodType) as Array<[string, z.ZodType]>;
const samplesOf = (name: string, schema: z.ZodType): unknown[] | undefined => (schema instanceof z.ZodEnum ? schema.options : SAMPLES[name]);

describe('schema round-trips', () => {
  it('every exported schema has samples', () => {
    const missing = all.filter(([name, s]) => samplesOf(name, s) === undefined).map(([n]) => n);
    expect(missing, `add samples for ${missing.join(', ')} in tests/store/schema-roundtrip.test.ts`).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  for (const [name, schema] of all) {
    it(`${name}: parse → JSON → parse is unchanged`, () => {
      for (const sample of samplesOf(name, schema) ?? []) {
        const once = schema.parse(sample);
        const twice = schema.parse(JSON.parse(JSON.stringify(once)));
        expect(twice).toEqual(once);
      }
    });
  }

  it('unknown fields are refused where the schema is strict (Right, Listing)', () => {
    expect(schemas.Right.safeParse({ ...right, colour: 'red' }).success).toBe(false);
    expect(schemas.Listing.safeParse({ ...listing, colour: 'red' }).success).toBe(false);
  });
});

describe('through the store', () => {
  const t = tempDir();
  const store = openStore(t.db);
  afterAll(() => {
    store.close();
    t.cleanup();
  });

  it('Right, Listing, Finding, Artefact, ReviewEvent and CustodyEvent come back as they went in', () => {
    const r = schemas.Right.parse(right);
    store.importRights([r], { file: 'test', actor: 't' });
    expect(store.getRight(r.id)).toEqual(r);
    const { listingKey } = store.recordObservation(listing);
    expect(store.getListing(listingKey)).toEqual(schemas.Listing.parse(listing));
    const { finding } = store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', match });
    expect(finding.match).toEqual(schemas.ListingMatch.parse(match));
    expect(store.getFinding(finding.id)).toEqual(finding);
    const art = store.addArtefact({ bytes: Buffer.from('png'), mediaType: 'image/png', role: 'screenshot', capturedAt: at, url: listing.url, findingId: finding.id }, 'crawler');
    expect(store.listArtefacts(finding.id)).toEqual([art]);
    const ev = schemas.ReviewEvent.parse({ type: 'flag', findingId: finding.id, category: 'gi_misuse', note: 'ghi chú' });
    const stored = store.addReviewEvent(ev, 'officer');
    expect(store.listReviewEvents(finding.id)).toEqual([{ ...ev, id: stored.id, at: stored.at, actor: 'officer' }]);
    const c = store.appendCustody({ actor: 'a', action: 'exported', subject: 's', details: { x: [1, 'y', null] } });
    expect(store.listCustody('s')).toEqual([c]);
    for (const e of store.listCustody()) expect(schemas.CustodyEvent.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });
});
