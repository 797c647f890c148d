/**
 * The Shopee-like site. As on shopee.vn, pages are empty shells that a script fills from the
 * `/api/v4/...` JSON (so only a browser sees listings), prices are VND × 100 000, `shop_location` is a
 * province and `is_official_shop` marks Mall stores. The script sets the `SPC_F` cookie; the API
 * refuses clients without it with `{ error: 90309999 }`. Captcha at `/verify/traffic`, login wall at
 * `/buyer/login`, both HTTP 200. Every seller-written string is put in the page with `textContent`.
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { hashString } from '../random.ts';
import { escapeHtml, jsonForScript, pageFrame } from '../html.ts';
import { shopeeSlug, type SiteListing } from '../market.ts';
import { baseOf, guardPage, imageResponse, intParam, rateLimit, type SiteContext } from './common.ts';

const PRICE_SCALE = 100_000;
const COOKIE_SALT = ':spc';

/** Whether an `SPC_F` cookie value is one the shell's script would have written. */
export function validShopeeCookie(value: string | undefined): boolean {
  const m = /^([a-z0-9]{8,40})\.([0-9a-f]{1,8})$/.exec(value ?? '');
  return !!m && hashString(m[1] + COOKIE_SALT).toString(16) === m[2];
}

/** The Shopee-like site's routes, mounted under /shopee. */
export function shopeeSite(ctx: SiteContext): Hono {
  const app = new Hono();
  app.use('*', rateLimit(ctx));

  const apiGuard = (c: Context): Response | undefined =>
    validShopeeCookie(getCookie(c, 'SPC_F')) ? undefined : c.json({ error: 90309999, is_customized: false, is_login: false, tracking_id: trackingId(c) }, 403);

  app.get('/api/v4/search/search_items', (c) => {
    const refused = apiGuard(c);
    if (refused) return refused;
    const keyword = c.req.query('keyword') ?? '';
    const limit = Math.max(1, intParam(c.req.query('limit'), 60, 60));
    const newest = intParam(c.req.query('newest'), 0);
    const all = ctx.market.search('shopee', keyword);
    const page = all.slice(newest, newest + limit);
    return c.json({
      error: null,
      total_count: all.length,
      nomore: newest + limit >= all.length,
      items: page.map((l) => ({ itemid: l.num, shopid: l.shopId, item_basic: itemBasic(l) })),
    });
  });

  app.get('/api/v4/item/get', (c) => {
    const refused = apiGuard(c);
    if (refused) return refused;
    const l = ctx.market.get('shopee', c.req.query('itemid') ?? '');
    if (!l || l.status === 'removed' || String(l.shopId) !== c.req.query('shopid')) return c.json({ error: 4, error_msg: 'item not found', data: null });
    return c.json({
      error: null,
      error_msg: null,
      data: {
        ...itemBasic(l),
        shop_name: undefined, // item/get has no shop name on the real site: see get_shop_base
        description: l.item.description,
        categories: l.item.category.map((name, i) => ({ catid: 100000 + (hashString(name) % 9000) + i, display_name: name, no_sub: i === l.item.category.length - 1 })),
        item_status: 'normal',
        status: 1,
        condition: 1,
        attributes: [],
      },
    });
  });

  app.get('/api/v4/shop/get_shop_base', (c) => {
    const refused = apiGuard(c);
    if (refused) return refused;
    const shopid = Number(c.req.query('shopid'));
    const seller = ctx.market.sellerByShopId('shopee', shopid);
    if (!seller) return c.json({ error: 4, error_msg: 'shop not found', data: null });
    return c.json({
      error: null,
      data: { shopid, userid: shopid + 13, name: seller.name, username: shopeeSlug(seller.name).toLowerCase(), shop_location: seller.location, is_official_shop: seller.official, is_shopee_verified: seller.official },
    });
  });

  app.get('/file/:id', (c) => imageResponse(c, ctx, c.req.param('id')));
  app.get('/verify/traffic', (c) => c.html(shell(c, ctx, 'captcha')));
  app.get('/buyer/login', (c) => c.html(shell(c, ctx, 'login')));
  app.get('/cart', (c) => c.redirect(`${baseOf(c, 'shopee')}/buyer/login?next=${encodeURIComponent(c.req.url)}`));

  const shellWithFaults = async (c: Context, mode: 'search' | 'product'): Promise<Response> => {
    const base = baseOf(c, 'shopee');
    const blocked = await guardPage(c, ctx, (fault) =>
      c.redirect(fault === 'captcha' ? `${base}/verify/traffic?is_initial=true&redirect=${encodeURIComponent(c.req.url)}` : `${base}/buyer/login?next=${encodeURIComponent(c.req.url)}`),
    );
    return blocked ?? c.html(shell(c, ctx, mode));
  };
  app.get('/search', (c) => shellWithFaults(c, 'search'));
  app.get('/product/:shopid/:itemid', (c) => shellWithFaults(c, 'product'));
  app.get('/:slug{.+-i\\.\\d+\\.\\d+}', (c) => shellWithFaults(c, 'product'));
  return app;
}

function trackingId(c: Context): string {
  return hashString(c.req.url + Date.now()).toString(16);
}

/** The listing card / item fields the API returns (prices × 100 000). */
function itemBasic(l: SiteListing): Record<string, unknown> {
  const price = l.price * PRICE_SCALE;
  const image = l.imageId;
  return {
    itemid: l.num,
    shopid: l.shopId,
    name: l.item.title,
    image,
    images: [image],
    currency: 'VND',
    price,
    price_min: price,
    price_max: price,
    price_before_discount: l.item.listPrice * PRICE_SCALE,
    price_min_before_discount: l.item.listPrice * PRICE_SCALE,
    price_max_before_discount: l.item.listPrice * PRICE_SCALE,
    discount: l.item.listPrice > l.price ? `${Math.round((1 - l.price / l.item.listPrice) * 100)}%` : null,
    stock: 10 + (l.num % 500),
    sold: Math.round(l.item.sold / 10),
    historical_sold: l.item.sold,
    liked_count: Math.round(l.item.sold / 3),
    ctime: 1_700_000_000 + (l.num % 50_000_000),
    catid: 100000 + (hashString(l.item.category[0]) % 9000),
    brand: l.item.brand ?? null,
    shop_location: l.seller.location,
    shop_name: l.seller.name,
    is_official_shop: l.seller.official,
    shopee_verified: l.seller.official || l.item.sold > 2000,
    item_rating: { rating_star: 3.5 + (l.num % 15) / 10, rating_count: [0, 0, 0, 0, 0, 0] },
  };
}

/** The HTML shell: a header, an empty #main and the script that fetches and renders the data. */
function shell(c: Context, ctx: SiteContext, mode: 'search' | 'product' | 'captcha' | 'login'): string {
  const base = baseOf(c, 'shopee');
  const nonce = hashString(`${c.req.url}:${Date.now()}:${Math.random()}`).toString(36) + 'spc' + Math.floor(Math.random() * 1e9).toString(36);
  const title = { search: 'Tìm kiếm | Shopee tập huấn', product: 'Shopee tập huấn', captcha: 'Xác minh | Shopee tập huấn', login: 'Đăng nhập | Shopee tập huấn' }[mode];
  const staticBody =
    mode === 'captcha'
      ? '<div id="captcha" data-page-state="captcha"><h1>Xác minh bạn không phải robot</h1><p>Kéo thanh trượt để tiếp tục / Slide to verify.</p></div>'
      : mode === 'login'
        ? '<div id="login" data-page-state="login"><h1>Đăng nhập</h1><p>Vui lòng đăng nhập để tiếp tục / Please log in.</p><input placeholder="Email/Số điện thoại/Tên đăng nhập"><input type="password" placeholder="Mật khẩu"></div>'
        : '<div id="main"><p class="loading">Đang tải… / Loading…</p></div>';
  const script = mode === 'search' || mode === 'product' ? `<script>${SHELL_SCRIPT.replace('__CONFIG__', jsonForScript({ base, nonce, mode, salt: COOKIE_SALT }))}</script>` : '';
  return pageFrame({ title, siteName: ctx.name, colour: ctx.colour, homeHref: `${escapeHtml(base)}/`, body: staticBody + script });
}

/** The shell's script. Seller text only ever reaches the DOM through textContent and attribute setters. */
const SHELL_SCRIPT = String.raw`(function () {
  var cfg = __CONFIG__;
  function fnv(s) { var h = 0x811c9dc5; for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); } return (h >>> 0).toString(16); }
  if (!/(?:^|; )SPC_F=/.test(document.cookie)) document.cookie = 'SPC_F=' + cfg.nonce + '.' + fnv(cfg.nonce + cfg.salt) + '; path=/; SameSite=Lax';
  var main = document.getElementById('main');
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = String(text); return e; }
  function vnd(p) { return String(Math.round(p / 100000)).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ' ₫'; }
  function slug(name) { return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'san-pham'; }
  function api(path) {
    return fetch(cfg.base + path, { credentials: 'same-origin', headers: { 'x-api-source': 'pc' } }).then(function (r) { return r.json(); }).then(function (j) {
      if (j && j.error === 90309999) { location.href = cfg.base + '/verify/traffic?is_initial=true'; throw new Error('blocked'); }
      return j;
    });
  }
  function done(state) { main.textContent = ''; document.body.setAttribute('data-rendered', state); }
  function fail(e) { if (String(e && e.message) !== 'blocked') { done('error'); main.appendChild(el('p', 'error', 'Có lỗi xảy ra, vui lòng thử lại / Something went wrong')); } }
  var params = new URLSearchParams(location.search);
  if (cfg.mode === 'search') {
    var kw = params.get('keyword') || '';
    var page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
    api('/api/v4/search/search_items?by=relevancy&keyword=' + encodeURIComponent(kw) + '&limit=60&newest=' + page * 60 + '&order=desc&page_type=search&scenario=PAGE_GLOBAL_SEARCH&version=2').then(function (j) {
      done('search');
      document.title = kw + ' | Shopee tập huấn';
      main.appendChild(el('h1', null, 'Kết quả tìm kiếm cho "' + kw + '" (' + j.total_count + ')'));
      var grid = el('div', 'grid shopee-search-item-result__items');
      (j.items || []).forEach(function (it) {
        var b = it.item_basic;
        var a = el('a', 'card shopee-search-item-result__item');
        a.href = cfg.base + '/' + encodeURIComponent(slug(b.name)) + '-i.' + b.shopid + '.' + b.itemid;
        a.setAttribute('data-sqe', 'link');
        var img = el('img'); img.src = cfg.base + '/file/' + b.image; img.alt = b.name; a.appendChild(img);
        if (b.is_official_shop) a.appendChild(el('span', 'mall-badge', 'Mall'));
        a.appendChild(el('div', 'name', b.name));
        a.appendChild(el('div', 'price', vnd(b.price)));
        a.appendChild(el('div', 'seller', b.shop_location));
        grid.appendChild(a);
      });
      main.appendChild(grid);
      var pager = el('div', 'pager shopee-page-controller');
      if (page > 0) { var prev = el('a', 'prev', '‹ Trang trước'); prev.href = cfg.base + '/search?keyword=' + encodeURIComponent(kw) + '&page=' + (page - 1); pager.appendChild(prev); }
      if (!j.nomore) { var next = el('a', 'next shopee-icon-button--right', 'Trang sau ›'); next.href = cfg.base + '/search?keyword=' + encodeURIComponent(kw) + '&page=' + (page + 1); next.rel = 'next'; pager.appendChild(next); }
      main.appendChild(pager);
    }).catch(fail);
  } else {
    var m = /-i\.(\d+)\.(\d+)$/.exec(decodeURIComponent(location.pathname)) || /\/product\/(\d+)\/(\d+)$/.exec(location.pathname);
    if (!m) { done('error'); return; }
    Promise.all([api('/api/v4/item/get?itemid=' + m[2] + '&shopid=' + m[1]), api('/api/v4/shop/get_shop_base?shopid=' + m[1])]).then(function (r) {
      var item = r[0], shop = r[1];
      if (!item.data) {
        done('removed');
        document.title = 'Sản phẩm không tồn tại | Shopee tập huấn';
        main.appendChild(el('h1', 'product-not-exist', 'Sản phẩm này không tồn tại'));
        main.appendChild(el('p', null, 'This product does not exist or has been removed.'));
        return;
      }
      var d = item.data;
      done('product');
      document.title = d.name + ' | Shopee tập huấn';
      var crumbs = el('div', 'breadcrumb', ['Shopee'].concat((d.categories || []).map(function (x) { return x.display_name; })).join(' › '));
      main.appendChild(crumbs);
      var wrap = el('div', 'product');
      var img = el('img'); img.src = cfg.base + '/file/' + d.image; img.alt = d.name; wrap.appendChild(img);
      var info = el('div', 'info');
      if (d.is_official_shop) info.appendChild(el('span', 'mall-badge', 'Shopee Mall'));
      info.appendChild(el('h1', 'product-name', d.name));
      info.appendChild(el('div', 'price', vnd(d.price)));
      if (d.price_before_discount > d.price) info.appendChild(el('div', 'old-price', 'Giá gốc: ' + vnd(d.price_before_discount)));
      info.appendChild(el('div', 'brand', 'Thương hiệu: ' + (d.brand || 'No brand')));
      info.appendChild(el('div', 'sold', 'Đã bán: ' + d.historical_sold));
      var s = shop && shop.data;
      info.appendChild(el('div', 'seller shop-name', 'Shop: ' + (s ? s.name : '')));
      info.appendChild(el('div', 'seller shop-location', 'Gửi từ: ' + d.shop_location));
      wrap.appendChild(info);
      main.appendChild(wrap);
      main.appendChild(el('h2', null, 'MÔ TẢ SẢN PHẨM'));
      main.appendChild(el('div', 'desc product-description', d.description));
    }).catch(fail);
  }
})();`;
