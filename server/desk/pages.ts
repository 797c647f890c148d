/**
 * The desk's pages as functions from data to escaped HTML (`hono/html`): login, the queue ranked by
 * risk, a listing (finding) page, a seller page, the case list and a case page. They do no I/O; the
 * routes in `routes.ts` load the data. Everything from a listing is interpolated, hence escaped.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Artefact, CustodyEvent, Finding, FindingStatus, Listing, Right } from '../../shared/schema/index.ts';
import { Agency, FindingStatus as FindingStatusEnum, Marketplace } from '../../shared/schema/index.ts';
import type { ListedFinding } from '../../shared/store/index.ts';
import type { CaseData } from '../read-models.ts';
import { highlight, type Span } from './highlight.ts';
import { t } from './i18n.ts';
import { bytes, csrfField, layout, money, when, type PageContext } from './layout.ts';

type H = HtmlEscapedString;

/** The login page. */
export function loginPage(p: PageContext, opts: { next: string; failed: boolean; name?: string }): H {
  const w = t(p.lang);
  return layout(
    p,
    w.login,
    html`<form method="post" action="/login" class="card login">
  ${opts.failed ? html`<p class="error" role="alert">${w.loginFailed}</p>` : ''}
  <input type="hidden" name="next" value="${opts.next}">
  <label>${w.name} <input name="name" autocomplete="username" required value="${opts.name ?? ''}" autofocus></label>
  <label>${w.password} <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">${w.login}</button>
</form>`,
  );
}

/** Spans to highlight in a finding's title. */
export function titleSpans(f: Finding, rights: Map<string, Right>): Span[] {
  return [
    ...f.match.hits.filter((h) => h.field === 'title').map((h) => ({ start: h.start, end: h.end, kind: 'hit' as const, label: `${rights.get(h.rightId)?.name ?? h.rightId} (${h.method})` })),
    ...f.match.cues.filter((c) => c.field === 'title').map((c) => ({ start: c.start, end: c.end, kind: 'cue' as const, label: c.cue })),
  ];
}

/** A link to a seller's page. */
export function sellerLink(l: Listing): H | string {
  if (!l.sellerId && !l.sellerName) return '';
  const key = l.sellerId ? `id:${l.sellerId}` : `name:${l.sellerName}`;
  return html`<a href="/sellers/${l.marketplace}/${encodeURIComponent(key)}">${l.sellerName ?? l.sellerId}</a>` as H;
}

function select(name: string, current: string | undefined, options: Array<[string, string]>, allLabel: string): H {
  return html`<select name="${name}"><option value="">${allLabel}</option>${options.map(
    ([v, label]) => html`<option value="${v}" ${v === current ? 'selected' : ''}>${label}</option>`,
  )}</select>` as H;
}

/** The queue filters as given in the query string. */
export interface QueueFilters {
  status?: string;
  marketplace?: string;
  rightId?: string;
  seller?: string;
  source?: string;
  since?: string;
  until?: string;
}

/** The queue of findings ranked by risk, with filters and keyboard triage. */
export function queuePage(
  p: PageContext,
  data: { items: ListedFinding[]; total: number; offset: number; limit: number; filters: QueueFilters; rights: Right[]; returnTo: string; selected: number },
): H {
  const w = t(p.lang);
  const f = data.filters;
  const rightsById = new Map(data.rights.map((r) => [r.id, r]));
  const pageUrl = (offset: number) => {
    const u = new URL(p.here, 'http://x');
    u.searchParams.set('offset', String(offset));
    u.searchParams.delete('sel');
    return u.pathname + u.search;
  };
  const filters = html`<form method="get" action="/" class="filters card">
  <label>${w.status} <select name="status">${[['open', w.open], ['all', w.all], ...FindingStatusEnum.options.map((s) => [s, w.statusNames[s] ?? s])].map(
    ([v, label]) => html`<option value="${v}" ${v === (f.status ?? 'open') ? 'selected' : ''}>${label}</option>`,
  )}</select></label>
  <label>${w.marketplace} ${select('marketplace', f.marketplace, Marketplace.options.map((m) => [m, m]), w.all)}</label>
  <label>${w.right} ${select('rightId', f.rightId, data.rights.map((r) => [r.id, r.name]), w.all)}</label>
  <label>${w.seller} <input name="seller" value="${f.seller ?? ''}" size="12"></label>
  <label>${w.source} ${select('source', f.source, [['crawl', w.sourceNames.crawl], ['officer', w.sourceNames.officer]], w.all)}</label>
  <label>${w.since} <input type="date" name="since" value="${f.since ?? ''}"></label>
  <label>${w.until} <input type="date" name="until" value="${f.until ?? ''}"></label>
  <button type="submit">${w.apply}</button>
</form>`;
  const rows = data.items.map((item, i) => {
    const l = item.listing;
    return html`<tr class="finding${i === data.selected ? ' selected' : ''}" data-id="${item.id}" data-href="/findings/${item.id}">
  <td class="risk"><span class="riskbar" data-risk="${Math.round(item.risk * 10)}">${item.risk.toFixed(2)}</span></td>
  <td>${l.marketplace}</td>
  <td class="title"><a href="/findings/${item.id}">${highlight(l.title, titleSpans(item, rightsById))}</a>
    <div class="sub">${[item.rightIds.map((id) => rightsById.get(id)?.name ?? id).join(', '), money(l.price, l.currency)].filter(Boolean).join(' · ')}</div></td>
  <td>${sellerLink(l)}</td>
  <td><span class="status s-${item.status}">${w.statusNames[item.status] ?? item.status}</span></td>
  <td class="src">${w.sourceNames[item.source] ?? item.source}</td>
  <td class="date">${when(item.createdAt)}</td>
  <td class="decide"><form method="post" action="/findings/${item.id}/decide" class="decide-form">${csrfField(p)}
    <input type="hidden" name="returnTo" value="${data.returnTo}">
    <input type="hidden" name="sel" value="${i}">
    <input name="reason" class="reason" placeholder="${w.reasonPlaceholder}" maxlength="2000" aria-label="${w.reason}">
    <button name="decision" value="confirm" class="confirm">${w.confirm}</button>
    <button name="decision" value="dismiss" class="dismiss">${w.dismiss}</button>
  </form></td>
</tr>`;
  });
  const body = html`${filters}
<p class="keys">${w.keysHelp}</p>
<p>${w.total}: <strong>${data.total}</strong></p>
${data.items.length === 0
  ? html`<p class="empty">${w.noFindings}</p>`
  : html`<table class="queue" id="queue" data-default-reason="${w.defaultConfirmReason}">
<thead><tr><th>${w.risk}</th><th>${w.marketplace}</th><th>${w.title}</th><th>${w.seller}</th><th>${w.status}</th><th>${w.source}</th><th>${w.found}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>`}
<nav class="paging">
${data.offset > 0 ? html`<a href="${pageUrl(Math.max(0, data.offset - data.limit))}">${w.prev}</a>` : ''}
${data.offset + data.limit < data.total ? html`<a href="${pageUrl(data.offset + data.limit)}">${w.next}</a>` : ''}
</nav>`;
  return layout(p, w.queue, body);
}

function rightCard(p: PageContext, r: Right | undefined, id: string): H {
  const w = t(p.lang);
  if (!r) return html`<div class="card"><strong>${id}</strong></div>` as H;
  const row = (k: string, v: unknown) => (v === undefined || v === '' ? '' : html`<tr><th>${k}</th><td>${String(v)}</td></tr>`);
  return html`<div class="card right"><h3>${r.name} <small>${r.id}</small></h3><table class="kv">
  ${row(w.kind, r.kind)}${row(w.owner, r.owner)}${row(w.regNo, r.registrationNo)}${row(w.classes, r.niceClasses?.join(', '))}
  ${row(w.goods, r.product ?? r.goods)}${row(w.region, r.region?.join(', '))}${row('Nguồn / Source', r.source)}
</table></div>` as H;
}

/** Everything the listing page shows. */
export interface ListingPageData {
  finding: Finding;
  status: FindingStatus;
  listing: Listing;
  rights: Map<string, Right>;
  observations: Array<{ id: number; at: string; status: string; price?: number; title?: string; runId?: number }>;
  artefacts: Artefact[];
  custody: CustodyEvent[];
  reviews: Array<{ type: string; at: string; actor: string; reason?: string; note?: string; category?: string; caseId?: number; outcome?: string }>;
  cases: Array<{ id: number; title: string }>;
  canReview: boolean;
}

/** The listing page of one finding. */
export function listingPage(p: PageContext, d: ListingPageData): H {
  const w = t(p.lang);
  const { finding: f, listing: l } = d;
  const shot = d.artefacts.find((a) => a.role === 'screenshot');
  const page = d.artefacts.find((a) => a.role === 'html');
  const body = html`
<section class="card listing">
  <p class="big-title">${highlight(l.title, titleSpans(f, d.rights))}</p>
  <p><span class="status s-${d.status}">${w.statusNames[d.status] ?? d.status}</span> · ${w.risk} <strong>${f.risk.toFixed(2)}</strong> · ${l.marketplace} ·
    ${money(l.price, l.currency)} · ${w.seller}: ${sellerLink(l)} ${l.shopLocation ? html`· ${l.shopLocation}` : ''} ${l.officialStore ? '· Mall' : ''}</p>
  <p class="url"><a href="${/^https?:\/\//.test(l.url) ? l.url : '#'}" rel="noreferrer noopener" target="_blank">${l.url}</a></p>
  <p class="sub">${w.source}: ${w.sourceNames[f.source] ?? f.source} · ${f.createdBy} · ${when(f.createdAt)}</p>
</section>
${d.canReview
  ? html`<section class="card actions">
  <form method="post" action="/findings/${f.id}/decide" class="decide-form">${csrfField(p)}
    <input type="hidden" name="returnTo" value="/findings/${f.id}">
    <input name="reason" class="reason" placeholder="${w.reasonPlaceholder}" maxlength="2000" aria-label="${w.reason}">
    <button name="decision" value="confirm" class="confirm">${w.confirm}</button>
    <button name="decision" value="dismiss" class="dismiss">${w.dismiss}</button>
  </form>
  ${d.cases.length
    ? html`<form method="post" action="/cases/add" class="inline">${csrfField(p)}
    <input type="hidden" name="findingIds" value="${f.id}">
    <select name="caseId">${d.cases.map((c) => html`<option value="${c.id}">#${c.id} ${c.title}</option>`)}</select>
    <button type="submit">${w.addToCase}</button></form>`
    : ''}
</section>`
  : ''}
<div class="grid">
<section>
  <h2>${w.screenshot}</h2>
  ${shot ? html`<a href="/artefacts/${shot.sha256}"><img class="shot" src="/artefacts/${shot.sha256}" alt="${w.screenshot}"></a>` : html`<p>${w.none}</p>`}
  ${page
    ? html`<h2>${w.capturedPage}</h2><iframe class="captured" sandbox src="/artefacts/${page.sha256}/preview" title="${w.capturedPage}" referrerpolicy="no-referrer"></iframe>`
    : ''}
</section>
<section>
  <h2>${w.right}</h2>
  ${f.rightIds.length ? f.rightIds.map((id) => rightCard(p, d.rights.get(id), id)) : html`<p>${w.none}</p>`}
  <h2>${w.signals}</h2>
  ${f.match.signals.length
    ? html`<ul>${f.match.signals.map((s) => html`<li><code>${s.kind}</code> (${s.weight > 0 ? '+' : ''}${s.weight.toFixed(2)}) ${s.detail}</li>`)}</ul>`
    : html`<p>${w.none}</p>`}
  ${f.match.cues.length ? html`<h3>${w.cues}</h3><ul>${f.match.cues.map((c) => html`<li><mark class="cue">${c.matched}</mark> (${c.cue})</li>`)}</ul>` : ''}
  <h2>${w.basis}</h2>
  ${f.match.basis.length
    ? html`<ul class="basis">${f.match.basis.map(
        (b) => html`<li><strong>Điều ${b.article} Luật SHTT</strong> · ${d.rights.get(b.rightId)?.name ?? b.rightId}<br>${p.lang === 'en' ? b.reasonEn : b.reasonVi}<br><small>${p.lang === 'en' ? b.reasonVi : b.reasonEn}</small></li>`,
      )}</ul>`
    : html`<p>${w.none}</p>`}
</section>
</div>
<section>
  <h2>${w.observations}</h2>
  <table class="list"><thead><tr><th>${w.at}</th><th>${w.status}</th><th>${w.price}</th><th>${w.title}</th><th>Run</th></tr></thead>
  <tbody>${d.observations.map((o) => html`<tr><td>${when(o.at)}</td><td>${o.status}</td><td>${money(o.price)}</td><td>${o.title ?? ''}</td><td>${o.runId ?? ''}</td></tr>`)}</tbody></table>
</section>
<section>
  <h2>${w.reviews}</h2>
  <table class="list"><thead><tr><th>${w.at}</th><th>${w.actor}</th><th>${w.action}</th><th>${w.details}</th></tr></thead>
  <tbody>${d.reviews.map(
    (r) => html`<tr><td>${when(r.at)}</td><td>${r.actor}</td><td>${r.type}</td><td>${[r.category, r.reason, r.note, r.caseId ? `#${r.caseId}` : undefined, r.outcome ? w.outcomeNames[r.outcome] : undefined].filter(Boolean).join(' · ')}</td></tr>`,
  )}</tbody></table>
</section>
<section>
  <h2>${w.artefacts}</h2>
  <table class="list"><thead><tr><th>${w.role}</th><th>${w.mediaType}</th><th>${w.size}</th><th>SHA-256</th><th>${w.at}</th></tr></thead>
  <tbody>${d.artefacts.map(
    (a) => html`<tr><td>${a.role}</td><td>${a.mediaType}</td><td>${bytes(a.byteSize)}</td><td><a class="hash" href="/artefacts/${a.sha256}?download=1">${a.sha256}</a></td><td>${when(a.capturedAt)}</td></tr>`,
  )}</tbody></table>
</section>
<section>
  <h2>${w.custody}</h2>
  <table class="list custody"><thead><tr><th>#</th><th>${w.at}</th><th>${w.actor}</th><th>${w.action}</th><th>${w.details}</th><th>hash</th></tr></thead>
  <tbody>${d.custody.map(
    (e) => html`<tr><td>${e.seq}</td><td>${when(e.at)}</td><td>${e.actor}</td><td>${e.action}</td><td class="details">${custodyDetails(e.details)}</td><td class="hash" title="${e.hash}">${e.hash.slice(0, 16)}…</td></tr>`,
  )}</tbody></table>
</section>`;
  return layout(p, `${w.listing} #${f.id}`, body);
}

/** Custody details as readable "key: value" lines (hashes shortened, full value in the tooltip). */
export function custodyDetails(details: Record<string, unknown>): H {
  const lines = Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      const short = text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1…');
      return html`<div><span class="k">${k}</span>: <span title="${text}">${short.length > 160 ? `${short.slice(0, 160)}…` : short}</span></div>`;
    });
  return html`${lines}` as H;
}

/** A table of findings (seller page, case page). */
export function findingsTable(p: PageContext, items: Array<{ id: number; risk: number; status?: string; listing?: Listing; createdAt?: string; source?: string }>): H {
  const w = t(p.lang);
  if (!items.length) return html`<p>${w.none}</p>` as H;
  return html`<table class="list"><thead><tr><th>#</th><th>${w.risk}</th><th>${w.marketplace}</th><th>${w.title}</th><th>${w.seller}</th><th>${w.status}</th><th>${w.found}</th></tr></thead><tbody>
${items.map(
  (i) => html`<tr><td><a href="/findings/${i.id}">#${i.id}</a></td><td>${i.risk.toFixed(2)}</td><td>${i.listing?.marketplace ?? ''}</td>
  <td><a href="/findings/${i.id}">${i.listing?.title ?? ''}</a></td><td>${i.listing ? sellerLink(i.listing) : ''}</td>
  <td>${i.status ? (w.statusNames[i.status] ?? i.status) : ''}</td><td>${when(i.createdAt)}</td></tr>`,
)}</tbody></table>` as H;
}

/** The seller page: the seller's listings everywhere and same-name sellers on other marketplaces. */
export function sellerPage(
  p: PageContext,
  d: { marketplace: string; label: string; findings: ListedFinding[]; listings: Array<{ listingKey: string; listing: Listing; lastSeen?: string }>; linked: Array<{ marketplace: string; sellerId?: string; sellerName?: string; count: number }> },
): H {
  const w = t(p.lang);
  const body = html`
<p>${d.marketplace} · <strong>${d.label}</strong></p>
<h2>${w.findings}</h2>
${findingsTable(p, d.findings)}
<h2>${w.sellerListings}</h2>
<table class="list"><thead><tr><th>${w.marketplace}</th><th>${w.title}</th><th>${w.price}</th><th>${w.at}</th></tr></thead><tbody>
${d.listings.map((l) => html`<tr><td>${l.listing.marketplace}</td><td><a href="${/^https?:\/\//.test(l.listing.url) ? l.listing.url : '#'}" rel="noreferrer noopener" target="_blank">${l.listing.title}</a></td><td>${money(l.listing.price, l.listing.currency)}</td><td>${when(l.lastSeen ?? l.listing.seenAt)}</td></tr>`)}
</tbody></table>
<h2>${w.linkedSellers}</h2>
${d.linked.length
  ? html`<ul>${d.linked.map((s) => html`<li>${s.marketplace}: ${sellerLink({ marketplace: s.marketplace, sellerId: s.sellerId, sellerName: s.sellerName } as Listing)} (${s.count})</li>`)}</ul>`
  : html`<p>${w.none}</p>`}`;
  return layout(p, `${w.sellerPage}: ${d.label}`, body);
}

/** The list of cases with the new-case form. */
export function casesPage(p: PageContext, d: { cases: CaseData[]; canReview: boolean }): H {
  const w = t(p.lang);
  const body = html`
${d.canReview
  ? html`<form method="post" action="/cases" class="card new-case">${csrfField(p)}
  <h2>${w.newCase}</h2>
  <label>${w.caseTitle} <input name="title" required maxlength="300"></label>
  <label>${w.findingIds} <input name="findingIds" placeholder="12, 15, 18"></label>
  <label>${w.note} <input name="note" maxlength="4000"></label>
  <button type="submit">${w.create}</button>
</form>`
  : ''}
<table class="list"><thead><tr><th>#</th><th>${w.caseTitle}</th><th>${w.findings}</th><th>${w.referral}</th><th>${w.takedown}</th><th>${w.timeToRemoval}</th></tr></thead><tbody>
${d.cases.map(
  (c) => html`<tr><td><a href="/cases/${c.id}">#${c.id}</a></td><td><a href="/cases/${c.id}">${c.title}</a></td><td>${c.findings.length}</td>
  <td>${c.referrals.map((r) => w.agencyNames[r.agency] ?? r.agency).join(', ')}</td><td>${c.takedowns.map((x) => `${x.channel} ${x.sentAt}`).join(', ')}</td>
  <td>${removal(p, c)}</td></tr>`,
)}</tbody></table>`;
  return layout(p, w.cases, body);
}

function removal(p: PageContext, c: CaseData): string {
  const w = t(p.lang);
  if (c.timeToRemovalDays !== undefined) return `${c.timeToRemovalDays.toFixed(1)} ${w.days}`;
  return c.takedowns.length ? w.notRemoved : '';
}

/** One case: findings, referral and takedown forms, re-check outcomes and time to removal. */
export function casePage(p: PageContext, c: CaseData, canReview: boolean): H {
  const w = t(p.lang);
  const today = new Date().toISOString().slice(0, 10);
  const body = html`
${c.note ? html`<p class="note">${c.note}</p>` : ''}
<p class="sub">${c.createdBy ?? ''} · ${when(c.createdAt)}</p>
<p class="ttr">${w.timeToRemoval}: <strong>${removal(p, c) || '—'}</strong></p>
<h2>${w.findings}</h2>
${findingsTable(p, c.findings)}
${canReview
  ? html`<div class="grid3">
<form method="post" action="/cases/${c.id}/findings" class="card">${csrfField(p)}
  <h3>${w.addFindings}</h3>
  <label>${w.findingIds} <input name="findingIds" required></label>
  <button type="submit">${w.addFindings}</button>
</form>
<form method="post" action="/cases/${c.id}/referrals" class="card">${csrfField(p)}
  <h3>${w.referral}</h3>
  <label>${w.agency} <select name="agency">${Agency.options.map((a) => html`<option value="${a}">${w.agencyNames[a] ?? a}</option>`)}</select></label>
  <label>${w.officer} <input name="officer" maxlength="200"></label>
  <label>${w.note} <input name="note" maxlength="4000"></label>
  <button type="submit">${w.record}</button>
</form>
<form method="post" action="/cases/${c.id}/takedowns" class="card">${csrfField(p)}
  <h3>${w.takedown}</h3>
  <label>${w.channel} <input name="channel" required maxlength="200" placeholder="Shopee IP portal"></label>
  <label>${w.sentAt} <input type="date" name="sentAt" required value="${today}"></label>
  <label>${w.reference} <input name="reference" maxlength="200"></label>
  <button type="submit">${w.record}</button>
</form>
</div>`
  : ''}
<h2>${w.referral}</h2>
${c.referrals.length
  ? html`<ul>${c.referrals.map((r) => html`<li>${w.agencyNames[r.agency] ?? r.agency}${r.officer ? html` · ${r.officer}` : ''}${r.note ? html` · ${r.note}` : ''} <small>${r.actor ?? ''} ${when(r.at)}</small></li>`)}</ul>`
  : html`<p>${w.none}</p>`}
<h2>${w.takedown}</h2>
${c.takedowns.length
  ? html`<ul>${c.takedowns.map((x) => html`<li>${x.channel} · ${x.sentAt}${x.reference ? html` · ${x.reference}` : ''} <small>${x.actor ?? ''} ${when(x.at)}</small></li>`)}</ul>`
  : html`<p>${w.none}</p>`}
<h2>${w.recheck}</h2>
${c.rechecks.length
  ? html`<table class="list"><thead><tr><th>${w.at}</th><th>#</th><th>${w.status}</th></tr></thead><tbody>${c.rechecks.map(
      (r) => html`<tr><td>${when(r.at)}</td><td><a href="/findings/${r.findingId}">#${r.findingId}</a></td><td>${w.outcomeNames[r.outcome] ?? r.outcome}${r.relistedAs ? html` → ${r.relistedAs}` : ''}</td></tr>`,
    )}</tbody></table>`
  : html`<p>${w.none}</p>`}`;
  return layout(p, `${w.caseWord} #${c.id}: ${c.title}`, body);
}
