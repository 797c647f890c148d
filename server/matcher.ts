/**
 * The matcher as the service uses it: built from the store's register and rebuilt when the register
 * changes (checked at most every few seconds). Loaded lazily from `shared/match` so the service starts
 * even before a register exists.
 */
import { createHash } from 'node:crypto';
import type { ServiceMatcher, ServiceStore } from './store-port.ts';

/** Where the matcher lives (a variable so the service compiles before `shared/match` exists). */
const MATCH_MODULE: string = new URL('../shared/match/index.ts', import.meta.url).href;

type MatchModule = { buildMatcher(rights: unknown[]): ServiceMatcher };

/** A matcher that follows the register in the store. */
export class RegisterMatcher {
  private cached?: { digest: string; matcher: ServiceMatcher };
  private checkedAt = 0;
  private module?: Promise<MatchModule>;
  constructor(
    private readonly store: ServiceStore,
    private readonly recheckMs = 5000,
  ) {}

  /** The current matcher (built once per register version). */
  async get(): Promise<ServiceMatcher> {
    const now = Date.now();
    if (this.cached && now - this.checkedAt < this.recheckMs) return this.cached.matcher;
    this.checkedAt = now;
    const rights = this.store.listRights();
    const digest = createHash('sha256').update(JSON.stringify(rights)).digest('hex');
    if (this.cached?.digest === digest) return this.cached.matcher;
    this.module ??= loadMatchModule();
    this.cached = { digest, matcher: (await this.module).buildMatcher(rights) };
    return this.cached.matcher;
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
