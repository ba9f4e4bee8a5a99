// Latin letters that look like Cyrillic ones ("Aлматы" with a Latin A, "соцcетям" with a Latin c) break search
// and classification. Inside a word that has Cyrillic letters and whose Latin letters are all look-alikes, the
// Latin letters become Cyrillic. Words that mix in other Latin letters ("iPhone-ды") are left alone, and each part
// of a hyphenated word is judged alone ("DDoS-шабуыл", "Telegram-канал" stay). The map is data
// (config/extraction.json normalize.latinToCyrillic): the pipeline's normalise stage folds whole texts with it,
// the classifier's lexicons fold each word with its lower-case half.

const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function foldLatinLookalikes(text: string, map: Readonly<Record<string, string>>): string {
  // Most texts (and words) are all-Cyrillic or all-Latin: then no word can mix the two.
  if (!LATIN.test(text) || !CYRILLIC.test(text)) return text;
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
