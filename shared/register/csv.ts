/**
 * Writing rights as a register CSV that `loadRegisterFile` reads back to the same rights: the `Right`
 * field names as columns, `|` between multiple values, `authorizedSellers` as
 * `marketplace:shopId:shopName` items (or a JSON array when a value contains `|`, or a shop id contains
 * `:`, so nothing is lost). A list value that itself contains `|` cannot be written in CSV: export JSON.
 */
import { Right, type AuthorizedSeller } from '../schema/index.ts';

const COLUMNS = Object.keys(Right.shape) as Array<keyof Right>;

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The `authorizedSellers` cell: compact items when they can be read back unchanged, else JSON. */
function sellersCell(sellers: AuthorizedSeller[]): string {
  const compact = sellers.every((s) => !`${s.shopId ?? ''}${s.shopName ?? ''}`.includes('|') && !(s.shopId ?? '').includes(':') && s.shopId?.trim() === s.shopId && s.shopName?.trim() === s.shopName);
  return compact ? sellers.map((s) => `${s.marketplace}:${s.shopId ?? ''}:${s.shopName ?? ''}`).join('|') : JSON.stringify(sellers);
}

/** The CSV cell of one field of a right. */
function cell(right: Right, field: keyof Right): string {
  const v = right[field];
  if (v === undefined) return '';
  if (field === 'authorizedSellers') return sellersCell(v as AuthorizedSeller[]);
  if (Array.isArray(v)) {
    const bad = v.find((x) => String(x).includes('|'));
    if (bad !== undefined) throw new Error(`right "${right.id}" field "${field}": the value "${bad}" contains "|", which CSV uses between values; export this register as JSON`);
    return v.join('|');
  }
  return String(v);
}

/** Rights as register CSV text (header line, then one line per right), readable by `ipwatch register import`. */
export function formatRegisterCsv(rights: Right[]): string {
  const used = COLUMNS.filter((c) => c === 'id' || c === 'kind' || c === 'name' || rights.some((r) => r[c] !== undefined));
  return [used.join(','), ...rights.map((r) => used.map((c) => quote(cell(r, c))).join(','))].join('\n') + '\n';
}
