/**
 * Disguised signs, the way sellers write them to slip past keyword filters: dotted ("N.i.k.e"),
 * spaced, full-width ("Ｖｉｎａｍｉｌｋ"), mathematical bold ("𝐍𝐢𝐤𝐞"), Cyrillic or Greek look-alike
 * letters, digits for letters ("Sams0ng"), zero-width characters, a doubled letter ("Panasonicc"), one
 * wrong letter in a long name, a dot, hyphen or space inside the name, diacritics dropped from a place
 * name. Every disguise is a pure function of the text and a seeded random source, so the quality set
 * (`disguised.jsonl`) and the matcher's property tests can reuse exactly the same generator.
 *
 * `node bin/run-ts.js tests/quality/disguise.ts --write` regenerates the generated lines of
 * disguised.jsonl from the bundled register (seed 20260522) and keeps the hand-written lines.
 */
import type { Right } from '../../shared/schema/index.ts';

/** A seeded random source returning numbers in [0, 1). */
export type Rng = () => number;

/** Mulberry32: small, fast, deterministic for a given seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string (32 bits), to derive a per-item seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Indices of the ASCII letters in a string (the places a disguise may touch). */
function letterIndices(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (/[A-Za-z]/.test(s[i]!)) out.push(i);
  return out;
}

/** Letters of a word (by code point, combining marks kept with their base after NFD). */
function graphemes(word: string): string[] {
  return word.normalize('NFC').match(/\P{M}\p{M}*/gu) ?? [];
}

const CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', s: 'ѕ', j: 'ј',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', S: 'Ѕ',
};
const GREEK: Record<string, string> = {
  A: 'Α', B: 'Β', E: 'Ε', H: 'Η', I: 'Ι', K: 'Κ', M: 'Μ', N: 'Ν', O: 'Ο', P: 'Ρ', T: 'Τ', X: 'Χ', Y: 'Υ', Z: 'Ζ',
  o: 'ο', v: 'ν', i: 'ι',
};
const DIGITS: Record<string, string> = { o: '0', O: '0', i: '1', I: '1', l: '1', e: '3', E: '3', a: '4', A: '4', s: '5', S: '5' };
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

/** Map each ASCII letter/digit through an offset table (full-width, mathematical alphabets). */
function mapAlphabet(s: string, upper: number, lower: number, digit?: number): string {
  return [...s.normalize('NFD')]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c >= 65 && c <= 90) return String.fromCodePoint(upper + c - 65);
      if (c >= 97 && c <= 122) return String.fromCodePoint(lower + c - 97);
      if (digit !== undefined && c >= 48 && c <= 57) return String.fromCodePoint(digit + c - 48);
      return ch;
    })
    .join('');
}

/** Replace 1–2 letters that have a look-alike in `table`; undefined when none has. */
function swapLetters(s: string, table: Record<string, string>, rng: Rng, max = 2): string | undefined {
  const chars = [...s];
  const candidates = chars.map((c, i) => (table[c] ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return undefined;
  const n = Math.min(candidates.length, 1 + Math.floor(rng() * max));
  for (let k = 0; k < n; k++) {
    const at = candidates.splice(Math.floor(rng() * candidates.length), 1)[0]!;
    chars[at] = table[chars[at]!]!;
  }
  return chars.join('');
}

/** Insert `sep` at one inner position of the longest word (a dot, hyphen or space inside a name). */
function splitInside(s: string, sep: string, rng: Rng): string | undefined {
  const words = s.split(' ');
  const longest = words.reduce((best, w, i) => (graphemes(w).length > graphemes(words[best]!).length ? i : best), 0);
  const g = graphemes(words[longest]!);
  if (g.length < 4) return undefined;
  const at = 2 + Math.floor(rng() * (g.length - 3));
  words[longest] = g.slice(0, at).join('') + sep + g.slice(at).join('');
  return words.join(' ');
}

const KEY_NEIGHBOURS: Record<string, string> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
  m: 'n', n: 'bm', o: 'ip', p: 'o', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One wrong letter (substitution by a neighbouring key, deletion or swap) inside a long name. */
function misspell(s: string, rng: Rng): string | undefined {
  // Only letters inside a word (not its first or last letter) are changed.
  const idx = letterIndices(s).filter((i) => i > 0 && i < s.length - 1 && /\p{L}/u.test(s[i - 1]!) && /\p{L}/u.test(s[i + 1]!));
  if (letterIndices(s).length < 7 || idx.length === 0) return undefined;
  const at = pick(rng, idx);
  const kind = Math.floor(rng() * 3);
  const ch = s[at]!;
  if (kind === 0) {
    const lower = ch.toLowerCase();
    const repl = pick(rng, [...(KEY_NEIGHBOURS[lower] ?? 'e')]);
    return s.slice(0, at) + (ch === lower ? repl : repl.toUpperCase()) + s.slice(at + 1);
  }
  if (kind === 1) return s.slice(0, at) + s.slice(at + 1);
  const next = s[at + 1];
  if (!next || !/[A-Za-z]/.test(next) || next === ch) return s.slice(0, at) + s.slice(at + 1);
  return s.slice(0, at) + next + ch + s.slice(at + 2);
}

/** The disguises, by name. Each returns undefined when it cannot apply to the text. */
export const DISGUISES = {
  dotted: (s: string) => s.split(' ').map((w) => graphemes(w).join('.')).join(' '),
  spaced: (s: string) => s.split(' ').map((w) => graphemes(w).join(' ')).join('  '),
  fullwidth: (s: string) => mapAlphabet(s, 0xff21, 0xff41, 0xff10).normalize('NFC'),
  mathBold: (s: string) => mapAlphabet(s, 0x1d400, 0x1d41a, 0x1d7ce),
  mathSansBold: (s: string) => mapAlphabet(s, 0x1d5d4, 0x1d5ee, 0x1d7ec),
  cyrillic: (s: string, rng: Rng) => swapLetters(s, CYRILLIC, rng),
  greek: (s: string, rng: Rng) => swapLetters(s.toUpperCase() === s ? s : s.toUpperCase(), GREEK, rng),
  digits: (s: string, rng: Rng) => swapLetters(s, DIGITS, rng, 1),
  zeroWidth: (s: string, rng: Rng) => {
    const g = graphemes(s);
    if (g.length < 3) return undefined;
    const at = 1 + Math.floor(rng() * (g.length - 2));
    return g.slice(0, at).join('') + pick(rng, ZERO_WIDTH) + g.slice(at).join('');
  },
  doubled: (s: string, rng: Rng) => {
    // Sellers double a letter inside or at the end of a word ("Adidass"), not its first letter.
    const idx = letterIndices(s).filter((i) => i > 0 && /\p{L}/u.test(s[i - 1]!));
    if (idx.length < 4) return undefined;
    const at = pick(rng, idx);
    return s.slice(0, at + 1) + s[at] + s.slice(at + 1);
  },
  misspelled: misspell,
  innerDot: (s: string, rng: Rng) => splitInside(s, '.', rng),
  innerHyphen: (s: string, rng: Rng) => splitInside(s, '-', rng),
  innerSpace: (s: string, rng: Rng) => splitInside(s, ' ', rng),
  noDiacritics: (s: string) => {
    const out = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    return out === s ? undefined : out;
  },
} satisfies Record<string, (s: string, rng: Rng) => string | undefined>;

/** The name of one disguise. */
export type DisguiseName = keyof typeof DISGUISES;

/** Every disguise name, in a fixed order. */
export const DISGUISE_NAMES = Object.keys(DISGUISES) as DisguiseName[];

/** Apply one disguise to a sign; undefined when it does not apply (e.g. no letter with a look-alike). */
export function disguise(sign: string, how: DisguiseName, rng: Rng): string | undefined {
  const out = DISGUISES[how](sign, rng);
  return out === undefined || out === sign ? undefined : out;
}

/** One disguised title with the rights it must still be found to reference. */
export interface DisguisedCase {
  id: string;
  title: string;
  rights: string[];
  how: string;
  source: 'generated' | 'hand';
  note?: string;
}

/** What the goods of a demo mark are called in a Vietnamese listing (so the goods fit the mark). */
const MARK_GOODS: Record<string, string[]> = {
  'mark-nike': ['Giày thể thao', 'Áo thun thể thao'], 'mark-jordan': ['Giày bóng rổ', 'Giày sneaker cổ cao'],
  'mark-adidas': ['Giày chạy bộ', 'Quần short thể thao'], 'mark-puma': ['Giày thể thao', 'Áo polo'],
  'mark-converse': ['Giày vải cổ cao'], 'mark-vans': ['Giày trượt ván'], 'mark-new-balance': ['Giày chạy bộ'],
  'mark-mlb': ['Mũ lưỡi trai', 'Áo thun oversize'], 'mark-supreme': ['Áo hoodie', 'Túi đeo chéo'],
  'mark-gucci': ['Túi xách nữ', 'Thắt lưng nam'], 'mark-louis-vuitton': ['Túi xách nữ', 'Ví da nam'],
  'mark-chanel': ['Túi xách nữ', 'Nước hoa nữ'], 'mark-dior': ['Son môi', 'Túi đeo vai'],
  'mark-hermes': ['Thắt lưng da', 'Túi xách'], 'mark-prada': ['Túi xách', 'Kính mát'],
  'mark-balenciaga': ['Giày sneaker', 'Túi xách'], 'mark-burberry': ['Khăn choàng', 'Áo khoác'],
  'mark-versace': ['Kính mát', 'Nước hoa'], 'mark-ysl': ['Son kem', 'Túi xách'],
  'mark-rolex': ['Đồng hồ nam', 'Đồng hồ cơ'], 'mark-omega': ['Đồng hồ nam'], 'mark-casio': ['Đồng hồ điện tử', 'Máy tính bỏ túi'],
  'mark-citizen': ['Đồng hồ nữ'], 'mark-daniel-wellington': ['Đồng hồ nữ dây da'], 'mark-swarovski': ['Dây chuyền pha lê'],
  'mark-ray-ban': ['Kính mát nam'], 'mark-apple': ['Đồng hồ thông minh', 'Máy tính bảng'], 'mark-iphone': ['Điện thoại'],
  'mark-ipad': ['Máy tính bảng'], 'mark-macbook': ['Laptop'], 'mark-airpods': ['Tai nghe không dây'],
  'mark-samsung': ['Điện thoại', 'Tivi 4K'], 'mark-lg': ['Tivi', 'Máy giặt'], 'mark-sony': ['Tai nghe chụp tai', 'Tivi'],
  'mark-panasonic': ['Nồi cơm điện', 'Máy sấy tóc'], 'mark-xiaomi': ['Điện thoại', 'Robot hút bụi'],
  'mark-sharp': ['Máy lọc không khí', 'Nồi cơm điện'], 'mark-toshiba': ['Tủ lạnh', 'Nồi cơm điện'],
  'mark-hitachi': ['Máy hút bụi'], 'mark-philips': ['Máy cạo râu', 'Bóng đèn LED'], 'mark-electrolux': ['Máy giặt', 'Máy hút bụi'],
  'mark-bosch': ['Máy khoan', 'Máy rửa bát'], 'mark-canon': ['Máy ảnh', 'Mực máy in'], 'mark-jbl': ['Loa bluetooth', 'Tai nghe'],
  'mark-tiger': ['Nồi cơm điện', 'Bình thủy điện'], 'mark-supor': ['Chảo chống dính', 'Nồi áp suất'],
  'mark-ugreen': ['Cáp sạc nhanh', 'Bộ chia cổng USB'], 'mark-anker': ['Sạc dự phòng', 'Củ sạc nhanh'],
  'mark-baseus': ['Cáp sạc', 'Giá đỡ điện thoại ô tô'], 'mark-comet': ['Nồi chiên không dầu', 'Bình đun siêu tốc'],
  'mark-tefal': ['Chảo chống dính', 'Bàn ủi hơi nước'], 'mark-lock-lock': ['Hộp đựng thực phẩm', 'Bình giữ nhiệt'],
  'mark-lego': ['Đồ chơi lắp ráp'], 'mark-dove': ['Sữa tắm', 'Dầu gội'], 'mark-clear': ['Dầu gội sạch gàu'],
  'mark-omo': ['Bột giặt', 'Nước giặt'], 'mark-comfort': ['Nước xả vải'], 'mark-tide': ['Bột giặt'],
  'mark-colgate': ['Kem đánh răng'], 'mark-ohui': ['Kem dưỡng da', 'Bộ dưỡng da'], 'mark-whoo': ['Bộ dưỡng da', 'Kem mắt'],
  'mark-innisfree': ['Sữa rửa mặt trà xanh', 'Kem dưỡng ẩm'], 'mark-la-roche-posay': ['Kem chống nắng', 'Nước tẩy trang'],
  'mark-loreal': ['Nước tẩy trang', 'Dầu gội'], 'mark-nivea': ['Lăn khử mùi', 'Kem dưỡng thể'],
  'mark-eucerin': ['Sữa rửa mặt', 'Kem dưỡng'], 'mark-vichy': ['Kem chống nắng', 'Xịt khoáng'],
  'mark-bioderma': ['Nước tẩy trang'], 'mark-cocoon': ['Tẩy da chết', 'Son dưỡng môi'], 'mark-dhc': ['Viên uống collagen', 'Son dưỡng'],
  'mark-vinamilk': ['Sữa tươi', 'Sữa bột'], 'mark-th-true-milk': ['Sữa tươi tiệt trùng', 'Sữa chua uống'],
  'mark-morinaga': ['Sữa bột trẻ em'], 'mark-milo': ['Thức uống lúa mạch', 'Sữa'], 'mark-nescafe': ['Cà phê hòa tan'],
  'mark-trung-nguyen': ['Cà phê rang xay'], 'mark-g7': ['Cà phê hòa tan 3in1'], 'mark-vinacafe': ['Cà phê sữa hòa tan'],
  'mark-vifon': ['Phở ăn liền', 'Mì ăn liền'], 'mark-hao-hao': ['Mì tôm chua cay', 'Thùng mì'],
  'mark-chinsu': ['Tương ớt', 'Nước tương'], 'mark-nam-ngu': ['Nước mắm'], 'mark-bitis': ['Giày thể thao', 'Dép quai hậu'],
  'mark-kangaroo': ['Máy lọc nước RO', 'Lõi lọc nước'], 'mark-sunhouse': ['Nồi cơm điện', 'Bộ nồi inox'],
  'mark-karofi': ['Máy lọc nước'], 'mark-dien-quang': ['Bóng đèn LED', 'Đèn bàn'], 'mark-rang-dong': ['Bóng đèn LED', 'Phích nước'],
  'mark-thien-long': ['Bút bi', 'Bút gel'], 'mark-hong-ha': ['Vở kẻ ngang', 'Bút máy'], 'mark-pnj': ['Nhẫn vàng', 'Bông tai bạc'],
};

const SUFFIXES = ['chính hãng', 'hàng mới 2024', 'giá rẻ', 'freeship toàn quốc', 'hàng siêu cấp', 'loại 1', 'bảo hành 12 tháng', 'full box', 'sale sốc', ''];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The goods phrase, the sign to disguise and the text after it, for one right. */
function titleParts(right: Right, rng: Rng): { before: string; sign: string; after: string } | undefined {
  const suffix = pick(rng, SUFFIXES);
  if (right.kind === 'mark') {
    const goods = MARK_GOODS[right.id];
    if (!goods) return undefined;
    return { before: `${pick(rng, goods)} `, sign: right.name, after: suffix ? ` ${suffix}` : '' };
  }
  const product = right.product ?? '';
  // A collective mark often is "<product> <place>": disguise the place, keep the product readable.
  if (product && right.name.toLowerCase().startsWith(product.toLowerCase())) {
    return { before: `${right.name.slice(0, product.length)} `, sign: right.name.slice(product.length).trim(), after: suffix ? ` ${suffix}` : '' };
  }
  if (!product) return undefined;
  return { before: `${capitalise(product.replace(/\s*\(.*\)$/, ''))} `, sign: right.name, after: suffix ? ` ${suffix}` : '' };
}

/** Disguises that make sense for a sign of this length and kind (no misspelling of short names). */
function applicable(sign: string, right: Right): DisguiseName[] {
  const letters = sign.replace(/[^\p{L}]/gu, '').length;
  return DISGUISE_NAMES.filter((how) => {
    if (letters <= 3) return ['dotted', 'spaced', 'fullwidth', 'mathBold', 'cyrillic', 'zeroWidth'].includes(how);
    if (how === 'misspelled') return right.kind === 'mark' ? letters >= 7 : letters >= 10;
    if (how === 'noDiacritics') return right.kind !== 'mark';
    if (how === 'greek') return right.kind === 'mark';
    // Sellers split foreign names ("Sam sung"), not Vietnamese syllables.
    if (how === 'innerSpace') return right.kind === 'mark' && /^[\x20-\x7e]+$/.test(sign);
    return true;
  });
}

/** Generate `perRight` disguised titles for every right the generator knows goods for (seeded, stable). */
export function generateDisguisedTitles(rights: Right[], opts: { seed?: number; perRight?: number } = {}): DisguisedCase[] {
  const seed = opts.seed ?? 20260522;
  const perRight = opts.perRight ?? 2;
  const out: DisguisedCase[] = [];
  for (const right of rights) {
    // One random stream per right, so adding a right to the register leaves the others' lines as they are.
    const rng = seededRng(seed ^ fnv1a(right.id));
    const parts = titleParts(right, rng);
    if (!parts || !parts.sign) continue;
    const choices = applicable(parts.sign, right);
    const used = new Set<DisguiseName>();
    for (let tries = 0; used.size < perRight && tries < 20; tries++) {
      const how = pick(rng, choices);
      if (used.has(how)) continue;
      const disguised = disguise(parts.sign, how, rng);
      if (!disguised) continue;
      used.add(how);
      out.push({ id: `gen-${right.id}-${how}`, title: `${parts.before}${disguised}${parts.after}`, rights: [right.id], how, source: 'generated' });
    }
  }
  return out;
}

async function writeGenerated(): Promise<void> {
  const { readFileSync, writeFileSync, existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const { loadBundledRegister } = await import('../../shared/register/bundled.ts');
  const file = fileURLToPath(new URL('./disguised.jsonl', import.meta.url));
  const hand = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && (JSON.parse(l) as DisguisedCase).source === 'hand')
    : [];
  const generated = generateDisguisedTitles(loadBundledRegister()).map((c) => JSON.stringify(c));
  writeFileSync(file, [...hand, ...generated].join('\n') + '\n');
  console.log(`disguised.jsonl: ${hand.length} hand-written + ${generated.length} generated lines`);
}

if (process.argv.includes('--write') && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  await writeGenerated();
}
