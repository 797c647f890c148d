/**
 * The crawler's commands: `ipwatch crawl` (one run, progress bar on a terminal, JSON logs otherwise,
 * a summary at the end), `ipwatch schedule --cron` (keeps running and crawls on the schedule, never two
 * at once) and `ipwatch start` (the whole job on the training marketplace with the bundled register,
 * scored against the ground truth). Heavy modules are imported inside the actions.
 */
import type { Command } from 'commander';
import type { Marketplace } from '../shared/schema/index.ts';

const DB_HELP = 'tệp SQLite / SQLite file (mặc định / default: $IPWATCH_DB hoặc / or data/ipwatch.db)';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function number(name: string, min: number, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) throw new Error(`${name}: "${value}" is not ${integer ? 'an integer' : 'a number'} ≥ ${min}`);
    return n;
  };
}

/** Options shared by `crawl` and `schedule`. */
interface CrawlCliOptions {
  db?: string;
  right?: string[];
  marketplace?: string[];
  maxPages?: number;
  maxCaptures?: number;
  baseUrl?: string[];
  trainingMarket?: boolean;
  threshold: number;
  robots: boolean;
  rate?: number;
  fresh?: boolean;
}

function addCrawlOptions(cmd: Command): Command {
  return cmd
    .option('--db <path>', DB_HELP)
    .option('--right <id...>', 'chỉ các quyền này / only these right ids', collect)
    .option('--marketplace <name...>', 'chỉ các sàn này / only these marketplaces (shopee, lazada, tiki, sendo, tiktok, jsonld)', collect)
    .option('--max-pages <n>', 'tối đa số trang tìm kiếm + tin đăng / most search and listing pages', number('--max-pages', 1, true))
    .option('--max-captures <n>', 'tối đa số lần lưu chứng cứ / most evidence captures', number('--max-captures', 0, true))
    .option('--base-url <marketplace=url...>', 'địa chỉ gốc của sàn / base URL of a marketplace, e.g. tiki=http://127.0.0.1:8080/tiki', collect)
    .option('--training-market', 'chạy và quét sàn tập huấn / start and crawl the training marketplace')
    .option('--threshold <x>', 'ngưỡng rủi ro để lập phát hiện / risk threshold for a finding', number('--threshold', 0, false), 0.5)
    .option('--no-robots', 'không tuân theo robots.txt / ignore robots.txt')
    .option('--rate <perSecond>', 'số yêu cầu mỗi giây mỗi sàn (0 = không giới hạn) / requests per second per marketplace (0 = no limit)', number('--rate', 0, false))
    .option('--fresh', 'bắt đầu lượt mới, không tiếp tục lượt dở / start a new run instead of resuming an unfinished one');
}

function parseBaseUrls(pairs: string[] = []): Partial<Record<Marketplace, string>> {
  const out: Partial<Record<Marketplace, string>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--base-url: "${pair}" should be marketplace=URL, e.g. tiki=http://127.0.0.1:8080/tiki`);
    const name = pair.slice(0, eq).trim() as Marketplace;
    const url = pair.slice(eq + 1).trim();
    try {
      new URL(url);
    } catch {
      throw new Error(`--base-url: "${url}" (for ${name}) is not a URL`);
    }
    out[name] = url;
  }
  return out;
}

/** Runs one crawl from CLI options with a progress bar (TTY) or JSON logs; prints the summary. */
async function crawlOnce(opts: CrawlCliOptions, signal?: AbortSignal): Promise<void> {
  const [{ openStore }, { runCrawl, jsonLog, quietLog }, { formatSummary }, { Marketplace: MarketplaceSchema }] = await Promise.all([
    import('../shared/store/index.ts'),
    import('./main.ts'),
    import('./summary.ts'),
    import('../shared/schema/index.ts'),
  ]);
  const marketplaces = (opts.marketplace ?? []).map((m) => {
    const parsed = MarketplaceSchema.safeParse(m);
    if (!parsed.success) throw new Error(`--marketplace: unknown "${m}"; use one of ${MarketplaceSchema.options.join(', ')}`);
    return parsed.data;
  });
  let baseUrls = parseBaseUrls(opts.baseUrl);
  let closeMarket: (() => Promise<void>) | undefined;
  if (opts.trainingMarket) {
    const { startTrainingMarket } = await import('../server/training-market/index.ts');
    const tm = await startTrainingMarket({});
    closeMarket = () => tm.close();
    baseUrls = { ...tm.baseUrls, ...baseUrls };
  }
  const store = openStore(opts.db);
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty ? await progressBar() : undefined;
  let lastLog = 0;
  try {
    const summary = await runCrawl({
      store,
      rightIds: opts.right,
      marketplaces: marketplaces.length ? marketplaces : undefined,
      baseUrls,
      maxPages: opts.maxPages,
      maxCaptures: opts.maxCaptures,
      threshold: opts.threshold,
      robots: opts.robots,
      ratePerSecond: opts.rate,
      fresh: opts.fresh,
      signal,
      log: tty ? quietLog : jsonLog,
      onProgress: (c, outstanding, total) => {
        if (bar) bar.update({ ...c }, outstanding, total);
        else if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          jsonLog.info('progress', { ...c, outstanding, total });
        }
      },
    });
    bar?.stop();
    console.log(formatSummary(summary));
  } finally {
    bar?.stop();
    store.close();
    await closeMarket?.();
  }
}

/** A cli-progress bar over requests handled, with the live counts. */
async function progressBar() {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      format: 'Quét / crawl [{bar}] {value}/{total} | trang/pages {pages} | phát hiện/findings {findings} | chứng cứ/evidence {captures} | chặn/blocked {blocked} | gỡ/removed {removed} | lỗi/errors {errors}',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(c: Record<string, number>, outstanding: number, total: number) {
      if (!started) {
        bar.start(Math.max(total, 1), 0, c);
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.max(0, total - outstanding), c);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** An AbortSignal fired by the first SIGINT/SIGTERM (a second one exits at once). */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    console.error('\nĐang dừng, lượt quét sẽ tiếp tục ở lần sau / stopping; the run resumes next time (Ctrl-C again to quit now)');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/** Registers `crawl`, `schedule` and `start`. */
export default function registerCrawlerCommands(program: Command): void {
  addCrawlOptions(
    program
      .command('crawl')
      .description('Quét các sàn một lượt: tìm, đọc, đối chiếu, lưu chứng cứ / Crawl the marketplaces once: search, read, match, capture evidence'),
  ).action(async (opts: CrawlCliOptions) => {
    await crawlOnce(opts, interruptSignal());
  });

  addCrawlOptions(
    program
      .command('schedule')
      .description('Chạy liên tục và quét theo lịch cron / Keep running and crawl on a cron schedule')
      .requiredOption('--cron <expr>', 'biểu thức cron / cron expression, e.g. "0 2 * * *"'),
  ).action(async (opts: CrawlCliOptions & { cron: string }) => {
    const { startSchedule } = await import('./schedule.ts');
    const signal = interruptSignal();
    await startSchedule(opts.cron, (s) => crawlOnce(opts, s), signal);
  });

  program
    .command('start')
    .description('Chạy mặc định: sàn tập huấn + sổ đăng ký kèm theo + một lượt quét + so với dữ liệu chuẩn / The main job on the training marketplace, scored against its ground truth')
    .option('--db <path>', DB_HELP)
    .option('--max-pages <n>', 'tối đa số trang / most search and listing pages', number('--max-pages', 1, true))
    .option('--max-captures <n>', 'tối đa số lần lưu chứng cứ / most evidence captures', number('--max-captures', 0, true), 40)
    .option('--threshold <x>', 'ngưỡng rủi ro / risk threshold', number('--threshold', 0, false), 0.5)
    .action(async (opts: { db?: string; maxPages?: number; maxCaptures: number; threshold: number }) => {
      const { runStart } = await import('./start.ts');
      await runStart({ ...opts, signal: interruptSignal() });
    });
}
