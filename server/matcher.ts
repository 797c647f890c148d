/**
 * The matcher as the service uses it: built with `shared/match` from the store's register and rebuilt
 * when the register changes (checked at most every few seconds, by a digest of the rights), so a flag
 * is always scored against the register the store holds.
 */
import { createHash } from 'node:crypto';
import { buildMatcher, matchListing } from '../shared/match/index.ts';
import type { Listing, ListingMatch } from '../shared/schema/index.ts';
import type { Store } from '../shared/store/index.ts';

/** Matches a listing against the current register. */
export type ListingMatcher = (listing: Listing) => ListingMatch;

/** A matcher that follows the register in the store. */
export class RegisterMatcher {
  private cached?: { digest: string; match: ListingMatcher };
  private checkedAt = 0;
  constructor(
    private readonly store: Store,
    private readonly recheckMs = 5000,
  ) {}

  /** The current matcher (built once per register version). */
  get(): ListingMatcher {
    const now = Date.now();
    if (this.cached && now - this.checkedAt < this.recheckMs) return this.cached.match;
    this.checkedAt = now;
    const rights = this.store.listRights();
    const digest = createHash('sha256').update(JSON.stringify(rights)).digest('hex');
    if (this.cached?.digest === digest) return this.cached.match;
    const matcher = buildMatcher(rights);
    const match: ListingMatcher = (l) => matchListing(matcher, l);
    this.cached = { digest, match };
    return match;
  }
}
