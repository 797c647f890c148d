/**
 * The plain shop: what any small web shop publishes. Search pages `/search?q=&page=` list
 * `<a class="product" href="…/products/<slug>">` with `<link rel="next">`; product pages
 * `/products/<slug>` carry a schema.org JSON-LD `Product` (seller in `offers.seller.name`) and Open
 * Graph tags. The listing's externalId is its slug (also the JSON-LD `sku`). Removed: 404.
 */
import { Hono } from 'hono';
import { escapeHtml, formatVnd, jsonForScript } from '../html.ts';
import { baseOf, guardPage, imageResponse, imageUrl, paginate, rateLimit, removedPage, simplePage, type SiteContext } from './common.ts';
import { pagerLinks, productBody } from './product-page.ts';

const PAGE_SIZE = 20;

/** The plain shop's routes, mounted under /shop. */
export function plainShopSite(ctx: SiteContext): Hono {
  const app = new Hono();
  app.use('*', rateLimit(ctx));
  app.get('/img/:id', (c) => imageResponse(c, ctx, c.req.param('id')));
  app.get('/cart', (c) => c.html(simplePage(ctx, c, 'Giỏ hàng', '<p>Giỏ hàng trống.</p>')));

  app.get('/search', async (c) => {
    const blocked = await guardPage(c, ctx);
    if (blocked) return blocked;
    const base = baseOf(c, 'jsonld');
    const q = c.req.query('q') ?? '';
    const { items, page, lastPage } = paginate(ctx.market.search('jsonld', q), Number(c.req.query('page') ?? 1), PAGE_SIZE);
    const hrefOf = (p: number) => `${base}/search?q=${encodeURIComponent(q)}&page=${p}`;
    const head = page < lastPage ? `<link rel="next" href="${escapeHtml(hrefOf(page + 1))}">` : '';
    const list = items
      .map((l) => `<a class="product card" href="${escapeHtml(`${base}/products/${l.externalId}`)}"><img src="${escapeHtml(imageUrl(base, l))}" alt=""><span class="name">${escapeHtml(l.item.title)}</span> <span class="price">${escapeHtml(formatVnd(l.price))}</span></a>`)
      .join('\n');
    return c.html(simplePage(ctx, c, `Tìm kiếm: ${q}`, `<div class="grid">${list}</div>${pagerLinks(page, lastPage, hrefOf)}`, head));
  });

  app.get('/products/:slug', async (c) => {
    const blocked = await guardPage(c, ctx);
    if (blocked) return blocked;
    const l = ctx.market.get('jsonld', c.req.param('slug'));
    if (!l || l.status === 'removed') return c.html(removedPage(ctx, c), 404);
    const base = baseOf(c, 'jsonld');
    const url = `${base}/products/${l.externalId}`;
    const image = imageUrl(base, l);
    const product = {
      '@context': 'https://schema.org/',
      '@type': 'Product',
      name: l.item.title,
      description: l.item.description,
      sku: l.externalId,
      image: [image],
      brand: { '@type': 'Brand', name: l.item.brand ?? 'OEM' },
      category: l.item.category.join(' > '),
      offers: {
        '@type': 'Offer',
        url,
        priceCurrency: 'VND',
        price: l.price,
        availability: 'https://schema.org/InStock',
        seller: { '@type': 'Organization', name: l.seller.name, address: { '@type': 'PostalAddress', addressRegion: l.seller.location, addressCountry: 'VN' } },
      },
    };
    const head = `<link rel="canonical" href="${escapeHtml(url)}">
<meta property="og:type" content="product"><meta property="og:title" content="${escapeHtml(l.item.title)}"><meta property="og:url" content="${escapeHtml(url)}"><meta property="og:image" content="${escapeHtml(image)}">
<meta property="og:description" content="${escapeHtml(l.item.description.slice(0, 200))}"><meta property="product:price:amount" content="${l.price}"><meta property="product:price:currency" content="VND">
<script type="application/ld+json">${jsonForScript(product)}</script>`;
    return c.html(simplePage(ctx, c, l.item.title, productBody(l, image, { sellerLabel: 'Người bán' }), head, { heading: false }));
  });
  return app;
}
