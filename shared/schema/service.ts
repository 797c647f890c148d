/**
 * The evidence service's own shapes: accounts and roles, and the bodies the HTTP API accepts (a flag
 * from the extension, review decisions, case actions). Every request body is parsed with one of these
 * so a malformed field is answered with a 400 that names it.
 */
import { z } from 'zod';
import { Listing } from './listing.ts';
import { Agency, FlagCategory } from './review.ts';
import { ArtefactRole, Sha256 } from './evidence.ts';

/** What an account may do: officers flag and read, reviewers decide and build cases, admins manage users. */
export const Role = z.enum(['officer', 'reviewer', 'admin']);
export type Role = z.infer<typeof Role>;

/** An account name: short, lowercase letters, digits and . _ - so it can appear in the custody log. */
export const AccountName = z.string().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'use lowercase letters, digits, . _ - only');

/** One account of the evidence service (never carries a password or a token). */
export const Account = z.object({
  id: z.number().int().positive(),
  name: AccountName,
  role: Role,
  agency: Agency,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

/** One artefact as announced in a flag: which file part carries it and the hash computed at capture. */
export const FlagArtefact = z.object({
  part: z.string().min(1).max(100),
  role: ArtefactRole,
  mediaType: z.string().min(1).max(200),
  sha256: Sha256,
  capturedAt: z.string().datetime(),
  url: z.string().max(4000).optional(),
});
export type FlagArtefact = z.infer<typeof FlagArtefact>;

/** The `flag` JSON part of `POST /api/flags` (the files travel as multipart parts named in `artefacts`). */
export const FlagRequest = z
  .object({
    listing: Listing,
    category: FlagCategory,
    note: z.string().max(4000).optional(),
    artefacts: z.array(FlagArtefact).max(10).default([]),
  })
  .strict();
export type FlagRequest = z.infer<typeof FlagRequest>;

/** The answer to an accepted flag (a retry with the same Idempotency-Key gets the same answer). */
export const FlagResponse = z.object({
  findingId: z.number().int().positive(),
  listingKey: z.string(),
  risk: z.number(),
  artefacts: z.array(z.object({ role: ArtefactRole, sha256: Sha256, byteSize: z.number().int() })),
});
export type FlagResponse = z.infer<typeof FlagResponse>;

/** A reviewer's confirm or dismiss. */
export const DecisionRequest = z.object({ reason: z.string().trim().min(1).max(2000), note: z.string().max(4000).optional() }).strict();
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/** A new case, optionally with its first findings. */
export const CaseCreateRequest = z
  .object({ title: z.string().trim().min(1).max(300), note: z.string().max(4000).optional(), findingIds: z.array(z.number().int().positive()).max(500).default([]) })
  .strict();
export type CaseCreateRequest = z.infer<typeof CaseCreateRequest>;

/** Findings to add to an existing case. */
export const CaseAddFindingsRequest = z.object({ findingIds: z.array(z.number().int().positive()).min(1).max(500) }).strict();
export type CaseAddFindingsRequest = z.infer<typeof CaseAddFindingsRequest>;

/** A referral of a case to an agency (and optionally a named officer there). */
export const ReferralRequest = z.object({ agency: Agency, officer: z.string().trim().max(200).optional(), note: z.string().max(4000).optional() }).strict();
export type ReferralRequest = z.infer<typeof ReferralRequest>;

/** A takedown request sent to a platform through a channel on a date. */
export const TakedownRequest = z
  .object({ channel: z.string().trim().min(1).max(200), sentAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date as YYYY-MM-DD'), reference: z.string().max(200).optional() })
  .strict();
export type TakedownRequest = z.infer<typeof TakedownRequest>;
