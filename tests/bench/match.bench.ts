/**
 * Matcher benchmark (`npm run bench:match`): 1 000 000 titles (the real dev titles from
 * ../shared/data, repeated) against (a) the bundled register and (b) the same plus 100 000 generated
 * marks (pronounceable made-up names, random Nice classes). Prints titles per second on one core,
 * index build time, memory (heap used by the index, peak RSS), the per-title time ratio (b)/(a), and a
 * naive baseline (one RegExp per right over the folded title) on a sample, since the baseline is far
 * too slow on (b) for the whole run. Skips with a message when ../shared is absent. Prints figures,
 * asserts nothing.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildMatcher } from '../../shared/match/index.ts';
import { loadBundledRegister } from '../../shared/register/bundled.ts';
import type { Right } from '../../shared/schema/index.ts';
import { foldText } from '../../shared/text/fold.ts';


const TITLES_PATH = fileURLToPath(new URL('../../../shared/data/titles_dev.csv.gz', import.meta.url));
const TOTAL = Number(process.env.BENCH_TITLES ?? 1_000_000);
const GENERATED = Number(process.env.BENCH_MARKS ?? 100_000);
const BASELINE_A = 20_000;
const BASELINE_B = 1_000;

/** A small seeded PRNG (mulberry32), so the generated register is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` made-up marks: 2–4 pronounceable syllables, 1–3 random Nice classes. */
function generatedMarks(count: number): Right[] {
  const rnd = prng(20260522);
  const onsets = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'pl', 'kr'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'eo', 'ia', 'ou'];
  const codas = ['', '', '', 'n', 'r', 'x', 'l', 's'];
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const seen = new Set<string>();
  const out: Right[] = [];
  while (out.length < count) {
    const syllables = 2 + Math.floor(rnd() * 3);
    let name = '';
    for (let k = 0; k < syllables; k++) name += pick(onsets) + pick(vowels) + pick(codas);
    if (seen.has(name)) continue;
    seen.add(name);
    const classes = new Set<number>();
    const n = 1 + Math.floor(rnd() * 3);
    while (classes.size < n) classes.add(1 + Math.floor(rnd() * 45));
    out.push({ id: `gen-${out.length}`, kind: 'mark', name: name[0].toUpperCase() + name.slice(1), niceClasses: [...classes] });
  }
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();

/** Build a matcher and run it over TOTAL titles; returns µs per title. */
function run(label: string, rights: Right[], titles: string[]): number {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const matcher = buildMatcher(rights);
  const buildMs = performance.now() - t0;
  gc();
  const heapIndex = process.memoryUsage().heapUsed - heapBefore;
  // warm up the JIT on a few thousand titles, then time the whole run
  for (let k = 0; k < Math.min(5000, titles.length); k++) matcher.match({ id: k, title: titles[k] });
  let hits = 0;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < TOTAL; k++) hits += matcher.match({ id: k, title: titles[k % titles.length] }).hits.length;
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t1;
  // CPU time of this (single-threaded) process: the machine is shared, so wall time also counts other people's work
  const ms = (cpu.user + cpu.system) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const perTitle = (ms * 1000) / TOTAL;
  console.log(
    `${label}: ${rights.length} rights; index built in ${buildMs.toFixed(0)} ms, heap for the index ≈ ${mb(heapIndex)}; ` +
      `${TOTAL} titles in ${(ms / 1000).toFixed(1)} s CPU = ${Math.round(TOTAL / (ms / 1000))} titles/s on one core (${perTitle.toFixed(2)} µs/title; wall ${(wallMs / 1000).toFixed(1)} s = ${Math.round(TOTAL / (wallMs / 1000))}/s on a shared machine), ${hits} hits; ` +
      `heap now ${mb(process.memoryUsage().heapUsed)}, peak RSS so far ${mb(peakRss)}`,
  );
  return perTitle;
}

/** The naive baseline: one RegExp per right name/alias over the folded title; returns µs per title. */
function baseline(label: string, rights: Right[], titles: string[], sample: number): number {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regexes = rights.flatMap((r) => [r.name, ...(r.aliases ?? [])].map((n) => new RegExp(`(?:^| )${escape(foldText(n))}(?: |$)`)));
  let hits = 0;
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < sample; k++) {
    const folded = foldText(titles[k % titles.length]);
    for (const re of regexes) if (re.test(folded)) hits++;
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  const perTitle = (ms * 1000) / sample;
  console.log(`${label}: naive baseline (${regexes.length} RegExps) on ${sample} titles: ${Math.round(sample / (ms / 1000))} titles/s CPU (${perTitle.toFixed(1)} µs/title), ${hits} hits`);
  return perTitle;
}

if (!existsSync(TITLES_PATH)) {
  console.log(`bench:match skipped: ${TITLES_PATH} not found (the real titles live in ../shared/data, outside the repository).`);
} else {
  const rows = parse(gunzipSync(readFileSync(TITLES_PATH)), { columns: true, relax_column_count: true, skip_empty_lines: true }) as Array<{ title?: string }>;
  const titles = rows.map((r) => r.title ?? '').filter((t) => t.length > 0);
  console.log(`titles: ${titles.length} real dev titles, repeated to ${TOTAL}; node ${process.version}, one core (single thread)${(globalThis as { gc?: unknown }).gc ? '' : '; run with --expose-gc for exact heap figures'}`);
  const bundled = loadBundledRegister();
  const perA = run('(a) bundled register', bundled, titles);
  const withGenerated = [...bundled, ...generatedMarks(GENERATED)];
  const perB = run(`(b) bundled + ${GENERATED} generated marks`, withGenerated, titles);
  console.log(`per-title time (b)/(a) = ${(perB / perA).toFixed(2)}× (target ≤ 2×); (b) titles/s ${Math.round(1e6 / perB)} (target ≥ 50 000)`);
  const naiveA = baseline('(a)', bundled, titles, BASELINE_A);
  const naiveB = baseline('(b)', withGenerated, titles, BASELINE_B);
  console.log(`matcher vs naive baseline: (a) ${(naiveA / perA).toFixed(1)}× faster, (b) ${(naiveB / perB).toFixed(0)}× faster (baseline measured on ${BASELINE_A} and ${BASELINE_B} titles: one RegExp per right is too slow for 1 000 000)`);
  console.log(`peak RSS ${mb(peakRss)}`);
}
