/**
 * The analysis worker thread (started by `analysis-pool.ts`): builds the marketplace adapters and the
 * matcher from what the pool sends at start (base URLs, the whole register), then answers each
 * `{ id, marketplace, as, page }` with `{ id, analysis }` from `analysePage`, or `{ id, error }` when
 * reading the page threw; `{ ready: true }` first, once it can read pages. Nothing here touches the
 * store or the network.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Marketplace, Right } from '../shared/schema/index.ts';
import { ADAPTERS, withBaseUrl, type MarketplaceAdapter } from '../shared/marketplaces/index.ts';
import { buildMatcher } from '../shared/match/index.ts';
import { analysePage, type AnalysisKind, type PageText } from './analyse.ts';

/** What the pool gives the worker at start. */
export interface AnalysisWorkerData {
  marketplaces: Marketplace[];
  baseUrls: Partial<Record<Marketplace, string>>;
  rights: Right[];
}

/** One page to read. */
export interface AnalysisRequest {
  id: number;
  marketplace: Marketplace;
  as: AnalysisKind;
  page: PageText;
}

const init = workerData as AnalysisWorkerData;
const adapters: Partial<Record<Marketplace, MarketplaceAdapter>> = {};
for (const m of init.marketplaces) {
  const base = init.baseUrls[m];
  adapters[m] = base ? withBaseUrl(ADAPTERS[m], base) : ADAPTERS[m];
}
const matcher = buildMatcher(init.rights);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (request: AnalysisRequest) => {
  try {
    const adapter = adapters[request.marketplace];
    if (!adapter) throw new Error(`no adapter for marketplace "${request.marketplace}" in the analysis worker`);
    parentPort!.postMessage({ id: request.id, analysis: analysePage(adapter, matcher, request.page, request.as) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: { name: (error as Error)?.name ?? 'Error', message: error instanceof Error ? error.message : String(error) } });
  }
});
