/**
 * HAR to WARC: Playwright records every HTTP exchange of a page load as a HAR file with the bodies
 * embedded; this module writes the same exchanges as a WARC 1.1 file (ISO 28500), the format web
 * archives and courts' experts read. The file starts with a `warcinfo` record naming the tool, then
 * for every exchange a `response` record and the matching `request` record (`WARC-Concurrent-To`).
 * Bodies are stored decoded (HAR keeps them decoded), so `Content-Encoding` / `Transfer-Encoding` are
 * dropped and `Content-Length` set to the stored body. Records are written with warcio (Webrecorder).
 */
import { WARCRecord, WARCSerializer } from 'warcio';

/** The parts of a HAR 1.2 file that the WARC writer reads (Playwright's `recordHar` output). */
export interface Har {
  log: {
    entries: HarEntry[];
  };
}

/** One HTTP exchange in a HAR file. */
export interface HarEntry {
  startedDateTime: string;
  request: { method: string; url: string; httpVersion?: string; headers: Array<{ name: string; value: string }>; postData?: { text?: string; mimeType?: string } };
  response: {
    status: number;
    statusText?: string;
    httpVersion?: string;
    headers: Array<{ name: string; value: string }>;
    content: { size?: number; mimeType?: string; text?: string; encoding?: string };
  };
}

const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);
const encoder = new TextEncoder();

/** The decoded body bytes of a HAR response (base64 or text), empty when the HAR holds none. */
export function harBody(entry: HarEntry): Uint8Array {
  const { text, encoding } = entry.response.content;
  if (text === undefined) return new Uint8Array();
  return encoding === 'base64' ? new Uint8Array(Buffer.from(text, 'base64')) : encoder.encode(text);
}

function headerPairs(headers: Array<{ name: string; value: string }>, drop: Set<string>): Array<[string, string]> {
  // HTTP/2 pseudo-headers (":authority") are not HTTP/1.1 headers and have no place in the record.
  return headers.filter((h) => !h.name.startsWith(':') && !drop.has(h.name.toLowerCase())).map((h) => [h.name, h.value]);
}

function withHost(headers: Array<[string, string]>, host: string): Array<[string, string]> {
  return headers.some(([name]) => name.toLowerCase() === 'host') ? headers : [['Host', host], ...headers];
}

function isoSeconds(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? new Date().toISOString() : d.toISOString();
}

/** WARC bytes for the exchanges of `har` (http(s) only; data: and blob: URLs are skipped), starting with a warcinfo record. */
export async function harToWarc(har: Har, info: { software: string; userAgent?: string; filename?: string }): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const warcVersion = 'WARC/1.1' as const;
  const warcinfo = WARCRecord.createWARCInfo(
    { filename: info.filename ?? 'capture.warc', warcVersion },
    { software: info.software, format: 'WARC File Format 1.1', ...(info.userAgent ? { 'http-header-user-agent': info.userAgent } : {}) },
  );
  parts.push(await WARCSerializer.serialize(warcinfo));
  for (const entry of har.log.entries) {
    const url = entry.request.url;
    if (!/^https?:/i.test(url)) continue;
    const date = isoSeconds(entry.startedDateTime);
    const body = harBody(entry);
    const responseHeaders = headerPairs(entry.response.headers, DROPPED_RESPONSE_HEADERS);
    responseHeaders.push(['Content-Length', String(body.byteLength)]);
    const response = WARCRecord.create(
      {
        url,
        date,
        type: 'response',
        warcVersion,
        statusline: `HTTP/1.1 ${entry.response.status} ${entry.response.statusText || ''}`.trimEnd(),
        httpHeaders: responseHeaders,
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(response));
    const u = new URL(url);
    const requestBody = entry.request.postData?.text !== undefined ? encoder.encode(entry.request.postData.text) : new Uint8Array();
    const request = WARCRecord.create(
      {
        url,
        date,
        type: 'request',
        warcVersion,
        statusline: `${entry.request.method} ${u.pathname}${u.search} HTTP/1.1`,
        httpHeaders: withHost(headerPairs(entry.request.headers, new Set()), u.host),
        warcHeaders: { 'WARC-Concurrent-To': response.warcHeaders.headers.get('WARC-Record-ID') ?? '' },
      },
      [requestBody],
    );
    parts.push(await WARCSerializer.serialize(request));
  }
  return Buffer.concat(parts);
}
