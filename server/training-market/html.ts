/**
 * HTML helpers shared by the five imitation sites: escaping of seller-written text (every string that
 * comes from a listing goes through `escapeHtml` or `jsonForScript`), Vietnamese price formatting,
 * slugs, placeholder product images, and the page frame every site draws its own header into.
 */
import { foldText } from '../../shared/text/fold.ts';

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON safe to embed inside a <script> element (no "</script>", no HTML comment openers, no U+2028). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A price as Vietnamese shops show it: 1250000 → "1.250.000 ₫". */
export function formatVnd(amount: number): string {
  return `${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

/** A URL slug from a title: folded, ASCII, hyphenated, at most 80 characters. */
export function slugify(title: string): string {
  const slug = foldText(title).replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '').slice(0, 80).replace(/-+$/, '');
  return slug || 'san-pham';
}

/** A product picture drawn as SVG: a coloured card with the (escaped) title, so screenshots look like a shop. */
export function placeholderSvg(title: string, hue: number): string {
  const words = title.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if ((line + ' ' + w).trim().length > 22 && line) {
      lines.push(line);
      line = w;
    } else line = (line + ' ' + w).trim();
    if (lines.length === 4) break;
  }
  if (line && lines.length < 5) lines.push(line);
  const text = lines
    .map((l, i) => `<text x="150" y="${120 + i * 28}" text-anchor="middle" font-size="20" font-family="DejaVu Sans, sans-serif" fill="#fff">${escapeHtml(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="hsl(${hue % 360},55%,45%)"/><rect x="20" y="20" width="260" height="260" rx="18" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="3"/>${text}</svg>`;
}

/** A whole HTML document with a site header; `body` and `head` must already be escaped markup. */
export function pageFrame(p: { title: string; siteName: string; colour: string; head?: string; body: string; homeHref: string }): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>
body{margin:0;font-family:"DejaVu Sans",Arial,sans-serif;background:#f5f5f5;color:#222}
header{background:${p.colour};color:#fff;padding:12px 24px;font-size:22px;font-weight:bold}
header a{color:#fff;text-decoration:none}
main{max-width:1100px;margin:16px auto;background:#fff;padding:16px 24px;border-radius:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
.card{border:1px solid #e5e5e5;border-radius:4px;padding:8px;font-size:14px;color:#222;text-decoration:none;display:block}
.card img{width:100%;aspect-ratio:1}
.price{color:#ee4d2d;font-size:22px;font-weight:bold}
.card .price{font-size:16px}
.seller{color:#555;margin-top:6px}
.product{display:flex;gap:24px}.product img{width:360px;height:360px}
.product h1{font-size:22px;font-weight:normal}
.desc{white-space:pre-line;margin-top:16px;border-top:1px solid #eee;padding-top:12px}
.pager a{margin-right:10px}
</style>
${p.head ?? ''}
</head><body><header><a href="${escapeHtml(p.homeHref)}">${escapeHtml(p.siteName)}</a> <small style="font-weight:normal;font-size:12px">· sàn tập huấn ipwatch (training marketplace)</small></header>
<main>${p.body}</main></body></html>`;
}
