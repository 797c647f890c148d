/**
 * `POST /api/flags`: an officer's flag with its evidence, sent by the extension as multipart/form-data
 * (a `flag` JSON part, described by `FlagRequest`, and one file part per artefact). The order matters:
 * 1 - check sizes (413) and parse every field (400 naming the field);
 * 2 - re-hash every artefact and refuse a mismatch (400 naming the artefact);
 * 3 - match the listing against the register;
 * 4 - write blobs (content-addressed: an orphan blob from a later failure is harmless), then one store
 *     transaction with the observation, the finding (source `officer`), the artefacts, the `flag` review
 *     event, the custody entries and the idempotency record. Nothing else is written by a refused request.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FlagRequest, type Account, type FlagResponse, type ListingMatch } from '../shared/schema/index.ts';
import type { Accounts } from './accounts.ts';
import type { Store } from '../shared/store/index.ts';

/** Size limits for flags, in bytes. */
export interface FlagLimits {
  /** largest single artefact */
  artefactBytes: number;
  /** largest whole request body */
  requestBytes: number;
}

/** Default limits: an 8 MB artefact (a long full-page screenshot or MHTML), a 25 MB request. */
export const DEFAULT_LIMITS: FlagLimits = { artefactBytes: 8 * 1024 * 1024, requestBytes: 25 * 1024 * 1024 };

/**
 * At most `size` holders at a time; others wait in arrival order. Flags are CPU- and disk-heavy
 * (multipart parsing, hashing, fsync'd blob writes on the event loop), so the service works on a few
 * at once and the other requests (the desk, reads) keep getting turns between them.
 */
export class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  /** Run `fn` when a slot is free. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** A refused flag: HTTP status, message and the field it is about. */
export class FlagRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 413 | 415 | 422,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** One artefact after checking: its bytes and what the flag said about it. */
interface CheckedArtefact {
  bytes: Uint8Array;
  role: FlagRequest['artefacts'][number]['role'];
  mediaType: string;
  sha256: string;
  capturedAt: string;
  url?: string;
}

/** A fully validated flag, ready to be written. */
export interface CheckedFlag {
  request: FlagRequest;
  artefacts: CheckedArtefact[];
  /** a digest of the whole request, to tell a retry from a different request under the same key */
  fingerprint: string;
}

/** Turn a zod error into "flag.listing.url: Invalid URL" naming the first bad field. */
export function describeZodError(err: z.ZodError, prefix: string): { message: string; field: string } {
  const issue = err.issues[0];
  const field = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].join('.').replace(/\.\[/g, '[');
  return { field, message: `${field}: ${issue.message}` };
}

/** Parse and check a multipart flag body; throws `FlagRefused` on the first problem. */
export async function checkFlag(form: FormData, limits: FlagLimits): Promise<CheckedFlag> {
  const raw = form.get('flag');
  if (raw === null) throw new FlagRefused(400, 'field "flag" is missing: send the flag JSON as a multipart part named "flag"', 'flag');
  const text = typeof raw === 'string' ? raw : await raw.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FlagRefused(400, `field "flag" is not valid JSON (${(e as Error).message})`, 'flag');
  }
  const parsed = FlagRequest.safeParse(json);
  if (!parsed.success) {
    const { message, field } = describeZodError(parsed.error, 'flag');
    throw new FlagRefused(400, message, field);
  }
  const request = parsed.data;
  const declared = new Set<string>();
  const artefacts: CheckedArtefact[] = [];
  for (const [i, a] of request.artefacts.entries()) {
    const field = `flag.artefacts[${i}]`;
    if (declared.has(a.part)) throw new FlagRefused(400, `${field}.part: part "${a.part}" is named twice`, `${field}.part`);
    declared.add(a.part);
    const file = form.get(a.part);
    if (file === null || typeof file === 'string') throw new FlagRefused(400, `${field}.part: no file part named "${a.part}" (${a.role}) in the request`, `${field}.part`);
    if (file.size > limits.artefactBytes) {
      throw new FlagRefused(413, `artefact "${a.part}" (${a.role}) is ${file.size} bytes; the limit per artefact is ${limits.artefactBytes}`, a.part);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // WebCrypto hashes on libuv's thread pool, so a large artefact does not stall other requests.
    const actual = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    if (actual !== a.sha256) {
      throw new FlagRefused(400, `artefact "${a.part}" (${a.role}): sha256 mismatch: declared ${a.sha256}, received bytes hash to ${actual}; the file changed after capture or in transit`, a.part);
    }
    artefacts.push({ bytes, role: a.role, mediaType: a.mediaType, sha256: actual, capturedAt: a.capturedAt, url: a.url });
  }
  for (const [name, value] of form.entries()) {
    if (name !== 'flag' && typeof value !== 'string' && !declared.has(name)) {
      throw new FlagRefused(400, `file part "${name}" is not declared in flag.artefacts: declare it (role, mediaType, sha256) or leave it out`, name);
    }
  }
  const fingerprint = createHash('sha256')
    .update(text)
    .update(artefacts.map((a) => a.sha256).join(','))
    .digest('hex');
  return { request, artefacts, fingerprint };
}

/** Write a checked flag: blobs first, then one transaction; returns the HTTP status and answer. */
export function writeFlag(
  deps: { store: Store; accounts: Accounts; match: (listing: FlagRequest['listing']) => ListingMatch },
  account: Account,
  flag: CheckedFlag,
  idempotencyKey: string | undefined,
): { status: number; body: FlagResponse | unknown } {
  const { store, accounts } = deps;
  const { listing, category, note } = flag.request;
  const match = deps.match(listing);
  for (const a of flag.artefacts) store.putBlob(a.bytes);
  return store.transaction(() => {
    if (idempotencyKey) {
      const earlier = accounts.idempotentResponse(account.id, idempotencyKey);
      if (earlier) return replay(earlier, flag.fingerprint);
    }
    const { listingKey } = store.recordObservation(listing);
    const { finding } = store.addFinding({ listingKey, source: 'officer', createdBy: account.name, match });
    const stored = flag.artefacts.map((a) =>
      store.addArtefact(
        { bytes: a.bytes, mediaType: a.mediaType, role: a.role, capturedAt: a.capturedAt, url: a.url ?? listing.url, findingId: finding.id, expectedSha256: a.sha256 },
        account.name,
      ),
    );
    store.addReviewEvent({ type: 'flag', findingId: finding.id, category, note }, account.name);
    store.appendCustody({
      actor: account.name,
      action: 'flagged',
      subject: `finding:${finding.id}`,
      details: { listingKey, category, agency: account.agency, artefacts: stored.map((s) => s.sha256), idempotencyKey: idempotencyKey ?? null },
    });
    const body: FlagResponse = {
      findingId: finding.id,
      listingKey,
      risk: finding.risk,
      artefacts: stored.map((s) => ({ role: s.role, sha256: s.sha256, byteSize: s.byteSize })),
    };
    if (idempotencyKey) accounts.rememberResponse(account.id, idempotencyKey, flag.fingerprint, 201, body);
    return { status: 201, body };
  });
}

/** The answer to a retried flag: the first answer, or 422 when the key was used for a different request. */
export function replay(earlier: { requestSha256: string; status: number; body: unknown }, fingerprint: string): { status: number; body: unknown } {
  if (earlier.requestSha256 !== fingerprint) {
    return { status: 422, body: { error: { field: 'Idempotency-Key', message: 'this Idempotency-Key was already used for a different flag; use a new key for a new flag' } } };
  }
  return { status: earlier.status, body: earlier.body };
}
