// Words with their character offsets, so that every match can be reported as an evidence span of the text.
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower-cased surface form. */
  readonly lower: string;
}

// A word: letters, combining marks and digits (\p{L}\p{M}\p{N}); inner hyphens and apostrophes keep "ddos-атака",
// "73-3", "oʻzbek" whole. Scanned by character code rather than with the equivalent regex
// /[\p{L}\p{M}\p{N}]+(?:[-'’ʻ][\p{L}\p{M}\p{N}]+)*/gu: tokenizing was the largest single cost of classifying an
// article, and a table look-up per character, lower-casing only the words that have a capital, is about four times
// faster (tests/classifiers/tokenize.test.ts holds it to the regex).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// Every code unit below TABLE_SIZE (Latin, Cyrillic with its Kazakh letters, combining marks, Greek, Arabic…)
// classified once: WORD when it is a word character, UPPER when lower-casing changes it. Astral characters and the
// rest go through WORD_CHAR.
const TABLE_SIZE = 0x3000;
const WORD = 1;
const UPPER = 2;
/** A surrogate pair: the character takes two code units. */
const PAIR = 4;
const FLAGS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  FLAGS[c] = (WORD_CHAR.test(ch) ? WORD : 0) | (ch.toLowerCase() !== ch ? UPPER : 0);
}
const JOINERS = new Set([0x2d, 0x27, 0x2019, 0x2bb]);

/**
 * The flags of the character at i in the table's terms, and its length in code units (1, or 2 for a surrogate
 * pair): FLAGS for the common ones; for the rest, WORD|UPPER when it is a word character (UPPER only makes the
 * word go through toLowerCase), 0 when not.
 */
function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLE_SIZE) return FLAGS[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!)) ? WORD | UPPER | PAIR : 0;
  }
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  return WORD_CHAR.test(text[i]!) ? WORD | UPPER : 0;
}
const widthOf = (flags: number) => (flags & PAIR ? 2 : 1);

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let flags = flagsAt(text, i);
    if (!(flags & WORD)) {
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    for (;;) {
      while (i < n) {
        flags = flagsAt(text, i);
        if (!(flags & WORD)) break;
        upper |= flags & UPPER;
        i += widthOf(flags);
      }
      // A joiner continues the word only when a word character follows it.
      if (i + 1 < n && JOINERS.has(text.charCodeAt(i)) && flagsAt(text, i + 1) & WORD) {
        i++;
        continue;
      }
      break;
    }
    const surface = text.slice(start, i);
    tokens.push({ start: start + offset, end: i + offset, lower: upper ? surface.toLowerCase() : surface });
  }
  return tokens;
}
