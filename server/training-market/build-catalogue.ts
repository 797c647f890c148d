/**
 * Writes the training marketplace's catalogue (data/training-market/catalogue.json) from the bundled
 * register: for every mark, official stores, genuine resellers, counterfeits with and without cues,
 * disguised spellings, accessories "cho <mark>" and look-alike brands; for every GI, authorised
 * producers inside the region, sellers outside it and listings with "kiểu"/"loại" qualifiers; plus
 * innocent place-name homonyms and unrelated goods. The same seed always gives the same file.
 * Run: `node bin/run-ts.js server/training-market/build-catalogue.ts [--seed N]`.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { foldText } from '../../shared/text/fold.ts';
import { locationInRegion } from '../../shared/register/provinces.ts';
import { SeededRandom, hashString } from './random.ts';
import { Catalogue, type CatalogueItem, type ListingKind, type Seller, type TrainingSite } from './schema.ts';
import {
  BIG_CITIES, COUNTERFEIT_CUES, FILLER, GENUINE_CUES, GI_FAMILIES, GI_QUALIFIERS, GOODS_BY_NICE_CLASS, HOMONYMS,
  MARK_PROFILES, SHOP_WORDS, type MarkGoods, type MarkProfile,
} from './catalogue-words.ts';

/** The fields of a register right the generator reads. */
export interface RegisterRight {
  id: string;
  kind: string;
  name: string;
  product?: string;
  region?: string[];
  aliases?: string[];
  niceClasses?: number[];
  authorizedSellers?: Array<{ marketplace: string; shopId?: string; shopName?: string }>;
}

/** The repository root (two folders above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The catalogue file the server loads by default. */
export const DEFAULT_CATALOGUE_DIR = join(REPO_ROOT, 'data/training-market');

/** Marks used when data/register/marks-demo.json is not there yet (ids `mark:<name>`). */
const FALLBACK_MARKS: RegisterRight[] = Object.entries(MARK_PROFILES).map(([key, p]) => ({
  id: `mark:${key.replace(/\s+/g, '-')}`,
  kind: 'mark',
  name: key === 'apple' ? 'Apple' : p.sign,
}));

/** Reads the GIs and marks of the bundled register (with the fallbacks the brief allows) and says where from. */
export function readRegisterForCatalogue(root = REPO_ROOT): { gis: RegisterRight[]; marks: RegisterRight[]; source: Record<string, string> } {
  const source: Record<string, string> = {};
  let gis: RegisterRight[] = [];
  const giJson = join(root, 'data/register/gi-vn.json');
  const giCsv = resolve(root, '../shared/data/gi_vn_sourced.csv');
  if (existsSync(giJson)) {
    const parsed = JSON.parse(readFileSync(giJson, 'utf8')) as RegisterRight[] | { rights: RegisterRight[] };
    gis = (Array.isArray(parsed) ? parsed : parsed.rights).filter((r) => r.kind === 'gi' && r.region && r.region.length > 0);
    source.gi = 'data/register/gi-vn.json';
  } else if (existsSync(giCsv)) {
    const rows = parseCsv(readFileSync(giCsv, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    for (const row of rows) {
      if (!row.province_old || row.province_old.startsWith('(')) continue;
      gis.push({
        id: `gi:${foldText(row.gi_name).replace(/ /g, '-')}.${foldText(row.product).replace(/ /g, '-')}`,
        kind: 'gi',
        name: row.gi_name,
        product: row.product,
        region: row.province_old.split('/').map((s) => s.trim()),
      });
    }
    source.gi = '../shared/data/gi_vn_sourced.csv (fallback until data/register/gi-vn.json exists)';
  } else {
    throw new Error(`build-catalogue: neither ${giJson} nor ${giCsv} exists; write the GI register first`);
  }
  let marks = FALLBACK_MARKS;
  source.marks = 'built-in list (fallback until data/register/marks-demo.json exists)';
  const marksJson = join(root, 'data/register/marks-demo.json');
  if (existsSync(marksJson)) {
    const parsed = JSON.parse(readFileSync(marksJson, 'utf8')) as RegisterRight[] | { rights: RegisterRight[] };
    const all = Array.isArray(parsed) ? parsed : parsed.rights;
    marks = all.filter((r) => r.kind !== 'gi' && !(r.region && r.region.length));
    // Collective and certification marks of a place ("Bưởi Diễn") are sold like GIs: by region.
    gis = [...gis, ...all.filter((r) => r.kind !== 'gi' && r.region && r.region.length)];
    source.marks = 'data/register/marks-demo.json';
  }
  return { gis, marks, source };
}

// ---------------------------------------------------------------------------------------------------
// Disguises: how sellers write a mark so filters miss it (CONTEXT.md, "Signals a good finding carries").

const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', c: 'с', p: 'р', i: 'і', x: 'х', y: 'у', A: 'А', E: 'Е', O: 'О', C: 'С', P: 'Р', K: 'К', M: 'М', T: 'Т', H: 'Н', B: 'В' };
const DIGITS: Record<string, string> = { o: '0', O: '0', i: '1', I: '1', e: '3', a: '4', u: '0', s: '5' };

/** The ways a sign is disguised, each a pure function of the sign. */
export const DISGUISES: Record<string, (sign: string) => string> = {
  dotted: (s) => s.split(' ').map((w) => [...w].join('.')).join(' '),
  spaced: (s) => [...s.replace(/\s+/g, '')].join(' '),
  fullwidth: (s) => [...s].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch)).join(''),
  mathBold: (s) =>
    [...s]
      .map((ch) => (ch >= 'A' && ch <= 'Z' ? String.fromCodePoint(0x1d400 + ch.charCodeAt(0) - 65) : ch >= 'a' && ch <= 'z' ? String.fromCodePoint(0x1d41a + ch.charCodeAt(0) - 97) : ch))
      .join(''),
  cyrillic: (s) => replaceFirst(s, CYRILLIC),
  digit: (s) => replaceFirst(s, DIGITS),
  zeroWidth: (s) => `${s.slice(0, Math.ceil(s.length / 2))}\u200b${s.slice(Math.ceil(s.length / 2))}`,
  misspelt: (s) => s + s.slice(-1).toLowerCase(),
};

function replaceFirst(s: string, table: Record<string, string>): string {
  const chars = [...s];
  const at = chars.findIndex((ch, i) => i > 0 && table[ch] !== undefined);
  const i = at >= 0 ? at : chars.findIndex((ch) => table[ch] !== undefined);
  if (i < 0) return `${s}.`;
  chars[i] = table[chars[i]];
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------

const SITES: TrainingSite[] = ['shopee', 'lazada', 'tiki', 'sendo', 'jsonld'];
const SITE_WEIGHTS = [0.34, 0.2, 0.16, 0.15, 0.15];
const TOP_GIS = ['phu quoc', 'buon ma thuot'];
const POPULAR_GIS = ['phu quoc', 'buon ma thuot', 'tan cuong', 'luc ngan', 'thanh ha', 'binh thuan', 'ngoc linh', 'doan hung', 'hoa loc', 'cao phong', 'moc chau', 'ben tre'];

/** Builds the catalogue for a register; deterministic in (rights, seed). */
export function buildCatalogue(input: { gis: RegisterRight[]; marks: RegisterRight[]; source: Record<string, string> }, seed = 20260522): Catalogue {
  const rng = new SeededRandom(seed);
  const sellers = new Map<string, Seller>();
  const items: CatalogueItem[] = [];

  const seller = (key: string, name: string, location: string, official = false): Seller => {
    let s = sellers.get(key);
    if (!s) {
      s = { key, name, location, official };
      sellers.set(key, s);
    }
    return s;
  };
  const pickSites = (allowed: TrainingSite[] = SITES): TrainingSite[] => {
    const n = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
    const chosen = new Set<TrainingSite>();
    while (chosen.size < Math.min(n, allowed.length)) {
      let x = rng.next() * allowed.reduce((a, s) => a + SITE_WEIGHTS[SITES.indexOf(s)], 0);
      for (const s of allowed) {
        x -= SITE_WEIGHTS[SITES.indexOf(s)];
        if (x <= 0) {
          chosen.add(s);
          break;
        }
      }
      if (x > 0) chosen.add(allowed[allowed.length - 1]);
    }
    return SITES.filter((s) => chosen.has(s));
  };
  const add = (p: Omit<CatalogueItem, 'key' | 'listPrice' | 'sold' | 'hue' | 'sites'> & { sites?: TrainingSite[] }): void => {
    const key = `it-${String(items.length + 1).padStart(5, '0')}`;
    const item: CatalogueItem = {
      key,
      ...p,
      sites: p.sites ?? pickSites(),
      listPrice: Math.round((p.price * (1 + rng.next() * 0.4)) / 1000) * 1000,
      sold: rng.chance(0.2) ? 0 : rng.int(1, 5000),
      hue: hashString(p.title) % 360,
    };
    item.removedAtStart = rng.chance(0.015) || undefined;
    item.relistedAtStart = (!item.removedAtStart && rng.chance(0.012)) || undefined;
    items.push(item);
  };
  const cityOutside = (region?: string[]): string => {
    const options = region ? BIG_CITIES.filter((c) => locationInRegion(region, c) === false) : BIG_CITIES;
    return rng.pick(options.length ? options : BIG_CITIES);
  };
  const poolSeller = (pool: keyof typeof SHOP_WORDS, region?: string[]): Seller => {
    const name = rng.pick(SHOP_WORDS[pool]);
    const key = `pool-${foldText(name).replace(/ /g, '-')}`;
    const existing = sellers.get(key);
    if (existing && (!region || locationInRegion(region, existing.location) === false)) return existing;
    if (existing) {
      // Same shop name in a region where it would count as inside: use a branch elsewhere instead.
      const alt = `${name} ${rng.pick(['HN', 'SG', 'Official', '2', 'Mall VN'])}`;
      return seller(`pool-${foldText(alt).replace(/ /g, '-')}`, alt, cityOutside(region));
    }
    return seller(key, name, pool === 'counterfeit' && rng.chance(0.15) ? 'Nước ngoài' : cityOutside(region));
  };

  // 1 - Marks.
  for (const right of input.marks) {
    const profile = profileFor(right);
    const times = (n: number): number => Math.max(1, Math.round(n * profile.weight));
    const priceOf = (g: MarkGoods, factor: [number, number]): number =>
      Math.max(10_000, Math.round((rng.price(g.price[0], g.price[1]) * (factor[0] + rng.next() * (factor[1] - factor[0]))) / 1000) * 1000);
    /** A title for goods `g`, every brand word written through `form` (identity, or a disguise). */
    const plainTitle = (g: MarkGoods, form: (word: string) => string, extra: string): string => {
      const noun = writeSign(g.noun, [profile.sign, right.name], form);
      return `${noun} ${rng.pick(g.models)} ${extra}`.replace(/\s+/g, ' ').trim();
    };
    const asIs = (w: string): string => w;
    const officialName = right.authorizedSellers?.find((s) => s.shopName)?.shopName ?? profile.official;
    if (officialName) {
      const off = seller(`official-${slugKey(right.id)}`, officialName, rng.pick(['TP. Hồ Chí Minh', 'Hà Nội']), true);
      for (let i = 0; i < times(3); i++) {
        const g = rng.pick(profile.goods);
        add({
          title: plainTitle(g, asIs, rng.pick(GENUINE_CUES)),
          description: `${off.name} - cửa hàng chính hãng của ${right.name}. ${rng.pick(GENUINE_CUES)}, đổi trả 15 ngày, bảo hành toàn quốc.`,
          price: priceOf(g, [1, 1]), brand: right.name, category: g.category, sellerKey: off.key, keywords: [],
          kind: 'official', infringing: false, rightIds: [right.id],
          sites: pickSites(['shopee', 'lazada', 'tiki']),
        });
      }
    }
    for (let i = 0; i < times(4); i++) {
      const g = rng.pick(profile.goods);
      const s = poolSeller('genuine');
      add({
        title: plainTitle(g, asIs, `${rng.pick(GENUINE_CUES)}`),
        description: `Hàng chính hãng ${right.name} nhập từ nhà phân phối, đủ hóa đơn, tem bảo hành. Shop ${s.name} cam kết hoàn tiền nếu không chính hãng.`,
        price: priceOf(g, [0.88, 1]), brand: right.name, category: g.category, sellerKey: s.key, keywords: [],
        kind: 'genuine', infringing: false, rightIds: [right.id],
      });
    }
    for (let i = 0; i < times(8); i++) {
      const g = rng.pick(profile.goods);
      const cue = rng.pick(COUNTERFEIT_CUES);
      const s = poolSeller('counterfeit');
      add({
        title: rng.chance(0.5) ? plainTitle(g, asIs, cue) : `[${cue.toUpperCase()}] ${plainTitle(g, asIs, '')}`,
        description: `Hàng ${cue}, giống auth 99%, full box phụ kiện. Giá rẻ hơn hàng chính hãng nhiều lần. Không bán cho người khó tính.`,
        price: priceOf(g, [0.12, 0.35]), brand: rng.chance(0.6) ? right.name : 'No Brand', category: g.category, sellerKey: s.key, keywords: [],
        kind: 'counterfeit', infringing: true, rightIds: [right.id],
      });
    }
    for (let i = 0; i < times(4); i++) {
      const g = rng.pick(profile.goods);
      const s = poolSeller('counterfeit');
      add({
        title: plainTitle(g, asIs, rng.pick(['giá rẻ', 'nam nữ', 'mới 2026', 'freeship', 'hot trend'])),
        description: 'Hàng đẹp như hình, giá tốt, giao hàng toàn quốc, cho kiểm tra trước khi thanh toán.',
        price: priceOf(g, [0.15, 0.4]), brand: rng.chance(0.5) ? right.name : 'OEM', category: g.category, sellerKey: s.key, keywords: [],
        kind: 'counterfeit_silent', infringing: true, rightIds: [right.id],
      });
    }
    const disguiseNames = Object.keys(DISGUISES);
    for (let i = 0; i < times(4); i++) {
      const g = rng.pick(profile.goods);
      const how = disguiseNames[(i + hashString(right.id)) % disguiseNames.length];
      const s = poolSeller('counterfeit');
      add({
        title: plainTitle(g, DISGUISES[how], rng.chance(0.5) ? rng.pick(COUNTERFEIT_CUES) : ''),
        description: `Mẫu mới về, chất lượng như ảnh. Inbox shop để xem ảnh thật. (${how === 'zeroWidth' ? 'tên viết liền' : 'hàng đẹp'})`,
        price: priceOf(g, [0.12, 0.35]), brand: 'OEM', category: g.category, sellerKey: s.key, keywords: [profile.sign],
        kind: 'disguised', infringing: true, rightIds: [right.id],
      });
    }
    for (const c of profile.compat ?? []) {
      for (let i = 0; i < times(1.5); i++) {
        const s = poolSeller('accessory');
        add({
          title: `${c.title}${i ? ` ${rng.pick(['loại tốt', 'nhiều màu', 'giá sỉ', 'bền đẹp'])}` : ''}`,
          description: `Phụ kiện của hãng thứ ba, tương thích với sản phẩm ${right.name}. Không phải sản phẩm của ${right.name}.`,
          price: rng.price(c.price[0], c.price[1]), brand: 'OEM', category: c.category, sellerKey: s.key, keywords: [],
          kind: 'compatibility', infringing: false, rightIds: [right.id],
        });
      }
    }
    for (const l of profile.lookalikes ?? []) {
      for (let i = 0; i < 2; i++) {
        const s = poolSeller('filler');
        add({
          title: l.title, description: `Sản phẩm ${l.brand}. ${rng.pick(['Hàng mới', 'Giao nhanh', 'Giá tốt'])}.`,
          price: rng.price(l.price[0], l.price[1]), brand: l.brand, category: l.category, sellerKey: s.key, keywords: [profile.sign],
          kind: 'lookalike', infringing: false, rightIds: [],
        });
      }
    }
  }

  // 2 - Geographical indications.
  for (const gi of input.gis) {
    const region = gi.region ?? [];
    const cleaned = gi.product ? cleanProduct(gi.product) : '';
    // A collective mark often names its product already ("Chè Thái Nguyên"): do not write it twice.
    const product = cleaned && !foldText(gi.name).includes(foldText(cleaned)) ? cleaned : '';
    const label = product ? `${product} ${gi.name}` : gi.name;
    const family = GI_FAMILIES.find((f) => f.test.test(foldText(cleaned || gi.name) + ' '))!;
    const folded = foldText(gi.name);
    const weight = TOP_GIS.includes(folded) ? 4 : POPULAR_GIS.some((p) => folded.includes(p)) ? 2 : 1;
    const inside = region.find((r) => locationInRegion(region, r) === true);
    const titleOf = (lead: string, pack = rng.pick(family.packs)): string => capitalise(`${product} ${lead} ${pack}`.replace(/\s+/g, ' ').trim());
    if (inside) {
      const producers = [0, 1].map((k) => {
        const name = k === 0 ? `HTX ${capitalise(label)}` : `Cơ sở ${rng.pick(SHOP_WORDS.family)} ${gi.name}`;
        return seller(`gi-${slugKey(gi.id)}-${k}`, name, inside);
      });
      for (let i = 0; i < 3 * weight; i++) {
        const s = producers[i % 2];
        add({
          title: titleOf(`${gi.name} ${rng.pick(['chính gốc', 'đặc sản', 'tem truy xuất nguồn gốc', 'chỉ dẫn địa lý'])}`),
          description: `${s.name} (${inside}) - đơn vị được phép sử dụng ${gi.kind === 'gi' ? 'chỉ dẫn địa lý' : 'nhãn hiệu tập thể'} "${gi.name}"${product ? ` cho ${product}` : ''}. Sản xuất và đóng gói tại ${inside}, có tem truy xuất nguồn gốc.`,
          price: rng.price(family.price[0], family.price[1]), brand: s.name, category: family.category, sellerKey: s.key, keywords: [],
          kind: 'gi_inside', infringing: false, rightIds: [gi.id],
        });
      }
    }
    for (let i = 0; i < 3 * weight; i++) {
      const s = poolSeller('specialty', region);
      add({
        title: titleOf(`${gi.name} ${rng.pick(['ngon', 'loại 1', 'giá sỉ', 'nhà làm', ''])}`),
        description: rng.chance(0.5)
          ? `Đóng gói tại kho ${s.location}. Giao nhanh 2h nội thành.`
          : `Sản phẩm sản xuất tại ${s.location}, hương vị như ${label}.`,
        price: rng.price(family.price[0] * 0.5, family.price[1] * 0.8), brand: 'Không thương hiệu', category: family.category, sellerKey: s.key, keywords: [],
        kind: 'gi_outside_region', infringing: true, rightIds: [gi.id],
      });
    }
    for (let i = 0; i < Math.max(1, Math.round(1.5 * weight)); i++) {
      const s = poolSeller('specialty', region);
      const q = rng.pick(GI_QUALIFIERS);
      add({
        title: rng.chance(0.2) ? `${capitalise(product)} ${gi.name} style ${rng.pick(family.packs)}` : titleOf(`${q} ${gi.name}`),
        description: `${capitalise(product || 'Sản phẩm')} làm theo ${q} ${gi.name}, giá mềm hơn hàng vùng. Đóng gói tại ${s.location}.`,
        price: rng.price(family.price[0] * 0.4, family.price[1] * 0.6), brand: 'Không thương hiệu', category: family.category, sellerKey: s.key, keywords: [],
        kind: 'gi_qualifier', infringing: true, rightIds: [gi.id],
      });
    }
  }

  // 3 - Homonyms and filler.
  for (const h of HOMONYMS) {
    for (const title of h.titles) {
      for (let i = 0; i < 3; i++) {
        const s = poolSeller(rng.chance(0.5) ? 'filler' : 'specialty');
        add({
          title: i ? `${title} ${rng.pick(['giá tốt', 'hàng mới', 'giao nhanh'])}` : title,
          description: `${title}. Sản phẩm không liên quan đến chỉ dẫn địa lý nào; "${h.place}" ở đây là tên món, tên địa danh hoặc địa chỉ.`,
          price: rng.price(h.price[0], h.price[1]), brand: 'Không thương hiệu', category: h.category, sellerKey: s.key, keywords: [],
          kind: 'homonym', infringing: false, rightIds: [],
        });
      }
    }
  }
  for (const f of FILLER) {
    for (let i = 0; i < 12; i++) {
      const s = poolSeller('filler');
      add({
        title: i ? `${f.title} ${rng.pick(['loại tốt', 'giá rẻ', 'mẫu mới', 'nhiều màu', 'chính hãng', 'bảo hành 6 tháng'])}` : f.title,
        description: `${f.title}. Hàng có sẵn, giao toàn quốc.`,
        price: rng.price(f.price[0], f.price[1]), brand: 'OEM', category: f.category, sellerKey: s.key, keywords: [],
        kind: 'filler', infringing: false, rightIds: [],
      });
    }
  }

  // 4 - A hostile seller: markup in the title and description must show as text everywhere.
  const firstMark = input.marks.find((m) => foldText(m.name) === 'nike') ?? input.marks[0];
  if (firstMark) {
    const s = seller('hostile-1', 'Shop "><svg onload=alert(2)>', 'TP. Hồ Chí Minh');
    const sign = profileFor(firstMark).sign;
    add({
      title: `<img src=x onerror=alert(1)> Giày ${sign} rep 1:1`,
      description: '<script>alert("xss")</script> Hàng siêu cấp, </script><b>đẹp</b>',
      price: 350_000, brand: sign, category: SHOES_CATEGORY, sellerKey: s.key, keywords: [],
      kind: 'counterfeit', infringing: true, rightIds: [firstMark.id], sites: [...SITES],
    });
    items[items.length - 1].removedAtStart = undefined;
    items[items.length - 1].relistedAtStart = undefined;
  }

  // 5 - A title that names several marks ("Apple iPhone", "Trung Nguyên G7") uses each of them.
  const markWords = input.marks.map((m) => ({ id: m.id, words: ` ${foldText(m.name)} ` })).filter((m) => m.words.trim().length > 1);
  const MARK_KINDS: ListingKind[] = ['official', 'genuine', 'counterfeit', 'counterfeit_silent', 'compatibility'];
  for (const it of items) {
    if (!MARK_KINDS.includes(it.kind)) continue;
    const title = ` ${foldText(it.title)} `;
    for (const m of markWords) if (title.includes(m.words) && !it.rightIds.includes(m.id)) it.rightIds.push(m.id);
  }

  return Catalogue.parse({
    version: 1,
    seed,
    rightsSource: input.source,
    rights: [...input.marks, ...input.gis].map((r) => ({ id: r.id, kind: r.kind, name: r.name, ...(r.product ? { product: r.product } : {}) })),
    sellers: [...sellers.values()],
    items,
  });
}

const SHOES_CATEGORY = ['Thời trang', 'Giày dép', 'Giày thể thao'];

function profileFor(right: RegisterRight): MarkProfile {
  const names = [right.name, ...(right.aliases ?? [])].map((n) => foldText(n));
  for (const n of names) {
    const p = MARK_PROFILES[n] ?? MARK_PROFILES[n.replace(/ /g, '')];
    if (p) return p;
  }
  const cls = (right.niceClasses ?? []).find((c) => GOODS_BY_NICE_CLASS[c]) ?? 25;
  const goods = GOODS_BY_NICE_CLASS[cls];
  return { sign: right.name, weight: 0.4, goods: [goods] };
}

/** The goods noun with each brand word passed through `form`; the sign is appended when the noun has none. */
function writeSign(noun: string, signs: string[], form: (word: string) => string): string {
  const pattern = new RegExp(signs.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  if (!pattern.test(noun)) return `${noun} ${form(signs[0])}`;
  return noun.replace(pattern, (w) => form(w));
}

function slugKey(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PRODUCT_NAMES: Record<string, string> = {
  'cua (cua bien)': 'cua biển',
  'yen sao (to yen)': 'yến sào',
  'dua xiem xanh (dua uong nuoc)': 'dừa xiêm xanh',
  'xoai (cat chu, cat)': 'xoài cát',
  'khom (dua)': 'khóm',
};

/** A GI's product as a seller would write it ("chè (green tea)" → "chè"). */
export function cleanProduct(product: string): string {
  const known = PRODUCT_NAMES[foldText(product).replace(/ /g, ' ')] ?? PRODUCT_NAMES[product.normalize('NFKD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase()];
  if (known) return known;
  return product
    .replace(/\s*\((?:[A-Za-z ]+)\)/g, '')
    .replace(/\(([^)]*)\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Counts by kind, site and infringing, for reports and the README. */
export function summariseCatalogue(c: Catalogue): { items: number; listings: number; byKind: Record<string, number>; bySite: Record<string, number>; infringingListings: number } {
  const byKind: Record<string, number> = {};
  const bySite: Record<string, number> = {};
  let listings = 0;
  let infringingListings = 0;
  for (const it of c.items) {
    byKind[it.kind] = (byKind[it.kind] ?? 0) + it.sites.length;
    for (const s of it.sites) bySite[s] = (bySite[s] ?? 0) + 1;
    listings += it.sites.length;
    if (it.infringing) infringingListings += it.sites.length;
  }
  return { items: c.items.length, listings, byKind, bySite, infringingListings };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : undefined;
  const catalogue = buildCatalogue(readRegisterForCatalogue(), seed);
  mkdirSync(DEFAULT_CATALOGUE_DIR, { recursive: true });
  const out = join(DEFAULT_CATALOGUE_DIR, 'catalogue.json');
  writeFileSync(out, JSON.stringify(catalogue) + '\n');
  console.log(`wrote ${out}`, JSON.stringify(summariseCatalogue(catalogue), null, 1));
}
