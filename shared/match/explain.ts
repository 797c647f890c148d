/**
 * What an officer reads next to a hit: the counterfeit cues and GI qualifiers the seller wrote (with
 * their innocent readings filtered out), the signals from the listing's facts (authorised seller,
 * official store, shop location against the GI's region, price far below the usual one), a risk score
 * for ranking, and the candidate article of the Law on IP with a one-sentence reason in Vietnamese and
 * English.
 */
import type { Cue, LegalBasis, Signal } from '../schema/match.ts';
import type { MatchInput } from '../schema/match.ts';
import { locationInRegion } from '../register/provinces.ts';
import { normalizeText, type TextToken } from '../text/normalize.ts';
import { COUNTERFEIT_CUES, GI_QUALIFIERS, type CuePattern } from './lexicon/cues.ts';
import { accentKey, type FoundHit } from './find.ts';
import { PhraseTable } from './vocab.ts';

interface CompiledCue {
  pattern: CuePattern;
  words: string[];
  /** The cue's words with their diacritics, when the cue is written word for word ("dạng" is not "Đặng"). */
  accented?: string[];
  notAfter?: PhraseTable<true>;
  notBefore?: PhraseTable<true>;
}

function compile(list: CuePattern[]): CompiledCue[] {
  return list.map((pattern) => {
    const table = (ws?: string[]) => {
      if (!ws || ws.length === 0) return undefined;
      const t = new PhraseTable<true>(true);
      for (const w of ws) t.add(w, true);
      return t;
    };
    const written = normalizeText(pattern.cue).tokens;
    const wordForWord = written.length === pattern.words.length && written.every((t, k) => t.folded === pattern.words[k]);
    return { pattern, words: pattern.words, accented: wordForWord ? written.map((t) => accentKey(t.accented)) : undefined, notAfter: table(pattern.notAfter), notBefore: table(pattern.notBefore) };
  });
}

let compiled: { counterfeit: CompiledCue[]; qualifiers: CompiledCue[]; firstWords: Set<string> } | undefined;
function cues() {
  if (compiled) return compiled;
  const counterfeit = compile(COUNTERFEIT_CUES);
  const qualifiers = compile(GI_QUALIFIERS);
  const firstWords = new Set([...counterfeit, ...qualifiers].map((c) => c.words[0]));
  return (compiled = { counterfeit, qualifiers, firstWords });
}

function cueAt(c: CompiledCue, toks: readonly TextToken[], i: number): boolean {
  if (i + c.words.length > toks.length) return false;
  for (let k = 0; k < c.words.length; k++) {
    if (toks[i + k].folded !== c.words[k]) return false;
    // Diacritics the seller wrote are meant: "Đặng" (a family name) and "dáng" (shape) are not "dạng".
    if (c.accented && toks[i + k].toned && accentKey(toks[i + k].accented) !== c.accented[k]) return false;
    if (k > 0 && toks[i + k].gapBefore === 'hard' && c.words[k] !== '1') return false;
  }
  const end = i + c.words.length;
  for (let back = 1; back <= 2 && c.notAfter; back++) if (i - back + 1 > 0 && c.notAfter.endsAt(toks, i - back + 1)) return false;
  if (c.notBefore && (c.notBefore.startsAt(toks, end) || c.notBefore.startsAt(toks, end + 1))) return false;
  return true;
}

/** The counterfeit cues and GI qualifiers of one text, given its hits and the listing's goods classes. */
export function findCues(text: string, toks: readonly TextToken[], field: 'title' | 'description', hits: readonly FoundHit[], classes: () => Set<number>): Cue[] {
  const { counterfeit, qualifiers, firstWords } = cues();
  const out: Cue[] = [];
  const hasMark = hits.some((h) => !h.info.productBound && h.method !== 'compatibility');
  const taken = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (!firstWords.has(toks[i].folded) || taken.has(i)) continue;
    for (const c of counterfeit) {
      if (!cueAt(c, toks, i)) continue;
      if (c.pattern.needsMark && !hasMark) continue;
      if (c.pattern.onlyForClasses) {
        const cls = classes();
        if (!c.pattern.onlyForClasses.some((k) => cls.has(k))) continue;
      }
      const end = toks[i + c.words.length - 1].end;
      out.push({ kind: 'counterfeit', cue: c.pattern.cue, matched: text.slice(toks[i].start, end), start: toks[i].start, end, field });
      for (let k = i; k < i + c.words.length; k++) taken.add(k);
      break;
    }
    if (taken.has(i)) continue;
    for (const c of qualifiers) {
      if (!cueAt(c, toks, i)) continue;
      const last = i + c.words.length;
      const gi = hits.find((h) => h.info.productBound && ((h.tokStart >= last && h.tokStart - last <= 1) || (h.productAt && h.productAt[0] >= last && h.productAt[0] - last <= 1)));
      const mark = gi ? undefined : hits.find((h) => !h.info.productBound && h.method !== 'compatibility' && h.tokStart >= last && h.tokStart - last <= 1 && ['kieu', 'style', 'type', 'phong'].includes(c.words[0]));
      const target = gi ?? mark;
      if (!target) continue;
      const end = toks[last - 1].end;
      out.push({ kind: gi ? 'gi_qualifier' : 'counterfeit', cue: c.pattern.cue, matched: text.slice(toks[i].start, end), start: toks[i].start, end, field, rightId: target.rightId });
      for (let k = i; k < last; k++) taken.add(k);
      break;
    }
  }
  return out;
}

function folded(s: string | undefined): string {
  return s ? normalizeText(s).tokens.map((t) => t.folded).join(' ') : '';
}

/** A price under this share of the usual price is "far below" it (a ranking signal). */
export const FAR_BELOW_USUAL_PRICE = 0.5;

/** Whether `price` is far below the usual price `reference`. */
export function farBelowUsualPrice(price: number | undefined, reference: number | undefined): boolean {
  return price !== undefined && reference !== undefined && price > 0 && price < reference * FAR_BELOW_USUAL_PRICE;
}

/** The signals from the listing's facts, for each right found. */
export function findSignals(input: MatchInput, hits: readonly FoundHit[], ctx?: { observedMedianPrice?: Record<string, number> }): Signal[] {
  const out: Signal[] = [];
  if (hits.length === 0) return out;
  if (input.officialStore) out.push({ kind: 'official_store', weight: -0.4, detail: 'Gian hàng chính hãng (Mall/Official) / official store' });
  const shop = folded(input.shopName);
  const seen = new Set<string>();
  for (const h of hits) {
    if (seen.has(h.rightId)) continue;
    seen.add(h.rightId);
    const right = h.info.right;
    const authorised = (right.authorizedSellers ?? []).some(
      (s) => (!input.marketplace || s.marketplace === input.marketplace) && ((s.shopId !== undefined && s.shopId === input.shopId) || (s.shopName !== undefined && folded(s.shopName) === shop && shop !== '')),
    );
    if (authorised) out.push({ kind: 'authorized_seller', rightId: right.id, weight: -0.8, detail: `Người bán được phép dùng "${right.name}" / authorised seller of "${right.name}"` });
    if (h.info.productBound && right.region && right.region.length > 0) {
      const loc = input.shipsFrom ?? input.shopLocation;
      const inRegion = locationInRegion(right.region, loc);
      if (inRegion === false) out.push({ kind: 'outside_region', rightId: right.id, weight: 0.3, detail: `Gửi từ ${loc}, ngoài vùng ${right.region.join(', ')} / ships from ${loc}, outside the GI region` });
      else if (inRegion === true) out.push({ kind: 'inside_region', rightId: right.id, weight: -0.2, detail: `Gửi từ ${loc}, trong vùng chỉ dẫn địa lý / ships from ${loc}, inside the GI region` });
    }
    if (!h.info.productBound && h.goodsFit !== undefined && h.method !== 'compatibility') {
      out.push(h.goodsFit
        ? { kind: 'goods_match', rightId: right.id, weight: 0.1, detail: 'Hàng hóa thuộc nhóm đăng ký của nhãn hiệu / goods within the mark\'s classes' }
        : { kind: 'goods_mismatch', rightId: right.id, weight: -0.1, detail: 'Hàng hóa ngoài nhóm đăng ký của nhãn hiệu / goods outside the mark\'s classes' });
    }
    const reference = ctx?.observedMedianPrice?.[right.id] ?? right.referencePrice;
    if (farBelowUsualPrice(input.price, reference)) {
      out.push({ kind: 'price_below_reference', rightId: right.id, weight: 0.15, detail: `Giá ${input.price} thấp hơn nhiều so với giá thường ${reference} / price far below the usual ${reference}` });
    }
  }
  return out;
}

/** The risk score (0–1) for ranking: the strongest hit, raised by cues and signals, lowered by authorised sellers. */
export function riskOf(hits: readonly FoundHit[], cues: readonly Cue[], signals: readonly Signal[]): number {
  let best = 0;
  for (const h of hits) {
    let r = h.method === 'compatibility' ? 0.1 : h.method === 'disguised' ? 0.6 : h.method === 'fuzzy' ? 0.45 : h.info.productBound ? 0.45 : 0.35;
    r *= h.score;
    if (cues.some((c) => c.kind === 'counterfeit')) r += h.method === 'compatibility' ? 0.1 : 0.3;
    if (cues.some((c) => c.kind === 'gi_qualifier' && c.rightId === h.rightId)) r += 0.35;
    for (const s of signals) if (s.rightId === undefined || s.rightId === h.rightId) r += s.weight * (h.method === 'compatibility' ? 0.3 : 1);
    best = Math.max(best, r);
  }
  return Math.round(Math.max(0, Math.min(1, best)) * 1000) / 1000;
}

/** The candidate legal basis for each right found (none for compatibility uses, Art. 125). */
export function legalBasis(hits: readonly FoundHit[], cues: readonly Cue[]): LegalBasis[] {
  const out: LegalBasis[] = [];
  const done = new Set<string>();
  for (const h of [...hits].sort((a, b) => b.score - a.score)) {
    if (done.has(h.rightId) || h.method === 'compatibility') continue;
    done.add(h.rightId);
    const r = h.info.right;
    const q = cues.find((c) => c.kind === 'gi_qualifier' && c.rightId === h.rightId);
    if (r.kind === 'gi') {
      out.push({
        rightId: r.id,
        article: '129.3',
        reasonVi: q
          ? `Tin đăng dùng chỉ dẫn địa lý "${r.name}" cho ${r.product ?? 'sản phẩm'} kèm từ "${q.matched}" ("${h.matched}"), có thể là hành vi xâm phạm theo Điều 129.3.`
          : `Tin đăng dùng chỉ dẫn địa lý "${r.name}" ("${h.matched}") cho ${r.product ?? 'sản phẩm'}; nếu hàng không đạt tiêu chuẩn hoặc không xuất xứ từ vùng được bảo hộ thì xâm phạm theo Điều 129.3.`,
        reasonEn: q
          ? `The listing uses the geographical indication "${r.name}" for ${r.product ?? 'the product'} with the qualifier "${q.matched}", which may infringe Art. 129.3.`
          : `The listing uses the geographical indication "${r.name}" ("${h.matched}") for ${r.product ?? 'the product'}; if the goods do not meet its standards or come from its region this infringes Art. 129.3.`,
      });
      continue;
    }
    const identical = h.method === 'exact' || h.method === 'folded' || h.method === 'alias';
    const article: LegalBasis['article'] = r.wellKnown && h.goodsFit !== true ? '129.1.d' : identical && h.goodsFit === true ? '129.1.a' : identical ? '129.1.b' : '129.1.c';
    const how = { exact: 'giống hệt', folded: 'giống hệt (không dấu)', alias: 'tên gọi khác', disguised: 'ngụy trang', fuzzy: 'gần giống', compatibility: 'tương thích' }[h.method];
    const howEn = { exact: 'identical', folded: 'identical (without diacritics)', alias: 'an alias', disguised: 'disguised', fuzzy: 'a near-identical spelling', compatibility: 'compatibility' }[h.method];
    const kindVi = r.kind === 'mark' ? 'nhãn hiệu' : r.kind === 'collective_mark' ? 'nhãn hiệu tập thể' : 'nhãn hiệu chứng nhận';
    const kindEn = r.kind === 'mark' ? 'mark' : r.kind === 'collective_mark' ? 'collective mark' : 'certification mark';
    const goodsVi = article === '129.1.d' ? 'nhãn hiệu nổi tiếng, dùng cho bất kỳ hàng hóa nào' : h.goodsFit ? 'cho hàng hóa trùng với hàng hóa được bảo hộ' : 'cho hàng hóa có thể tương tự';
    const goodsEn = article === '129.1.d' ? 'a well-known mark, used on any goods' : h.goodsFit ? 'on goods identical to the protected goods' : 'on possibly similar goods';
    out.push({
      rightId: r.id,
      article,
      reasonVi: `Tin đăng dùng dấu hiệu "${h.matched}" (${how}) với ${kindVi} "${r.name}", ${goodsVi}, có khả năng xâm phạm theo Điều ${article}.`,
      reasonEn: `The listing uses the sign "${h.matched}" (${howEn}) of the ${kindEn} "${r.name}", ${goodsEn}, which may infringe Art. ${article}.`,
    });
  }
  return out;
}
