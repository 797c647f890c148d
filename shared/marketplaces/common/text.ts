/**
 * Text hygiene for data written by sellers (who may be criminals): control characters removed,
 * whitespace collapsed, lengths clamped to the schema's limits, HTML reduced to its text. Nothing
 * here interprets markup as anything but characters: a title "<script>…" stays those characters.
 */
import { load } from 'cheerio/slim';

// C0 and C1 controls, DEL, zero-width-free bidi overrides are kept out of stored text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A single-line clean string (controls removed, whitespace collapsed, trimmed, at most `max` chars) or undefined when empty. */
export function cleanLine(value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return Array.from(text).length > max ? Array.from(text).slice(0, max).join('').trim() : text;
}

/** A multi-line clean string (controls removed, line breaks kept, at most `max` chars) or undefined when empty. */
export function cleanBlock(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .replace(CONTROL, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (!text) return undefined;
  return text.length > max ? text.slice(0, max) : text;
}

/** The visible text of an HTML fragment (tags dropped, entities decoded, scripts and styles removed). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const $ = load(`<div id="ipwatch-root">${html.replace(/<br\s*\/?>|<\/p>|<\/li>|<\/div>/gi, '$&\n')}</div>`);
  $('script, style, noscript, template').remove();
  return $('#ipwatch-root').text();
}
