/**
 * The register's commands: `ipwatch register import FILE…` (or `--bundled`), `ipwatch register list`
 * and `ipwatch register validate FILE…`. A file with problems is reported in full (file, line, record,
 * field, reason) and nothing is imported. Store commands take `--db PATH` (else `IPWATCH_DB`, else
 * `data/ipwatch.db`). Heavy modules are imported inside the actions.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { relative } from 'node:path';
import type { Right } from '../schema/index.ts';

const DB_HELP = 'tệp SQLite / SQLite file (mặc định / default: $IPWATCH_DB hoặc / or data/ipwatch.db)';

/** Who runs the command, for the custody log. */
function defaultActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Print register problems to stderr and set a failing exit code; returns whether there were any. */
async function reportProblems(err: unknown): Promise<boolean> {
  const { RegisterError, formatProblem } = await import('./load.ts');
  if (!(err instanceof RegisterError)) return false;
  console.error(`LỖI / ERROR: ${err.problems.length} lỗi trong sổ đăng ký, không nhập gì / problem(s) in the register, nothing imported:`);
  for (const p of err.problems) console.error(`  ${formatProblem(p)}`);
  process.exitCode = 1;
  return true;
}

/** A right as one row of the `register list` table. */
function row(r: Right): string[] {
  return [r.id, r.kind, r.name, r.product ?? '', (r.region ?? []).join(', '), r.registrationNo ?? ''];
}

/** Register the `register` command group on the CLI. */
export default function registerRegisterCommands(program: Command): void {
  const register = program.command('register').description('Sổ đăng ký quyền được bảo hộ / The register of protected rights');

  register
    .command('import')
    .description('Nhập tệp sổ đăng ký (JSON, JSONL, CSV) / Import register files (JSON array, JSON Lines or CSV)')
    .argument('[files...]', 'tệp cần nhập / files to import')
    .option('--bundled', 'nhập sổ đăng ký kèm theo (data/register) / import the bundled registers')
    .option('--db <path>', DB_HELP)
    .option('--actor <name>', 'người nhập, ghi vào sổ lưu ký / who imports, for the custody log', defaultActor())
    .action(async (files: string[], opts: { bundled?: boolean; db?: string; actor: string }) => {
      const { BUNDLED_REGISTER_FILES } = await import('./bundled.ts');
      const paths = [...(opts.bundled ? BUNDLED_REGISTER_FILES.map((f) => relative(process.cwd(), f)) : []), ...files];
      if (paths.length === 0) {
        console.error('Chưa chỉ định tệp / No file given: ipwatch register import FILE… (or --bundled)');
        process.exitCode = 2;
        return;
      }
      const { openStore } = await import('../store/index.ts');
      const { importRegisterFiles } = await import('./import.ts');
      const store = openStore(opts.db);
      try {
        for (const r of importRegisterFiles(store, paths, opts.actor)) {
          console.log(`${r.file}: thêm / added ${r.added}, đổi / changed ${r.changed}, giữ nguyên / unchanged ${r.unchanged}`);
        }
      } catch (err) {
        if (!(await reportProblems(err))) throw err;
      } finally {
        store.close();
      }
    });

  register
    .command('list')
    .description('Liệt kê các quyền trong kho / List the rights in the store')
    .option('--db <path>', DB_HELP)
    .option('--kind <kind>', 'chỉ loại này / only this kind (mark, collective_mark, certification_mark, gi)')
    .option('--json', 'in dạng JSON / print as JSON')
    .option('--csv', 'in dạng CSV nhập lại được / print as register CSV (importable again)')
    .action(async (opts: { db?: string; kind?: string; json?: boolean; csv?: boolean }) => {
      const { openStore } = await import('../store/index.ts');
      const store = openStore(opts.db);
      try {
        const rights = store.listRights().filter((r) => !opts.kind || r.kind === opts.kind);
        if (opts.json) {
          console.log(JSON.stringify(rights, null, 2));
          return;
        }
        if (opts.csv) {
          const { formatRegisterCsv } = await import('./csv.ts');
          process.stdout.write(formatRegisterCsv(rights));
          return;
        }
        const table = [['id', 'kind', 'name', 'product', 'region', 'registrationNo'], ...rights.map(row)];
        const widths = table[0].map((_, c) => Math.min(40, Math.max(...table.map((r) => r[c].length))));
        const lines = table.map((r) => r.map((v, c) => (v.length > widths[c] ? `${v.slice(0, widths[c] - 1)}…` : v.padEnd(widths[c]))).join('  ').trimEnd());
        console.log([...lines, `${rights.length} quyền / right(s)`].join('\n'));
      } finally {
        store.close();
      }
    });

  register
    .command('validate')
    .description('Kiểm tra tệp sổ đăng ký, không nhập / Check register files without importing them')
    .argument('<files...>', 'tệp cần kiểm tra / files to check')
    .action(async (files: string[]) => {
      const { loadRegisterFiles } = await import('./load.ts');
      try {
        for (const l of loadRegisterFiles(files)) console.log(`OK: ${l.file}: ${l.rights.length} quyền hợp lệ / valid right(s) (${l.format})`);
      } catch (err) {
        if (!(await reportProblems(err))) throw err;
      }
    });
}
