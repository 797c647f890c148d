/**
 * The training marketplace ("sàn tập huấn"): one HTTP server on 127.0.0.1 that serves five imitation
 * marketplaces under /shopee, /lazada, /tiki, /sendo and /shop, with the same paths and data shapes as
 * the real sites, the faults the real sites throw at crawlers, `/robots.txt`, the ground truth at
 * `GET /__truth` and, for tests, `POST /__admin/{remove,relist,restore}/:marketplace/:externalId`
 * (loopback clients only). `startTrainingMarket()` is what tests, `npm start` and the
 * `ipwatch training-market` command use.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { serve, type HttpBindings } from '@hono/node-server';
import { Market } from './market.ts';
import { Faults, type FaultOptions } from './faults.ts';
import { escapeHtml, pageFrame } from './html.ts';
import { Catalogue, SITE_PREFIX, TrainingSite, type GroundTruth } from './schema.ts';
import type { SiteContext } from './sites/common.ts';
import { shopeeSite } from './sites/shopee.ts';
import { lazadaSite } from './sites/lazada.ts';
import { tikiSite } from './sites/tiki.ts';
import { sendoSite } from './sites/sendo.ts';
import { plainShopSite } from './sites/shop.ts';
import { DEFAULT_CATALOGUE_DIR } from './build-catalogue.ts';

export { Catalogue, GroundTruth, GroundTruthEntry, TrainingSite, SITE_PREFIX, ListingKind } from './schema.ts';
export type { SiteListing } from './market.ts';

/** Options of `startTrainingMarket`. */
export interface TrainingMarketOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed of the fault decisions (default: the catalogue's seed). */
  seed?: number;
  /** Folder holding catalogue.json (default data/training-market). */
  catalogueDir?: string;
  /** Crawler-hostile behaviour on (default true); false gives a clean, fast site. */
  faults?: boolean;
  /** Fine-tuning of the faults (rate per second, slow-page delay, shares of pages). */
  faultOptions?: Omit<FaultOptions, 'enabled' | 'seed'>;
}

/** A running training marketplace. */
export interface TrainingMarket {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Base URL of each site (the JSON-LD shop is `jsonld`). */
  baseUrls: Record<TrainingSite, string>;
  /** The truth about every listing now (removed/re-listed changes included). */
  readonly groundTruth: GroundTruth;
  /** The listings, for tests that need a specific one. */
  market: Market;
  close(): Promise<void>;
}

const SITES: Record<TrainingSite, { name: string; colour: string; make: (ctx: SiteContext) => Hono; search: { path: string; param: string } }> = {
  shopee: { name: 'Shopee tập huấn', colour: '#ee4d2d', make: shopeeSite, search: { path: '/search', param: 'keyword' } },
  lazada: { name: 'Lazada tập huấn', colour: '#0f146d', make: lazadaSite, search: { path: '/catalog/', param: 'q' } },
  tiki: { name: 'Tiki tập huấn', colour: '#1a94ff', make: tikiSite, search: { path: '/search', param: 'q' } },
  sendo: { name: 'Sendo tập huấn', colour: '#d70018', make: sendoSite, search: { path: '/tim-kiem', param: 'q' } },
  jsonld: { name: 'Cửa hàng Đặc Sản Việt (tập huấn)', colour: '#2e7d32', make: plainShopSite, search: { path: '/search', param: 'q' } },
};

/** Reads and validates data/training-market/catalogue.json (or the one in `dir`). */
export function loadCatalogue(dir = DEFAULT_CATALOGUE_DIR): Catalogue {
  const file = join(dir, 'catalogue.json');
  if (!existsSync(file)) throw new Error(`training market: ${file} not found; run "node bin/run-ts.js server/training-market/build-catalogue.ts" to write it`);
  const parsed = Catalogue.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`training market: ${file} is not a valid catalogue: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The whole server as a Hono app (tests may drive it with `app.request()`). */
export function createTrainingMarketApp(market: Market, faults: Faults): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  const origin = (c: Context) => new URL(c.req.url).origin;

  app.get('/robots.txt', (c) =>
    c.text(`# Sàn tập huấn ipwatch / ipwatch training marketplace\nUser-agent: *\nDisallow: /__admin\nDisallow: /*/cart\nDisallow: /shopee/buyer/\nDisallow: /lazada/_____tmd_____/\nAllow: /\n`),
  );
  app.get('/', (c) => {
    const links = TrainingSite.options.map((s) => `<li><a href="${escapeHtml(origin(c) + SITE_PREFIX[s])}/">${escapeHtml(SITES[s].name)}</a></li>`).join('');
    return c.html(pageFrame({ title: 'Sàn tập huấn ipwatch', siteName: 'Sàn tập huấn ipwatch', colour: '#444', homeHref: '/', body: `<p>Năm sàn mô phỏng để luyện tập và kiểm thử / Five imitation marketplaces for practice and tests:</p><ul>${links}</ul>` }));
  });
  app.get('/__truth', (c) => c.json(market.groundTruth(origin(c))));

  const loopbackOnly = (c: Context<{ Bindings: HttpBindings }>): Response | undefined => {
    const addr = c.env?.incoming?.socket?.remoteAddress ?? '';
    return /^(127\.|::1$|::ffff:127\.)/.test(addr) ? undefined : c.json({ error: 'admin API is for 127.0.0.1 only' }, 403);
  };
  const admin = (op: 'remove' | 'relist' | 'restore') =>
    app.post(`/__admin/${op}/:marketplace/:externalId`, (c) => {
      const refused = loopbackOnly(c);
      if (refused) return refused;
      const site = TrainingSite.safeParse(c.req.param('marketplace'));
      if (!site.success) return c.json({ error: `unknown marketplace "${c.req.param('marketplace')}"; use one of ${TrainingSite.options.join(', ')}` }, 400);
      const id = c.req.param('externalId');
      if (!market.get(site.data, id)) return c.json({ error: `no ${site.data} listing with externalId "${id}"` }, 404);
      const base = origin(c) + SITE_PREFIX[site.data];
      if (op === 'relist') {
        const { old, listing } = market.relist(site.data, id);
        return c.json({ ok: true, old: { externalId: old.externalId, url: market.urlOf(old, base), status: old.status }, listing: { externalId: listing.externalId, url: market.urlOf(listing, base), status: listing.status } });
      }
      const l = op === 'remove' ? market.remove(site.data, id) : market.restore(site.data, id);
      return c.json({ ok: true, listing: { externalId: l.externalId, url: market.urlOf(l, base), status: l.status } });
    });
  admin('remove');
  admin('relist');
  admin('restore');

  for (const site of TrainingSite.options) {
    const def = SITES[site];
    app.get(`${SITE_PREFIX[site]}/`, (c) =>
      c.html(
        pageFrame({
          title: def.name,
          siteName: def.name,
          colour: def.colour,
          homeHref: `${SITE_PREFIX[site]}/`,
          body: `<form method="get" action="${escapeHtml(origin(c) + SITE_PREFIX[site] + def.search.path)}"><input name="${def.search.param}" placeholder="Tìm sản phẩm, thương hiệu… / Search" style="width:60%;padding:8px"> <button>Tìm kiếm</button></form><p>Sàn mô phỏng để luyện tập; mọi sản phẩm và người bán đều là giả định. / An imitation marketplace for practice; every product and seller is made up.</p>`,
        }),
      ),
    );
    app.route(SITE_PREFIX[site], def.make({ market, faults, site, name: def.name, colour: def.colour }));
  }
  app.notFound((c) => c.html(pageFrame({ title: 'Không tìm thấy trang', siteName: 'Sàn tập huấn ipwatch', colour: '#444', homeHref: '/', body: '<h1>404 - Không tìm thấy trang / Page not found</h1>' }), 404));
  return app;
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startTrainingMarket(opts: TrainingMarketOptions = {}): Promise<TrainingMarket> {
  const catalogue = loadCatalogue(opts.catalogueDir);
  const faultsOn = opts.faults ?? true;
  const market = new Market(catalogue, { faults: faultsOn });
  const faults = new Faults({ enabled: faultsOn, seed: opts.seed ?? catalogue.seed, ...opts.faultOptions });
  const app = createTrainingMarketApp(market, faults);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: opts.port ?? 0 }, () => resolve(s));
    s.once('error', (err: Error) => reject(new Error(`training market: cannot listen on 127.0.0.1:${opts.port ?? 0}: ${err.message}`)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const baseUrls = Object.fromEntries(TrainingSite.options.map((s) => [s, url + SITE_PREFIX[s]])) as Record<TrainingSite, string>;
  return {
    url,
    baseUrls,
    market,
    get groundTruth() {
      return market.groundTruth(url);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
