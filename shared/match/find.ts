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
import { FUZZY_MIN_LENGTH, type MatchIndex, type RightInfo, type Variant } from './build.ts';
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

const COMPAT = new PhraseTable<true>();
for (const w of ['cho', 'dành cho', 'dùng cho', 'dùng được cho', 'thay thế cho', 'thay cho', 'tương thích', 'tương thích với', 'tương thích cho', 'for', 'compatible', 'compatible with', 'fit', 'fits', 'hợp với', 'phù hợp', 'phù hợp với', 'lắp cho', 'lắp vừa', 'vừa', 'dòng', 'theo máy', 'zin theo máy', 'cho máy', 'cho điện thoại', 'cho dòng', 'thay thế', 'replacement', 'kết nối', 'sử dụng cho'])
  COMPAT.add(w, true);
const ACCESSORIES = new PhraseTable<true>();
for (const w of ['ốp', 'ốp lưng', 'bao da', 'case', 'kính cường lực', 'cường lực', 'miếng dán', 'dán màn hình', 'dây đeo', 'dây', 'strap', 'band', 'sạc', 'củ sạc', 'cáp', 'cáp sạc', 'cable', 'charger', 'bút cảm ứng', 'túi chống sốc', 'giá đỡ', 'đế sạc', 'adapter', 'hub', 'bàn phím', 'pin', 'vỏ', 'túi đựng', 'hộp đựng', 'nắp', 'lõi lọc', 'bộ lọc', 'linh kiện', 'màn hình', 'remote', 'điều khiển'])
  ACCESSORIES.add(w, true);

function classesFit(info: RightInfo, facts: ListingFacts): boolean | undefined {
  if (info.niceClasses.size === 0) return undefined;
  const { fromCategory, fromWords } = facts.classes();
  const source = fromCategory.size > 0 ? fromCategory : fromWords;
  if (source.size === 0) return undefined;
  for (const c of info.niceClasses) if (source.has(c) || (fromCategory.size > 0 && fromWords.has(c))) return true;
  return false;
}

/** Whether diacritics the seller wrote agree with the sign's ("Huế" ≠ "Huệ", "mì" ≠ "Mi"). */
function accentsAgree(toks: readonly TextToken[], i: number, j: number, v: Variant, aligned: boolean): boolean {
  if (aligned) {
    for (let k = 0; k <= j - i; k++) {
      const t = toks[i + k];
      if (t.toned && t.accented !== v.accented[k]) return false;
    }
    return true;
  }
  let toned = false;
  let acc = '';
  for (let k = i; k <= j; k++) {
    toned ||= toks[k].toned;
    acc += toks[k].accented;
  }
  return !toned || acc === v.accented.join('');
}

/** How the window's pieces are joined: 'aligned' (token for token), 'inword' (N.i.k.e), 'letters' (N i k e), 'spaced'. */
function joinKind(toks: readonly TextToken[], i: number, j: number, v: Variant): 'aligned' | 'inword' | 'letters' | 'spaced' {
  if (j - i + 1 === v.tokens.length) {
    let same = true;
    for (let k = 0; k <= j - i && same; k++) if (toks[i + k].folded !== v.tokens[k]) same = false;
    if (same) return 'aligned';
  }
  let allInword = true;
  let allLetters = true;
  for (let k = i; k <= j; k++) {
    if (k > i && toks[k].gapBefore !== 'inword') allInword = false;
    if (toks[k].folded.length > 1) allLetters = false;
  }
  if (allInword) return 'inword';
  return allLetters ? 'letters' : 'spaced';
}

/** A compatibility phrase ends right before the sign, or before device words leading to it ("cho máy Philips"). */
function nearCompat(toks: readonly TextToken[], i: number): boolean {
  const vocab = getVocab();
  let end = i;
  for (let steps = 0; steps < 4 && end > 0; steps++) {
    if (COMPAT.endsAt(toks, end)) return true;
    if (toks[end].gapBefore === 'hard') return false;
    let n = 0;
    for (let len = 3; len >= 1 && n === 0; len--) if (end - len >= 0 && (DEVICE.has(toks, end - len, len) || vocab.goods.has(toks, end - len, len))) n = len;
    if (n === 0) return false;
    end -= n;
  }
  return false;
}

const DEVICE = new PhraseTable<true>();
for (const w of ['máy', 'dòng', 'đời', 'hãng', 'các', 'mọi', 'đt', 'điện thoại', 'đồng hồ', 'xe', 'tai nghe', 'loa', 'tivi', 'tv', 'laptop', 'máy tính', 'bàn chải', 'đầu', 'nồi', 'máy lọc nước', 'robot', 'đồ chơi', 'ống kính', 'máy ảnh'])
  DEVICE.add(w, true);

/** A Vietnamese syllable (folded): onset, vowel nucleus, coda. English words like "deep", "oil", "blemish" are not. */
const VIET_SYLLABLE = /^(ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|[bcdghklmnprstvx])?(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|oeo|uay|uai|uây|ươi|ia|ie|ye|ua|uo|ưa|ươ|oa|oe|ue|uy|ai|ao|au|ay|eo|eu|iu|oi|ui|ưi|ưu|ôi|ơi|[aeiouy])(ng|nh|ch|[cmnpt]|[iyuo])?$/;

/** Whether a token is an English or other foreign word (letters only, not shaped like a Vietnamese syllable). */
function foreignWord(t: TextToken | undefined): boolean {
  if (t === undefined || t.toned || t.folded.length < 3 || !/^[a-z]+$/.test(t.folded)) return false;
  return !VIET_SYLLABLE.test(t.folded);
}

/** An ordinary-word sign inside another product's English name ("Blemish Clear Lotion", "APPLE WHITE PEELING"). */
function inForeignPhrase(toks: readonly TextToken[], i: number, j: number): boolean {
  const vocab = getVocab();
  const plain = (k: number) => foreignWord(toks[k]) && !vocab.goods.has(toks, k, 1);
  if (i > 0 && toks[i].gapBefore !== 'hard' && plain(i - 1)) return true;
  if (toks[j + 1]?.gapBefore === 'inword' && toks[j + 1].folded.length > 1) return true;
  return j + 2 < toks.length && toks[j + 1].gapBefore !== 'hard' && toks[j + 2].gapBefore !== 'hard' && plain(j + 1) && plain(j + 2);
}

/** A model designation follows the sign ("iPhone 14", "Galaxy S23", "Watch series 8"). */
function modelAfter(toks: readonly TextToken[], j: number): boolean {
  for (let k = j + 1; k <= j + 3 && k < toks.length; k++) {
    if (toks[k].gapBefore === 'hard') return false;
    if (/^[a-z]{0,3}[0-9]+[a-z]{0,3}$/.test(toks[k].folded) || MODEL_WORDS.has(toks[k].folded)) return true;
  }
  return false;
}

const MODEL_WORDS = new Set(['pro', 'max', 'plus', 'mini', 'ultra', 'series', 'se', 'galaxy', 'note', 'tab', 'air', 'watch', 'buds', 'lite']);

function accessoryBefore(toks: readonly TextToken[], i: number): boolean {
  for (let k = Math.max(0, i - 5); k < i; k++) if (ACCESSORIES.startsAt(toks, k)) return true;
  return false;
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
    const conflict = ps.some((o) => !info.concepts.has(o.value.concept) && o.start >= lo && o.end <= hi);
    if (conflict) continue;
    if (vocab.flavourHeads.endsAt(toks, p.start) && toks[p.start].gapBefore !== 'hard') continue;
    if (dist < bestDist) {
      bestDist = dist;
      best = [p.start, p.end];
    }
  }
  if (best) return best;
  for (const c of facts.categoryConcepts()) if (info.concepts.has(c)) return [i, j + 1];
  return null;
}

/** Find the hits of a text's tokens. */
export function findHits(index: MatchIndex, text: string, toks: readonly TextToken[], field: 'title' | 'description', facts: ListingFacts): FoundHit[] {
  const found: FoundHit[] = [];
  let productCache: PhraseHit<ProductValue>[] | undefined;
  const products = () => (productCache ??= findProducts(toks));
  const vocab = getVocab();

  const consider = (vIdx: number, i: number, j: number, read: 'plain' | 'digits' | 'head' | 'fuzzy', end?: number) => {
    const v = index.variants[vIdx];
    const info = index.infos[v.rightIdx];
    const right = info.right;
    const join = read === 'head' || read === 'fuzzy' ? 'aligned' : joinKind(toks, i, j, v);
    const aligned = join === 'aligned' && read === 'plain';
    if (read !== 'fuzzy' && !accentsAgree(toks, i, j, v, aligned)) return;
    if (join === 'spaced' && (info.productBound || info.ordinary || v.compact.length < 6 || right.kind !== 'mark')) return;
    const start = toks[i].start;
    const stop = end ?? toks[j].end;
    let disguised = read === 'digits' || (join !== 'aligned' && read !== 'head');
    let compactExact = true;
    if (read === 'plain') {
      let c = '';
      for (let k = i; k <= j; k++) {
        c += toks[k].folded;
        disguised ||= toks[k].disguised;
      }
      compactExact = c === v.compact;
      if (!compactExact) disguised = true;
    }
    let method: HitMethod = read === 'fuzzy' ? (toks[i].alts.length > 0 ? 'disguised' : 'fuzzy') : disguised ? 'disguised' : v.isAlias ? 'alias' : 'exact';
    if (method === 'exact' || method === 'alias') {
      for (let k = 0; k <= j - i; k++) if (toks[i + k].accented !== v.accented[k]) method = method === 'alias' ? 'alias' : 'folded';
    }
    let goodsFit: boolean | undefined;
    let productAt: [number, number] | undefined;
    let score = method === 'exact' ? 0.95 : method === 'folded' || method === 'alias' ? 0.9 : method === 'disguised' ? 0.85 : 0.7;
    if (info.productBound) {
      if (!aligned && !(join === 'aligned' && read === 'head')) {
        // a GI written as one word ("#phuquoc") counts, split or disguised forms do not
        if (!(i === j && !toks[i].toned && compactExact)) return;
      }
      const p = productBoundCheck(toks, i, j, v, info, products, facts);
      if (!p) return;
      productAt = p;
      goodsFit = true;
    } else {
      goodsFit = classesFit(info, facts);
      if (v.compact.length <= 3) {
        if (!(join === 'aligned' && i === j) || read !== 'plain') return;
        if (toks[i].gapBefore === 'inword' && i > 0) return;
        if (toks[j + 1]?.gapBefore === 'inword') return;
        if (v.compact.length <= 2 ? goodsFit !== true : goodsFit !== true && !(toks[i].upper && goodsFit === undefined)) return;
      }
      if (info.ordinary && (goodsFit !== true || inForeignPhrase(toks, i, j))) return;
      if (read === 'fuzzy' && goodsFit === false) return;
      if (goodsFit === false) score -= 0.2;
      if (right.kind === 'mark' && (nearCompat(toks, i) || (accessoryBefore(toks, i) && modelAfter(toks, j)))) {
        method = 'compatibility';
        score = Math.min(score, 0.5);
      }
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
    for (let i = 0; i < n; i++) {
      let acc = '';
      for (let j = i; j < n; j++) {
        if (j > i && toks[j].gapBefore === 'hard') break;
        const piece = pieceOf(toks[j]);
        if (piece === undefined) break;
        const p = squeeze(piece);
        acc = acc.length > 0 && acc.charCodeAt(acc.length - 1) === p.charCodeAt(0) ? acc + p.slice(1) : acc + p;
        if (!index.prefixes.has(acc)) break;
        const vs = index.keys.get(acc);
        if (vs !== undefined) for (const v of vs) consider(v, i, j, read);
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
  if (index.deletions.size > 0) {
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      if (t.toned || t.folded.length < FUZZY_MIN_LENGTH - 1) continue;
      const reads = t.alts.length > 0 ? t.alts : /^[a-z]+$/.test(t.folded) ? [t.folded] : [];
      for (const r of reads) {
        const key = squeeze(r);
        if (key.length < FUZZY_MIN_LENGTH - 1 || index.keys.has(key) || vocab.ordinary.has(r) || vocab.otherBrands.has(r) || vocab.otherBrands.has(key)) continue;
        if (found.some((f) => f.tokStart <= i && f.tokEnd > i)) continue;
        const cands = new Set<number>();
        for (const c of index.deletions.get(key) ?? []) cands.add(c);
        for (let d = 0; d < key.length; d++) {
          const del = key.slice(0, d) + key.slice(d + 1);
          for (const c of index.fuzzyKeys.get(del) ?? []) cands.add(c);
          for (const c of index.deletions.get(del) ?? []) cands.add(c);
        }
        for (const c of cands) {
          const target = squeeze(index.variants[c].compact);
          if (distance(key, target) === 1 && key.length >= FUZZY_MIN_LENGTH - 1) consider(c, i, i, 'fuzzy');
        }
      }
    }
  }
  // a sign used for compatibility once in a text is used so throughout ("cho LG V50 … LG X6")
  const compatible = new Set(found.filter((f) => f.method === 'compatibility').map((f) => f.rightId));
  for (const f of found) if (compatible.has(f.rightId) && f.method !== 'compatibility') {
    f.method = 'compatibility';
    f.score = Math.min(f.score, 0.5);
  }
  return resolveOverlaps(found);
}

/** Keep one hit per right and span; when hits of different rights overlap, keep the one covering more tokens. */
function resolveOverlaps(hits: FoundHit[]): FoundHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.score - a.score);
  const out: FoundHit[] = [];
  for (const h of hits) {
    const clash = out.find((o) => o.start < h.end && h.start < o.end && (o.rightId === h.rightId || o.tokEnd - o.tokStart > h.tokEnd - h.tokStart));
    if (clash) continue;
    out.push(h);
  }
  return out;
}
