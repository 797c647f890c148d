/**
 * Other names sellers use for places that name GIs: older names and common spellings
 * ("Ban Mê Thuột" for Buôn Ma Thuột). The index adds them as aliases of every right whose name is
 * the place. Pure data; keys are folded place names.
 */

/** Folded place name → other ways of writing it. */
export const PLACE_VARIANTS: Record<string, string[]> = {
  'buon ma thuot': ['Ban Mê Thuột', 'Buôn Mê Thuột', 'Ban Mê', 'BMT'],
  'thua thien hue': ['Huế'],
  'ba ria vung tau': ['Bà Rịa Vũng Tàu', 'Vũng Tàu'],
  'cu lao cham hoi an': ['Cù Lao Chàm'],
  'phu quoc': ['Phú Quốc Kiên Giang'],
};
