/**
 * Counterfeit cues sellers write themselves ("rep 1:1", "super fake", "hàng F1", "siêu cấp") and the
 * GI qualifiers of Art. 129.3 ("kiểu", "loại", "phỏng theo", "style"), each with the neighbouring words
 * that make it innocent: "nhái" the frog, "F1" hybrid seeds and race cars, "móng giả" false nails,
 * "copy" in "máy photocopy", "fake đền x10" (a refund promise). Pure data; words are folded.
 */

/** A cue: its words (folded, as tokens) and the folded words around it that cancel it. */
export interface CuePattern {
  cue: string;
  words: string[];
  /** Cancelled when any of these words is among the two tokens before the cue. */
  notAfter?: string[];
  /** Cancelled when any of these words is among the two tokens after the cue. */
  notBefore?: string[];
  /** Only a cue when the listing sells goods of these Nice classes (e.g. "bản cao cấp" for shoes and bags). */
  onlyForClasses?: number[];
  /** Only a cue when a mark was found in the listing. */
  needsMark?: boolean;
}

const SEEDS_AND_RACING = ['hat', 'giong', 'hạt', 'seed', 'seeds', 'lai', 'xe', 'dua', 'đua', 'oto', 'mclaren', 'ferrari', 'lego', 'formula', 'oppo', 'sieu', 'xe dua'];

/** Counterfeit cues. */
export const COUNTERFEIT_CUES: CuePattern[] = [
  { cue: 'rep 1:1', words: ['rep', '1', '1'] },
  { cue: 'rep 1:1', words: ['rep', '11'] },
  { cue: 'rep 1:1', words: ['rep11'] },
  { cue: 'replica', words: ['replica'] },
  { cue: 'rep', words: ['rep'], needsMark: true, notBefore: ['lai', 'tin', 'comment', 'cmt', 'inbox', 'ib'], notAfter: ['tin'] },
  { cue: 'super fake', words: ['super', 'fake'] },
  { cue: 'super fake', words: ['sf'], needsMark: true, onlyForClasses: [25, 18, 14] },
  { cue: 'fake', words: ['fake'], notBefore: ['den', 'đền', 'hoan', 'phat', 'boi', 'x10', 'x2', 'x3', 'x5', 'hoàn'], notAfter: ['chong', 'chống', 'phan', 'biet', 'check', 'khong', 'không', 'noi', 'nói', 'mi', 'mong', 'tóc', 'toc'] },
  { cue: 'like auth', words: ['like', 'auth'] },
  { cue: 'like auth', words: ['like', 'authentic'] },
  { cue: 'like auth', words: ['likeauth'] },
  { cue: 'hàng F1', words: ['hang', 'f1'] },
  { cue: 'F1', words: ['f1'], needsMark: true, notAfter: SEEDS_AND_RACING, notBefore: ['lai', 'dua', 'racing', 'mclaren', 'ferrari', 'lm'], onlyForClasses: [25, 18, 14, 3, 9] },
  { cue: 'siêu cấp', words: ['sieu', 'cap'], notBefore: ['cay', 'ngon', 'to', 'dep', 'nhanh', 'toc', 'sach'], notAfter: ['pokemon'] },
  { cue: 'bản cao cấp', words: ['ban', 'cao', 'cap'], onlyForClasses: [25, 18, 14] },
  { cue: 'hàng nhái', words: ['hang', 'nhai'], notAfter: ['co', 'có', 'tranh', 'canh bao', 'phan biet', 'khong', 'không'] },
  { cue: 'nhái', words: ['nhai'], needsMark: true, notAfter: ['ech', 'con', 'moi', 'giả', 'gia', 'co', 'khong', 'không', 'chống'], notBefore: ['ben', 'hoi', 'moi', 'con', 'ech'] },
  { cue: 'copy', words: ['copy'], needsMark: true, notAfter: ['photo', 'may', 'giay', 'the', 'thẻ', 'ban', 'cop'], notBefore: ['the', 'key', 'card', 'rfid', '125khz', 'paste', 'right'] },
  { cue: 'mô phỏng', words: ['mo', 'phong'], needsMark: true, notAfter: ['do choi', 'xe', 'game', 'mo hinh', 'camera', 'gia'] },
  { cue: 'fake 1:1', words: ['fake', '1', '1'] },
  { cue: 'hàng giả', words: ['hang', 'gia'], needsMark: true, notAfter: ['chong', 'phan biet', 'co', 'canh bao', 'khong', 'noi'] },
];

/** GI qualifiers (Art. 129.3): next to a GI's name they claim a resemblance, which is itself a misuse. */
export const GI_QUALIFIERS: CuePattern[] = [
  { cue: 'kiểu', words: ['kieu'] },
  { cue: 'loại', words: ['loai'], notBefore: ['1', '2', '3', 'i', 'ii', 'mot', 'mới', 'ngon', 'dac biet', 'to', 'nho', 'lon', 'vip', 'a', 'b'] },
  { cue: 'dạng', words: ['dang'] },
  { cue: 'phỏng theo', words: ['phong', 'theo'] },
  { cue: 'theo kiểu', words: ['theo', 'kieu'] },
  { cue: 'type', words: ['type'] },
  { cue: 'style', words: ['style'] },
  { cue: 'imitation', words: ['imitation'] },
  { cue: 'giống', words: ['giong'], notBefore: ['cay', 'hat', 'cây', 'hạt', 'f1', 'lai'] },
];
