/**
 * Robustness of the shared readers: JSON-LD shapes seen in the wild (@graph, arrays, AggregateOffer,
 * category strings, ProductGroup), Tiki's official-store rule, and a property test: whatever text
 * and URL an adapter is given, it either returns a schema-valid Listing/search page or throws
 * PageNotListingError, never anything else and never a half-filled listing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Listing, SearchPage } from '../../shared/schema/index.ts';
import { ADAPTERS, PageNotListingError } from '../../shared/marketplaces/index.ts';

const URL_SHOP = 'https://cuahang.example.vn/products/tra-tan-cuong';
const ldPage = (json: unknown) => `<html><head><script type="application/ld+json">${JSON.stringify(json)}</script></head><body></body></html>`;

describe('JSON-LD shapes', () => {
  it('reads a Product inside @graph with an AggregateOffer, a category string and an image object', () => {
    const listing = ADAPTERS.jsonld.parseListing(
      ldPage({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Cửa hàng' },
          {
            '@type': ['Product', 'Thing'],
            name: 'Chè Tân Cương Thái Nguyên 500g',
            category: 'Thực phẩm > Trà > Trà xanh',
            image: [{ '@type': 'ImageObject', url: '/img/tra.jpg' }],
            brand: 'Trà Việt',
            offers: { '@type': 'AggregateOffer', lowPrice: '180.000', highPrice: '250.000', priceCurrency: 'VND', offers: [{ '@type': 'Offer', price: 180000, seller: { name: 'Hợp tác xã Tân Cương', address: { addressRegion: 'Thái Nguyên' } } }] },
          },
        ],
      }),
      URL_SHOP,
    );
    expect(listing).toMatchObject({
      externalId: 'tra-tan-cuong',
      title: 'Chè Tân Cương Thái Nguyên 500g',
      price: 180000,
      sellerName: 'Hợp tác xã Tân Cương',
      sellerId: 'Hợp tác xã Tân Cương',
      shopLocation: 'Thái Nguyên',
      categoryPath: ['Thực phẩm', 'Trà', 'Trà xanh'],
      imageUrls: ['https://cuahang.example.vn/img/tra.jpg'],
      brand: 'Trà Việt',
    });
  });

  it('skips a broken JSON-LD block and reads the next one', () => {
    const html = `<script type="application/ld+json">{ broken </script>${ldPage({ '@type': 'Product', name: 'Nước mắm Phú Quốc', offers: { price: 120000 } })}`;
    expect(ADAPTERS.jsonld.parseListing(html, URL_SHOP).title).toBe('Nước mắm Phú Quốc');
  });

  it('Tiki: Tiki Trading and is_best_store are official stores; other sellers are not', () => {
    const product = (seller: Record<string, unknown>) => JSON.stringify({ id: 5, name: 'Sữa Vinamilk', price: 30000, current_seller: { id: 1, ...seller } });
    const url = 'https://tiki.vn/api/v2/products/5';
    expect(ADAPTERS.tiki.parseListing(product({ name: 'Tiki Trading' }), url).officialStore).toBe(true);
    expect(ADAPTERS.tiki.parseListing(product({ name: 'Vinamilk Official', is_best_store: true }), url).officialStore).toBe(true);
    expect(ADAPTERS.tiki.parseListing(product({ name: 'Shop Sữa Rẻ', is_best_store: false }), url).officialStore).toBe(false);
  });
});

describe('any input', () => {
  const urls = [
    'https://shopee.vn/x-i.1.2',
    'https://shopee.vn/api/v4/item/get?itemid=2&shopid=1',
    'https://www.lazada.vn/products/x-i1-s2.html',
    'https://www.lazada.vn/catalog/?q=a',
    'https://tiki.vn/x-p1.html',
    'https://tiki.vn/api/v2/products?q=a&page=1',
    'https://www.sendo.vn/x-1.html',
    'https://www.sendo.vn/api/web/products?q=a&page=1&size=60',
    'https://shop.tiktok.com/view/product/1729384756102938475',
    URL_SHOP,
  ];
  // Texts built from fragments that each parser looks for, shuffled with junk.
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '<script type="application/ld+json">',
      '</script>',
      '{"@type":"Product","name":',
      '"offers":{"price":',
      'window.pageData=',
      '{"mods":{"listItems":[',
      '{"data":{"itemid":1,"shopid":2,"name":',
      '{"error":90309999}',
      '<script id="__NEXT_DATA__" type="application/json">',
      '<script id="__SENDO_STATE__" type="application/json">',
      '{"product_id":1,"name":"',
      'Vui lòng đăng nhập',
      'Sản phẩm không tồn tại',
      '<h1 class="product-title">',
      '\u0000',
      '"',
      '}',
      ']',
    ),
  );
  it('returns schema-valid data or throws PageNotListingError', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.constantFrom(...urls), fc.constantFrom(undefined, 200, 404, 429), (parts, url, status) => {
        const text = parts.join('');
        for (const adapter of Object.values(ADAPTERS)) {
          const state = adapter.classifyPage(text, url, status);
          expect(['ok', 'captcha', 'login', 'removed', 'error', 'rate-limited']).toContain(state.kind);
          for (const read of [() => Listing.parse(adapter.parseListing(text, url)), () => SearchPage.parse(adapter.parseSearch(text, url))]) {
            try {
              read();
            } catch (e) {
              if (!(e instanceof PageNotListingError)) throw e;
            }
          }
        }
      }),
      { numRuns: Number(process.env.IPWATCH_FUZZ_RUNS ?? 300) },
    );
  });
});
