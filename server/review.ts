/**
 * Review and case actions shared by the API and the desk: confirm or dismiss a finding, create a case,
 * add findings to it, record a referral to an agency and a takedown request to a platform, and read a
 * case back with its re-check outcomes and time to removal. Each action is one store transaction made
 * of append-only review events and custody entries carrying the account's name.
 */
import type { Account, Agency, ReferralRequest, TakedownRequest } from '../shared/schema/index.ts';
import type { Store } from '../shared/store/index.ts';
import { loadCase } from './read-models.ts';
import type { CaseData } from './read-models.ts';

/** A refused review action (unknown finding or case, or a finding in a state that forbids it). */
export class ReviewRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function mustFinding(store: Store, id: number): void {
  if (!store.getFinding(id)) throw new ReviewRefused(404, `no finding with id ${id}`, 'findingId');
}

function mustCase(store: Store, id: number): void {
  if (!store.getCase(id)) throw new ReviewRefused(404, `no case with id ${id}`, 'caseId');
}

/** Confirm or dismiss a finding with a reason. */
export function decide(store: Store, account: Account, findingId: number, type: 'confirm' | 'dismiss', body: { reason: string; note?: string }) {
  mustFinding(store, findingId);
  return store.transaction(() => {
    const ev = store.addReviewEvent({ type, findingId, reason: body.reason, note: body.note }, account.name);
    return { findingId, event: ev.id, status: store.findingStatus(findingId) };
  });
}

/** Create a case, optionally with findings. */
export function createCase(store: Store, account: Account, body: { title: string; note?: string; findingIds: number[] }) {
  for (const id of body.findingIds) mustFinding(store, id);
  return store.transaction(() => {
    const { id } = store.createCase({ title: body.title, note: body.note }, account.name);
    for (const findingId of body.findingIds) store.addReviewEvent({ type: 'case', findingId, caseId: id }, account.name);
    return { caseId: id, findingIds: body.findingIds };
  });
}

/** Add findings to a case. */
export function addFindingsToCase(store: Store, account: Account, caseId: number, findingIds: number[]) {
  mustCase(store, caseId);
  for (const id of findingIds) mustFinding(store, id);
  return store.transaction(() => {
    for (const findingId of findingIds) store.addReviewEvent({ type: 'case', findingId, caseId }, account.name);
    return { caseId, findingIds };
  });
}

/** Record that a case was referred to an agency (and officer). */
export function recordReferral(store: Store, account: Account, caseId: number, body: ReferralRequest) {
  mustCase(store, caseId);
  const ev = store.addReviewEvent({ type: 'referral', caseId, agency: body.agency as Agency, officer: body.officer, note: body.note }, account.name);
  return { caseId, event: ev.id };
}

/** Record that a takedown request was sent to a platform. */
export function recordTakedown(store: Store, account: Account, caseId: number, body: TakedownRequest) {
  mustCase(store, caseId);
  const ev = store.addReviewEvent({ type: 'takedown_request', caseId, channel: body.channel, sentAt: body.sentAt, reference: body.reference }, account.name);
  return { caseId, event: ev.id };
}

/** A case with its findings, referrals, takedown requests, re-checks and time to removal; 404 when it does not exist. */
export function caseView(store: Store, caseId: number): CaseData {
  const c = loadCase(store, caseId);
  if (!c) throw new ReviewRefused(404, `no case with id ${caseId}`, 'caseId');
  return c;
}
