/**
 * Register files with mistakes: each malformed file must give every problem at once, each naming the
 * file, the line and record, the field and the reason, and nothing may be imported from it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterError, formatProblem, loadRegisterFile } from '../../shared/register/load.ts';
import { importRegisterFiles } from '../../shared/register/import.ts';
import { openStore, type Store } from '../../shared/store/index.ts';
import { runCli, tempDir } from '../store/helpers.ts';

let t: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  t = tempDir('ipwatch-register-');
  store = openStore(t.db);
});
afterEach(() => {
  store.close();
  t.cleanup();
});

const FIELDS = 'id, kind, name, aliases, product, goods, niceClasses, region, owner, registrationNo, filingDate, grantDate, expiryDate, wellKnown, authorizedSellers, referencePrice, source, note';
const KINDS = 'expected one of "mark"|"collective_mark"|"certification_mark"|"gi"';

/** Write a file, try to import it, and return the problems as printed; asserts nothing was imported. */
function problemsOf(name: string, text: string): string[] {
  const file = join(t.dir, name);
  writeFileSync(file, text);
  let err: unknown;
  try {
    importRegisterFiles(store, [file], 'test');
  } catch (e) {
    err = e;
  }
  expect(err, `${name} should be refused`).toBeInstanceOf(RegisterError);
  expect(store.listRights()).toEqual([]);
  expect(store.listCustody()).toEqual([]);
  return (err as RegisterError).problems.map((p) => formatProblem(p).replace(`${t.dir}/`, ''));
}

const good = (id: string) => `{"id":"${id}","kind":"gi","name":"Phú Quốc","product":"nước mắm"}`;

describe('malformed register files', () => {
  it('1. JSON that does not parse: line and column', () => {
    expect(problemsOf('a.json', `[\n ${good('a')},\n {"id":"b" "kind":"gi"}\n]\n`)).toEqual([
      `a.json:3: not valid JSON at line 3, column 12: Expected ',' or '}' after property value`,
    ]);
  });

  it('2. an unknown field is an error, not dropped', () => {
    expect(problemsOf('a.json', `[\n {"id":"a","kind":"mark","name":"Nike","colour":"red"}\n]`)).toEqual([
      `a.json:2 (record 1) field "colour": unknown field; the fields are: ${FIELDS}`,
    ]);
  });

  it('3. a missing name', () => {
    expect(problemsOf('a.jsonl', `{"id":"a","kind":"mark"}\n`)).toEqual([`a.jsonl:1 (record 1) field "name": required field is missing`]);
  });

  it('4. a bad kind', () => {
    expect(problemsOf('a.csv', `id,kind,name\nm1,brand,Nike\n`)).toEqual([`a.csv:2 (record 1) field "kind": Invalid option: ${KINDS}`]);
  });

  it('5. Nice class 46 (classes are 1–45)', () => {
    expect(problemsOf('a.csv', `id,kind,name,niceClasses\nm1,mark,Nike,25|46\n`)).toEqual([`a.csv:2 (record 1) field "niceClasses[1]": Too big: expected number to be <=45`]);
  });

  it('6. a duplicate id names the first record', () => {
    expect(problemsOf('a.json', `[\n ${good('a')},\n ${good('a')}\n]`)).toEqual([`a.json:3 (record 2) field "id": duplicate id "a" (first used by record 1)`]);
  });

  it('7. dates: wrong format and a day that does not exist', () => {
    expect(problemsOf('a.jsonl', `{"id":"a","kind":"mark","name":"X","grantDate":"22/11/2026"}\n{"id":"b","kind":"mark","name":"Y","expiryDate":"2026-02-30"}\n`)).toEqual([
      `a.jsonl:1 (record 1) field "grantDate": expected a date as YYYY-MM-DD`,
      `a.jsonl:2 (record 2) field "expiryDate": "2026-02-30" is not a real date`,
    ]);
  });

  it('8. a CSV with a wrong column', () => {
    expect(problemsOf('a.csv', `id,kind,name,colour\nm1,mark,Nike,red\n`)).toEqual([`a.csv:1 field "colour": unknown column; the columns are: ${FIELDS}`]);
  });

  it('9. JSONL with a broken line 3: the other lines are checked too, nothing imported', () => {
    expect(problemsOf('a.jsonl', `${good('a')}\n${good('b')}\n{"id":"c", kind}\n{"id":"d","kind":"gi"}\n`)).toEqual([
      `a.jsonl:3 (record 3): not valid JSON: Expected double-quoted property name at column 12`,
      `a.jsonl:4 (record 4) field "name": required field is missing`,
    ]);
  });

  it('10. an authorised seller without a shop (JSON and CSV)', () => {
    expect(problemsOf('a.json', `[{"id":"a","kind":"mark","name":"X","authorizedSellers":[{"marketplace":"shopee"}]}]`)).toEqual([
      `a.json:1 (record 1) field "authorizedSellers[0]": an authorised seller needs a shopId or a shopName`,
    ]);
    expect(problemsOf('b.csv', `id,kind,name,authorizedSellers\nm1,mark,X,shopee\n`)).toEqual([
      `b.csv:2 (record 1) field "authorizedSellers": "shopee" is not marketplace:shopId:shopName (leave shopId or shopName empty, not the colons: "shopee::Shop name")`,
    ]);
    expect(problemsOf('c.csv', `id,kind,name,authorizedSellers\nm1,mark,X,ebay:1:A\n`)).toEqual([
      `c.csv:2 (record 1) field "authorizedSellers[0].marketplace": Invalid option: expected one of "shopee"|"lazada"|"tiki"|"sendo"|"tiktok"|"jsonld"`,
    ]);
  });

  it('11. a CSV row with more values than columns', () => {
    expect(problemsOf('a.csv', `id,kind,name,goods\nm1,mark,Nike,shoes, bags\n`)).toEqual([
      `a.csv:2 (record 1): has 5 values but the header has 4 columns (quote values that contain commas)`,
    ]);
  });

  it('12. CSV values that are not numbers or booleans', () => {
    expect(problemsOf('a.csv', `id,kind,name,niceClasses,wellKnown,referencePrice\nm1,mark,Nike,25|x,maybe,cheap\n`)).toEqual([
      `a.csv:2 (record 1) field "niceClasses": "x" is not a class number; write classes as whole numbers separated by | (e.g. 25|35)`,
      `a.csv:2 (record 1) field "wellKnown": "maybe" is not true or false`,
      `a.csv:2 (record 1) field "referencePrice": "cheap" is not a number (write the price in VND, digits only)`,
    ]);
  });

  it('13. a JSON file that is not an array, and an array element that is not an object', () => {
    expect(problemsOf('a.json', `{"id":"a","kind":"mark","name":"X"}`)).toEqual([
      `a.json:1: a JSON register must be an array of rights ([{…}, {…}]); for one right per line use .jsonl`,
    ]);
    expect(problemsOf('b.json', `[\n "Nike"\n]`)).toEqual([`b.json:2 (record 1): a record must be an object with the Right fields, not "Nike"`]);
  });

  it('14. an id with spaces', () => {
    expect(problemsOf('a.jsonl', `{"id":"mark nike","kind":"mark","name":"Nike"}\n`)).toEqual([`a.jsonl:1 (record 1) field "id": use letters, digits, . _ : - only`]);
  });

  it('15. every problem of a file at once, in line order', () => {
    const text = `id,kind,name,niceClasses,colour\nm1,brand,,46,x\nm2,mark,Ok,25,y\nm1,mark,Dup,,z\n`;
    const got = problemsOf('a.csv', text);
    expect(got).toEqual([
      `a.csv:1 field "colour": unknown column; the columns are: ${FIELDS}`,
      `a.csv:2 (record 1) field "kind": Invalid option: ${KINDS}`,
      `a.csv:2 (record 1) field "name": required field is missing`,
      `a.csv:2 (record 1) field "niceClasses[0]": Too big: expected number to be <=45`,
      `a.csv:4 (record 3) field "id": duplicate id "m1" (first used by record 1)`,
    ]);
  });

  it('16. one bad file among good ones: nothing is imported from any of them; ids must be unique across files', () => {
    const okFile = join(t.dir, 'ok.json');
    const badFile = join(t.dir, 'bad.json');
    writeFileSync(okFile, `[${good('a')}]`);
    writeFileSync(badFile, `[${good('a')}, {"id":"z"}]`);
    expect(() => importRegisterFiles(store, [okFile, badFile], 'test')).toThrow(RegisterError);
    expect(store.listRights()).toEqual([]);
    try {
      importRegisterFiles(store, [okFile, badFile], 'test');
    } catch (e) {
      expect((e as RegisterError).problems.map((p) => formatProblem(p).replace(`${t.dir}/`, ''))).toEqual([
        `bad.json:1 (record 2) field "kind": Invalid option: ${KINDS}`,
        `bad.json:1 (record 2) field "name": required field is missing`,
      ]);
    }
    const other = join(t.dir, 'other.json');
    writeFileSync(other, `[${good('a')}]`);
    expect(() => importRegisterFiles(store, [okFile, other], 'test')).toThrow(/other\.json:1 \(record 1\) field "id": duplicate id "a" \(also in .*ok\.json\)/);
    expect(store.listRights()).toEqual([]);
  });

  it('17. the CLI prints every problem and exits 1; validate does not touch a store', () => {
    const file = join(t.dir, 'bad.csv');
    writeFileSync(file, `id,kind,name\nm1,brand,Nike\nm2,mark,\n`);
    const r = runCli(['register', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2 (record 1) field "kind": Invalid option`);
    expect(r.stderr).toContain(`${file}:3 (record 2) field "name": required field is missing`);
    const imp = runCli(['register', 'import', file, '--db', t.db]);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain('nothing imported');
    expect(store.listRights()).toEqual([]);
  });

  it('a missing file is a problem naming it', () => {
    expect(loadRegisterFile(join(t.dir, 'nope.json')).problems[0].reason).toMatch(/^cannot read the file: ENOENT/);
  });
});
