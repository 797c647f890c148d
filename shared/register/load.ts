/**
 * Reading register files: a JSON array, JSON Lines, or CSV with the same column names as the `Right`
 * schema. Every problem in a file is collected (never only the first), each with the file, the line,
 * the record number, the field and the reason, so whoever wrote the file can fix it in one pass; a file
 * with any problem yields no rights. CSV conventions: multiple values are separated by `|`
 * (`aliases`, `region`, `niceClasses` as `25|35`); `wellKnown` is `true`/`false` (or yes/no, 1/0);
 * `authorizedSellers` is a `|`-separated list of `marketplace:shopId:shopName` items where shopId or
 * shopName may be empty (`shopee:12345:` or `lazada::Cửa hàng A`; the shop name may itself contain
 * `:`), or a JSON array of `{marketplace, shopId?, shopName?}` when the cell starts with `[`.
 * Dates must be real calendar dates written YYYY-MM-DD. Node only (reads files).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { z } from 'zod';
import { Right } from '../schema/index.ts';

/** One problem in a register file: where it is and why it is wrong. */
export interface RegisterProblem {
  file: string;
  /** 1-based line in the file where the record (or the problem) is. */
  line?: number;
  /** 1-based record number (data rows for CSV, array elements for JSON, non-empty lines for JSONL). */
  record?: number;
  field?: string;
  reason: string;
}

/** Rights read from one file, with the line each record starts on. */
export interface RegisterRecords {
  file: string;
  format: RegisterFormat;
  rights: Right[];
  lines: number[];
  problems: RegisterProblem[];
}

/** The file formats a register can be written in. */
export type RegisterFormat = 'json' | 'jsonl' | 'csv';

/** Thrown when register files have problems; `problems` holds every one of them. */
export class RegisterError extends Error {
  constructor(readonly problems: RegisterProblem[]) {
    super(`${problems.length} problem(s) in the register; nothing was imported:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RegisterError';
  }
}

/** One problem as a line a person can act on: `file:line (record n) field "x": reason`. */
export function formatProblem(p: RegisterProblem): string {
  const where = `${p.file}${p.line !== undefined ? `:${p.line}` : ''}${p.record !== undefined ? ` (record ${p.record})` : ''}`;
  return `${where}${p.field !== undefined ? ` field "${p.field}"` : ''}: ${p.reason}`;
}

const FIELDS = Object.keys(Right.shape) as Array<keyof Right>;
const LIST_FIELDS = new Set(['aliases', 'region']);
const DATE_FIELDS = ['filingDate', 'grantDate', 'expiryDate'] as const;

/** The format of a register file, from its extension or else its first character. */
export function detectFormat(file: string, text: string): RegisterFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  const first = text.trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'jsonl' : 'csv';
}

/** A zod path as a field name: `niceClasses[1]`, `authorizedSellers[0].shopId`. */
function fieldOf(path: ReadonlyArray<PropertyKey>): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** The reasons a zod issue gives, worded for a person editing a file. */
function problemsOfIssue(issue: z.core.$ZodIssue): Array<{ field?: string; reason: string }> {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ field: fieldOf([...issue.path, k]), reason: `unknown field; the fields are: ${FIELDS.join(', ')}` }));
  }
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return [{ field: fieldOf(issue.path), reason: missing ? 'required field is missing' : issue.message }];
}

/** Whether a YYYY-MM-DD string names a real day. */
function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validate one record against `Right` (plus real calendar dates); returns the right or its problems. */
export function validateRecord(value: unknown, at: { file: string; line?: number; record: number }): { right?: Right; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ ...at, reason: `a record must be an object with the Right fields, not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}` }] };
  }
  const r = Right.safeParse(value);
  if (!r.success) for (const issue of r.error.issues) for (const p of problemsOfIssue(issue)) problems.push({ ...at, ...p });
  for (const f of DATE_FIELDS) {
    const v = (value as Record<string, unknown>)[f];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v)) problems.push({ ...at, field: f, reason: `"${v}" is not a real date` });
  }
  return problems.length ? { problems } : { right: r.data, problems };
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The offsets where each top-level element of a JSON array starts (the text must already parse). */
function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(c) && c !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return offsets;
}

/** The line and column of a JSON.parse error, read from its "at position N" message. */
function jsonErrorWhere(text: string, err: Error): { line?: number; reason: string } {
  const m = /at position (\d+)/.exec(err.message);
  if (!m) return { reason: `not valid JSON: ${err.message}` };
  const pos = Number(m[1]);
  const line = lineAt(text, pos);
  const column = pos - text.lastIndexOf('\n', pos - 1);
  return { line, reason: `not valid JSON at line ${line}, column ${column}: ${err.message.replace(/ in JSON at position \d+.*$/, '')}` };
}

function readJson(text: string, file: string): { values: unknown[]; lines: number[]; problems: RegisterProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { values: [], lines: [], problems: [{ file, ...jsonErrorWhere(text, err as Error) }] };
  }
  if (!Array.isArray(data)) return { values: [], lines: [], problems: [{ file, line: 1, reason: 'a JSON register must be an array of rights ([{…}, {…}]); for one right per line use .jsonl' }] };
  return { values: data, lines: arrayElementOffsets(text).map((o) => lineAt(text, o)), problems: [] };
}

function readJsonl(text: string, file: string): { values: unknown[]; lines: number[]; problems: RegisterProblem[] } {
  const values: unknown[] = [];
  const lines: number[] = [];
  const problems: RegisterProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const record = lines.length + 1;
    lines.push(i + 1);
    try {
      values.push(JSON.parse(raw));
    } catch (err) {
      values.push(undefined);
      problems.push({ file, line: i + 1, record, reason: `not valid JSON: ${(err as Error).message.replace(/ in JSON at position (\d+).*$/, (_, p) => ` at column ${Number(p) + 1}`)}` });
    }
  });
  return { values, lines, problems };
}

/** Split a `|`-separated cell into trimmed, non-empty values. */
function splitMulti(cell: string): string[] {
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Convert one CSV cell to the JSON value of its field, or explain why it cannot be. */
function csvCell(field: string, cell: string): { value?: unknown; reason?: string } {
  if (LIST_FIELDS.has(field)) return { value: splitMulti(cell) };
  if (field === 'niceClasses') {
    const items = splitMulti(cell);
    const bad = items.filter((s) => !/^\d+$/.test(s));
    if (bad.length) return { reason: `"${bad.join('", "')}" is not a class number; write classes as whole numbers separated by | (e.g. 25|35)` };
    return { value: items.map(Number) };
  }
  if (field === 'wellKnown') {
    const v = cell.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(v)) return { value: true };
    if (['false', 'no', '0'].includes(v)) return { value: false };
    return { reason: `"${cell}" is not true or false` };
  }
  if (field === 'referencePrice') {
    const n = Number(cell.trim());
    return Number.isFinite(n) ? { value: n } : { reason: `"${cell}" is not a number (write the price in VND, digits only)` };
  }
  if (field === 'authorizedSellers') {
    if (cell.trim().startsWith('[')) {
      try {
        return { value: JSON.parse(cell) };
      } catch (err) {
        return { reason: `not valid JSON: ${(err as Error).message}` };
      }
    }
    const sellers: Array<Record<string, string>> = [];
    for (const item of splitMulti(cell)) {
      const first = item.indexOf(':');
      const second = first < 0 ? -1 : item.indexOf(':', first + 1);
      if (first < 0 || second < 0) return { reason: `"${item}" is not marketplace:shopId:shopName (leave shopId or shopName empty, not the colons: "shopee::Shop name")` };
      const s: Record<string, string> = { marketplace: item.slice(0, first).trim() };
      const shopId = item.slice(first + 1, second).trim();
      const shopName = item.slice(second + 1).trim();
      if (shopId) s.shopId = shopId;
      if (shopName) s.shopName = shopName;
      sellers.push(s);
    }
    return { value: sellers };
  }
  return { value: cell };
}

function readCsv(text: string, file: string): { values: unknown[]; lines: number[]; problems: RegisterProblem[] } {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { values: [], lines: [], problems: [{ file, line: e.lines, reason: `not valid CSV: ${e.message}` }] };
  }
  const problems: RegisterProblem[] = [];
  if (rows.length === 0) return { values: [], lines: [], problems: [{ file, line: 1, reason: 'the file is empty; a CSV register needs a header line with the field names' }] };
  const header = rows[0].record.map((h) => h.trim());
  header.forEach((h, i) => {
    if (!FIELDS.includes(h as keyof Right)) problems.push({ file, line: 1, field: h || `column ${i + 1}`, reason: `unknown column; the columns are: ${FIELDS.join(', ')}` });
    else if (header.indexOf(h) !== i) problems.push({ file, line: 1, field: h, reason: `column appears twice (columns ${header.indexOf(h) + 1} and ${i + 1})` });
  });
  const values: unknown[] = [];
  const lines: number[] = [];
  rows.slice(1).forEach(({ record: cells, info }, i) => {
    const record = i + 1;
    const line = info.lines;
    lines.push(line);
    if (cells.length !== header.length) {
      problems.push({ file, line, record, reason: `has ${cells.length} values but the header has ${header.length} columns (quote values that contain commas)` });
      values.push(undefined);
      return;
    }
    const obj: Record<string, unknown> = {};
    cells.forEach((cell, c) => {
      const field = header[c];
      if (cell.trim() === '' || !FIELDS.includes(field as keyof Right)) return;
      const { value, reason } = csvCell(field, cell);
      if (reason) problems.push({ file, line, record, field, reason });
      else obj[field] = value;
    });
    values.push(obj);
  });
  return { values, lines, problems };
}

/** Parse and validate register text; `file` names it in problems. Duplicate ids within the text are problems. */
export function parseRegisterText(text: string, file: string, format: RegisterFormat = detectFormat(file, text)): RegisterRecords {
  const read = format === 'json' ? readJson(text, file) : format === 'jsonl' ? readJsonl(text, file) : readCsv(text, file);
  const problems = [...read.problems];
  const broken = new Set(problems.filter((p) => p.record !== undefined && p.field === undefined).map((p) => p.record));
  const fieldProblems = new Set(problems.filter((p) => p.record !== undefined && p.field !== undefined).map((p) => `${p.record}`));
  const rights: Right[] = [];
  const firstById = new Map<string, number>();
  read.values.forEach((value, i) => {
    const record = i + 1;
    if (broken.has(record)) return;
    const line = read.lines[i];
    const v = validateRecord(value, { file, line, record });
    // A CSV cell that could not be converted was left out of the record; do not also report it as missing.
    const converted = fieldProblems.has(`${record}`) ? new Set(problems.filter((p) => p.record === record).map((p) => p.field)) : new Set<string | undefined>();
    problems.push(...v.problems.filter((p) => !converted.has(p.field)));
    const id = (value as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') {
      const first = firstById.get(id);
      if (first !== undefined) problems.push({ file, line, record, field: 'id', reason: `duplicate id "${id}" (first used by record ${first})` });
      else firstById.set(id, record);
    }
    if (v.right) rights.push(v.right);
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.record ?? 0) - (b.record ?? 0));
  return { file, format, rights: problems.length ? [] : rights, lines: read.lines, problems };
}

/** Read and validate one register file. */
export function loadRegisterFile(path: string): RegisterRecords {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { file: path, format: 'json', rights: [], lines: [], problems: [{ file: path, reason: `cannot read the file: ${(err as Error).message}` }] };
  }
  return parseRegisterText(text, path);
}

/** Read several register files; ids must be unique across them too. Throws `RegisterError` with every problem if any file has one. */
export function loadRegisterFiles(paths: string[]): RegisterRecords[] {
  const loaded = paths.map(loadRegisterFile);
  const problems = loaded.flatMap((l) => l.problems);
  const seen = new Map<string, string>();
  for (const l of loaded) {
    l.rights.forEach((r, i) => {
      const other = seen.get(r.id);
      if (other !== undefined) problems.push({ file: l.file, line: l.lines[i], record: i + 1, field: 'id', reason: `duplicate id "${r.id}" (also in ${other})` });
      else seen.set(r.id, l.file);
    });
  }
  if (problems.length) throw new RegisterError(problems);
  return loaded;
}
