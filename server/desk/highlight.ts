/**
 * Highlight the matched words of a title: the matcher's hit spans (and the seller's counterfeit cues)
 * become `<mark>` elements around escaped pieces of the title. The title itself is never trusted: every
 * piece goes through `hono/html`'s escaping, and only the `<mark>` tags are markup.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** One span to highlight, in UTF-16 code units of the text. */
export interface Span {
  start: number;
  end: number;
  kind: 'hit' | 'cue';
  label: string;
}

/** Merge overlapping spans (hits win over cues) and drop those outside the text. */
export function normaliseSpans(spans: Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || (a.kind === 'hit' ? -1 : 1));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.kind === 'hit') last.kind = 'hit';
      if (!last.label.includes(s.label)) last.label += `, ${s.label}`;
    } else out.push({ ...s });
  }
  return out;
}

/** The text as escaped HTML with each span wrapped in `<mark class="hit|cue" title="label">`. */
export function highlight(text: string, spans: Span[]): HtmlEscapedString {
  const parts: Array<HtmlEscapedString | string> = [];
  let at = 0;
  for (const s of normaliseSpans(spans, text.length)) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(html`<mark class="${s.kind}" title="${s.label}">${text.slice(s.start, s.end)}</mark>` as HtmlEscapedString);
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return html`${parts}` as HtmlEscapedString;
}
