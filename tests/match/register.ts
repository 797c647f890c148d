/**
 * A small register for the matcher's tests, written here so the tests do not move when the bundled
 * registers change: marks of every shape (long, short, ordinary words, Vietnamese words, aliases,
 * well-known), a collective mark tied to a product and GIs whose place names are common words.
 */
import type { Right } from '../../shared/schema/index.ts';

const mark = (id: string, name: string, niceClasses: number[], extra: Partial<Right> = {}): Right => ({ id, kind: 'mark', name, niceClasses, ...extra });
const gi = (id: string, name: string, product: string, region: string[]): Right => ({ id, kind: 'gi', name, product, region });

/** The test register. */
export const TEST_RIGHTS: Right[] = [
  mark('nike', 'Nike', [25, 18, 28], { wellKnown: true }),
  mark('vinamilk', 'Vinamilk', [29, 30, 32], { wellKnown: true, referencePrice: 30000 }),
  mark('samsung', 'Samsung', [9, 7, 11], { wellKnown: true }),
  mark('panasonic', 'Panasonic', [7, 8, 9, 11]),
  mark('apple', 'Apple', [9, 14, 42], { wellKnown: true }),
  mark('iphone', 'iPhone', [9]),
  mark('lg', 'LG', [9, 7, 11]),
  mark('lv', 'Louis Vuitton', [18, 25, 14], { aliases: ['LV'], wellKnown: true }),
  mark('mlb', 'MLB', [25, 18]),
  mark('supor', 'Supor', [21, 11, 8]),
  mark('tiger', 'Tiger', [11, 21]),
  mark('ugreen', 'Ugreen', [9]),
  mark('dove', 'Dove', [3]),
  mark('hao-hao', 'Hảo Hảo', [30]),
  mark('adidas', 'adidas', [25, 18, 28], {
    authorizedSellers: [{ marketplace: 'shopee', shopName: 'adidas Official Store' }],
  }),
  { id: 'buoi-dien', kind: 'collective_mark', name: 'Bưởi Diễn', product: 'bưởi' },
  gi('phu-quoc', 'Phú Quốc', 'nước mắm', ['Kiên Giang']),
  gi('tan-cuong', 'Tân Cương', 'chè', ['Thái Nguyên']),
  gi('moc-chau', 'Mộc Châu', 'chè shan tuyết', ['Sơn La']),
  gi('hue-tram', 'Huế', 'tinh dầu tràm', ['Thừa Thiên Huế']),
  gi('cao-phong', 'Cao Phong', 'cam', ['Hòa Bình']),
  gi('vinh', 'Vinh', 'cam', ['Nghệ An']),
  gi('luc-ngan', 'Lục Ngạn', 'vải thiều', ['Bắc Giang']),
  gi('bmt', 'Buôn Ma Thuột', 'cà phê', ['Đắk Lắk']),
];
