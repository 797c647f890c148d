/**
 * The review desk's routes: login/logout, the queue, triage decisions, the listing page, artefacts
 * (screenshots inline, captured HTML only as a sandboxed preview), seller pages and cases. All behind a
 * session cookie; every POST carries the session's CSRF token (checked by `csrfToken()` after Hono's
 * Origin check). Forms post and redirect back (303), so the desk works without scripts; `desk.js`
 * only adds keyboard triage.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import { Agency, type FindingStatus, type Listing, type Right } from '../../shared/schema/index.ts';
import type { Accounts } from '../accounts.ts';
import { FindingQuery, idParam } from '../api.ts';
import { serveArtefact, findArtefact } from '../artefacts.ts';
import { csrfToken, requireRole, SESSION_COOKIE, sessionAuth, type AuthEnv } from '../auth.ts';
import { addFindingsToCase, createCase, decide, recordReferral, recordTakedown, ReviewRefused } from '../review.ts';
import type { Store } from '../../shared/store/index.ts';
import { loadCase, listCaseData, rankedFindings, sellerData } from '../read-models.ts';
import { SESSION_HOURS } from '../accounts.ts';
import { t, type Lang } from './i18n.ts';
import { pageContext, sendPage, layout } from './layout.ts';
import { casePage, casesPage, listingPage, loginPage, queuePage, sellerPage } from './pages.ts';
import { html } from 'hono/html';

const LANG_COOKIE = 'ipw_lang';
/** What the queue shows by default: findings nobody has decided yet. */
const OPEN_STATUSES: FindingStatus[] = ['new', 'flagged'];

/** Only same-site relative paths may be redirected to. */
export function safeReturn(v: unknown, fallback = '/'): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) ? v : fallback;
}

function formString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function idList(v: string | undefined): number[] {
  return (v ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((s) => idParam(s.replace(/^#/, '')) ?? NaN)
    .filter((n) => !Number.isNaN(n));
}

/** Build the desk routes (mounted at `/`). */
export function deskRoutes(deps: { store: Store; accounts: Accounts; secureCookies: boolean }): Hono<AuthEnv> {
  const { store, accounts } = deps;
  const desk = new Hono<AuthEnv>();

  // Language: ?lang= wins and is remembered in a cookie; Vietnamese by default.
  desk.use('*', async (c, next) => {
    const q = c.req.query('lang');
    let lang: Lang = getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'vi';
    if (q === 'en' || q === 'vi') {
      lang = q;
      setCookie(c, LANG_COOKIE, q, { path: '/', sameSite: 'Strict', httpOnly: true, maxAge: 365 * 86400 });
    }
    c.set('lang', lang);
    await next();
  });
  // Hono's Origin / Sec-Fetch-Site check on every form post (before the synchroniser token check).
  desk.use('*', csrf());
  // Desk forms are small.
  desk.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('Biểu mẫu quá lớn / Form too large', 413, { Connection: 'close' }) }));

  const failure = (c: Context<AuthEnv>, e: unknown) => {
    if (e instanceof ReviewRefused) {
      const p = pageContext(c);
      return sendPage(c, layout(p, `${e.status}`, html`<p class="error">${e.message}</p><p><a href="/">${t(p.lang).queue}</a></p>`), e.status);
    }
    throw e;
  };

  desk.get('/login', (c) => {
    const next = safeReturn(c.req.query('next'));
    return sendPage(c, loginPage(pageContext(c), { next, failed: c.req.query('failed') === '1' }));
  });
  desk.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const name = formString(body, 'name') ?? '';
    const next = safeReturn(body['next']);
    const account = await accounts.login(name, typeof body['password'] === 'string' ? body['password'] : '');
    if (!account) return sendPage(c, loginPage(pageContext(c), { next, failed: true, name }), 401);
    const { cookie } = accounts.createSession(account.id);
    setCookie(c, SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies, maxAge: SESSION_HOURS * 3600 });
    return c.redirect(next, 303);
  });

  desk.use('*', sessionAuth(accounts));
  desk.use('*', csrfToken());
  const reviewer = requireRole('reviewer');

  desk.post('/logout', (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) accounts.deleteSession(cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  desk.get('/', (c) => {
    const raw = c.req.query();
    // The queue shows open findings (new or flagged) unless a status, or `all`, is chosen.
    const view = raw.status === undefined || raw.status === '' || raw.status === 'open' ? 'open' : raw.status === 'all' ? 'all' : 'one';
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== '' && k !== 'lang' && k !== 'sel' && !(k === 'status' && view !== 'one')));
    const q = FindingQuery.safeParse(cleaned);
    const p = pageContext(c);
    if (!q.success) return sendPage(c, layout(p, '400', html`<p class="error">${q.error.issues[0].path.join('.')}: ${q.error.issues[0].message}</p>`), 400);
    const { seller, limit, offset, order: _order, ...filters } = q.data;
    const dayEnd = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T23:59:59.999Z` : d);
    const result = rankedFindings(store, { ...filters, until: dayEnd(filters.until), sellerId: seller }, limit, offset, view === 'open' ? OPEN_STATUSES : undefined);
    const sel = Math.max(0, Math.min(result.items.length - 1, Number(c.req.query('sel') ?? 0) || 0));
    const url = new URL(c.req.url);
    url.searchParams.delete('sel');
    url.searchParams.delete('lang');
    return sendPage(
      c,
      queuePage(p, { items: result.items, total: result.total, offset, limit, filters: { ...filters, status: view === 'one' ? filters.status : view, seller }, rights: store.listRights(), returnTo: url.pathname + url.search, selected: sel }),
    );
  });

  desk.post('/findings/:id/decide', reviewer, async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const decision = body['decision'];
    const w = t(c.get('lang'));
    if (!id || (decision !== 'confirm' && decision !== 'dismiss')) return c.text('decision must be confirm or dismiss', 400);
    const reason = formString(body, 'reason') ?? (decision === 'confirm' ? w.defaultConfirmReason : undefined);
    if (!reason) return c.text('Cần lý do để bác bỏ / A reason is required to dismiss (field "reason")', 400);
    try {
      decide(store, c.get('account'), id, decision, { reason });
    } catch (e) {
      return failure(c, e);
    }
    const back = new URL(safeReturn(body['returnTo']), 'http://x');
    if (typeof body['sel'] === 'string' && /^\d+$/.test(body['sel'])) back.searchParams.set('sel', body['sel']);
    return c.redirect(back.pathname + back.search, 303);
  });

  desk.get('/findings/:id', (c) => {
    const id = idParam(c.req.param('id'));
    const finding = id ? store.getFinding(id) : undefined;
    const p = pageContext(c);
    if (!id || !finding) return sendPage(c, layout(p, '404', html`<p class="error">#${c.req.param('id')}</p>`), 404);
    const listing = store.getListing(finding.listingKey) as Listing;
    const rights = new Map<string, Right>();
    for (const rid of finding.rightIds) {
      const r = store.getRight(rid);
      if (r) rights.set(rid, r);
    }
    const custody = store.listCustody(`finding:${id}`);
    return sendPage(
      c,
      listingPage(p, {
        finding,
        status: store.findingStatus(id),
        listing,
        rights,
        observations: store.listObservations(finding.listingKey),
        artefacts: store.listArtefacts(id),
        custody,
        reviews: store.listReviewEvents(id) as never,
        cases: listCaseData(store).map((x) => ({ id: x.id, title: x.title })),
        canReview: c.get('account').role === 'reviewer',
      }),
    );
  });

  desk.get('/artefacts/:sha256/preview', (c) => serveArtefact(c, store, c.req.param('sha256'), 'preview'));
  desk.get('/artefacts/:sha256', (c) => {
    const sha = c.req.param('sha256');
    const art = /^[0-9a-f]{64}$/.test(sha) ? findArtefact(store, sha) : undefined;
    // Images display inline; pages are downloads (or the sandboxed preview).
    return serveArtefact(c, store, sha, art && art.mediaType.startsWith('image/') && !art.mediaType.includes('svg') && !c.req.query('download') ? 'preview' : 'download');
  });

  desk.get('/sellers/:marketplace/:key', (c) => {
    const p = pageContext(c);
    const data = sellerData(store, c.req.param('marketplace'), c.req.param('key'));
    return sendPage(c, sellerPage(p, data));
  });

  desk.get('/cases', (c) => sendPage(c, casesPage(pageContext(c), { cases: listCaseData(store), canReview: c.get('account').role === 'reviewer' })));
  desk.get('/cases/:id', (c) => {
    const id = idParam(c.req.param('id'));
    const data = id ? loadCase(store, id) : undefined;
    const p = pageContext(c);
    if (!data) return sendPage(c, layout(p, '404', html`<p class="error">#${c.req.param('id')}</p>`), 404);
    return sendPage(c, casePage(p, data, c.get('account').role === 'reviewer'));
  });
  desk.post('/cases', reviewer, async (c) => {
    const body = await c.req.parseBody();
    const title = formString(body, 'title');
    if (!title) return c.text('Cần tên vụ việc / field "title" is required', 400);
    try {
      const r = createCase(store, c.get('account'), { title, note: formString(body, 'note'), findingIds: idList(formString(body, 'findingIds')) });
      return c.redirect(`/cases/${r.caseId}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  desk.post('/cases/add', reviewer, async (c) => {
    const body = await c.req.parseBody();
    const caseId = idParam(formString(body, 'caseId'));
    if (!caseId) return c.text('field "caseId" is required', 400);
    try {
      addFindingsToCase(store, c.get('account'), caseId, idList(formString(body, 'findingIds')));
      return c.redirect(`/cases/${caseId}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  desk.post('/cases/:id/findings', reviewer, async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const ids = idList(formString(body, 'findingIds'));
    if (!id || !ids.length) return c.text('field "findingIds" needs at least one finding id', 400);
    try {
      addFindingsToCase(store, c.get('account'), id, ids);
      return c.redirect(`/cases/${id}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  desk.post('/cases/:id/referrals', reviewer, async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const agency = Agency.safeParse(body['agency']);
    if (!id || !agency.success) return c.text(`field "agency" must be one of ${Agency.options.join(', ')}`, 400);
    try {
      recordReferral(store, c.get('account'), id, { agency: agency.data, officer: formString(body, 'officer'), note: formString(body, 'note') });
      return c.redirect(`/cases/${id}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  desk.post('/cases/:id/takedowns', reviewer, async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const channel = formString(body, 'channel');
    const sentAt = formString(body, 'sentAt');
    if (!id || !channel || !sentAt || !/^\d{4}-\d{2}-\d{2}$/.test(sentAt)) return c.text('fields "channel" and "sentAt" (YYYY-MM-DD) are required', 400);
    try {
      recordTakedown(store, c.get('account'), id, { channel, sentAt, reference: formString(body, 'reference') });
      return c.redirect(`/cases/${id}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  return desk;
}
