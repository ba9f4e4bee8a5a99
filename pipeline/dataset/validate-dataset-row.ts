// Turns one raw row of a dataset file into an entry, or into errors that name the row and the field.
import {
  blockOf,
  CASE_EVENTS,
  CASE_ID_PATTERN,
  CATEGORY_IDS,
  type DatasetEntry,
  isCategoryId,
  type Lang,
  type Outcome,
  REPORT_LANGS,
  type ReportLang,
  type Stage,
} from '../../core/index.ts';
import {
  DATASET_FIELDS,
  FIELD_ALIASES,
  LIST_SEPARATOR,
  type RawRow,
  type RawValue,
} from './dataset-fields.ts';

export interface DatasetRowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** An entry whose id may still be missing (assigned later from its content). */
export type ValidatedEntry = Omit<DatasetEntry, 'id'> & { readonly id: string | null };

export type RowResult =
  | { readonly ok: true; readonly entry: ValidatedEntry }
  | { readonly ok: false; readonly errors: readonly DatasetRowError[] };

const STAGES: readonly Stage[] = ['charge', 'judicial_act', 'incident'];
const OUTCOMES: readonly Outcome[] = ['for_media', 'against_media', 'partial', 'pending'];
const LANGS: readonly Lang[] = ['ru', 'kk', 'en', 'other'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const TRUE = new Set(['true', '1', 'yes', 'y', 'да', 'иә']);
const FALSE = new Set(['false', '0', 'no', 'n', 'нет', 'жоқ', '']);

class RowErrors {
  readonly list: DatasetRowError[] = [];
  constructor(readonly row: number) {}
  add(field: string, message: string): null {
    this.list.push({ row: this.row, field, message });
    return null;
  }
}

const show = (v: RawValue) => JSON.stringify(v);

function isEmpty(v: RawValue): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function text(v: RawValue, field: string, errs: RowErrors): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return errs.add(field, `${show(v)} is not text`);
}

function bool(v: RawValue, field: string, errs: RowErrors): boolean {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  const s = String(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  errs.add(field, `${show(v)} is not true or false`);
  return false;
}

function amount(v: RawValue, field: string, errs: RowErrors): number | null {
  if (isEmpty(v)) return null;
  // Spreadsheets write "78 100 000" or "78,100,000"; a decimal part is not a tenge amount we keep.
  const n =
    typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[\s\u00a0,]/g, '')) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) return errs.add(field, `${show(v)} is not a whole number of tenge`);
  return n;
}

function list(v: RawValue, field: string, errs: RowErrors): string[] {
  if (isEmpty(v)) return [];
  if (Array.isArray(v)) {
    if (!v.every((x) => typeof x === 'string')) {
      errs.add(field, 'must be a list of text values');
      return [];
    }
    return (v as string[]).map((x) => x.trim()).filter((x) => x !== '');
  }
  if (typeof v === 'string') {
    return v
      .split(LIST_SEPARATOR.trim())
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }
  errs.add(field, `${show(v)} is not a list`);
  return [];
}

function oneOf<T extends string>(
  v: RawValue,
  field: string,
  allowed: readonly T[],
  errs: RowErrors,
): T | null {
  const s = text(v, field, errs);
  if (s === null) return null;
  if (!(allowed as readonly string[]).includes(s)) {
    return errs.add(field, `${show(v)} is not one of ${allowed.join(', ')}`);
  }
  return s as T;
}

export function validateDatasetRow(raw: RawRow): RowResult {
  const errs = new RowErrors(raw.row);
  const v: Record<string, RawValue> = {};
  for (const [key, value] of Object.entries(raw.values)) {
    const field = FIELD_ALIASES[key] ?? key;
    if (!(DATASET_FIELDS as readonly string[]).includes(field)) errs.add(key, 'is not a dataset field');
    else if (field in v) errs.add(key, `repeats column ${field}`);
    else v[field] = value;
  }

  const id = text(v.id, 'id', errs);
  if (id !== null && !ID.test(id))
    errs.add('id', `${show(v.id)} must be letters, digits, '.', '_', ':' or '-'`);

  const month = text(v.month, 'month', errs);
  if (month === null) errs.add('month', 'is required (YYYY-MM)');
  else if (!MONTH.test(month)) errs.add('month', `${show(v.month)} is not a month in the form YYYY-MM`);

  const eventDate = text(v.eventDate, 'eventDate', errs);
  if (eventDate !== null) {
    const m = DATE.exec(eventDate);
    const real = m && new Date(`${eventDate}T00:00:00Z`).toISOString().startsWith(eventDate);
    if (!real) errs.add('eventDate', `${show(v.eventDate)} is not a date in the form YYYY-MM-DD`);
  }

  const categoryText = text(v.category, 'category', errs);
  let category: DatasetEntry['category'] | null = null;
  if (categoryText === null) errs.add('category', 'is required');
  else if (!isCategoryId(categoryText))
    errs.add('category', `${show(v.category)} is not one of ${CATEGORY_IDS.join(', ')}`);
  else category = categoryText;
  const block = category ? blockOf(category) : null;
  const givenBlock = text(v.block, 'block', errs);
  if (givenBlock !== null && block !== null && givenBlock !== block) {
    errs.add('block', `${show(v.block)} does not match category ${category} (block ${block})`);
  }

  const stage = oneOf(v.stage, 'stage', STAGES, errs);
  if (stage === null && isEmpty(v.stage)) errs.add('stage', `is required (${STAGES.join(', ')})`);
  // Block C records legal actions (a charge or a court decision); blocks A and B record incidents.
  if (stage && block) {
    if (block === 'C' && stage === 'incident')
      errs.add('stage', `category ${category} needs stage charge or judicial_act`);
    if (block !== 'C' && stage !== 'incident')
      errs.add('stage', `category ${category} (block ${block}) needs stage incident`);
  }

  const outcome = oneOf(v.outcome, 'outcome', OUTCOMES, errs);
  if (outcome !== null && stage !== null && stage !== 'judicial_act')
    errs.add('outcome', 'is only for stage judicial_act');

  const langGiven = oneOf(v.lang, 'lang', LANGS, errs);
  const lang = langGiven ?? 'ru';
  // The summary in its own language, and the others as translations (only when the file has the columns).
  const summaryGiven = text(v.summary, 'summary', errs);
  const perLang = Object.fromEntries(
    REPORT_LANGS.map((l) => [l, text(v[`summary_${l}`], `summary_${l}`, errs)]),
  ) as Record<ReportLang, string | null>;
  const ownColumn = lang === 'other' ? null : perLang[lang];
  if (summaryGiven !== null && ownColumn !== null && summaryGiven !== ownColumn)
    errs.add(`summary_${lang}`, `differs from summary (the entry's language is ${lang}): give its text once`);
  const translationsGiven = REPORT_LANGS.some((l) => `summary_${l}` in v);
  const translations = Object.fromEntries(
    REPORT_LANGS.flatMap((l) => (l !== lang && perLang[l] !== null ? [[l, perLang[l]]] : [])),
  );

  // Absent column: leave the stored entry's case alone; empty cell: no case.
  const caseGiven = 'case_id' in v;
  const caseId = text(v.case_id, 'case_id', errs);
  if (caseId !== null && !CASE_ID_PATTERN.test(caseId))
    errs.add('case_id', `${show(v.case_id)} must be letters, digits, '.', '_', ':' or '-'`);
  const caseEvent = oneOf(v.case_event, 'case_event', CASE_EVENTS, errs);
  if (caseEvent !== null && caseId === null) errs.add('case_event', 'needs a case_id');

  const entry: ValidatedEntry = {
    id,
    month: month ?? '',
    eventDate,
    category: category ?? 'attack',
    block: block ?? 'A',
    stage: stage ?? 'incident',
    inCourt: bool(v.inCourt, 'inCourt', errs),
    outcome,
    claimedAmountKzt: amount(v.claimedAmountKzt, 'claimedAmountKzt', errs),
    awardedAmountKzt: amount(v.awardedAmountKzt, 'awardedAmountKzt', errs),
    lawArticle: text(v.lawArticle, 'lawArticle', errs),
    isHonorDignity: bool(v.isHonorDignity, 'isHonorDignity', errs),
    summary: summaryGiven ?? ownColumn ?? '',
    // The reports are written in Russian first; a row without a language is taken to be Russian.
    lang,
    sources: list(v.sources, 'sources', errs),
    people: list(v.people, 'people', errs),
    outlets: list(v.outlets, 'outlets', errs),
    actors: list(v.actors, 'actors', errs),
    court: text(v.court, 'court', errs),
    caseNumber: text(v.caseNumber, 'caseNumber', errs),
    region: text(v.region, 'region', errs),
    ongoing: bool(v.ongoing, 'ongoing', errs),
    ...(caseGiven || 'case_event' in v ? { caseId, caseEvent } : {}),
    ...(translationsGiven ? { translations } : {}),
  };
  for (const url of entry.sources) {
    if (!/^https?:\/\/[^\s/]+\.[^\s]*$/.test(url)) errs.add('sources', `${show(url)} is not an http(s) URL`);
  }
  return errs.list.length > 0 ? { ok: false, errors: errs.list } : { ok: true, entry };
}
