// Fills "{name}" placeholders and picks plural forms. "{Name}" (capitalised) gives the value of "{name}"
// with its first letter capitalised, for month names that start a title.
import type { Plural } from './digest-config.ts';

export type TemplateValues = Readonly<Record<string, string | number>>;

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => {
    const direct = values[key];
    if (direct !== undefined) return String(direct);
    const lower = key[0]!.toLowerCase() + key.slice(1);
    const value = values[lower];
    if (lower !== key && value !== undefined) {
      const s = String(value);
      return s.charAt(0).toUpperCase() + s.slice(1);
    }
    throw new Error(`template placeholder ${whole} has no value in "${template}"`);
  });
}

/**
 * Chooses the form of a plural phrase for n: "zero" when n is 0 and the phrase has one, otherwise the
 * language's plural category (one, few, many, other), falling back to "other" and then "many".
 */
export function pluralForm(phrase: Plural | string, n: number, locale: string): string {
  if (typeof phrase === 'string') return phrase;
  if (n === 0 && phrase.zero !== undefined) return phrase.zero;
  const category = new Intl.PluralRules(locale).select(n);
  const form = phrase[category] ?? phrase.other ?? phrase.many;
  if (form === undefined) throw new Error(`no plural form "${category}" in ${JSON.stringify(phrase)}`);
  return form;
}
