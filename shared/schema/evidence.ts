/**
 * Evidence: artefacts stored by content hash, the append-only custody log, and findings (a listing
 * matched against the register at one moment). These rows are never edited once written.
 */
import { z } from 'zod';
import { ListingMatch } from './match.ts';

/** A lowercase hex SHA-256 digest. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
export type Sha256 = z.infer<typeof Sha256>;

/** What part of a capture an artefact is. */
export const ArtefactRole = z.enum(['screenshot', 'mhtml', 'html', 'listing-json', 'warc', 'har', 'other']);
export type ArtefactRole = z.infer<typeof ArtefactRole>;

/** One stored file of evidence, identified by its bytes. */
export const Artefact = z.object({
  sha256: Sha256,
  mediaType: z.string().min(1).max(200),
  byteSize: z.number().int().nonnegative(),
  role: ArtefactRole,
  capturedAt: z.string().datetime(),
  url: z.string().optional(),
  findingId: z.number().int().positive().optional(),
});
export type Artefact = z.infer<typeof Artefact>;

/** What happened to a piece of evidence. */
export const CustodyAction = z.enum([
  'captured',
  'stored',
  'flagged',
  'reviewed',
  'case',
  'referral',
  'takedown_request',
  'recheck',
  'exported',
  'imported',
  'account',
]);
export type CustodyAction = z.infer<typeof CustodyAction>;

/** One entry of the custody log; `hash` covers every other field and `prevHash`, so any change shows. */
export const CustodyEvent = z.object({
  seq: z.number().int().positive(),
  at: z.string().datetime(),
  actor: z.string().min(1),
  action: CustodyAction,
  subject: z.string().min(1),
  details: z.record(z.string(), z.unknown()),
  prevHash: Sha256,
  hash: Sha256,
});
export type CustodyEvent = z.infer<typeof CustodyEvent>;

/** Where a finding came from. */
export const FindingSource = z.enum(['crawl', 'officer']);
export type FindingSource = z.infer<typeof FindingSource>;

/** A listing found to reference protected rights, with the matcher's reasons, at one moment. */
export const Finding = z.object({
  id: z.number().int().positive(),
  listingKey: z.string(),
  source: FindingSource,
  createdAt: z.string().datetime(),
  createdBy: z.string(),
  runId: z.number().int().positive().optional(),
  rightIds: z.array(z.string()),
  risk: z.number().min(0).max(1),
  match: ListingMatch,
});
export type Finding = z.infer<typeof Finding>;
