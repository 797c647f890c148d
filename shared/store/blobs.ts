/**
 * Content-addressed blob files: the bytes of every artefact live at `<root>/sha256/ab/cd/<hash>`, named
 * by their SHA-256, so the same bytes are stored once and any change to a file shows when it is hashed
 * again. A blob is written to a temporary file in its final folder, fsync'd, then renamed into place,
 * so a crash leaves either no blob or the whole blob (plus, at worst, a `.tmp-…` file that `walk`
 * skips and `removeStaleTemps` clears).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Sha256 } from '../schema/index.ts';

/** SHA-256 of some bytes, lowercase hex. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file, read in 1 MB chunks so large captures (WARC, MHTML) never sit in memory whole. */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const TEMP_PREFIX = '.tmp-';

/** A folder of blobs named by their SHA-256. */
export class BlobStore {
  /** `root` is the `blobs` folder; files go under `root/sha256/…`. */
  constructor(readonly root: string) {}

  /** Where the blob with this hash lives (whether or not it exists). */
  pathOf(sha256: string): string {
    if (!Sha256.safeParse(sha256).success) throw new Error(`"${sha256}" is not a lowercase hex SHA-256; blobs are addressed by their hash`);
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Store bytes once: returns their hash and size, and whether an identical blob was already there. */
  put(bytes: Uint8Array): { sha256: string; byteSize: number; existed: boolean } {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    const byteSize = bytes.byteLength;
    if (existsSync(path) && statSync(path).size === byteSize) return { sha256, byteSize, existed: true };
    const dir = join(path, '..');
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${TEMP_PREFIX}${sha256.slice(0, 16)}-${process.pid}-${randomBytes(4).toString('hex')}`);
    const fd = openSync(temp, 'wx', 0o444);
    try {
      let written = 0;
      while (written < byteSize) written += writeSync(fd, bytes, written, byteSize - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    try {
      const dfd = openSync(dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      // Some file systems refuse fsync on a directory; the rename is still atomic.
    }
    return { sha256, byteSize, existed: false };
  }

  /** The bytes of a blob; throws naming the hash and path when it is missing. */
  read(sha256: string): Buffer {
    const path = this.pathOf(sha256);
    if (!existsSync(path)) throw new Error(`blob ${sha256} is missing (expected at ${path}); run "ipwatch verify"`);
    return readFileSync(path);
  }

  /** Whether a blob exists, and its size on disk. */
  stat(sha256: string): { exists: boolean; size: number } {
    const path = this.pathOf(sha256);
    if (!existsSync(path)) return { exists: false, size: 0 };
    return { exists: true, size: statSync(path).size };
  }

  /** Every stored blob file (name and path), skipping temporary files; in a stable order. */
  *walk(): Generator<{ name: string; path: string }> {
    const top = join(this.root, 'sha256');
    if (!existsSync(top)) return;
    for (const a of readdirSync(top).sort()) {
      for (const b of readdirSync(join(top, a)).sort()) {
        const dir = join(top, a, b);
        for (const name of readdirSync(dir).sort()) {
          if (name.startsWith(TEMP_PREFIX)) continue;
          yield { name, path: join(dir, name) };
        }
      }
    }
  }

  /** Delete temporary files left by an interrupted write older than `olderThanMs`; returns how many. */
  removeStaleTemps(olderThanMs = 60 * 60 * 1000): number {
    const top = join(this.root, 'sha256');
    if (!existsSync(top)) return 0;
    let removed = 0;
    for (const a of readdirSync(top)) {
      for (const b of readdirSync(join(top, a))) {
        const dir = join(top, a, b);
        for (const name of readdirSync(dir)) {
          if (!name.startsWith(TEMP_PREFIX)) continue;
          const path = join(dir, name);
          if (Date.now() - statSync(path).mtimeMs > olderThanMs) {
            unlinkSync(path);
            removed++;
          }
        }
      }
    }
    return removed;
  }
}
