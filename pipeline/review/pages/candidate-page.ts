// One candidate: its reports (sources, language, dates), the head report's text with the evidence marked,
// the ranked categories, the entry form pre-filled from the facts, the other decisions, and the log.
import type { StoredEntry, User } from '../../../storage/index.ts';
import type { CaseSuggestion } from '../../cases/case-suggestion.ts';
import { highlightEvidence } from '../highlight-evidence.ts';
import { html, type SafeHtml, safeHref } from '../html.ts';
import type { Candidate } from '../load-candidate.ts';
import { caseFields, caseProposals } from './case-fields.ts';
import { categoryLabel } from './category-label.ts';
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
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>`
    : html`<span class="bad-url">${url}</span>`;
}

function describeChange(before: unknown, after: unknown): string {
  const pick = (x: unknown, k: string) =>
    x && typeof x === 'object' && k in x ? String((x as Record<string, unknown>)[k] ?? '—') : undefined;
  const parts: string[] = [];
  for (const k of ['status', 'topCategory', 'category', 'entryId', 'reason', 'claimedAmountKzt']) {
    const b = pick(before, k);
    const a = pick(after, k);
    if (a !== undefined && b !== a) parts.push(`${k}: ${b ?? '—'} → ${a}`);
  }
  const sb = (before as { sources?: unknown[] } | null)?.sources?.length;
  const sa = (after as { sources?: unknown[] } | null)?.sources?.length;
  if (sa !== undefined && sb !== sa) parts.push(`sources: ${sb ?? 0} → ${sa}`);
  // A cluster join records the report that joined and why.
  const url = pick(after, 'url');
  const why = pick(after, 'why');
  if (url && why && before === null) parts.push(`joined: ${url} (${why})`);
  return parts.join('; ');
}

export function canUndo(user: User, decidedBy: string | null): boolean {
  return user.role === 'editor' || decidedBy === user.name;
}

export function candidatePage(
  ctx: PageContext & { user: User },
  d: CandidatePageData,
  flash: readonly Flash[],
): string {
  const { task, items, log } = d.candidate;
  const head = items[0];
  const open = task.status === 'pending' || task.status === 'deferred';
  const version = html`<input type="hidden" name="_version" value="${task.version}">`;
  const form = { ...d.candidate.draft, ...(d.form ?? {}) } as typeof d.candidate.draft;
  const ranked = [...(head?.classification?.categories ?? [])].sort((a, b) => b.score - a.score);

  const reports = html`<ol class="reports">${items.map(
    (it, i) => html`<li>
      <strong>${it.item.sourceId}</strong> · ${it.item.lang ?? '?'} · ${it.item.publishedAt?.slice(0, 10) ?? 'no date'}
      ${i > 0 ? html`· joined at match ${it.similarity.toFixed(2)}` : html`· first report`}<br>
      ${sourceLink(it.item.canonicalUrl || it.item.url)}
    </li>`,
  )}</ol>`;

  const texts = items.map(
    (it, i) => html`<details class="report-text"${i === 0 ? html` open` : ''}>
      <summary>${it.item.title} <small>(${it.item.sourceId}, ${it.item.lang ?? '?'})</small></summary>
      <div class="text" lang="${it.item.lang ?? ''}">${highlightEvidence(it.item.text, it.classification?.categories ?? [])}</div>
    </details>`,
  );

  const actions = open
    ? html`<section class="actions">
      <form method="post" action="/candidates/${task.id}/confirm" id="confirm-form" class="decision">
        <h2>Confirm as an entry</h2>
        ${csrfField(ctx.csrf)}${version}
        ${entryFields(form, { idPrefix: 'confirm' })}
        ${d.cases ? caseFields(ctx, d.cases, form.block, d.caseChoice) : ''}
        <button type="submit" class="primary">Confirm</button>
      </form>
      <form method="post" action="/candidates/${task.id}/reject" id="reject-form" class="decision">
        <h2>Reject</h2>
        ${csrfField(ctx.csrf)}${version}
        <label for="reject-reason">Reason</label>
        <input id="reject-reason" name="reason" required placeholder="e.g. ordinary crime news, not about speech">
        <button type="submit">Reject</button>
      </form>
      <form method="post" action="/candidates/${task.id}/merge" id="merge-form" class="decision">
        <h2>Duplicate of an entry</h2>
        ${csrfField(ctx.csrf)}${version}
        <label for="merge-entry">Entry id</label>
        <input id="merge-entry" name="entryId" required list="merge-targets" placeholder="2024-03-r12">
        <datalist id="merge-targets">${d.mergeTargets.map((t) => html`<option value="${t.id}">${t.category}: ${t.summary.slice(0, 80)}</option>`)}</datalist>
        <button type="submit">Merge into entry</button>
      </form>
      <form method="post" action="/candidates/${task.id}/defer" id="defer-form" class="decision">
        ${csrfField(ctx.csrf)}${version}
        <button type="submit">Defer</button>
      </form>
      ${
        items.length > 1
          ? html`<form method="post" action="/candidates/${task.id}/split" id="split-form" class="decision">
        <h2>Split the cluster</h2>
        ${csrfField(ctx.csrf)}${version}
        <p>Move these reports into a candidate of their own:</p>
        ${items.map((it) => html`<label class="check"><input type="checkbox" name="item" value="${it.item.id}"> ${it.item.sourceId}: ${it.item.title}</label>`)}
        <button type="submit">Split off</button>
      </form>`
          : ''
      }
    </section>`
    : html`<section class="actions decided">
      <p>This candidate is <strong>${task.status}</strong> by ${task.decidedBy ?? '—'} at ${task.decidedAt ?? '—'}${
        task.entryId
          ? html` → entry <a href="/entries/${encodeURIComponent(task.entryId)}">${task.entryId}</a>`
          : ''
      }${task.reason ? html` (${task.reason})` : ''}.</p>
      ${d.entry?.caseId ? html`<p class="entry-case" id="entry-case"><a href="/cases/${encodeURIComponent(d.entry.caseId)}">${ctx.text.t('cases.page.heading', { id: d.entry.caseId })}</a></p>` : ''}
      ${
        canUndo(ctx.user, task.decidedBy)
          ? html`<form method="post" action="/candidates/${task.id}/undo" id="undo-form">${csrfField(ctx.csrf)}${version}<button type="submit">Undo this decision</button></form>`
          : html`<p class="muted">Only an editor can undo another reviewer's decision.</p>`
      }
    </section>`;

  const logRows = log.map(
    (l) => html`<tr>
      <td>${l.at.replace('T', ' ').slice(0, 19)}</td><td>${l.actor}</td><td>${l.action}</td>
      <td>${describeChange(l.before, l.after)}
        <details><summary>before / after</summary><pre>${JSON.stringify(l.before, null, 1)}</pre><pre>${JSON.stringify(l.after, null, 1)}</pre></details></td>
    </tr>`,
  );

  const body = html`<p class="crumbs"><a href="/queue">← queue</a>
      ${d.previous !== null ? html`<a href="/candidates/${d.previous}" id="prev-link" rel="prev">↑ previous (k)</a>` : ''}
      ${d.next !== null ? html`<a href="/candidates/${d.next}" id="next-link" rel="next">↓ next (j)</a>` : ''}</p>
    <article class="candidate" data-task="${task.id}">
      <h1>${task.title || '(no title)'}</h1>
      <p class="meta">Candidate ${task.id} · <span class="status status-${task.status}">${task.status}</span> · ${task.kind} · month ${task.month ?? '—'} · version ${task.version}</p>
      <div class="columns">
        <div class="col-text">
          <h2>Reports (${items.length})</h2>
          ${reports}
          <h2>Text</h2>
          ${texts}
        </div>
        <div class="col-side">
          <h2>Categories</h2>
          <ol class="categories">${ranked.map(
            (c) =>
              html`<li><span class="cat">${categoryLabel(c.id)}</span> <span class="num">${c.score.toFixed(2)}</span> <small>${c.evidence.length} evidence</small></li>`,
          )}</ol>
          ${d.cases ? caseProposals(ctx, d.cases, open) : ''}
          ${actions}
        </div>
      </div>
      <section class="log">
        <h2>Review log</h2>
        ${log.length ? html`<table class="log-table" id="log"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>Change</th></tr></thead><tbody>${logRows}</tbody></table>` : html`<p class="muted">No actions yet.</p>`}
      </section>
    </article>`;
  return layout(ctx, task.title || `Candidate ${task.id}`, body, flash);
}
