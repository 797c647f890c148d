/**
 * The nightly schedule: a croner job that starts a crawl at each tick of a cron expression. Croner's
 * `protect: true` skips a tick while the previous crawl still runs, and the crawl lock beside the
 * database keeps a manual `ipwatch crawl` and the schedule from overlapping (the later one is logged
 * and skipped). Installations that prefer the system's scheduler use cron or a systemd timer instead
 * (see README).
 */
import { Cron } from 'croner';
import { CrawlLockedError } from './lock.ts';

/** Log line for the schedule (JSON on stderr, context tag "schedule"). */
function logLine(level: 'info' | 'warn', msg: string, data: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, ctx: 'schedule', msg, ...data })}\n`);
}

/** Creates the cron job (paused until `signal` fires, then stopped); `crawl` runs one crawl. Exported for tests. */
export function createSchedule(cron: string, crawl: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Cron {
  let job: Cron;
  try {
    job = new Cron(cron, { protect: true, name: 'ipwatch-crawl', timezone: 'Asia/Ho_Chi_Minh' }, async () => {
      logLine('info', 'scheduled crawl starting', { cron });
      try {
        await crawl(signal);
        logLine('info', 'scheduled crawl finished', { next: job.nextRun()?.toISOString() });
      } catch (error) {
        if (error instanceof CrawlLockedError) logLine('warn', 'skipped: another crawl holds the lock', { error: error.message });
        else logLine('warn', 'scheduled crawl failed', { error: (error as Error).message });
      }
    });
  } catch (error) {
    throw new Error(`--cron "${cron}" is not a valid cron expression (${(error as Error).message}); e.g. "0 2 * * *" for 02:00 every night`);
  }
  signal.addEventListener('abort', () => job.stop(), { once: true });
  return job;
}

/** Runs the schedule until `signal` fires; prints the next run time. */
export async function startSchedule(cron: string, crawl: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
  const job = createSchedule(cron, crawl, signal);
  logLine('info', 'schedule started', { cron, timezone: 'Asia/Ho_Chi_Minh', next: job.nextRun()?.toISOString() });
  console.error(`Lịch quét / schedule "${cron}" (giờ Việt Nam / Vietnam time); lần tới / next: ${job.nextRun()?.toISOString()}. Ctrl-C để dừng / to stop.`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  // Let a crawl in progress record itself as interrupted before returning.
  while (job.isBusy()) await new Promise((r) => setTimeout(r, 200));
}
