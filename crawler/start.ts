/**
 * `ipwatch start` / `npm start`: the main job on its built-in default, end to end.
 * 1 - start the training marketplace on 127.0.0.1 (with its faults: 429, captcha, login walls, slow,
 *     removed and re-listed items);
 * 2 - import the bundled register (GIs and demo marks) into the store;
 * 3 - crawl every site of the training marketplace with it;
 * 4 - print the run summary and how it did against the ground truth (found, missed, precision,
 *     recall, evidence captured).
 */
import { loadBundledRegister, BUNDLED_REGISTER_FILES } from '../shared/register/bundled.ts';
import { openStore } from '../shared/store/index.ts';
import { startTrainingMarket } from '../server/training-market/index.ts';
import { runCrawl, jsonLog, quietLog } from './main.ts';
import { formatSummary, type CrawlSummary } from './summary.ts';
import { evaluateRun, formatEvaluation, type Evaluation } from './evaluate.ts';
import type { Marketplace } from '../shared/schema/index.ts';

/** Options of `runStart`. */
export interface StartOptions {
  db?: string;
  maxPages?: number;
  maxCaptures?: number;
  threshold?: number;
  signal?: AbortSignal;
  /** Print nothing (tests). */
  quiet?: boolean;
}

/** Runs the whole demo and returns what it printed as data. */
export async function runStart(opts: StartOptions = {}): Promise<{ summary: CrawlSummary; evaluation: Evaluation; trainingMarketUrl: string }> {
  const say = (s: string) => {
    if (!opts.quiet) console.log(s);
  };
  const tm = await startTrainingMarket({});
  const store = openStore(opts.db);
  try {
    say(`Sàn tập huấn / training marketplace: ${tm.url}`);
    const rights = loadBundledRegister();
    const imported = store.importRights(rights, { file: BUNDLED_REGISTER_FILES.join(', '), actor: 'ipwatch-start' });
    say(`Sổ đăng ký kèm theo / bundled register: ${rights.length} quyền / rights (mới/added ${imported.added}, đổi/changed ${imported.changed}, giữ nguyên/unchanged ${imported.unchanged})`);
    const baseUrls = tm.baseUrls as Partial<Record<Marketplace, string>>;
    const marketplaces = Object.keys(baseUrls) as Marketplace[];
    const tty = Boolean(process.stderr.isTTY) && !opts.quiet;
    let lastLine = 0;
    const summary = await runCrawl({
      store,
      baseUrls,
      marketplaces,
      maxPages: opts.maxPages,
      maxCaptures: opts.maxCaptures,
      threshold: opts.threshold,
      // The training site starts on a new port each time: a new run, not a resume of the last one.
      fresh: true,
      signal: opts.signal,
      log: opts.quiet ? quietLog : jsonLog,
      onProgress: (c, outstanding, total) => {
        if (opts.quiet || Date.now() - lastLine < (tty ? 1000 : 5000)) return;
        lastLine = Date.now();
        const line = `quét / crawl: ${total - outstanding}/${total} yêu cầu/requests, ${c.pages} trang/pages, ${c.findings} phát hiện/findings, ${c.captures} chứng cứ/evidence, ${c.blocked} chặn/blocked`;
        if (tty) process.stderr.write(`\r${line}   `);
        else jsonLog.info('progress', { ...c, outstanding, total });
      },
    });
    if (tty) process.stderr.write('\n');
    say(formatSummary(summary));
    const evaluation = evaluateRun(store, summary.runId, tm.groundTruth, marketplaces);
    say(formatEvaluation(evaluation));
    say(`Chứng cứ đã lưu / evidence captured: ${summary.counts.evidenceCaptured} phát hiện / findings (${summary.counts.artefacts} tệp / files) — kho / store ${store.path}`);
    return { summary, evaluation, trainingMarketUrl: tm.url };
  } finally {
    store.close();
    await tm.close();
  }
}
