/**
 * Page states and hostile content: HTTP statuses, block pages answered 200, a seller who writes
 * "captcha" or "vui lòng đăng nhập" into a real listing (still read), titles with HTML, 10 000
 * characters and control characters (kept as clamped text), pages without a title (refused with an
 * error naming the URL and the field), and the price formats marketplaces use.
 */
import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/schema/index.ts';
import { ADAPTERS, PageNotListingError } from '../../shared/marketplaces/index.ts';
import { parseVndPrice, fromShopeePrice } from '../../shared/marketplaces/common/price.ts';
import { cleanLine } from '../../shared/marketplaces/common/text.ts';

const SHOP = 'http://127.0.0.1:4000/shop';
const productUrl = `${SHOP}/products/ao-thun-sp1`;

/** A minimal plain-shop product page with JSON-LD built from `product` (escaped like a careful shop would). */
function shopPage(product: Record<string, unknown>, body = ''): string {
  const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', ...product }).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><title>Shop</title><script type="application/ld+json">${json}</script></head><body>${body}</body></html>`;
}
const offer = (price: unknown, seller = 'Cửa hàng A') => ({ '@type': 'Offer', price, priceCurrency: 'VND', seller: { '@type': 'Organization', name: seller, address: { addressRegion: 'Hà Nội' } } });

function thrown(fn: () => unknown): PageNotListingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PageNotListingError) return e;
    throw e;
  }
  throw new Error('expected a PageNotListingError');
}

describe('page states from the HTTP status', () => {
  it.each([
    [429, 'rate-limited'],
    [404, 'removed'],
    [410, 'removed'],
    [401, 'login'],
    [403, 'captcha'],
    [500, 'error'],
    [503, 'error'],
  ])('HTTP %i → %s, whatever the body', (status, kind) => {
    const page = shopPage({ name: 'Áo thun', offers: offer(100000) });
    for (const a of Object.values(ADAPTERS)) expect(a.classifyPage(page, productUrl, status).kind).toBe(kind);
  });

  it('an empty 200 body is an error, not a listing', () => {
    expect(ADAPTERS.lazada.classifyPage('  ', 'https://www.lazada.vn/products/x-i1-s2.html', 200).kind).toBe('error');
    expect(thrown(() => ADAPTERS.lazada.parseListing('', 'https://www.lazada.vn/products/x-i1-s2.html')).state.kind).toBe('error');
  });
});

describe('block pages answered 200', () => {
  const captcha = '<html><head><title>Xác minh</title></head><body><div>Vui lòng kéo thanh trượt để xác minh bạn không phải robot</div></body></html>';
  const login = '<html><head><title>Đăng nhập</title></head><body><form><p>Vui lòng đăng nhập để tiếp tục</p><input type="password"></form></body></html>';
  const removed = '<html><body><h1>Sản phẩm không tồn tại</h1><p>Sản phẩm này đã bị xóa.</p></body></html>';
  const recaptcha = '<html><body><div class="g-recaptcha" data-sitekey="x"></div></body></html>';
  it.each([
    ['captcha', captcha],
    ['login', login],
    ['removed', removed],
    ['captcha', recaptcha],
  ])('%s page at a product URL is classified and refused by every HTML adapter', (kind, html) => {
    const urls = {
      lazada: 'https://www.lazada.vn/products/x-i1-s2.html',
      tiki: 'https://tiki.vn/x-p1.html',
      sendo: 'https://www.sendo.vn/x-1.html',
      jsonld: productUrl,
      tiktok: 'https://shop.tiktok.com/view/product/1729384756102938475',
      shopee: 'https://shopee.vn/x-i.1.2',
    } as const;
    for (const [name, url] of Object.entries(urls)) {
      const adapter = ADAPTERS[name as keyof typeof urls];
      expect(adapter.classifyPage(html, url, 200).kind, name).toBe(kind);
      const error = thrown(() => adapter.parseListing(html, url));
      expect(error.state.kind).toBe(kind);
      expect(error.message).toContain(url);
    }
  });

  it('the Lazada anti-bot and login redirect URLs are blocks whatever the page says', () => {
    expect(ADAPTERS.lazada.classifyPage('<html></html>', 'https://www.lazada.vn/_____tmd_____/punish?x5secdata=1', 200).kind).toBe('captcha');
    expect(ADAPTERS.lazada.classifyPage('<html></html>', 'https://member.lazada.vn/user/login?redirect=x', 200).kind).toBe('login');
    expect(ADAPTERS.shopee.classifyPage('<html></html>', 'https://shopee.vn/verify/traffic?is_initial=true', 200).kind).toBe('captcha');
  });

  it('Lazada ajax anti-bot answers are captcha or login, by where they send the client', () => {
    const url = 'https://www.lazada.vn/catalog/?q=nike&ajax=true';
    const answer = (target: string) => JSON.stringify({ ret: ['FAIL_SYS_USER_VALIDATE', 'RGV587_ERROR::SM::Hệ thống đang bận'], data: { url: target } });
    expect(ADAPTERS.lazada.classifyPage(answer('https://www.lazada.vn/_____tmd_____/punish?x5step=1'), url, 200).kind).toBe('captcha');
    expect(ADAPTERS.lazada.classifyPage(answer('https://www.lazada.vn/_____tmd_____/punish?x5step=1&login=1'), url, 200).kind).toBe('login');
    expect(() => ADAPTERS.lazada.parseSearch(answer('x'), url)).toThrow(PageNotListingError);
  });

  it('Shopee API answers: anti-bot code → captcha, error 4 → removed, other codes → error', () => {
    const url = 'https://shopee.vn/api/v4/item/get?itemid=2&shopid=1';
    expect(ADAPTERS.shopee.classifyPage('{"error":90309999,"is_login":false}', url, 200).kind).toBe('captcha');
    expect(ADAPTERS.shopee.classifyPage('{"error":4,"error_msg":"item not found","data":null}', url, 200).kind).toBe('removed');
    expect(ADAPTERS.shopee.classifyPage('{"error":77,"error_msg":"weird"}', url, 200)).toMatchObject({ kind: 'error', reason: expect.stringContaining('77') });
  });
});

describe('hostile listings', () => {
  it('a seller writing "captcha", "vui lòng đăng nhập" and "không tồn tại" in a real listing does not hide it', () => {
    const title = 'Áo thun captcha — vui lòng đăng nhập để xem, hàng không tồn tại ở đâu khác';
    const page = shopPage({ name: title, description: 'Sản phẩm không tồn tại ở cửa hàng khác. Please log in to continue.', offers: offer(120000) });
    expect(ADAPTERS.jsonld.classifyPage(page, productUrl, 200)).toEqual({ kind: 'ok' });
    expect(ADAPTERS.jsonld.parseListing(page, productUrl).title).toBe(title);
  });

  it('HTML, 10 000 characters and control characters in a title are kept as clamped text', () => {
    const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const title = `${markup}\u0000\u0007Giày\u200B Nike\u202E\t\n rep 1:1 ${'x'.repeat(10_000)}`;
    const listing = ADAPTERS.jsonld.parseListing(shopPage({ name: title, offers: offer('1.250.000 ₫', 'Shop "><svg onload=alert(3)>') }), productUrl);
    expect(Listing.parse(listing)).toEqual(listing);
    expect(listing.title.startsWith(`${markup} Giày\u200B Nike rep 1:1 x`)).toBe(true);
    expect(Array.from(listing.title)).toHaveLength(2000);
    expect(listing.title).not.toMatch(/[\u0000-\u001F\u007F\u202E]/);
    expect(listing.sellerName).toBe('Shop "><svg onload=alert(3)>');
    expect(listing.price).toBe(1_250_000);
  });

  it('a title written as markup inside the page (og:title fallback) is read as characters', () => {
    const page = `<html><head><meta property="og:type" content="product"><meta property="og:title" content="&lt;b&gt;Nước mắm&lt;/b&gt; Phú Quốc"><meta property="product:price:amount" content="45000"></head><body></body></html>`;
    const listing = ADAPTERS.jsonld.parseListing(page, productUrl);
    expect(listing.title).toBe('<b>Nước mắm</b> Phú Quốc');
    expect(listing.price).toBe(45000);
  });

  it('a product page without a title is refused with the URL and the missing field, never half-filled', () => {
    const error = thrown(() => ADAPTERS.jsonld.parseListing(shopPage({ name: '  \u0000 ', offers: offer(1) }), productUrl));
    expect(error.state.kind).toBe('error');
    expect(error.missing).toContain('title');
    expect(error.message).toContain(productUrl);
    expect(error.message).toContain('title');
  });

  it('a Shopee item answer without ids is refused', () => {
    const url = 'https://shopee.vn/api/v4/item/get?itemid=2&shopid=1';
    const error = thrown(() => ADAPTERS.shopee.parseListing('{"error":null,"data":{"itemid":null,"name":"Áo","price":100000}}', url));
    expect(error.missing).toContain('externalId');
  });

  it('search cards with hostile names stay text, and broken cards are skipped', () => {
    const json = JSON.stringify({
      data: [
        { type: 'SKU', item: { product_id: 1, name: '<svg onload=alert(1)>', final_price: 10000, shop_id: 9, shop_name: 'S', shop_warehouse_city: 'Hà Nội', cat_path: 'svg-1.html' } },
        { type: 'SendoClick', is_empty: true },
        { type: 'SKU', item: { name: 'no id' } },
      ],
      meta: { page: 1, total_page: 3 },
    });
    const url = 'https://www.sendo.vn/api/web/products?q=a&page=1&size=60';
    const page = ADAPTERS.sendo.parseSearch(json, url);
    expect(page.cards).toHaveLength(1);
    expect(page.cards[0].partial.title).toBe('<svg onload=alert(1)>');
    expect(page.next).toBe('https://www.sendo.vn/api/web/products?q=a&page=2&size=60');
  });
});

describe('cards never lead off-site', () => {
  it('drops Lazada cards and shop links to other hosts; rebuilds Sendo URLs on the site', () => {
    const pageData = { mods: { listItems: [
      { name: 'Giày', itemId: '1', productUrl: '//evil.example/products/giay-i1-s2.html', price: '1000.00' },
      { name: 'Áo', itemId: '3', productUrl: '//www.lazada.vn/products/ao-i3-s4.html', price: '2000.00' },
    ] } };
    const lazada = ADAPTERS.lazada.parseSearch(`<script>window.pageData=${JSON.stringify(pageData)}</script>`, 'https://www.lazada.vn/catalog/?q=a');
    expect(lazada.cards.map((c) => c.url)).toEqual(['https://www.lazada.vn/products/ao-i3-s4.html']);

    const shop = ADAPTERS.jsonld.parseSearch('<a class="product" href="https://evil.example/products/x">x</a><a class="product" href="/shop/products/y">y</a>', `${SHOP}/search?q=a`);
    expect(shop.cards.map((c) => c.externalId)).toEqual(['y']);

    const sendo = ADAPTERS.sendo.parseSearch(JSON.stringify({ data: [{ item: { product_id: 7, name: 'Bún', cat_path: '//evil.example/bun-7.html' } }] }), 'https://www.sendo.vn/api/web/products?q=a&page=1&size=60');
    expect(sendo.cards[0].url).toBe('https://www.sendo.vn/san-pham-7.html');
  });
});

describe('prices', () => {
  it.each([
    ['1.250.000 ₫', 1_250_000],
    ['1.250.000đ', 1_250_000],
    ['₫31,000', 31_000],
    ['40000.00', 40_000],
    ['58000.0', 58_000],
    ['2.200.000đ - 3.000.000đ', 2_200_000],
    [58000, 58000],
    ['liên hệ', undefined],
    [-5, undefined],
    [null, undefined],
  ] as const)('%s → %s', (raw, vnd) => {
    expect(parseVndPrice(raw)).toBe(vnd);
  });

  it('Shopee prices are VND × 100 000', () => {
    expect(fromShopeePrice(5_000_000_000)).toBe(50_000);
    expect(fromShopeePrice('8900000000')).toBe(89_000);
    expect(fromShopeePrice(-1)).toBeUndefined();
  });

  it('cleanLine clamps by characters, not UTF-16 units', () => {
    expect(cleanLine('😀'.repeat(5), 3)).toBe('😀😀😀');
    expect(cleanLine(' \u0000 ', 10)).toBeUndefined();
  });
});
