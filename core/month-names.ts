// Month names of the three languages, read once from config/month-names.json and checked on load: the review UI's
// dates, the imitation news sites' bylines and bench-review's synthetic texts print the same names from one file.
import monthNamesJson from '../config/month-names.json' with { type: 'json' };
import { inputError } from './errors.ts';
import type { UiLang } from './taxonomy.ts';

/** afterDay: after a day number («15 августа»); alone: a month on its own («август 2020»). */
export type MonthForm = 'afterDay' | 'alone';

export type MonthNames = Readonly<Record<UiLang, Readonly<Record<MonthForm, readonly string[]>>>>;

const LANGS: readonly UiLang[] = ['ru', 'kk', 'en'];
const FORMS: readonly MonthForm[] = ['afterDay', 'alone'];

/** Checks a month-names table: for each language and form, twelve non-empty names; errors name the field. */
export function checkMonthNames(raw: unknown, where: string): MonthNames {
  if (typeof raw !== 'object' || raw === null) throw inputError(`${where}: must be an object`);
  const table = raw as Record<string, unknown>;
  const out = {} as Record<UiLang, Record<MonthForm, readonly string[]>>;
  for (const lang of LANGS) {
    const forms = table[lang];
    if (typeof forms !== 'object' || forms === null)
      throw inputError(`${where}: "${lang}" must be an object with ${FORMS.join(' and ')}`);
    out[lang] = {} as Record<MonthForm, readonly string[]>;
    for (const form of FORMS) {
      const names = (forms as Record<string, unknown>)[form];
      if (
        !Array.isArray(names) ||
        names.length !== 12 ||
        !names.every((n) => typeof n === 'string' && n.trim() !== '')
      )
        throw inputError(`${where}: "${lang}.${form}" must list twelve non-empty month names, January first`);
      out[lang][form] = Object.freeze([...names]);
    }
  }
  return out;
}

export const MONTH_NAMES: MonthNames = checkMonthNames(monthNamesJson, 'config/month-names.json');

/** The name of month 1–12 in a language and form; a month outside 1–12 is a RangeError (a caller's bug). */
export function monthName(lang: UiLang, month: number, form: MonthForm = 'afterDay'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`monthName: month must be 1–12, got ${month}`);
  return MONTH_NAMES[lang][form][month - 1]!;
}
