/**
 * Checks the quality set itself (not the matcher's scores, which `npm run quality` prints): every
 * label names rights that exist in the bundled register, every labelled listing exists in the real
 * titles (skipped with a message when ../shared is absent), the disguised set is well formed, and the
 * disguise generator is deterministic and really changes the text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import { DEV_TITLES_PATH, devTitlesAvailable, loadDevLabels, loadDevTitles } from './dev-set.ts';
import { DISGUISE_NAMES, disguise, generateDisguisedTitles, seededRng, type DisguisedCase } from './disguise.ts';

const rights = loadBundledRegister();
const ids = new Set(rights.map((r) => r.id));
const labels = loadDevLabels();

describe('dev-labels.csv', () => {
  it('has a few hundred rows, each listing once, with positives, compatibility uses and negatives', () => {
    expect(labels.length).toBeGreaterThanOrEqual(400);
    const keys = labels.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(labels.filter((l) => l.rights.length > 0).length).toBeGreaterThan(100);
    expect(labels.filter((l) => l.compat.length > 0).length).toBeGreaterThan(20);
    expect(labels.filter((l) => l.rights.length === 0 && l.compat.length === 0).length).toBeGreaterThan(100);
  });

  it('names only rights of the bundled register, never the same right as claim and compatibility', () => {
    const unknown = labels.flatMap((l) => [...l.rights, ...l.compat].filter((id) => !ids.has(id)).map((id) => `line ${l.line}: ${id}`));
    expect(unknown).toEqual([]);
    const both = labels.filter((l) => l.rights.some((id) => l.compat.includes(id))).map((l) => `line ${l.line}`);
    expect(both).toEqual([]);
  });

  it.skipIf(!devTitlesAvailable())(`refers only to listings present in ${DEV_TITLES_PATH}`, () => {
    const titles = loadDevTitles();
    const missing = labels.filter((l) => !titles.has(l.key)).map((l) => `line ${l.line}: ${l.key}`);
    expect(missing).toEqual([]);
  });

  it('keeps no real title text in the repository (labels hold ids and short notes only)', () => {
    const text = readFileSync(new URL('./dev-labels.csv', import.meta.url), 'utf8');
    expect(text.split(/\r?\n/)[0]).toBe('platform,item_id,rights,compat,note');
    for (const l of labels) expect(l.note.length).toBeLessThan(120);
  });
});

if (!devTitlesAvailable()) console.warn(`quality: ${DEV_TITLES_PATH} is absent; the check that labelled listings exist is skipped.`);

describe('disguised.jsonl', () => {
  const cases = readFileSync(new URL('./disguised.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DisguisedCase & { compat?: string[] });

  it('has a few hundred titles with unique ids, each expecting at least one existing right', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const bad = cases.filter((c) => [...c.rights, ...(c.compat ?? [])].length === 0 || [...c.rights, ...(c.compat ?? [])].some((id) => !ids.has(id)));
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  it('holds the generator output (regenerate with disguise.ts --write when the register changes) and hand-written lines', () => {
    const generated = cases.filter((c) => c.source === 'generated');
    expect(generated.length).toBeGreaterThanOrEqual(300);
    // The register may gain rights or aliases; the stored lines must still be lines the generator writes.
    const current = new Map(generateDisguisedTitles(rights).map((c) => [c.id, c]));
    const stale = generated.filter((c) => current.get(c.id)?.title !== c.title);
    expect(stale.length / generated.length).toBeLessThan(0.2);
    expect(cases.filter((c) => c.source === 'hand').length).toBeGreaterThanOrEqual(50);
  });
});

describe('gi-synthetic.jsonl', () => {
  const cases = readFileSync(new URL('./gi-synthetic.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; title: string; rights: string[] });

  it('has GI and collective-mark positives and traps, naming only existing non-mark rights', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.filter((c) => c.rights.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.rights.length === 0).length).toBeGreaterThanOrEqual(30);
    const kinds = new Map(rights.map((r) => [r.id, r.kind]));
    const bad = cases.flatMap((c) => c.rights.filter((id) => !kinds.has(id) || kinds.get(id) === 'mark').map((id) => `${c.id}: ${id}`));
    expect(bad).toEqual([]);
  });
});

describe('traps.jsonl', () => {
  it('holds synthetic traps only (no right expected), with unique ids and a reason each', () => {
    const cases = readFileSync(new URL('./traps.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; title: string; rights: string[]; note: string });
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.filter((c) => c.rights.length > 0 || !c.note)).toEqual([]);
  });
});

describe('disguise generator', () => {
  it('is deterministic for a seed and changes the sign', () => {
    expect(generateDisguisedTitles(rights, { seed: 7 })).toEqual(generateDisguisedTitles(rights, { seed: 7 }));
    for (const how of DISGUISE_NAMES) {
      const out = disguise('Panasonic', how, seededRng(1));
      if (out !== undefined) expect(out).not.toBe('Panasonic');
    }
  });

  it('writes the disguises the issue names', () => {
    const rng = seededRng(3);
    expect(disguise('Nike', 'dotted', rng)).toBe('N.i.k.e');
    expect(disguise('Vinamilk', 'fullwidth', rng)).toBe('Ｖｉｎａｍｉｌｋ');
    expect(disguise('Nike', 'mathBold', rng)).toBe('𝐍𝐢𝐤𝐞');
    expect(disguise('Phú Quốc', 'noDiacritics', rng)).toBe('Phu Quoc');
    const digits = disguise('Samsung', 'digits', rng)!;
    const changed = [...digits].map((c, i) => (c !== 'Samsung'[i] ? c : '')).join('');
    expect(changed).toMatch(/^[0-9]$/);
    expect(disguise('Samsung', 'zeroWidth', rng)).toMatch(/[\u200b\u200c\u200d\u2060\ufeff]/);
    expect(disguise('Nike', 'cyrillic', rng)).toMatch(/[\u0400-\u04ff]/);
    expect(disguise('Panasonic', 'doubled', rng)!.length).toBe(10);
  });
});
