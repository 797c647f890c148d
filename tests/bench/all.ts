/**
 * `npm run bench`: every benchmark, one after another (each in its own process, so one's memory and
 * threads do not colour the next), with its figures printed as it goes and a closing list of which
 * ran and how long each took. `npm run bench -- store match` runs only those.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The benchmarks, in the order they run. */
const BENCHES = ['store', 'match', 'flags', 'crawl'] as const;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(BENCHES as readonly string[]).includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHES.join(', ')}`);
  process.exit(2);
}
const runner = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const summary: string[] = [];
let failed = 0;
for (const name of BENCHES.filter((b) => !wanted.length || wanted.includes(b))) {
  console.log(`\n=== bench:${name} ===`);
  const t0 = performance.now();
  const file = fileURLToPath(new URL(`./${name}.bench.ts`, import.meta.url));
  const run = spawnSync(process.execPath, [runner, file], { stdio: 'inherit' });
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  const ok = run.status === 0;
  if (!ok) failed++;
  summary.push(`  bench:${name.padEnd(6)} ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s`);
}
console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
