// The queue: pending candidates (or another status) sorted by score or date, filtered by category,
// language, source, month and kind; one page of rows, each a link to the candidate.
import type { QueueFacets, QueueRow, TaskStatus } from '../../../storage/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { langName, nameOf, QUEUE_ORDERS, statusName } from '../review-wording.ts';
import { type Flash, layout, type PageContext } from './page-layout.ts';

export interface QueueQuery {
  readonly status: TaskStatus;
  readonly sort: (typeof QUEUE_ORDERS)[number];
  readonly category?: string;
  readonly lang?: string;
  readonly source?: string;
  readonly month?: string;
  readonly kind?: 'news' | 'court';
  readonly page: number;
}

export const STATUSES: readonly TaskStatus[] = ['pending', 'deferred', 'confirmed', 'duplicate', 'rejected'];
/** The queue table's columns (queue.columns.<column>); "decided" shows for decided statuses only. */
export const QUEUE_COLUMNS = [
  'score',
  'category',
  'title',
  'lang',
  'sources',
  'date',
  'kind',
  'decided',
] as const;

export function queueHref(q: QueueQuery, changes: Partial<QueueQuery> = {}): string {
  const merged = { ...q, ...changes };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'status' && v === 'pending'))
      continue;
    if (k === 'sort' && v === 'score') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/queue?${s}` : '/queue';
}

function select(
  name: string,
  label: string,
  current: string | undefined,
  options: readonly (readonly [string, string])[],
): SafeHtml {
  return html`<label>${label} <select name="${name}">
    ${options.map(([v, text]) => html`<option value="${v}"${v === (current ?? '') ? html` selected` : ''}>${text}</option>`)}
  </select></label>`;
}

export function queuePage(
  ctx: PageContext,
  q: QueueQuery,
  facets: QueueFacets,
  data: { rows: readonly QueueRow[]; total: number },
  pageSize: number,
  flash: readonly Flash[] = [],
): string {
  const t = ctx.text;
  const any = ['', t.t('queue.any')] as const;
  const filters = html`<form method="get" action="/queue" class="filters" id="filters">
    ${select(
      'status',
      t.t('queue.filters.status'),
      q.status,
      STATUSES.map((s) => [s, statusName(t, s)] as const),
    )}
    ${select(
      'sort',
      t.t('queue.filters.sort'),
      q.sort,
      QUEUE_ORDERS.map((o) => [o, t.t(`queue.sortBy.${o}`)] as const),
    )}
    ${select('category', t.t('queue.filters.category'), q.category, [any, ...facets.categories.map((c) => [c, t.category(c)] as const)])}
    ${select('lang', t.t('queue.filters.lang'), q.lang, [any, ...facets.langs.map((l) => [l, langName(t, l)] as const)])}
    ${select('source', t.t('queue.filters.source'), q.source, [any, ...facets.sources.map((s) => [s, s] as const)])}
    ${select('month', t.t('queue.filters.month'), q.month, [any, ...facets.months.map((m) => [m, t.date(m)] as const)])}
    ${select('kind', t.t('queue.filters.kind'), q.kind, [any, ['news', nameOf(t, 'common.kind', 'news')], ['court', nameOf(t, 'common.kind', 'court')]])}
    <button type="submit">${t.t('queue.filter')}</button>
    <a href="/queue">${t.t('queue.clear')}</a>
  </form>`;
  const first = (q.page - 1) * pageSize;
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const rows = data.rows.map((r) => {
    const date = t.date(r.publishedAt ?? r.month);
    const sources = [...new Set(r.sources.map((s) => s.sourceId))];
    const langs = [...new Set(r.sources.map((s) => s.lang).filter(Boolean))];
    const addedBy = r.sources.find((s) => s.addedBy)?.addedBy;
    return html`<tr class="queue-row" data-href="/candidates/${r.id}">
      <td class="num">${r.score.toFixed(2)}</td>
      <td>${t.category(r.topCategory)}</td>
      <td>${r.title ? html`<a href="/candidates/${r.id}" class="open" translate="no">${r.title}</a>` : html`<a href="/candidates/${r.id}" class="open">${t.t('common.noTitle')}</a>`}${r.sources.length > 1 ? html` <span class="badge" title="${t.t('queue.clusterTitle')}">${t.n('queue.reports', r.sources.length)}</span>` : ''}${addedBy ? html` <span class="badge added">${t.t('queue.added')}</span>` : ''}</td>
      <td>${langs.map((l) => langName(t, l)).join(', ')}</td>
      <td translate="no">${sources.join(', ')}</td>
      <td>${date}</td>
      <td>${nameOf(t, 'common.kind', r.kind)}</td>
      ${q.status === 'pending' ? '' : html`<td><span translate="no">${r.decidedBy ?? ''}</span>${r.entryId ? html` → <a href="/entries/${encodeURIComponent(r.entryId)}" translate="no">${r.entryId}</a>` : ''}</td>`}
    </tr>`;
  });
  const col = (key: string) => html`<th>${t.t(`queue.columns.${key}`)}</th>`;
  const body = html`<h1>${t.t('queue.heading', { status: statusName(t, q.status) })} <small>(${data.total})</small></h1>
    ${filters}
    ${
      data.rows.length === 0
        ? html`<p class="empty">${t.t('queue.empty')}</p>`
        : html`<table class="queue" id="queue">
      <thead><tr>${QUEUE_COLUMNS.filter((c) => c !== 'decided' || q.status !== 'pending').map(col)}</tr></thead>
      <tbody>${rows}</tbody>
    </table>`
    }
    <p class="pager">
      ${q.page > 1 ? html`<a href="${queueHref(q, { page: q.page - 1 })}" rel="prev">${t.t('queue.previous')}</a>` : ''}
      <span>${t.t('queue.range', { from: data.total === 0 ? 0 : first + 1, to: first + data.rows.length, total: data.total, page: q.page, pages })}</span>
      ${q.page < pages ? html`<a href="${queueHref(q, { page: q.page + 1 })}" rel="next">${t.t('queue.next')}</a>` : ''}
    </p>`;
  return layout(ctx, t.t('queue.title'), body, flash);
}
