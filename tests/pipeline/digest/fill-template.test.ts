// Placeholders and plural forms: Russian one/few/many, Kazakh and English, the "zero" form, capitalised
// month names at the start of a title.
import { describe, expect, it } from 'vitest';
import { fillTemplate, pluralForm } from '../../../pipeline/digest/fill-template.ts';

const ACTS = {
  one: '{n} судебный акт',
  few: '{n} судебных акта',
  many: '{n} судебных актов',
  zero: 'ни одного акта',
};

describe('fillTemplate and pluralForm', () => {
  it('picks the Russian form by the last digits, with 11–14 taking "many"', () => {
    const say = (n: number) => fillTemplate(pluralForm(ACTS, n, 'ru'), { n });
    expect([1, 2, 5, 11, 12, 21, 22, 41, 52, 0].map(say)).toEqual([
      '1 судебный акт',
      '2 судебных акта',
      '5 судебных актов',
      '11 судебных актов',
      '12 судебных актов',
      '21 судебный акт',
      '22 судебных акта',
      '41 судебный акт',
      '52 судебных акта',
      'ни одного акта',
    ]);
  });

  it('falls back to "other" where a language has fewer forms', () => {
    expect(pluralForm({ other: '{n} айып' }, 1, 'kk')).toBe('{n} айып');
    expect(pluralForm({ one: 'a', other: 'b' }, 0, 'en')).toBe('b');
  });

  it('capitalises "{Name}" from "{name}" and refuses a placeholder without a value', () => {
    expect(fillTemplate('{Month_nom} {year}', { month_nom: 'август', year: 2020 })).toBe('Август 2020');
    expect(() => fillTemplate('{missing}', {})).toThrow(/\{missing\} has no value/);
  });
});
