// A case: the entries of one matter followed over months — a charge or claim, hearings, closed sessions,
// judicial acts, appeals, the outcome. What can be derived from its entries is derived here, in pure
// functions shared by storage (which keeps the derived columns current) and the digest.
import type { DatasetEntry } from './records.ts';
import type { CategoryId } from './taxonomy.ts';

export const CASE_STATUSES = [
  'pending',
  'in_court',
  'decided_for_media',
  'decided_against_media',
  'partial',
  'dropped',
  'appealed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses of a case still moving: the "open cases" list shows these. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['pending', 'in_court', 'appealed'];

/** What an entry is in its case's timeline. */
export const CASE_EVENTS = [
  'charge',
  'hearing',
  'closed_hearing',
  'judicial_act',
  'appeal',
  'dropped',
  'other',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export const isCaseStatus = (v: unknown): v is CaseStatus => CASE_STATUSES.includes(v as CaseStatus);
export const isCaseEvent = (v: unknown): v is CaseEvent => CASE_EVENTS.includes(v as CaseEvent);

/** Case ids are text (carried in dataset files): letters, digits and . _ : -, at most CASE_ID_LIMIT. */
export const CASE_ID_LIMIT = 100;
export const CASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface LegalCase {
  readonly id: string;
  readonly title: string;
  /** The block C category of its charge (criminal, civil, administrative), else its first entry's. */
  readonly category: CategoryId | null;
  /** The status in force: the editor's when set, else the derived one. */
  readonly status: CaseStatus;
  readonly derivedStatus: CaseStatus;
  readonly statusOverride: CaseStatus | null;
  readonly statusNote: string | null;
  /** Who brought the charge or claim (a plaintiff, a complainant, a prosecutor). */
  readonly claimants: readonly string[];
  /** Whom it is against: journalists, outlets, bloggers, citizens. */
  readonly defendants: readonly string[];
  readonly court: string | null;
  readonly region: string | null;
  readonly caseNumbers: readonly string[];
  readonly lawArticles: readonly string[];
  readonly claimedAmountKzt: number | null;
  readonly awardedAmountKzt: number | null;
  readonly honorDignity: boolean;
  /** The first and last months its entries are filed under (null while it has none). */
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  /** Set when an editor merged it into another case: it then only redirects there. */
  readonly mergedInto: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The facts of an entry a case derives from. */
export type CaseEntryFacts = Pick<
  DatasetEntry,
  | 'id'
  | 'month'
  | 'eventDate'
  | 'category'
  | 'stage'
  | 'inCourt'
  | 'outcome'
  | 'claimedAmountKzt'
  | 'awardedAmountKzt'
  | 'isHonorDignity'
  | 'lawArticle'
> & { readonly caseEvent?: CaseEvent | null };

// Latin letters that look like the Cyrillic ones case-number types use («2а», «4к»): the portal writes
// Cyrillic, news sites and spreadsheets sometimes Latin.
const LOOKALIKES: Record<string, string> = { a: 'а', k: 'к', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', b: 'в' };

/** A case number as compared: no «№», no spaces, lower case, Cyrillic type letters. */
export function normalizeCaseNumber(value: string): string {
  return value
    .replace(/^\s*№\s*/, '')
    .replace(/[\s\u00a0]/g, '')
    .toLowerCase()
    .replace(/[akcoepxb]/g, (c) => LOOKALIKES[c] ?? c);
}

/** Timeline order: the event date (or the month's first day), then the month, then the id. */
export function compareCaseEntries(a: CaseEntryFacts, b: CaseEntryFacts): number {
  const day = (e: CaseEntryFacts) => e.eventDate ?? `${e.month}-01`;
  return day(a).localeCompare(day(b)) || a.month.localeCompare(b.month) || a.id.localeCompare(b.id);
}

/**
 * The event an entry is in its case: the one a reviewer chose, else what its facts say — a court
 * decision is a judicial act, a closed-session entry a closed hearing, the first charge the charge and a
 * later one a hearing of it.
 */
export function caseEventOf(e: CaseEntryFacts, earlierCharge: boolean): CaseEvent {
  if (e.caseEvent) return e.caseEvent;
  if (e.stage === 'judicial_act') return 'judicial_act';
  if (e.category === 'closed_session') return 'closed_hearing';
  if (e.stage === 'charge') return earlierCharge ? 'hearing' : 'charge';
  return 'other';
}

export interface CaseTimelineStep<E extends CaseEntryFacts = CaseEntryFacts> {
  readonly entry: E;
  readonly event: CaseEvent;
  /** The status the case had after this step. */
  readonly status: CaseStatus;
}

const ACT_STATUS: Record<NonNullable<DatasetEntry['outcome']>, CaseStatus> = {
  for_media: 'decided_for_media',
  against_media: 'decided_against_media',
  partial: 'partial',
  pending: 'in_court',
};

/** The entries in timeline order, each with its event and the status it leaves the case in. */
export function caseTimeline<E extends CaseEntryFacts>(entries: readonly E[]): CaseTimelineStep<E>[] {
  const ordered = [...entries].sort(compareCaseEntries);
  let status: CaseStatus = 'pending';
  let charged = false;
  return ordered.map((entry) => {
    const event = caseEventOf(entry, charged);
    if (event === 'charge') charged = true;
    if (entry.inCourt && status === 'pending') status = 'in_court';
    switch (event) {
      case 'hearing':
      case 'closed_hearing':
        if (status === 'pending') status = 'in_court';
        break;
      case 'judicial_act':
        status = ACT_STATUS[entry.outcome ?? 'pending'];
        break;
      case 'appeal':
        status = 'appealed';
        break;
      case 'dropped':
        status = 'dropped';
        break;
      default:
        break;
    }
    return { entry, event, status };
  });
}

const HONOUR_ARTICLE = /(?:ГК|АК)\s*(?:РК\s*)?143\b/u;

export interface DerivedCaseFacts {
  readonly status: CaseStatus;
  /** The latest amount claimed on any entry (a claim as filed, or as a decision restates it). */
  readonly claimedAmountKzt: number | null;
  /** What the latest judicial act awarded (an appeal's act replaces the first instance's). */
  readonly awardedAmountKzt: number | null;
  readonly honorDignity: boolean;
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
}

/**
 * What a case's entries say about it; an empty case is pending with nothing known. A case the court
 * portal lists (`onCourtPortal`: a court item joined it) is at least in court.
 */
export function deriveCaseFacts(entries: readonly CaseEntryFacts[], onCourtPortal = false): DerivedCaseFacts {
  const steps = caseTimeline(entries);
  const last = steps.at(-1)?.status ?? 'pending';
  let claimed: number | null = null;
  let awarded: number | null = null;
  for (const s of steps) {
    if (s.entry.claimedAmountKzt !== null) claimed = s.entry.claimedAmountKzt;
    if (s.event === 'judicial_act') awarded = s.entry.awardedAmountKzt;
  }
  const months = entries.map((e) => e.month).sort();
  return {
    status: last === 'pending' && onCourtPortal ? 'in_court' : last,
    claimedAmountKzt: claimed,
    awardedAmountKzt: awarded,
    honorDignity: entries.some((e) => e.isHonorDignity || HONOUR_ARTICLE.test(e.lawArticle ?? '')),
    firstMonth: months[0] ?? null,
    lastMonth: months.at(-1) ?? null,
  };
}

/**
 * Whether an entry of a case is ongoing: its case has an entry counted in an earlier month. The case's
 * first month is always counted, so this is "the case began in an earlier month".
 */
export const ongoingInCase = (entryMonth: string, caseFirstMonth: string | null): boolean =>
  caseFirstMonth !== null && caseFirstMonth < entryMonth;
