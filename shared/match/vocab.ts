/**
 * The lexicons of `lexicon/` turned into lookup tables over normalised tokens, built once: a phrase
 * table (folded token sequences → values, with the accented spelling kept so "quế" cinnamon is not
 * "quê" home), the goods words by Nice class, the product concepts, and folded word sets.
 */
import { normalizeText, type TextToken } from '../text/normalize.ts';
import { CATEGORY_CLASSES, NICE_GOODS_WORDS } from './lexicon/nice.ts';
import { PRODUCT_CONCEPTS, FLAVOUR_HEADS } from './lexicon/products.ts';
import { ORDINARY_WORDS, OTHER_BRANDS, ADDRESS_BEFORE, ADDRESS_AFTER, PERSON_BEFORE } from './lexicon/words.ts';

/** One phrase of a table, as folded and as accented tokens. */
interface PhraseEntry<V> {
  accented: string[];
  value: V;
}

/** An occurrence of a phrase in a token list: tokens [start, end) and its value. */
export interface PhraseHit<V> {
  start: number;
  end: number;
  value: V;
}

const NONE: unknown[] = [];

/** A table of multi-word phrases looked up by folded tokens, honouring diacritics when the text has them. */
export class PhraseTable<V> {
  private readonly map = new Map<string, PhraseEntry<V>[]>();
  /** First words of the phrases: most look-ups stop here without building a key. */
  private readonly firstWords = new Set<string>();
  /** The first 1, 2, … words of every phrase (folded, joined by spaces): a scan grows a phrase only while it starts one. */
  private readonly starts = new Set<string>();
  /** The longest phrase, in tokens. */
  maxLen = 0;

  /**
   * @param loose when true, a phrase written without diacritics matches the text however it is
   *   accented (for word lists written folded); when false, diacritics the seller wrote must agree.
   */
  constructor(private readonly loose = false) {}

  /** Add a phrase written as sellers write it. */
  add(phrase: string, value: V): void {
    const toks = normalizeText(phrase).tokens;
    if (toks.length === 0) return;
    const key = toks.map((t) => t.folded).join(' ');
    this.firstWords.add(toks[0].folded);
    for (let n = 1; n <= toks.length; n++) this.starts.add(toks.slice(0, n).map((t) => t.folded).join(' '));
    const list = this.map.get(key) ?? [];
    list.push({ accented: toks.map((t) => t.accented), value });
    this.map.set(key, list);
    this.maxLen = Math.max(this.maxLen, toks.length);
  }

  /** The values of the phrase made of tokens [i, i+n), if the accents (where written) agree. */
  lookup(tokens: readonly TextToken[], i: number, n: number): V[] {
    if (n > this.maxLen || !this.firstWords.has(tokens[i].folded)) return NONE as V[];
    let key = tokens[i].folded;
    for (let k = 1; k < n; k++) key += ' ' + tokens[i + k].folded;
    return this.lookupKey(key, tokens, i, n);
  }

  /** `lookup` with the folded key of tokens [i, i+n) already built. */
  private lookupKey(key: string, tokens: readonly TextToken[], i: number, n: number): V[] {
    const list = this.map.get(key);
    if (list === undefined) return NONE as V[];
    const out: V[] = [];
    for (const e of list) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k];
        if (t.strict && t.accented !== e.accented[k] && !(this.loose && e.accented[k] === t.folded)) ok = false;
        // a one- or two-letter piece without diacritics ("so", "ni" of "Pa.na.so.ni.c") is not "sổ" or "nỉ"
        else if (!this.loose && !t.toned && t.folded.length <= 2 && e.accented[k] !== t.accented) ok = false;
      }
      if (ok) out.push(e.value);
    }
    return out;
  }

  /** Every occurrence in a token list (longest first at each position). */
  scan(tokens: readonly TextToken[]): PhraseHit<V>[] {
    const hits: PhraseHit<V>[] = [];
    const keys: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!this.firstWords.has(tokens[i].folded)) continue;
      // the keys of tokens [i, i+n) for as long as they start some phrase, then the phrases among them, longest first
      let grown = 0;
      let key = tokens[i].folded;
      while (grown < this.maxLen && i + grown < tokens.length && this.starts.has(key)) {
        keys[grown++] = key;
        if (i + grown < tokens.length) key += ' ' + tokens[i + grown].folded;
      }
      for (let n = grown; n >= 1; n--) {
        for (const value of this.lookupKey(keys[n - 1], tokens, i, n)) hits.push({ start: i, end: i + n, value });
      }
    }
    return hits;
  }

  /** Whether tokens [i, i+n) spell a phrase of the table. */
  has(tokens: readonly TextToken[], i: number, n: number): boolean {
    return i >= 0 && i + n <= tokens.length && this.lookup(tokens, i, n).length > 0;
  }

  /** Whether some phrase of the table ends at token index `end` (exclusive). */
  endsAt(tokens: readonly TextToken[], end: number): boolean {
    for (let n = 1; n <= this.maxLen; n++) if (this.has(tokens, end - n, n)) return true;
    return false;
  }

  /** Whether some phrase of the table starts at token index `start`. */
  startsAt(tokens: readonly TextToken[], start: number): boolean {
    if (start < 0 || start >= tokens.length || !this.firstWords.has(tokens[start].folded)) return false;
    for (let n = 1; n <= this.maxLen; n++) if (this.has(tokens, start, n)) return true;
    return false;
  }
}

/** A product concept occurrence's value. */
export interface ProductValue {
  concept: string;
}

function wordTable(words: string[], loose = true): PhraseTable<true> {
  const t = new PhraseTable<true>(loose);
  for (const w of words) t.add(w, true);
  return t;
}

function wordSet(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

/** All lookup tables, built on first use. */
export interface Vocab {
  goods: PhraseTable<number[]>;
  categories: PhraseTable<number[]>;
  products: PhraseTable<ProductValue>;
  productNotBefore: Map<string, PhraseTable<true>>;
  productNotAfter: Map<string, PhraseTable<true>>;
  closeConcepts: Map<string, string[]>;
  flavourHeads: PhraseTable<true>;
  ordinary: Set<string>;
  otherBrands: Set<string>;
  addressBefore: PhraseTable<true>;
  addressAfter: PhraseTable<true>;
  personBefore: PhraseTable<true>;
}

let vocab: Vocab | undefined;

/** The shared lookup tables (built once per process or page). */
export function getVocab(): Vocab {
  if (vocab !== undefined) return vocab;
  const goods = new PhraseTable<number[]>();
  for (const [cls, words] of Object.entries(NICE_GOODS_WORDS)) for (const w of words) goods.add(w, [Number(cls)]);
  const categories = new PhraseTable<number[]>();
  for (const [w, classes] of CATEGORY_CLASSES) categories.add(w, classes);
  const products = new PhraseTable<ProductValue>();
  const productNotBefore = new Map<string, PhraseTable<true>>();
  const productNotAfter = new Map<string, PhraseTable<true>>();
  const closeConcepts = new Map<string, string[]>();
  for (const c of PRODUCT_CONCEPTS) {
    for (const p of c.phrases) products.add(p, { concept: c.id });
    if (c.notBefore) productNotBefore.set(c.id, wordTable(c.notBefore));
    if (c.notAfter) productNotAfter.set(c.id, wordTable(c.notAfter));
    if (c.close) closeConcepts.set(c.id, c.close);
  }
  vocab = {
    goods,
    categories,
    products,
    productNotBefore,
    productNotAfter,
    closeConcepts,
    flavourHeads: wordTable(FLAVOUR_HEADS),
    ordinary: wordSet(ORDINARY_WORDS),
    otherBrands: wordSet(OTHER_BRANDS),
    addressBefore: wordTable(ADDRESS_BEFORE, false),
    addressAfter: wordTable(ADDRESS_AFTER, false),
    personBefore: wordTable(PERSON_BEFORE, false),
  };
  return vocab;
}

/** Product concept occurrences in a token list, without those whose neighbours give them another meaning. */
export function findProducts(tokens: readonly TextToken[]): PhraseHit<ProductValue>[] {
  const v = getVocab();
  const raw = v.products.scan(tokens);
  // keep the longest phrase at each start, drop occurrences inside a longer one of the same concept
  const out: PhraseHit<ProductValue>[] = [];
  for (const h of raw) {
    if (out.some((o) => o.value.concept === h.value.concept && o.start <= h.start && o.end >= h.end)) continue;
    const notBefore = v.productNotBefore.get(h.value.concept);
    if (notBefore?.startsAt(tokens, h.end) && tokens[h.end]?.gapBefore !== 'hard') continue;
    const notAfter = v.productNotAfter.get(h.value.concept);
    if (notAfter?.endsAt(tokens, h.start) && tokens[h.start]?.gapBefore !== 'hard') continue;
    out.push(h);
  }
  return out;
}

/** The Nice classes a listing's words and category point to. */
export function goodsClasses(titleTokens: readonly TextToken[], category: string | undefined): { fromCategory: Set<number>; fromWords: Set<number> } {
  const v = getVocab();
  const fromWords = new Set<number>();
  for (const h of v.goods.scan(titleTokens)) for (const c of h.value) fromWords.add(c);
  const fromCategory = new Set<number>();
  if (category) {
    // the most specific level that names goods ("Mẹ & Bé > Sữa công thức" → milk, not all baby goods)
    const levels = category.split(/\s*>\s*/).reverse();
    for (const level of levels) {
      const ct = normalizeText(level).tokens;
      for (const h of v.goods.scan(ct)) for (const c of h.value) fromCategory.add(c);
      for (const h of v.categories.scan(ct)) for (const c of h.value) fromCategory.add(c);
      if (fromCategory.size > 0) break;
    }
  }
  return { fromCategory, fromWords };
}
