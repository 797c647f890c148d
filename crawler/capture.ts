/**
 * Evidence capture in the same page load: once a browser page shows a suspicious listing, this module
 * takes, from that very load, a full-page screenshot (PNG), an MHTML snapshot (CDP
 * `Page.captureSnapshot`), the rendered HTML, a WARC of every HTTP response the page received (from
 * Playwright's HAR recording with bodies embedded, written out with warcio) and the listing JSON the
 * adapter extracted. `storeEvidence` then hashes each into the store as an artefact of the finding and
 * appends one custody event for the capture with the URL, the UTC time, the tool versions and the
 * browser's user agent. Nothing here parses or runs the captured content.
 */
import { readFile, rm } from 'node:fs/promises';
import canonicalize from 'canonicalize';
import type { Page } from 'playwright-core';
import type { ArtefactRole, Listing } from '../shared/schema/index.ts';
import type { Artefact } from '../shared/schema/index.ts';
import type { Store } from '../shared/store/index.ts';
import { harToWarc, type Har } from './warc.ts';
import { toolVersion } from './version.ts';

/** One piece of evidence before it is stored. */
export interface EvidenceFile {
  role: ArtefactRole;
  mediaType: string;
  bytes: Uint8Array;
}

/** Everything captured from one page load, with the facts its custody event records. */
export interface CapturedEvidence {
  url: string;
  capturedAt: string;
  userAgent: string;
  browserVersion: string;
  files: EvidenceFile[];
}

/** The artefact roles every complete capture has. */
export const CAPTURE_ROLES: readonly ArtefactRole[] = ['screenshot', 'mhtml', 'html', 'warc', 'listing-json'];

/** Raised when a capture could not be completed; retried by the crawler like any page failure. */
export class CaptureFailedError extends Error {
  constructor(url: string, step: string, cause: unknown) {
    super(`Capture of ${url} failed at "${step}": ${cause instanceof Error ? cause.message : String(cause)}. It is retried; if it keeps failing, check the page in a browser.`);
    this.name = 'CaptureFailedError';
  }
}

async function step<T>(url: string, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new CaptureFailedError(url, name, error);
  }
}

/**
 * Captures the evidence of the listing shown in `page` (already loaded). When `harPath` is given the
 * page's context was created with `recordHar: { path: harPath, content: 'embed' }`: the context is
 * closed here to write the HAR, so the page cannot be used afterwards.
 */
export async function captureEvidence(page: Page, opts: { listing: Listing; harPath?: string }): Promise<CapturedEvidence> {
  const url = page.url();
  const capturedAt = new Date().toISOString();
  const userAgent = await step(url, 'user agent', () => page.evaluate(() => navigator.userAgent));
  const browserVersion = page.context().browser()?.version() ?? 'unknown';
  const screenshot = await step(url, 'screenshot', () => page.screenshot({ fullPage: true, type: 'png' }));
  const mhtml = await step(url, 'MHTML', async () => {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
      return data;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  });
  const html = await step(url, 'HTML', () => page.content());
  const files: EvidenceFile[] = [
    { role: 'screenshot', mediaType: 'image/png', bytes: screenshot },
    { role: 'mhtml', mediaType: 'multipart/related', bytes: Buffer.from(mhtml, 'utf8') },
    { role: 'html', mediaType: 'text/html; charset=utf-8', bytes: Buffer.from(html, 'utf8') },
    { role: 'listing-json', mediaType: 'application/json', bytes: Buffer.from(canonicalize(opts.listing) ?? '{}', 'utf8') },
  ];
  if (opts.harPath) {
    const harPath = opts.harPath;
    const warc = await step(url, 'WARC', async () => {
      await page.context().close();
      const har = JSON.parse(await readFile(harPath, 'utf8')) as Har;
      await rm(harPath, { force: true });
      return harToWarc(har, { software: toolVersion(browserVersion), userAgent, filename: `ipwatch-${capturedAt.replace(/[:.]/g, '')}.warc` });
    });
    files.splice(3, 0, { role: 'warc', mediaType: 'application/warc', bytes: warc });
  }
  return { url, capturedAt, userAgent, browserVersion, files };
}

/**
 * Stores a capture as artefacts of finding `findingId` (content-addressed, each with its own custody
 * entry from the store) plus one custody event `captured` on `finding:<id>` listing them all with the
 * URL, UTC time, tool versions and user agent. One transaction: a crash leaves all or nothing.
 */
export function storeEvidence(store: Store, findingId: number, evidence: CapturedEvidence, actor: string): Artefact[] {
  return store.transaction(() => {
    const artefacts = evidence.files.map((f) =>
      store.addArtefact({ bytes: f.bytes, mediaType: f.mediaType, role: f.role, capturedAt: evidence.capturedAt, url: evidence.url, findingId }, actor),
    );
    store.appendCustody({
      actor,
      action: 'captured',
      subject: `finding:${findingId}`,
      details: {
        url: evidence.url,
        capturedAtUtc: evidence.capturedAt,
        tool: toolVersion(evidence.browserVersion),
        userAgent: evidence.userAgent,
        artefacts: artefacts.map((a) => ({ role: a.role, sha256: a.sha256, byteSize: a.byteSize })),
      },
    });
    return artefacts;
  });
}

/** True when finding `findingId` already has every role of a complete capture (so a resumed run skips it). */
export function hasCompleteCapture(store: Store, findingId: number): boolean {
  const roles = new Set(store.listArtefacts(findingId).map((a) => a.role));
  return CAPTURE_ROLES.every((r) => roles.has(r));
}
