/**
 * The Lazada-like site. Search pages (`/catalog/?q=&page=`) carry their data in
 * `<script>window.pageData={…}</script>` (`mods.listItems[]` with name, itemId, price "40000.00",
 * sellerName, location, brandName, productUrl…), and `&ajax=true` answers the same object as JSON.
 * Product pages (`/products/<slug>-i<itemId>-s<skuId>.html`) carry a JSON-LD `Product` with
 * `offers.seller.name` and a `BreadcrumbList`. Blocks: a slider captcha page (or, for ajax, the
 * "punish" JSON) and a login wall, both HTTP 200; removed listings answer 404.
 */
import { Hono, type Context } from 'hono';
import { escapeHtml, formatVnd, jsonForScript } from '../html.ts';
import type { SiteListing } from '../market.ts';
import { baseOf, guardPage, imageResponse, imageUrl, paginate, rateLimit, removedPage, simplePage, type SiteContext } from './common.ts';
import { cardsGrid, pagerLinks, productBody } from './product-page.ts';

const PAGE_SIZE = 40;

/** The Lazada-like site's routes, mounted under /lazada. */
export function lazadaSite(ctx: SiteContext): Hono {
  const app = new Hono();
  app.use('*', rateLimit(ctx));
  app.get('/img/:id', (c) => imageResponse(c, ctx, c.req.param('id')));

  const catalog = async (c: Context): Promise<Response> => {
    const base = baseOf(c, 'lazada');
    const ajax = c.req.query('ajax') === 'true';
    const blocked = await guardPage(c, ctx, (fault) =>
      ajax
        ? c.json({ ret: ['FAIL_SYS_USER_VALIDATE', 'RGV587_ERROR::SM::Hệ thống đang bận, vui lòng thử lại'], data: { url: `${base}/_____tmd_____/punish?x5step=1&${fault}=1` } })
        : c.redirect(`${base}/_____tmd_____/${fault === 'captcha' ? 'punish' : 'login'}?x5referer=${encodeURIComponent(c.req.url)}`),
    );
    if (blocked) return blocked;
    const q = c.req.query('q') ?? '';
    const all = ctx.market.search('lazada', q);
    const { items, page, lastPage } = paginate(all, Number(c.req.query('page') ?? 1), PAGE_SIZE);
    const host = new URL(c.req.url).host;
    const pageData = {
      mods: {
        listItems: items.map((l) => listItem(l, base, host, q)),
        breadcrumb: [{ url: '/', title: 'Trang chủ' }, { title: 'Kết quả tìm kiếm' }],
        resultTips: { tItemType: 'nt_resulttips', tips: `${all.length} mặt hàng được tìm thấy theo "{$0}"`, keywords: [{ text: q }] },
      },
      mainInfo: { errorMsg: '', totalResults: String(all.length), pageSize: String(PAGE_SIZE), page: String(page), pageType: 'searchList', q, currency: '₫', lang: 'vi', venture: 'VN' },
    };
    if (ajax) return c.json(pageData);
    const hrefOf = (p: number) => `${base}/catalog/?q=${encodeURIComponent(q)}&page=${p}`;
    const head = `<link rel="canonical" href="${escapeHtml(hrefOf(page))}">${page < lastPage ? `<link rel="next" href="${escapeHtml(hrefOf(page + 1))}">` : ''}<script>window.pageData=${jsonForScript(pageData)};</script>`;
    const body = `<p>${all.length} mặt hàng được tìm thấy theo "${escapeHtml(q)}"</p>${cardsGrid(
      items.map((l) => ({ href: `${base}/products/${l.slug}-i${l.num}-s${l.skuId}.html?search=1`, image: imageUrl(base, l), title: l.item.title, price: l.price, seller: l.seller.name, location: l.seller.location })),
    )}${pagerLinks(page, lastPage, hrefOf)}`;
    return c.html(simplePage(ctx, c, `${q} - Mua ${q} giá tốt`, body, head));
  };
  app.get('/catalog/', catalog);
  app.get('/catalog', catalog);

  app.get('/_____tmd_____/punish', (c) =>
    c.html(simplePage(ctx, c, 'Xác minh', '<div id="nocaptcha" data-page-state="captcha"><p>Vui lòng trượt để xác minh / Please slide to verify.</p><div class="nc_wrapper" style="width:300px;height:34px;background:#eee"></div></div>')),
  );
  app.get('/_____tmd_____/login', (c) =>
    c.html(simplePage(ctx, c, 'Đăng nhập', '<form id="login" data-page-state="login"><p>Vui lòng đăng nhập để tiếp tục / Please log in.</p><input name="email"><input name="password" type="password"></form>')),
  );
  app.get('/cart', (c) => c.redirect(`${baseOf(c, 'lazada')}/_____tmd_____/login`));

  app.get('/products/:file', async (c) => {
    const m = /-i(\d+)-s(\d+)\.html$/.exec(c.req.param('file'));
    if (!m) return c.html(removedPage(ctx, c), 404);
    const blocked = await guardPage(c, ctx);
    if (blocked) return blocked;
    const l = ctx.market.get('lazada', m[1]);
    if (!l || l.status === 'removed' || String(l.skuId) !== m[2]) return c.html(removedPage(ctx, c), 404);
    const base = baseOf(c, 'lazada');
    const url = `${base}/products/${l.slug}-i${l.num}-s${l.skuId}.html`;
    const image = imageUrl(base, l);
    const product = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: l.item.title,
      description: l.item.description,
      image,
      sku: `${l.num}_VNAMZ-${l.skuId}`,
      brand: { '@type': 'Brand', name: l.item.brand ?? 'No Brand' },
      url,
      offers: {
        '@type': 'Offer',
        price: l.price,
        priceCurrency: 'VND',
        availability: 'https://schema.org/InStock',
        seller: { '@type': 'Organization', name: l.seller.name },
      },
    };
    const breadcrumb = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [...l.item.category, l.item.title].map((name, i) => ({ '@type': 'ListItem', position: i + 1, item: { name, '@id': i === l.item.category.length ? url : `${base}/${encodeURIComponent(name)}/` } })),
    };
    const head = `<meta name="description" content="${escapeHtml(`Mua ${l.item.title} giá ${formatVnd(l.price)} tại Lazada tập huấn`)}">
<link rel="canonical" href="${escapeHtml(url)}">
<script type="application/ld+json">${jsonForScript(product)}</script>
<script type="application/ld+json">${jsonForScript(breadcrumb)}</script>
<script>var __moduleData__=${jsonForScript({ data: { root: { fields: { tracking: { pdt_name: l.item.title, pdt_simplesku: `${l.num}_VNAMZ-${l.skuId}`, seller_name: l.seller.name, seller_id: String(l.shopId), pdt_price: formatVnd(l.price) } } } } })};</script>`;
    return c.html(simplePage(ctx, c, l.item.title, productBody(l, image, { sellerLabel: 'Bán bởi', mall: 'LazMall' }), head, { heading: false }));
  });
  return app;
}

/** One entry of `mods.listItems`, shaped like the real Lazada search JSON. */
function listItem(l: SiteListing, base: string, host: string, q: string): Record<string, unknown> {
  const path = `${base.replace(/^https?:/, '')}/products/${l.slug}-i${l.num}-s${l.skuId}.html?search=1`;
  const sku = `${l.num}_VNAMZ`;
  return {
    name: l.item.title,
    nid: String(l.num),
    itemId: String(l.num),
    icons: l.seller.official ? [{ domClass: 'ic-dynamic-badge-lazmall', type: 'img', alias: 'LazMall' }] : [],
    productUrl: path,
    image: imageUrl(base, l),
    originalPrice: l.item.listPrice > l.price ? `${l.item.listPrice}.00` : undefined,
    originalPriceShow: l.item.listPrice > l.price ? formatVnd(l.item.listPrice) : undefined,
    price: `${l.price}.00`,
    priceShow: formatVnd(l.price),
    discount: l.item.listPrice > l.price ? `-${Math.round((1 - l.price / l.item.listPrice) * 100)}%` : undefined,
    ratingScore: String(3 + (l.num % 20) / 10),
    review: String(Math.round(l.item.sold / 7)),
    tItemType: 'nt_product',
    location: l.seller.location,
    cheapest_sku: `${sku}-${l.skuId}`,
    sku,
    skus: [{ id: `${sku}-${l.skuId}` }],
    description: [l.item.title],
    brandId: String(l.item.brand ? 10_000 + (l.item.brand.length * 7919) % 90_000 : 65074),
    brandName: l.item.brand ?? 'No Brand',
    sellerId: String(l.shopId),
    sellerName: l.seller.name,
    thumbs: [{ image: imageUrl(base, l), productUrl: path, sku }],
    categories: l.item.category.map((c, i) => 3000 + ((c.length * 131 + i) % 6000)),
    clickTrace: `query:${encodeURIComponent(q)};nid:${l.num};src:LazadaMainSrp;region:vn;sku:${sku};price:${l.price}.00;client:desktop;supplier_id:${l.shopId};item_id:${l.num};sku_id:${l.skuId};host:${host}`,
    addToCartSkus: [{ sku: `${sku}-${l.skuId}`, skuId: String(l.skuId) }],
  };
}
