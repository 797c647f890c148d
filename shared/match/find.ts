/**
 * Finding the rights a text names: candidate generation over the index (growing token windows,
 * digit readings, letter heads before model numbers, one-letter misspellings), then the rules that
 * decide whether a candidate is really the right: diacritics must agree where the seller wrote them,
 * words split by spaces are joined only when that is a disguise, short marks only as whole tokens,
 * ordinary-word marks only for fitting goods, misspellings never when the word is itself known, and
 * GIs and product-bound marks only next to their product and never as an address, a shop or person
 * name, part of a longer name or of a compound word.
 */
import { distance } from 'fastest-levenshtein';
import type { Hit, HitMethod } from '../schema/match.ts';
import { squeeze, type TextToken } from '../text/normalize.ts';
import { isVietnameseSyllable } from '../text/syllable.ts';
import { FUZZY_MIN_LENGTH, type MatchIndex, type RightInfo, type Variant } from './build.ts';
import { compatibilityHits } from './compat.ts';
import { NO_NODE, ROOT } from './key-trie.ts';
import { COMPOUND_AFTER, LONGER_NAME_BEFORE } from './lexicon/words.ts';
import { findProducts, getVocab, PhraseTable, type PhraseHit, type ProductValue } from './vocab.ts';

/** Facts about the listing the rules consult, computed only when a candidate needs them. */
export interface ListingFacts {
  /** Nice classes from the category (strong) and from the title's goods words. */
  classes(): { fromCategory: Set<number>; fromWords: Set<number> };
  /** Product concepts named in the category. */
  categoryConcepts(): Set<string>;
}

/** A hit found in one text, with what the rules learnt about it. */
export interface FoundHit extends Hit {
  info: RightInfo;
  /** Token range of the sign. */
  tokStart: number;
  tokEnd: number;
  /** The goods fit the right: true, false, or undefined when the listing does not say. */
  goodsFit?: boolean;
  /** Token range of the product phrase that made a GI count. */
  productAt?: [number, number];
}

/** Families of Nice classes whose goods are similar (fashion, appliances, kitchen, food, cosmetics, stationery and toys). */
const CLASS_FAMILIES: number[][] = [[14, 18, 25, 26], [7, 9, 10, 11], [7, 8, 11, 21], [29, 30, 31, 32, 33], [3, 5], [16, 28]];
const FAMILY_OF = new Map<number, Set<number>>();
for (const fam of CLASS_FAMILIES) for (const c of fam) {
  const set = FAMILY_OF.get(c) ?? new Set<number>([c]);
  for (const o of fam) set.add(o);
  FAMILY_OF.set(c, set);
}

/** Whether the listing's goods are the right's or similar (by family); undefined when the listing does not say. */
function classesFit(info: RightInfo, facts: ListingFacts): boolean | undefined {
  if (info.niceClasses.size === 0) return undefined;
  const { fromCategory, fromWords } = facts.classes();
  if (fromCategory.size === 0 && fromWords.size === 0) return undefined;
  for (const c of info.niceClasses) {
    for (const similar of FAMILY_OF.get(c) ?? [c]) if (fromCategory.has(similar) || fromWords.has(similar)) return true;
  }
  return false;
}

/** Diacritics without their placement: "hoà" and "hòa" (old and new tone placement) give the same key. */
export function accentKey(accented: string): string {
  const nfd = accented.normalize('NFD');
  let base = '';
  const marks: string[] = [];
  for (const c of nfd) {
    if (c >= '\u0300' && c <= '\u036f') marks.push(c);
    else base += c;
  }
  return marks.length === 0 ? base : `${base}|${marks.sort().join('')}`;
}

/** Whether diacritics the seller wrote agree with the sign's ("Huế" ≠ "Huệ", "mì" ≠ "Mi"); pieces with digits are skipped. */
function accentsAgree(toks: readonly TextToken[], i: number, j: number, v: Variant, aligned: boolean): boolean {
  if (aligned) {
    for (let k = 0; k <= j - i; k++) {
      const t = toks[i + k];
      if (t.toned && t.accented !== v.accented[k] && accentKey(t.accented) !== accentKey(v.accented[k])) return false;
    }
    return true;
  }
  let toned = false;
  let digits = false;
  let acc = '';
  for (let k = i; k <= j; k++) {
    toned ||= toks[k].toned;
    digits ||= toks[k].alts.length > 0;
    acc += toks[k].accented;
  }
  if (!toned || digits) return true;
  const name = v.accented.join('');
  return acc === name || accentKey(squeeze(acc)) === accentKey(squeeze(name));
}

type Join = 'aligned' | 'inword' | 'letters' | 'syllables' | 'spaced';

/**
 * How the window's pieces are joined: 'aligned' (token for token), 'inword' (N.i.k.e, Lục Ng.ạn without
 * spaces), 'letters' (N i k e), 'syllables' (pieces regroup at the spaces into the sign's words:
 * "P.h.ú Q.u.ố.c", "Lục Ngạnn"), or 'spaced' (spaces inside the sign's words: "Sam sung").
 */
function joinKind(toks: readonly TextToken[], i: number, j: number, v: Variant, pieces: readonly string[]): Join {
  const n = j - i + 1;
  if (n === v.tokens.length) {
    let same = true;
    for (let k = 0; k < n && same; k++) if (pieces[k] !== v.tokens[k]) same = false;
    if (same) return 'aligned';
  }
  let allInword = true;
  let allLetters = true;
  for (let k = i; k <= j; k++) {
    if (k > i && toks[k].gapBefore !== 'inword') allInword = false;
    if (pieces[k - i].length > 1) allLetters = false;
  }
  if (allInword) return 'inword';
  if (allLetters) return 'letters';
  // regroup at the spaces
  let g = 0;
  let group = '';
  for (let k = i; k <= j; k++) {
    if (k > i && toks[k].gapBefore !== 'inword') {
      if (g >= v.tokens.length || squeeze(group) !== squeeze(v.tokens[g])) return 'spaced';
      g++;
      group = '';
    }
    group += pieces[k - i];
  }
  return g === v.tokens.length - 1 && squeeze(group) === squeeze(v.tokens[g]) ? 'syllables' : 'spaced';
}

/** Whether a token is an English or other foreign word (letters only, not shaped like a Vietnamese syllable). */
function foreignWord(t: TextToken | undefined): boolean {
  if (t === undefined || t.toned || t.folded.length < 3 || !/^[a-z]+$/.test(t.folded)) return false;
  return !isVietnameseSyllable(t.folded);
}

/** English words every Vietnamese marketplace uses around any brand ("full box", "freeship"): not another product's name. */
const MARKET_WORDS = new Set(['full', 'box', 'fullbox', 'freeship', 'free', 'ship', 'sale', 'hot', 'new', 'size', 'auth', 'authentic', 'like', 'rep', 'replica', 'fake', 'super', 'tag', 'bill', 'seal', 'order', 'code', 'voucher', 'combo', 'set', 'pack', 'mini', 'plus', 'pro', 'max', 'unisex', 'trend', 'hottrend', 'style', 'version', 'limited', 'edition', 'original', 'premium', 'chính', 'store', 'shop', 'official', 'mall']);

const ENGLISH_SMALL = new Set(['up', 'on', 'in', 'of', 'and', 'the', 'to', 'my', 'by', 'is', 'it', 'go', 'no', 'so', 'we', 'me']);

/** An ordinary-word sign inside another product's English name ("Blemish Clear Lotion", "APPLE WHITE PEELING"). */
function inForeignPhrase(toks: readonly TextToken[], i: number, j: number, index: MatchIndex, info: RightInfo): boolean {
  const vocab = getVocab();
  // another registered sign or the owner's name next to it is a brand context ("Apple Macbook", "Nestle Milo")
  const known = (k: number) => (index.keys.get(squeeze(toks[k].folded))?.length ?? 0) > 0 || info.ownerWords.has(toks[k].folded);
  const plain = (k: number) => k >= 0 && k < toks.length && (foreignWord(toks[k]) || ENGLISH_SMALL.has(toks[k].folded)) && !MARKET_WORDS.has(toks[k].folded) && !vocab.goods.has(toks, k, 1) && !known(k);
  if (toks[j + 1]?.folded === 's' && toks[j + 1].gapBefore === 'inword') j++; // "Tiger's Eye
  // right after a goods word ("Giày Vans …", "Sữa tắm Dove Body Wash") the sign is in brand position
  if (i > 0 && toks[i].gapBefore !== 'hard' && vocab.goods.endsAt(toks, i)) return false;
  if (i > 0 && toks[i].gapBefore !== 'hard' && plain(i - 1)) return true;
  if (toks[j + 1]?.gapBefore === 'inword' && toks[j + 1].folded.length > 1) return true;
  return j + 2 < toks.length && toks[j + 1].gapBefore !== 'hard' && toks[j + 2].gapBefore !== 'hard' && plain(j + 1) && plain(j + 2);
}

/** Rules for GIs and product-bound marks; returns the product's token range when the place counts. */
function productBoundCheck(toks: readonly TextToken[], i: number, j: number, v: Variant, info: RightInfo, products: () => PhraseHit<ProductValue>[], facts: ListingFacts): [number, number] | undefined | null {
  const vocab = getVocab();
  const before = toks[i - 1];
  const after = toks[j + 1];
  // an address, a shop, a person
  if (before && toks[i].gapBefore !== 'hard' && (vocab.addressBefore.endsAt(toks, i) || vocab.personBefore.endsAt(toks, i))) return null;
  if (after && after.gapBefore !== 'hard' && vocab.addressAfter.startsAt(toks, j + 1)) return null;
  // part of a longer name, or of a compound word
  const first = v.tokens[0];
  const last = v.tokens[v.tokens.length - 1];
  const longer = LONGER_NAME_BEFORE[first];
  if (before && longer && toks[i].gapBefore === 'space' && longer.some((w) => w === before.accented || w === before.folded)) return null;
  const compound = COMPOUND_AFTER[last];
  if (after && compound && after.gapBefore === 'space' && compound.some((w) => w === after.accented || (!after.toned && w === after.folded))) return null;
  if (v.includesProduct) return [i, j + 1];
  // the product, close by, with no other product between
  const ps = products();
  let best: [number, number] | undefined;
  let bestDist = Infinity;
  for (const p of ps) {
    if (!info.concepts.has(p.value.concept)) continue;
    if (p.start >= i && p.end <= j + 1) continue; // the place name itself ("Cognac")
    const dist = p.end <= i ? i - p.end : p.start > j ? p.start - j - 1 : 0;
    if (dist > 6) continue;
    const lo = p.end <= i ? p.end : j + 1;
    const hi = p.end <= i ? i : p.start;
    const conflict = ps.some((o) => !info.concepts.has(o.value.concept) && !info.ingredients.has(o.value.concept) && o.start >= lo && o.end <= hi);
    if (conflict) continue;
    // the product is only a flavour, a shape or a modifier of another product: "kẹo cà phê",
    // "bánh phồng tôm Cà Mau", "mật ong hoa cà phê Buôn Ma Thuột"
    let modifier = false;
    for (let back = 0; back <= 2 && !modifier; back++) {
      const at = p.start - back;
      if (at <= 0 || toks[at].gapBefore === 'hard') break;
      if (vocab.flavourHeads.endsAt(toks, at)) modifier = true;
      else if (ps.some((o) => o.end === at && !info.concepts.has(o.value.concept))) modifier = true;
    }
    if (modifier) continue;
    if (dist < bestDist) {
      bestDist = dist;
      best = [p.start, p.end];
    }
  }
  if (best) return best;
  for (const c of facts.categoryConcepts()) if (info.concepts.has(c)) return [i, j + 1];
  // a product the lexicon does not know: its own words, close by
  const pw = info.productWords;
  if (pw.length > 0) {
    for (let k = Math.max(0, i - 6 - pw.length); k <= Math.min(toks.length - pw.length, j + 7); k++) {
      if (k + pw.length > i && k <= j) continue;
      let same = true;
      for (let m = 0; m < pw.length && same; m++) if (toks[k + m].folded !== pw[m]) same = false;
      if (same) return [k, k + pw.length];
    }
  }
  return null;
}

const NO_VARIANTS: readonly number[] = Object.freeze([]);

/** Whether two words differ only by two neighbouring letters swapped ("Sasmung", "AiProds"). */
function swapsTwoAdjacent(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k + 1 < a.length && a[k] === b[k + 1] && a[k + 1] === b[k] && a.slice(k + 2) === b.slice(k + 2);
}

/**
 * The variants one edit away from a squeezed word (SymSpell: the word and each of its one-letter
 * deletions against the names and theirs, confirmed with fastest-levenshtein). Answers are memoised
 * per index: marketplace titles repeat their vocabulary, so most words are looked up once.
 */
function nearVariants(index: MatchIndex, key: string): readonly number[] {
  const memo = index.nearMemo;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let cands: Set<number> | undefined;
  const add = (list: number[] | undefined) => {
    if (list === undefined) return;
    cands ??= new Set<number>();
    for (const c of list) cands.add(c);
  };
  add(index.near.get(key));
  for (let d = 0; d < key.length; d++) add(index.near.get(key.slice(0, d) + key.slice(d + 1)));
  let out: readonly number[] = NO_VARIANTS;
  if (cands !== undefined) {
    const confirmed = [...cands].filter((c) => {
      const target = squeeze(index.variants[c].compact);
      // a changed letter only in long names ("Hermes" is not "Heroes"); a letter more or less, or two swapped, from 6
      const d = distance(key, target);
      if (d === 1 && key.length === target.length) return target.length >= FUZZY_MIN_LENGTH + 1;
      return d === 1 || swapsTwoAdjacent(key, target);
    });
    if (confirmed.length > 0) out = confirmed;
  }
  if (memo.size >= NEAR_MEMO_SIZE) memo.clear();
  memo.set(key, out);
  return out;
}

/** How many words the misspelling memo keeps before it starts again. */
const NEAR_MEMO_SIZE = 100_000;

/** Find the hits of a text's tokens. */
export function findHits(index: MatchIndex, text: string, toks: readonly TextToken[], field: 'title' | 'description', facts: ListingFacts): FoundHit[] {
  const found: FoundHit[] = [];
  let productCache: PhraseHit<ProductValue>[] | undefined;
  const products = () => (productCache ??= findProducts(toks));
  const vocab = getVocab();

  const consider = (vIdx: number, i: number, j: number, read: 'plain' | 'digits' | 'head' | 'fuzzy', end?: number, pieceOf?: (t: TextToken) => string) => {
    const v = index.variants[vIdx];
    const info = index.infos[v.rightIdx];
    const right = info.right;
    let join: Join = 'aligned';
    if (read === 'plain' || read === 'digits') {
      const pieces: string[] = [];
      for (let k = i; k <= j; k++) pieces.push(pieceOf ? pieceOf(toks[k]) : toks[k].folded);
      join = joinKind(toks, i, j, v, pieces);
    }
    const aligned = join === 'aligned' && read === 'plain';
    if (read !== 'fuzzy' && !accentsAgree(toks, i, j, v, aligned)) return;
    if (join === 'spaced' && (info.productBound || v.compact.length < 5 || right.kind !== 'mark')) return;
    // a joined window must not start or end inside a word ("xN.i.k.e", "Ng.ạn.x")
    if (join !== 'aligned' && ((i > 0 && toks[i].gapBefore === 'inword') || toks[j + 1]?.gapBefore === 'inword')) return;
    // single letters in a row must be the whole row ("M L B", not the "L B" of "M L B")
    if (join === 'letters' && ((i > 0 && toks[i - 1].folded.length === 1 && toks[i].gapBefore === 'space') || (toks[j + 1]?.folded.length === 1 && toks[j + 1].gapBefore === 'space'))) return;
    const start = toks[i].start;
    const stop = end ?? toks[j].end;
    let disguised = read === 'digits' || (join !== 'aligned' && read !== 'head');
    let compactExact = true;
    if (read === 'plain' || read === 'digits') {
      let c = '';
      for (let k = i; k <= j; k++) {
        c += pieceOf ? pieceOf(toks[k]) : toks[k].folded;
        disguised ||= toks[k].disguised;
      }
      compactExact = c === v.compact;
      if (!compactExact || read === 'digits') disguised = true;
      // fewer letters than the name ("who" for "Whoo", "aple" for "Apple") is a misspelling, not doubled letters
      if (c.length < v.compact.length && join !== 'letters') {
        if (v.compact.length < FUZZY_MIN_LENGTH || right.kind !== 'mark') return;
        read = 'fuzzy';
      }
      // the name written without its spaces ("Ohui" for "O HUI") is the name, not a disguise
      if (compactExact && i === j && !toks[i].disguised && read === 'plain') disguised = false;
    }
    let method: HitMethod = read === 'fuzzy' ? (toks[i].alts.length > 0 ? 'disguised' : 'fuzzy') : disguised ? 'disguised' : v.isAlias ? 'alias' : 'exact';
    if (method === 'exact' || method === 'alias') {
      for (let k = 0; k <= j - i; k++) if (toks[i + k].accented !== v.accented[k]) method = method === 'alias' ? 'alias' : 'folded';
    }
    let goodsFit: boolean | undefined;
    let productAt: [number, number] | undefined;
    let score = method === 'exact' ? 0.95 : method === 'folded' || method === 'alias' ? 0.9 : method === 'disguised' ? 0.85 : 0.7;
    if (info.productBound) {
      // a GI counts token for token, disguised within its words ("P.h.ú Q.u.ố.c", "Lục Ngạnn", "Phú Qu0c"),
      // or written as one word ("#phuquoc"); never as pieces of other words
      if (join === 'spaced') return;
      if (join === 'inword' && i === j && toks[i].toned && !compactExact) return;
      const p = productBoundCheck(toks, i, j, v, info, products, facts);
      if (!p) return;
      productAt = p;
      goodsFit = true;
    } else {
      goodsFit = classesFit(info, facts);
      // the pieces of a split sign ("P.ana.son.ic") are not goods words: do not let them veto it
      if (goodsFit === false && join !== 'aligned') goodsFit = undefined;
      if (v.compact.length <= 3) {
        // short marks: whole tokens, or their letters spelt out in capitals ("M L B", "L.V") for fitting goods
        const spelt = (join === 'letters' || join === 'inword') && toks.slice(i, j + 1).every((t) => t.folded.length === 1 && t.upper);
        if (spelt) {
          if (goodsFit !== true) return;
        } else if (!(join === 'aligned' && i === j) || read !== 'plain') return;
        if (toks[i].gapBefore === 'inword' && i > 0) return;
        if (toks[j + 1]?.gapBefore === 'inword') return;
        if (v.compact.length <= 2 ? goodsFit !== true : goodsFit !== true && !(toks[i].upper && goodsFit === undefined)) return;
      }
      if (info.ordinary && (goodsFit !== true || (info.englishWord && inForeignPhrase(toks, i, j, index, info)))) return;
      if (read === 'plain' && !compactExact && squeeze(v.compact) !== v.compact && vocab.ordinary.has(toks[i].folded)) return;
      if (read === 'plain' && !compactExact && i === j && (vocab.ordinary.has(toks[i].folded) || vocab.otherBrands.has(toks[i].folded))) return;
      if (read === 'fuzzy' && goodsFit === false) return;
      // a coined mark on goods of another kind is still reported (a "Supreme" money gun, an "Ipad" toy), with less confidence
      if (goodsFit === false) score -= 0.2;
    }
    found.push({
      rightId: right.id,
      matched: text.slice(start, stop),
      start,
      end: stop,
      field,
      method,
      score: Math.max(0, Math.min(1, score)),
      info,
      tokStart: i,
      tokEnd: j + 1,
      goodsFit,
      productAt,
    });
  };

  // 1. windows of tokens (plain and digit readings), joined and squeezed, grown while some name starts so
  const n = toks.length;
  const scan = (read: 'plain' | 'digits', pieceOf: (t: TextToken) => string | undefined) => {
    const squeezed: string[] = new Array(n);
    for (let k = 0; k < n; k++) squeezed[k] = squeeze(pieceOf(toks[k]) ?? '');
    const trie = index.keys;
    for (let i = 0; i < n; i++) {
      // the node of the window's joined, squeezed letters (a doubled letter across pieces is read once)
      let node = ROOT;
      for (let j = i; j < n; j++) {
        if (j > i && toks[j].gapBefore === 'hard' && !toks[j].dashGap) break;
        const p = squeezed[j];
        node = trie.walk(node, p, node !== ROOT && trie.letterOf(node) === p.charCodeAt(0) ? 1 : 0);
        if (node === NO_NODE || node === ROOT) break;
        for (const v of trie.at(node)) consider(v, i, j, read, undefined, pieceOf as (t: TextToken) => string);
      }
    }
  };
  scan('plain', (t) => t.folded);
  let anyAlt = false;
  for (const t of toks) if (t.alts.length > 0) anyAlt = true;
  if (anyAlt) {
    scan('digits', (t) => t.alts[0] ?? t.folded);
    if (toks.some((t) => t.alts.length > 1)) scan('digits', (t) => t.alts[1] ?? t.alts[0] ?? t.folded);
  }
  // 2. letters before a model number ("iPhone14")
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.letterHead === undefined || t.digitTailStart === undefined) continue;
    const vs = index.keys.get(squeeze(t.letterHead));
    if (vs) for (const v of vs) if (index.variants[v].compact === t.letterHead) consider(v, i, i, 'head', t.digitTailStart);
  }
  // 3. one-letter misspellings of long distinctive marks
  if (index.near.size > 0) {
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      if (t.toned || t.folded.length < FUZZY_MIN_LENGTH - 1 || (t.alts.length === 0 && isVietnameseSyllable(t.folded))) continue;
      const reads = t.alts.length > 0 ? t.alts : /^[a-z]+$/.test(t.folded) ? [t.folded] : [];
      for (const r of reads) {
        const key = squeeze(r);
        if (key.length < FUZZY_MIN_LENGTH - 1 || (index.keys.get(key)?.length ?? 0) > 0 || vocab.ordinary.has(r) || vocab.otherBrands.has(r) || vocab.otherBrands.has(key)) continue;
        if (found.some((f) => f.tokStart <= i && f.tokEnd > i)) continue;
        for (const c of nearVariants(index, key)) consider(c, i, i, 'fuzzy');
      }
    }
  }
  const kept = resolveOverlaps(found);
  const marks = kept.filter((f) => f.info.right.kind === 'mark');
  compatibilityHits(toks, marks).forEach((isCompat, k) => {
    if (!isCompat) return;
    marks[k].method = 'compatibility';
    marks[k].score = Math.min(marks[k].score, 0.5);
  });
  return kept;
}

/** Keep the best hit per right where its hits overlap; drop a hit lying inside a longer hit of another right. */
function resolveOverlaps(hits: FoundHit[]): FoundHit[] {
  const byScore = [...hits].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: FoundHit[] = [];
  for (const h of byScore) if (!kept.some((o) => o.rightId === h.rightId && o.start < h.end && h.start < o.end)) kept.push(h);
  const out = kept.filter((h) => !kept.some((o) => o !== h && o.rightId !== h.rightId && o.start <= h.start && o.end >= h.end && o.tokEnd - o.tokStart > h.tokEnd - h.tokStart));
  return out.sort((a, b) => a.start - b.start);
}
