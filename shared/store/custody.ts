/**
 * The custody log's hash chain. Each event's `hash` is the SHA-256 of the canonical JSON (RFC 8785,
 * through `canonicalize`) of `{seq, at, actor, action, subject, details, prevHash}`, and `prevHash` is
 * the hash of the event before it (64 zeros for the first), so editing, removing or reordering any
 * event breaks every hash after it. Anyone can recompute a hash with a JCS library and `sha256sum`.
 */
import canonicalize from 'canonicalize';
import { CustodyEvent } from '../schema/index.ts';
import { sha256Of } from './blobs.ts';

/** The `prevHash` of the first event of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a custody hash covers (everything but the hash itself). */
export type CustodyBody = Omit<CustodyEvent, 'hash'>;

/** The hash of one custody event: SHA-256 of the canonical JSON of its body. */
export function custodyHash(e: CustodyBody): string {
  const text = canonicalize({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details, prevHash: e.prevHash });
  if (text === undefined) throw new Error(`custody event ${e.seq} cannot be written as canonical JSON`);
  return sha256Of(text);
}

/** Details as they will read back from JSON (undefined values dropped), so the hash covers what is stored. */
export function normaliseDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return details === undefined ? {} : (JSON.parse(JSON.stringify(details)) as Record<string, unknown>);
}

/** A problem found while walking a chain: which event, and what is wrong with it. */
export interface ChainProblem {
  seq: number;
  message: string;
}

/**
 * Walk events in `seq` order and report the first break: a gap in seq, a prevHash that is not the
 * previous event's hash, or a hash that does not match the event's content.
 */
export function checkChain(events: Iterable<CustodyEvent>): { events: number; problem?: ChainProblem } {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of events) {
    count++;
    if (e.seq !== expectedSeq) return { events: count, problem: { seq: e.seq, message: `custody event ${e.seq} follows event ${expectedSeq - 1}: event ${expectedSeq} is missing` } };
    if (e.prevHash !== prev) return { events: count, problem: { seq: e.seq, message: `custody event ${e.seq} has prevHash ${e.prevHash.slice(0, 12)}… but event ${e.seq - 1} hashes to ${prev.slice(0, 12)}…` } };
    const actual = custodyHash(e);
    if (actual !== e.hash) return { events: count, problem: { seq: e.seq, message: `custody event ${e.seq} was changed: its content hashes to ${actual.slice(0, 12)}… but its recorded hash is ${e.hash.slice(0, 12)}…` } };
    prev = e.hash;
    expectedSeq++;
  }
  return { events: count };
}
