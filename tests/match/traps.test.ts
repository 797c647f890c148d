/**
 * The matcher's rules, one test per trap of the issue: what must be found (plain, disguised, GI with
 * its product, qualifiers, compatibility) and what must not (homonyms, dishes, addresses, other
 * brands one letter away, seeds called F1, frogs called nhái).
 */
import { describe, expect, it } from 'vitest';
import { buildMatcher, matchListing } from '../../shared/match/index.ts';
import { ListingMatch } from '../../shared/schema/index.ts';
import { TEST_RIGHTS } from './register.ts';

const matcher = buildMatcher(TEST_RIGHTS);
const match = (title: string, extra: Record<string, unknown> = {}) => matcher.match({ id: 1, title, ...extra });
const ids = (title: string, extra: Record<string, unknown> = {}) => match(title, extra).hits.map((h) => h.rightId);
const methodOf = (title: string, rightId: string) => match(title).hits.find((h) => h.rightId === rightId)?.method;

describe('marks', () => {
  it('finds a plain mark and reports its span, method and legal basis', () => {
    const m = match('Giày Nike Air Force 1 trắng');
    expect(ListingMatch.parse(m)).toBeTruthy();
    expect(m.hits).toEqual([expect.objectContaining({ rightId: 'nike', matched: 'Nike', start: 5, end: 9, method: 'exact' })]);
    expect(m.basis[0]).toMatchObject({ rightId: 'nike', article: '129.1.a' });
    expect(m.basis[0].reasonVi).toContain('Nike');
    expect(m.basis[0].reasonEn).toContain('Nike');
  });

  it('finds a mark written without its diacritics as folded', () => {
    expect(methodOf('Mì Hao Hao tôm chua cay thùng 30 gói', 'hao-hao')).toBe('folded');
  });

  it('finds an alias', () => {
    expect(match('Túi xách nữ LV da bò').hits[0]).toMatchObject({ rightId: 'lv', method: 'alias', matched: 'LV' });
  });

  it('short marks only as whole tokens with fitting goods', () => {
    expect(ids('Tủ lạnh LG Inverter 300 lít')).toEqual(['lg']);
    expect(ids('Áo thun in chữ MLB')).toEqual(['mlb']);
    expect(ids('Túi lv nữ')).toEqual(['lv']);
    expect(ids('Bút bi LG-250 màu xanh')).toEqual([]); // part of a model number, stationery
    expect(ids('Áo dài thêu hoa mã LV4')).toEqual([]); // a product code
    expect(ids('Kem dưỡng ẩm Clg và LGX')).toEqual([]); // inside other words
    expect(ids('Nồi cơm điện mlb 1.8L')).toEqual([]); // goods do not fit
  });

  it('ordinary-word marks only when the goods fit', () => {
    expect(ids('Táo Apple Mỹ nhập khẩu 1kg')).toEqual([]);
    expect(ids('Apple Watch Series 8 GPS 45mm')).toEqual(['apple']);
    expect(ids('Nồi cơm điện Tiger 1.8L')).toEqual(['tiger']);
    expect(ids('Áo thun hình con Tiger cho bé')).toEqual([]);
    expect(ids('Sữa tắm Dove dưỡng ẩm 500g')).toEqual(['dove']);
    expect(ids('Móc khóa hình chim Dove')).toEqual([]);
  });

  it('ordinary-word marks inside another product name are not the mark', () => {
    expect(ids('Sữa tắm dưỡng da Pure Dove Soap Bar chiết xuất')).toEqual([]);
  });

  it('"Super" is not Supor and "Green" is not Ugreen, but Supor and Ugreen are', () => {
    expect(ids('Nồi super to chống dính')).toEqual([]);
    expect(ids('Nồi cơm điện Supor 1.8L')).toEqual(['supor']);
    expect(ids('Cáp sạc Green 2m')).toEqual([]);
    expect(ids('Cáp Ugreen USB-C 1m')).toEqual(['ugreen']);
  });

  it('misspellings of long marks are fuzzy hits, but another real brand one letter away is not', () => {
    expect(methodOf('Máy giặt Panasinic 9kg', 'panasonic')).toBe('fuzzy');
    expect(ids('Máy ảnh Nikon D750')).toEqual([]);
    const other = buildMatcher([{ id: 'supor', kind: 'mark', name: 'Suporr', niceClasses: [21] }, { id: 'x', kind: 'mark', name: 'Samsonite', niceClasses: [18] }]);
    expect(other.match({ id: 1, title: 'Vali Samsonitx size 24' }).hits.map((h) => h.method)).toEqual(['fuzzy']);
    expect(other.match({ id: 1, title: 'Vali Samsonite size 24' }).hits.map((h) => h.method)).toEqual(['exact']);
  });

  it('"mì" is not the mark "Mi" (diacritics decide)', () => {
    const m = buildMatcher([{ id: 'mi', kind: 'mark', name: 'Mi', niceClasses: [9] }]);
    expect(m.match({ id: 1, title: 'Mì tôm Hảo Hảo và điện thoại' }).hits).toEqual([]);
    expect(m.match({ id: 1, title: 'Điện thoại Mi 11 Lite' }).hits.map((h) => h.rightId)).toEqual(['mi']);
  });

  it('compatibility uses are reported as such with low risk and no legal basis', () => {
    for (const title of ['Ốp lưng cho iPhone 14 Pro Max', 'Dây đeo thay thế cho Apple Watch 45mm', 'Sạc nhanh dùng cho Samsung Galaxy S23', 'Kính cường lực iPhone 13 Pro']) {
      const m = match(title);
      expect(m.hits.length, title).toBe(1);
      expect(m.hits[0].method, title).toBe('compatibility');
      expect(m.basis, title).toEqual([]);
      expect(m.risk, title).toBeLessThan(0.3);
    }
    expect(methodOf('Điện thoại Samsung Galaxy S23 chính hãng', 'samsung')).toBe('exact');
  });
});

describe('GIs and product-bound marks', () => {
  it('a GI counts next to its product', () => {
    expect(ids('Nước mắm Phú Quốc 40 độ đạm chai 500ml')).toEqual(['phu-quoc']);
    expect(ids('Cà phê rang xay nguyên chất Buôn Ma Thuột 500g')).toEqual(['bmt']);
    expect(ids('Vải thiều Lục Ngạn loại 1 thùng 5kg')).toEqual(['luc-ngan']);
    expect(ids('Cam Cao Phong Hòa Bình ngọt lịm')).toEqual(['cao-phong']);
    expect(ids('nuoc mam phu quoc nhi 40 do')).toEqual(['phu-quoc']);
    expect(match('Nước mắm Phú Quốc').basis[0]).toMatchObject({ article: '129.3' });
  });

  it('dish names are not the GI (bún bò Huế is not the Huế cajeput oil)', () => {
    expect(ids('Bún bò Huế gói ăn liền')).toEqual([]);
    expect(ids('Tinh dầu tràm Huế nguyên chất 100ml')).toEqual(['hue-tram']);
  });

  it('"Tân Cương" Xinjiang jujubes and "Mộc Châu" milk are not the tea GIs', () => {
    expect(ids('Táo đỏ Tân Cương sấy khô 500g')).toEqual([]);
    expect(ids('Trà táo đỏ Tân Cương')).toEqual([]);
    expect(ids('Nho khô Tân Cương không hạt')).toEqual([]);
    expect(ids('Sữa tươi Mộc Châu 180ml')).toEqual([]);
    expect(ids('Chè Tân Cương Thái Nguyên loại đặc biệt')).toEqual(['tan-cuong']);
    expect(ids('Trà shan tuyết Mộc Châu')).toEqual(['moc-chau']);
  });

  it('a place in an address, a shop or a person name is not the GI', () => {
    expect(ids('Cà phê sữa đá - giao tại Buôn Ma Thuột')).toEqual([]);
    expect(ids('Nước mắm nhà làm shop Phú Quốc')).toEqual([]);
    expect(ids('Nước mắm cá cơm - chị Phú Quốc bán')).toEqual([]);
  });

  it('a place split across words or inside a longer name is not the GI', () => {
    expect(ids('Áo thun cao phong cách Hàn Quốc')).toEqual([]);
    expect(ids('Cam sành Trà Vinh')).toEqual([]);
    expect(ids('Cam Vinh Nghệ An quả to')).toEqual(['vinh']);
    expect(ids('Cam Vĩnh Long ngọt')).toEqual([]);
  });

  it('"Diễn" is not "điện", and a collective mark with its product is found', () => {
    expect(ids('Bưởi Diễn chính gốc')).toEqual(['buoi-dien']);
    expect(ids('Ổ cắm điện bưởi điện')).toEqual([]);
    expect(ids('Nồi cơm điện 1.8L')).toEqual([]);
  });

  it('"kiểu", "loại", "style" next to a GI are Art. 129.3 qualifiers; "loại 1" is a grade', () => {
    const m = match('Nước mắm kiểu Phú Quốc 35 độ');
    expect(m.cues).toEqual([expect.objectContaining({ kind: 'gi_qualifier', cue: 'kiểu', rightId: 'phu-quoc' })]);
    expect(m.basis[0].reasonVi).toContain('kiểu');
    expect(match('Vải thiều loại 1 Lục Ngạn').cues).toEqual([]);
    expect(match('Coffee Buon Ma Thuot style').hits.map((h) => h.rightId)).toEqual(['bmt']);
  });

  it('a family name or another word that folds to a qualifier is not one when its diacritics say so', () => {
    expect(match('Nước mắm Đặng Phú Quốc 40 độ').cues).toEqual([]);
    expect(match('Nước mắm dáng Phú Quốc').cues).toEqual([]);
    expect(match('Nước mắm dạng Phú Quốc').cues).toEqual([expect.objectContaining({ kind: 'gi_qualifier', cue: 'dạng' })]);
    expect(match('Nuoc mam dang Phu Quoc').cues).toEqual([expect.objectContaining({ kind: 'gi_qualifier', cue: 'dạng' })]);
  });

  it('a shop outside the GI region is a signal, inside lowers the risk', () => {
    const out = match('Nước mắm Phú Quốc 40 độ', { shopLocation: 'Hà Nội' });
    const inside = match('Nước mắm Phú Quốc 40 độ', { shopLocation: 'Kiên Giang' });
    expect(out.signals.map((s) => s.kind)).toContain('outside_region');
    expect(inside.signals.map((s) => s.kind)).toContain('inside_region');
    expect(out.risk).toBeGreaterThan(inside.risk);
  });
});

describe('cues and signals', () => {
  it('counterfeit cues raise the risk', () => {
    const plain = match('Giày Nike Air Force 1');
    for (const title of ['Giày Nike Air Force 1 rep 1:1', 'Giày Nike super fake', 'Giày Nike like auth', 'Giày Nike hàng F1', 'Giày Nike siêu cấp', 'Túi LV replica', 'Giày Nike bản cao cấp']) {
      const m = match(title);
      expect(m.cues.filter((c) => c.kind === 'counterfeit').length, title).toBeGreaterThan(0);
      expect(m.risk, title).toBeGreaterThan(plain.risk);
    }
  });

  it('traps: nhái the frog, F1 seeds, móng giả, photocopy, siêu cấp cay', () => {
    for (const title of ['Mồi giả nhái hơi câu cá lóc', 'Hạt giống dưa hấu F1 chịu nhiệt', 'Móng giả đính đá', 'Máy photocopy Ricoh', 'Giấy copy A4 Double A', 'Bánh tráng siêu cấp cay', 'Cam kết hàng chính hãng, fake đền x10']) {
      expect(match(title).cues, title).toEqual([]);
    }
    expect(match('Giày Nike chống fake').cues).toEqual([]);
  });

  it('an authorised seller or official store lowers the risk; a price far below the reference is signalled', () => {
    const anyone = match('Giày adidas Ultraboost', { marketplace: 'shopee', shopName: 'Giày Rẻ 88' });
    const official = match('Giày adidas Ultraboost', { marketplace: 'shopee', shopName: 'adidas Official Store', officialStore: true });
    expect(official.signals.map((s) => s.kind).sort()).toEqual(['authorized_seller', 'goods_match', 'official_store']);
    expect(official.risk).toBeLessThan(anyone.risk);
    const cheap = match('Sữa tươi Vinamilk 1L', { price: 9000 });
    expect(cheap.signals.map((s) => s.kind)).toContain('price_below_reference');
    const median = match('Sữa tươi Vinamilk 1L', { price: 20000 });
    expect(median.signals.map((s) => s.kind)).not.toContain('price_below_reference');
    expect(matcher.match({ id: 1, title: 'Sữa tươi Vinamilk 1L', price: 20000 }, { observedMedianPrice: { vinamilk: 50000 } }).signals.map((s) => s.kind)).toContain('price_below_reference');
  });

  it('matchListing adapts a stored listing', () => {
    const m = matchListing(matcher, {
      marketplace: 'shopee', externalId: '1.2', url: 'https://shopee.vn/x-i.1.2', title: 'Nước mắm Phú Quốc', currency: 'VND',
      shopLocation: 'TP. Hồ Chí Minh', seenAt: '2026-01-01T00:00:00.000Z',
    });
    expect(m.hits.map((h) => h.rightId)).toEqual(['phu-quoc']);
    expect(m.signals.map((s) => s.kind)).toContain('outside_region');
  });

  it('matches descriptions too, with spans in the description', () => {
    const description = 'Hàng xách tay. Giày N.i.k.e chính hãng';
    const m = match('Giày thể thao nam', { description });
    expect(m.hits).toEqual([expect.objectContaining({ rightId: 'nike', field: 'description', method: 'disguised' })]);
    expect(description.slice(m.hits[0].start, m.hits[0].end)).toBe('N.i.k.e');
  });
});

describe('more disguises and near misses', () => {
  it('finds disguised GIs next to their product, with the span of the disguise', () => {
    for (const [title, matched] of [
      ['Nước mắm P.h.ú Q.u.ố.c truyền thống', 'P.h.ú Q.u.ố.c'],
      ['Vải thiều Lục Ngạnn quả to', 'Lục Ngạnn'],
      ['Nước mắm Phú Qu0c 40 độ', 'Phú Qu0c'],
      ['Cam C a o  P h o n g ngọt', 'C a o  P h o n g'],
    ]) {
      const hit = match(title).hits[0];
      expect(hit?.matched, title).toBe(matched);
      expect(hit?.method, title).toBe('disguised');
    }
  });

  it('finds names written with " – " inside, and two swapped letters in long marks', () => {
    const m = buildMatcher([{ id: 'brvt', kind: 'gi', name: 'Bà Rịa – Vũng Tàu', product: 'hạt tiêu', region: ['Bà Rịa - Vũng Tàu'] }, ...TEST_RIGHTS]);
    expect(m.match({ id: 1, title: 'Hạt tiêu đen Bà Rịa – Vũng Tàu 500g' }).hits.map((h) => h.rightId)).toEqual(['brvt']);
    expect(m.match({ id: 1, title: 'Tivi 4K Sasmung 55 inch' }).hits).toEqual([expect.objectContaining({ rightId: 'samsung', method: 'fuzzy', matched: 'Sasmung' })]);
  });

  it('a shorter word is not a doubled-letter disguise ("WHO" is not "Whoo"), and a changed letter needs a long name', () => {
    const m = buildMatcher([{ id: 'whoo', kind: 'mark', name: 'Whoo', niceClasses: [3] }, { id: 'hermes', kind: 'mark', name: 'Hermes', niceClasses: [18, 25] }]);
    expect(m.match({ id: 1, title: 'Kem dưỡng da đạt chuẩn WHO 500ml' }).hits).toEqual([]);
    expect(m.match({ id: 1, title: 'Áo thun in hình Heroes' }).hits).toEqual([]);
    expect(m.match({ id: 1, title: 'Túi Hermmes da bò' }).hits.map((h) => h.method)).toEqual(['disguised']);
  });

  it('an accented title does not read an unmarked word as a marked one ("Trung" is not "trứng")', () => {
    const m = buildMatcher([{ id: 'tn', kind: 'mark', name: 'Trung Nguyên', niceClasses: [30] }]);
    expect(m.match({ id: 1, title: 'Sách Trung Nguyên đại chiến lịch sử' }).hits).toEqual([]);
    expect(m.match({ id: 1, title: 'Cà phê Trung Nguyên Legend 500g' }).hits.map((h) => h.rightId)).toEqual(['tn']);
  });
});

describe('a GI whose product the lexicon does not know', () => {
  it('counts next to the product as the register writes it', () => {
    const m = buildMatcher([{ id: 'x', kind: 'gi', name: 'Đông Dư', product: 'ổi lê', region: ['Hà Nội'] }]);
    expect(m.match({ id: 1, title: 'Ổi lê Đông Dư giòn ngọt' }).hits.map((h) => h.rightId)).toEqual(['x']);
    expect(m.match({ id: 1, title: 'Áo thun Đông Dư' }).hits).toEqual([]);
  });
});
