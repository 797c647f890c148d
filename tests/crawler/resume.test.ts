/**
 * Killed and resumed: `ipwatch crawl` runs as a child process against the training marketplace, is
 * killed with SIGKILL in the middle of its work, and is run again with the same arguments. The second
 * process resumes the same run (no new run, nothing fetched twice that was done), the run ends `ok`,
 * no finding is duplicated, the findings are the same as an uninterrupted crawl's, and `ipwatch
 * verify` passes on the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTrainingMarket, type TrainingMarket } from '../../server/training-market/index.ts';
import { runCrawl, quietLog } from '../../crawler/main.ts';
import { tempStore } from './helpers.ts';

const BIN = new URL('../../bin/ipwatch.js', import.meta.url).pathname;
const RIGHTS = ['gi-vn-phu-quoc-nuoc-mam', 'mark-nike'];

let tm: TrainingMarket;
let ctx: ReturnType<typeof tempStore>;

beforeAll(async () => {
  tm = await startTrainingMarket({ faults: false });
  ctx = tempStore();
});
afterAll(async () => {
  ctx?.cleanup();
  await tm?.close();
});

function crawlArgs(db: string): string[] {
  return [BIN, 'crawl', '--db', db, '--marketplace', 'lazada', '--base-url', `lazada=${tm.baseUrls.lazada}`, '--right', ...RIGHTS, '--max-captures', '2'];
}

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, HOME: ctx.dir, XDG_CONFIG_HOME: ctx.dir, XDG_CACHE_HOME: ctx.dir, DOTENV_CONFIG_QUIET: 'true' };
}

/** Runs `node args…` without blocking this process's event loop; resolves with its exit status and output. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

function doneRows(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare("SELECT COUNT(*) FROM crawl_requests WHERE state != 'pending'").pluck().get() as number;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('a crawl killed with SIGKILL', () => {
  it('resumes the same run on the next start, without duplicate findings, and the store verifies', async () => {
    const db = join(ctx.dir, 'killed.db');
    ctx.store.close();
    // The child imports the register itself so the db is its own file from the start.
    const imp = spawnSync(process.execPath, [BIN, 'register', 'import', '--db', db, new URL('../../data/register/gi-vn.json', import.meta.url).pathname, new URL('../../data/register/marks-demo.json', import.meta.url).pathname], { env: childEnv(), encoding: 'utf8' });
    expect(imp.status, imp.stderr).toBe(0);

    // 1 - start, wait until part of the work is done, SIGKILL.
    const child = spawn(process.execPath, crawlArgs(db), { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const deadline = Date.now() + 90_000;
    while (doneRows(db) < 40 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(child.exitCode, `child ended before it could be killed: ${stderr.slice(-2000)}`).toBeNull();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = doneRows(db);
    expect(before).toBeGreaterThanOrEqual(40);

    // 2 - run again: it resumes run 1 and finishes it.
    // (asynchronous: the training marketplace is served by this very process)
    const again = await run(crawlArgs(db));
    expect(again.status, again.stderr.slice(-3000)).toBe(0);
    expect(again.stdout).toMatch(/resumed/);

    const d = new Database(db, { readonly: true });
    try {
      const runs = d.prepare('SELECT id, status FROM runs').all() as Array<{ id: number; status: string }>;
      expect(runs).toEqual([{ id: 1, status: 'ok' }]);
      expect(d.prepare("SELECT COUNT(*) FROM crawl_requests WHERE state = 'pending'").pluck().get()).toBe(0);
      const dupes = d.prepare('SELECT listing_id, run_id, COUNT(*) AS n FROM findings GROUP BY listing_id, run_id HAVING n > 1').all();
      expect(dupes).toEqual([]);
      const resumedKeys = (d.prepare('SELECT l.key FROM findings f JOIN listings l ON l.id = f.listing_id').pluck().all() as string[]).sort();

      // 3 - the same findings as a crawl that was never interrupted.
      const reference = tempStore();
      try {
        await runCrawl({ store: reference.store, marketplaces: ['lazada'], baseUrls: { lazada: tm.baseUrls.lazada }, rightIds: RIGHTS, maxCaptures: 0, log: quietLog });
        const refKeys = (reference.store.db.prepare('SELECT l.key FROM findings f JOIN listings l ON l.id = f.listing_id').pluck().all() as string[]).sort();
        expect(resumedKeys).toEqual(refKeys);
      } finally {
        reference.cleanup();
      }
    } finally {
      d.close();
    }

    // 4 - the evidence store is intact.
    const verify = spawnSync(process.execPath, [BIN, 'verify', '--db', db], { env: childEnv(), encoding: 'utf8' });
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/^OK/);
  }, 300_000);
});
