// The candidate page's part in cases: the proposals ("update of case …", one click confirms the entry
// form into that case) and the case fields of the confirm form (which case, and what the entry is in it).
import { CASE_EVENTS } from '../../../core/index.ts';
import type { CaseSuggestion } from '../../cases/case-suggestion.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from './page-layout.ts';

const caseLink = (id: string) => html`<a href="/cases/${encodeURIComponent(id)}">${id}</a>`;

/** What an automatic confirmation would do with the case, in words. */
function automatic(ctx: PageContext, s: CaseSuggestion, block: string): string {
  const t = ctx.text;
  if (s.joinedCase) return t.t('cases.candidate.autoJoined', { id: s.joinedCase.id });
  return block === 'C' ? t.t('cases.candidate.autoNew') : t.t('cases.candidate.autoNone');
}

/** The proposals box, shown above the decisions; its buttons submit the confirm form (id confirm-form). */
export function caseProposals(ctx: PageContext, s: CaseSuggestion, open: boolean): SafeHtml {
  const t = ctx.text;
  const joined = s.joinedCase
    ? html`<p class="case-joined" id="case-joined">${t.t('cases.candidate.joined', { id: s.joinedCase.id })} ${caseLink(s.joinedCase.id)}</p>`
    : '';
  if (s.proposals.length === 0) return html`${joined}`;
  return html`${joined}<section class="proposals" id="case-proposals">
    <h2>${t.t('cases.candidate.proposalsHeading')}</h2>
    <ul>${s.proposals.map(
      (p) => html`<li>
        <strong>${caseLink(p.legalCase.id)}</strong> · ${p.legalCase.title}
        · <span class="case-status status-${p.legalCase.status}">${t.t(`cases.status.${p.legalCase.status}`)}</span><br>
        <small>${p.reasons.map((r) => t.t(`cases.candidate.reason.${r}`, { what: p.matched.join(', ') })).join('; ')}</small>
        ${
          open
            ? html`<br><button type="submit" form="confirm-form" name="attachCase" value="${p.legalCase.id}" class="attach-case">${t.t('cases.candidate.attach', { id: p.legalCase.id })}</button>`
            : ''
        }
      </li>`,
    )}</ul>
  </section>`;
}

/** The case fields inside the confirm form. */
export function caseFields(
  ctx: PageContext,
  s: CaseSuggestion,
  block: string,
  chosen: { caseId?: string; caseEvent?: string } = {},
): SafeHtml {
  const t = ctx.text;
  const current = chosen.caseId ?? '';
  const opt = (value: string, label: string) =>
    html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
  const offered = s.proposals.filter((p) => p.legalCase.id !== s.joinedCase?.id);
  const event = chosen.caseEvent ?? '';
  return html`<fieldset class="case-fields">
    <legend>${t.t('cases.candidate.heading')}</legend>
    <div class="fields">
      <label for="confirm-caseId">${t.t('cases.candidate.choice')}</label>
      <select id="confirm-caseId" name="caseId">
        ${opt('', t.t('cases.candidate.auto', { what: automatic(ctx, s, block) }))}
        ${offered.map((p) => opt(p.legalCase.id, t.t('cases.candidate.update', { id: p.legalCase.id, title: p.legalCase.title })))}
        ${opt('new', t.t('cases.candidate.new'))}
        ${opt('none', t.t('cases.candidate.none'))}
      </select>
      <label for="confirm-caseEvent">${t.t('cases.candidate.event')}</label>
      <select id="confirm-caseEvent" name="caseEvent">
        <option value="">${t.t('cases.candidate.eventAuto')}</option>
        ${CASE_EVENTS.map((e) => html`<option value="${e}"${e === event ? html` selected` : ''}>${t.t(`cases.event.${e}`)}</option>`)}
      </select>
    </div>
  </fieldset>`;
}
