/**
 * Reading pages off the crawl's main thread. The main thread runs Crawlee (queues, sessions, HTTP),
 * the store's writes and, in the bench, the training marketplace itself; parsing a page and matching
 * its listing against the register is pure CPU work, so it goes to worker threads
 * (`analysis-worker.ts`) and runs beside the rest on another core. Same inputs, same code
 * (`analysePage`), same result as reading the page inline.
 *
 * The workers load the TypeScript sources through tsx, as `bin/ipwatch.js` does, which takes a second
 * or two: until a worker says it is ready, pages are read inline, so the first search pages do not
 * wait for it. When a worker cannot start or dies, its pages (and all later ones) are read inline
 * instead, with one warning: the crawl is slower, never wrong.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Marketplace, Right } from '../shared/schema/index.ts';
import type { MarketplaceAdapter } from '../shared/marketplaces/common/types.ts';
import type { Matcher } from '../shared/match/index.ts';
import { analysePage, type AnalysisKind, type PageAnalysis, type PageText } from './analyse.ts';
import type { AnalysisRequest, AnalysisWorkerData } from './analysis-worker.ts';
import type { CrawlLog } from './routes.ts';

/** Worker threads a crawl uses by default: one beside the main thread when there is a second core, at most two. */
export function defaultAnalysisThreads(): number {
  return Math.max(0, Math.min(2, availableParallelism() - 1));
}

/** The worker's source, started through tsx's ESM loader (or undefined when tsx cannot be resolved from here). */
function workerSource(): string | undefined {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== 'function') return undefined;
  try {
    const tsx = resolve('tsx/esm/api');
    const entry = new URL('./analysis-worker.ts', import.meta.url).href;
    return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  } catch {
    return undefined;
  }
}

interface Pending {
  marketplace: Marketplace;
  as: AnalysisKind;
  page: PageText;
  resolve: (analysis: PageAnalysis) => void;
  reject: (error: Error) => void;
}

/** Reads pages in worker threads, or inline when there are none (threads 0, or they failed). */
export class AnalysisPool {
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending>; ready: boolean }> = [];
  private nextId = 1;
  private warned = false;
  /** Settles once every worker has said it is ready or has failed. */
  readonly ready: Promise<void>;

  /**
   * Starts `threads` workers for these marketplaces and this register. `adapters` and `matcher` are
   * the main thread's own, used when reading inline.
   */
  constructor(
    private readonly inline: { adapters: Partial<Record<Marketplace, MarketplaceAdapter>>; matcher: Matcher },
    init: { marketplaces: Marketplace[]; baseUrls: Partial<Record<Marketplace, string>>; rights: Right[]; threads: number },
    private readonly log: CrawlLog,
  ) {
    const source = init.threads > 0 ? workerSource() : undefined;
    if (init.threads > 0 && !source) this.fallBack('tsx cannot be resolved from the crawler');
    this.ready = Promise.resolve(); // no workers: nothing to wait for
    if (!source) return;
    const starting: Array<Promise<void>> = [];
    const workerData: AnalysisWorkerData = { marketplaces: init.marketplaces, baseUrls: init.baseUrls, rights: init.rights };
    for (let i = 0; i < init.threads; i++) {
      const slot = { worker: new Worker(source, { eval: true, workerData }), pending: new Map<number, Pending>(), ready: false };
      let started!: () => void;
      starting.push(new Promise<void>((resolve) => (started = resolve)));
      slot.worker.on('message', (answer: { id: number; ready?: boolean; analysis?: PageAnalysis; error?: { name: string; message: string } }) => {
        if (answer.ready) {
          slot.ready = true;
          started();
          return;
        }
        const job = slot.pending.get(answer.id);
        if (!job) return;
        slot.pending.delete(answer.id);
        if (answer.analysis) job.resolve(answer.analysis);
        else job.reject(Object.assign(new Error(answer.error?.message ?? 'the analysis worker gave no answer'), { name: answer.error?.name ?? 'Error' }));
      });
      const lost = (why: string) => {
        started();
        const index = this.workers.indexOf(slot);
        if (index < 0) return;
        this.workers.splice(index, 1);
        this.fallBack(why);
        for (const job of slot.pending.values()) this.readInline(job);
        slot.pending.clear();
      };
      slot.worker.on('error', (error) => lost(`an analysis worker failed: ${error.message}`));
      slot.worker.on('exit', (code) => lost(`an analysis worker stopped (exit code ${code})`));
      this.workers.push(slot);
    }
    this.ready = Promise.all(starting).then(() => undefined);
  }

  /** How many worker threads are reading pages now (0: every page is read inline). */
  get threads(): number {
    return this.workers.length;
  }

  /** Reads a page of `marketplace` as a search page or a listing (`page` is sent to the worker as is: plain data only). */
  analyse(marketplace: Marketplace, page: PageText, as: AnalysisKind): Promise<PageAnalysis> {
    return new Promise<PageAnalysis>((resolve, reject) => {
      const job: Pending = { marketplace, as, page, resolve, reject };
      let slot: (typeof this.workers)[number] | undefined;
      for (const w of this.workers) if (w.ready && (!slot || w.pending.size < slot.pending.size)) slot = w;
      if (!slot) return this.readInline(job);
      const id = this.nextId++;
      slot.pending.set(id, job);
      const request: AnalysisRequest = { id, marketplace, as, page: job.page };
      slot.worker.postMessage(request);
    });
  }

  /** Stops the workers (pages still being read are read inline). */
  async close(): Promise<void> {
    const slots = this.workers.splice(0);
    for (const slot of slots) {
      for (const job of slot.pending.values()) this.readInline(job);
      slot.pending.clear();
    }
    await Promise.allSettled(slots.map((s) => s.worker.terminate()));
  }

  private readInline(job: Pending): void {
    try {
      const adapter = this.inline.adapters[job.marketplace];
      if (!adapter) throw new Error(`no adapter for marketplace "${job.marketplace}"`);
      job.resolve(analysePage(adapter, this.inline.matcher, job.page, job.as));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fallBack(why: string): void {
    if (this.warned) return;
    this.warned = true;
    this.log.warn('pages are read on the main thread', { why });
  }
}
