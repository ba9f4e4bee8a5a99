// Confirmed entries per month, and one entry with its sources and log; editors can change it.
import type { ReviewLogEntry, StoredEntry, User } from '../../../storage/index.ts';
import { formFromEntry } from '../entry-draft.ts';
import { html, safeHref } from '../html.ts';
import { actionName, nameOf } from '../review-wording.ts';
import { entryFields } from './entry-fields.ts';
import { csrfField, type Flash, layout, type PageContext } from './page-layout.ts';

/** The entries table's columns (entries.columns.<column>). */
export const ENTRIES_COLUMNS = ['id', 'category', 'date', 'stage', 'claimed', 'summary', 'sources'] as const;

export function entriesPage(
  ctx: PageContext,
  month: string | null,
  months: readonly { month: string; count: number }[],
  entries: readonly StoredEntry[],
): string {
  const t = ctx.text;
  const col = (key: string) => html`<th>${t.t(`entries.columns.${key}`)}</th>`;
  const body = html`<h1>${t.t('entries.heading')}${month ? html` · ${t.date(month)}` : ''}</h1>
    <p class="months">${months.map(
      (m) =>
        html`<a href="/entries?month=${m.month}"${m.month === month ? html` class="current"` : ''}>${t.date(m.month)} (${m.count})</a> `,
    )}</p>
    ${
      entries.length === 0
        ? html`<p class="empty">${month ? t.t('entries.emptyMonth') : t.t('entries.empty')}</p>`
        : html`<table class="entries" id="entries"><thead><tr>${ENTRIES_COLUMNS.map(col)}</tr></thead><tbody>
      ${entries.map(
        (e) => html`<tr>
          <td><a href="/entries/${encodeURIComponent(e.id)}" translate="no">${e.id}</a></td>
          <td>${t.category(e.category)}</td><td>${e.eventDate ? t.date(e.eventDate) : ''}</td><td>${nameOf(t, 'entry.stages', e.stage)}</td>
          <td class="num">${e.claimedAmountKzt ?? ''}</td><td translate="no">${e.summary.slice(0, 160)}</td><td class="num">${e.sources.length}</td>
        </tr>`,
      )}</tbody></table>`
    }`;
  return layout(ctx, t.t('entries.title'), body);
}

export function entryPage(
  ctx: PageContext & { user: User },
  entry: StoredEntry,
  log: readonly ReviewLogEntry[],
  flash: readonly Flash[] = [],
  formValues?: Record<string, string>,
): string {
  const t = ctx.text;
  const editor = ctx.user.role === 'editor';
  const form = { ...formFromEntry(entry), ...(formValues ?? {}) };
  const body = html`<p class="crumbs"><a href="/entries?month=${entry.month}">${t.t('entry.backToMonth', { month: t.date(entry.month) })}</a>
      ${entry.reviewTaskId !== null ? html` · <a href="/candidates/${entry.reviewTaskId}">${t.t('entry.candidate', { id: entry.reviewTaskId })}</a>` : ''}
      ${entry.caseId ? html` · <a href="/cases/${encodeURIComponent(entry.caseId)}" id="entry-case">${t.t('cases.page.heading', { id: entry.caseId })}</a>` : ''}</p>
    <h1>${t.t('entry.heading')} <span translate="no">${entry.id}</span></h1>
    <p class="meta">${t.category(entry.category)} · ${t.t('entry.block', { block: entry.block })} · ${t.t('entry.version', { version: entry.version })} · ${nameOf(t, 'common.origin', entry.origin)}</p>
    <h2>${t.t('entry.sources', { n: entry.sources.length })}</h2>
    <ol translate="no">${entry.sources.map((s) => {
      const href = safeHref(s);
      return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${s}</a>` : s}</li>`;
    })}</ol>
    <form method="post" action="/entries/${encodeURIComponent(entry.id)}" id="entry-form">
      ${csrfField(ctx.csrf)}<input type="hidden" name="_version" value="${entry.version}">
      ${entryFields(form, { idPrefix: 'entry', disabled: !editor, text: t })}
      ${
        editor
          ? html`<label for="entry-sources">${t.t('entry.sourcesField')}</label>
        <textarea id="entry-sources" name="sources" rows="4" translate="no">${formValues?.sources ?? entry.sources.join('\n')}</textarea>
        <button type="submit" class="primary">${t.t('entry.save')}</button>`
          : html`<p class="muted">${t.t('entry.editorsOnly')}</p>`
      }
    </form>
    <h2>${t.t('entry.log.heading')}</h2>
    <table class="log-table"><thead><tr><th>${t.t('candidate.log.when')}</th><th>${t.t('candidate.log.who')}</th><th>${t.t('candidate.log.action')}</th></tr></thead><tbody>
    ${log.map((l) => html`<tr><td>${t.dateTime(l.at)}</td><td>${l.actor === 'pipeline' ? t.t('candidate.log.pipeline') : html`<span translate="no">${l.actor}</span>`}</td><td>${actionName(t, l.action)}</td></tr>`)}
    </tbody></table>`;
  return layout(ctx, t.t('entry.title', { id: entry.id }), body, flash);
}
