/**
 * What the real marketplaces do to crawlers, made deterministic: which pages are slow, which pages
 * answer with a captcha or a login wall on the first visit (both with HTTP 200, as the real ones do),
 * and a per-site rate limit answered with HTTP 429 and `Retry-After`. Every decision is a function of
 * the seed and the page's path, so two runs with the same seed and requests see the same faults;
 * `enabled: false` turns all of them off for clean runs.
 */
import { hashString } from './random.ts';
import type { TrainingSite } from './schema.ts';

/** How a page is answered instead of its content. */
export type PageFault = 'captcha' | 'login';

/** Fault settings (per mille of pages, requests per second). */
export interface FaultOptions {
  enabled: boolean;
  seed: number;
  /** Requests per second per site above which the site answers 429 (default 20). */
  ratePerSecond?: number;
  /** Delay of a slow page in ms (default 1500). */
  slowMs?: number;
  captchaPerMille?: number;
  loginPerMille?: number;
  slowPerMille?: number;
}

/** Deterministic fault decisions plus the little state they need (rate windows, pages already challenged). */
export class Faults {
  readonly enabled: boolean;
  private readonly opts: Required<FaultOptions>;
  private readonly windows = new Map<TrainingSite, number[]>();
  private readonly challenged = new Set<string>();

  constructor(opts: FaultOptions) {
    this.enabled = opts.enabled;
    this.opts = { ratePerSecond: 20, slowMs: 1500, captchaPerMille: 20, loginPerMille: 10, slowPerMille: 15, ...opts };
  }

  /** Counts one request to a site; true when it exceeds the rate and must be answered 429. */
  overRate(site: TrainingSite, now = Date.now()): boolean {
    if (!this.enabled) return false;
    const w = this.windows.get(site) ?? [];
    while (w.length && w[0] <= now - 1000) w.shift();
    if (w.length >= this.opts.ratePerSecond) {
      this.windows.set(site, w);
      return true;
    }
    w.push(now);
    this.windows.set(site, w);
    return false;
  }

  /** The captcha or login wall a page gets on its first visit (the retry gets the page), or undefined. */
  pageFault(site: TrainingSite, pathAndQuery: string): PageFault | undefined {
    if (!this.enabled) return undefined;
    const key = `${site}:${pathAndQuery}`;
    const roll = hashString(`${this.opts.seed}:fault:${key}`) % 1000;
    const fault: PageFault | undefined =
      roll < this.opts.captchaPerMille ? 'captcha' : roll < this.opts.captchaPerMille + this.opts.loginPerMille ? 'login' : undefined;
    if (!fault || this.challenged.has(key)) return undefined;
    this.challenged.add(key);
    return fault;
  }

  /** Whether a page would get a captcha/login on its first visit (without using that visit up). */
  wouldChallenge(site: TrainingSite, pathAndQuery: string): PageFault | undefined {
    if (!this.enabled) return undefined;
    const roll = hashString(`${this.opts.seed}:fault:${site}:${pathAndQuery}`) % 1000;
    return roll < this.opts.captchaPerMille ? 'captcha' : roll < this.opts.captchaPerMille + this.opts.loginPerMille ? 'login' : undefined;
  }

  /** How long to hold a page before answering (0 for most; always the same for a given page). */
  delayMs(site: TrainingSite, pathAndQuery: string): number {
    if (!this.enabled) return 0;
    return hashString(`${this.opts.seed}:slow:${site}:${pathAndQuery}`) % 1000 < this.opts.slowPerMille ? this.opts.slowMs : 0;
  }
}
