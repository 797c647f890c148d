/**
 * The ipwatch command line. Each area of the code owns its commands (a `register…Commands(program)`
 * function next to the code it runs); this file only wires them together. Heavy modules are imported
 * inside each command's action so `ipwatch --help` stays fast.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('ipwatch')
  .description('Tìm và lập chứng cứ xâm phạm quyền SHTT trên sàn TMĐT / Find and prove IP infringement on marketplaces')
  .version(pkg.version)
  .showHelpAfterError();

const areas: Array<() => Promise<{ default: (program: Command) => void }>> = [
  () => import('../shared/match/commands.ts'),
  () => import('../server/training-market/commands.ts'),
  () => import('../shared/register/commands.ts'),
  () => import('../shared/store/commands.ts'),
  () => import('../server/commands.ts'),
  () => import('../crawler/commands.ts'),
  () => import('../shared/marketplaces/commands.ts'),
];
for (const load of areas) (await load()).default(program);

await program.parseAsync(process.argv);
