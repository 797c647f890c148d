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
import { DIGIT_LETTERS, DIGIT_ONE_AS_L, IN_WORD_SEPARATORS, isInvisible, LOOKALIKE_LETTERS, VIETNAMESE_MARKS } from './lookalikes.ts';

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
  /** Written with look-alike, fancy or full-width letters, invisible characters or decoration. */
  disguised: boolean;
  /** What separates this token from the previous one. */
  gapBefore: Gap;
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
  const ch = String.fromCodePoint(cp);
  if (isInvisible(cp)) return { kind: 'invisible', folded: '', accented: '', upper: false, toned: false, trick: true };
  if (MARK.test(ch)) {
    const viet = VIETNAMESE_MARKS.has(cp);
    return { kind: 'mark', folded: '', accented: viet ? ch : '', upper: false, toned: viet, trick: !viet };
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
  if (ch === '@' || ch === '$') return { kind: 'symbol', folded: ch, accented: ch, upper: false, toned: false, trick: true };
  if (IN_WORD_SEPARATORS.has(nfkc)) return { kind: 'inword', folded: '', accented: '', upper: false, toned: false, trick: false };
  return { kind: 'hard', folded: '', accented: '', upper: false, toned: false, trick: false };
}

function charInfo(cp: number): CharInfo {
  let info = cache.get(cp);
  if (info === undefined) {
    info = classify(cp);
    if (cache.size < 20_000) cache.set(cp, info);
  }
  return info;
}

/** Digit-for-letter readings of a folded token that mixes letters and digits, or [] when it does not. */
export function digitReadings(folded: string): string[] {
  if (!/[0-9@$]/.test(folded)) return [];
  const letters = folded.replace(/[^a-z]/g, '').length;
  if (letters < 2) return [];
  const core = folded.replace(/[0-9]+$/, '');
  if (!/[0-9@$]/.test(core) || /[^a-z0-9@$]/.test(core)) return [];
  const read = (one: string) => core.replace(/[0-9@$]/g, (d) => (d === '1' ? one : (DIGIT_LETTERS[d] ?? d)));
  const first = read('i');
  if (/[0-9]/.test(first)) return [];
  return core.includes('1') ? [first, read(DIGIT_ONE_AS_L)] : [first];
}

/** Normalise a text into tokens that keep their original spans (see the module comment). */
export function normalizeText(text: string): NormalizedText {
  const tokens: TextToken[] = [];
  let cur: { start: number; end: number; folded: string; accented: string; letters: number; uppers: number; toned: boolean; trick: boolean; tailStart: number; tailFoldedAt: number } | undefined;
  let gap: Gap = 'start';
  const flush = () => {
    if (cur === undefined) return;
    if (cur.folded.length > 0) {
      const head = cur.tailStart >= 0 ? cur.folded.slice(0, cur.tailFoldedAt) : '';
      const hasTail = head.length >= 2 && /^[a-z]+$/.test(head);
      tokens.push({
        ...(hasTail ? { digitTailStart: cur.tailStart, letterHead: head } : {}),
        start: cur.start,
        end: cur.end,
        folded: cur.folded,
        accented: cur.accented.normalize('NFC'),
        alts: digitReadings(cur.folded),
        upper: cur.letters > 0 && cur.uppers === cur.letters,
        toned: cur.toned,
        disguised: cur.trick,
        gapBefore: tokens.length === 0 ? 'start' : gap,
      });
      gap = 'inword';
    }
    cur = undefined;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const info = charInfo(cp);
    switch (info.kind) {
      case 'letter':
      case 'digit':
      case 'symbol':
        if (info.kind === 'symbol') {
          const next = text.codePointAt(i + 1);
          const nextIsLetter = next !== undefined && charInfo(next).kind === 'letter';
          if (!nextIsLetter) {
            flush();
            gap = 'hard';
            break;
          }
        }
        if (cur === undefined) cur = { start: i, end: i + width, folded: '', accented: '', letters: 0, uppers: 0, toned: false, trick: false, tailStart: -1, tailFoldedAt: 0 };
        if (info.kind === 'digit') {
          if (cur.tailStart < 0) {
            cur.tailStart = i;
            cur.tailFoldedAt = cur.folded.length;
          }
        } else cur.tailStart = -1;
        cur.end = i + width;
        cur.folded += info.folded;
        cur.accented += info.accented;
        if (info.kind === 'letter') {
          cur.letters++;
          if (info.upper) cur.uppers++;
        }
        cur.toned ||= info.toned;
        cur.trick ||= info.trick;
        break;
      case 'mark':
      case 'invisible':
        if (cur !== undefined) {
          cur.end = i + width;
          cur.accented += info.accented;
          cur.toned ||= info.toned;
          cur.trick ||= info.trick;
        }
        break;
      case 'inword':
        flush();
        if (gap !== 'hard' && gap !== 'space') gap = 'inword';
        break;
      case 'space':
        flush();
        if (gap !== 'hard') gap = 'space';
        break;
      case 'hard':
        flush();
        gap = 'hard';
        break;
    }
    i += width;
  }
  flush();
  return { original: text, tokens };
}

/** Collapse runs of the same letter ("panasonicc" → "panasonic", "apple" → "aple"). */
export function squeeze(s: string): string {
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
