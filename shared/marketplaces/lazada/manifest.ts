/** Lazada Vietnam: server-rendered search pages (window.pageData) and product pages (JSON-LD); plain HTTP works. */
import type { AdapterManifest } from '../common/types.ts';

/** Lazada's hosts, polite rate and real base URL. */
export const manifest: AdapterManifest = {
  name: 'lazada',
  hosts: ['lazada.vn', 'www.lazada.vn'],
  needsBrowser: false,
  rate: { perSecond: 1, concurrency: 2 },
  defaultBaseUrl: 'https://www.lazada.vn',
};
