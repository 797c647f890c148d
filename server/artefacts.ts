/**
 * Serving stored artefacts safely. Captured pages were written by the people under investigation, so
 * they are never rendered as part of the service's origin: every artefact carries `nosniff` and a CSP
 * `sandbox`; HTML and MHTML are downloads on the API, and the desk's preview serves HTML with
 * `sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'` for an `<iframe sandbox>`.
 */
import type { Context } from 'hono';
import { Sha256, type Artefact } from '../shared/schema/index.ts';
import { errorBody } from './auth.ts';
import type { Store } from '../shared/store/index.ts';

/** The artefact row for a hash (the most recent one), if any. */
export function findArtefact(store: Store, sha256: string): Artefact | undefined {
  return store.getArtefact(sha256);
}

/** Whether a media type is a web page (served only as a download or inside a sandbox). */
export function isPage(mediaType: string): boolean {
  return /html|mhtml|multipart\/related|message\/rfc822|xml|svg/i.test(mediaType);
}

/** Answer with an artefact's bytes: `download` for the API, `preview` for the desk's sandboxed iframe. */
export function serveArtefact(c: Context, store: Store, sha256: string, mode: 'download' | 'preview'): Response {
  if (!Sha256.safeParse(sha256).success) return c.json(errorBody('the artefact id must be a lowercase hex SHA-256', 'sha256'), 400);
  const art = findArtefact(store, sha256);
  if (!art) return c.json(errorBody(`no artefact with sha256 ${sha256}`, 'sha256'), 404);
  const bytes = store.readBlob(sha256);
  const page = isPage(art.mediaType);
  const headers: Record<string, string> = {
    'Content-Type': page && mode === 'preview' ? 'text/html; charset=utf-8' : art.mediaType,
    'Content-Length': String(bytes.length),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Content-Security-Policy': mode === 'preview' ? "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'" : "sandbox; default-src 'none'",
    'X-Frame-Options': mode === 'preview' ? 'SAMEORIGIN' : 'DENY',
    ETag: `"${sha256}"`,
  };
  if (page && mode === 'download') headers['Content-Disposition'] = `attachment; filename="${sha256.slice(0, 16)}.${/mhtml|related|rfc822/i.test(art.mediaType) ? 'mhtml' : 'html'}"`;
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
