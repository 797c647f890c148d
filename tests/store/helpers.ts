/**
 * Shared test helpers for the store: a fresh temporary folder per test (real SQLite files), a sample
 * listing and match, and a way to run the real CLI or a TypeScript child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListingInput, ListingMatch } from '../../shared/schema/index.ts';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A new empty temporary folder; call the returned cleanup in afterEach. */
export function tempDir(prefix = 'ipwatch-store-'): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, db: join(dir, 'ipwatch.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid listing; fields can be overridden. */
export function sampleListing(over: Partial<ListingInput> = {}): ListingInput {
  return {
    marketplace: 'shopee',
    externalId: '111.222',
    url: 'https://shopee.vn/nuoc-mam-phu-quoc-i.111.222',
    title: 'Nước mắm Phú Quốc 40 độ đạm chai 500ml',
    price: 85000,
    sellerId: '111',
    sellerName: 'Shop Hải Sản',
    shopLocation: 'TP. Hồ Chí Minh',
    seenAt: '2026-11-20T10:00:00.000Z',
    ...over,
  };
}

/** A matcher answer naming one right. */
export function sampleMatch(rightId = 'gi-vn-phu-quoc-nuoc-mam', risk = 0.8): ListingMatch {
  return {
    hits: [{ rightId, matched: 'Phú Quốc', start: 9, end: 17, field: 'title', method: 'exact', score: 1 }],
    cues: [],
    signals: [{ kind: 'outside_region', rightId, weight: 0.5, detail: 'ships from TP. Hồ Chí Minh, outside Kiên Giang' }],
    risk,
    basis: [{ rightId, article: '129.3', reasonVi: 'Sử dụng CDĐL cho sản phẩm không có nguồn gốc', reasonEn: 'GI used for goods not from the region' }],
  };
}

/** Run the real CLI synchronously; returns exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ipwatch.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Start a TypeScript file as a child process (through tsx), with its stdout collected. */
export function spawnTs(file: string, args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}
