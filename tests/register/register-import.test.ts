/**
 * Register files that are right: the three formats give the same rights, CSV conventions (| lists,
 * marketplace:shopId:shopName sellers, JSON cells) are read as documented, re-importing changes
 * nothing, and the bundled GI register keeps doubtful numbers out of `registrationNo`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_REGISTER_FILES, loadBundledRegister } from '../../shared/register/bundled.ts';
import { buildGiRegister } from '../../shared/register/build-bundled.ts';
import { importRegisterFiles } from '../../shared/register/import.ts';
import { loadRegisterFile } from '../../shared/register/load.ts';
import type { Right } from '../../shared/schema/index.ts';
import { openStore, type Store } from '../../shared/store/index.ts';
import { ROOT, runCli, tempDir } from '../store/helpers.ts';

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

const RIGHTS: Right[] = [
  {
    id: 'mark-supor',
    kind: 'mark',
    name: 'Supor',
    aliases: ['SUPOR Việt Nam'],
    goods: 'nồi, chảo',
    niceClasses: [8, 21],
    owner: 'Zhejiang Supor',
    registrationNo: '4-0123456-000',
    grantDate: '2015-03-02',
    wellKnown: false,
    authorizedSellers: [
      { marketplace: 'shopee', shopId: '12345' },
      { marketplace: 'lazada', shopName: 'Supor Official: Hà Nội' },
    ],
    referencePrice: 450000,
  },
  { id: 'gi-x', kind: 'gi', name: 'Lục Ngạn', product: 'vải thiều', region: ['Bắc Giang', 'Bắc Ninh'] },
];

const CSV = `id,kind,name,aliases,product,goods,niceClasses,region,owner,registrationNo,grantDate,wellKnown,authorizedSellers,referencePrice
mark-supor,mark,Supor,SUPOR Việt Nam,,"nồi, chảo",8|21,,Zhejiang Supor,4-0123456-000,2015-03-02,false,shopee:12345:|lazada::Supor Official: Hà Nội,450000
gi-x,gi,Lục Ngạn,,vải thiều,,,Bắc Giang|Bắc Ninh,,,,,,
`;

describe('the three formats', () => {
  it('CSV, JSON and JSONL of the same rights read the same', () => {
    const files = { 'r.csv': CSV, 'r.json': JSON.stringify(RIGHTS, null, 2), 'r.jsonl': RIGHTS.map((r) => JSON.stringify(r)).join('\n') + '\n' };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(t.dir, name), text);
      const l = loadRegisterFile(join(t.dir, name));
      expect(l.problems, name).toEqual([]);
      expect(l.rights, name).toEqual(RIGHTS);
    }
  });

  it('a CSV authorizedSellers cell may be a JSON array', () => {
    const file = join(t.dir, 'j.csv');
    writeFileSync(file, `id,kind,name,authorizedSellers\nm,mark,X,"[{""marketplace"":""tiki"",""shopId"":""9""}]"\n`);
    expect(loadRegisterFile(file).rights[0].authorizedSellers).toEqual([{ marketplace: 'tiki', shopId: '9' }]);
  });
});

describe('importing', () => {
  it('re-importing the same file changes nothing; an edit counts as changed', () => {
    const file = join(t.dir, 'r.json');
    writeFileSync(file, JSON.stringify(RIGHTS));
    expect(importRegisterFiles(store, [file], 'test')).toEqual([{ file, added: 2, changed: 0, unchanged: 0 }]);
    const custody = store.listCustody();
    expect(custody.map((e) => [e.action, e.subject])).toEqual([['imported', `register:${file}`]]);
    expect(importRegisterFiles(store, [file], 'test')).toEqual([{ file, added: 0, changed: 0, unchanged: 2 }]);
    expect(store.listCustody()).toEqual(custody);
    expect(store.listRights()).toEqual([...RIGHTS].sort((a, b) => a.id.localeCompare(b.id)));
    writeFileSync(file, JSON.stringify([{ ...RIGHTS[0], referencePrice: 500000 }, RIGHTS[1]]));
    expect(importRegisterFiles(store, [file], 'test')).toEqual([{ file, added: 0, changed: 1, unchanged: 1 }]);
    expect(store.getRight('mark-supor')?.referencePrice).toBe(500000);
    expect(store.listRightVersions('mark-supor').map((v) => [v.right.referencePrice, v.file, v.actor])).toEqual([
      [450000, file, 'test'],
      [500000, file, 'test'],
    ]);
    expect(() => store.db.prepare('DELETE FROM right_versions').run()).toThrow(/right_versions is append-only/);
    expect(store.listCustody()).toHaveLength(2);
  });

  it('the CLI imports, lists as a table and as JSON, twice without change', () => {
    const file = join(t.dir, 'r.csv');
    writeFileSync(file, CSV);
    store.close();
    const first = runCli(['register', 'import', file, '--db', t.db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('added 2, đổi / changed 0, giữ nguyên / unchanged 0');
    const again = runCli(['register', 'import', file], { IPWATCH_DB: t.db });
    expect(again.stdout).toContain('added 0, đổi / changed 0, giữ nguyên / unchanged 2');
    const table = runCli(['register', 'list', '--db', t.db]);
    expect(table.stdout).toMatch(/^id\s+kind\s+name/);
    expect(table.stdout).toMatch(/gi-x\s+gi\s+Lục Ngạn\s+vải thiều\s+Bắc Giang, Bắc Ninh/);
    expect(JSON.parse(runCli(['register', 'list', '--json', '--db', t.db]).stdout)).toEqual([RIGHTS[1], RIGHTS[0]]);
    store = openStore(t.db);
  });
});

describe('the bundled register', () => {
  const rights = loadBundledRegister();
  const gi = rights.filter((r) => r.id.startsWith('gi-vn-'));

  it('loads gi-vn.json (and the demo marks when present) as valid rights', () => {
    expect(BUNDLED_REGISTER_FILES[0]).toMatch(/data\/register\/gi-vn\.json$/);
    expect(BUNDLED_REGISTER_FILES.some((f) => f.endsWith('provinces-2025.json'))).toBe(false);
    expect(gi).toHaveLength(89);
    expect(gi.every((r) => r.kind === 'gi' && r.source && r.product)).toBe(true);
    expect(new Set(rights.map((r) => r.id)).size).toBe(rights.length);
  });

  it('keeps doubtful certificate numbers out of registrationNo, with the doubt in the note', () => {
    const byId = new Map(gi.map((r) => [r.id, r]));
    const sonLa = byId.get('gi-vn-son-la-ca-phe')!;
    expect(sonLa.registrationNo).toBeUndefined();
    expect(sonLa.note).toContain('doubtful certificate number, not used: 00056 (CONFLICT:');
    expect(byId.get('gi-vn-tan-cuong-che')).toMatchObject({ product: 'chè', goods: 'chè (green tea)', region: ['Thái Nguyên'] });
    expect(byId.get('gi-vn-tan-cuong-che')!.registrationNo).toBeUndefined();
    expect(byId.get('gi-vn-phu-quoc-nuoc-mam')).toMatchObject({ registrationNo: '00001', region: ['Kiên Giang', 'An Giang'] });
    expect(byId.get('gi-vn-kagoshima-kuroushi-thit-bo')).toMatchObject({ name: 'Kagoshima Kuroushi', aliases: ['Kagoshima Wagyu', 'Thịt bò Kagoshima'] });
    expect(byId.get('gi-vn-kagoshima-kuroushi-thit-bo')!.region).toBeUndefined();
    expect(gi.some((r) => r.name.includes('truncated'))).toBe(false);
    for (const r of gi) if (r.registrationNo) expect(r.registrationNo, r.id).toMatch(/^\d{5}$/);
  });

  const csv = join(ROOT, '../shared/data/gi_vn_sourced.csv');
  it.skipIf(!existsSync(csv))('is reproduced exactly by build-bundled.ts from ../shared (skipped when ../shared is absent)', () => {
    const { rights: rebuilt, skipped } = buildGiRegister(readFileSync(csv, 'utf8'));
    expect(rebuilt).toEqual(JSON.parse(readFileSync(join(ROOT, 'data/register/gi-vn.json'), 'utf8')));
    expect(skipped).toEqual([expect.stringMatching(/^"V\[…truncated in source\]" \(Artemia, certificate 00095\)/)]);
  });
});
