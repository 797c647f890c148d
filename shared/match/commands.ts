/**
 * The matcher's command: `ipwatch match --register FILE --input FILE.jsonl` reads listings as JSON
 * Lines (input `-` or absent: stdin) and writes one JSON line per listing, in input order, with its
 * hits, cues, signals, risk and candidate legal basis. Without `--register` it uses the bundled
 * registers. Register files go through the register loader, which reports every problem with file and
 * line. Heavy modules are imported inside the action.
 */
import type { Command } from 'commander';

/** Register the `match` command on the CLI. */
export default function registerMatchCommands(program: Command): void {
  program
    .command('match')
    .description('Đối chiếu tin đăng với sổ đăng ký / Match listings (JSON Lines) against the register')
    .option('--register <files...>', 'tệp sổ đăng ký (JSON, JSONL, CSV); mặc định: sổ kèm theo / register files (default: the bundled register)')
    .option('--input <file>', 'tệp JSON Lines, "-" là stdin / JSON Lines file, "-" for stdin', '-')
    .action(async (opts: { register?: string[]; input: string }) => {
      const { RegisterError, formatProblem, loadRegisterFiles } = await import('../register/load.ts');
      const { loadBundledRegister } = await import('../register/bundled.ts');
      const { buildMatcher } = await import('./index.ts');
      const { matchLines, MalformedLineError } = await import('./run-lines.ts');
      const { createReadStream } = await import('node:fs');
      let rights;
      try {
        rights = opts.register && opts.register.length > 0 ? loadRegisterFiles(opts.register).flatMap((l) => l.rights) : loadBundledRegister();
      } catch (err) {
        if (err instanceof RegisterError) {
          console.error(`LỖI / ERROR: sổ đăng ký có ${err.problems.length} lỗi / register has problem(s):`);
          for (const p of err.problems) console.error(`  ${formatProblem(p)}`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
      const matcher = buildMatcher(rights);
      const fromStdin = opts.input === '-';
      const input = fromStdin ? process.stdin : createReadStream(opts.input);
      try {
        await matchLines(matcher, input, process.stdout, fromStdin ? 'stdin' : opts.input);
      } catch (err) {
        if (err instanceof MalformedLineError) {
          console.error(`LỖI / ERROR: ${err.message}`);
          process.exitCode = 1;
          return;
        }
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          console.error(`LỖI / ERROR: không mở được tệp / cannot open the input file ${opts.input}`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
