/**
 * The one error the parsers throw: the page is not a listing (or not a search page). It names the
 * URL, the page state (captcha, login, removed, error…) and what was missing, so the crawler can
 * record the right outcome (blocked, removed, failed) and never a half-filled listing. Not retried
 * for `removed`; `captcha`, `login`, `rate-limited` and `error` may be retried later with a new session.
 */
import type { PageState } from '../../schema/index.ts';

/** Thrown when a page cannot be read as the data asked for; `state` says what the page was instead. */
export class PageNotListingError extends Error {
  override readonly name = 'PageNotListingError';
  /** The page's URL. */
  readonly url: string;
  /** What the page was (never `ok` unless data was missing from an otherwise normal page). */
  readonly state: Exclude<PageState, { kind: 'ok' }>;
  /** Field names or parts that were missing or invalid. */
  readonly missing: string[];

  constructor(url: string, state: Exclude<PageState, { kind: 'ok' }>, missing: string[] = []) {
    const what = missing.length ? `; missing or invalid: ${missing.join(', ')}` : '';
    super(`${url}: không đọc được trang / cannot be read as a listing or search page (${state.kind}: ${state.reason})${what}`);
    this.url = url;
    this.state = state;
    this.missing = missing;
  }

  /** False for `removed` (record it, do not retry); true for blocks, rate limits and errors (retry later, with a new session for blocks). */
  get retryable(): boolean {
    return this.state.kind !== 'removed';
  }
}

/** Throws PageNotListingError with state `error` for a page whose expected data is absent. */
export function missingData(url: string, reason: string, missing: string[]): never {
  throw new PageNotListingError(url, { kind: 'error', reason }, missing);
}
