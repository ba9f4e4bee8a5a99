// Tenge amounts as the reports write them: 78100000 → "78 million 100 thousand tenge" / «78 млн 100 тыс.
// тенге» / «78 млн 100 мың теңге»; 935993 → "935 thousand 993 tenge". Groups that are zero are left out.
import type { DigestWords } from './digest-config.ts';

export function amountInWords(amount: number, words: Pick<DigestWords, 'amounts'>): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`not a tenge amount: ${amount}`);
  const parts: string[] = [];
  let rest = amount;
  for (const [scale, name] of words.amounts.scales) {
    const count = Math.floor(rest / scale);
    if (count > 0) parts.push(`${count} ${name}`);
    rest -= count * scale;
  }
  if (rest > 0 || parts.length === 0) parts.push(String(rest));
  return `${parts.join(' ')} ${words.amounts.currency}`;
}
