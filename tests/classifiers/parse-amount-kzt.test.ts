import { describe, expect, it } from 'vitest';
import { findAmountsKzt, parseAmountKzt } from '../../classifiers/index.ts';

describe('parseAmountKzt', () => {
  it.each([
    [
      'million and thousand groups with abbreviations',
      'взыскать 78 млн 100 тыс. тенге морального вреда',
      78_100_000,
    ],
    ['a decimal comma and no currency', '2,5 млн', 2_500_000],
    ['Kazakh thousand word and currency', '500 мың теңге', 500_000],
    ['currency code before an English multiplier', 'KZT 150 million', 150_000_000],
    ['space-separated thousands', '10 000 000 тенге', 10_000_000],
    ['a number written as a word (kk)', 'бес миллион теңге талап етті', 5_000_000],
    ['an English thousands comma', 'fined 100,000 tenge', 100_000],
    ['billions', '1,5 млрд тенге', 1_500_000_000],
  ])('%s', (_quirk, text, expected) => {
    expect(parseAmountKzt(text)).toBe(expected);
  });

  it.each([
    ['a monthly index is not tenge', 'штраф 100 МРП'],
    ['a year is not an amount', 'в 2020 году'],
    ['a law article is not an amount', 'статья 274 УК'],
  ])('%s', (_quirk, text) => {
    expect(parseAmountKzt(text)).toBeNull();
  });

  it('finds every amount with offsets into the text', () => {
    const text = 'Истец требовал 10 млн тенге, суд взыскал 300 тысяч тенге.';
    const found = findAmountsKzt(text);
    expect(found.map((a) => a.value)).toEqual([10_000_000, 300_000]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('300 тысяч тенге');
  });
});
