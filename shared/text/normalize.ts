/**
 * Span-preserving normalisation of Vietnamese listing text. Every token keeps the offsets of the
 * original characters it came from, so a hit found on "nike" can report the exact "𝐍.𝐢.𝐤.𝐞" the seller
 * wrote. Per character: Unicode NFKC (fancy and full-width letters), look-alike letters (Cyrillic,
 * Greek), invisible characters dropped, decorative combining marks dropped; per token: a folded form
 * (lower case, no diacritics) for matching, an accented form (lower case, Vietnamese marks kept) so
 * rules can tell "Huế" from "Huệ", and digit-for-letter readings ("Sams0ng" → "samsong"). Separators
 * inside words ("N.i.k.e", "V_i_n_a") are recorded as gaps between tokens so the matcher can join
 * them again. Pure: runs in Node and in the browser.
 */
import { DIGIT_LETTERS, DIGIT_ONE_AS_L, IN_WORD_SEPARATORS, isInvisible, LOOKALIKE_CAPITALS, LOOKALIKE_LETTERS, VIETNAMESE_MARKS } from './lookalikes.ts';

/** What lies between a token and the one before it. */
export type Gap = 'start' | 'inword' | 'space' | 'hard';

/** One word of the text, with its span in the original string. */
export interface TextToken {
  /** Offset of the first original UTF-16 code unit. */
  start: number;
  /** Offset just after the last original code unit. */
  end: number;
  /** Lower case, diacritics removed (đ → d), look-alikes and fancy letters mapped to Latin. */
  folded: string;
  /** Lower case with the Vietnamese diacritics kept (NFC). */
  accented: string;
  /** Readings with digits/symbols taken as letters ("sams0ng" → "samsong"); empty when none. */
  alts: string[];
  /** Every letter was upper case in the original. */
  upper: boolean;
  /** Carries Vietnamese diacritics or đ. */
  toned: boolean;
  /**
   * Its diacritics (or their absence) are meant: the token is toned, or the text around it is written
   * with diacritics, so an unmarked "Trung" is not "trứng".
   */
  strict: boolean;
  /** Written with look-alike, fancy or full-width letters, invisible characters or decoration. */
  disguised: boolean;
  /** What separates this token from the previous one. */
  gapBefore: Gap;
  /** The hard gap before this token is only commas, slashes or semicolons (a list: "LG, Sony"). */
  listGap?: boolean;
  /** The hard gap before this token is a dash between spaces (" – "), as inside "Bà Rịa – Vũng Tàu". */
  dashGap?: boolean;
  /** When the token ends in digits after letters ("iphone14"): where the digits start in the original. */
  digitTailStart?: number;
  /** The folded letters before that digit tail ("iphone"). */
  letterHead?: string;
}

/** A normalised text: the original and its tokens. */
export interface NormalizedText {
  original: string;
  tokens: TextToken[];
}

type CharKind = 'letter' | 'digit' | 'mark' | 'invisible' | 'space' | 'inword' | 'hard' | 'symbol';

interface CharInfo {
  kind: CharKind;
  folded: string;
  accented: string;
  upper: boolean;
  toned: boolean;
  trick: boolean;
  /** Its folded form has a digit or a symbol read as a letter: only a token with one can have digit readings. */
  digitLike: boolean;
  /** Its accented form is its folded form (no diacritics to keep). */
  plain: boolean;
}

const cache = new Map<number, CharInfo>();
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;

function foldLetter(lower: string): string {
  let out = '';
  for (const c of lower.normalize('NFD')) {
    if (MARK.test(c)) continue;
    const mapped = c === 'đ' ? 'd' : (LOOKALIKE_LETTERS[c] ?? c);
    out += mapped;
  }
  return out;
}

function classify(cp: number): CharInfo {
  const info = classifyKind(cp) as CharInfo;
  info.digitLike = HAS_DIGIT.test(info.folded);
  info.plain = info.accented === info.folded;
  return info;
}

function classifyKind(cp: number): Omit<CharInfo, 'digitLike' | 'plain'> {
  const ch = String.fromCodePoint(cp);
  if (isInvisible(cp)) return { kind: 'invisible', folded: '', accented: '', upper: false, toned: false, trick: true };
  if (MARK.test(ch)) {
    const viet = VIETNAMESE_MARKS.has(cp);
    return { kind: 'mark', folded: '', accented: viet ? ch : '', upper: false, toned: viet, trick: !viet };
  }
  const capital = LOOKALIKE_CAPITALS[ch];
  if (capital !== undefined) {
    const lower = capital.toLowerCase();
    return { kind: 'letter', folded: lower, accented: lower, upper: true, toned: false, trick: true };
  }
  const nfkc = ch.normalize('NFKC');
  const first = nfkc.codePointAt(0) ?? cp;
  const firstCh = String.fromCodePoint(first);
  if (SPACE.test(ch) || (nfkc.trim() === '' && nfkc.length > 0)) return { kind: 'space', folded: '', accented: '', upper: false, toned: false, trick: false };
  if (LETTER.test(firstCh)) {
    const lower = nfkc.toLowerCase();
    let accented = '';
    for (const c of lower) accented += LOOKALIKE_LETTERS[c] ?? c;
    const folded = foldLetter(lower);
    const upper = nfkc !== lower;
    const lookalike = [...lower].some((c) => LOOKALIKE_LETTERS[c] !== undefined);
    const latinLike = /^[\p{Script=Latin}]+$/u.test(folded) || lookalike;
    if (!latinLike) return { kind: 'letter', folded: lower, accented: lower, upper, toned: false, trick: false };
    const toned = accented.normalize('NFC') !== folded;
    return { kind: 'letter', folded, accented, upper, toned, trick: nfkc !== ch.normalize('NFC') || lookalike };
  }
  if (DIGIT.test(firstCh)) {
    const digits = nfkc.replace(/\D/gu, '') || nfkc;
    return { kind: 'digit', folded: digits, accented: digits, upper: false, toned: false, trick: nfkc !== ch };
  }
  if (ch === '@' || ch === '$' || ch === '!' || ch === '|') return { kind: 'symbol', folded: ch, accented: ch, upper: false, toned: false, trick: true };
  if (IN_WORD_SEPARATORS.has(nfkc)) return { kind: 'inword', folded: '', accented: '', upper: false, toned: false, trick: false };
  return { kind: 'hard', folded: '', accented: '', upper: false, toned: false, trick: false };
}

const table: Array<CharInfo | undefined> = new Array(0x3000);

function charInfo(cp: number): CharInfo {
  if (cp < 0x3000) {
    let info = table[cp];
    if (info === undefined) table[cp] = info = classify(cp);
    return info;
  }
  let info = cache.get(cp);
  if (info === undefined) {
    info = classify(cp);
    if (cache.size < 20_000) cache.set(cp, info);
  }
  return info;
}

const HAS_DIGIT = /[0-9@$!|]/;
const QUANTITY = /^[0-9]+([a-z]{1,4})$/;
const UNITS = new Set(['ml', 'l', 'g', 'gr', 'kg', 'mg', 'gb', 'mb', 'tb', 'w', 'kw', 'v', 'mah', 'cm', 'mm', 'm', 'k', 'p', 'hz', 'inch', 'in', 'h', 's', 'pcs', 'x', 'lit', 'mp', 'fps', 'c', 'oz', 'ft', 'd', 'th', 'st', 'nd', 'rd']);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014]);
const NO_READINGS: string[] = [];

/** A token with its digits and symbols read as letters, "1" and "!" as `one` ("n1ke" → "nike"). */
function readAsLetters(s: string, one: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const d = s[k];
    const c = s.charCodeAt(k);
    const digitLike = (c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24 || c === 0x21 || c === 0x7c;
    out += !digitLike ? d : d === '1' || d === '!' ? one : d === '|' ? 'l' : (DIGIT_LETTERS[d] ?? d);
  }
  return out;
}

/** Digit-for-letter readings of a folded token that mixes letters and digits ("sams0ng" → "samsong", "kangar00" → "kangaroo"), or [] when it does not. */
export function digitReadings(folded: string): string[] {
  // one pass: letters a-z, digits and the symbols read as letters; anything else means no readings
  let letters = 0;
  let digits = 0;
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) letters++;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24 || c === 0x21 || c === 0x7c) digits++;
    else return NO_READINGS;
  }
  if (digits === 0 || letters < 2) return NO_READINGS;
  const unit = QUANTITY.exec(folded);
  if (unit !== null && UNITS.has(unit[1])) return NO_READINGS; // "500ml", "32gb", "2kg": a quantity and its unit
  const out: string[] = [];
  // the whole token, then without a trailing model number ("n1ke23" → "nike")
  const core = folded.replace(/[0-9]+$/, '');
  for (const s of new Set([folded, core])) {
    if (!/[0-9@$!|]/.test(s) || s.replace(/[^a-z]/g, '').length < 2) continue;
    for (const one of s.includes('1') || s.includes('!') ? ['i', DIGIT_ONE_AS_L] : ['i']) {
      const r = readAsLetters(s, one);
      if (!/[0-9]/.test(r) && !out.includes(r)) out.push(r);
    }
  }
  return out.length > 0 ? out : NO_READINGS;
}

/** The reading of a token with its capital I's (after small letters) as l: "chanei" → "chanel". */
function capitalILReading(folded: string, at: readonly number[]): string {
  let out = folded;
  for (const k of at) out = out.slice(0, k) + 'l' + out.slice(k + 1);
  return out;
}

/** Normalise a text into tokens that keep their original spans (see the module comment). */
export function normalizeText(text: string): NormalizedText {
  const tokens: TextToken[] = [];
  let gap: Gap = 'start';
  // the token being read (tStart < 0: none)
  let tStart = -1;
  let tEnd = 0;
  let folded = '';
  // the accented form is only built once it differs from the folded one (most words have no diacritics)
  let accented = '';
  let accentedIsFolded = true;
  let digitLike = false;
  let letters = 0;
  let uppers = 0;
  let toned = false;
  let trick = false;
  let marks = false;
  let tailStart = -1;
  let tailAt = 0;
  let listOnly = true;
  let dashOnly = false;
  let lastLower = false;
  let capitalI: number[] = [];
  const flush = () => {
    if (tStart < 0) return;
    if (folded.length > 0) {
      const readings = digitLike ? digitReadings(folded) : NO_READINGS;
      const token: TextToken = {
        start: tStart,
        end: tEnd,
        folded,
        accented: accentedIsFolded ? folded : marks ? accented.normalize('NFC') : accented,
        alts: capitalI.length > 0 && capitalI.length < letters - 1 ? [...readings, capitalILReading(folded, capitalI)] : readings,
        upper: letters > 0 && uppers === letters,
        toned,
        strict: toned,
        disguised: trick,
        gapBefore: tokens.length === 0 ? 'start' : gap,
        // every token has every field, so code reading tokens sees one object shape
        listGap: undefined,
        dashGap: undefined,
        digitTailStart: undefined,
        letterHead: undefined,
      };
      if (token.gapBefore === 'hard' && listOnly) token.listGap = true;
      if (token.gapBefore === 'hard' && dashOnly) token.dashGap = true;
      listOnly = true;
      dashOnly = false;
      if (tailStart >= 0 && tailAt >= 2) {
        const head = folded.slice(0, tailAt);
        if (/^[a-z]+$/.test(head)) {
          token.digitTailStart = tailStart;
          token.letterHead = head;
        }
      }
      tokens.push(token);
      gap = 'inword';
    }
    tStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.charCodeAt(i) < 0xd800 ? text.charCodeAt(i) : text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const info = charInfo(cp);
    const kind = info.kind;
    if (kind === 'letter' || kind === 'digit' || kind === 'symbol') {
      let take = true;
      if (kind === 'symbol') {
        // "@"/"$" before a letter ("$amsung", "V@nilla"); "!"/"|" only between letters ("D!or")
        const next = text.codePointAt(i + 1);
        take = next !== undefined && charInfo(next).kind === 'letter' && (info.folded === '@' || info.folded === '$' || tStart >= 0);
        if (!take) {
          flush();
          gap = 'hard';
          listOnly = false;
        }
      }
      if (take) {
        if (tStart < 0) {
          tStart = i;
          folded = '';
          accented = '';
          accentedIsFolded = true;
          digitLike = false;
          letters = 0;
          uppers = 0;
          toned = false;
          trick = false;
          marks = false;
          tailStart = -1;
          tailAt = 0;
          lastLower = false;
          capitalI = [];
        }
        if (kind === 'digit') {
          if (tailStart < 0) {
            tailStart = i;
            tailAt = folded.length;
          }
        } else tailStart = -1;
        tEnd = i + width;
        // a capital I after a small letter is often an l in disguise ("ChaneI")
        if (cp === 0x49 && lastLower) capitalI.push(folded.length);
        if (!accentedIsFolded) accented += info.accented;
        else if (!info.plain) {
          accented = folded + info.accented;
          accentedIsFolded = false;
        }
        folded += info.folded;
        if (info.digitLike) digitLike = true;
        if (kind === 'letter') {
          letters++;
          if (info.upper) uppers++;
          lastLower = !info.upper;
        }
        if (info.toned) toned = true;
        if (info.trick) trick = true;
      }
    } else if (kind === 'mark' || kind === 'invisible') {
      if (tStart >= 0) {
        tEnd = i + width;
        if (info.accented) {
          accented = (accentedIsFolded ? folded : accented) + info.accented;
          accentedIsFolded = false;
          marks = true;
        }
        if (info.toned) toned = true;
        if (info.trick) trick = true;
      }
    } else if (kind === 'inword') {
      flush();
      // " - " between spaces separates parts of a title ("Kangaroo – Nano Silver"); inside a word it hides one
      if (gap === 'space' && DASHES.has(cp)) {
        gap = 'hard';
        listOnly = false;
        dashOnly = true;
      } else if (gap !== 'hard' && gap !== 'space') gap = 'inword';
    } else if (kind === 'space') {
      flush();
      if (gap !== 'hard') gap = 'space';
    } else {
      flush();
      gap = 'hard';
      dashOnly = false;
      if (cp !== 0x2c && cp !== 0x2f && cp !== 0x3b) listOnly = false;
    }
    i += width;
  }
  flush();
  // a text written with diacritics: its unmarked words are unmarked on purpose
  let tonedCount = 0;
  for (const t of tokens) if (t.toned) tonedCount++;
  if (tonedCount >= 2 && tonedCount * 3 >= tokens.length) for (const t of tokens) t.strict = true;
  return { original: text, tokens };
}

/** Collapse runs of the same letter ("panasonicc" → "panasonic", "apple" → "aple"). */
export function squeeze(s: string): string {
  let k = 1;
  while (k < s.length && s.charCodeAt(k) !== s.charCodeAt(k - 1)) k++;
  if (k >= s.length) return s; // nothing doubled: no new string
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

/** The folded words of a short text (a register name, a lexicon entry): "Bưởi Diễn" → ["buoi", "dien"]. */
export function foldWords(text: string): string[] {
  return normalizeText(text).tokens.map((t) => t.folded);
}

/** The accented words of a short text: "Bưởi Diễn" → ["bưởi", "diễn"]. */
export function accentWords(text: string): string[] {
  return normalizeText(text).tokens.map((t) => t.accented);
}
