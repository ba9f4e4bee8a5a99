// The fields of a dataset entry as form controls, shared by the confirm form and the entry editor.
import { BLOCK_NAMES, CATEGORIES } from '../../../core/index.ts';
import { type EntryForm, LANGS, OUTCOMES, STAGES } from '../entry-draft.ts';
import { html, type SafeHtml } from '../html.ts';

const option = (value: string, text: string, current: string) =>
  html`<option value="${value}"${value === current ? html` selected` : ''}>${text}</option>`;

const check = (name: string, label: string, value: string, disabled: boolean) =>
  html`<label class="check"><input type="checkbox" name="${name}" value="yes"${value ? html` checked` : ''}${disabled ? html` disabled` : ''}> ${label}</label>`;

export function entryFields(f: EntryForm, opts: { disabled?: boolean; idPrefix: string }): SafeHtml {
  const dis = opts.disabled ? html` disabled` : '';
  const id = (name: string) => `${opts.idPrefix}-${name}`;
  const input = (name: keyof EntryForm, label: string, type = 'text', extra: SafeHtml | string = '') =>
    html`<label for="${id(name)}">${label}</label><input id="${id(name)}" name="${name}" type="${type}" value="${f[name]}"${dis}${extra}>`;
  return html`<div class="fields">
    <label for="${id('category')}">Category</label>
    <select id="${id('category')}" name="category" class="category-select"${dis}>
      ${CATEGORIES.map((c) => option(c.id, `${c.id} · ${c.name.ru} (${c.block})`, f.category))}
    </select>
    <label for="${id('block')}">Block</label>
    <select id="${id('block')}" name="block" class="block-select"${dis}>
      ${(['A', 'B', 'C'] as const).map((b) => option(b, `${b} · ${BLOCK_NAMES[b].ru}`, f.block))}
    </select>
    <label for="${id('stage')}">Stage</label>
    <select id="${id('stage')}" name="stage"${dis}>${STAGES.map((s) => option(s, s, f.stage))}</select>
    <label for="${id('outcome')}">Outcome</label>
    <select id="${id('outcome')}" name="outcome"${dis}>${option('', '—', f.outcome)}${OUTCOMES.map((o) => option(o, o, f.outcome))}</select>
    ${input('claimedAmountKzt', 'Claimed, ₸', 'text', html` inputmode="numeric"`)}
    ${input('awardedAmountKzt', 'Awarded, ₸', 'text', html` inputmode="numeric"`)}
    ${input('lawArticle', 'Law article')}
    ${input('people', 'People (;)')}
    ${input('outlets', 'Outlets (;)')}
    ${input('actors', 'Who acted (;)')}
    ${input('court', 'Court')}
    ${input('caseNumber', 'Case number')}
    ${input('region', 'Region')}
    ${input('month', 'Month', 'text', html` pattern="\\d{4}-\\d{2}" required`)}
    ${input('eventDate', 'Event date', 'date')}
    <label for="${id('lang')}">Language</label>
    <select id="${id('lang')}" name="lang"${dis}>${LANGS.map((l) => option(l, l, f.lang))}</select>
    <span class="checks">
      ${check('inCourt', 'in court', f.inCourt, !!opts.disabled)}
      ${check('isHonorDignity', 'honour and dignity', f.isHonorDignity, !!opts.disabled)}
      ${check('ongoing', 'ongoing', f.ongoing, !!opts.disabled)}
    </span>
    <label for="${id('summary')}">Summary</label>
    <textarea id="${id('summary')}" name="summary" rows="4" required${dis}>${f.summary}</textarea>
  </div>`;
}
