/**
 * The matcher's index, built once from the register: every name and alias of every right is
 * normalised, squeezed ("apple" → "aple") and compacted ("louisvuitton"), and stored in a prefix trie
 * (key-trie.ts), so a listing is scanned by growing token windows that stop as soon as no name starts
 * that way. Long distinctive marks also get a deletion index (every form with one letter removed) so
 * one-letter misspellings are found by hash look-ups, then confirmed with fastest-levenshtein. The
 * cost per listing depends on the listing, not on the number of rights.
 */
import type { Right } from '../schema/right.ts';
import { normalizeText, squeeze } from '../text/normalize.ts';
import { isVietnameseSyllable } from '../text/syllable.ts';
import { KeyTrie } from './key-trie.ts';
import { getVocab, type PhraseTable } from './vocab.ts';
import { PLACE_VARIANTS } from './lexicon/place-variants.ts';
import { PRODUCT_CONCEPTS } from './lexicon/products.ts';

/** One way of writing a right's sign: a name, an alias, or the place part of a product-bound name. */
export interface Variant {
  rightIdx: number;
  /** Folded tokens ("louis", "vuitton"). */
  tokens: string[];
  /** Accented tokens ("huế"). */
  accented: string[];
  /** Folded tokens joined without spaces. */
  compact: string;
  isAlias: boolean;
  /** For product-bound rights: this variant already contains the product ("Bưởi Diễn"). */
  includesProduct: boolean;
  /** For product-bound rights: this variant is the place name alone ("Diễn"). */
  placeOnly: boolean;
}

/** What the rules need to know about one right, computed once. */
export interface RightInfo {
  right: Right;
  /** GI, or a collective/certification mark tied to a product: the place counts only with the product. */
  productBound: boolean;
  /** Product concepts that count for it (with close ones). */
  concepts: Set<string>;
  /** Concepts that are its ingredients (they may stand between its product and the place). */
  ingredients: Set<string>;
  /** When the product lexicon does not know its product: the product's own folded words, looked for as written. */
  productWords: string[];
  /** Its sign is an ordinary word (or Vietnamese words): it needs the goods to fit. */
  ordinary: boolean;
  /** Its name is an English word ("Clear", "Tiger"): another product's English name may contain it. */
  englishWord: boolean;
  /** Its longest sign is at most 3 letters: only whole tokens. */
  short: boolean;
  niceClasses: ReadonlySet<number>;
  /** Folded words of the owner's name ("nestle", "apple"), longer than 3 letters. */
  ownerWords: ReadonlySet<string>;
  /** Folded forms of authorised shop names. */
  authorizedNames: ReadonlySet<string>;
}

/** The built index. */
export interface MatchIndex {
  infos: RightInfo[];
  variants: Variant[];
  /**
   * The squeezed compact forms → the variants whose whole form it is, as a prefix trie: reading a
   * window's letters says both "go on" (a node) and "found" (a non-empty list at it).
   */
  keys: KeyTrie;
  /** Squeezed forms of long marks and each of their one-letter deletions → variant indexes (SymSpell). */
  near: Map<string, number[]>;
  /** Memo of misspelling look-ups (word → variants one edit away), filled while matching. */
  nearMemo: Map<string, readonly number[]>;
}

const NO_CLASSES: ReadonlySet<number> = new Set();
const NO_WORDS: ReadonlySet<string> = new Set();

/** Minimum squeezed length for a mark to be looked for by edit distance. */
export const FUZZY_MIN_LENGTH = 6;

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The product concepts a right's product phrase names ("chè shan tuyết" → tea). */
export function conceptsOf(product: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!product) return out;
  const v = getVocab();
  const toks = normalizeText(product.replace(/\(.*?\)/g, ' ')).tokens;
  for (const h of v.products.scan(toks)) out.add(h.value.concept);
  if (out.size === 0) {
    const inParens = /\((.*?)\)/.exec(product)?.[1];
    if (inParens) for (const h of v.products.scan(normalizeText(inParens).tokens)) out.add(h.value.concept);
  }
  for (const c of [...out]) for (const close of PRODUCT_CONCEPTS.find((p) => p.id === c)?.close ?? []) out.add(close);
  return out;
}

/** Names written in one field: "A / B / C" are three names. */
function splitNames(s: string): string[] {
  return s.split(/\s+\/\s+/).map((x) => x.trim()).filter(Boolean);
}

/** Strip a leading or trailing product phrase from a name ("Bưởi Diễn" → "Diễn"), or undefined. */
function placePart(nameTokens: ReturnType<typeof normalizeText>['tokens'], products: PhraseTable<{ concept: string }>, concepts: Set<string>): [number, number] | undefined {
  for (let n = Math.min(products.maxLen, nameTokens.length - 1); n >= 1; n--) {
    if (products.lookup(nameTokens, 0, n).some((v) => concepts.has(v.concept))) return [n, nameTokens.length];
    const s = nameTokens.length - n;
    if (products.lookup(nameTokens, s, n).some((v) => concepts.has(v.concept))) return [0, s];
  }
  return undefined;
}

/** Build the index for a register. */
export function buildIndex(rights: readonly Right[]): MatchIndex {
  const vocab = getVocab();
  const infos: RightInfo[] = [];
  const variants: Variant[] = [];
  const keys = new Map<string, number[]>();
  const near = new Map<string, number[]>();

  rights.forEach((right, rightIdx) => {
    const concepts = conceptsOf(right.product);
    const productBound = right.kind === 'gi' || (right.kind !== 'mark' && concepts.size > 0);
    const written = [...splitNames(right.name).map((n, i) => ({ n, alias: i > 0 })), ...(right.aliases ?? []).flatMap((a) => splitNames(a).map((n) => ({ n, alias: true })))];
    // older names and common spellings of a GI's place ("Ban Mê Thuột")
    if (right.kind !== 'mark') for (const w of [...written]) for (const alt of PLACE_VARIANTS[normalizeText(w.n).tokens.map((t) => t.folded).join(' ')] ?? []) written.push({ n: alt, alias: true });
    // "Lock&Lock" is also written "Lock and Lock" and "Lock n Lock"
    const names = written.flatMap((w) => (w.n.includes('&') ? [w, { n: w.n.replace(/\s*&\s*/g, ' and '), alias: true }, { n: w.n.replace(/\s*&\s*/g, ' n '), alias: true }] : [w]));
    let maxLen = 0;
    let ordinary = false;
    let englishWord = false;
    const mine: Variant[] = [];
    for (const { n, alias } of names) {
      const toks = normalizeText(n).tokens;
      if (toks.length === 0) continue;
      const add = (from: number, to: number, extra: Partial<Variant>) => {
        const part = toks.slice(from, to);
        const v: Variant = {
          rightIdx,
          tokens: part.map((t) => t.folded),
          accented: part.map((t) => t.accented),
          compact: part.map((t) => t.folded).join(''),
          isAlias: alias,
          includesProduct: false,
          placeOnly: false,
          ...extra,
        };
        if (mine.some((m) => m.compact === v.compact && m.accented.join(' ') === v.accented.join(' '))) return;
        mine.push(v);
      };
      if (productBound && right.kind !== 'gi') {
        const place = placePart(toks, vocab.products, concepts);
        add(0, toks.length, { includesProduct: place !== undefined });
        if (place) add(place[0], place[1], { placeOnly: true });
      } else add(0, toks.length, {});
      const compact = toks.map((t) => t.folded).join('');
      maxLen = Math.max(maxLen, compact.length);
      if (!alias && vocab.ordinary.has(compact)) englishWord = true;
      const vietnameseWords = toks.some((t) => t.toned) && toks.every((t) => isVietnameseSyllable(t.folded));
      if (vocab.ordinary.has(compact) || vietnameseWords || (toks.length === 1 && vocab.ordinary.has(toks[0].folded))) ordinary ||= !alias;
    }
    const authorizedNamesList = ((right.authorizedSellers ?? []).flatMap((s) => (s.shopName ? [normalizeText(s.shopName).tokens.map((t) => t.folded).join(' ')] : [])));
    const authorizedNames: ReadonlySet<string> = authorizedNamesList.length > 0 ? new Set(authorizedNamesList) : NO_WORDS;
    infos.push({
      right,
      productBound,
      concepts,
      ingredients: new Set([...concepts].flatMap((c) => PRODUCT_CONCEPTS.find((p) => p.id === c)?.ingredients ?? [])),
      productWords: concepts.size === 0 && right.product ? normalizeText(right.product.replace(/\(.*?\)/g, ' ')).tokens.map((t) => t.folded) : [],
      ordinary,
      englishWord,
      ownerWords: right.owner === undefined ? NO_WORDS : new Set(normalizeText(right.owner).tokens.map((t) => t.folded).filter((w) => w.length > 3 && !['corporation', 'company', 'limited', 'group', 'produits', 'societe', 'holdings'].includes(w))),
      short: maxLen <= 3,
      niceClasses: right.niceClasses && right.niceClasses.length > 0 ? new Set(right.niceClasses) : NO_CLASSES,
      authorizedNames,
    });
    for (const v of mine) {
      const idx = variants.length;
      variants.push(v);
      const key = squeeze(v.compact);
      push(keys, key, idx);
      const fuzzyOk = right.kind === 'mark' && key.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(key);
      if (fuzzyOk) {
        push(near, key, idx);
        for (let i = 0; i < key.length; i++) push(near, key.slice(0, i) + key.slice(i + 1), idx);
      }
    }
  });
  return { infos, variants, keys: KeyTrie.build(keys), near, nearMemo: new Map() };
}
