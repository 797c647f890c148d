/**
 * The registers shipped in `data/register/`: the Vietnamese geographical indications (`gi-vn.json`,
 * built from ../shared/data/gi_vn_sourced.csv by `build-bundled.ts`, every row with its source) and,
 * when present, the demo mark register (`marks-demo.json`). Other JSON files there (the province
 * table) are not registers. Node only (reads files).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Right } from '../schema/index.ts';
import { loadRegisterFiles } from './load.ts';

/** The folder holding the bundled registers. */
export const BUNDLED_REGISTER_DIR = fileURLToPath(new URL('../../data/register/', import.meta.url));

/** The bundled register files that exist, as absolute paths (GIs first, then the demo marks). */
export const BUNDLED_REGISTER_FILES: readonly string[] = ['gi-vn.json', 'marks-demo.json']
  .map((name) => `${BUNDLED_REGISTER_DIR}${name}`)
  .filter((path) => existsSync(path));

/** Every right of the bundled registers, validated (throws `RegisterError` naming file, record and field if one is broken). */
export function loadBundledRegister(): Right[] {
  return loadRegisterFiles([...BUNDLED_REGISTER_FILES]).flatMap((l) => l.rights);
}
