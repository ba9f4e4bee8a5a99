// Amounts as the reports write them, in each language; zero groups are left out.
import { describe, expect, it } from 'vitest';
import { amountInWords, loadDigestWords } from '../../../pipeline/index.ts';

const en = loadDigestWords('en');
const ru = loadDigestWords('ru');
const kk = loadDigestWords('kk');

describe('amountInWords', () => {
  it('writes the reference amounts', () => {
    expect(amountInWords(78_100_000, en)).toBe('78 million 100 thousand tenge');
    expect(amountInWords(935_993, en)).toBe('935 thousand 993 tenge');
    expect(amountInWords(78_100_000, ru)).toBe('78 млн 100 тыс. тенге');
    expect(amountInWords(935_993, ru)).toBe('935 тыс. 993 тенге');
    expect(amountInWords(78_100_000, kk)).toBe('78 млн 100 мың теңге');
    expect(amountInWords(935_993, kk)).toBe('935 мың 993 теңге');
  });

  it('skips empty groups and handles billions, round thousands, small sums and zero', () => {
    expect(amountInWords(1_200_000_050, en)).toBe('1 billion 200 million 50 tenge');
    expect(amountInWords(5_000_000, ru)).toBe('5 млн тенге');
    expect(amountInWords(1_000, kk)).toBe('1 мың теңге');
    expect(amountInWords(993, en)).toBe('993 tenge');
    expect(amountInWords(0, ru)).toBe('0 тенге');
  });

  it('refuses what is not a whole non-negative amount', () => {
    expect(() => amountInWords(-5, en)).toThrow(/not a tenge amount/);
    expect(() => amountInWords(1.5, en)).toThrow(/not a tenge amount/);
  });
});
