/**
 * Vietnam's provinces before and after the merger of 1 July 2025 (63 → 34). GI regions are written
 * with the old names while shops show either, so every comparison goes through `provinceOf`, which
 * finds the province a free-text location names and returns both its old and its new name.
 * Pure data and functions: runs in Node and in the extension.
 */
import table from '../../data/register/provinces-2025.json' with { type: 'json' };
import { foldText } from '../text/fold.ts';

/** A province as named before 1 July 2025, and the province it belongs to since. */
export interface Province {
  old: string;
  new: string;
}

/** The province a free-text location was read as. */
export interface ProvinceMatch {
  old?: string;
  new: string;
  namesNew: boolean;
}

/** Common short and English forms sellers write for a province (folded). */
const EXTRA_NAMES: Record<string, string> = {
  'tp hcm': 'TP. Hồ Chí Minh',
  hcm: 'TP. Hồ Chí Minh',
  'ho chi minh': 'TP. Hồ Chí Minh',
  'ho chi minh city': 'TP. Hồ Chí Minh',
  'sai gon': 'TP. Hồ Chí Minh',
  saigon: 'TP. Hồ Chí Minh',
  hn: 'Hà Nội',
  hanoi: 'Hà Nội',
  'ha noi': 'Hà Nội',
  hue: 'Thừa Thiên Huế',
  'tp hue': 'Thừa Thiên Huế',
  'thua thien hue': 'Thừa Thiên Huế',
  'ba ria vung tau': 'Bà Rịa - Vũng Tàu',
  brvt: 'Bà Rịa - Vũng Tàu',
  'vung tau': 'Bà Rịa - Vũng Tàu',
  'da nang': 'Đà Nẵng',
  'can tho': 'Cần Thơ',
  'hai phong': 'Hải Phòng',
  'dak lak': 'Đắk Lắk',
  'daklak': 'Đắk Lắk',
  'dac lac': 'Đắk Lắk',
  'dak nong': 'Đắk Nông',
  'daknong': 'Đắk Nông',
};

const byOld = new Map<string, Province>();
const byNewName = new Map<string, string>();
for (const row of table.provinces) {
  byOld.set(foldText(row.old), { old: row.old, new: row.new });
  byNewName.set(foldText(row.new.replace(/^TP\.\s*/, '')), row.new);
}

/** All 63 old provinces with the province each belongs to since 1 July 2025. */
export const PROVINCES: readonly Province[] = table.provinces.map((r) => ({ old: r.old, new: r.new }));

/** The 34 provinces that exist since 1 July 2025. */
export const NEW_PROVINCES: readonly string[] = [...new Set(table.provinces.map((r) => r.new))];

/**
 * The province a location names ("Kiên Giang", "An Giang", "TP.HCM", "Quận 1, TP. Hồ Chí Minh"),
 * or undefined. `old` is missing when the text names only a post-2025 province; `namesNew` is true when
 * the text is also the name of a post-2025 province (so it may mean the whole merged province).
 */
export function provinceOf(location: string): ProvinceMatch | undefined {
  const folded = foldText(location.replace(/^(tp|tỉnh|thành phố)\.?\s+/i, ''));
  if (!folded) return undefined;
  const candidates = [folded, folded.replace(/^(tp|tinh|thanh pho) /, '')];
  // Longest known name contained in the text wins ("Quận 1, TP. Hồ Chí Minh" → HCM).
  for (const c of candidates) {
    const exact = resolveName(c);
    if (exact) return exact;
  }
  let best: ProvinceMatch | undefined;
  let bestLen = 0;
  const padded = ` ${folded} `;
  for (const [name] of [...byOld, ...byNewName, ...Object.entries(EXTRA_NAMES)]) {
    if (name.length > bestLen && padded.includes(` ${name} `)) {
      const r = resolveName(name);
      if (r) {
        best = r;
        bestLen = name.length;
      }
    }
  }
  return best;
}

function resolveName(name: string): ProvinceMatch | undefined {
  const extra = EXTRA_NAMES[name];
  const folded = extra ? foldText(extra) : name;
  const old = byOld.get(folded);
  const newName = byNewName.get(folded);
  if (old) return { old: old.old, new: old.new, namesNew: newName !== undefined };
  if (newName) return { new: newName, namesNew: true };
  return undefined;
}

/**
 * Whether a shop location lies inside a GI region given as old or new province names: true inside,
 * false outside, undefined when the location names no known province (a country, an empty field).
 * A location written as a post-2025 province ("An Giang", which since 2025 includes Kiên Giang)
 * counts as inside when the region's province merged into it: the old boundary cannot be told from
 * the name, and a ranking signal must not accuse a seller on an ambiguity.
 */
export function locationInRegion(region: readonly string[], location: string | undefined): boolean | undefined {
  if (!location) return undefined;
  const where = provinceOf(location);
  if (!where) return undefined;
  for (const r of region) {
    const p = provinceOf(r);
    if (!p) continue;
    if (where.old && p.old && where.old === p.old) return true;
    if ((where.namesNew || !p.old) && where.new === p.new) return true;
  }
  return false;
}
