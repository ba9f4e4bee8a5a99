// The "Add a report" page: a URL (a correspondent's tip, a story found elsewhere) and a note; the result
// of the last addition, or what failed, naming the URL.
import { html } from '../html.ts';
import { csrfField, type Flash, layout, type PageContext } from './page-layout.ts';

export interface AddReportForm {
  readonly url?: string;
  readonly note?: string;
}

export function addReportPage(
  ctx: PageContext,
  options: { available: boolean; form?: AddReportForm; flash?: readonly Flash[] },
): string {
  const t = ctx.text;
  const form = options.form ?? {};
  const body = html`<h1>${t.t('add.title')}</h1>
    <p class="muted">${t.t('add.intro')}</p>
    ${
      options.available
        ? html`<form method="post" action="/add" id="add-report-form" class="add-report">
      ${csrfField(ctx.csrf)}
      <label for="add-url">${t.t('add.url')}</label>
      <input id="add-url" name="url" type="url" required inputmode="url" placeholder="https://…" value="${form.url ?? ''}" translate="no">
      <label for="add-note">${t.t('add.note')}</label>
      <textarea id="add-note" name="note" rows="3" placeholder="${t.t('add.notePlaceholder')}">${form.note ?? ''}</textarea>
      <button type="submit" class="primary">${t.t('add.button')}</button>
    </form>`
        : html`<p class="empty">${t.t('add.unavailable')}</p>`
    }`;
  return layout(ctx, t.t('add.title'), body, options.flash ?? []);
}
