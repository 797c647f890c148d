/**
 * How a finding's status follows from its review events. Decisions are never edits: the status is a
 * fold of the events in the order they were recorded. A flag only lifts a new finding; confirm,
 * dismiss, adding to a case and a takedown request (sent for a case the finding is in) each set the
 * status; a re-check that found the listing removed or re-listed marks it removed; referrals and
 * re-checks that found it still live leave it as it was.
 */
import type { FindingStatus, ReviewEvent } from '../schema/index.ts';

/** The status after one more event. */
export function nextStatus(current: FindingStatus, e: ReviewEvent): FindingStatus {
  switch (e.type) {
    case 'flag':
      return current === 'new' ? 'flagged' : current;
    case 'confirm':
      return 'confirmed';
    case 'dismiss':
      return 'dismissed';
    case 'case':
      return 'in_case';
    case 'takedown_request':
      return current === 'dismissed' || current === 'removed' ? current : 'takedown_requested';
    case 'recheck':
      return e.outcome === 'removed' || e.outcome === 'relisted' ? 'removed' : current;
    case 'referral':
      return current;
  }
}

/** The status a list of events (in recorded order) leads to, starting from `new`. */
export function deriveStatus(events: Iterable<ReviewEvent>): FindingStatus {
  let status: FindingStatus = 'new';
  for (const e of events) status = nextStatus(status, e);
  return status;
}

/** Statuses under which the crawler keeps re-checking a listing. */
export const UNDER_ACTION: readonly FindingStatus[] = ['flagged', 'confirmed', 'in_case', 'takedown_requested'];
