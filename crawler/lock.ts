/**
 * One crawl at a time per store: a lock file beside the database (`crawl.lock`, holding the pid and
 * start time), created atomically with O_EXCL. A lock left by a process that no longer exists (killed
 * with SIGKILL, machine rebooted) is stale and taken over; a live holder makes the new crawl refuse
 * with a message naming it. The scheduled crawl and a manual `ipwatch crawl` share this lock.
 */
import { openSync, closeSync, writeSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Raised when another live process holds the crawl lock; not retried. */
export class CrawlLockedError extends Error {
  constructor(path: string, holder: string) {
    super(`Một lượt quét khác đang chạy / another crawl is running (${holder}; lock ${path}). Wait for it to finish, or stop that process.`);
    this.name = 'CrawlLockedError';
  }
}

/** The lock file path for a store at `dbPath`. */
export function lockPathFor(dbPath: string): string {
  return join(dirname(dbPath), 'crawl.lock');
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the crawl lock (taking over a stale one); returns a release function. Throws CrawlLockedError if a live process holds it. */
export function acquireCrawlLock(dbPath: string): () => void {
  const path = lockPathFor(dbPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(readFileSync(path, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) rmSync(path, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        /* unreadable: treat as stale */
      }
      if (holder.pid !== undefined && alive(holder.pid)) throw new CrawlLockedError(path, `pid ${holder.pid} since ${holder.startedAt}`);
      rmSync(path, { force: true });
    }
  }
  throw new CrawlLockedError(path, 'another process took the lock at the same moment');
}
