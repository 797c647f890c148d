/** TikTok Shop (Vietnam): product pages render in a browser; no real capture was available to model on. */
import type { AdapterManifest } from '../common/types.ts';

/** TikTok Shop's hosts, a slow polite rate and its base URL; a browser is required. */
export const manifest: AdapterManifest = {
  name: 'tiktok',
  hosts: ['shop.tiktok.com', 'www.tiktok.com', 'tiktok.com'],
  needsBrowser: true,
  rate: { perSecond: 0.3, concurrency: 1 },
  defaultBaseUrl: 'https://shop.tiktok.com',
};
