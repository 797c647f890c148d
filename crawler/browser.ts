/**
 * Which Chromium ipwatch drives, and how. The browser is resolved from a setting first
 * (`IPWATCH_CHROMIUM`, then `CHROME_PATH`), then Playwright's own bundled browser when it was installed,
 * then the usual system paths; when none exists the error says what to install or set. The launch flags
 * are the ones measured in TOOLCHAIN.md (no sandbox for containers, no background traffic to Google).
 * The crawler, the evidence service and the tests all launch Chromium through this module.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Chromium flags for headless crawling on servers and CI (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** System paths tried, in order, after the settings and Playwright's bundled browser. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Raised when no Chromium can be found; never retried, the message says how to fix it. */
export class BrowserNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `Không tìm thấy Chromium / Chromium not found. Tried: ${tried.join(', ')}. ` +
        'Install it (Debian/Ubuntu: `apt-get install chromium`) or set IPWATCH_CHROMIUM=/path/to/chrome.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** The path of the Chromium executable to use; throws BrowserNotFoundError (with every path tried) if none exists. */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried: string[] = [];
  for (const name of ['IPWATCH_CHROMIUM', 'CHROME_PATH'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (existsSync(value)) return value;
    tried.push(`${name}=${value} (missing)`);
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  const candidates = [...(bundled ? [bundled] : []), ...SYSTEM_CHROMIUM_PATHS];
  for (const path of candidates) {
    if (existsSync(path)) return path;
    tried.push(path);
  }
  throw new BrowserNotFoundError(tried);
}

/** Playwright launch options for headless Chromium with ipwatch's flags and the resolved executable. */
export function chromiumLaunchOptions(extra: LaunchOptions = {}): LaunchOptions {
  return {
    executablePath: resolveChromium(),
    headless: true,
    ...extra,
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
  };
}

/** Launches headless Chromium with ipwatch's flags (the caller closes it). */
export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extra));
}
