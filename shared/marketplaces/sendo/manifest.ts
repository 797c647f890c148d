/** Sendo: JSON search API and product pages with embedded JSON state; plain HTTP works. */
import type { AdapterManifest } from '../common/types.ts';

/** Sendo's hosts, polite rate and real base URL. */
export const manifest: AdapterManifest = {
  name: 'sendo',
  hosts: ['sendo.vn', 'www.sendo.vn'],
  needsBrowser: false,
  rate: { perSecond: 1, concurrency: 2 },
  defaultBaseUrl: 'https://www.sendo.vn',
};
