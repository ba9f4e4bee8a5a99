// The digest's words per language, read from config/digest/<lang>.json: the analysts change wording there,
// not in code. Loaded once per language and checked for the keys the layouts use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_IDS, type CategoryId, CONFIG_DIR, inputError, usageError } from '../../core/index.ts';

export const DIGEST_LANGS = ['ru', 'en', 'kk'] as const;
export type DigestLang = (typeof DIGEST_LANGS)[number];

/** A phrase with plural forms (Intl.PluralRules categories, plus "zero" and "all" chosen by the caller). */
export type Plural = Readonly<Record<string, string>>;

export interface DigestWords {
  readonly lang: DigestLang;
  readonly locale: string;
  readonly months: {
    readonly nom: readonly string[];
    readonly gen: readonly string[];
    readonly prep: readonly string[];
  };
  readonly numberWords: readonly string[];
  readonly amounts: { readonly scales: readonly (readonly [number, string])[]; readonly currency: string };
  readonly dates: { readonly long: string; readonly short: string };
  readonly classic: Readonly<Record<string, string | Plural>>;
  readonly blocks: {
    readonly countsHeading: string;
    readonly block: Readonly<Record<'A' | 'B' | 'C', Plural>>;
    readonly category: string;
    /** A category's line in layout 2 ("6 cases of misuse of the image of …"). */
    readonly categoryCases: Plural;
    readonly ytdHeading: string;
    readonly ytdPeriod: Plural;
    readonly ytdLine: string;
    readonly more: string;
    readonly fewer: string;
    readonly same: string;
    readonly noPrevious: string;
    /** The previous year has no entries at all: not "none", which would be a claim. */
    readonly noData: string;
    readonly noneNow: string;
    readonly blockLabel: Readonly<Record<'A' | 'B' | 'C', string>>;
    readonly events: string;
  };
  readonly ongoing: string;
  /** The note of an entry of a case counted in an earlier month: {month_nom|month_prep} {year} of that month. */
  readonly caseUpdate: string;
  readonly sources: string;
  readonly empty: string;
  readonly chartTitle: string;
  readonly explainHeading: string;
  readonly explain: Readonly<Record<string, string>>;
  /** What the top of a draft says when it is not final: candidates undecided, summaries untranslated. */
  readonly honesty: {
    readonly undecided: Plural;
    readonly missing: Plural;
    readonly untranslated: string;
    readonly languages: Readonly<Record<string, string>>;
  };
}

export interface DigestCommon {
  readonly foundationNames: readonly string[];
  readonly monitoringHead: { readonly name: string; readonly email: string };
  readonly chart: {
    readonly colors: Readonly<Record<CategoryId, string>>;
    readonly barWidth: number;
    readonly height: number;
  };
}

const CLASSIC_KEYS = [
  'title',
  'opening',
  'reports',
  'judicialActs',
  'inFavour',
  'monthChargesIntro',
  'monthCriminal',
  'monthCriminalInCourt',
  'monthCivil',
  'monthCivilHonour',
  'monthAdministrative',
  'ytdIntro',
  'ytdCriminal',
  'ytdCriminalInCourt',
  'ytdAdministrative',
  'ytdCivil',
  'ytdCivilHonour',
  'amounts',
  'closing',
  'signature',
  'email',
];

const cache = new Map<string, unknown>();

function readJson(name: string): unknown {
  const path = join(CONFIG_DIR, 'digest', name);
  if (!cache.has(path)) {
    try {
      cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw inputError(`${path}: cannot read the digest wording (${(error as Error).message})`, error);
    }
  }
  return cache.get(path);
}

export function isDigestLang(value: string): value is DigestLang {
  return (DIGEST_LANGS as readonly string[]).includes(value);
}

export function parseDigestLang(value: string): DigestLang {
  if (!isDigestLang(value)) throw usageError(`--lang: "${value}" is not one of ${DIGEST_LANGS.join(', ')}`);
  return value;
}

export function loadDigestWords(lang: DigestLang): DigestWords {
  const words = readJson(`${lang}.json`) as DigestWords;
  const where = `config/digest/${lang}.json`;
  for (const key of CLASSIC_KEYS) {
    if (!(key in words.classic)) throw inputError(`${where}: classic.${key} is missing`);
  }
  if (typeof words.caseUpdate !== 'string') throw inputError(`${where}: caseUpdate is missing`);
  for (const key of ['undecided', 'missing', 'untranslated', 'languages'] as const) {
    if (!words.honesty?.[key]) throw inputError(`${where}: honesty.${key} is missing`);
  }
  for (const key of ['categoryCases', 'noData'] as const) {
    if (!words.blocks?.[key]) throw inputError(`${where}: blocks.${key} is missing`);
  }
  for (const form of ['nom', 'gen', 'prep'] as const) {
    if (words.months[form]?.length !== 12) throw inputError(`${where}: months.${form} needs 12 names`);
  }
  return words;
}

export function loadDigestCommon(): DigestCommon {
  const common = readJson('common.json') as DigestCommon;
  // Every id the taxonomy knows is a series of the chart: a missing colour would draw an invisible bar.
  for (const id of CATEGORY_IDS) {
    const color = common.chart?.colors?.[id];
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) {
      throw inputError(
        `${join(CONFIG_DIR, 'digest', 'common.json')}: chart.colors.${id} must be a colour like "#1b7837"`,
      );
    }
  }
  return common;
}
