// The matching rules behind "update of case …" proposals: names in Russian and Kazakh forms and in
// inflections, a first name alone is not a match, law articles with and without their code.
import { describe, expect, it } from 'vitest';
import { lawArticleKey, samePerson } from '../../../pipeline/index.ts';

describe('proposal matching', () => {
  it('meets one person across Kazakh letters, inflection and order of initials', () => {
    expect(samePerson('Нұрлан Әбенов', 'Нурлан Абенов')).toBe(true);
    expect(samePerson('Бауыржана Сатыбалдиева', 'Бауыржан Сатыбалдиев')).toBe(true);
    expect(samePerson('Сатыбалдиев', 'Бауыржан Сатыбалдиев')).toBe(true);
    expect(samePerson('«Жаңа толқын»', 'ТОО «Жаңа толқын»')).toBe(true);
  });

  it('does not take a shared first name, or a different surname, for the same person', () => {
    expect(samePerson('Нурлан Абенов', 'Нурлан Касымов')).toBe(false);
    expect(samePerson('Айгерим', 'Айгерим Сейткали')).toBe(true);
    expect(samePerson('Дина Касымова', 'Нурлан Абенов')).toBe(false);
  });

  it('reads law articles with the code before or after, in Russian and Kazakh', () => {
    expect(lawArticleKey('ГК 143')).toEqual({ code: 'civil', number: '143' });
    expect(lawArticleKey('143-бабы АК')).toEqual({ code: 'civil', number: '143' });
    expect(lawArticleKey('ст. 274 УК РК')).toEqual({ code: 'criminal', number: '274' });
    expect(lawArticleKey('КоАП 73-3')).toEqual({ code: 'administrative', number: '73-3' });
    expect(lawArticleKey('статья 174')).toEqual({ code: null, number: '174' });
    expect(lawArticleKey('без статьи')).toBeNull();
  });
});
