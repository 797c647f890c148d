/**
 * The part of the evidence store (`shared/store`) and of the matcher (`shared/match`) that the service
 * uses, written as interfaces so the service depends on the agreed contract, not on one implementation.
 * The real `Store` class satisfies `ServiceStore` structurally.
 */
import type Database from 'better-sqlite3';
import type {
  Artefact,
  ArtefactRole,
  CustodyAction,
  CustodyEvent,
  Finding,
  FindingSource,
  FindingStatus,
  Listing,
  ListingMatch,
  ListingStatus,
  ReviewEvent,
  Right,
} from '../shared/schema/index.ts';

/** Filters of `listFindings`, as in the store's contract. */
export interface FindingFilter {
  status?: FindingStatus;
  marketplace?: string;
  rightId?: string;
  sellerId?: string;
  source?: FindingSource;
  since?: string;
  until?: string;
  minRisk?: number;
  limit?: number;
  offset?: number;
}

/** A finding as listed: with its derived status and the latest listing. */
export type ListedFinding = Finding & { status: FindingStatus; listing: Listing };

/** What the service needs from the store. */
export interface ServiceStore {
  readonly path: string;
  readonly blobDir: string;
  readonly db: Database.Database;
  transaction<T>(fn: () => T): T;
  listRights(): Right[];
  getRight(id: string): Right | undefined;
  recordObservation(listing: Listing, opts?: { status?: ListingStatus; runId?: number }): { listingKey: string; isNew: boolean; observationId: number };
  getListing(listingKey: string): Listing | undefined;
  listObservations(listingKey: string): Array<{ id: number; at: string; status: ListingStatus; price?: number; title?: string; runId?: number }>;
  putBlob(bytes: Uint8Array): { sha256: string; byteSize: number; existed: boolean };
  readBlob(sha256: string): Buffer;
  addArtefact(
    a: { bytes: Uint8Array; mediaType: string; role: ArtefactRole; capturedAt: string; url?: string; findingId?: number; expectedSha256?: string },
    actor: string,
  ): Artefact;
  listArtefacts(findingId: number): Artefact[];
  addFinding(f: { listingKey: string; source: FindingSource; createdBy: string; runId?: number; match: ListingMatch }): { finding: Finding; created: boolean };
  getFinding(id: number): Finding | undefined;
  listFindings(filter?: FindingFilter): { total: number; items: ListedFinding[] };
  addReviewEvent(e: ReviewEvent, actor: string): { id: number; at: string };
  listReviewEvents(findingId: number): Array<ReviewEvent & { id: number; at: string; actor: string }>;
  findingStatus(findingId: number): FindingStatus;
  createCase(c: { title: string; note?: string }, actor: string): { id: number };
  getCase(id: number): CaseView | undefined;
  listCases(): CaseView[];
  getArtefact(sha256: string): Artefact | undefined;
  appendCustody(e: { actor: string; action: CustodyAction; subject: string; details?: Record<string, unknown> }): CustodyEvent;
  listCustody(subject?: string): CustodyEvent[];
}

/** A review event as stored. */
export type StoredReviewEvent = ReviewEvent & { id: number; at: string; actor: string };

/** A case with everything recorded about it (as `Store.getCase` returns it). */
export interface CaseView {
  id: number;
  title: string;
  note?: string;
  createdAt: string;
  createdBy: string;
  findings: Array<{ findingId: number; listingKey: string; status: FindingStatus; addedAt: string; addedBy: string }>;
  referrals: StoredReviewEvent[];
  takedownRequests: StoredReviewEvent[];
  rechecks: StoredReviewEvent[];
}

/** The matcher's contract (`buildMatcher(rights).match(input)`). */
export interface ServiceMatcher {
  match(listing: Record<string, unknown>, ctx?: { observedMedianPrice?: Record<string, number> }): ListingMatch;
}
