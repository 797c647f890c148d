/**
 * The desk's page frame: the strict Content-Security-Policy every desk page is sent with, the header
 * with navigation, language switch and logout form (with the session's CSRF token), and helpers that
 * every page uses (formatting dates, prices and byte sizes). No inline script or style anywhere: the
 * page loads `/static/desk.css` and `/static/desk.js`.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AuthEnv } from '../auth.ts';
import { t, type Lang } from './i18n.ts';

/** The CSP of every desk page. */
export const DESK_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** What a page needs to know about the request. */
export interface PageContext {
  lang: Lang;
  account?: { name: string; role: string; agency: string };
  csrfToken?: string;
  /** the current path and query, for the language switch */
  here: string;
}

/** The page context of a desk request. */
export function pageContext(c: Context<AuthEnv>): PageContext {
  const url = new URL(c.req.url);
  return { lang: c.get('lang') ?? 'vi', account: c.get('account'), csrfToken: c.get('session')?.csrfToken, here: url.pathname + url.search };
}

/** Send a desk page with the security headers. */
export function sendPage(c: Context, body: HtmlEscapedString | Promise<HtmlEscapedString>, status = 200): Response | Promise<Response> {
  c.header('Content-Security-Policy', DESK_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.html(body, status as 200);
}

/** The hidden CSRF field of a desk form. */
export function csrfField(p: PageContext): HtmlEscapedString {
  return html`<input type="hidden" name="_csrf" value="${p.csrfToken ?? ''}">` as HtmlEscapedString;
}

/** The URL of this page in the other language. */
function otherLangUrl(p: PageContext): string {
  const url = new URL(p.here, 'http://x');
  url.searchParams.set('lang', p.lang === 'vi' ? 'en' : 'vi');
  return url.pathname + url.search;
}

/** A whole desk page around `body`. */
export function layout(p: PageContext, title: string, body: unknown): HtmlEscapedString {
  const w = t(p.lang);
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ipwatch</title>
<link rel="stylesheet" href="/static/desk.css">
<script src="/static/desk.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">${w.appName}</a>
  ${p.account ? html`<nav><a href="/">${w.queue}</a> <a href="/cases">${w.cases}</a></nav>` : ''}
  <span class="spacer"></span>
  <a class="lang" href="${otherLangUrl(p)}">${w.lang}</a>
  ${p.account
    ? html`<span class="who">${p.account.name} · ${p.account.role} · ${t(p.lang).agencyNames[p.account.agency] ?? p.account.agency}</span>
      <form method="post" action="/logout" class="inline">${csrfField(p)}<button type="submit">${w.logout}</button></form>`
    : ''}
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>` as HtmlEscapedString;
}

/** A UTC timestamp as "2026-11-22 08:15 UTC". */
export function when(iso: string | undefined): string {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

/** A price in VND with thousands separators. */
export function money(v: number | undefined, currency = 'VND'): string {
  return v === undefined ? '' : `${Math.round(v).toLocaleString('vi-VN')} ${currency === 'VND' ? '₫' : currency}`;
}

/** A byte count as "1.8 MB". */
export function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}
