/**
 * The matcher as the service uses it: built from the store's register and rebuilt when the register
 * changes (checked at most every few seconds). Loaded lazily from `shared/match` so the service starts
 * even before a register exists.
 */
import { createHash } from 'node:crypto';
import type { Listing, ListingMatch } from '../shared/schema/index.ts';
import { matchInputOf } from './flags.ts';
import type { ServiceMatcher, ServiceStore } from './store-port.ts';

/** Where the matcher lives (a variable so the service compiles before `shared/match` exists). */
const MATCH_MODULE: string = new URL('../shared/match/index.ts', import.meta.url).href;

type MatchModule = {
  buildMatcher(rights: unknown[]): ServiceMatcher;
  /** the matcher's own adapter from a stored Listing (preferred when present) */
  matchListing?(matcher: ServiceMatcher, listing: Listing): ListingMatch;
};

/** Matches a listing against the current register. */
export type ListingMatcher = (listing: Listing) => ListingMatch;

/** A matcher that follows the register in the store. */
export class RegisterMatcher {
  private cached?: { digest: string; match: ListingMatcher };
  private checkedAt = 0;
  private module?: Promise<MatchModule>;
  constructor(
    private readonly store: ServiceStore,
    private readonly recheckMs = 5000,
  ) {}

  /** The current matcher (built once per register version). */
  async get(): Promise<ListingMatcher> {
    const now = Date.now();
    if (this.cached && now - this.checkedAt < this.recheckMs) return this.cached.match;
    this.checkedAt = now;
    const rights = this.store.listRights();
    const digest = createHash('sha256').update(JSON.stringify(rights)).digest('hex');
    if (this.cached?.digest === digest) return this.cached.match;
    this.module ??= loadMatchModule();
    const mod = await this.module;
    const matcher = mod.buildMatcher(rights);
    const match: ListingMatcher = mod.matchListing ? (l) => mod.matchListing!(matcher, l) : (l) => matcher.match(matchInputOf(l));
    this.cached = { digest, match };
    return match;
  }
}

/** Load `shared/match`; without it, flags are stored with an empty match (risk 0) and a warning is logged. */
async function loadMatchModule(): Promise<MatchModule> {
  try {
    return (await import(MATCH_MODULE)) as MatchModule;
  } catch (err) {
    console.warn(`[server] matcher not available (${(err as Error).message}); flags are stored unmatched (risk 0)`);
    return { buildMatcher: () => ({ match: () => ({ hits: [], cues: [], signals: [], risk: 0, basis: [] }) }) };
  }
}
