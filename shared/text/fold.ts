/**
 * Diacritic folding for Vietnamese: "Đắk Lắk" → "dak lak". Used wherever two spellings of the same
 * words must compare equal (province names, register look-ups). The matcher has its own,
 * span-preserving normaliser in this folder; this is the plain string version.
 */

/** Lowercase, strip diacritics (đ → d), collapse whitespace and punctuation to single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
