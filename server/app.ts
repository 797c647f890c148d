/**
 * The evidence service: `createApp({ store })` returns the Hono app with the JSON API under `/api`
 * (bearer tokens, CORS only for the extension's origins), the review desk at `/` (session cookie and
 * CSRF tokens) and the desk's two static files. Tests drive it over a real socket; `ipwatch serve`
 * runs it with `@hono/node-server`.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { readFileSync } from 'node:fs';
import { Accounts } from './accounts.ts';
import { apiRoutes } from './api.ts';
import { errorBody, type AuthEnv } from './auth.ts';
import { deskRoutes } from './desk/routes.ts';
import { DEFAULT_LIMITS, type FlagLimits } from './flags.ts';
import { RegisterMatcher } from './matcher.ts';
import type { Store } from '../shared/store/index.ts';

/** What the service is built from. */
export interface AppDeps {
  store: Store;
  /** origins allowed by CORS on `/api` (e.g. `chrome-extension://<id>`); default from `IPWATCH_EXTENSION_ORIGINS` */
  extensionOrigins?: string[];
  limits?: Partial<FlagLimits>;
  /** set the cookie's Secure flag (behind HTTPS) */
  secureCookies?: boolean;
}

/** The extension origins from `IPWATCH_EXTENSION_ORIGINS` (comma separated). */
export function extensionOriginsFromEnv(env = process.env): string[] {
  return (env.IPWATCH_EXTENSION_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^chrome-extension:\/\/[a-p]{32}$|^moz-extension:\/\/[0-9a-f-]{36}$|^https?:\/\/[^/]+$/.test(s));
}

const STATIC: Record<string, { type: string; body: Buffer }> = {
  'desk.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/desk.js', import.meta.url)) },
  'desk.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./static/desk.css', import.meta.url)) },
};

/** Build the service's Hono app. */
export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const store = deps.store;
  const accounts = new Accounts(store);
  const limits: FlagLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const origins = deps.extensionOrigins ?? extensionOriginsFromEnv();
  const app = new Hono<AuthEnv>();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    console.error(`[server] ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.req.path.startsWith('/api/') ? c.json(errorBody('internal error; see the server log'), 500) : c.text('Lỗi máy chủ / Internal error', 500);
  });

  app.use(
    '/api/*',
    cors({
      origin: (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      maxAge: 600,
    }),
  );
  app.route('/api', apiRoutes({ store, accounts, matcher: new RegisterMatcher(store), limits }));

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/static/:file', (c) => {
    const f = STATIC[c.req.param('file')];
    if (!f) return c.notFound();
    return c.body(new Uint8Array(f.body), 200, { 'Content-Type': f.type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  });
  app.route('/', deskRoutes({ store, accounts, secureCookies: deps.secureCookies ?? false }));
  return app;
}
