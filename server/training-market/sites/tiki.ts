/**
 * The Tiki-like site: search through the JSON API `/api/v2/products?limit=40&q=&page=` (`data[]`,
 * `paging`), product pages `/<slug>-p<id>.html` rendered on the server with the product in
 * `<script id="__NEXT_DATA__" type="application/json">`, and the product JSON at `/api/v2/products/<id>`
 * with `current_seller`. Removed listings answer 404 (page and API).
 */
import { Hono } from 'hono';
import { escapeHtml, jsonForScript } from '../html.ts';
import type { SiteListing } from '../market.ts';
import { baseOf, guardPage, imageResponse, imageUrl, intParam, paginate, rateLimit, removedPage, simplePage, type SiteContext } from './common.ts';
import { cardsGrid, pagerLinks, productBody } from './product-page.ts';

/** The Tiki-like site's routes, mounted under /tiki. */
export function tikiSite(ctx: SiteContext): Hono {
  const app = new Hono();
  app.use('*', rateLimit(ctx));
  app.get('/img/:id', (c) => imageResponse(c, ctx, c.req.param('id')));

  app.get('/api/v2/products', (c) => {
    const base = baseOf(c, 'tiki');
    const limit = Math.max(1, intParam(c.req.query('limit'), 40, 100));
    const all = ctx.market.search('tiki', c.req.query('q') ?? '');
    const { items, page, lastPage } = paginate(all, Number(c.req.query('page') ?? 1), limit);
    return c.json({
      data: items.map((l) => ({
        id: l.num,
        sku: String(l.num + 1_000_000_000),
        name: l.item.title,
        url_key: `${l.slug}-p${l.num}`,
        url_path: `${l.slug}-p${l.num}.html?spid=${l.num + 1}`,
        type: 'simple',
        price: l.price,
        list_price: l.item.listPrice,
        original_price: l.item.listPrice,
        discount_rate: Math.max(0, Math.round((1 - l.price / l.item.listPrice) * 100)),
        rating_average: 4 + (l.num % 10) / 10,
        review_count: Math.round(l.item.sold / 9),
        quantity_sold: { text: `Đã bán ${l.item.sold}`, value: l.item.sold },
        thumbnail_url: imageUrl(base, l),
        seller_id: l.shopId,
        seller_name: l.seller.name,
        seller_product_id: l.num + 1,
        brand_name: l.item.brand ?? 'OEM',
      })),
      paging: { current_page: page, last_page: lastPage, per_page: limit, total: all.length, from: (page - 1) * limit + 1, to: Math.min(page * limit, all.length) },
    });
  });

  app.get('/api/v2/products/:id', (c) => {
    const l = ctx.market.get('tiki', c.req.param('id'));
    if (!l || l.status === 'removed') return c.json({ error: { code: 404, message: 'Sản phẩm không tồn tại / Product not found' } }, 404);
    return c.json(productJson(l, baseOf(c, 'tiki')));
  });

  app.get('/search', (c) => {
    const base = baseOf(c, 'tiki');
    const q = c.req.query('q') ?? '';
    const { items, page, lastPage } = paginate(ctx.market.search('tiki', q), Number(c.req.query('page') ?? 1), 40);
    const cards = cardsGrid(items.map((l) => ({ href: `${base}/${l.slug}-p${l.num}.html?src=search&q=${encodeURIComponent(q)}`, image: imageUrl(base, l), title: l.item.title, price: l.price, seller: l.seller.name, location: l.seller.location, cls: 'product-item' })));
    return c.html(simplePage(ctx, c, `Kết quả tìm kiếm cho "${q}"`, cards + pagerLinks(page, lastPage, (p) => `${base}/search?q=${encodeURIComponent(q)}&page=${p}`)));
  });

  app.get('/:file{.+-p\\d+\\.html}', async (c) => {
    const m = /-p(\d+)\.html$/.exec(c.req.param('file'))!;
    const blocked = await guardPage(c, ctx);
    if (blocked) return blocked;
    const l = ctx.market.get('tiki', m[1]);
    if (!l || l.status === 'removed') return c.html(removedPage(ctx, c), 404);
    const base = baseOf(c, 'tiki');
    const product = productJson(l, base);
    const nextData = { props: { pageProps: { product, seller: product.current_seller } }, page: '/[productSlug]', query: { productSlug: `${l.slug}-p${l.num}.html` }, buildId: 'ipwatch-training' };
    const head = `<link rel="canonical" href="${escapeHtml(`${base}/${l.slug}-p${l.num}.html`)}"><meta property="og:title" content="${escapeHtml(l.item.title)}">`;
    const body = productBody(l, imageUrl(base, l), { sellerLabel: 'Nhà bán', mall: 'Chính hãng' }) + `<script id="__NEXT_DATA__" type="application/json">${jsonForScript(nextData)}</script>`;
    return c.html(simplePage(ctx, c, l.item.title, body, head, { heading: false }));
  });
  return app;
}

/** The product JSON of `/api/v2/products/<id>`. */
function productJson(l: SiteListing, base: string) {
  const storeSlug = l.seller.name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cua-hang';
  return {
    id: l.num,
    master_id: l.num,
    sku: String(l.num + 1_000_000_000),
    name: l.item.title,
    url_key: `${l.slug}-p${l.num}`,
    url_path: `${l.slug}-p${l.num}.html`,
    short_url: `${base}/p/${l.num}`,
    type: 'simple',
    price: l.price,
    list_price: l.item.listPrice,
    original_price: l.item.listPrice,
    discount_rate: Math.max(0, Math.round((1 - l.price / l.item.listPrice) * 100)),
    description: l.item.description,
    short_description: l.item.title,
    thumbnail_url: imageUrl(base, l),
    images: [{ base_url: imageUrl(base, l), large_url: imageUrl(base, l), thumbnail_url: imageUrl(base, l), is_gallery: true }],
    inventory_status: 'available',
    all_time_quantity_sold: l.item.sold,
    brand: { id: 10_000 + ((l.item.brand ?? 'OEM').length * 977) % 50_000, name: l.item.brand ?? 'OEM', slug: (l.item.brand ?? 'oem').toLowerCase().replace(/[^a-z0-9]+/g, '-') },
    current_seller: {
      id: l.shopId,
      sku: String(l.num + 1),
      name: l.seller.name,
      link: `${base}/cua-hang/${storeSlug}`,
      logo: `${base}/img/${l.imageId}.svg`,
      price: l.price,
      product_id: String(l.num + 1),
      store_id: l.shopId + 50_000,
      is_best_store: l.seller.official,
      is_offline_installment_supported: null,
      location: l.seller.location,
    },
    other_sellers: [],
    categories: { id: 1000 + (l.item.category.length * 311) % 9000, name: l.item.category[l.item.category.length - 1], is_leaf: true },
    breadcrumbs: [...l.item.category.map((name, i) => ({ url: `/${encodeURIComponent(name)}/c${1000 + i}`, name, category_id: 1000 + i })), { url: `/${l.slug}-p${l.num}.html`, name: l.item.title, category_id: 0 }],
    specifications: [{ name: 'Content', attributes: [{ code: 'origin', name: 'Xuất xứ (gửi từ)', value: l.seller.location }] }],
  };
}
