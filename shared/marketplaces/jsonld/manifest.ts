/** Any web shop that publishes schema.org Product JSON-LD or Open Graph product tags. */
import type { AdapterManifest } from '../common/types.ts';

/** The plain-shop reader: no fixed host (it reads any shop), no default base (a shop's base URL must be given to search it). */
export const manifest: AdapterManifest = {
  name: 'jsonld',
  hosts: [],
  needsBrowser: false,
  rate: { perSecond: 1, concurrency: 1 },
  defaultBaseUrl: '',
};
