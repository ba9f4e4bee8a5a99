// The draft as a small document model, built once per layout and language and rendered to md, html or
// docx; the words all come from config/digest.
import { CATEGORIES, type DatasetEntry, summaryIn } from '../../core/index.ts';
import { missingTranslations } from '../dataset/missing-translations.ts';
import type { Counted, DigestStats } from './compute-digest-stats.ts';
import { type DigestCommon, type DigestWords, loadDigestCommon, loadDigestWords } from './digest-config.ts';
import { fillTemplate, pluralForm, type TemplateValues } from './fill-template.ts';

export interface NarrativeItem {
  readonly id: string;
  /** The event date as the language writes it, when the layout heads items by date. */
  readonly date: string | null;
  readonly text: string;
  readonly ongoingNote: string | null;
  readonly sources: readonly string[];
}

export type DigestBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'items'; readonly items: readonly NarrativeItem[] }
  | { readonly kind: 'chart' };

export interface ExplainLine {
  readonly label: string;
  readonly value: number;
  readonly ids: readonly string[];
}

export interface ChartSeries {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Counts per month, January first. */
  readonly values: readonly number[];
}

export interface DigestDocument {
  readonly lang: string;
  readonly header: readonly string[];
  readonly title: string;
  readonly dateLine: string;
  readonly blocks: readonly DigestBlock[];
  readonly explain: readonly ExplainLine[] | null;
  readonly explainHeading: string;
  readonly sourcesLabel: string;
  readonly chart: {
    readonly title: string;
    readonly months: readonly string[];
    readonly series: readonly ChartSeries[];
  };
}

/** What the narrative needs of an entry's case: the month it was first counted in. */
export interface DigestCase {
  readonly firstMonth: string | null;
}

export interface DigestContext {
  readonly words: DigestWords;
  readonly common: DigestCommon;
  readonly stats: DigestStats;
  /** Month values for templates: year, month_nom, month_gen, month_prep. */
  readonly monthValues: TemplateValues;
  /** The draft's date, YYYY-MM-DD. */
  readonly draftDate: string;
  /** The cases of the month's entries, by id. */
  readonly cases: ReadonlyMap<string, DigestCase>;
  /** Candidates of the month still awaiting a decision. */
  readonly undecided: number;
}

export function createDigestContext(
  stats: DigestStats,
  lang: DigestWords['lang'],
  draftDate: string,
  cases: ReadonlyMap<string, DigestCase> = new Map(),
  undecided = 0,
): DigestContext {
  const words = loadDigestWords(lang);
  const m = Number(stats.month.slice(5, 7)) - 1;
  return {
    words,
    common: loadDigestCommon(),
    stats,
    monthValues: {
      year: stats.month.slice(0, 4),
      month_nom: words.months.nom[m]!,
      month_gen: words.months.gen[m]!,
      month_prep: words.months.prep[m]!,
    },
    draftDate,
    cases,
    undecided,
  };
}

export function formatDate(ctx: DigestContext, isoDate: string, form: 'long' | 'short'): string {
  const [y, mo, d] = isoDate.slice(0, 10).split('-');
  const m = Number(mo) - 1;
  return fillTemplate(ctx.words.dates[form], {
    year: y!,
    day: Number(d),
    month_nom: ctx.words.months.nom[m]!,
    month_gen: ctx.words.months.gen[m]!,
    month_prep: ctx.words.months.prep[m]!,
  });
}

export function narrativeItem(ctx: DigestContext, e: DatasetEntry, withDate: boolean): NarrativeItem {
  return {
    id: e.id,
    date: withDate && e.eventDate ? formatDate(ctx, e.eventDate, 'short') : null,
    text: summaryOf(ctx, e),
    ongoingNote: e.ongoing ? ongoingNote(ctx, e) : null,
    sources: e.sources,
  };
}

/** The entry's summary in the draft's language, or its own marked as not yet translated. */
function summaryOf(ctx: DigestContext, e: DatasetEntry): string {
  const translated = summaryIn(e, ctx.words.lang);
  if (translated !== null) return translated;
  const h = ctx.words.honesty;
  return `${fillTemplate(h.untranslated, { language: h.languages[e.lang] ?? e.lang })} ${e.summary}`;
}

/**
 * What the top of a draft says when it is not final yet: how many candidates of the month are undecided,
 * and which narrated entries have no summary in the draft's language.
 */
export function draftNotes(ctx: DigestContext): DigestBlock[] {
  const h = ctx.words.honesty;
  const notes: DigestBlock[] = [];
  if (ctx.undecided > 0) {
    notes.push({
      kind: 'paragraph',
      text: fillTemplate(pluralForm(h.undecided, ctx.undecided, ctx.words.locale), {
        ...ctx.monthValues,
        n: ctx.undecided,
      }),
    });
  }
  const missing = missingTranslations(ctx.stats.monthEntries, ctx.words.lang);
  if (missing.length > 0) {
    notes.push({
      kind: 'paragraph',
      text: fillTemplate(pluralForm(h.missing, missing.length, ctx.words.locale), {
        n: missing.length,
        ids: missing.map((m) => m.id).join(', '),
      }),
    });
  }
  return notes;
}

/** An entry of a case counted earlier is narrated as that case's update; one without a case, as ongoing. */
function ongoingNote(ctx: DigestContext, e: DatasetEntry): string {
  const first = e.caseId ? ctx.cases.get(e.caseId)?.firstMonth : null;
  if (!first) return ctx.words.ongoing;
  const m = Number(first.slice(5, 7)) - 1;
  return fillTemplate(ctx.words.caseUpdate, {
    year: first.slice(0, 4),
    month_nom: ctx.words.months.nom[m]!,
    month_gen: ctx.words.months.gen[m]!,
    month_prep: ctx.words.months.prep[m]!,
  });
}

/** The opening shared by both layouts: the foundation's names, the title, the date, the opening sentence. */
export function opening(ctx: DigestContext) {
  return {
    header: ctx.common.foundationNames,
    title: fillTemplate(String(ctx.words.classic.title), ctx.monthValues),
    dateLine: formatDate(ctx, ctx.draftDate, 'long'),
    openingSentence: fillTemplate(String(ctx.words.classic.opening), ctx.monthValues),
  };
}

/** The closing: the monitoring's sources, and the head of monitoring when config names one. */
export function closing(ctx: DigestContext): DigestBlock[] {
  const blocks: DigestBlock[] = [{ kind: 'paragraph', text: String(ctx.words.classic.closing) }];
  const head = ctx.common.monitoringHead;
  if (head.name)
    blocks.push({ kind: 'paragraph', text: fillTemplate(String(ctx.words.classic.signature), head) });
  if (head.email)
    blocks.push({ kind: 'paragraph', text: fillTemplate(String(ctx.words.classic.email), head) });
  return blocks;
}

export function chartOf(ctx: DigestContext): DigestDocument['chart'] {
  const lang = ctx.words.lang;
  const months = ctx.words.months.nom.slice(0, Number(ctx.stats.month.slice(5, 7)));
  return {
    title: fillTemplate(ctx.words.chartTitle, ctx.monthValues),
    months,
    series: CATEGORIES.map((c) => ({
      id: c.id,
      name: c.name[lang],
      color: ctx.common.chart.colors[c.id],
      values: ctx.stats.chart[c.id],
    })),
  };
}

export function explainLine(ctx: DigestContext, key: string, counted: Counted, values: TemplateValues = {}) {
  const label = ctx.words.explain[key];
  if (label === undefined) throw new Error(`config/digest/${ctx.words.lang}.json: explain.${key} is missing`);
  return { label: fillTemplate(label, values), value: counted.value, ids: counted.ids };
}

/** Entries with a summary are narrated; spreadsheet rows without one only count. */
export function narrated(entries: readonly DatasetEntry[]): DatasetEntry[] {
  return entries.filter((e) => e.summary.trim() !== '');
}
