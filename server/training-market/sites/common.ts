/**
 * What the five imitation sites share: the context each site's routes get (market, faults, which
 * site), the base URL as the client sees it, the rate limit, the slow-page and captcha/login-wall
 * guard in front of every HTML page, pagination, product pictures, and the captcha, login and
 * "không tồn tại" pages drawn in each site's colours.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Faults, PageFault } from '../faults.ts';
import type { Market, SiteListing } from '../market.ts';
import { SITE_PREFIX, type TrainingSite } from '../schema.ts';
import { escapeHtml, pageFrame, placeholderSvg } from '../html.ts';

/** What a site's routes work with. */
export interface SiteContext {
  market: Market;
  faults: Faults;
  site: TrainingSite;
  /** Display name and header colour. */
  name: string;
  colour: string;
}

/** The site's base URL as the client addressed it (`http://127.0.0.1:PORT/shopee`). */
export function baseOf(c: Context, site: TrainingSite): string {
  return new URL(c.req.url).origin + SITE_PREFIX[site];
}

/** Path and query below the site prefix, the key for deterministic faults. */
export function faultKey(c: Context): string {
  const u = new URL(c.req.url);
  return u.pathname + u.search;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 429 with `Retry-After: 1` when the site gets more than its rate; images do not count. */
export function rateLimit(ctx: SiteContext): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (/\/(file|img)\//.test(path)) return next();
    if (ctx.faults.overRate(ctx.site)) {
      c.header('Retry-After', '1');
      const json = path.includes('/api/') || c.req.query('ajax') === 'true';
      return json
        ? c.json({ error: 'too_many_requests', message: 'Bạn thao tác quá nhanh, vui lòng thử lại sau / Too many requests' }, 429)
        : c.html(simplePage(ctx, c, 'Quá nhiều yêu cầu', '<p>Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút. / Too many requests.</p>'), 429);
    }
    return next();
  };
}

/** Holds slow pages, then answers the page's first-visit fault (captcha/login, HTTP 200) if it has one. */
export async function guardPage(c: Context, ctx: SiteContext, answer?: (fault: PageFault) => Response): Promise<Response | undefined> {
  const key = faultKey(c);
  const delay = ctx.faults.delayMs(ctx.site, key);
  if (delay) await sleep(delay);
  const fault = ctx.faults.pageFault(ctx.site, key);
  if (!fault) return undefined;
  if (answer) return answer(fault);
  return c.html(fault === 'captcha' ? captchaPage(ctx, c) : loginPage(ctx, c), 200);
}

/** One page of results: 1-based page number, fixed page size. */
export function paginate<T>(all: T[], page: number, size: number): { items: T[]; page: number; lastPage: number } {
  const lastPage = Math.max(1, Math.ceil(all.length / size));
  const p = Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1;
  return { items: all.slice((p - 1) * size, p * size), page: p, lastPage };
}

/** A positive integer query parameter, or the default. */
export function intParam(value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

/** The product picture for an image id (SVG), or 404. */
export function imageResponse(c: Context, ctx: SiteContext, imageId: string): Response {
  const item = ctx.market.imageItem(imageId.replace(/\.svg$/, ''));
  if (!item) return c.text('image not found', 404);
  c.header('Cache-Control', 'public, max-age=86400');
  return c.body(placeholderSvg(item.title, item.hue), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
}

/** The picture URL of a listing on its site. */
export function imageUrl(base: string, l: SiteListing): string {
  return l.site === 'shopee' ? `${base}/file/${l.imageId}` : `${base}/img/${l.imageId}.svg`;
}

/** A page in the site's frame with a title and ready-made (escaped) body markup; `heading: false` leaves out the <h1>. */
export function simplePage(ctx: SiteContext, c: Context, title: string, body: string, head?: string, opts: { heading?: boolean } = {}): string {
  const heading = opts.heading === false ? '' : `<h1>${escapeHtml(title)}</h1>`;
  return pageFrame({ title: `${title} | ${ctx.name}`, siteName: ctx.name, colour: ctx.colour, body: heading + body, head, homeHref: baseOf(c, ctx.site) + '/' });
}

/** The captcha page (answered 200, like the real ones). */
export function captchaPage(ctx: SiteContext, c: Context): string {
  return simplePage(
    ctx,
    c,
    'Xác minh bạn không phải robot',
    `<div id="captcha" data-page-state="captcha"><p>Vui lòng kéo thanh trượt để tiếp tục / Please slide to verify.</p>
<div style="width:300px;height:40px;background:#eee;border-radius:20px;position:relative"><div style="width:40px;height:40px;background:${ctx.colour};border-radius:20px"></div></div>
<p><small>Mã tham chiếu: ${escapeHtml(faultKey(c).slice(0, 60))}</small></p></div>`,
    '<meta name="robots" content="noindex">',
  );
}

/** The login wall (answered 200, like the real ones). */
export function loginPage(ctx: SiteContext, c: Context): string {
  return simplePage(
    ctx,
    c,
    'Đăng nhập để tiếp tục',
    `<form id="login-form" data-page-state="login" method="post" action="#"><p>Vui lòng đăng nhập để xem trang này / Please log in to continue.</p>
<p><input name="username" placeholder="Email/Số điện thoại/Tên đăng nhập"></p><p><input name="password" type="password" placeholder="Mật khẩu"></p><p><button type="button">Đăng nhập</button></p></form>`,
    '<meta name="robots" content="noindex">',
  );
}

/** The "product does not exist" page. */
export function removedPage(ctx: SiteContext, c: Context): string {
  return simplePage(ctx, c, 'Sản phẩm không tồn tại', '<p data-page-state="removed">Sản phẩm này không tồn tại hoặc đã bị xóa. / This product does not exist.</p>');
}
