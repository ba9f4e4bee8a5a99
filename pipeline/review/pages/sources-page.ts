// The "Sources" page for editors: each news source's latest crawl measured (links listed, stored, short,
// not stored by reason, median body, dated share, languages, extraction methods) and the flags raised
// against its earlier runs. Flagged sources come first.
import type { HealthFlag } from '../../../core/index.ts';
import type { SourceHealthRow } from '../../../storage/index.ts';
import { html } from '../html.ts';
import type { UiText } from '../ui-text.ts';
import { layout, type PageContext } from './page-layout.ts';

const mix = (m: Readonly<Record<string, number>>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A flag in the page's language, from its figures. Flags stored before figures were kept (or of a kind
 * without wording) show the English sentence the crawl wrote.
 */
export function flagSentence(t: UiText, flag: HealthFlag): string {
  const f = flag.figures;
  const key = `sources.flagText.${flag.kind}`;
  if (!f || !t.has(key)) return flag.message;
  const counts = flag.kind === 'links' || flag.kind === 'body-length';
  const vars: Record<string, string | number> = {
    before: counts ? Math.round(f.before) : percent(f.before),
    after: counts ? Math.round(f.after) : percent(f.after),
    was: f.was ?? '',
    now: f.now ?? '',
    succeeded: f.succeeded ?? 0,
    runs: f.runs ?? 0,
    status:
      f.status && t.has(`sources.status.${f.status}`) ? t.t(`sources.status.${f.status}`) : (f.status ?? ''),
    reason: '',
  };
  if (f.reason)
    vars.reason =
      flag.kind === 'failing' ? ` (${f.reason})` : t.t('sources.flagReason', { reason: f.reason });
  return t.t(key, vars);
}

export function sourcesPage(ctx: PageContext, rows: readonly SourceHealthRow[]): string {
  const t = ctx.text;
  const pct = (x: number | null) => (x === null ? t.t('sources.none') : `${Math.round(x * 100)}%`);
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.health.flags.length > 0) - Number(a.health.flags.length > 0) ||
      a.sourceId.localeCompare(b.sourceId),
  );
  const flagged = rows.filter((r) => r.health.flags.length > 0).length;
  const status = (s: string) => (t.has(`sources.status.${s}`) ? t.t(`sources.status.${s}`) : s);
  const body = html`<h1>${t.t('sources.title')}</h1>
    <p class="muted">${t.t('sources.intro')}</p>
    ${
      rows.length === 0
        ? html`<p class="empty">${t.t('sources.empty')}</p>`
        : html`<p class="${flagged ? 'flash flash-error' : 'flash flash-ok'}">${flagged ? t.n('sources.flagged', flagged) : t.t('sources.allSteady')}</p>
    <table class="sources" id="sources"><thead><tr>
      <th>${t.t('sources.col.source')}</th><th>${t.t('sources.col.run')}</th><th>${t.t('sources.col.status')}</th>
      <th>${t.t('sources.col.links')}</th><th>${t.t('sources.col.fetched')}</th><th>${t.t('sources.col.stored')}</th>
      <th>${t.t('sources.col.short')}</th><th>${t.t('sources.col.rejected')}</th><th>${t.t('sources.col.median')}</th>
      <th>${t.t('sources.col.dated')}</th><th>${t.t('sources.col.languages')}</th><th>${t.t('sources.col.extraction')}</th>
      <th>${t.t('sources.col.flags')}</th></tr></thead><tbody>
    ${sorted.map((r) => {
      const h = r.health;
      return html`<tr class="${h.flags.length > 0 ? 'flagged' : ''}" data-source="${r.sourceId}">
        <td>${r.sourceId}</td><td class="num">${r.runId}<br><small>${t.date(r.finishedAt)}</small></td><td>${status(h.status)}</td>
        <td class="num">${h.linksFound === null ? t.t('sources.notModified') : h.linksFound}</td>
        <td class="num">${h.fetched}</td><td class="num">${h.stored}</td><td class="num">${h.short}</td>
        <td>${mix(h.rejected) || t.t('sources.none')}</td>
        <td class="num">${h.medianBodyChars === null ? t.t('sources.none') : t.t('sources.chars', { n: Math.round(h.medianBodyChars) })}</td>
        <td class="num">${pct(h.datedShare)}</td><td>${mix(h.languages) || t.t('sources.none')}</td><td>${mix(h.extractedBy) || t.t('sources.none')}</td>
        <td>${h.flags.length === 0 ? t.t('sources.none') : html`<ul class="flags">${h.flags.map((f) => html`<li><b>${t.has(`sources.flag.${f.kind}`) ? t.t(`sources.flag.${f.kind}`) : f.kind}</b>: ${flagSentence(t, f)}</li>`)}</ul>`}</td>
      </tr>`;
    })}</tbody></table>`
    }`;
  return layout(ctx, t.t('sources.title'), body);
}
