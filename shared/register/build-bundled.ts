/**
 * Builds `data/register/gi-vn.json` (the bundled Vietnamese geographical indications, in the `Right`
 * format) from `../shared/data/gi_vn_sourced.csv`. Run by hand from the repository root:
 * `node bin/run-ts.js shared/register/build-bundled.ts [CSV] [OUT]`. It writes only public facts and
 * keeps every row's `source`. Rules (also in data/register/README.md):
 * - `name` is the place name; a row naming several ("A / B / C") gives name A and aliases B, C; a name
 *   written with an en dash also gets the plain-hyphen spelling as an alias.
 * - `product` is the product without its parenthesised detail ("chè (green tea)" → "chè"); `goods`
 *   keeps the full text.
 * - `region` holds the old province names and then the 2025 ones (both, so either spelling matches);
 *   foreign GIs (Japan, France) have no region.
 * - `registrationNo` is the certificate number only when the source states it without doubt; a number
 *   the CSV marks doubtful ("CONFLICT", "… only", "unverified", "unconfirmed") is left out of
 *   `registrationNo` and kept word for word in `note`. No number is ever invented.
 * - `grantDate` is set only when the row is not doubtful and gives a decision number and exactly one
 *   plain date; otherwise the dates stay as sourced in `note`.
 * - `owner` is the managing organisation when the row names one; a parenthesised remark goes to `note`.
 * - A row whose name is truncated in the source ("V[…truncated in source]") is skipped and reported.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Register, type Right } from '../schema/index.ts';
import { foldText } from '../text/fold.ts';

/** One row of gi_vn_sourced.csv. */
interface GiRow {
  gi_name: string;
  product: string;
  province_old: string;
  province_new_2025: string;
  certificate_no: string;
  decision_no: string;
  date_or_year: string;
  managing_org: string;
  evidence_level: string;
  source: string;
}

const DOUBT = /CONFLICT|\bonly\b|unverified|unconfirmed|DOUBTFUL|conflicting/i;

/** A stable id part from Vietnamese text: "Buôn Ma Thuột" → "buon-ma-thuot". */
function slug(text: string): string {
  return foldText(text).replace(/ /g, '-');
}

/** Split "A / B" into its parts, trimmed. */
function splitSlash(text: string): string[] {
  return text
    .split(' / ')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a province cell names a real place (not "(Japan – foreign GI)" or "(unknown …)"). */
const isPlace = (cell: string): boolean => cell.trim() !== '' && !cell.trim().startsWith('(');

/** Convert one CSV row to a right, or say why it is skipped. */
export function rowToRight(row: GiRow): { right?: Right; skipped?: string } {
  if (/truncated/i.test(row.gi_name)) return { skipped: `"${row.gi_name}" (${row.product}, certificate ${row.certificate_no || 'none'}): the name is truncated in the source` };
  const [name, ...otherNames] = splitSlash(row.gi_name);
  const aliases = [...otherNames];
  for (const n of [name, ...otherNames]) if (n.includes('–')) aliases.push(n.replace(/\s*–\s*/g, ' - '));
  const product = row.product.replace(/\s*\(.*?\)\s*/g, ' ').trim();
  const region = [...new Set([...splitSlash(row.province_old), ...splitSlash(row.province_new_2025)].filter(isPlace))];
  const notes: string[] = [];
  let registrationNo: string | undefined;
  const cert = row.certificate_no.trim();
  const doubtful = DOUBT.test(cert) || DOUBT.test(row.evidence_level);
  if (cert) {
    const number = /^\d+/.exec(cert)?.[0];
    if (doubtful || !number) notes.push(`Số văn bằng chưa chắc chắn / doubtful certificate number, not used: ${cert}`);
    else {
      registrationNo = number;
      if (cert !== number) notes.push(`certificate: ${cert}`);
    }
  }
  let owner: string | undefined;
  const org = row.managing_org.trim();
  if (org && !org.startsWith('(')) owner = org;
  else if (org) notes.push(`managing organisation: ${org}`);
  let grantDate: string | undefined;
  const date = row.date_or_year.trim();
  if (!doubtful && row.decision_no.trim() && /^\d{4}-\d{2}-\d{2}$/.test(date)) grantDate = date;
  else if (date) notes.push(`dates as sourced: ${date}`);
  if (row.decision_no.trim()) notes.push(`decision: ${row.decision_no.trim()}`);
  if (!isPlace(row.province_old) && row.province_old.trim()) notes.push(`origin: ${row.province_old.trim().replace(/^\(|\)$/g, '')}`);
  notes.push(`evidence: ${row.evidence_level.trim()}`);
  const right: Right = {
    id: `gi-vn-${slug(name)}-${slug(product)}`,
    kind: 'gi',
    name,
    ...(aliases.length ? { aliases } : {}),
    product,
    goods: row.product.trim(),
    ...(region.length ? { region } : {}),
    ...(owner ? { owner } : {}),
    ...(registrationNo ? { registrationNo } : {}),
    ...(grantDate ? { grantDate } : {}),
    source: row.source.trim(),
    note: notes.join('; ').slice(0, 2000),
  };
  return { right };
}

/** Read the CSV, convert every row, validate the result as a register; returns the rights and the skipped rows. */
export function buildGiRegister(csvText: string): { rights: Right[]; skipped: string[] } {
  const rows = parse(csvText, { columns: true, bom: true, skip_empty_lines: true }) as GiRow[];
  const rights: Right[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const r = rowToRight(row);
    if (r.right) rights.push(r.right);
    else skipped.push(r.skipped!);
  }
  return { rights: Register.parse(rights), skipped };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const csvPath = process.argv[2] ?? '../shared/data/gi_vn_sourced.csv';
  const outPath = process.argv[3] ?? 'data/register/gi-vn.json';
  const { rights, skipped } = buildGiRegister(readFileSync(csvPath, 'utf8'));
  writeFileSync(outPath, `${JSON.stringify(rights, null, 1)}\n`);
  console.log(`${outPath}: ${rights.length} GIs, ${rights.filter((r) => r.registrationNo).length} with a certificate number`);
  for (const s of skipped) console.log(`skipped ${s}`);
}
