/**
 * The versions of the tools that produced a piece of evidence, read once from the installed
 * packages, so every custody event and WARC says exactly which ipwatch, Crawlee, Playwright and
 * browser captured it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** ipwatch's own version from package.json. */
export const IPWATCH_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** "ipwatch/0.1.0 crawlee/3.18.1 playwright-core/1.65.1 chromium/<browserVersion>" for custody records. */
export function toolVersion(browserVersion?: string): string {
  const parts = [`ipwatch/${IPWATCH_VERSION}`, `crawlee/${packageVersion('crawlee')}`, `playwright-core/${packageVersion('playwright-core')}`];
  if (browserVersion) parts.push(`chromium/${browserVersion}`);
  return parts.join(' ');
}
