// Latin letters that look like Cyrillic ones ("Aлматы" with a Latin A, "қaзaқ" with Latin a) break search
// and classification. Inside a word that has Cyrillic letters and whose Latin letters are all look-alikes,
// the Latin letters become Cyrillic. Words that mix in other Latin letters ("iPhone-ды") are left alone.
import { extractionConfig } from '../extract/extraction-config.ts';

const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function foldLookalikes(text: string): string {
  const map = extractionConfig().normalize.latinToCyrillic;
  // Most texts are all-Cyrillic or all-Latin: then no word can mix the two.
  if (!CYRILLIC.test(text) || !LATIN.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
    let out = '';
    for (const ch of word) {
      if (LATIN.test(ch)) {
        const c = map[ch];
        if (c === undefined) return word;
        out += c;
      } else out += ch;
    }
    return out;
  });
}
