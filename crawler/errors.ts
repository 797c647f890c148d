/**
 * The crawler's errors, each named for its retry policy (as Crawlee's `NonRetryableError` is):
 * a rate-limited page is retried after the wait it asked for, a blocked page (captcha, login wall) is
 * retried with a fresh session and recorded as `blocked` when the retries run out, a transient page
 * error is retried with backoff, and a page that cannot be read as what it should be is never retried.
 */
import { NonRetryableError } from 'crawlee';

/** HTTP 429 or a "slow down" page: retried after `retryAfterSeconds` (or the backoff); blocked when retries run out. */
export class RetryAfterRateLimitError extends Error {
  constructor(
    readonly url: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`${url}: rate-limited by the marketplace${retryAfterSeconds !== undefined ? ` (Retry-After ${retryAfterSeconds}s)` : ''}; retried after waiting`);
    this.name = 'RetryAfterRateLimitError';
  }
}

/** A captcha or login wall answered instead of the page: retried with a new session, then recorded as blocked. */
export class RetryWithNewSessionBlockedError extends Error {
  constructor(
    readonly url: string,
    readonly kind: 'captcha' | 'login',
    readonly reason: string,
  ) {
    super(`${url}: blocked by a ${kind === 'captcha' ? 'captcha' : 'login wall'} (${reason}); retried with a new session, recorded as blocked if it persists`);
    this.name = 'RetryWithNewSessionBlockedError';
  }
}

/** A server error or an empty/garbled page: retried with exponential backoff. */
export class RetryWithBackoffError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`${url}: ${reason}; retried with backoff`);
    this.name = 'RetryWithBackoffError';
  }
}

/** A page that is not what its URL promised (parser refused it): never retried, counted as an error. */
export class NotRetriedUnreadablePageError extends NonRetryableError {
  constructor(url: string, reason: string) {
    super(`${url}: ${reason}; not retried — check the adapter against this page`);
    this.name = 'NotRetriedUnreadablePageError';
  }
}

/** True for errors that mean "the marketplace would not show us the page" (recorded as blocked). */
export function isBlockedError(error: unknown): error is RetryAfterRateLimitError | RetryWithNewSessionBlockedError {
  return error instanceof RetryAfterRateLimitError || error instanceof RetryWithNewSessionBlockedError;
}

/** Milliseconds to wait before retry number `retryCount` (1-based): Retry-After when given (capped), else 0.5 s × 2^n with jitter, at most `capMs`. */
export function backoffMs(retryCount: number, retryAfterSeconds?: number, capMs = 30_000): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds)) return Math.min(capMs, Math.max(0, retryAfterSeconds * 1000));
  const base = 500 * 2 ** Math.max(0, retryCount - 1);
  return Math.min(capMs, base / 2 + Math.random() * (base / 2));
}

/** Seconds from an HTTP Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
