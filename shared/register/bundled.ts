/**
 * The registers shipped in `data/register/`: every `*.json` there that is a register (a JSON array of
 * rights), i.e. the Vietnamese geographical indications (`gi-vn.json`, built from
 * ../shared/data/gi_vn_sourced.csv by `build-bundled.ts`, every row with its source) and, when present,
 * the demo mark register (`marks-demo.json`). Other JSON files there (the province table) are not
 * registers and are left out. Node only (reads files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Right } from '../schema/index.ts';
import { loadRegisterFiles } from './load.ts';

/** The folder holding the bundled registers. */
export const BUNDLED_REGISTER_DIR = fileURLToPath(new URL('../../data/register/', import.meta.url));

/** Whether a JSON file holds a register: an array whose first element has an `id` and a `kind`. */
function isRegisterFile(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return Array.isArray(data) && typeof data[0] === 'object' && data[0] !== null && 'id' in data[0] && 'kind' in data[0];
  } catch {
    // A broken file that looks like a register by name is still offered, so its problems get reported.
    return true;
  }
}

/** The bundled register files, as absolute paths (gi-vn.json first, then the others by name). */
export const BUNDLED_REGISTER_FILES: readonly string[] = readdirSync(BUNDLED_REGISTER_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort((a, b) => (a === 'gi-vn.json' ? -1 : b === 'gi-vn.json' ? 1 : a.localeCompare(b)))
  .map((name) => `${BUNDLED_REGISTER_DIR}${name}`)
  .filter(isRegisterFile);

/** Every right of the bundled registers, validated (throws `RegisterError` naming file, record and field if one is broken). */
export function loadBundledRegister(): Right[] {
  return loadRegisterFiles([...BUNDLED_REGISTER_FILES]).flatMap((l) => l.rights);
}
