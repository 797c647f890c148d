/**
 * The service's commands end to end: `ipwatch user add|list|token|disable` on a temp store (the token is
 * printed once and works; a new token revokes the old; disable locks the account out) and `ipwatch
 * serve` (listens on 127.0.0.1 by default, warns when told to listen elsewhere).
 */
import { afterAll, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'ipwatch-cli-'));
const db = join(dir, 'ipwatch.db');
const bin = resolve('bin/ipwatch.js');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args, '--db', db], { input, encoding: 'utf8', env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
const tokenOf = (out: string) => /^(ipw_\S+)$/m.exec(out)?.[1];

/** Start `ipwatch serve` and resolve with its URL and stdout+stderr so far. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((res, rej) => {
    const on = (d: Buffer) => {
      out += d.toString();
      const m = /review desk at (http:\/\/\S+?)\/ /.exec(out);
      if (m) res(m[1]);
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.on('exit', (code) => rej(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, ready, output: () => out };
}

it('user add prints a working token once; token replaces it; disable locks out; list shows state', async () => {
  const add = run(['user', 'add', 'lan.nguyen', '--role', 'reviewer', '--agency', 'dost', '--password-stdin'], 'mật khẩu rất dài 123\n');
  expect(add.status, add.stderr).toBe(0);
  const token = tokenOf(add.stdout)!;
  expect(token).toMatch(/^ipw_[A-Za-z0-9_-]{43}$/);
  const bad = run(['user', 'add', 'x', '--role', 'boss', '--agency', 'dost']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('--role "boss": expected one of officer, reviewer, admin');

  const s = serve([]);
  const url = await s.ready;
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.output()).not.toContain('WARNING');
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ name: 'lan.nguyen', role: 'reviewer', agency: 'dost', disabled: false });
    const fresh = tokenOf(run(['user', 'token', 'lan.nguyen']).stdout)!;
    expect((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
    expect(run(['user', 'disable', 'lan.nguyen']).status).toBe(0);
    expect((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(401);
    expect((await fetch(`${url}/`, { redirect: 'manual' })).headers.get('location')).toMatch(/^\/login/);
  } finally {
    s.child.kill('SIGTERM');
  }
  expect(run(['user', 'list']).stdout).toMatch(/^lan\.nguyen\treviewer\tdost\tdisabled\t/m);
}, 60_000);

it('serve warns when listening beyond this machine', async () => {
  const s = serve(['--host', '0.0.0.0']);
  try {
    await s.ready;
    expect(s.output()).toMatch(/WARNING: listening on 0\.0\.0\.0/);
  } finally {
    s.child.kill('SIGTERM');
  }
}, 30_000);
