/**
 * Whether a folded word is shaped like a Vietnamese syllable (onset, vowel nucleus, coda). Tells
 * Vietnamese words from English or other foreign words without a dictionary: "deep", "oil",
 * "blemish", "oreal" are not Vietnamese syllables; "men", "tam", "long" are. Pure.
 */

const VIET_SYLLABLE = /^(ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|[bcdghklmnprstvx])?(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|oeo|uay|uai|ia|ie|ye|ua|uo|oa|oe|ue|uy|ai|ao|au|ay|eo|eu|iu|oi|ui|[aeiouy])(ng|nh|ch|[cmnpt]|[iyuo])?$/;

/** True when a folded (lower case, no diacritics) word could be a Vietnamese syllable. */
export function isVietnameseSyllable(folded: string): boolean {
  return VIET_SYLLABLE.test(folded);
}
