// Targets named by name: Kazakhstan's outlets (config/lexicons/media-names.json) and the journalists and bloggers
// the monitoring team already knows (the people and outlets of confirmed dataset entries, passed in as
// ClassifierOptions.knownMedia). Real headlines often name the target only so: "KazTAG's editor questioned",
// "Ниязовтың үстінен іс қозғалды". Compiled into lexicon patterns (taxonomy-lexicons.ts), so a name costs the
// matcher what any other target word costs.
import names from '../config/lexicons/media-names.json' with { type: 'json' };
import type { CategoryId } from '../core/index.ts';
import { nameSpellings } from './name-transliteration.ts';
import type { WatchList } from './watched-people.ts';

export type NameLang = 'ru' | 'kk' | 'en';

/** Who the monitoring team already knows as media: the affected people and outlets of confirmed entries. */
export interface KnownMedia {
  /** Journalists, bloggers and other people affected, as written in entries ("Lukpan Akhmedyarov", "Сапаров Е. Б."). */
  readonly people: readonly string[];
  readonly outlets: readonly string[];
  /**
   * Per person of `people`, the category of their latest confirmed entry: the case a story telling only its next
   * step ("X acquitted") follows up (lexicon-evidence.ts).
   */
  readonly cases?: Readonly<Record<string, CategoryId>>;
  /**
   * The watch list (watched-people.ts) the classifier also knows; known-people.ts's knownPeople() adds it and
   * drops the dataset's people it already holds.
   */
  readonly watch?: WatchList;
}

/** One target pattern in the lexicon syntax; `outlet` tells attribution ("сообщает KazTAG") to cancel it. */
export interface NamePattern {
  readonly source: string;
  readonly outlet: boolean;
  /** A known person's case category (watch list 'case', the dataset's latest entry): follow-ups count under it. */
  readonly case?: CategoryId;
}

/** Attribution cues of persons.attribution: they make a person's name the news's author or source, not its target. */
export interface PersonAttribution {
  /** The person-only cues of each language ("по словам", "расследование", "said"). */
  readonly cues: Readonly<Record<NameLang, readonly string[]>>;
  /** Whether the outlets' attribution words ("сообщает", "told") also cancel a person's name. */
  readonly general: boolean;
}

const LANGS: readonly NameLang[] = ['ru', 'kk', 'en'];

function checkList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim()))
    throw new Error(`config/lexicons/media-names.json: ${where} must be a list of non-empty strings`);
  return value as string[];
}

// Checked once at load: a typo in the file is named with its field, not found later as a silent non-match.
const OUTLETS: readonly { name: string; patterns: string[] }[] = names.outlets.map((o, i) => {
  if (typeof o.name !== 'string' || !o.name)
    throw new Error(`config/lexicons/media-names.json: outlets[${i}] has no name`);
  return { name: o.name, patterns: checkList(o.patterns, `outlets[${i}].patterns (${o.name})`) };
});
const PERSONS = names.persons;
const TRAILING_VOWELS = new RegExp(
  `[${checkList(PERSONS.trailingVowels, 'persons.trailingVowels').join('')}]+$`,
  'u',
);
const SURNAME = checkList(PERSONS.surnameEndings, 'persons.surnameEndings');
/** Patronymic particles (ұлы, қызы, оглы): part of a written name, never its surname. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(checkList(PERSONS.particles, 'persons.particles'));
const QUOTED_WITH: Readonly<Record<NameLang, readonly string[]>> = {
  ru: checkList(names.quotedWith.ru, 'quotedWith.ru'),
  kk: checkList(names.quotedWith.kk, 'quotedWith.kk'),
  en: checkList(names.quotedWith.en, 'quotedWith.en'),
};
export const ATTRIBUTION: Readonly<Record<NameLang, readonly string[]>> = {
  ru: checkList(names.attribution.ru, 'attribution.ru'),
  kk: checkList(names.attribution.kk, 'attribution.kk'),
  en: checkList(names.attribution.en, 'attribution.en'),
};
export const ATTRIBUTION_GAP: number = names.attributionGap;
const personAttribution = PERSONS.attribution as Record<string, unknown>;
export const PERSON_ATTRIBUTION: PersonAttribution = {
  cues: {
    ru: checkList(personAttribution.ru, 'persons.attribution.ru'),
    kk: checkList(personAttribution.kk, 'persons.attribution.kk'),
    en: checkList(personAttribution.en, 'persons.attribution.en'),
  },
  general: (() => {
    if (typeof personAttribution.general !== 'boolean')
      throw new Error('config/lexicons/media-names.json: persons.attribution.general must be true or false');
    return personAttribution.general;
  })(),
};
// Initials that are also one-letter words ("и", "в", "a", "I"): "и Козлов" is no initial.
const WORD_INITIALS = new Set(checkList(PERSONS.wordInitials, 'persons.wordInitials'));

/** "Vlast.kz" is two words to the tokenizer ("vlast", "kz"): patterns are written the way it splits them. */
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.«»"“”„()]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);

/** The surname of a person as written in an entry, lower-cased, or null when no word can be one. */
function surnameOf(person: string): string | null {
  const parts = person
    .split(/[\s,]+/)
    .map((w) => w.replace(/[.«»"“”()]/g, '').toLowerCase())
    .filter((w) => w.length > 2 && !NAME_PARTICLES.has(w));
  if (parts.length === 0) return null;
  return parts.find((w) => SURNAME.some((e) => w.endsWith(e) && w.length > e.length + 2)) ?? parts.at(-1)!;
}

/** A spelling of a surname as a prefix pattern without its trailing vowels, or null when too short to be safe. */
function stemPattern(surname: string): string | null {
  // Trailing vowels and й drop (Ахмедьярова → ахмедьяров, Павловский → павловск): the prefix then meets every case
  // form of the name, masculine and feminine, Russian and Kazakh.
  const stem = surname.replace(TRAILING_VOWELS, '');
  if (stem.length < PERSONS.minStem || !/^[\p{L}-]+$/u.test(stem)) return null;
  return `${stem}*`;
}

/**
 * The surname of a person as written in an entry, as a prefix pattern ("ниязов*" meets Ниязова, Ниязовтың,
 * Ниязовқа), or null when no word is long enough to be matched safely. Initials ("Е. Б.") and patronymic
 * particles (ұлы, қызы) are skipped; among the rest the word with a surname ending wins, else the last one.
 */
export function surnamePattern(person: string): string | null {
  const surname = surnameOf(person);
  return surname === null ? null : stemPattern(surname);
}

/**
 * The surname's patterns in every script (config/name-transliteration.json): Ахметова → ахметов*, akhmetov*,
 * ahmetov*; Tokhtarbekov → tokhtarbekov*, тохтарбеков*, toqtarbekov*… Each spelling loses its own trailing
 * vowels, so the case endings of its script still meet it.
 */
export function surnamePatterns(person: string): string[] {
  const surname = surnameOf(person);
  if (surname === null) return [];
  const out = new Set<string>();
  for (const spelling of nameSpellings(surname)) {
    const p = stemPattern(spelling);
    if (p) out.add(p);
  }
  return [...out];
}

/** A first name (or any word) as a prefix pattern: its trailing vowels dropped, whole when that leaves too little. */
function wordPattern(word: string): string | null {
  if (!/^[\p{L}-]+$/u.test(word)) return null;
  const stem = word.replace(TRAILING_VOWELS, '');
  return stem.length >= 2 ? `${stem}*` : word;
}

/** Whether a watched person's surname needs the first name: frequent in Kazakhstan, too short, or said so. */
export function needsFirstName(person: WatchList['people'][number], common: ReadonlySet<string>): boolean {
  const stem = person.name.split(/\s+/).at(-1)!.toLowerCase().replace(TRAILING_VOWELS, '');
  // Stems as the matcher cuts them, so feminine forms meet their masculine stem (Садыкова → садыков, Козлова → козлов).
  return (
    person.match === 'fullName' ||
    stem.length < PERSONS.minStem ||
    [...common].some((c) => c.replace(TRAILING_VOWELS, '') === stem)
  );
}

/**
 * The patterns of one watched person in every script: the surname alone over its case endings, or, when the
 * surname needs the first name, "first surname", "surname first" and "initial surname" (Жанболат Мамай, Мамай
 * Жанболат, Ж. Мамай — the tokenizer drops the initial's dot).
 */
export function watchedPatterns(person: WatchList['people'][number], common: ReadonlySet<string>): string[] {
  // The Cyrillic forms give every script through the tables; a Latin form is the press's own spelling and stays as
  // written (read back into Cyrillic it would make forms no one writes: "Yuliya" → "ьюлия").
  const spellings = new Set<string>();
  for (const n of [person.name, ...(person.kk ? [person.kk] : [])])
    for (const s of nameSpellings(n.toLowerCase())) spellings.add(s);
  for (const n of person.latin) spellings.add(n.toLowerCase());
  const out = new Set<string>();
  if (!needsFirstName(person, common)) {
    for (const s of spellings) {
      const p = surnamePattern(s);
      if (p) out.add(p);
    }
    return [...out];
  }
  for (const s of spellings) {
    const w = s.split(/[\s]+/).filter(Boolean);
    if (w.length < 2) continue;
    const first = wordPattern(w[0]!);
    const last = wordPattern(w.at(-1)!);
    if (!first || !last) continue;
    out.add(`${first} ${last}`);
    out.add(`${last} ${first}`);
    const initial = [...w[0]!][0]!;
    if (/^[\p{L}]$/u.test(initial) && !/[ьъ]/.test(initial) && !WORD_INITIALS.has(initial))
      out.add(`${initial} ${last}`);
  }
  return [...out];
}

/** A multi-word outlet name of the dataset as a pattern: each long word a prefix without its final vowels. */
function outletPattern(w: readonly string[]): string {
  return w.map((x) => (x.length >= PERSONS.minStem ? `${x.replace(TRAILING_VOWELS, '')}*` : x)).join(' ');
}

/** The outlets' name patterns and those of the known people and outlets: targets of every language's lexicon. */
export function namePatterns(known?: KnownMedia): NamePattern[] {
  const out = new Map<string, NamePattern>();
  for (const o of OUTLETS)
    for (const p of o.patterns) out.set(words(p).join(' '), { source: words(p).join(' '), outlet: true });
  for (const outlet of known?.outlets ?? []) {
    const w = words(outlet);
    // A one-word name shorter than five letters ("Дат", "KTK") is too likely an ordinary word or an acronym of
    // something else; the committed list carries the ones that are safe.
    if (w.length === 0 || (w.length === 1 && w[0]!.length < 5)) continue;
    // «Степной вестник» meets «Степного вестника», and in Latin script "Stepnoy Vestnik".
    for (const spelling of nameSpellings(w.join(' '))) {
      const source = outletPattern(spelling.split(' ').filter(Boolean));
      if (!out.has(source)) out.set(source, { source, outlet: true });
    }
  }
  const watch = known?.watch;
  const person = (source: string, category: CategoryId | null | undefined): NamePattern =>
    category ? { source, outlet: false, case: category } : { source, outlet: false };
  for (const p of watch?.people ?? [])
    for (const source of watchedPatterns(p, watch!.commonSurnames))
      if (!out.has(source)) out.set(source, person(source, p.case));
  for (const p of known?.people ?? [])
    for (const source of surnamePatterns(p))
      if (!out.has(source)) out.set(source, person(source, known?.cases?.[p]));
  return [...out.values()];
}

const WORD_BEFORE = /([\p{L}-]+)\s*$/u;
const WORD_AFTER = /^\s*([\p{L}-]+)/u;
const QUOTED = /[«"“„]([^«»"“”„\n]{2,60})[»"”“]/gu;

/**
 * Names an item gives its outlets by quoting them next to a media word (газета «Ак Жайык», «Орал апталығы»
 * басылымы, the "Uralsk Week" newspaper), lower-cased: the same quoted name elsewhere in the item is that outlet.
 */
export function quotedOutletNames(text: string, lang: NameLang): Set<string> {
  const found = new Set<string>();
  if (!/[«"“„]/.test(text)) return found;
  const media = QUOTED_WITH[lang];
  for (const m of text.matchAll(QUOTED)) {
    // Only the word right before and right after the quotes: a few characters each, not the text around.
    const lastBefore = (
      WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1] ?? ''
    ).toLowerCase();
    const end = m.index + m[0].length;
    const firstAfter = (WORD_AFTER.exec(text.slice(end, end + 30))?.[1] ?? '').toLowerCase();
    if (media.some((w) => lastBefore.startsWith(w) || firstAfter.startsWith(w)))
      found.add(m[1]!.trim().toLowerCase());
  }
  return found;
}

/** Every quoted span of a text whose words name one of `outlets`: [start, end) of the words inside the quotes. */
export function quotedOutletSpans(text: string, outlets: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = [];
  if (outlets.size === 0) return spans;
  for (const m of text.matchAll(QUOTED)) {
    if (!outlets.has(m[1]!.trim().toLowerCase())) continue;
    const start = m.index + 1 + (m[1]!.length - m[1]!.trimStart().length);
    spans.push([start, start + m[1]!.trim().length]);
  }
  return spans;
}

export const NAME_LANGS = LANGS;
