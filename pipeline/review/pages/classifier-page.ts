// The "Classifier" page, for reviewers and editors: the model in use, and per period (last 30 and 90
// days) reviewer-confirmed precision by the classifier's top category and by language, rejections by
// reason, and the misses (confirmed reports the classifier had not flagged). Figures come from
// pipeline/review/classifier-stats.ts; `soz review stats` prints the same.

import { WATCHED_PEOPLE_FILE } from '../../../classifiers/index.ts';
import type { ClassifierStats, PeriodStats, PrecisionRow } from '../classifier-stats.ts';
import { html, type SafeHtml } from '../html.ts';
import { langName } from '../review-wording.ts';
import { layout, type PageContext } from './page-layout.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function precisionTable(
  ctx: PageContext,
  id: string,
  first: string,
  rows: Readonly<Record<string, PrecisionRow>>,
  name: (key: string) => string,
): SafeHtml {
  const t = ctx.text;
  return html`<table class="stats" id="${id}"><thead><tr>
    <th>${first}</th><th>${t.t('classifier.col.decided')}</th><th>${t.t('classifier.col.confirmed')}</th>
    <th>${t.t('classifier.col.precision')}</th><th>${t.t('classifier.col.categoryRight')}</th></tr></thead><tbody>
    ${Object.entries(rows).map(
      ([
        k,
        r,
      ]) => html`<tr data-key="${k}"><td>${name(k)}</td><td class="num">${r.decided}</td><td class="num">${r.confirmed}</td>
        <td class="num">${pct(r.precision)}</td><td class="num">${r.categoryRight}</td></tr>`,
    )}</tbody></table>`;
}

function periodSection(ctx: PageContext, p: PeriodStats): SafeHtml {
  const t = ctx.text;
  const o = p.overall;
  return html`<section class="period" id="period-${p.days}" data-days="${p.days}">
    <h2>${t.t('classifier.period', { days: p.days })}</h2>
    <p>${o.decided === 0 ? t.t('classifier.noDecisions') : t.t('classifier.overall', { precision: pct(o.precision), confirmed: o.confirmed, decided: o.decided })}</p>
    ${
      o.decided === 0
        ? ''
        : html`<h3>${t.t('classifier.byCategory')}</h3>
    ${precisionTable(ctx, `categories-${p.days}`, t.t('classifier.col.category'), p.byCategory, (k) => t.category(k))}
    <h3>${t.t('classifier.byLang')}</h3>
    ${precisionTable(ctx, `langs-${p.days}`, t.t('classifier.col.lang'), p.byLang, (k) => langName(t, k))}`
    }
    <h3>${t.t('classifier.rejections.heading')}</h3>
    ${
      p.rejections.length === 0
        ? html`<p class="empty">${t.t('classifier.rejections.none')}</p>`
        : html`<table class="stats" id="rejections-${p.days}"><thead><tr><th>${t.t('classifier.rejections.reason')}</th><th>${t.t('classifier.rejections.count')}</th></tr></thead><tbody>
      ${p.rejections.map((r) => html`<tr><td translate="no">${r.reason}</td><td class="num">${r.count}</td></tr>`)}</tbody></table>`
    }
    <h3>${t.t('classifier.misses.heading')}</h3>
    <p class="added">${t.t('classifier.added', { added: p.added, below: p.addedBelowLine })}</p>
    ${
      p.misses.length === 0
        ? html`<p class="empty misses-count" data-misses="0">${t.t('classifier.misses.none')}</p>`
        : html`<p class="misses-count" data-misses="${p.misses.length}">${t.n('classifier.misses.count', p.misses.length)}</p>
    <table class="stats" id="misses-${p.days}"><thead><tr>
      <th>${t.t('classifier.misses.item')}</th><th>${t.t('classifier.misses.lang')}</th><th>${t.t('classifier.misses.category')}</th>
      <th>${t.t('classifier.misses.score')}</th><th>${t.t('classifier.misses.addedBy')}</th><th>${t.t('classifier.misses.decided')}</th></tr></thead><tbody>
      ${p.misses.map(
        (
          m,
        ) => html`<tr data-item="${m.itemId}"><td class="num" translate="no">${m.itemId}</td><td>${langName(t, m.lang)}</td>
        <td>${t.category(m.category)}</td><td class="num">${m.score === null ? '—' : m.score.toFixed(2)}</td>
        <td>${m.addedBy ? html`<span translate="no">${m.addedBy}</span>` : t.t('classifier.misses.notAdded')}</td><td>${t.date(m.decidedAt)}</td></tr>`,
      )}</tbody></table>`
    }
  </section>`;
}

export function classifierPage(ctx: PageContext, stats: ClassifierStats): string {
  const t = ctx.text;
  const m = stats.model;
  const body = html`<h1>${t.t('classifier.title')}</h1>
    <p class="muted">${t.t('classifier.intro')}</p>
    <section class="model" id="model">
      <h2>${t.t('classifier.model.heading')}</h2>
      ${
        m
          ? html`<dl>
        <dt>${t.t('classifier.model.version')}</dt><dd translate="no">${m.version}</dd>
        <dt>${t.t('classifier.model.trained')}</dt><dd>${t.dateTime(m.trainedAt)}</dd>
        <dt>${t.t('classifier.model.examples')}</dt><dd>${t.t('classifier.model.examplesValue', { reviewed: m.reviewed, base: m.base })}</dd>
        ${
          m.realViolations > 0
            ? html`<dt>${t.t('classifier.model.realExamples')}</dt><dd id="real-examples">${t.t('classifier.model.realExamplesValue', { real: m.realViolations })}</dd>`
            : ''
        }
        <dt>${t.t('classifier.model.calibration')}</dt><dd id="calibration">${
          m.calibrated.length > 0
            ? t.t('classifier.model.calibrationValue', {
                langs: m.calibrated.join(', '),
                on: m.calibratedOn ?? '',
              })
            : t.t('classifier.model.calibrationNone')
        }</dd>
        <dt>${t.t('classifier.model.layer')}</dt><dd id="layer">${
          m.layer
            ? t.t('classifier.model.layerValue', {
                examples: m.layer.examples,
                violations: m.layer.violations,
                line: m.layer.line,
                on: m.layer.fittedOn,
              })
            : t.t('classifier.model.layerNone')
        }</dd>
      </dl>`
          : html`<p class="empty">${t.t('classifier.model.unknown')}</p>`
      }
      <dl id="known-people">
        <dt>${t.t('classifier.model.people')}</dt><dd>${t.t('classifier.model.peopleValue', { watched: stats.knownPeople.watched, dataset: stats.knownPeople.dataset })}</dd>
        <dt>${t.t('classifier.model.watchFile')}</dt><dd><code translate="no">${WATCHED_PEOPLE_FILE}</code></dd>
      </dl>
    </section>
    ${stats.periods.map((p) => periodSection(ctx, p))}`;
  return layout(ctx, t.t('classifier.title'), body);
}
