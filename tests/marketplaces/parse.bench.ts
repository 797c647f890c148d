/**
 * Parse cost of the adapters on the saved training-marketplace pages: classifyPage + parseSearch or
 * parseListing per page, each iteration on a distinct string (so the single-page caches do not
 * flatter the figure). Prints ms per page; asserts nothing.
 * Run: node bin/run-ts.js tests/marketplaces/parse.bench.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS } from '../../shared/marketplaces/index.ts';
import type { Marketplace } from '../../shared/schema/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/training-market');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { files: Array<{ file: string; marketplace: Marketplace; page: string; url: string }> };
const N = 200;
let totalMs = 0;
let pages = 0;
for (const f of manifest.files) {
  if (!['listing', 'api-listing', 'search', 'api-search'].includes(f.page) || f.file.endsWith('-shell.html')) continue;
  const base = readFileSync(join(DIR, f.file), 'utf8');
  const adapter = ADAPTERS[f.marketplace];
  const read = (text: string) => {
    adapter.classifyPage(text, f.url, 200);
    return f.page.includes('search') ? adapter.parseSearch(text, f.url) : adapter.parseListing(text, f.url);
  };
  for (let i = 0; i < 20; i++) read(`${base} `); // warm-up
  const texts = Array.from({ length: N }, (_, i) => base + ' '.repeat(i + 2));
  const t0 = performance.now();
  for (const text of texts) read(text);
  const ms = (performance.now() - t0) / N;
  totalMs += ms;
  pages++;
  console.log(`${f.file.padEnd(42)} ${ms.toFixed(2).padStart(6)} ms/page  ${(base.length / 1024).toFixed(0).padStart(4)} KiB`);
}
console.log(`mean over ${pages} page kinds: ${(totalMs / pages).toFixed(2)} ms/page (classifyPage + parse)`);
