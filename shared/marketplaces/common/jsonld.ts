/**
 * schema.org JSON-LD and Open Graph, as shops embed them: every `<script type="application/ld+json">`
 * block (arrays and `@graph` flattened), the `Product` node, the `BreadcrumbList` names, and the
 * `og:` / `product:` meta tags. Used by the Lazada, TikTok and plain-shop adapters.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { isObject, parseJsonDocument, type Json, type JsonObject } from './json.ts';

/** All JSON-LD nodes on a page, flattened (`@graph` and top-level arrays expanded); invalid blocks are skipped. */
export function jsonLdNodes($: CheerioAPI): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (Array.isArray(value['@graph'])) visit(value['@graph']);
    }
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    // Some shops leave raw control characters in JSON-LD strings; JSON.parse rejects them.
    visit(parseJsonDocument($(el).text().replace(/[\u0000-\u001F]+/g, ' ')));
  });
  return nodes;
}

/** True when a JSON-LD node's @type is (or includes) `type`. */
export function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** The first schema.org Product node (also ProductGroup), or undefined. */
export function jsonLdProduct(nodes: JsonObject[]): JsonObject | undefined {
  return nodes.find((n) => hasType(n, 'Product')) ?? nodes.find((n) => hasType(n, 'ProductGroup'));
}

/** The names of a BreadcrumbList, in position order (empty when there is none). */
export function jsonLdBreadcrumb(nodes: JsonObject[]): string[] {
  const list = nodes.find((n) => hasType(n, 'BreadcrumbList'));
  const items = list && Array.isArray(list.itemListElement) ? list.itemListElement.filter(isObject) : [];
  return items
    .slice()
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
    .map((it) => {
      const inner = isObject(it.item) ? it.item.name : undefined;
      return typeof it.name === 'string' ? it.name : typeof inner === 'string' ? inner : '';
    })
    .filter((name) => name.trim() !== '');
}

/** The first Offer of a Product (offers may be one object, an array, or an AggregateOffer). */
export function jsonLdOffer(product: JsonObject): JsonObject | undefined {
  const offers = product.offers;
  const first = Array.isArray(offers) ? offers.find(isObject) : offers;
  if (!isObject(first)) return undefined;
  if (hasType(first, 'AggregateOffer') && Array.isArray(first.offers)) return first.offers.find(isObject) ?? first;
  return first;
}

/** A name from a value that may be a string or a `{ name }` object (brand, seller). */
export function nameOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.name === 'string') return value.name;
  if (Array.isArray(value)) return nameOf(value[0]);
  return undefined;
}

/** Image URLs from a JSON-LD `image` (string, array of strings, or ImageObjects). */
export function imageList(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : isObject(v) && typeof v.url === 'string' ? v.url : undefined))
    .filter((v): v is string => !!v);
}

/** Open Graph and product meta tags (`og:title`, `product:price:amount`…) keyed by property or name. */
export function metaTags($: CheerioAPI): Record<string, string> {
  const tags: Record<string, string> = {};
  $('meta').each((_, el) => {
    const key = $(el).attr('property') ?? $(el).attr('name') ?? $(el).attr('itemprop');
    const content = $(el).attr('content');
    if (key && content !== undefined && !(key in tags)) tags[key.toLowerCase()] = content;
  });
  return tags;
}
