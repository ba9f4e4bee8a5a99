import { describe, expect, it } from 'vitest';
import { checkMonthNames, MONTH_NAMES, monthName, SozError } from '../../core/index.ts';

const twelve = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i + 1}`);
const table = () => ({
  ru: { afterDay: twelve('r'), alone: twelve('R') },
  kk: { afterDay: twelve('k'), alone: twelve('K') },
  en: { afterDay: twelve('e'), alone: twelve('E') },
});

describe('month names (config/month-names.json)', () => {
  it('gives the Russian genitive after a day and the nominative alone; Kazakh keeps one form', () => {
    expect(monthName('ru', 8)).toBe('августа');
    expect(monthName('ru', 8, 'alone')).toBe('август');
    expect(monthName('kk', 1)).toBe('қаңтар');
    expect(monthName('kk', 12, 'alone')).toBe('желтоқсан');
    expect(monthName('en', 5)).toBe('May');
  });

  it('refuses a month outside 1–12', () => {
    expect(() => monthName('en', 0)).toThrow(RangeError);
    expect(() => monthName('ru', 13)).toThrow(/1–12/);
  });

  it('loads twelve names per language and form', () => {
    for (const lang of ['ru', 'kk', 'en'] as const)
      for (const form of ['afterDay', 'alone'] as const) expect(MONTH_NAMES[lang][form]).toHaveLength(12);
  });

  it('names the field of a table with a missing language, a short list or an empty name', () => {
    expect(() => checkMonthNames({ ...table(), kk: undefined }, 'months.json')).toThrow(/months.json: "kk"/);
    const short = table();
    short.en.alone = twelve('E').slice(0, 11);
    expect(() => checkMonthNames(short, 'months.json')).toThrow(/"en.alone" must list twelve/);
    const blank = table();
    blank.ru.afterDay[3] = ' ';
    expect(() => checkMonthNames(blank, 'months.json')).toThrow(SozError);
    expect(checkMonthNames(table(), 'months.json').kk.alone[0]).toBe('K1');
  });
});
