/**
 * Importing register files into the evidence store: all files are read and validated first, and if any
 * has a problem nothing at all is imported (a `RegisterError` lists every problem). Each file is then
 * imported in its own transaction; re-importing the same file changes nothing and says so.
 */
import type { Store } from '../store/index.ts';
import { loadRegisterFiles } from './load.ts';

/** What importing one file did. */
export interface ImportResult {
  file: string;
  added: number;
  changed: number;
  unchanged: number;
}

/** Validate every file, then import them into the store; throws `RegisterError` (importing nothing) on any problem. */
export function importRegisterFiles(store: Store, paths: string[], actor: string): ImportResult[] {
  const loaded = loadRegisterFiles(paths);
  return store.transaction(() => loaded.map((l) => ({ file: l.file, ...store.importRights(l.rights, { file: l.file, actor }) })));
}
