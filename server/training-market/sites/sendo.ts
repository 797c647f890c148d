/**
 * The Sendo-like site: search through `/api/web/products?q=&page=&size=60` (`data[].item` with
 * `shop_name`, `shop_warehouse_city`, `cat_path`), product pages `/<slug>-<product_id>.html` with the
 * state in `<script id="__SENDO_STATE__" type="application/json">`, and `/api/product/<id>`.
 * A removed listing's page answers 200 "Sản phẩm không tồn tại"; its API answers 404.
 */
import { Hono } from 'hono';
import { escapeHtml, formatVnd, jsonForScript } from '../html.ts';
import type { SiteListing } from '../market.ts';
import { baseOf, guardPage, imageResponse, imageUrl, intParam, paginate, rateLimit, removedPage, simplePage, type SiteContext } from './common.ts';
import { cardsGrid, pagerLinks, productBody } from './product-page.ts';

/** The Sendo-like site's routes, mounted under /sendo. */
export function sendoSite(ctx: SiteContext): Hono {
  const app = new Hono();
  app.use('*', rateLimit(ctx));
  app.get('/img/:id', (c) => imageResponse(c, ctx, c.req.param('id')));

  app.get('/api/web/products', (c) => {
    const base = baseOf(c, 'sendo');
    const size = Math.max(1, intParam(c.req.query('size'), 60, 60));
    const all = ctx.market.search('sendo', c.req.query('q') ?? '');
    const { items, page, lastPage } = paginate(all, Number(c.req.query('page') ?? 1), size);
    return c.json({ data: items.map((l, i) => ({ index: (page - 1) * size + i, type: 'SKU', item: itemJson(l, base) })), meta: { page, size, total_page: lastPage, total_count: all.length } });
  });

  app.get('/api/product/:id', (c) => {
    const l = ctx.market.get('sendo', c.req.param('id'));
    if (!l || l.status === 'removed') return c.json({ data: null, error: { code: 404, message: 'Sản phẩm không tồn tại' } }, 404);
    return c.json({ data: { ...itemJson(l, baseOf(c, 'sendo')), description: l.item.description, status: 2, status_text: 'Đang bán', category_path: l.item.category } });
  });

  app.get('/tim-kiem', (c) => {
    const base = baseOf(c, 'sendo');
    const q = c.req.query('q') ?? '';
    const { items, page, lastPage } = paginate(ctx.market.search('sendo', q), Number(c.req.query('p') ?? 1), 60);
    const cards = cardsGrid(items.map((l) => ({ href: `${base}/${l.slug}-${l.num}.html`, image: imageUrl(base, l), title: l.item.title, price: l.price, seller: l.seller.name, location: l.seller.location })));
    return c.html(simplePage(ctx, c, `Kết quả tìm kiếm "${q}"`, cards + pagerLinks(page, lastPage, (p) => `${base}/tim-kiem?q=${encodeURIComponent(q)}&p=${p}`)));
  });

  app.get('/:file{.+-\\d+\\.html}', async (c) => {
    const m = /-(\d+)\.html$/.exec(c.req.param('file'))!;
    const blocked = await guardPage(c, ctx);
    if (blocked) return blocked;
    const l = ctx.market.get('sendo', m[1]);
    if (!l || l.status === 'removed') {
      const state = `<script id="__SENDO_STATE__" type="application/json">${jsonForScript({ product: null, status: 'not_found' })}</script>`;
      return c.html(removedPage(ctx, c).replace('</main>', `${state}</main>`), 200);
    }
    const base = baseOf(c, 'sendo');
    const state = { product: { ...itemJson(l, base), description: l.item.description, status: 2, category_path: l.item.category }, shop: { shop_id: l.shopId, shop_name: l.seller.name, warehouse_city: l.seller.location } };
    const head = `<meta property="og:title" content="${escapeHtml(l.item.title)}"><meta property="og:price:amount" content="${l.price}">`;
    const body = productBody(l, imageUrl(base, l), { sellerLabel: 'Shop' }) + `<script id="__SENDO_STATE__" type="application/json">${jsonForScript(state)}</script>`;
    return c.html(simplePage(ctx, c, l.item.title, body, head, { heading: false }));
  });
  return app;
}

/** One Sendo item, shaped like the real listing JSON. */
function itemJson(l: SiteListing, base: string) {
  const catPath = `${l.slug}-${l.num}.html`;
  return {
    product_id: l.num,
    external_id: l.num,
    name: l.item.title,
    category_id: 2000 + (l.item.category.join('/').length * 37) % 1000,
    shop_id: l.shopId,
    seller_admin_id: l.shopId,
    price: l.item.listPrice,
    max_price: l.item.listPrice,
    final_price: l.price,
    max_final_price: l.price,
    min_price: formatVnd(l.price).replace(' ₫', 'đ'),
    price_range: formatVnd(l.price).replace(' ₫', 'đ'),
    shop_name: l.seller.name,
    shop_warehouse_city: l.seller.location,
    cat_path: catPath,
    deep_link: `${base}/${catPath}?source_block_id=search`,
    thumbnail_url: imageUrl(base, l),
    original_img_url: imageUrl(base, l),
    track_info: `${l.shopId};0;web;${l.num};${l.item.title};${formatVnd(l.price)};0`,
  };
}
