/**
 * Look-alike characters sellers use to hide a sign from keyword filters: Cyrillic and Greek letters
 * that look Latin, digits and symbols written for letters, and the invisible characters that split a
 * word without showing. Pure data, used by the normaliser.
 */

/** Cyrillic and Greek letters (lower case) that look like a Latin letter. */
export const LOOKALIKE_LETTERS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g', ո: 'n', ս: 'u',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', μ: 'u', ϲ: 'c', ς: 's',
};

/** Upper-case Cyrillic and Greek letters that look like a Latin capital (Greek "Ν" is N, not ν → v). */
export const LOOKALIKE_CAPITALS: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Digits and symbols written for letters inside otherwise alphabetic words ("Sams0ng", "N1ke", "$ony"). */
export const DIGIT_LETTERS: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's',
};

/** The second reading of "1" (as "l": "App1e"). */
export const DIGIT_ONE_AS_L = 'l';

/** Characters that join or split a word without showing (zero-width, joiners, soft hyphen, BOM). */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

/** Combining marks that carry Vietnamese meaning (tones and vowel shapes); other marks are decoration. */
export const VIETNAMESE_MARKS = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031b]);

/** Punctuation that may sit inside a word as a disguise ("N.i.k.e", "V_i_n_a", "Sam-sung", "Biti's"). */
export const IN_WORD_SEPARATORS = new Set(['.', '-', '_', '*', '·', '•', "'", '’', '‘', '`', '´', '&', '~', '^', '+', '=', '\u2010', '\u2011', '\u2012', '\u2013', '\u00b7', '\u02d9']);
