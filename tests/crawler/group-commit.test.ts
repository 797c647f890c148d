/**
 * Group commit: units handed over in the same turn commit in one transaction, each resolves with its
 * own result once committed, and a unit that throws is rolled back alone and rejects only its caller.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GroupCommit } from '../../crawler/group-commit.ts';
import { tempStore } from './helpers.ts';

let ctx: ReturnType<typeof tempStore>;
beforeEach(() => {
  ctx = tempStore();
  ctx.store.db.exec('CREATE TABLE t (v TEXT NOT NULL)');
});
afterEach(() => ctx.cleanup());

const rows = () => ctx.store.db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all();
const insert = (v: string) => () => Number(ctx.store.db.prepare('INSERT INTO t (v) VALUES (?)').run(v).lastInsertRowid);

it('commits the units of one turn together, after they were handed over, and resolves each with its result', async () => {
  const group = new GroupCommit(ctx.store);
  const a = group.run(insert('a'));
  const b = group.run(insert('b'));
  expect(rows()).toEqual([]); // nothing is written before the group commits
  expect(await Promise.all([a, b])).toEqual([1, 2]);
  expect(rows()).toEqual(['a', 'b']);
  expect(ctx.store.db.inTransaction).toBe(false);
});

it('rolls back a unit that throws, alone, and rejects only its caller', async () => {
  const group = new GroupCommit(ctx.store);
  const a = group.run(insert('a'));
  const bad = group.run(() => {
    insert('half-written')();
    throw new Error('refused');
  });
  const c = group.run(insert('c'));
  await expect(bad).rejects.toThrow('refused');
  await Promise.all([a, c]);
  expect(rows()).toEqual(['a', 'c']);
});

it('commits at once when flushed, and a full group without waiting', async () => {
  const group = new GroupCommit(ctx.store, { windowMs: 60_000, maxUnits: 3 });
  const first = group.run(insert('a'));
  group.flush();
  expect(rows()).toEqual(['a']);
  await first;
  const more = [group.run(insert('b')), group.run(insert('c')), group.run(insert('d'))];
  expect(rows()).toEqual(['a', 'b', 'c', 'd']);
  await Promise.all(more);
});
