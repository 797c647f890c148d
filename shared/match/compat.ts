/**
 * Compatibility uses (Art. 125): a mark named only to say what an accessory or spare part fits
 * ("ốp lưng cho iPhone 14", "lẫy khóa nồi cơm Toshiba", "lõi lọc dùng cho Sunhouse, Karofi, Kangaroo").
 * Such hits stay in the answer, with method `compatibility`, low risk and no legal basis. Four
 * patterns: a compatibility phrase before the sign ("cho", "dùng cho", "thay thế cho", "tương thích",
 * "đựng"…, possibly through device words and model names); an accessory that heads the title right
 * before the sign with a model after it ("Kính cường lực iPhone 13"); a spare part that heads the title
 * followed by the device it fits and then the sign ("Túi lọc máy giặt Toshiba"); and a list of
 * several brands in a title about parts or accessories.
 */
import type { TextToken } from '../text/normalize.ts';
import { getVocab, PhraseTable } from './vocab.ts';

/** Phrases that introduce what something fits. */
const COMPAT_PHRASES = ['cho', 'dành cho', 'dùng cho', 'dùng được cho', 'thay thế cho', 'thay cho', 'tương thích', 'tương thích với', 'tương thích cho', 'for', 'compatible', 'compatible with', 'fit', 'fits', 'hợp với', 'phù hợp', 'phù hợp với', 'thích hợp', 'thích hợp dùng', 'thích hợp cho', 'lắp cho', 'lắp vừa', 'vừa', 'theo máy', 'zin theo máy', 'thay thế', 'replacement', 'kết nối', 'kết nối với', 'sử dụng cho', 'đựng', 'các loại', 'các dòng', 'mọi dòng', 'dùng được'];

/** Accessories and spare parts that head a title ("ốp lưng …", "lõi lọc …"). */
const PART_PHRASES = ['ốp', 'ốp lưng', 'bao da', 'case', 'kính cường lực', 'cường lực', 'miếng dán', 'dán màn hình', 'dây đeo', 'dây sạc', 'dây cáp', 'dây giày', 'strap', 'củ sạc', 'bút cảm ứng', 'túi chống sốc', 'giá đỡ', 'giá kẹp', 'đế sạc', 'chân đế', 'vỏ', 'túi đựng', 'hộp đựng', 'lõi lọc', 'bộ lọc', 'màng lọc', 'túi lọc', 'lưới lọc', 'linh kiện', 'màn', 'màn hình', 'remote', 'điều khiển', 'lẫy', 'lẫy khóa', 'quai', 'quai xách', 'tay xách', 'nắp', 'gioăng', 'ron', 'hood', 'nắp đậy', 'decal', 'skin', 'bút vệ sinh', 'dụng cụ vệ sinh', 'hộp quang', 'hộp mực', 'đầu bàn chải', 'bo mạch', 'cảm biến', 'phụ kiện'];

/** Phone and watch accessories: heading a title right before a sign and its model ("Kính cường lực iPhone 13"). */
const ACCESSORY_PHRASES = ['ốp', 'ốp lưng', 'bao da', 'case', 'kính cường lực', 'cường lực', 'miếng dán', 'dán màn hình', 'dây đeo', 'strap', 'màn', 'màn hình', 'vỏ', 'skin', 'bút cảm ứng', 'túi chống sốc'];

/** Claims that the goods are the brand's own ("chính hãng"): then parts and accessories are the brand's, not compatible ones. */
const GENUINE_PHRASES = ['chính hãng', 'hàng chính hãng', 'genuine', 'authentic', 'official', 'zin'];

/** Devices a part is for ("… máy giặt Toshiba", "… nồi cơm TOSHIBA"). */
const DEVICE_PHRASES = ['máy', 'dòng', 'đời', 'các', 'mọi', 'đt', 'điện thoại', 'đồng hồ', 'đồng hồ thông minh', 'xe', 'tai nghe', 'loa', 'tivi', 'tv', 'laptop', 'máy tính', 'máy tính bảng', 'bàn chải', 'nồi', 'nồi cơm', 'nồi cơm điện', 'máy lọc nước', 'máy giặt', 'máy in', 'máy ảnh', 'máy hút bụi', 'robot', 'vali', 'ống kính', 'lens', 'len', 'kit', 'body', 'điều hòa', 'tủ lạnh', 'quạt', 'bếp', 'máy lạnh', 'camera', 'giày', 'ipad', 'tablet', 'khẩu trang', 'bút', 'sạc', 'cáp sạc', 'pin', 'máy lọc không khí', 'máy hút mùi', 'bình', 'ấm'];

const MODEL_WORDS = new Set(['pro', 'max', 'plus', 'mini', 'ultra', 'series', 'se', 'galaxy', 'note', 'tab', 'air', 'watch', 'buds', 'lite', 'x', 'xs', 'xr', 'promax']);

const table = (words: string[]) => {
  const t = new PhraseTable<true>(true);
  for (const w of words) t.add(w, true);
  return t;
};
const COMPAT = table(COMPAT_PHRASES);
const PARTS = table(PART_PHRASES);
const ACCESSORIES = table(ACCESSORY_PHRASES);
const GENUINE = table(GENUINE_PHRASES);
const DEVICES = table(DEVICE_PHRASES);

/** A model designation ("14", "S23", "V50", "Pro") or a foreign word. */
function modelLike(t: TextToken): boolean {
  return /^[a-z]{0,3}[0-9]+[a-z]{0,4}$/.test(t.folded) || MODEL_WORDS.has(t.folded);
}

/** How many tokens of a known phrase end at `end` (0 when none). */
function phraseEndingAt(t: PhraseTable<true>, toks: readonly TextToken[], end: number): number {
  for (let n = t.maxLen; n >= 1; n--) if (t.has(toks, end - n, n)) return n;
  return 0;
}

/** A compatibility phrase before the sign, possibly through device words, model names or other listed brands. */
function phraseBefore(toks: readonly TextToken[], i: number, hitStarts: Set<number>): boolean {
  const vocab = getVocab();
  let end = i;
  for (let steps = 0; steps < 6 && end > 0; steps++) {
    if (phraseEndingAt(COMPAT, toks, end) > 0) return true;
    // a comma or slash inside a list of devices, brands or models may be crossed, not a "|" or a bracket
    if (toks[end].gapBefore === 'hard' && !toks[end].listGap) return false;
    let n = phraseEndingAt(DEVICES, toks, end);
    if (n === 0) n = phraseEndingAt(vocab.goods as unknown as PhraseTable<true>, toks, end);
    if (n === 0 && (modelLike(toks[end - 1]) || hitStarts.has(end - 1) || vocab.otherBrands.has(toks[end - 1].folded))) n = 1;
    if (n === 0) return false;
    end -= n;
  }
  return false;
}

/** The first product phrase of the title (its head noun) is one of `parts`. */
function partHeaded(toks: readonly TextToken[], before: number, parts: PhraseTable<true> = PARTS): boolean {
  const vocab = getVocab();
  for (let k = 0; k < before; k++) {
    if (parts.startsAt(toks, k)) return true;
    if (vocab.goods.startsAt(toks, k) || DEVICES.startsAt(toks, k)) return false;
  }
  return false;
}

/** A model follows the sign ("iPhone 14", "LG V50"). */
function modelAfter(toks: readonly TextToken[], j: number): boolean {
  for (let k = j + 1; k <= j + 3 && k < toks.length; k++) {
    if (toks[k].gapBefore === 'hard' && k > j + 1) return false;
    if (modelLike(toks[k])) return true;
  }
  return false;
}

/** A device word right before the sign, and a part before that ("Lẫy khóa nồi cơm TOSHIBA"). */
function partForDevice(toks: readonly TextToken[], i: number): boolean {
  let end = i;
  if (phraseEndingAt(COMPAT, toks, end) > 0) return true;
  const d = phraseEndingAt(DEVICES, toks, end);
  if (d === 0) return false;
  end -= d;
  return partHeaded(toks, end);
}

/** The sign stands in a list of brands ("Sunhouse, Karofi, Kangaroo", "iPhone XiaoMi", "Lg, Sony"). */
function inBrandList(toks: readonly TextToken[], i: number, j: number, hitStarts: Set<number>, hitEnds: Set<number>, ownTokens: Set<number>): boolean {
  const vocab = getVocab();
  const prev = toks[i - 1];
  const next = toks[j + 1];
  const brandAt = (k: number) => (hitStarts.has(k) || hitEnds.has(k + 1) || vocab.otherBrands.has(toks[k]?.folded ?? '')) && !ownTokens.has(k);
  return (prev !== undefined && brandAt(i - 1)) || (next !== undefined && brandAt(j + 1));
}

/** Which hits (by token range) are compatibility uses; later mentions of a right first named for compatibility are too. */
export function compatibilityHits(toks: readonly TextToken[], ranges: ReadonlyArray<{ tokStart: number; tokEnd: number; rightId: string }>): boolean[] {
  if (ranges.length === 0) return [];
  const hitStarts = new Set(ranges.map((r) => r.tokStart));
  const hitEnds = new Set(ranges.map((r) => r.tokEnd));
  const titleIsPart = partHeaded(toks, toks.length);
  const titleHasCompat = toks.some((_, k) => COMPAT.startsAt(toks, k));
  const genuine = toks.some((_, k) => GENUINE.startsAt(toks, k));
  const out = ranges.map(({ tokStart: i, tokEnd, rightId }) => {
    const j = tokEnd - 1;
    if (phraseBefore(toks, i, hitStarts)) return true;
    if (!genuine && partHeaded(toks, i, ACCESSORIES) && modelAfter(toks, j) && !hitStarts.has(0)) return true;
    if (!genuine && partForDevice(toks, i)) return true;
    const own = new Set<number>();
    for (const r of ranges) if (r.rightId === rightId) for (let k = r.tokStart; k < r.tokEnd; k++) own.add(k);
    return (titleIsPart || titleHasCompat) && inBrandList(toks, i, j, hitStarts, hitEnds, own);
  });
  // forward: "cho LG V50 … LG X6"
  const firstCompat = new Map<string, number>();
  ranges.forEach((r, k) => {
    if (out[k] && !firstCompat.has(r.rightId)) firstCompat.set(r.rightId, r.tokStart);
  });
  ranges.forEach((r, k) => {
    const f = firstCompat.get(r.rightId);
    if (f !== undefined && r.tokStart > f) out[k] = true;
  });
  return out;
}
