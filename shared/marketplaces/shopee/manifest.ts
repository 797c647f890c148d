/** Shopee Vietnam: pages render in a browser from `/api/v4/…` JSON; plain HTTP clients are blocked. */
import type { AdapterManifest } from '../common/types.ts';

/** Shopee's host, polite (slow) rate and real base URL; a browser with a session is required. */
export const manifest: AdapterManifest = {
  name: 'shopee',
  hosts: ['shopee.vn'],
  needsBrowser: true,
  rate: { perSecond: 0.5, concurrency: 1 },
  defaultBaseUrl: 'https://shopee.vn',
};
