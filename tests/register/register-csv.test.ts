/**
 * Property test: any valid register written as CSV by `formatRegisterCsv` reads back, through the same
 * loader `ipwatch register import` uses, to exactly the same rights (and the bundled GI register does too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRegisterCsv } from '../../shared/register/csv.ts';
import { parseRegisterText } from '../../shared/register/load.ts';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import { Marketplace, Right, RightKind } from '../../shared/schema/index.ts';

/** Text that survives the schema's trimming: no leading/trailing space, never empty. */
const text = (max = 30) =>
  fc
    .string({ minLength: 1, maxLength: max, unit: fc.constantFrom(...'abcĐđắệ ,"\'|:;-\n'.split('')) })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const item = text(20).filter((s) => !s.includes('|'));
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const seller = fc
  .record({ marketplace: fc.constantFrom(...Marketplace.options), shopId: fc.option(text(10), { nil: undefined }), shopName: fc.option(text(20), { nil: undefined }) })
  .filter((s) => s.shopId !== undefined || s.shopName !== undefined)
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
const right = fc
  .record(
    {
      id: fc.stringMatching(/^[a-z0-9._:-]{1,20}$/),
      kind: fc.constantFrom(...RightKind.options),
      name: text(),
      aliases: fc.array(item, { minLength: 1, maxLength: 3 }),
      product: text(),
      goods: text(60),
      niceClasses: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 4 }),
      region: fc.array(item, { minLength: 1, maxLength: 3 }),
      owner: text(),
      registrationNo: text(12),
      filingDate: date,
      grantDate: date,
      expiryDate: date,
      wellKnown: fc.boolean(),
      authorizedSellers: fc.array(seller, { minLength: 1, maxLength: 3 }),
      referencePrice: fc.integer({ min: 1, max: 10_000_000 }),
      source: text(),
      note: text(60),
    },
    { requiredKeys: ['id', 'kind', 'name'] },
  )
  .map((r) => Right.parse(r));

describe('register CSV round-trip', () => {
  it('formatRegisterCsv → loader gives back the same rights', () => {
    fc.assert(
      fc.property(fc.uniqueArray(right, { selector: (r) => r.id, minLength: 1, maxLength: 6 }), (rights) => {
        const parsed = parseRegisterText(formatRegisterCsv(rights), 'prop.csv', 'csv');
        expect(parsed.problems).toEqual([]);
        expect(parsed.rights).toEqual(rights);
      }),
      { numRuns: 150 },
    );
  });

  it('the bundled register survives CSV', () => {
    const rights = loadBundledRegister();
    expect(parseRegisterText(formatRegisterCsv(rights), 'bundled.csv', 'csv').rights).toEqual(rights);
  });

  it('refuses a list value containing "|" rather than splitting it', () => {
    expect(() => formatRegisterCsv([{ id: 'a', kind: 'mark', name: 'A', aliases: ['x|y'] }])).toThrow(/field "aliases": the value "x\|y" contains "\|"/);
  });
});
