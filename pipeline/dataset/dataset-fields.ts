// The columns of an imported or exported dataset file, in the order they are written. The same list is
// read back, so that an export imports unchanged.
import { type DatasetEntry, summaryIn } from '../../core/index.ts';

export const DATASET_FIELDS = [
  'id',
  'month',
  'eventDate',
  'category',
  'block',
  'stage',
  'inCourt',
  'outcome',
  'claimedAmountKzt',
  'awardedAmountKzt',
  'lawArticle',
  'isHonorDignity',
  'summary',
  'lang',
  // The summary in each report language (summary_<lang> repeats `summary`); files written before them
  // lack the three columns, and such a row leaves the stored translations as they are.
  'summary_ru',
  'summary_kk',
  'summary_en',
  'sources',
  'people',
  'outlets',
  'actors',
  'court',
  'caseNumber',
  'region',
  'ongoing',
  // The case the entry belongs to and what it is there (files written before cases lack both: such a row
  // leaves the stored entry's case as it is).
  'case_id',
  'case_event',
] as const;

/** Other spellings accepted on import, in the file's camelCase style. */
export const FIELD_ALIASES: Readonly<Record<string, DatasetField>> = {
  caseId: 'case_id',
  caseEvent: 'case_event',
};

export type DatasetField = (typeof DATASET_FIELDS)[number];

/** Fields that hold a list; flat formats (CSV, XLSX) join them with LIST_SEPARATOR. */
export const LIST_FIELDS: readonly DatasetField[] = ['sources', 'people', 'outlets', 'actors'];
export const LIST_SEPARATOR = ' | ';

/** A cell value as a file gives it, before validation. */
export type RawValue = string | number | boolean | null | undefined | readonly unknown[];

/** One row of a dataset file, with where it came from for error messages. */
export interface RawRow {
  /** The line (JSON Lines, CSV), sheet row (XLSX) or array position (JSON), 1-based. */
  readonly row: number;
  readonly values: Readonly<Record<string, RawValue>>;
}

/** An entry as a structured row (JSON, JSON Lines): native booleans, numbers and arrays. */
export function entryToRow(
  e: DatasetEntry,
): Record<DatasetField, string | number | boolean | null | string[]> {
  return {
    id: e.id,
    month: e.month,
    eventDate: e.eventDate,
    category: e.category,
    block: e.block,
    stage: e.stage,
    inCourt: e.inCourt,
    outcome: e.outcome,
    claimedAmountKzt: e.claimedAmountKzt,
    awardedAmountKzt: e.awardedAmountKzt,
    lawArticle: e.lawArticle,
    isHonorDignity: e.isHonorDignity,
    summary: e.summary,
    lang: e.lang,
    summary_ru: summaryIn(e, 'ru'),
    summary_kk: summaryIn(e, 'kk'),
    summary_en: summaryIn(e, 'en'),
    sources: [...e.sources],
    people: [...e.people],
    outlets: [...e.outlets],
    actors: [...e.actors],
    court: e.court,
    caseNumber: e.caseNumber,
    region: e.region,
    ongoing: e.ongoing,
    case_id: e.caseId ?? null,
    case_event: e.caseId ? (e.caseEvent ?? null) : null,
  };
}

/** An entry as a flat row of text cells (CSV, XLSX); empty cells are empty strings. */
export function entryToFlatRow(e: DatasetEntry): Record<DatasetField, string> {
  const row = entryToRow(e);
  const flat = {} as Record<DatasetField, string>;
  for (const f of DATASET_FIELDS) {
    const v = row[f];
    flat[f] = v === null ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v);
  }
  return flat;
}
