/**
 * Review events: what people decide about findings. Decisions are new events appended to the store,
 * never edits of earlier ones; the current state of a finding or a case is derived from its events.
 */
import { z } from 'zod';
import { ListingStatus } from './listing.ts';

/** The agencies that take part in enforcement. */
export const Agency = z.enum(['dost', 'market_surveillance', 'police', 'customs', 'agriculture', 'culture', 'other']);
export type Agency = z.infer<typeof Agency>;

/** The category an officer chooses when flagging a listing. */
export const FlagCategory = z.enum(['counterfeit_mark', 'gi_misuse', 'collective_mark_misuse', 'certification_mark_misuse', 'other']);
export type FlagCategory = z.infer<typeof FlagCategory>;

const base = { findingId: z.number().int().positive(), note: z.string().max(4000).optional() };

/** An officer flags a listing (from the extension or the desk). */
export const FlagEvent = z.object({ type: z.literal('flag'), ...base, category: FlagCategory });
/** A reviewer confirms a finding as a likely infringement. */
export const ConfirmEvent = z.object({ type: z.literal('confirm'), ...base, reason: z.string().min(1).max(2000) });
/** A reviewer dismisses a finding. */
export const DismissEvent = z.object({ type: z.literal('dismiss'), ...base, reason: z.string().min(1).max(2000) });
/** A finding is added to a case. */
export const CaseEvent = z.object({ type: z.literal('case'), ...base, caseId: z.number().int().positive() });
/** A case is referred to an agency and officer. */
export const ReferralEvent = z.object({
  type: z.literal('referral'),
  caseId: z.number().int().positive(),
  agency: Agency,
  officer: z.string().max(200).optional(),
  note: z.string().max(4000).optional(),
});
/** A takedown request is sent to a platform. */
export const TakedownRequestEvent = z.object({
  type: z.literal('takedown_request'),
  caseId: z.number().int().positive(),
  channel: z.string().min(1).max(200),
  sentAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  reference: z.string().max(200).optional(),
});
/** The crawler re-checked a listing under action. */
export const RecheckEvent = z.object({
  type: z.literal('recheck'),
  ...base,
  outcome: z.enum(['still_live', 'removed', 'relisted', 'blocked']),
  status: ListingStatus,
  relistedAs: z.string().optional(),
});

/** Any review event. */
export const ReviewEvent = z.discriminatedUnion('type', [
  FlagEvent,
  ConfirmEvent,
  DismissEvent,
  CaseEvent,
  ReferralEvent,
  TakedownRequestEvent,
  RecheckEvent,
]);
export type ReviewEvent = z.infer<typeof ReviewEvent>;

/** A finding's state as derived from its review events. */
export const FindingStatus = z.enum(['new', 'flagged', 'confirmed', 'dismissed', 'in_case', 'takedown_requested', 'removed']);
export type FindingStatus = z.infer<typeof FindingStatus>;
