/** The shared toolkit of the marketplace adapters (JSON extraction, JSON-LD, prices, URLs, page states, listing assembly). */
export * from './types.ts';
export * from './errors.ts';
export * from './text.ts';
export * from './price.ts';
export * from './json.ts';
export * from './jsonld.ts';
export * from './url.ts';
export * from './page-state.ts';
export * from './listing.ts';
export * from './product-page.ts';
