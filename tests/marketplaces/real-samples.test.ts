/**
 * The adapters against real captures in ../shared/data/marketplace-samples (read at run time, never
 * copied into the repository). Skipped with a message when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/schema/index.ts';
import { ADAPTERS } from '../../shared/marketplaces/index.ts';

const SAMPLES = process.env.IPWATCH_SAMPLES_DIR ?? join(import.meta.dirname, '../../../shared/data/marketplace-samples');
const present = existsSync(SAMPLES);
if (!present) console.warn(`[marketplaces] ${SAMPLES} is absent: real-sample adapter tests skipped`);
const read = (rel: string) => readFileSync(join(SAMPLES, rel), 'utf8');

describe.skipIf(!present)('real marketplace samples', () => {
  it('Lazada catalog HTML → 40 cards with seller, location, price and the next page', () => {
    const url = 'https://www.lazada.vn/catalog/?q=Nha+gia+kim';
    const html = read('lazada/chuhieu311_lazada_catalog_nha-gia-kim.html');
    expect(ADAPTERS.lazada.classifyPage(html, url, 200)).toEqual({ kind: 'ok' });
    const page = ADAPTERS.lazada.parseSearch(html, url);
    expect(page.cards).toHaveLength(40);
    const first = page.cards[0];
    expect(first.externalId).toBe('231630079');
    expect(first.url).toBe('https://www.lazada.vn/products/nha-gia-kim-i231630079-s294080556.html');
    expect(first.partial).toMatchObject({ title: 'Nhà Giả Kim', price: 40000, sellerName: 'Hoàng Gia Books', sellerId: '100216819', shopLocation: 'Việt Nam' });
    const locations = new Set(page.cards.map((c) => c.partial.shopLocation));
    expect(locations).toContain('Bắc Ninh');
    expect(locations).toContain('Hà Nội');
    expect(page.next).toBe('https://www.lazada.vn/catalog/?q=Nha+gia+kim&page=2');
  });

  it('Lazada product HTML → Listing sold by sachbanchay-vn with breadcrumb and price', () => {
    const url = 'https://www.lazada.vn/products/nha-gia-kim-tai-ban-2017-paulo-coelho-i132621522-s133154361.html?spm=a2o4n';
    const listing = ADAPTERS.lazada.parseListing(read('lazada/chuhieu311_lazada_product_detail_book.html'), url);
    expect(Listing.parse(listing)).toEqual(listing);
    expect(listing).toMatchObject({
      marketplace: 'lazada',
      externalId: '132621522',
      url: 'https://www.lazada.vn/products/nha-gia-kim-tai-ban-2017-paulo-coelho-i132621522-s133154361.html',
      title: 'Nhà Giả Kim (Tái Bản 2017) - Paulo Coelho',
      price: 58000,
      currency: 'VND',
      sellerName: 'sachbanchay-vn',
      sellerId: '6548',
      brand: 'Nhã Nam',
      categoryPath: ['Media, Music & Books', 'Books', 'Local Books', 'Self Help'],
    });
    expect(listing.description).toMatch(/^NHÀ GIẢ KIM\s+là cuốn sách/);
    expect(listing.description).not.toContain('<span');
  });

  it('Tiki 2018 search HTML (old layout) → card with id, title, price and category path', () => {
    const url = 'https://tiki.vn/search?q=ng%C6%B0%E1%BB%9Di+h%C3%B3a+th%C3%BA+4';
    const page = ADAPTERS.tiki.parseSearch(read('tiki/chuhieu311_tiki_search_nguoi-hoa-thu-4.html'), url);
    expect(page.cards).toHaveLength(1);
    expect(page.cards[0]).toMatchObject({
      externalId: '4363785',
      url: 'https://tiki.vn/animorphs-nguoi-hoa-thu-tap-4-thong-diep-p4363785.html',
      partial: { title: 'Animorphs - Người Hóa Thú (Tập 4) : Thông Điệp', price: 49770, categoryPath: ['Nhà Sách Tiki', 'Sách tiếng Việt', 'Sách văn học', 'Văn học nước ngoài', 'Huyền bí - Giả tưởng'] },
    });
    expect(page.next).toBeUndefined();
  });

  it('Shopee item/get JSON → Listing with price ÷ 100 000, shop_location and shopid.itemid', () => {
    const url = 'https://shopee.vn/api/v4/item/get?itemid=3391609027&shopid=85794847';
    const text = read('shopee/duyet_shopee-track-demo/api_v4_item_get_3391609027.json');
    expect(ADAPTERS.shopee.classifyUrl(url)).toBe('api-listing');
    const card = { url: 'https://shopee.vn/(BH-12-th%C3%A1ng)-S%E1%BA%A1c-Nhanh-PD-18W-i.85794847.3391609027', sellerName: 'Shop Sạc Nhanh' };
    const listing = ADAPTERS.shopee.parseListing(text, url, card);
    expect(listing).toMatchObject({
      marketplace: 'shopee',
      externalId: '85794847.3391609027',
      url: card.url,
      price: 50000,
      sellerId: '85794847',
      sellerName: 'Shop Sạc Nhanh',
      shopLocation: 'Hà Nội',
      shipsFrom: 'Hà Nội',
      officialStore: false,
    });
    expect(listing.title).toMatch(/^\(BH 12 tháng\) Sạc Nhanh PD 18W/);
    expect(listing.imageUrls).toEqual(['https://down-vn.img.susercontent.com/file/2c3eb5d46df5721d7d1b64cfdb0d4c6c']);
  });

  it('a real Shopee listing card (recommend item) read as a search_items entry → card with VND price and shop_location', () => {
    const item = JSON.parse(read('shopee/tranledienlam_recommend_item.json'));
    const url = 'https://shopee.vn/api/v4/search/search_items?by=relevancy&keyword=%C3%A1o%20kho%C3%A1c&limit=60&newest=0&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2';
    const page = ADAPTERS.shopee.parseSearch(JSON.stringify({ items: [{ itemid: item.itemid, shopid: item.shopid, item_basic: item }], nomore: false }), url);
    expect(page.cards).toHaveLength(1);
    expect(page.cards[0]).toMatchObject({ externalId: '460257458.3891290785', partial: { price: 89000, shopLocation: 'TP. Hồ Chí Minh', sellerId: '460257458' } });
    expect(ADAPTERS.shopee.classifyUrl(page.cards[0].url)).toBe('listing');
    expect(page.next).toBe('https://shopee.vn/search?keyword=%C3%A1o%20kho%C3%A1c&page=1');
  });

  it('Shopee product URLs from the real config give the item/get and shop API URLs', () => {
    const urls = read('shopee/duyet_shopee-track-demo/config.yaml').match(/https:\/\/shopee\.vn\/\S+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) {
      expect(ADAPTERS.shopee.classifyUrl(url)).toBe('listing');
      const [item, shop] = ADAPTERS.shopee.apiUrlsFor!(url);
      const [, shopid, itemid] = /-i\.(\d+)\.(\d+)$/.exec(url)!;
      expect(item).toBe(`https://shopee.vn/api/v4/item/get?itemid=${itemid}&shopid=${shopid}`);
      expect(shop).toBe(`https://shopee.vn/api/v4/shop/get_shop_base?shopid=${shopid}`);
    }
  });

  it('Sendo listing JSON → cards with shop_warehouse_city; ad slots without an item are skipped', () => {
    const url = 'https://www.sendo.vn/api/web/products?q=ban&page=1&size=60';
    const raw = read('sendo/datPT96_sendo_listing_products_58d24a1.json');
    const page = ADAPTERS.sendo.parseSearch(raw, url);
    const withItem = (JSON.parse(raw) as Array<{ item?: unknown }>).filter((e) => e.item).length;
    expect(page.cards).toHaveLength(withItem);
    expect(page.cards[0]).toMatchObject({
      externalId: '39103035',
      url: 'https://www.sendo.vn/ban-goc-tuong-co-hoc-sach-recils-39103035.html',
      partial: { title: 'Bàn góc tường có học sách Recils', price: 2200000, sellerId: '866717', sellerName: 'Recils', shopLocation: 'Đà Nẵng' },
    });
    expect(page.cards.filter((c) => c.partial.shopLocation)).toHaveLength(page.cards.length - 1); // one real item has no city
    expect(page.cards.map((c) => c.partial.shopLocation)).toContain('TP.HCM');
  });
});
