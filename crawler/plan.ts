/**
 * The crawl plan: which searches to run on which marketplaces, and which listings to re-check.
 * 1 - search terms per right: its name and aliases; when the right is bound to a product (every GI,
 *     and marks registered for one product) the term is "product + place/name", e.g. "nước mắm Phú
 *     Quốc", because the bare place name brings up mostly innocent homonyms;
 * 2 - terms × marketplaces → the adapters' search URLs (on the training marketplace's base URL when
 *     one is given);
 * 3 - every listing under action (flagged, confirmed, in a case, takedown requested) → a re-check.
 * Pure apart from reading the store; the result is a list of durable crawl requests.
 */
import { foldText } from '../shared/text/fold.ts';
import type { Marketplace, Right } from '../shared/schema/index.ts';
import type { MarketplaceAdapter } from '../shared/marketplaces/common/types.ts';
import type { CrawlRequestRow } from './progress.ts';

/** One search to run: a term and the rights it stands for. */
export interface SearchTerm {
  term: string;
  rightIds: string[];
}

/** Search terms of one right: name and aliases, each prefixed with the product when the right is bound to one. */
export function termsForRight(right: Right): string[] {
  const names = [right.name, ...(right.aliases ?? [])];
  const product = right.product?.trim();
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const name of names) {
    const withProduct = product && !foldText(name).includes(foldText(product)) ? `${product} ${name}` : name;
    const key = foldText(withProduct);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    terms.push(withProduct.trim());
  }
  return terms;
}

/** Search terms for many rights, one per distinct folded term (rights sharing a term share the search). */
export function searchTerms(rights: Right[]): SearchTerm[] {
  const byKey = new Map<string, SearchTerm>();
  for (const right of rights) {
    for (const term of termsForRight(right)) {
      const key = foldText(term);
      const known = byKey.get(key);
      if (known) known.rightIds.push(right.id);
      else byKey.set(key, { term, rightIds: [right.id] });
    }
  }
  return [...byKey.values()];
}

/** What a plan is built from. */
export interface PlanInput {
  rights: Right[];
  adapters: Partial<Record<Marketplace, MarketplaceAdapter>>;
  marketplaces: Marketplace[];
  baseUrls: Partial<Record<Marketplace, string>>;
  /** Search result pages requested up front per term (later pages follow the `next` links). */
  searchPages?: number;
  underAction: Array<{ listingKey: string; findingId: number; url: string }>;
}

/** The durable key of a request: label and URL (a search shared by two rights is fetched once). */
export function requestKey(label: CrawlRequestRow['label'], url: string): string {
  return `${label}:${url}`;
}

/** Search requests for every term × marketplace, then a re-check for every listing under action. */
export function buildPlan(input: PlanInput): CrawlRequestRow[] {
  const rows: CrawlRequestRow[] = [];
  const terms = searchTerms(input.rights);
  for (const marketplace of input.marketplaces) {
    const adapter = input.adapters[marketplace];
    if (!adapter) throw new Error(`no adapter for marketplace "${marketplace}"; known: ${Object.keys(input.adapters).join(', ')}`);
    for (const { term } of terms) {
      for (const url of adapter.searchUrls(term, { baseUrl: input.baseUrls[marketplace], maxPages: input.searchPages ?? 1 })) {
        rows.push({ uniqueKey: requestKey('SEARCH', url), url, label: 'SEARCH', data: { marketplace, term } });
      }
    }
  }
  for (const item of input.underAction) {
    const marketplace = item.listingKey.slice(0, item.listingKey.indexOf(':')) as Marketplace;
    if (!input.marketplaces.includes(marketplace) || !input.adapters[marketplace] || !item.url) continue;
    rows.push({
      uniqueKey: requestKey('RECHECK', item.url),
      url: item.url,
      label: 'RECHECK',
      data: { marketplace, listingKey: item.listingKey, findingId: item.findingId },
    });
  }
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.uniqueKey) ? false : (seen.add(r.uniqueKey), true)));
}
