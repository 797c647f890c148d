/**
 * Test helpers for the crawler: a store in a fresh temp folder with the bundled register, route
 * dependencies around it, and a FetchedPage built from a saved training-market page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../shared/store/index.ts';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import { buildMatcher } from '../../shared/match/index.ts';
import { ADAPTERS, withBaseUrl } from '../../shared/marketplaces/index.ts';
import { CrawlProgress, type CrawlRequestData, type CrawlRequestRow, type RequestLabel } from '../../crawler/progress.ts';
import { quietLog } from '../../crawler/main.ts';
import type { FetchedPage, RouteDeps } from '../../crawler/routes.ts';
import { analysePage, pageText } from '../../crawler/analyse.ts';
import type { Marketplace } from '../../shared/schema/index.ts';

/** A temp folder with a store holding the bundled register; `cleanup()` removes it. */
export function tempStore(): { dir: string; store: Store; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ipwatch-crawler-test-'));
  const store = openStore(join(dir, 'ipwatch.db'));
  store.importRights(loadBundledRegister(), { file: 'bundled', actor: 'test' });
  return {
    dir,
    store,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Route dependencies on a store for run `runId`, recording what is dispatched. */
export function routeDeps(store: Store, runId: number, baseUrls: Partial<Record<Marketplace, string>>): RouteDeps & { dispatched: CrawlRequestRow[] } {
  const dispatched: CrawlRequestRow[] = [];
  const adapters = Object.fromEntries(Object.entries(baseUrls).map(([m, b]) => [m, withBaseUrl(ADAPTERS[m as Marketplace], b!)]));
  const matcher = buildMatcher(store.listRights());
  return {
    store,
    matcher,
    progress: new CrawlProgress(store, runId),
    runId,
    threshold: 0.5,
    actor: 'crawler-test',
    adapters,
    admit: (rows) => rows,
    dispatch: async (rows) => {
      dispatched.push(...rows);
    },
    commit: async (fn) => store.transaction(fn),
    analyse: async (page, as) => analysePage(adapters[page.data.marketplace]!, matcher, pageText(page), as),
    counters: { pages: 0, listings: 0, findings: 0, captures: 0, blocked: 0, removed: 0, errors: 0 },
    log: quietLog,
    dispatched,
  };
}

const FIXTURES = new URL('../fixtures/training-market/', import.meta.url);

/** The saved training-market fixture `file` with its manifest entry (url, status). */
export function fixture(file: string): { text: string; url: string; status: number } {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as { files: Array<{ file: string; url: string; status: number }> };
  const entries = manifest.files;
  const entry = entries.find((e) => e.file === file);
  if (!entry) throw new Error(`fixture ${file} is not in tests/fixtures/training-market/manifest.json`);
  return { text: readFileSync(new URL(file, FIXTURES), 'utf8'), url: entry.url, status: entry.status };
}

/** A FetchedPage for a request row, from a fixture or explicit text; the row is recorded as pending first. */
export function pageFor(
  deps: RouteDeps,
  label: RequestLabel,
  data: CrawlRequestData,
  page: { text: string; url: string; status: number; retryAfter?: string },
): FetchedPage {
  const uniqueKey = `${label}:${page.url}`;
  deps.progress.add([{ uniqueKey, url: page.url, label, data }]);
  return { label, uniqueKey, url: page.url, loadedUrl: page.url, status: page.status, retryAfter: page.retryAfter, text: page.text, textUrl: page.url, data };
}
