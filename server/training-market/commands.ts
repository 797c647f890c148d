/**
 * `ipwatch training-market`: starts the training marketplace on 127.0.0.1, prints each site's base
 * URL and the catalogue's figures, and keeps serving until Ctrl-C.
 */
import type { Command } from 'commander';

/** Registers the `training-market` command. */
export default function registerTrainingMarketCommands(program: Command): void {
  program
    .command('training-market')
    .description('Chạy sàn tập huấn trên 127.0.0.1 / Run the training marketplace on 127.0.0.1')
    .option('--port <n>', 'cổng / port (0 = any free port)', '0')
    .option('--no-faults', 'tắt lỗi giả lập (chậm, 429, captcha, đăng nhập, gỡ bỏ) / turn simulated faults off')
    .option('--seed <n>', 'hạt giống cho lỗi giả lập / seed of the simulated faults')
    .action(async (opts: { port: string; faults: boolean; seed?: string }) => {
      const { startTrainingMarket } = await import('./index.ts');
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${opts.port}" is not a port number (0-65535)`);
      const seed = opts.seed === undefined ? undefined : Number(opts.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed: "${opts.seed}" is not an integer`);
      const tm = await startTrainingMarket({ port, faults: opts.faults, seed });
      const truth = tm.groundTruth;
      const infringing = truth.filter((t) => t.infringing && t.status === 'live').length;
      console.log(`Sàn tập huấn / training marketplace: ${tm.url}  (faults ${opts.faults ? 'on' : 'off'})`);
      for (const [site, url] of Object.entries(tm.baseUrls)) console.log(`  ${site.padEnd(7)} ${url}/`);
      console.log(`  ${truth.length} listings, ${infringing} infringing and live; ground truth: ${tm.url}/__truth`);
      console.log('Ctrl-C để dừng / to stop');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await tm.close();
    });
}
