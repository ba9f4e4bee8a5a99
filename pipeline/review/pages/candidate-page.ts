// One candidate: its reports (sources, language, dates), the head report's text with the evidence marked,
// the ranked categories, the entry form pre-filled from the facts, the other decisions, and the log.
import type { StoredEntry, User } from '../../../storage/index.ts';
import type { CaseSuggestion } from '../../cases/case-suggestion.ts';
import { highlightEvidence } from '../highlight-evidence.ts';
import { html, type SafeHtml, safeHref } from '../html.ts';
import type { Candidate } from '../load-candidate.ts';
import { actionName, langName, nameOf, statusName } from '../review-wording.ts';
import type { UiText } from '../ui-text.ts';
import { caseFields, caseProposals } from './case-fields.ts';
import { entryFields } from './entry-fields.ts';
import { csrfField, type Flash, layout, type PageContext } from './page-layout.ts';

export interface CandidatePageData {
  readonly candidate: Candidate;
  readonly entry: StoredEntry | null;
  readonly mergeTargets: readonly { id: string; category: string; summary: string }[];
  readonly previous: number | null;
  readonly next: number | null;
  /** Form values to show instead of the suggestion (after a rejected submission). */
  readonly form?: Record<string, string>;
  /** The case it joined and the cases it may update (absent: the page shows no case fields). */
  readonly cases?: CaseSuggestion;
  readonly caseChoice?: { caseId?: string; caseEvent?: string };
}

function sourceLink(url: string): SafeHtml {
  const href = safeHref(url);
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank" translate="no">${url}</a>`
    : html`<span class="bad-url" translate="no">${url}</span>`;
}

// The clustering's explanation is stored in English ("text 0.62", "facts 0.55 (2 names, 1 dates/cases/amounts)");
// the page words the two known forms and shows anything else as recorded.
function whyText(t: UiText, why: string): SafeHtml {
  const text = /^text ([\d.]+)$/.exec(why);
  if (text) return html`${t.t('candidate.why.text', { score: text[1]! })}`;
  const facts = /^facts ([\d.]+) \((\d+) names, (\d+) dates\/cases\/amounts\)$/.exec(why);
  if (facts)
    return html`${t.t('candidate.why.facts', { score: facts[1]!, names: facts[2]!, strong: facts[3]! })}`;
  return html`<span translate="no">${why}</span>`;
}

function describeChange(t: UiText, before: unknown, after: unknown): SafeHtml {
  const pick = (x: unknown, k: string) =>
    x && typeof x === 'object' && k in x ? String((x as Record<string, unknown>)[k] ?? '—') : undefined;
  // Codes get their names; free text (a reason, an entry id) is content.
  const show = (k: string, v: string | undefined): SafeHtml => {
    if (v === undefined || v === '—') return html`—`;
    if (k === 'status') return html`${statusName(t, v)}`;
    if (k === 'topCategory' || k === 'category') return html`${t.category(v)}`;
    return html`<span translate="no">${v}</span>`;
  };
  const parts: SafeHtml[] = [];
  for (const k of ['status', 'topCategory', 'category', 'entryId', 'reason', 'claimedAmountKzt']) {
    const b = pick(before, k);
    const a = pick(after, k);
    if (a !== undefined && b !== a)
      parts.push(html`${t.t(`candidate.change.${k}`)}: ${show(k, b)} → ${show(k, a)}`);
  }
  const sb = (before as { sources?: unknown[] } | null)?.sources?.length;
  const sa = (after as { sources?: unknown[] } | null)?.sources?.length;
  if (sa !== undefined && sb !== sa) parts.push(html`${t.t('candidate.change.sources')}: ${sb ?? 0} → ${sa}`);
  // A cluster join records the report that joined and why.
  const url = pick(after, 'url');
  const why = pick(after, 'why');
  if (url && why && before === null)
    parts.push(
      html`${t.t('candidate.change.joined')}: <span translate="no">${url}</span> (${whyText(t, why)})`,
    );
  return html`${parts.map((p, i) => html`${i > 0 ? '; ' : ''}${p}`)}`;
}

export function canUndo(user: User, decidedBy: string | null): boolean {
  return user.role === 'editor' || decidedBy === user.name;
}

export function candidatePage(
  ctx: PageContext & { user: User },
  d: CandidatePageData,
  flash: readonly Flash[],
): string {
  const t = ctx.text;
  const { task, items, log } = d.candidate;
  const head = items[0];
  const open = task.status === 'pending' || task.status === 'deferred';
  const version = html`<input type="hidden" name="_version" value="${task.version}">`;
  const form = { ...d.candidate.draft, ...(d.form ?? {}) } as typeof d.candidate.draft;
  const ranked = [...(head?.classification?.categories ?? [])].sort((a, b) => b.score - a.score);
  const titleOf = (title: string) =>
    title ? html`<span translate="no">${title}</span>` : html`${t.t('common.noTitle')}`;

  const reports = html`<ol class="reports">${items.map(
    (it, i) => html`<li>
      <strong translate="no">${it.item.sourceId}</strong> · ${langName(t, it.item.lang)} · ${it.item.publishedAt ? t.date(it.item.publishedAt) : t.t('candidate.noDate')}
      ${i > 0 ? html`· ${t.t('candidate.joinedAt', { similarity: it.similarity.toFixed(2) })}` : html`· ${t.t('candidate.firstReport')}`}<br>
      ${sourceLink(it.item.canonicalUrl || it.item.url)}
    </li>`,
  )}</ol>`;

  const texts = items.map(
    (it, i) => html`<details class="report-text"${i === 0 ? html` open` : ''}>
      <summary>${titleOf(it.item.title)} <small>(<span translate="no">${it.item.sourceId}</span>, ${langName(t, it.item.lang)})</small></summary>
      <div class="text" lang="${it.item.lang ?? ''}" translate="no">${highlightEvidence(it.item.text, it.classification?.categories ?? [])}</div>
    </details>`,
  );

  const actions = open
    ? html`<section class="actions">
      <form method="post" action="/candidates/${task.id}/confirm" id="confirm-form" class="decision">
        <h2>${t.t('candidate.confirm.heading')}</h2>
        ${csrfField(ctx.csrf)}${version}
        ${entryFields(form, { idPrefix: 'confirm', text: t })}
        ${d.cases ? caseFields(ctx, d.cases, form.block, d.caseChoice) : ''}
        <button type="submit" class="primary">${t.t('candidate.confirm.button')}</button>
      </form>
      <form method="post" action="/candidates/${task.id}/reject" id="reject-form" class="decision">
        <h2>${t.t('candidate.reject.heading')}</h2>
        ${csrfField(ctx.csrf)}${version}
        <label for="reject-reason">${t.t('candidate.reject.reason')}</label>
        <input id="reject-reason" name="reason" required placeholder="${t.t('candidate.reject.placeholder')}">
        <button type="submit">${t.t('candidate.reject.button')}</button>
      </form>
      <form method="post" action="/candidates/${task.id}/merge" id="merge-form" class="decision">
        <h2>${t.t('candidate.merge.heading')}</h2>
        ${csrfField(ctx.csrf)}${version}
        <label for="merge-entry">${t.t('candidate.merge.entryId')}</label>
        <input id="merge-entry" name="entryId" required list="merge-targets" placeholder="2024-03-r12">
        <datalist id="merge-targets">${d.mergeTargets.map((m) => html`<option value="${m.id}" translate="no">${t.category(m.category)}: ${m.summary.slice(0, 80)}</option>`)}</datalist>
        <button type="submit">${t.t('candidate.merge.button')}</button>
      </form>
      <form method="post" action="/candidates/${task.id}/defer" id="defer-form" class="decision">
        ${csrfField(ctx.csrf)}${version}
        <button type="submit">${t.t('candidate.defer.button')}</button>
      </form>
      ${
        items.length > 1
          ? html`<form method="post" action="/candidates/${task.id}/split" id="split-form" class="decision">
        <h2>${t.t('candidate.split.heading')}</h2>
        ${csrfField(ctx.csrf)}${version}
        <p>${t.t('candidate.split.explain')}</p>
        ${items.map((it) => html`<label class="check"><input type="checkbox" name="item" value="${it.item.id}"> <span translate="no">${it.item.sourceId}</span>: ${titleOf(it.item.title)}</label>`)}
        <button type="submit">${t.t('candidate.split.button')}</button>
      </form>`
          : ''
      }
    </section>`
    : html`<section class="actions decided">
      <p>${t.t('candidate.decided.status')}: <strong>${statusName(t, task.status)}</strong>
        · ${t.t('candidate.decided.by')}: <span translate="no">${task.decidedBy ?? '—'}</span>
        · ${task.decidedAt ? t.dateTime(task.decidedAt) : '—'}${
          task.entryId
            ? html` → ${t.t('candidate.entry')} <a href="/entries/${encodeURIComponent(task.entryId)}" translate="no">${task.entryId}</a>`
            : ''
        }${task.reason ? html` (<span translate="no">${task.reason}</span>)` : ''}</p>
      ${d.entry?.caseId ? html`<p class="entry-case" id="entry-case"><a href="/cases/${encodeURIComponent(d.entry.caseId)}">${t.t('cases.page.heading', { id: d.entry.caseId })}</a></p>` : ''}
      ${
        canUndo(ctx.user, task.decidedBy)
          ? html`<form method="post" action="/candidates/${task.id}/undo" id="undo-form">${csrfField(ctx.csrf)}${version}<button type="submit">${t.t('candidate.undo.button')}</button></form>`
          : html`<p class="muted">${t.t('candidate.undo.editorsOnly')}</p>`
      }
    </section>`;

  const logRows = log.map(
    (l) => html`<tr>
      <td>${t.dateTime(l.at)}</td><td>${l.actor === 'pipeline' ? t.t('candidate.log.pipeline') : html`<span translate="no">${l.actor}</span>`}</td><td>${actionName(t, l.action)}</td>
      <td>${describeChange(t, l.before, l.after)}
        <details><summary>${t.t('candidate.log.beforeAfter')}</summary><pre translate="no">${JSON.stringify(l.before, null, 1)}</pre><pre translate="no">${JSON.stringify(l.after, null, 1)}</pre></details></td>
    </tr>`,
  );

  const body = html`<p class="crumbs"><a href="/queue">${t.t('candidate.backToQueue')}</a>
      ${d.previous !== null ? html`<a href="/candidates/${d.previous}" id="prev-link" rel="prev">${t.t('candidate.previous')}</a>` : ''}
      ${d.next !== null ? html`<a href="/candidates/${d.next}" id="next-link" rel="next">${t.t('candidate.next')}</a>` : ''}</p>
    <article class="candidate" data-task="${task.id}">
      <h1>${titleOf(task.title)}</h1>
      <p class="meta">${t.t('candidate.meta', { id: task.id })} · <span class="status status-${task.status}">${statusName(t, task.status)}</span> · ${nameOf(t, 'common.kind', task.kind)} · ${t.t('candidate.month', { month: task.month ? t.date(task.month) : '—' })} · ${t.t('candidate.version', { version: task.version })}</p>
      <div class="columns">
        <div class="col-text">
          <h2>${t.t('candidate.reports', { n: items.length })}</h2>
          ${reports}
          <h2>${t.t('candidate.text')}</h2>
          ${texts}
        </div>
        <div class="col-side">
          <h2>${t.t('candidate.categories')}</h2>
          <ol class="categories">${ranked.map(
            (c) =>
              html`<li><span class="cat">${t.category(c.id)}</span> <span class="num">${c.score.toFixed(2)}</span> <small>${t.n('candidate.evidence', c.evidence.length)}</small></li>`,
          )}</ol>
          ${d.cases ? caseProposals(ctx, d.cases, open) : ''}
          ${actions}
        </div>
      </div>
      <section class="log">
        <h2>${t.t('candidate.log.heading')}</h2>
        ${log.length ? html`<table class="log-table" id="log"><thead><tr><th>${t.t('candidate.log.when')}</th><th>${t.t('candidate.log.who')}</th><th>${t.t('candidate.log.action')}</th><th>${t.t('candidate.log.change')}</th></tr></thead><tbody>${logRows}</tbody></table>` : html`<p class="muted">${t.t('candidate.log.empty')}</p>`}
      </section>
    </article>`;
  return layout(ctx, task.title || t.t('candidate.meta', { id: task.id }), body, flash);
}
