// Which narrated entries of a month have no summary in a report language yet: the digest lists them at its
// top, and `soz dataset missing-translations` prints them for the editor who fills them in. Nothing is
// machine-translated: a missing summary stays missing until a person writes it.
import { type DatasetEntry, type ReportLang, summaryIn } from '../../core/index.ts';

export interface MissingTranslation {
  readonly id: string;
  readonly month: string;
  /** The language the entry's summary is written in. */
  readonly lang: string;
  readonly summary: string;
}

/** Entries with a summary (they are narrated) but none in `lang`, in id order. */
export function missingTranslations(
  entries: readonly DatasetEntry[],
  lang: ReportLang,
): MissingTranslation[] {
  return entries
    .filter((e) => e.summary.trim() !== '' && summaryIn(e, lang) === null)
    .map((e) => ({ id: e.id, month: e.month, lang: e.lang, summary: e.summary }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
