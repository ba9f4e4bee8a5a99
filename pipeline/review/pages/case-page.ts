// One case: its facts and status, the timeline (its entries and the court portal's events by date, each
// entry with what it is in the case, whether it was counted or narrated as an update, and the status it
// left), its entries, its sources and its log; editors correct it here.
import { CASE_EVENTS, CASE_STATUSES } from '../../../core/index.ts';
import type { User } from '../../../storage/index.ts';
import type { CaseView } from '../../cases/load-case.ts';
import { html, type SafeHtml, safeHref } from '../html.ts';
import { monthLabel } from './case-month.ts';
import { csrfField, type Flash, layout, type PageContext } from './page-layout.ts';

const link = (url: string) => {
  const href = safeHref(url);
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>`
    : html`<span class="bad-url">${url}</span>`;
};

const money = (ctx: PageContext, n: number | null) =>
  n === null
    ? ctx.text.t('cases.page.unknown')
    : ctx.text.t('cases.page.tenge', { amount: new Intl.NumberFormat('ru-RU').format(n) });

export function casePage(
  ctx: PageContext & { user: User },
  v: CaseView,
  flash: readonly Flash[] = [],
  formValues?: Record<string, string>,
): string {
  const t = ctx.text;
  const k = v.legalCase;
  const editor = ctx.user.role === 'editor';
  const id = encodeURIComponent(k.id);
  const version = html`<input type="hidden" name="_version" value="${k.version}">`;
  const statusText = t.t(`cases.status.${k.status}`);
  // The opener's name sits inside the sentence but is not wording: it is marked so (translate="no").
  const [beforeWho = '', afterWho = ''] = t
    .t('cases.page.meta', {
      category: t.category(k.category),
      version: k.version,
      who: '\u0000',
      date: t.date(k.createdAt),
    })
    .split('\u0000');
  const metaLine = html`${beforeWho}<span translate="no">${k.createdBy}</span>${afterWho}`;
  const fact = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`;

  const timeline = v.timeline.map((r) => {
    if (r.kind === 'portal') {
      return html`<li class="tl-portal${r.unrecorded ? ' tl-unrecorded' : ''}" data-date="${r.date}">
        <time datetime="${r.date}">${t.date(r.date)}</time>
        <span class="tl-kind">${t.t('cases.page.portalEvent')}</span> ${r.text}
        <small class="muted">${t.t('cases.page.item', { id: r.item.id })}</small>
        ${r.unrecorded ? html`<br><strong class="tl-note">${t.t('cases.page.unrecorded')}</strong>` : ''}
      </li>`;
    }
    const e = r.entry;
    // A decision in a case counted earlier still counts as a judicial act of its month (the digest's rule).
    const counting = e.ongoing
      ? e.stage === 'judicial_act'
        ? t.t('cases.page.act', { month: monthLabel(t, e.month) })
        : t.t('cases.page.update')
      : t.t('cases.page.counted', { month: monthLabel(t, e.month) });
    return html`<li class="tl-entry tl-${r.event}" data-entry="${e.id}" data-date="${r.date}">
      <time datetime="${r.date}">${t.date(r.date)}</time>
      <span class="tl-kind">${t.t(`cases.event.${r.event}`)}</span>${r.eventSet ? html` <small>${t.t('cases.page.eventChosen')}</small>` : ''}
      <span class="tl-status">${t.t('cases.page.statusAfter', { status: t.t(`cases.status.${r.statusAfter}`) })}</span>
      <br><a href="/entries/${encodeURIComponent(e.id)}">${e.id}</a> · <span translate="no">${e.summary.slice(0, 240)}</span>
      ${e.claimedAmountKzt !== null ? html` · ${t.t('cases.page.claimed')}: ${money(ctx, e.claimedAmountKzt)}` : ''}
      ${e.awardedAmountKzt !== null ? html` · ${t.t('cases.page.awarded')}: ${money(ctx, e.awardedAmountKzt)}` : ''}
      <br><small class="tl-counting">${counting}</small>
    </li>`;
  });

  const entries = html`<table class="case-entries" id="case-entries"><thead><tr>
      <th>${t.t('cases.page.entryCol.id')}</th><th>${t.t('cases.page.entryCol.month')}</th>
      <th>${t.t('cases.page.entryCol.event')}</th><th>${t.t('cases.page.entryCol.category')}</th>
      <th>${t.t('cases.page.entryCol.summary')}</th></tr></thead><tbody>
      ${v.timeline.flatMap((r) =>
        r.kind === 'entry'
          ? [
              html`<tr><td><a href="/entries/${encodeURIComponent(r.entry.id)}">${r.entry.id}</a></td><td>${r.entry.month}</td>
              <td>${t.t(`cases.event.${r.event}`)}</td><td>${t.category(r.entry.category)}</td><td translate="no">${r.entry.summary.slice(0, 160)}</td></tr>`,
            ]
          : [],
      )}</tbody></table>`;

  const sources = html`<ol class="case-sources" id="case-sources">${v.sources.map((s) => {
    const item = v.items.find((i) => (i.item.canonicalUrl || i.item.url) === s.url);
    return html`<li>${link(s.url)}${s.entryIds.length ? html` <small>${t.t('cases.page.sourceOf', { entries: s.entryIds.join(', ') })}</small>` : ''}${
      item
        ? html` <small>${t.t('cases.page.joinedItem', { how: t.has(`cases.page.joinedBy.${item.matchedBy}`) ? t.t(`cases.page.joinedBy.${item.matchedBy}`) : item.matchedBy })}</small>`
        : ''
    }</li>`;
  })}</ol>`;

  const f = formValues ?? {};
  const val = (name: string, fallback: string) => f[name] ?? fallback;
  const entryOptions = v.entries.map(
    (e) => html`<option value="${e.id}" translate="no">${e.id} · ${e.summary.slice(0, 60)}</option>`,
  );
  const editing = editor
    ? html`<section class="case-edit" id="case-edit">
      <form method="post" action="/cases/${id}/edit" id="case-edit-form" class="decision">
        <h2>${t.t('cases.edit.heading')}</h2>${csrfField(ctx.csrf)}${version}
        <div class="fields">
          <label for="case-title">${t.t('cases.edit.title')}</label><input id="case-title" name="title" value="${val('title', k.title)}" required>
          <label for="case-claimants">${t.t('cases.edit.claimants')}</label><input id="case-claimants" name="claimants" value="${val('claimants', k.claimants.join('; '))}">
          <label for="case-defendants">${t.t('cases.edit.defendants')}</label><input id="case-defendants" name="defendants" value="${val('defendants', k.defendants.join('; '))}">
          <label for="case-court">${t.t('cases.edit.court')}</label><input id="case-court" name="court" value="${val('court', k.court ?? '')}">
          <label for="case-region">${t.t('cases.edit.region')}</label><input id="case-region" name="region" value="${val('region', k.region ?? '')}">
          <label for="case-articles">${t.t('cases.edit.articles')}</label><input id="case-articles" name="lawArticles" value="${val('lawArticles', k.lawArticles.join('; '))}">
          <label for="case-numbers">${t.t('cases.edit.numbers')}</label><input id="case-numbers" name="caseNumbers" value="${val('caseNumbers', k.caseNumbers.join('; '))}">
        </div>
        <button type="submit" class="primary">${t.t('cases.edit.save')}</button>
      </form>
      <form method="post" action="/cases/${id}/status" id="case-status-form" class="decision">
        <h2>${t.t('cases.edit.statusHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <div class="fields">
          <label for="case-status">${t.t('cases.edit.status')}</label>
          <select id="case-status" name="status">
            <option value="derived"${k.statusOverride === null ? html` selected` : ''}>${t.t('cases.edit.derived', { status: t.t(`cases.status.${k.derivedStatus}`) })}</option>
            ${CASE_STATUSES.map((s) => html`<option value="${s}"${k.statusOverride === s ? html` selected` : ''}>${t.t(`cases.status.${s}`)}</option>`)}
          </select>
          <label for="case-status-note">${t.t('cases.edit.note')}</label><input id="case-status-note" name="note" value="${k.statusNote ?? ''}">
        </div>
        <button type="submit">${t.t('cases.edit.setStatus')}</button>
      </form>
      ${
        v.entries.length > 0
          ? html`<form method="post" action="/cases/${id}/event" id="case-event-form" class="decision">
        <h2>${t.t('cases.edit.eventHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <div class="fields">
          <label for="case-event-entry">${t.t('cases.edit.entry')}</label><select id="case-event-entry" name="entryId">${entryOptions}</select>
          <label for="case-event">${t.t('cases.edit.event')}</label>
          <select id="case-event" name="event"><option value="">${t.t('cases.edit.auto')}</option>${CASE_EVENTS.map((e) => html`<option value="${e}">${t.t(`cases.event.${e}`)}</option>`)}</select>
        </div>
        <button type="submit">${t.t('cases.edit.setEvent')}</button>
      </form>
      <form method="post" action="/cases/${id}/detach" id="case-detach-form" class="decision">
        <h2>${t.t('cases.edit.detachHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <select name="entryId" aria-label="${t.t('cases.edit.entry')}">${entryOptions}</select>
        <button type="submit">${t.t('cases.edit.detach')}</button>
      </form>`
          : ''
      }
      <form method="post" action="/cases/${id}/attach" id="case-attach-form" class="decision">
        <h2>${t.t('cases.edit.attachHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <label for="case-attach-entry">${t.t('cases.edit.attachEntry')}</label> <input id="case-attach-entry" name="entryId" required>
        <button type="submit">${t.t('cases.edit.attach')}</button>
      </form>
      ${
        v.entries.length > 1
          ? html`<form method="post" action="/cases/${id}/split" id="case-split-form" class="decision">
        <h2>${t.t('cases.edit.splitHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <p>${t.t('cases.edit.splitIntro')}</p>
        ${v.entries.map((e) => html`<label class="check"><input type="checkbox" name="entry" value="${e.id}"> ${e.id}</label>`)}
        <button type="submit">${t.t('cases.edit.split')}</button>
      </form>`
          : ''
      }
      <form method="post" action="/cases/${id}/merge" id="case-merge-form" class="decision">
        <h2>${t.t('cases.edit.mergeHeading')}</h2>${csrfField(ctx.csrf)}${version}
        <label for="case-merge-into">${t.t('cases.edit.mergeInto')}</label> <input id="case-merge-into" name="into" required>
        <button type="submit">${t.t('cases.edit.merge')}</button>
      </form>
    </section>`
    : html`<p class="muted">${t.t('cases.page.editorsOnly')}</p>`;

  const body = html`<p class="crumbs"><a href="/cases">${t.t('cases.page.back')}</a></p>
    ${v.requestedId !== k.id ? html`<p class="flash flash-ok">${t.t('cases.page.redirected', { from: v.requestedId })}</p>` : ''}
    <article class="case" data-case="${k.id}">
      <h1 translate="no">${k.title}</h1>
      <p class="meta">${t.t('cases.page.heading', { id: k.id })} · ${metaLine}</p>
      <p class="case-status-line" id="case-status-line"><span class="case-status status-${k.status}">${t.t('cases.page.statusLine', { status: statusText })}</span>${
        k.statusOverride
          ? html` <small>${t.t('cases.page.statusSet', { note: k.statusNote ?? '—', derived: t.t(`cases.status.${k.derivedStatus}`) })}</small>`
          : ''
      }</p>
      <div class="columns">
        <div class="col-text">
          <dl class="case-facts">
            ${fact(t.t('cases.page.claimants'), k.claimants.join('; ') || t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.defendants'), k.defendants.join('; ') || t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.court'), k.court ?? t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.region'), k.region ?? t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.numbers'), k.caseNumbers.join(', ') || t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.articles'), k.lawArticles.join(', ') || t.t('cases.page.unknown'))}
            ${fact(t.t('cases.page.claimed'), money(ctx, k.claimedAmountKzt))}
            ${fact(t.t('cases.page.awarded'), money(ctx, k.awardedAmountKzt))}
            ${fact(t.t('cases.page.honour'), k.honorDignity ? t.t('cases.page.yes') : t.t('cases.page.no'))}
          </dl>
          <h2>${t.t('cases.page.timeline')}</h2>
          ${v.timeline.length ? html`<ol class="timeline" id="timeline">${timeline}</ol>` : html`<p class="empty">${t.t('cases.page.timelineEmpty')}</p>`}
          <h2>${t.t('cases.page.entries')} (${v.entries.length})</h2>
          ${entries}
          <h2>${t.t('cases.page.sources')} (${v.sources.length})</h2>
          ${sources}
        </div>
        <div class="col-side">${editing}</div>
      </div>
      <section class="log">
        <h2>${t.t('cases.page.log')}</h2>
        <table class="log-table" id="case-log"><thead><tr><th>${t.t('cases.page.logCol.when')}</th><th>${t.t('cases.page.logCol.who')}</th><th>${t.t('cases.page.logCol.action')}</th></tr></thead><tbody>
        ${v.log.map((l) => html`<tr><td>${l.at.replace('T', ' ').slice(0, 19)}</td><td translate="no">${l.actor}</td><td>${t.has(`cases.action.${l.action}`) ? t.t(`cases.action.${l.action}`) : l.action}${l.entryId ? html` · <a href="/entries/${encodeURIComponent(l.entryId)}">${l.entryId}</a>` : ''}</td></tr>`)}
        </tbody></table>
      </section>
    </article>`;
  return layout(ctx, k.title, body, flash);
}
