/**
 * `ipwatch read-page`: reads a saved page or API answer with the adapter for its URL and prints what
 * the crawler and the extension would get: the URL kind, the page state, and the Listing or the
 * search cards (JSON). For checking a capture offline or a new marketplace layout. Node only: the file
 * is read inside the action, so the adapters themselves stay browser-safe.
 */
import type { Command } from 'commander';
import type { Marketplace } from '../schema/index.ts';
import { adapterForUrl, PageNotListingError, trainingBaseUrls, type BaseUrls } from './index.ts';

/** Options of `read-page`. */
interface ReadPageOptions {
  url: string;
  status?: number;
  base?: string[];
  training?: string;
}

/** Base URLs from `name=url` pairs ("shopee=http://127.0.0.1:8080/shopee"); throws on a malformed pair. */
export function parseBaseOptions(pairs: string[] = []): BaseUrls {
  const out: BaseUrls = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--base "${pair}": expected name=url, e.g. shopee=http://127.0.0.1:8080/shopee`);
    out[pair.slice(0, at) as Marketplace] = pair.slice(at + 1);
  }
  return out;
}

/** What `read-page` prints for one page: URL kind, state, and the listing, the search page or the refusal. */
export function readPage(text: string, opts: ReadPageOptions): Record<string, unknown> {
  const bases = { ...(opts.training ? trainingBaseUrls(opts.training) : {}), ...parseBaseOptions(opts.base) };
  const adapter = adapterForUrl(opts.url, bases);
  if (!adapter) throw new Error(`--url "${opts.url}" is not an http(s) URL`);
  const urlKind = adapter.classifyUrl(opts.url);
  const state = adapter.classifyPage(text, opts.url, opts.status);
  const out: Record<string, unknown> = { marketplace: adapter.manifest.name, urlKind, state };
  try {
    if (urlKind === 'search' || urlKind === 'api-search') out.search = adapter.parseSearch(text, opts.url);
    else out.listing = adapter.parseListing(text, opts.url);
  } catch (e) {
    if (!(e instanceof PageNotListingError)) throw e;
    out.refused = { message: e.message, missing: e.missing, retryable: e.retryable };
  }
  if (adapter.apiUrlsFor) out.apiUrls = adapter.apiUrlsFor(opts.url);
  return out;
}

/** Registers `ipwatch read-page`. */
export default function registerMarketplaceCommands(program: Command): void {
  program
    .command('read-page')
    .description('Đọc một trang đã lưu bằng bộ đọc của sàn / Read a saved page or API answer with its marketplace adapter')
    .argument('<file>', 'tệp HTML hoặc JSON đã lưu / saved HTML or JSON file')
    .requiredOption('--url <url>', 'địa chỉ gốc của trang / the URL the page was loaded from')
    .option('--status <code>', 'mã HTTP / HTTP status', (v) => Number.parseInt(v, 10))
    .option('--training <origin>', 'gốc sàn tập huấn / training-marketplace origin, e.g. http://127.0.0.1:8080')
    .option('--base <name=url...>', 'địa chỉ gốc một sàn / one site base URL, e.g. shopee=http://127.0.0.1:8080/shopee')
    .action(async (file: string, opts: ReadPageOptions) => {
      const { readFileSync } = await import('node:fs');
      const result = readPage(readFileSync(file, 'utf8'), opts);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      if (result.refused) process.exitCode = 2;
    });
}
