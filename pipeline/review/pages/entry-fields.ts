// The fields of a dataset entry as form controls, shared by the confirm form and the entry editor. Labels
// and option names are in the page's language; option values stay the dataset's codes.
import { BLOCK_NAMES, CATEGORIES, REPORT_LANGS } from '../../../core/index.ts';
import {
  type EntryField,
  type EntryForm,
  LANGS,
  OUTCOMES,
  STAGES,
  TRANSLATION_FIELDS,
} from '../entry-draft.ts';
import { html, type SafeHtml } from '../html.ts';
import { langName, nameOf } from '../review-wording.ts';
import type { UiText } from '../ui-text.ts';

const option = (value: string, text: string, current: string, extra: SafeHtml | '' = '') =>
  html`<option value="${value}"${value === current ? html` selected` : ''}${extra}>${text}</option>`;

const check = (name: string, label: string, value: string, disabled: boolean) =>
  html`<label class="check"><input type="checkbox" name="${name}" value="yes"${value ? html` checked` : ''}${disabled ? html` disabled` : ''}> ${label}</label>`;

export function entryFields(
  f: EntryForm,
  opts: { disabled?: boolean; idPrefix: string; text: UiText },
): SafeHtml {
  const t = opts.text;
  const dis = opts.disabled ? html` disabled` : '';
  const id = (name: string) => `${opts.idPrefix}-${name}`;
  const label = (name: EntryField) => t.t(`entry.fields.${name}`);
  // List fields take several values separated by semicolons; the label says so.
  const listLabel = (name: EntryField) => t.t('entry.listField', { field: label(name) });
  const input = (name: EntryField, text: string, type = 'text', extra: SafeHtml | string = '') =>
    html`<label for="${id(name)}">${text}</label><input id="${id(name)}" name="${name}" type="${type}" value="${f[name]}"${dis}${extra}>`;
  return html`<div class="fields">
    <label for="${id('category')}">${label('category')}</label>
    <select id="${id('category')}" name="category" class="category-select"${dis}>
      ${CATEGORIES.map((c) => option(c.id, `${t.category(c.id)} (${c.block})`, f.category, html` data-block="${c.block}"`))}
    </select>
    <label for="${id('block')}">${label('block')}</label>
    <select id="${id('block')}" name="block" class="block-select"${dis}>
      ${(['A', 'B', 'C'] as const).map((b) => option(b, `${b} · ${BLOCK_NAMES[b][t.lang]}`, f.block))}
    </select>
    <label for="${id('stage')}">${label('stage')}</label>
    <select id="${id('stage')}" name="stage"${dis}>${STAGES.map((s) => option(s, nameOf(t, 'entry.stages', s), f.stage))}</select>
    <label for="${id('outcome')}">${label('outcome')}</label>
    <select id="${id('outcome')}" name="outcome"${dis}>${option('', '—', f.outcome)}${OUTCOMES.map((o) => option(o, nameOf(t, 'entry.outcomes', o), f.outcome))}</select>
    ${input('claimedAmountKzt', label('claimedAmountKzt'), 'text', html` inputmode="numeric"`)}
    ${input('awardedAmountKzt', label('awardedAmountKzt'), 'text', html` inputmode="numeric"`)}
    ${input('lawArticle', label('lawArticle'))}
    ${input('people', listLabel('people'))}
    ${input('outlets', listLabel('outlets'))}
    ${input('actors', listLabel('actors'))}
    ${input('court', label('court'))}
    ${input('caseNumber', label('caseNumber'))}
    ${input('region', label('region'))}
    ${input('month', label('month'), 'text', html` pattern="\\d{4}-\\d{2}" required`)}
    ${input('eventDate', label('eventDate'), 'date')}
    <label for="${id('lang')}">${label('lang')}</label>
    <select id="${id('lang')}" name="lang"${dis}>${LANGS.map((l) => option(l, langName(t, l), f.lang))}</select>
    <span class="checks">
      ${check('inCourt', label('inCourt'), f.inCourt, !!opts.disabled)}
      ${check('isHonorDignity', label('isHonorDignity'), f.isHonorDignity, !!opts.disabled)}
      ${check('ongoing', label('ongoing'), f.ongoing, !!opts.disabled)}
    </span>
    <label for="${id('summary')}">${label('summary')}</label>
    <textarea id="${id('summary')}" name="summary" rows="4" required${dis} translate="no">${f.summary}</textarea>
    <fieldset class="translations" id="${id('translations')}"><legend>${t.t('entry.translations.heading')}</legend>
      ${REPORT_LANGS.map((l) => {
        const field = TRANSLATION_FIELDS[l];
        // The entry's own language is the summary above; its box stays empty and says so.
        const own = f.lang === l;
        return html`<div class="translation"><label for="${id(field)}">${label(field)}</label>
        <textarea id="${id(field)}" name="${field}" rows="4"${dis}${own ? html` disabled placeholder="${t.t('entry.translations.own')}"` : ''} translate="no" lang="${l}">${own ? '' : f[field]}</textarea></div>`;
      })}
    </fieldset>
  </div>`;
}
