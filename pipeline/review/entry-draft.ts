// The entry form, shared by the web page and `soz review confirm`: every field of a dataset entry as text,
// pre-filled from the classifier's facts, and parsed back with an error naming the field.
import {
  blockOf,
  CATEGORY_IDS,
  type Classification,
  type DatasetEntry,
  isCategoryId,
  type Lang,
  type Outcome,
  REPORT_LANGS,
  type ReportLang,
  type Stage,
} from '../../core/index.ts';
import { reviewInputError } from './review-errors.ts';

export const ENTRY_FIELDS = [
  'category',
  'block',
  'stage',
  'inCourt',
  'outcome',
  'claimedAmountKzt',
  'awardedAmountKzt',
  'lawArticle',
  'isHonorDignity',
  'people',
  'outlets',
  'actors',
  'court',
  'caseNumber',
  'region',
  'month',
  'eventDate',
  'lang',
  'ongoing',
  'summary',
  // The summary in the report's other languages, filled in by a reviewer or an editor; the one of the
  // entry's own language is `summary` and its field here is ignored.
  'summaryRu',
  'summaryKk',
  'summaryEn',
] as const;

/** The translation field of each report language. */
export const TRANSLATION_FIELDS: Readonly<Record<ReportLang, EntryField>> = {
  ru: 'summaryRu',
  kk: 'summaryKk',
  en: 'summaryEn',
};

export type EntryField = (typeof ENTRY_FIELDS)[number];
export type EntryForm = Record<EntryField, string>;

export const STAGES: readonly Stage[] = ['incident', 'charge', 'judicial_act'];
export const OUTCOMES: readonly Outcome[] = ['for_media', 'against_media', 'partial', 'pending'];
export const LANGS: readonly Lang[] = ['ru', 'kk', 'en', 'other'];
export const BOOLEAN_FIELDS: readonly EntryField[] = ['inCourt', 'isHonorDignity', 'ongoing'];
export const LIST_FIELDS: readonly EntryField[] = ['people', 'outlets', 'actors'];

/** kebab-case CLI option of a field: claimedAmountKzt → claimed-amount-kzt. */
export const optionName = (f: EntryField) => f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const joinList = (xs: readonly string[]) => xs.join('; ');

function firstParagraph(text: string, max = 400): string {
  const p =
    text
      .split(/\n\s*\n/)
      .find((x) => x.trim().length > 0)
      ?.trim() ?? '';
  return p.length > max ? `${p.slice(0, max - 1).trimEnd()}…` : p;
}

/** The form as the candidate suggests it: the top category and the classifier's facts. */
export function draftFromCandidate(c: {
  readonly topCategory: string | null;
  readonly month: string | null;
  readonly lang: string | null;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly classification: Classification | null;
}): EntryForm {
  const category = isCategoryId(c.topCategory)
    ? c.topCategory
    : (c.classification?.categories[0]?.id ?? 'pressure');
  const facts = c.classification?.facts;
  const block = blockOf(category);
  const eventDate = facts?.dates[0]?.slice(0, 10) ?? c.publishedAt?.slice(0, 10) ?? '';
  return {
    category,
    block,
    stage:
      block === 'C'
        ? facts?.outcome && facts.outcome !== 'pending'
          ? 'judicial_act'
          : 'charge'
        : 'incident',
    inCourt: facts?.courts.length ? 'yes' : '',
    outcome: facts?.outcome ?? '',
    claimedAmountKzt: facts?.amountsKzt[0] !== undefined ? String(facts.amountsKzt[0]) : '',
    awardedAmountKzt: '',
    lawArticle: facts?.lawArticles[0] ?? '',
    isHonorDignity: category === 'civil_claim' && facts?.lawArticles.some((a) => /143/.test(a)) ? 'yes' : '',
    people: joinList(facts?.people ?? []),
    outlets: joinList(facts?.outlets ?? []),
    actors: joinList(facts?.stateBodies ?? []),
    court: facts?.courts[0] ?? '',
    caseNumber: facts?.caseNumbers[0] ?? '',
    region: facts?.places[0] ?? '',
    month: c.month ?? eventDate.slice(0, 7),
    eventDate,
    lang: c.lang && (LANGS as readonly string[]).includes(c.lang) ? c.lang : 'ru',
    ongoing: '',
    summary: firstParagraph(c.text),
    summaryRu: '',
    summaryKk: '',
    summaryEn: '',
  };
}

/** The form of a stored entry, for editing. */
export function formFromEntry(e: DatasetEntry): EntryForm {
  return {
    category: e.category,
    block: e.block,
    stage: e.stage,
    inCourt: e.inCourt ? 'yes' : '',
    outcome: e.outcome ?? '',
    claimedAmountKzt: e.claimedAmountKzt === null ? '' : String(e.claimedAmountKzt),
    awardedAmountKzt: e.awardedAmountKzt === null ? '' : String(e.awardedAmountKzt),
    lawArticle: e.lawArticle ?? '',
    isHonorDignity: e.isHonorDignity ? 'yes' : '',
    people: joinList(e.people),
    outlets: joinList(e.outlets),
    actors: joinList(e.actors),
    court: e.court ?? '',
    caseNumber: e.caseNumber ?? '',
    region: e.region ?? '',
    month: e.month,
    eventDate: e.eventDate ?? '',
    lang: e.lang,
    ongoing: e.ongoing ? 'yes' : '',
    summary: e.summary,
    summaryRu: e.translations?.ru ?? '',
    summaryKk: e.translations?.kk ?? '',
    summaryEn: e.translations?.en ?? '',
  };
}

const TRUE = new Set(['yes', 'on', 'true', '1']);
const FALSE = new Set(['', 'no', 'off', 'false', '0']);

function bool(field: EntryField, v: string): boolean {
  const x = v.trim().toLowerCase();
  if (TRUE.has(x)) return true;
  if (FALSE.has(x)) return false;
  throw reviewInputError(`${field}: "${v}" is not yes or no`, 'notYesNo', { field, value: v });
}

function amount(field: EntryField, v: string): number | null {
  const x = v.replace(/[\s\u00a0_]/g, '');
  if (x === '') return null;
  if (!/^\d{1,15}$/.test(x))
    throw reviewInputError(`${field}: "${v}" is not a whole number of tenge`, 'notAmount', {
      field,
      value: v,
    });
  return Number(x);
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
const list = (v: string) =>
  v
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function oneOf<T extends string>(field: EntryField, v: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw reviewInputError(`${field}: "${v}" is not one of ${allowed.join(', ')}`, 'notOneOf', {
    field,
    value: v,
    allowed: allowed.join(', '),
  });
}

/**
 * Overlays `changes` on `base` and parses the result into an entry (without id and sources). Throws an
 * input error naming the first bad field.
 */
export function parseEntryForm(
  base: EntryForm,
  changes: Partial<Record<string, string>>,
): Omit<DatasetEntry, 'id' | 'sources'> {
  const f: EntryForm = { ...base };
  for (const k of ENTRY_FIELDS) {
    const v = changes[k];
    if (v !== undefined) f[k] = v;
  }
  const category = f.category.trim();
  if (!isCategoryId(category)) {
    throw reviewInputError(
      `category: "${category}" is not one of ${CATEGORY_IDS.join(', ')}`,
      'badCategory',
      { value: category },
    );
  }
  // The block follows from the category (taxonomy.md); the form's block select only mirrors it.
  const block = blockOf(category);
  const month = f.month.trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw reviewInputError(`month: "${month}" is not YYYY-MM`, 'badMonth', { value: month });
  const eventDate = text(f.eventDate);
  if (eventDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) {
    throw reviewInputError(`eventDate: "${eventDate}" is not YYYY-MM-DD`, 'badEventDate', {
      value: eventDate,
    });
  }
  const summary = f.summary.trim();
  if (summary === '')
    throw reviewInputError('summary: is empty; write one paragraph about the event', 'emptySummary');
  const outcome = text(f.outcome);
  const lang = oneOf('lang', f.lang.trim(), LANGS);
  const translations = Object.fromEntries(
    REPORT_LANGS.flatMap((l) => {
      const v = text(f[TRANSLATION_FIELDS[l]]);
      return l !== lang && v !== null ? [[l, v]] : [];
    }),
  );
  return {
    month,
    eventDate,
    category,
    block,
    stage: oneOf('stage', f.stage.trim(), STAGES),
    inCourt: bool('inCourt', f.inCourt),
    outcome: outcome === null ? null : oneOf('outcome', outcome, OUTCOMES),
    claimedAmountKzt: amount('claimedAmountKzt', f.claimedAmountKzt),
    awardedAmountKzt: amount('awardedAmountKzt', f.awardedAmountKzt),
    lawArticle: text(f.lawArticle),
    isHonorDignity: bool('isHonorDignity', f.isHonorDignity),
    summary,
    lang,
    translations,
    people: list(f.people),
    outlets: list(f.outlets),
    actors: list(f.actors),
    court: text(f.court),
    caseNumber: text(f.caseNumber),
    region: text(f.region),
    ongoing: bool('ongoing', f.ongoing),
  };
}
