/**
 * How a crawl run did against the training marketplace's ground truth: which infringing listings it
 * turned into findings (found), which it did not (missed), which findings were not infringing (false
 * alarms), with precision and recall, over the marketplaces the run covered and the listings live
 * when it ran.
 */
import type { Store } from '../shared/store/index.ts';

/** One ground-truth entry as the training marketplace publishes it (only the fields read here). */
export interface TruthEntry {
  marketplace: string;
  externalId: string;
  infringing: boolean;
  status?: string;
  kind?: string;
  title?: string;
}

/** The comparison of a run's findings with the ground truth. */
export interface Evaluation {
  infringing: number;
  found: number;
  missed: number;
  falseAlarms: number;
  precision: number;
  recall: number;
  /** Share of the live truth listings the run observed at all. */
  coverage: number;
  missedExamples: Array<{ key: string; kind?: string; title?: string }>;
  falseAlarmExamples: Array<{ key: string; kind?: string; title?: string }>;
}

/** Compares run `runId`'s findings with `truth`, limited to `marketplaces`. */
export function evaluateRun(store: Store, runId: number, truth: TruthEntry[], marketplaces: string[]): Evaluation {
  const live = truth.filter((t) => marketplaces.includes(t.marketplace) && (t.status ?? 'live') === 'live');
  const byKey = new Map(live.map((t) => [`${t.marketplace}:${t.externalId}`, t]));
  const findingKeys = new Set(
    store.db
      .prepare("SELECT l.key FROM findings f JOIN listings l ON l.id = f.listing_id WHERE f.run_id = ? AND f.source = 'crawl'")
      .pluck()
      .all(runId) as string[],
  );
  const observed = new Set(
    store.db.prepare("SELECT DISTINCT l.key FROM observations o JOIN listings l ON l.id = o.listing_id WHERE o.run_id = ? AND o.status = 'live'").pluck().all(runId) as string[],
  );
  const infringingKeys = [...byKey.entries()].filter(([, t]) => t.infringing).map(([k]) => k);
  const found = infringingKeys.filter((k) => findingKeys.has(k));
  const missed = infringingKeys.filter((k) => !findingKeys.has(k));
  const falseAlarms = [...findingKeys].filter((k) => !byKey.get(k)?.infringing);
  const describe = (k: string) => ({ key: k, kind: byKey.get(k)?.kind, title: byKey.get(k)?.title });
  return {
    infringing: infringingKeys.length,
    found: found.length,
    missed: missed.length,
    falseAlarms: falseAlarms.length,
    precision: findingKeys.size ? (findingKeys.size - falseAlarms.length) / findingKeys.size : 0,
    recall: infringingKeys.length ? found.length / infringingKeys.length : 0,
    coverage: byKey.size ? [...byKey.keys()].filter((k) => observed.has(k)).length / byKey.size : 0,
    missedExamples: missed.slice(0, 10).map(describe),
    falseAlarmExamples: falseAlarms.slice(0, 10).map(describe),
  };
}

/** The evaluation as terminal lines, Vietnamese first. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    'So với dữ liệu chuẩn của sàn tập huấn / against the training marketplace ground truth:',
    `  Tin xâm phạm / infringing listings:   ${e.infringing}`,
    `  Tìm thấy / found:                     ${e.found}`,
    `  Bỏ sót / missed:                      ${e.missed}`,
    `  Báo nhầm / false alarms:              ${e.falseAlarms}`,
    `  Độ chính xác / precision:             ${pct(e.precision)}`,
    `  Độ phủ / recall:                      ${pct(e.recall)}`,
    `  Tin đã đọc / listings observed:       ${pct(e.coverage)} of live listings`,
  ];
  for (const m of e.missedExamples.slice(0, 5)) lines.push(`  - bỏ sót / missed ${m.key} [${m.kind ?? '?'}] ${JSON.stringify(m.title ?? '')}`);
  for (const m of e.falseAlarmExamples.slice(0, 5)) lines.push(`  - báo nhầm / false alarm ${m.key} [${m.kind ?? '?'}] ${JSON.stringify(m.title ?? '')}`);
  return lines.join('\n');
}
