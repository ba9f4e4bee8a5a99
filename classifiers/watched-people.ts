// The watch list (config/lexicons/watched-people.json): the journalists, editors, bloggers and civic voices whose
// press-freedom cases recur in public monitoring. A monitoring team keeps such a list for years; the classifier knows
// these people from day one (known-people.ts merges them with the dataset's), so that a verdict told only through a
// person's name is a candidate on a new installation and in the evaluation as well.
import raw from '../config/lexicons/watched-people.json' with { type: 'json' };
import { type CategoryId, isCategoryId } from '../core/index.ts';

export const WATCHED_PEOPLE_FILE = 'config/lexicons/watched-people.json';

export type WatchedRole = 'journalist' | 'editor' | 'blogger' | 'activist' | 'poet' | 'foreign-correspondent';

export interface WatchedPerson {
  /** As Russian-language news spells it: first name, then surname ("Лукпан Ахмедьяров"). */
  readonly name: string;
  /** The Kazakh Cyrillic spelling, where it differs ("Лұқпан Ахмедьяров"). */
  readonly kk: string | null;
  /** Latin spellings the press uses, where they differ from the transliteration tables' ("Lukpan Akhmedyarov"). */
  readonly latin: readonly string[];
  readonly role: WatchedRole;
  readonly years: readonly number[];
  readonly source: string;
  readonly why: string;
  /** 'fullName': the surname counts only with the first name or its initial next to it. */
  readonly match: 'surname' | 'fullName';
  /**
   * The category the report counts the person's case under (criminal_charge for a prosecution, attack for an
   * assault…), or null when the person has several cases of different kinds: a story that tells only the case's
   * next step ("Батырбеков оправдан", "Yesergepov released") is a follow-up of that case (lexicon-evidence.ts).
   */
  readonly case: CategoryId | null;
}

export interface WatchList {
  readonly people: readonly WatchedPerson[];
  /** Surnames frequent in Kazakhstan (lower case): such a surname, in any of its forms, needs its first name. */
  readonly commonSurnames: ReadonlySet<string>;
}

const FIELDS = new Set(['name', 'kk', 'latin', 'role', 'years', 'source', 'why', 'match', 'case']);
const CYRILLIC_NAME = /^[\p{Script=Cyrillic}]+(?:[- ][\p{Script=Cyrillic}]+)+$/u;
const LATIN_NAME = /^[\p{Script=Latin}'’]+(?:[- ][\p{Script=Latin}'’]+)+$/u;
// The first cases the monitoring remembers are of the 1990s; a year after next year is a typo.
const FIRST_YEAR = 1991;

/**
 * The watch list of a file's text, checked entry by entry: an unknown field, a missing or badly written name, a bad
 * year or role is an error naming the file, the entry's index and the field, found at start-up rather than as a
 * name that silently never matches.
 */
export function parseWatchList(text: string, file: string = WATCHED_PEOPLE_FILE): WatchList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error(`${file}: must be an object with "roles", "commonSurnames" and "people"`);
  const d = data as Record<string, unknown>;
  const strings = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim()))
      throw new Error(`${file}: ${where} must be a list of non-empty strings`);
    return v as string[];
  };
  const roles = new Set(strings(d.roles, '"roles"'));
  const commonSurnames = new Set(strings(d.commonSurnames, '"commonSurnames"').map((x) => x.toLowerCase()));
  if (!Array.isArray(d.people)) throw new Error(`${file}: "people" must be a list of entries`);
  const lastYear = new Date().getUTCFullYear() + 1;
  const seen = new Map<string, number>();
  const people = d.people.map((entry: unknown, i: number): WatchedPerson => {
    const at = (field: string) => `${file}: people[${i}]${field ? `.${field}` : ''}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new Error(`${at('')} must be an object`);
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e))
      if (!FIELDS.has(key)) throw new Error(`${at(key)}: unknown field (known: ${[...FIELDS].join(', ')})`);
    if (typeof e.name !== 'string' || !e.name.trim()) throw new Error(`${at('name')}: missing`);
    const name = e.name.trim();
    if (!CYRILLIC_NAME.test(name))
      throw new Error(`${at('name')}: "${name}" must be a first name and a surname in Cyrillic`);
    const previous = seen.get(name.toLowerCase());
    if (previous !== undefined) throw new Error(`${at('name')}: "${name}" is already people[${previous}]`);
    seen.set(name.toLowerCase(), i);
    let kk: string | null = null;
    if (e.kk !== undefined) {
      if (typeof e.kk !== 'string' || !CYRILLIC_NAME.test(e.kk.trim()))
        throw new Error(`${at('kk')}: must be a first name and a surname in Cyrillic`);
      kk = e.kk.trim();
    }
    const latin = e.latin === undefined ? [] : strings(e.latin, `people[${i}].latin`).map((s) => s.trim());
    for (const [j, s] of latin.entries())
      if (!LATIN_NAME.test(s))
        throw new Error(`${at(`latin[${j}]`)}: "${s}" must be a full name in Latin script`);
    if (typeof e.role !== 'string' || !roles.has(e.role))
      throw new Error(`${at('role')}: must be one of ${[...roles].join(', ')}`);
    if (!Array.isArray(e.years) || e.years.length === 0)
      throw new Error(`${at('years')}: must list the years of the cases`);
    for (const [j, y] of e.years.entries())
      if (!Number.isInteger(y) || (y as number) < FIRST_YEAR || (y as number) > lastYear)
        throw new Error(
          `${at(`years[${j}]`)}: ${JSON.stringify(y)} is not a year between ${FIRST_YEAR} and ${lastYear}`,
        );
    if (typeof e.source !== 'string' || !/^(https?:\/\/\S+|\.\.\/shared\/reference\/\S+)$/.test(e.source))
      throw new Error(`${at('source')}: must be a URL or a file of ../shared/reference/`);
    if (typeof e.why !== 'string' || e.why.trim().length < 10)
      throw new Error(`${at('why')}: say in a few words why the person is watched`);
    if (e.match !== undefined && e.match !== 'surname' && e.match !== 'fullName')
      throw new Error(`${at('match')}: must be "surname" or "fullName"`);
    if (e.case !== undefined && (typeof e.case !== 'string' || !isCategoryId(e.case)))
      throw new Error(`${at('case')}: ${JSON.stringify(e.case)} is not a category id of taxonomy.md`);
    return {
      name,
      kk,
      latin,
      role: e.role as WatchedRole,
      years: e.years as number[],
      source: e.source,
      why: e.why.trim(),
      match: e.match === 'fullName' ? 'fullName' : 'surname',
      case: (e.case as CategoryId | undefined) ?? null,
    };
  });
  return { people, commonSurnames };
}

export const WATCH_LIST: WatchList = parseWatchList(JSON.stringify(raw));
