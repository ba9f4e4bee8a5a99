// Confirmed entries per month, and one entry with its sources and log; editors can change it.
import type { ReviewLogEntry, StoredEntry, User } from '../../../storage/index.ts';
import { formFromEntry } from '../entry-draft.ts';
import { html, safeHref } from '../html.ts';
import { categoryLabel } from './category-label.ts';
import { entryFields } from './entry-fields.ts';
import { csrfField, type Flash, layout, type PageContext } from './page-layout.ts';

export function entriesPage(
  ctx: PageContext,
  month: string | null,
  months: readonly { month: string; count: number }[],
  entries: readonly StoredEntry[],
): string {
  const body = html`<h1>Confirmed entries${month ? html` · ${month}` : ''}</h1>
    <p class="months">${months.map(
      (m) =>
        html`<a href="/entries?month=${m.month}"${m.month === month ? html` class="current"` : ''}>${m.month} (${m.count})</a> `,
    )}</p>
    ${
      entries.length === 0
        ? html`<p class="empty">No entries${month ? ' this month' : ''}.</p>`
        : html`<table class="entries" id="entries"><thead><tr><th>Id</th><th>Category</th><th>Date</th><th>Stage</th><th>Claimed ₸</th><th>Summary</th><th>Sources</th></tr></thead><tbody>
      ${entries.map(
        (e) => html`<tr>
          <td><a href="/entries/${encodeURIComponent(e.id)}">${e.id}</a></td>
          <td>${categoryLabel(e.category)}</td><td>${e.eventDate ?? ''}</td><td>${e.stage}</td>
          <td class="num">${e.claimedAmountKzt ?? ''}</td><td>${e.summary.slice(0, 160)}</td><td class="num">${e.sources.length}</td>
        </tr>`,
      )}</tbody></table>`
    }`;
  return layout(ctx, 'Entries', body);
}

export function entryPage(
  ctx: PageContext & { user: User },
  entry: StoredEntry,
  log: readonly ReviewLogEntry[],
  flash: readonly Flash[] = [],
  formValues?: Record<string, string>,
): string {
  const editor = ctx.user.role === 'editor';
  const form = { ...formFromEntry(entry), ...(formValues ?? {}) };
  const body = html`<p class="crumbs"><a href="/entries?month=${entry.month}">← entries of ${entry.month}</a>
      ${entry.reviewTaskId !== null ? html` · <a href="/candidates/${entry.reviewTaskId}">candidate ${entry.reviewTaskId}</a>` : ''}
      ${entry.caseId ? html` · <a href="/cases/${encodeURIComponent(entry.caseId)}" id="entry-case">${ctx.text.t('cases.page.heading', { id: entry.caseId })}</a>` : ''}</p>
    <h1>Entry ${entry.id}</h1>
    <p class="meta">${categoryLabel(entry.category)} · block ${entry.block} · version ${entry.version} · ${entry.origin}</p>
    <h2>Sources (${entry.sources.length})</h2>
    <ol>${entry.sources.map((s) => {
      const href = safeHref(s);
      return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${s}</a>` : s}</li>`;
    })}</ol>
    <form method="post" action="/entries/${encodeURIComponent(entry.id)}" id="entry-form">
      ${csrfField(ctx.csrf)}<input type="hidden" name="_version" value="${entry.version}">
      ${entryFields(form, { idPrefix: 'entry', disabled: !editor })}
      ${
        editor
          ? html`<label for="entry-sources">Sources, one URL a line</label>
        <textarea id="entry-sources" name="sources" rows="4">${formValues?.sources ?? entry.sources.join('\n')}</textarea>
        <button type="submit" class="primary">Save entry</button>`
          : html`<p class="muted">Only editors can change confirmed entries.</p>`
      }
    </form>
    <h2>Log</h2>
    <table class="log-table"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th></tr></thead><tbody>
    ${log.map((l) => html`<tr><td>${l.at.replace('T', ' ').slice(0, 19)}</td><td>${l.actor}</td><td>${l.action}</td></tr>`)}
    </tbody></table>`;
  return layout(ctx, `Entry ${entry.id}`, body, flash);
}
