/**
 * The JSON API under `/api`, for the extension and scripts. Every route needs a bearer token; roles:
 * officers flag and read, reviewers also confirm/dismiss and manage cases. Request bodies are parsed
 * with the schemas in `shared/schema/service.ts`; a bad field is a 400 that names it. Every write goes
 * through the store with the account's name, so it lands in the custody log.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  CaseAddFindingsRequest,
  CaseCreateRequest,
  DecisionRequest,
  FindingSource,
  FindingStatus,
  ReferralRequest,
  TakedownRequest,
  type Account,
} from '../shared/schema/index.ts';
import type { Accounts } from './accounts.ts';
import { bearerAuth, errorBody, requireRole, type AuthEnv } from './auth.ts';
import { checkFlag, describeZodError, FlagRefused, replay, Slots, writeFlag, type FlagLimits } from './flags.ts';
import type { RegisterMatcher } from './matcher.ts';
import { serveArtefact } from './artefacts.ts';
import { addFindingsToCase, createCase, decide, recordReferral, recordTakedown, caseView, ReviewRefused } from './review.ts';
import type { Store } from '../shared/store/index.ts';
import { listCaseData, rankedFindings } from './read-models.ts';

/** Flags processed at once (see `Slots`). */
const FLAG_SLOTS = 2;

/** Query parameters of `GET /api/findings` (and the desk queue). */
export const FindingQuery = z.object({
  status: FindingStatus.optional(),
  marketplace: z.string().max(50).optional(),
  rightId: z.string().max(200).optional(),
  seller: z.string().max(200).optional(),
  source: FindingSource.optional(),
  since: z.string().max(40).optional(),
  until: z.string().max(40).optional(),
  minRisk: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** `newest` first (default) or highest `risk` first, as the desk's queue */
  order: z.enum(['newest', 'risk']).default('newest'),
});

/** Dependencies of the API routes. */
export interface ApiDeps {
  store: Store;
  accounts: Accounts;
  matcher: RegisterMatcher;
  limits: FlagLimits;
}

/** Largest JSON body of a review or case call. */
const SMALL_BODY_BYTES = 64 * 1024;
const smallBody = bodyLimit({ maxSize: SMALL_BODY_BYTES, onError: (c) => c.json(errorBody(`request body larger than ${SMALL_BODY_BYTES} bytes`, 'body'), 413, { Connection: 'close' }) });

/** Parse a JSON body with a schema or answer 400 naming the field. */
async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return c.json(errorBody('body is not valid JSON: send Content-Type: application/json with a JSON object', 'body'), 400);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const { message, field } = describeZodError(r.error, 'body');
    return c.json(errorBody(message, field), 400);
  }
  return r.data;
}

/** A positive integer path parameter, or undefined. */
export function idParam(v: string | undefined): number | undefined {
  return v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : undefined;
}

/** Build the `/api` routes. */
export function apiRoutes(deps: ApiDeps): Hono<AuthEnv> {
  const { store, accounts, limits } = deps;
  const api = new Hono<AuthEnv>();
  const flagSlots = new Slots(FLAG_SLOTS);
  api.use('*', bearerAuth(accounts));
  // JSON bodies of review and case calls are small; flags have their own, larger limit below.
  api.use('*', async (c, next) => (c.req.path.endsWith('/flags') ? next() : smallBody(c, next)));
  const reviewer = requireRole('reviewer');
  const flagger = requireRole('officer', 'reviewer');
  const reader = requireRole('officer', 'reviewer', 'admin');

  api.get('/me', (c) => c.json(c.get('account')));
  api.get('/users', requireRole('admin'), (c) => c.json({ users: accounts.listUsers() }));
  api.get('/register', reader, (c) => c.json({ rights: store.listRights() }));

  api.post(
    '/flags',
    flagger,
    bodyLimit({
      maxSize: limits.requestBytes,
      // The unread rest of the body would poison a kept-alive connection: close it after answering.
      onError: (c) => c.json(errorBody(`request body larger than ${limits.requestBytes} bytes: send fewer or smaller artefacts`, 'body'), 413, { Connection: 'close' }),
    }),
    async (c) => {
      const account = c.get('account');
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) return c.json(errorBody('Idempotency-Key must be 1–200 printable ASCII characters', 'Idempotency-Key'), 400);
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) {
        return c.json(errorBody(`Content-Type must be multipart/form-data (a "flag" JSON part and one file part per artefact), got "${type}"`, 'Content-Type'), 415);
      }
      // Receive the whole body before taking a slot, so a slow upload does not hold one.
      try {
        await c.req.arrayBuffer();
      } catch (e) {
        return c.json(errorBody(`request body could not be read (${(e as Error).message})`, 'body'), 400);
      }
      return flagSlots.run(async () => {
      try {
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch (e) {
          return c.json(errorBody(`multipart body could not be read (${(e as Error).message})`, 'body'), 400);
        }
        const flag = await checkFlag(form, limits);
        if (key) {
          const earlier = accounts.idempotentResponse(account.id, key);
          if (earlier) {
            const r = replay(earlier, flag.fingerprint);
            return c.json(r.body as object, r.status as 200);
          }
        }
        const match = deps.matcher.get();
        const r = writeFlag({ store, accounts, match }, account, flag, key);
        return c.json(r.body as object, r.status as 201);
      } catch (e) {
        if (e instanceof FlagRefused) return c.json(errorBody(e.message, e.field), e.status, e.status === 413 ? { Connection: 'close' } : {});
        throw e;
      }
      });
    },
  );

  api.get('/findings', reader, (c) => {
    const q = FindingQuery.safeParse(c.req.query());
    if (!q.success) {
      const { message, field } = describeZodError(q.error, 'query');
      return c.json(errorBody(message, field), 400);
    }
    const { seller, order, limit, offset, ...rest } = q.data;
    const filter = { ...rest, sellerId: seller };
    return c.json(order === 'risk' ? rankedFindings(store, filter, limit, offset) : store.listFindings({ ...filter, limit, offset }));
  });

  api.get('/findings/:id', reader, (c) => {
    const id = idParam(c.req.param('id'));
    const finding = id ? store.getFinding(id) : undefined;
    if (!id || !finding) return c.json(errorBody(`no finding with id "${c.req.param('id')}"`, 'id'), 404);
    return c.json({
      finding,
      status: store.findingStatus(id),
      listing: store.getListing(finding.listingKey),
      observations: store.listObservations(finding.listingKey),
      artefacts: store.listArtefacts(id),
      reviews: store.listReviewEvents(id),
      custody: store.listCustody(`finding:${id}`),
    });
  });

  api.get('/artefacts/:sha256', reader, (c) => serveArtefact(c, store, c.req.param('sha256'), 'download'));

  const withReview = (fn: (c: Context<AuthEnv>, account: Account, id: number) => Promise<Response>) => async (c: Context<AuthEnv>) => {
    const id = idParam(c.req.param('id'));
    if (!id) return c.json(errorBody(`"${c.req.param('id')}" is not an id`, 'id'), 400);
    try {
      return await fn(c, c.get('account'), id);
    } catch (e) {
      if (e instanceof ReviewRefused) return c.json(errorBody(e.message, e.field), e.status);
      throw e;
    }
  };

  for (const type of ['confirm', 'dismiss'] as const) {
    api.post(
      `/findings/:id/${type}`,
      reviewer,
      withReview(async (c, account, id) => {
        const body = await parseJson(c, DecisionRequest);
        if (body instanceof Response) return body;
        return c.json(decide(store, account, id, type, body), 201);
      }),
    );
  }

  api.get('/cases', reader, (c) => c.json({ cases: listCaseData(store) }));
  api.post('/cases', reviewer, async (c) => {
    const body = await parseJson(c, CaseCreateRequest);
    if (body instanceof Response) return body;
    try {
      return c.json(createCase(store, c.get('account'), body), 201);
    } catch (e) {
      if (e instanceof ReviewRefused) return c.json(errorBody(e.message, e.field), e.status);
      throw e;
    }
  });
  api.get(
    '/cases/:id',
    reader,
    withReview(async (c, _a, id) => c.json(caseView(store, id))),
  );
  api.post(
    '/cases/:id/findings',
    reviewer,
    withReview(async (c, account, id) => {
      const body = await parseJson(c, CaseAddFindingsRequest);
      if (body instanceof Response) return body;
      return c.json(addFindingsToCase(store, account, id, body.findingIds), 201);
    }),
  );
  api.post(
    '/cases/:id/referrals',
    reviewer,
    withReview(async (c, account, id) => {
      const body = await parseJson(c, ReferralRequest);
      if (body instanceof Response) return body;
      return c.json(recordReferral(store, account, id, body), 201);
    }),
  );
  api.post(
    '/cases/:id/takedowns',
    reviewer,
    withReview(async (c, account, id) => {
      const body = await parseJson(c, TakedownRequest);
      if (body instanceof Response) return body;
      return c.json(recordTakedown(store, account, id, body), 201);
    }),
  );
  api.notFound((c) => c.json(errorBody(`no API route ${c.req.method} ${c.req.path}`), 404));
  return api;
}
