/**
 * The store's commands: `ipwatch verify` (re-hash every blob, walk the custody chain, exit 1 naming
 * the first bad blob or event) and `ipwatch status` (what the store holds). Both take `--db PATH`
 * (else `IPWATCH_DB`, else `data/ipwatch.db`). The store module is imported inside each action so
 * `ipwatch --help` stays fast.
 */
import type { Command } from 'commander';

/** The `--db` option every store command takes. */
export const DB_OPTION_HELP = 'tệp SQLite / SQLite file (mặc định / default: $IPWATCH_DB hoặc / or data/ipwatch.db)';

/** Register `verify` and `status` on the CLI. */
export default function registerStoreCommands(program: Command): void {
  program
    .command('verify')
    .description('Kiểm tra toàn vẹn chứng cứ: băm lại mọi blob, kiểm tra chuỗi lưu ký / Verify evidence: re-hash every blob and walk the custody chain')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'in kết quả dạng JSON / print the result as JSON')
    .option('--head <seq:hash>', 'đầu chuỗi đã ghi trước đó / a chain head written down earlier (e.g. 42:9f86d0…), which must still match')
    .action(async (opts: { db?: string; json?: boolean; head?: string }) => {
      let expectHead: { seq: number; hash: string } | undefined;
      if (opts.head !== undefined) {
        const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.head.trim());
        if (!m) {
          console.error(`--head "${opts.head}": write it as SEQ:HASH, e.g. 42:${'0'.repeat(64)} (as "ipwatch verify" printed it)`);
          process.exitCode = 2;
          return;
        }
        expectHead = { seq: Number(m[1]), hash: m[2] };
      }
      const { openStore } = await import('./store.ts');
      const store = openStore(opts.db);
      try {
        const r = store.verify({ expectHead });
        if (opts.json) console.log(JSON.stringify({ db: store.path, ...r }, null, 2));
        else if (r.ok) {
          console.log(`OK: ${r.blobs} blob(s) re-hashed, ${r.events} custody event(s) chained (${store.path})`);
          // Writing the head down elsewhere (a report, an email) lets a later verify show that nothing before it was rewritten.
          if (r.head) console.log(`Đầu chuỗi / chain head (ghi lại / write it down): ${r.head.seq}:${r.head.hash}`);
        }
        else {
          console.error(`LỖI / FAILED: ${r.problems.length} problem(s) in ${store.path}`);
          for (const p of r.problems) console.error(`  ${p.kind} ${p.id}: ${p.message}`);
        }
        if (!r.ok) process.exitCode = 1;
      } finally {
        store.close();
      }
    });

  program
    .command('status')
    .description('Số liệu kho chứng cứ / What the evidence store holds (rights, listings, findings, artefacts, runs, custody)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'in kết quả dạng JSON / print the counts as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { openStore } = await import('./store.ts');
      const store = openStore(opts.db);
      try {
        const c = store.counts();
        if (opts.json) {
          console.log(JSON.stringify({ db: store.path, ...c }, null, 2));
          return;
        }
        const { total, ...byStatus } = c.findings;
        const rows: Array<[string, string | number]> = [
          ['db', store.path],
          ['quyền / rights', c.rights],
          ['tin đăng / listings', c.listings],
          ['lần quan sát / observations', c.observations],
          ['phát hiện / findings', `${total} (${Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ')})`],
          ['tệp chứng cứ / artefacts', c.artefacts],
          ['vụ việc / cases', c.cases],
          ['sự kiện xem xét / review events', c.reviewEvents],
          ['lượt quét / crawl runs', c.runs],
          ['sổ lưu ký / custody events', c.custody],
        ];
        const width = Math.max(...rows.map(([k]) => k.length));
        console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
      } finally {
        store.close();
      }
    });
}
