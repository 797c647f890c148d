/** Tiki: JSON search API and server-rendered product pages (plus a product JSON API); plain HTTP works. */
import type { AdapterManifest } from '../common/types.ts';

/** Tiki's host, polite rate and real base URL. */
export const manifest: AdapterManifest = {
  name: 'tiki',
  hosts: ['tiki.vn'],
  needsBrowser: false,
  rate: { perSecond: 1, concurrency: 2 },
  defaultBaseUrl: 'https://tiki.vn',
};
