/**
 * Group commit for the crawl's page writes. What one page produced (its observation, finding, new
 * requests and the request's `done` mark) is one unit that commits as a whole. Committed one by one,
 * every page paid a SQLite transaction of its own (BEGIN IMMEDIATE, then a COMMIT that appends the
 * same B-tree pages to the WAL again): the largest single cost of the crawl's own work. Units that
 * arrive in the same turn of the event loop (or within `windowMs`) now commit in one transaction,
 * each inside its own savepoint, so a unit that throws is rolled back alone and rejects only its own
 * caller. A busy crawl thus commits several pages at a time; an idle one commits each at once.
 *
 * A caller resumes only once its unit is committed: nothing is handed to Crawlee, counted or
 * reported before it is durable, and a crash (SIGKILL included) loses at most the open group, whose
 * requests are still `pending` in the progress table and are fetched again when the run resumes.
 * The store stays in WAL mode with its own `synchronous` setting; only the number of commits changes.
 */
import type { Store } from '../shared/store/index.ts';

/** How long a unit may wait for others, and how many make a full group. */
export interface GroupCommitOptions {
  /** Longest wait before the open group commits, in ms; 0 (the default) commits on the next turn of the event loop. */
  windowMs?: number;
  /** A group this large commits at once (default 64). */
  maxUnits?: number;
}

interface Unit {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Gathers synchronous write units and commits them together; see the module comment for the guarantees. */
export class GroupCommit {
  private open: Unit[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private readonly windowMs: number;
  private readonly maxUnits: number;

  constructor(
    private readonly store: Store,
    opts: GroupCommitOptions = {},
  ) {
    this.windowMs = opts.windowMs ?? 0;
    this.maxUnits = opts.maxUnits ?? 64;
  }

  /** Runs `fn` (synchronous, never async) in the next group transaction; resolves with its result once committed. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.open.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.open.length >= this.maxUnits) this.flush();
      else this.timer ??= this.windowMs > 0 ? setTimeout(() => this.flush(), this.windowMs) : setImmediate(() => this.flush());
    });
  }

  /** Commits the open group now (a no-op when it is empty). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
    const units = this.open;
    this.open = [];
    if (!units.length) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.store.transaction(() => {
        for (const unit of units) {
          try {
            // A better-sqlite3 transaction function called inside a transaction is a savepoint.
            outcomes.push({ ok: true, value: this.store.db.transaction(unit.fn)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, database locked for longer than the busy timeout): nothing of the group is stored.
      for (const unit of units) unit.reject(error);
      return;
    }
    units.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}
