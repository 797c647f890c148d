/**
 * Getting JSON out of page text without running it: whole-text JSON, a JSON literal that follows a
 * marker in a script (`window.pageData={…}`, `app.run({…})`), and `<script type="application/json"
 * id="…">` blocks. The scanner balances brackets outside strings, so a script that continues after
 * the literal does not matter; nothing is evaluated.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object with unknown fields. */
export type JsonObject = { [key: string]: Json };

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// classifyPage and the parser of the same page both read it: the last document is kept (read-only).
let lastText: string | undefined;
let lastDoc: Json | undefined;

/** The text parsed as JSON when it is a JSON document (object or array), else undefined. Callers must not mutate the result. */
export function parseJsonDocument(text: string): Json | undefined {
  if (text === lastText) return lastDoc;
  lastDoc = parseJsonText(text);
  lastText = text;
  return lastDoc;
}

function parseJsonText(text: string): Json | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return undefined;
  }
}

/** The end index (exclusive) of the JSON object/array that starts at `start`, or -1 when unbalanced. */
export function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The JSON literal that follows the first occurrence of `marker` (e.g. `window.pageData=`), parsed; undefined when absent or invalid. */
export function jsonAfterMarker(text: string, marker: string | RegExp): Json | undefined {
  let from: number;
  if (typeof marker === 'string') {
    const at = text.indexOf(marker);
    if (at < 0) return undefined;
    from = at + marker.length;
  } else {
    const m = marker.exec(text);
    if (!m) return undefined;
    from = m.index + m[0].length;
  }
  const start = text.slice(from, from + 200).search(/[[{]/);
  if (start < 0) return undefined;
  const begin = from + start;
  const end = balancedEnd(text, begin);
  if (end < 0) return undefined;
  try {
    return JSON.parse(text.slice(begin, end)) as Json;
  } catch {
    return undefined;
  }
}

/** The parsed content of `<script id="…" type="application/json">` (e.g. `__NEXT_DATA__`), or undefined. */
export function scriptJsonById(html: string, id: string): Json | undefined {
  if (!html.includes(id)) return undefined;
  // Script content is raw text up to the first `</script>`; no entity decoding applies.
  const m = new RegExp(`<script\\b[^>]*\\bid=["']${id}["'][^>]*>([\\s\\S]*?)</script>`, 'i').exec(html);
  return m ? parseJsonText(m[1]) : undefined;
}

/** Depth-first search of a JSON tree for the first object that satisfies `test` (bounded depth). */
export function findObject(root: Json | undefined, test: (o: JsonObject) => boolean, maxDepth = 12): JsonObject | undefined {
  const stack: Array<[Json, number]> = root === undefined ? [] : [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.shift()!;
    if (isObject(node)) {
      if (test(node)) return node;
      if (depth < maxDepth) for (const v of Object.values(node)) if (typeof v === 'object' && v) stack.push([v, depth + 1]);
    } else if (Array.isArray(node) && depth < maxDepth) {
      for (const v of node) if (typeof v === 'object' && v) stack.push([v, depth + 1]);
    }
  }
  return undefined;
}

/** A string or number field as a string (ids arrive as either), else undefined. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}
