// Words the review pages and server share: the names of statuses, kinds, languages, stages, outcomes and log
// actions, the flash after a decision, and decision errors in the reviewer's language. Every family of
// keys built from a value (common.status.<status>…) is listed in WORDING_FAMILIES, so a test checks that
// each value has its wording in every language.
import { CASE_EVENTS, CASE_STATUSES, HEALTH_FLAG_KINDS, SOURCE_RUN_STATUSES } from '../../core/index.ts';
import { ENTRY_FIELDS, LANGS, OUTCOMES, STAGES } from './entry-draft.ts';
import { type UiReason, uiReasonOf } from './review-errors.ts';
import type { UiText } from './ui-text.ts';

export const TASK_STATUSES = ['pending', 'deferred', 'confirmed', 'duplicate', 'rejected'] as const;
/** The queue's orders (queue.sortBy.<order>): by score, by date, most uncertain first. */
export const QUEUE_ORDERS = ['score', 'date', 'uncertain'] as const;
/** What adding a report by URL came to (messages.done.add-<outcome>). */
export const ADD_OUTCOMES = ['added', 'joined', 'miss', 'already'] as const;
export const DECISIONS = ['confirm', 'reject', 'merge', 'defer', 'split', 'undo'] as const;
/** Every action the review log records (storage, queueing and the decisions). */
export const LOG_ACTIONS = [
  ...DECISIONS,
  'split-from',
  'split-off',
  'cluster-join',
  'reviewer-add',
  'entry-create',
  'entry-add-sources',
  'entry-remove-sources',
  'entry-delete',
  'entry-edit',
] as const;
/** The review log's actions on cases (named under cases.action). */
export const CASE_LOG_ACTIONS = [
  'case-create',
  'case-attach',
  'case-detach',
  'case-edit',
  'case-status',
  'case-event',
  'case-merge-from',
  'case-merge-into',
  'case-split-from',
  'case-split-off',
  'case-delete',
] as const;
/** Why a case is proposed for a candidate (pipeline/cases/propose-cases.ts). */
export const CASE_PROPOSAL_REASONS = ['court_item', 'case_number', 'people_article'] as const;
/** Fields whose change the candidate page's log describes. */
export const CHANGE_FIELDS = [
  'status',
  'topCategory',
  'category',
  'entryId',
  'reason',
  'claimedAmountKzt',
  'sources',
  'joined',
] as const;

/** Key prefix → the values that each need a key under it, in every language. */
export const WORDING_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  'common.status': TASK_STATUSES,
  'common.kind': ['news', 'court'],
  'common.langNames': LANGS,
  'common.langSwitch': ['ru', 'kk', 'en'],
  'common.roles': ['reviewer', 'editor'],
  'common.origin': ['review', 'import'],
  'entry.fields': ENTRY_FIELDS,
  'entry.stages': STAGES,
  'entry.outcomes': OUTCOMES,
  'candidate.actions': LOG_ACTIONS,
  'candidate.change': CHANGE_FIELDS,
  'messages.done': [...DECISIONS, 'saved', ...ADD_OUTCOMES.map((o) => `add-${o}`)],
  'add.failed': ['url', 'fetch', 'extract'],
  'messages.decision': DECISIONS,
  'sources.status': SOURCE_RUN_STATUSES,
  'cases.status': CASE_STATUSES,
  'cases.event': CASE_EVENTS,
  'cases.action': CASE_LOG_ACTIONS,
  'cases.candidate.reason': CASE_PROPOSAL_REASONS,
  'cases.page.joinedBy': ['case_number', 'reviewer'],
  'cases.done': ['saved', 'status', 'event', 'attach', 'detach', 'split', 'merge', 'deleted'],
  'cases.monthName': ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  'sources.flag': HEALTH_FLAG_KINDS,
  'sources.flagText': HEALTH_FLAG_KINDS,
  'queue.sortBy': QUEUE_ORDERS,
};

/** The wording of `prefix.value`, or the value itself when the family has no such key (an unknown code). */
export function nameOf(text: UiText, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}`;
  return text.has(key) ? text.t(key) : value;
}

/** A review log action in the page's language: a case's actions have their own family. */
export const actionName = (text: UiText, action: string) =>
  nameOf(text, action.startsWith('case-') ? 'cases.action' : 'candidate.actions', action);
export const statusName = (text: UiText, status: string) => nameOf(text, 'common.status', status);
export const langName = (text: UiText, lang: string | null | undefined) =>
  lang ? nameOf(text, 'common.langNames', lang) : '?';

// Values of a reason that are codes get their names; a date-time is written the local way.
function localVars(text: UiText, vars: UiReason['vars'] = {}): Record<string, string | number> {
  const out: Record<string, string | number> = { ...vars };
  const field = typeof vars.field === 'string' ? vars.field : null;
  const family =
    field === 'stage'
      ? 'entry.stages'
      : field === 'outcome'
        ? 'entry.outcomes'
        : field === 'lang'
          ? 'common.langNames'
          : null;
  if (field) out.field = nameOf(text, 'entry.fields', field);
  if (typeof vars.status === 'string') out.status = statusName(text, vars.status);
  if (typeof vars.at === 'string') out.at = vars.at ? text.dateTime(vars.at) : '—';
  if (typeof vars.allowed === 'string' && family) {
    out.allowed = vars.allowed
      .split(', ')
      .map((v) => nameOf(text, family, v))
      .join(', ');
  }
  return out;
}

/** A reason's wording (errors.<key>) in the page's language. */
export const reasonText = (text: UiText, reason: UiReason) =>
  text.t(`errors.${reason.key}`, localVars(text, reason.vars));

/**
 * What the reviewer reads for an error of a decision: its wording when it has one; otherwise the general
 * "not saved" with the program's (English) detail, for an error the UI has no words for yet.
 */
export function errorText(text: UiText, error: unknown): string {
  const reason = uiReasonOf(error);
  if (reason) return reasonText(text, reason);
  return text.t('errors.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

/** The flash after a decision (?done=confirm…), or undefined for an unknown value. */
export function doneText(text: UiText, done: string | null): string | undefined {
  const key = `messages.done.${done}`;
  return done && text.has(key) ? text.t(key) : undefined;
}
