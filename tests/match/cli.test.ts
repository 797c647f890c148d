/**
 * `ipwatch match` as a real child process: one output line per input line in input order (from a
 * file and from stdin), the exact output keys, a malformed line named by its line number with the
 * earlier lines written and nothing for it, and a broken register reported with file and line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_RIGHTS } from './register.ts';

const dir = mkdtempSync(join(tmpdir(), 'ipwatch-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const registerFile = join(dir, 'register.json');
writeFileSync(registerFile, JSON.stringify(TEST_RIGHTS));

function run(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ipwatch.js', 'match', ...args], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const listings = [
  { id: 'a', title: 'Giày N.i.k.e rep 1:1' },
  { id: 2, title: 'Áo thun cao phong cách' },
  { id: 'c', title: 'Nước mắm Phú Quốc 40 độ', shopLocation: 'Hà Nội', price: 50000 },
  { id: 'd', title: 'Ốp lưng cho iPhone 14' },
];

describe('ipwatch match', () => {
  it('writes one line per listing, in input order, with the agreed keys (input file)', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, listings.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await run(['--register', registerFile, '--input', input]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c', 'd']);
    for (const l of lines) expect(Object.keys(l)).toEqual(['id', 'hits', 'cues', 'signals', 'risk', 'basis']);
    expect(lines[0].hits[0]).toMatchObject({ rightId: 'nike', matched: 'N.i.k.e', start: 5, end: 12, method: 'disguised' });
    expect(lines[0].cues[0]).toMatchObject({ cue: 'rep 1:1' });
    expect(lines[1].hits).toEqual([]);
    expect(lines[2].hits[0]).toMatchObject({ rightId: 'phu-quoc', method: 'exact' });
    expect(lines[2].basis[0]).toMatchObject({ article: '129.3' });
    expect(lines[2].signals.map((s: { kind: string }) => s.kind)).toContain('outside_region');
    expect(lines[3].hits[0]).toMatchObject({ rightId: 'iphone', method: 'compatibility' });
  });

  it('reads stdin when --input is "-" and stops at a malformed line, naming it', async () => {
    const text = [JSON.stringify(listings[0]), JSON.stringify(listings[1]), '{"id": 3, "title": ', JSON.stringify(listings[2])].join('\n');
    const r = await run(['--register', registerFile, '--input', '-'], text);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/stdin:3/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2]);
  });

  it('rejects a line that is JSON but not a listing, naming the line and the field', async () => {
    const r = await run(['--register', registerFile], `${JSON.stringify(listings[0])}\n{"id":"x"}\n`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/stdin:2/);
    expect(r.stderr).toMatch(/title/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports a broken register with its file and line, and matches nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(TEST_RIGHTS[0])}\n{"id":"x","kind":"mark"}\n`);
    const r = await run(['--register', bad], JSON.stringify(listings[0]) + '\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${bad}:2`);
    expect(r.stdout).toBe('');
  });
});
