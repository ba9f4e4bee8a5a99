// The queue: pending candidates (or another status) sorted by score or date, filtered by category,
// language, source, month and kind; one page of rows, each a link to the candidate.
import type { QueueFacets, QueueRow, TaskStatus } from '../../../storage/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { categoryLabel } from './category-label.ts';
import { type Flash, layout, type PageContext } from './page-layout.ts';

export interface QueueQuery {
  readonly status: TaskStatus;
  readonly sort: 'score' | 'date';
  readonly category?: string;
  readonly lang?: string;
  readonly source?: string;
  readonly month?: string;
  readonly kind?: 'news' | 'court';
  readonly page: number;
}

export const STATUSES: readonly TaskStatus[] = ['pending', 'deferred', 'confirmed', 'duplicate', 'rejected'];

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
  const any = ['', 'any'] as const;
  const filters = html`<form method="get" action="/queue" class="filters" id="filters">
    ${select(
      'status',
      'Status',
      q.status,
      STATUSES.map((s) => [s, s] as const),
    )}
    ${select('sort', 'Sort', q.sort, [
      ['score', 'by score'],
      ['date', 'by date'],
    ])}
    ${select('category', 'Category', q.category, [any, ...facets.categories.map((c) => [c, categoryLabel(c)] as const)])}
    ${select('lang', 'Language', q.lang, [any, ...facets.langs.map((l) => [l, l] as const)])}
    ${select('source', 'Source', q.source, [any, ...facets.sources.map((s) => [s, s] as const)])}
    ${select('month', 'Month', q.month, [any, ...facets.months.map((m) => [m, m] as const)])}
    ${select('kind', 'Kind', q.kind, [any, ['news', 'news'], ['court', 'court']])}
    <button type="submit">Filter</button>
    <a href="/queue">Clear</a>
  </form>`;
  const first = (q.page - 1) * pageSize;
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const rows = data.rows.map((r) => {
    const date = r.publishedAt?.slice(0, 10) ?? r.month ?? '';
    const sources = [...new Set(r.sources.map((s) => s.sourceId))];
    const langs = [...new Set(r.sources.map((s) => s.lang).filter(Boolean))];
    return html`<tr class="queue-row" data-href="/candidates/${r.id}">
      <td class="num">${r.score.toFixed(2)}</td>
      <td>${categoryLabel(r.topCategory)}</td>
      <td><a href="/candidates/${r.id}" class="open">${r.title || '(no title)'}</a>${r.sources.length > 1 ? html` <span class="badge" title="reports clustered into this candidate">${r.sources.length} reports</span>` : ''}</td>
      <td>${langs.join(', ')}</td>
      <td>${sources.join(', ')}</td>
      <td>${date}</td>
      <td>${r.kind}</td>
      ${q.status === 'pending' ? '' : html`<td>${r.decidedBy ?? ''}${r.entryId ? html` → <a href="/entries/${encodeURIComponent(r.entryId)}">${r.entryId}</a>` : ''}</td>`}
    </tr>`;
  });
  const body = html`<h1>Candidates: ${q.status} <small>(${data.total})</small></h1>
    ${filters}
    ${
      data.rows.length === 0
        ? html`<p class="empty">No candidates match these filters.</p>`
        : html`<table class="queue" id="queue">
      <thead><tr><th>Score</th><th>Category</th><th>Title</th><th>Lang</th><th>Sources</th><th>Date</th><th>Kind</th>${q.status === 'pending' ? '' : html`<th>Decided</th>`}</tr></thead>
      <tbody>${rows}</tbody>
    </table>`
    }
    <p class="pager">
      ${q.page > 1 ? html`<a href="${queueHref(q, { page: q.page - 1 })}" rel="prev">← previous</a>` : ''}
      <span>${data.total === 0 ? 0 : first + 1}–${first + data.rows.length} of ${data.total} · page ${q.page} of ${pages}</span>
      ${q.page < pages ? html`<a href="${queueHref(q, { page: q.page + 1 })}" rel="next">next →</a>` : ''}
    </p>`;
  return layout(ctx, 'Queue', body, flash);
}
