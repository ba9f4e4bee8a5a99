// The typed, immutable records that flow between stages. Every stage is a plain function from one record
// to the next; a rejection is a value (`Rejected`) with a reason that is stored and shown.
import type { CaseEvent } from './legal-case.ts';
import type { Block, CategoryId } from './taxonomy.ts';

export type Lang = 'kk' | 'ru' | 'en' | 'other';
export type Script = 'cyrl' | 'latn' | 'arab';
export type ItemKind = 'news' | 'court';
export type SourceKind = 'rss' | 'atom' | 'sitemap' | 'listing' | 'court';

/** Bytes as fetched, before any decoding. */
export interface RawPage {
  readonly sourceId: string;
  readonly url: string;
  /** The URL after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly fetchedAt: string;
}

/** A page decoded to text, with where the charset came from. */
export interface DecodedPage {
  readonly raw: RawPage;
  readonly html: string;
  readonly charset: string;
  readonly charsetSource: 'header' | 'bom' | 'meta' | 'sniffed' | 'default';
}

/** Facts of a court item, as the court-portal crawler extracts them. */
export interface CourtRecord {
  readonly caseNumber: string;
  readonly court: string | null;
  readonly region: string | null;
  readonly judge: string | null;
  readonly plaintiffs: readonly string[];
  readonly defendants: readonly string[];
  readonly category: string | null;
  readonly actKind: string | null;
  readonly registeredAt: string | null;
  readonly decidedAt: string | null;
  readonly closedHearing: boolean;
  readonly outcome: string | null;
  readonly claimedAmountKzt: number | null;
  readonly awardedAmountKzt: number | null;
  readonly history: readonly { readonly date: string; readonly event: string }[];
  /** The judicial acts read for this case, as the portal offered them (an HTML view or a download). */
  readonly documents?: readonly CourtDocument[];
}

/** One judicial act's original as fetched: its address, format, SHA-256 and size, and whether it was read. */
export interface CourtDocument {
  readonly url: string;
  readonly format: 'html' | 'pdf' | 'docx' | 'doc' | 'unknown';
  /** Hex SHA-256 of the bytes the portal sent (null when nothing was received). */
  readonly sha256: string | null;
  readonly bytes: number | null;
  /** `read`; `captcha` (behind a check, not attacked: retried the next night); `unreadable`; `too-large`; `failed`. */
  readonly status: 'read' | 'captcha' | 'unreadable' | 'too-large' | 'failed';
  readonly actKind: string | null;
  readonly actDate: string | null;
}

/** Per-source CSS selectors for extraction (config/sources.json); all optional. */
export interface SourceSelectors {
  readonly title?: string;
  readonly body?: string;
  readonly date?: string;
  readonly author?: string;
  readonly section?: string;
  /** Elements removed from the body before its text is taken. */
  readonly remove?: readonly string[];
}

/** An extracted article or court item, ready for language detection and classification. */
export interface Article {
  readonly sourceId: string;
  readonly kind: ItemKind;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly title: string;
  /** Body text; paragraphs separated by a blank line. */
  readonly text: string;
  readonly publishedAt: string | null;
  readonly author: string | null;
  readonly section: string | null;
  readonly langHint: Lang | null;
  readonly fetchedAt: string;
  /** The HTML it was extracted from, kept (compressed) for re-extraction. */
  readonly html: string | null;
  readonly extractedBy: 'jsonld' | 'microdata' | 'selectors' | 'generic' | 'court' | 'feed';
  /** A body under extraction's minBodyChars, kept because the outlet lists or marks the page as news. */
  readonly short?: boolean;
  /** How the body was found when extraction fell back (feed description, structured data), or why it is suspect. */
  readonly bodyNote?: string | null;
  readonly court?: CourtRecord;
}

export interface LanguageResult {
  readonly lang: Lang;
  readonly script: Script;
  readonly confidence: number;
}

export interface EvidenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface CategoryScore {
  readonly id: CategoryId;
  readonly score: number;
  readonly evidence: readonly EvidenceSpan[];
}

/** Facts the classifier extracts; reviewers correct them in the entry form. */
export interface ExtractedFacts {
  readonly people: readonly string[];
  readonly outlets: readonly string[];
  readonly stateBodies: readonly string[];
  readonly courts: readonly string[];
  readonly caseNumbers: readonly string[];
  readonly lawArticles: readonly string[];
  readonly amountsKzt: readonly number[];
  readonly dates: readonly string[];
  readonly places: readonly string[];
  readonly outcome: Outcome | null;
}

export interface Classification {
  readonly modelVersion: string;
  readonly lang: Lang;
  readonly script: Script;
  readonly candidate: boolean;
  readonly score: number;
  readonly categories: readonly CategoryScore[];
  readonly facts: ExtractedFacts;
}

export type Stage = 'charge' | 'judicial_act' | 'incident';
export type Outcome = 'for_media' | 'against_media' | 'partial' | 'pending';

/** A confirmed entry of the dataset, with the facts of taxonomy.md. */
export interface DatasetEntry {
  readonly id: string;
  readonly month: string;
  readonly eventDate: string | null;
  readonly category: CategoryId;
  readonly block: Block;
  readonly stage: Stage;
  readonly inCourt: boolean;
  readonly outcome: Outcome | null;
  readonly claimedAmountKzt: number | null;
  readonly awardedAmountKzt: number | null;
  readonly lawArticle: string | null;
  readonly isHonorDignity: boolean;
  readonly summary: string;
  readonly lang: Lang;
  readonly sources: readonly string[];
  readonly people: readonly string[];
  readonly outlets: readonly string[];
  /** Who acted: a state body, an official, a court, a company, a private person. */
  readonly actors: readonly string[];
  readonly court: string | null;
  readonly caseNumber: string | null;
  readonly region: string | null;
  /**
   * A case already counted in an earlier month: shown, never counted again. For an entry of a case it is
   * derived from the case (storage reads it so); for an entry without a case it is what was recorded.
   */
  readonly ongoing: boolean;
  /** The case the entry belongs to; absent (in a file without the column) means "leave it as stored". */
  readonly caseId?: string | null;
  /** What the entry is in its case's timeline, when a reviewer said so (else derived, core/legal-case.ts). */
  readonly caseEvent?: CaseEvent | null;
  /**
   * The summary in the report's other languages, written by a reviewer or an editor (never machine-made):
   * `summary` is the one in `lang`. Absent (a file without the columns) means "leave the stored ones".
   */
  readonly translations?: SummaryTranslations;
}

/** The languages the report is published in. */
export const REPORT_LANGS = ['ru', 'kk', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];
export type SummaryTranslations = Readonly<Partial<Record<ReportLang, string>>>;

/** The entry's summary in `lang`: its own when written in it, else a stored translation; null when none. */
export function summaryIn(e: DatasetEntry, lang: ReportLang): string | null {
  if (e.lang === lang) return e.summary.trim() === '' ? null : e.summary;
  const t = e.translations?.[lang]?.trim();
  return t ? t : null;
}

/** A stage's answer: the next record, or a rejection with a reason that is stored and shown. */
export type StageResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly stage: string; readonly reason: string };

export const accept = <T>(value: T): StageResult<T> => ({ ok: true, value });
export const reject = <T>(stage: string, reason: string): StageResult<T> => ({ ok: false, stage, reason });

/**
 * The scores the classifier decides candidates by: a line per language it decides by a line of its own (a real-text
 * calibration), `default` for every other language and for text of no known language. The review queue's "most
 * uncertain first" order measures each task against its language's line.
 */
export interface CandidateLines {
  readonly default: number;
  readonly byLang: Readonly<Record<string, number>>;
}

/** What the pipeline needs of the classifiers (classifiers/ provides it; tests may pass their own). */
export interface TextClassifier {
  readonly modelVersion: string;
  detectLanguage(text: string): LanguageResult;
  classify(
    input: {
      readonly title: string;
      readonly text: string;
      readonly kind: ItemKind;
      readonly court?: CourtRecord;
    },
    language: LanguageResult,
  ): Classification;
}

/** No facts: what a non-candidate (or a test double) carries. */
export const EMPTY_FACTS: ExtractedFacts = Object.freeze({
  people: [],
  outlets: [],
  stateBodies: [],
  courts: [],
  caseNumbers: [],
  lawArticles: [],
  amountsKzt: [],
  dates: [],
  places: [],
  outcome: null,
});
