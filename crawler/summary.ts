/**
 * The summary of a crawl run, computed from the store (so a resumed run counts what both of its
 * processes did): pages read, listings observed, findings by risk band, evidence captured, blocked,
 * removed, skipped, errors and re-check outcomes; and its bilingual text for the terminal.
 */
import type { Store } from '../shared/store/index.ts';
import { CAPTURE_ROLES } from './capture.ts';
import type { CrawlProgress } from './progress.ts';

/** Risk bands used in summaries: high ≥ 0.8, medium ≥ 0.6, low below. */
export function riskBand(risk: number): 'high' | 'medium' | 'low' {
  return risk >= 0.8 ? 'high' : risk >= 0.6 ? 'medium' : 'low';
}

/** What one run did. */
export interface CrawlSummary {
  runId: number;
  resumed: boolean;
  /** True when the run was stopped before its work was done (it resumes next time). */
  interrupted: boolean;
  durationMs: number;
  counts: {
    pages: number;
    listings: number;
    findings: number;
    findingsHigh: number;
    findingsMedium: number;
    findingsLow: number;
    evidenceCaptured: number;
    artefacts: number;
    blocked: number;
    removed: number;
    skipped: number;
    errors: number;
    recheckStillLive: number;
    recheckRemoved: number;
    recheckRelisted: number;
    recheckBlocked: number;
  };
  errors: string[];
}

/** The summary of run `runId` from the store's rows. */
export function summariseRun(store: Store, progress: CrawlProgress, extra: { runId: number; resumed: boolean; durationMs: number; errors: string[]; interrupted?: boolean }): CrawlSummary {
  const db = store.db;
  const runId = extra.runId;
  const tally = progress.tally();
  const sum = (pred: (t: (typeof tally)[number]) => boolean) => tally.filter(pred).reduce((n, t) => n + t.n, 0);
  const risks = db.prepare("SELECT risk FROM findings WHERE run_id = ? AND source = 'crawl'").pluck().all(runId) as number[];
  const findingIds = `SELECT id FROM findings WHERE run_id = ${Number(runId)} AND source = 'crawl'`;
  const evidenceCaptured = db
    .prepare(`SELECT COUNT(*) FROM (SELECT finding_id FROM artefacts WHERE finding_id IN (${findingIds}) GROUP BY finding_id HAVING COUNT(DISTINCT role) >= ?)`)
    .pluck()
    .get(CAPTURE_ROLES.length) as number;
  const artefacts = db.prepare(`SELECT COUNT(*) FROM artefacts WHERE finding_id IN (${findingIds})`).pluck().get() as number;
  const listings = db.prepare("SELECT COUNT(DISTINCT listing_id) FROM observations WHERE run_id = ? AND status = 'live'").pluck().get(runId) as number;
  const rechecks = db
    .prepare(
      `SELECT json_extract(event_json, '$.outcome') AS outcome, COUNT(*) AS n FROM review_events
        WHERE type = 'recheck' AND json_extract(event_json, '$.note') LIKE ? GROUP BY outcome`,
    )
    .all(`crawl run ${runId}%`) as Array<{ outcome: string; n: number }>;
  const recheck = (o: string) => rechecks.find((r) => r.outcome === o)?.n ?? 0;
  return {
    runId,
    resumed: extra.resumed,
    interrupted: extra.interrupted ?? false,
    durationMs: extra.durationMs,
    counts: {
      pages: sum((t) => (t.state === 'done' || t.state === 'failed') && t.outcome !== 'from-card'),
      listings,
      findings: risks.length,
      findingsHigh: risks.filter((r) => riskBand(r) === 'high').length,
      findingsMedium: risks.filter((r) => riskBand(r) === 'medium').length,
      findingsLow: risks.filter((r) => riskBand(r) === 'low').length,
      evidenceCaptured,
      artefacts,
      blocked: sum((t) => t.outcome === 'blocked'),
      removed: sum((t) => t.outcome === 'removed'),
      skipped: sum((t) => t.state === 'skipped'),
      errors: sum((t) => t.outcome === 'error'),
      recheckStillLive: recheck('still_live'),
      recheckRemoved: recheck('removed'),
      recheckRelisted: recheck('relisted'),
      recheckBlocked: recheck('blocked'),
    },
    errors: extra.errors,
  };
}

/** The summary as terminal lines, Vietnamese first. */
export function formatSummary(s: CrawlSummary): string {
  const c = s.counts;
  const lines = [
    `Lượt quét / crawl run #${s.runId}${s.resumed ? ' (tiếp tục / resumed)' : ''}${s.interrupted ? ' — DỪNG GIỮA CHỪNG / INTERRUPTED (chạy lại để tiếp tục / run again to resume)' : ''} — ${(s.durationMs / 1000).toFixed(1)} s`,
    `  Trang đã đọc / pages:                 ${c.pages}`,
    `  Tin đăng / listings:                  ${c.listings}`,
    `  Phát hiện / findings:                 ${c.findings} (cao/high ${c.findingsHigh}, trung bình/medium ${c.findingsMedium}, thấp/low ${c.findingsLow})`,
    `  Chứng cứ đã lưu / evidence captured:  ${c.evidenceCaptured} (${c.artefacts} tệp / files)`,
    `  Bị chặn / blocked:                    ${c.blocked}`,
    `  Đã gỡ / removed:                      ${c.removed}`,
    `  Bỏ qua (robots.txt) / skipped:        ${c.skipped}`,
    `  Lỗi / errors:                         ${c.errors}`,
  ];
  if (c.recheckStillLive + c.recheckRemoved + c.recheckRelisted + c.recheckBlocked > 0) {
    lines.push(
      `  Kiểm tra lại / re-checks:             còn/live ${c.recheckStillLive}, gỡ/removed ${c.recheckRemoved}, đăng lại/relisted ${c.recheckRelisted}, chặn/blocked ${c.recheckBlocked}`,
    );
  }
  for (const e of s.errors.slice(0, 5)) lines.push(`  ! ${e}`);
  return lines.join('\n');
}
