/**
 * Integrity under stress and attack, on real files with real processes and the real CLI: two writer
 * processes at once; a writer killed with SIGKILL mid-write; a changed byte in a blob and an edited
 * custody row (trigger dropped through a raw connection, as an attacker would) are both caught by
 * `ipwatch verify`, which exits non-zero naming the blob or the event.
 */
import Database from 'better-sqlite3';
import { chmodSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyAction } from '../../shared/schema/index.ts';
import { custodyHash, openStore } from '../../shared/store/index.ts';
import { runCli, sampleListing, sampleMatch, spawnTs, tempDir } from './helpers.ts';

const WRITER = 'tests/store/fixtures/writer.ts';
let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

/** Wait until a child's output contains `text`. */
async function waitFor(output: () => string, text: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!output().includes(text)) {
    if (Date.now() > end) throw new Error(`child never printed "${text}"; output so far: ${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('several processes', () => {
  it('two writer processes at once (both creating the file) both succeed, counts add up and the chain stays valid', async () => {
    const rounds = 100;
    const startAt = String(Date.now() + 4000);
    const a = spawnTs(WRITER, [t.db, 'A', String(rounds), '4', startAt]);
    const b = spawnTs(WRITER, [t.db, 'B', String(rounds), '4', startAt]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra, ra.stderr).toMatchObject({ code: 0 });
    expect(rb, rb.stderr).toMatchObject({ code: 0 });
    const store = openStore(t.db);
    try {
      const c = store.counts();
      expect(c.listings).toBe(2 * 20);
      expect(c.observations).toBe(2 * rounds * 20);
      expect(c.artefacts).toBe(2 * rounds);
      // Per round: one 'stored' event and one 'captured' event, from each worker.
      expect(c.custody).toBe(2 * rounds * 2);
      const v = store.verify();
      expect(v).toMatchObject({ ok: true, events: 4 * rounds, blobs: 2 * rounds });
      const actors = store.listCustody().map((e) => e.actor);
      expect(new Set(actors)).toEqual(new Set(['worker-A', 'worker-B']));
      // The writers really ran at the same time: their events interleave in the chain.
      const switches = actors.filter((x, i) => i > 0 && x !== actors[i - 1]).length;
      expect(switches).toBeGreaterThan(5);
    } finally {
      store.close();
    }
  });

  it('a writer killed with SIGKILL mid-write leaves a store that opens, passes integrity_check and ipwatch verify', async () => {
    const w = spawnTs(WRITER, [t.db, 'K', '0', '256']);
    await waitFor(w.output, 'round 5');
    w.child.kill('SIGKILL');
    const r = await w.done;
    expect(r.signal).toBe('SIGKILL');
    const committed = Math.max(...[...r.stdout.matchAll(/round (\d+)/g)].map((m) => Number(m[1])));
    const raw = new Database(t.db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = openStore(t.db);
    const c = store.counts();
    store.close();
    // Every round the child reported is there; at most the round in flight is lost, never half of one.
    expect(c.artefacts).toBeGreaterThanOrEqual(committed);
    expect(c.observations).toBe(c.artefacts * 20);
    expect(c.custody).toBe(c.artefacts * 2);
    const v = runCli(['verify', '--db', t.db]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^OK: \d+ blob\(s\) re-hashed, \d+ custody event\(s\) chained/);
  });
});

describe('tampering is caught by ipwatch verify', () => {
  /** A store with one finding, two artefacts and a few custody events. */
  function seed(): { sha: string; blobPath: string } {
    const store = openStore(t.db);
    const { listingKey } = store.recordObservation(sampleListing());
    const { finding } = store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', match: sampleMatch() });
    const art = store.addArtefact({ bytes: Buffer.from('<html>bằng chứng</html>'), mediaType: 'text/html', role: 'html', capturedAt: '2026-11-22T00:00:00.000Z', findingId: finding.id }, 'crawler');
    store.addArtefact({ bytes: Buffer.from('{"title":"x"}'), mediaType: 'application/json', role: 'listing-json', capturedAt: '2026-11-22T00:00:00.000Z', findingId: finding.id }, 'crawler');
    store.addReviewEvent({ type: 'flag', findingId: finding.id, category: 'gi_misuse' }, 'officer');
    store.close();
    const sha = art.sha256;
    return { sha, blobPath: join(t.dir, 'blobs', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha) };
  }

  it('a clean store verifies', () => {
    seed();
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OK: 2 blob(s) re-hashed, 4 custody event(s) chained');
    const s = runCli(['status', '--json'], { IPWATCH_DB: t.db });
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ db: t.db, listings: 1, observations: 1, artefacts: 2, custody: 4, findings: { total: 1, flagged: 1, new: 0 } });
  });

  it('one changed byte in a blob: exit 1 naming the blob', () => {
    const { sha, blobPath } = seed();
    chmodSync(blobPath, 0o644);
    const bytes = readFileSync(blobPath);
    bytes[3] ^= 0x01;
    writeFileSync(blobPath, bytes);
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`blob ${sha}: blob `);
    expect(r.stderr).toMatch(new RegExp(`blob ${sha}: blob .*${sha} was changed: its bytes hash to [0-9a-f]{64}`));
  });

  it('a missing blob: exit 1 naming the artefact and the blob', () => {
    const { sha, blobPath } = seed();
    writeFileSync(blobPath + '.moved', readFileSync(blobPath));
    unlinkSync(blobPath);
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`artefact 1: artefact 1 points to blob ${sha}, which is missing`));
  });

  it('an edited custody row (trigger dropped by an attacker): exit 1 naming the event', () => {
    seed();
    const raw = new Database(t.db);
    raw.exec('DROP TRIGGER custody_no_update');
    raw.prepare("UPDATE custody SET actor = 'mallory' WHERE seq = 3").run();
    raw.close();
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/custody 3: custody event 3 was changed: its content hashes to [0-9a-f]{12}… but its recorded hash is [0-9a-f]{12}…/);
  });

  it('a custody row edited and re-hashed: the next event names the broken link', () => {
    seed();
    const raw = new Database(t.db);
    raw.exec('DROP TRIGGER custody_no_update');
    const row = raw.prepare('SELECT * FROM custody WHERE seq = 2').get() as { at: string; actor: string; action: CustodyAction; subject: string; details_json: string; prev_hash: string };
    const details = { ...JSON.parse(row.details_json), role: 'screenshot' };
    const hash = custodyHash({ seq: 2, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash });
    raw.prepare('UPDATE custody SET details_json = ?, hash = ? WHERE seq = 2').run(JSON.stringify(details), hash);
    raw.close();
    const r = runCli(['verify', '--db', t.db, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.problems).toEqual([{ kind: 'custody', id: '3', message: expect.stringMatching(/^custody event 3 has prevHash .* but event 2 hashes to/) }]);
  });

  it('a finding whose match was edited, and an artefact re-pointed to other bytes: exit 1 naming both', () => {
    seed();
    const raw = new Database(t.db);
    raw.exec('DROP TRIGGER findings_no_update; DROP TRIGGER artefacts_no_update');
    raw.prepare("UPDATE findings SET match_json = json_set(match_json, '$.risk', 0.01) WHERE id = 1").run();
    raw.prepare('UPDATE artefacts SET sha256 = (SELECT sha256 FROM artefacts WHERE id = 2), byte_size = (SELECT byte_size FROM artefacts WHERE id = 2) WHERE id = 1').run();
    raw.close();
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/artefact 1: artefact 1 now points to blob [0-9a-f]{64} \(13 bytes\) but custody event 2 recorded [0-9a-f]{64} \(\d+ bytes\)/);
    expect(r.stderr).toMatch(/finding 1: finding 1 was changed after custody event 1 recorded it/);
  });

  it('a whole chain rewritten with recomputed hashes passes alone, but not against a head written down earlier', () => {
    seed();
    const clean = runCli(['verify', '--db', t.db]);
    const head = /chain head \(ghi lại \/ write it down\): (\d+:[0-9a-f]{64})/.exec(clean.stdout)![1];
    expect(head.startsWith('4:')).toBe(true);
    const raw = new Database(t.db);
    raw.exec('DROP TRIGGER custody_no_update');
    type Row = { seq: number; at: string; actor: string; action: CustodyAction; subject: string; details_json: string };
    let prev = '0'.repeat(64);
    for (const r of raw.prepare('SELECT * FROM custody ORDER BY seq').all() as Row[]) {
      const details = { ...JSON.parse(r.details_json), forged: true };
      const hash = custodyHash({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details, prevHash: prev });
      raw.prepare('UPDATE custody SET details_json = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(JSON.stringify(details), prev, hash, r.seq);
      prev = hash;
    }
    raw.close();
    expect(runCli(['verify', '--db', t.db]).code).toBe(0);
    const r = runCli(['verify', '--db', t.db, '--head', head]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/custody 4: custody event 4 was recorded earlier as [0-9a-f]{12}… but now hashes to [0-9a-f]{12}…: the log was rewritten up to here/);
    expect(runCli(['verify', '--db', t.db, '--head', 'nonsense']).code).toBe(2);
  });

  it('a deleted custody row: exit 1 naming the gap', () => {
    seed();
    const raw = new Database(t.db);
    raw.exec('DROP TRIGGER custody_no_delete');
    raw.prepare('DELETE FROM custody WHERE seq = 2').run();
    raw.close();
    const r = runCli(['verify', '--db', t.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('custody 3: custody event 3 follows event 1: event 2 is missing');
  });
});

it('leftover temp files from an interrupted blob write are not blobs', () => {
  const store = openStore(t.db);
  const { sha256 } = store.putBlob(Buffer.from('abc'));
  const dir = join(store.blobDir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4));
  writeFileSync(join(dir, '.tmp-deadbeef-1-00'), 'half');
  expect(readdirSync(dir)).toHaveLength(2);
  expect(store.verify()).toMatchObject({ ok: true, blobs: 1 });
  store.close();
});
