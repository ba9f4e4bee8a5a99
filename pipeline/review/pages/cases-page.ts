// The list of cases: the open ones and every case that changed in the month, with what changed — entries
// filed under the month (and what they are in the case), the court portal's events, editors' changes.
import type { CaseOfMonth, CaseScope } from '../../cases/load-case.ts';
import { html } from '../html.ts';
import { monthLabel } from './case-month.ts';
import { type Flash, layout, type PageContext } from './page-layout.ts';

export interface CasesQuery {
  readonly month: string;
  readonly scope: CaseScope;
}

export function casesPage(
  ctx: PageContext,
  q: CasesQuery,
  cases: readonly CaseOfMonth[],
  flash: readonly Flash[] = [],
): string {
  const t = ctx.text;
  const month = monthLabel(t, q.month);
  const changed = cases.filter((c) => c.changed).length;
  const rows = cases.map((c) => {
    const k = c.legalCase;
    const what = [
      k.firstMonth === q.month ? t.t('cases.list.newCase') : '',
      c.entries.length
        ? t.n('cases.list.entries', c.entries.length, {
            events: c.entries.map((e) => t.t(`cases.event.${e.event}`)).join(', '),
          })
        : '',
      c.portalEvents.length
        ? t.t('cases.list.portal', {
            events: c.portalEvents.map((p) => `${t.date(p.date)} ${p.text}`).join('; '),
          })
        : '',
      c.actions.length
        ? t.t('cases.list.actions', {
            actions: c.actions.map((a) => `${t.t(`cases.action.${a.action}`)} (${a.actor})`).join(', '),
          })
        : '',
    ].filter(Boolean);
    return html`<tr class="case-row${c.changed ? ' changed' : ''}" data-case="${k.id}">
      <td><a href="/cases/${encodeURIComponent(k.id)}" class="open">${k.title}</a><br><small class="muted">${k.id}</small></td>
      <td><span class="case-status status-${k.status}">${t.t(`cases.status.${k.status}`)}</span></td>
      <td>${k.caseNumbers.join(', ')}</td>
      <td>${k.firstMonth ? monthLabel(t, k.firstMonth) : ''}${k.lastMonth && k.lastMonth !== k.firstMonth ? html` – ${monthLabel(t, k.lastMonth)}` : ''}</td>
      <td class="case-changes">${what.length ? what.join(' · ') : html`<span class="muted">${t.t('cases.list.unchanged')}</span>`}</td>
    </tr>`;
  });
  const body = html`<h1>${t.t('cases.list.heading', { month })}</h1>
    <p class="muted">${t.t('cases.list.intro')}</p>
    <form method="get" action="/cases" class="filters" id="case-filters">
      <label>${t.t('cases.list.month')} <input type="month" name="month" value="${q.month}"></label>
      <label>${t.t('cases.list.scope')}
        <select name="scope">
          <option value="open"${q.scope === 'open' ? html` selected` : ''}>${t.t('cases.list.scopeOpen')}</option>
          <option value="all"${q.scope === 'all' ? html` selected` : ''}>${t.t('cases.list.scopeAll')}</option>
        </select>
      </label>
      <button type="submit">${t.t('cases.list.apply')}</button>
    </form>
    <p>${t.n('cases.list.count', cases.length)} · ${t.n('cases.list.changedCount', changed, { month })}</p>
    ${
      cases.length === 0
        ? html`<p class="empty">${t.t('cases.list.empty')}</p>`
        : html`<table class="cases" id="cases"><thead><tr>
          <th>${t.t('cases.list.col.case')}</th><th>${t.t('cases.list.col.status')}</th>
          <th>${t.t('cases.list.col.numbers')}</th><th>${t.t('cases.list.col.months')}</th>
          <th>${t.t('cases.list.col.changed', { month })}</th></tr></thead>
          <tbody>${rows}</tbody></table>`
    }`;
  return layout(ctx, t.t('cases.title'), body, flash);
}
