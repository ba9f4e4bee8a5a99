// The tokenizer scans by character code for speed; it must split exactly as the Unicode-property regex it replaced
// (letters, marks and digits, inner hyphens and apostrophes), with offsets into the text and lower-cased words.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../classifiers/tokenize.ts';

const REFERENCE = /[\p{L}\p{M}\p{N}]+(?:[-'’ʻ][\p{L}\p{M}\p{N}]+)*/gu;
const byRegex = (text: string, offset = 0) =>
  [...text.matchAll(REFERENCE)].map((m) => ({
    start: m.index + offset,
    end: m.index + offset + m[0].length,
    lower: m[0].toLowerCase(),
  }));

describe('tokenize', () => {
  it.each([
    [
      'Kazakh Cyrillic capitals (Қ, Ұ, Ү, Ө are outside the basic Cyrillic block)',
      'ҚАЗАҚСТАН Ұлттық Үкіметі Өскемен',
    ],
    ['hyphenated words and article numbers stay whole', 'DDoS-атака по статье 73-3 КоАП и 456-2'],
    ['a trailing or doubled hyphen is not a joiner', 'пресс- служба -- слово- -начало a--b'],
    [
      'apostrophes: typewriter, typographic and the Uzbek ʻ',
      "Qazaqstan'nyń jurnalısi O’zbekiston oʻzbek 'quoted'",
    ],
    ['combining marks (a decomposed é) stay in the word', 'cafe\u0301 au lait'],
    ['digits of other scripts and CJK letters are word characters', 'سنة ٢٠٢٠ 中文字 ১২৩'],
    ['astral letters count, emoji do not', 'a😀b 𝐀𝐁c 𐐀𐐨 ok'],
    ['a lone surrogate is not a word character', 'ab\uD800cd\uDC00ef'],
    ['İ changes length when lower-cased', 'İSTANBUL İzmir'],
    ['punctuation, quotes and numbers with separators', '«Ак Жайык» сообщил: 1,5 млн тг. (2019) — «ЖЖ»!'],
  ])('%s', (_quirk, text) => {
    expect(tokenize(text, 7)).toEqual(byRegex(text, 7));
  });

  it('reports offsets into the text and lower-cased surfaces', () => {
    expect(tokenize('Суд ОШТРАФОВАЛ блогера')).toEqual([
      { start: 0, end: 3, lower: 'суд' },
      { start: 4, end: 14, lower: 'оштрафовал' },
      { start: 15, end: 22, lower: 'блогера' },
    ]);
  });
});
