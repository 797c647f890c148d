/**
 * Authentication and authorisation for the service. The API takes a personal bearer token; the review
 * desk takes a session cookie (HttpOnly, SameSite=Strict) plus a per-session synchroniser token on every
 * state-changing request (form field `_csrf` or header `X-CSRF-Token`), on top of Hono's Origin check.
 * Roles gate each route: a wrong role is a 403, no credentials a 401 (or a redirect to the login page).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { Account, Role } from '../shared/schema/index.ts';
import type { Accounts, Session } from './accounts.ts';

/** The name of the desk's session cookie. */
export const SESSION_COOKIE = 'ipw_session';

/** Hono context variables set by the auth middleware. */
export type AuthEnv = { Variables: { account: Account; session?: Session; lang: 'vi' | 'en' } };

/** A JSON error body: what was wrong and, when it is about the input, which field. */
export function errorBody(message: string, field?: string): { error: { message: string; field?: string } } {
  return { error: field ? { message, field } : { message } };
}

/** Require a valid `Authorization: Bearer <token>` on every request; 401 otherwise. */
export function bearerAuth(accounts: Accounts): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const account = m ? accounts.accountForToken(m[1]) : undefined;
    if (!account) {
      c.header('WWW-Authenticate', 'Bearer realm="ipwatch"');
      return c.json(errorBody(m ? 'invalid or revoked token: ask an admin for "ipwatch user token NAME"' : 'missing "Authorization: Bearer <token>" header'), 401);
    }
    c.set('account', account);
    await next();
  };
}

/** Require a live desk session; GETs without one are sent to the login page, other methods get 401. */
export function sessionAuth(accounts: Accounts): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = cookie ? accounts.sessionFor(cookie) : undefined;
    if (!session) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const back = c.req.path + (new URL(c.req.url).search || '');
        return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
      }
      return c.text('Phiên đăng nhập đã hết / Not logged in', 401);
    }
    c.set('account', session.account);
    c.set('session', session);
    await next();
  };
}

/** Compare two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Read the synchroniser token a request carries (header first, then the form field `_csrf`). */
export async function csrfTokenOf(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const v = body['_csrf'];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** Refuse a state-changing desk request whose CSRF token is missing or not this session's (403). */
export function csrfToken(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
    const session = c.get('session');
    const sent = await csrfTokenOf(c);
    if (!session || !sent || !sameSecret(sent, session.csrfToken)) {
      return c.text('Mã chống giả mạo (CSRF) thiếu hoặc sai: tải lại trang rồi thử lại / CSRF token missing or wrong: reload the page and retry', 403);
    }
    await next();
  };
}

/** Allow only the given roles (403 for any other). */
export function requireRole(...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const account = c.get('account');
    if (!roles.includes(account.role)) {
      const msg = `role "${account.role}" may not do this; needs ${roles.join(' or ')}`;
      return c.req.path.startsWith('/api/') ? c.json(errorBody(msg), 403) : c.text(`Không đủ quyền / Forbidden: ${msg}`, 403);
    }
    await next();
  };
}
