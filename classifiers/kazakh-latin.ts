// Latin-script Kazakh (the 2018 acute-accent alphabet, the 2021 alphabet, and the Turkish-keyboard habit that uses
// the 2021 letters with ı for ы) to Cyrillic, word by word, so that one Cyrillic lexicon and one stemmer serve all
// three scripts. Informal writers on an English keyboard also type w for ұ (twrğını) and for у beside a vowel (tañdaw):
// w is read by its neighbours. The tables are data in config/lexicons/kazakh-latin.json.
import table from '../config/lexicons/kazakh-latin.json' with { type: 'json' };

export type LatinVariant = 'v2018' | 'v2021' | 'turkic' | 'acuteInformal';

export const LATIN_VARIANTS: readonly LatinVariant[] = ['v2021', 'turkic', 'v2018', 'acuteInformal'];

const V2018_MARKS = /[áǵńóúý]/i;
// The 2018 alphabet's own letters for ғ, ң and и/й: a text with acutes and none of them, typing gh, a word-final ng or
// iy instead, is the informal acute habit (kazakh-latin.json's _doc), where ú is ұ and ý is ү.
const V2018_OWN = /[ǵńı]/i;
const INFORMAL_DIGRAPHS = /gh|ng\b|iy/i;
const FRONT = new RegExp(`[${table.harmony.front}]`);
const BACK = new RegExp(`[${table.harmony.back}]`);

/**
 * Which Latin alphabet a Kazakh text is written in. Acute accents mean 2018. Otherwise two kinds of evidence are
 * added up. The dotless ı: the 2021 alphabet gives it to і, which lives in front-vowelled words (künı, äkımşılık),
 * the Turkish-keyboard habit to ы, which lives in back-vowelled ones (qatıstı, otırısı) — Kazakh words keep to
 * one row of vowels, loanwords aside. And the letters' shares: in 2021 y is ы, one of the commonest letters, so y
 * is about as frequent as ı; in the habit y is only й, far rarer than ı. A text that tells nothing is read as 2021
 * (y = ы is also what writers without special letters use: qysym, ūstaldy).
 */
export function latinVariant(text: string): LatinVariant {
  if (V2018_MARKS.test(text))
    return !V2018_OWN.test(text) && INFORMAL_DIGRAPHS.test(text) ? 'acuteInformal' : 'v2018';
  const lower = text.toLowerCase();
  let evidence = 0; // > 0: the 2021 alphabet; < 0: the Turkish-keyboard habit
  for (const word of lower.match(/\p{L}*ı\p{L}*/gu) ?? []) {
    const isFront = FRONT.test(word);
    const isBack = BACK.test(word);
    // Loanwords mix both rows (ıdeologııa); only a word of one row tells.
    if (isFront && !isBack) evidence++;
    else if (isBack && !isFront) evidence--;
  }
  const y = lower.split('y').length - 1;
  const dotless = lower.split('ı').length - 1;
  evidence += (2 * y - dotless) / 2;
  return evidence < 0 ? 'turkic' : 'v2021';
}

const MAPS: Record<LatinVariant, Map<string, string>> = {
  v2018: new Map(Object.entries({ ...table.common, ...table.v2018 })),
  v2021: new Map(Object.entries({ ...table.common, ...table.v2021 })),
  turkic: new Map(Object.entries({ ...table.common, ...table.turkic })),
  acuteInformal: new Map(Object.entries({ ...table.common, ...table.acuteInformal })),
};

// A letter before the vowel: a word is not read so from its first letters (Asia, osy).
const TSIA = new RegExp(`(?<=\\p{L})([${table.tsia.after}])s(?:${table.tsia.between.join('|')})a`, 'gu');
const W = table.informalW;
const W_VOWELS = new Set(W.vowels);

/**
 * w, which no alphabet has, as people type Kazakh on an English keyboard: у beside a vowel (tañdaw, sawal), else
 * the vowel ұ (twrğını, wstady), or ү in a front-vowelled word. The table's informalW says why.
 */
function informalW(word: string, i: number, variant: LatinVariant): string {
  if (W_VOWELS.has(word[i - 1] ?? '') || W_VOWELS.has(word[i + 1] ?? '')) return W.nearVowel;
  const front = FRONT.test(word) || word.includes(W.frontI[variant]);
  return front && !BACK.test(word) ? W.vowelFront : W.vowel;
}

/** A lower-case Latin-script Kazakh word in Cyrillic; characters with no mapping are kept. */
export function kazakhLatinToCyrillic(latin: string, variant: LatinVariant): string {
  const map = MAPS[variant];
  // Loanwords in -ция are written with s (akkreditasiya, redaksiyasy, demonstrasıaǵa, operasiia): after a vowel or k,
  // s before i/ı/y + a is ц + я (the Cyrillic passes through the table untouched). Native Kazakh words do not put
  // two vowels side by side, and версия, пенсия (r, n before s) or комиссия (ss) keep their s.
  const word = latin.replace(TSIA, '$1ция');
  let out = '';
  for (let i = 0; i < word.length; i++) {
    if (word[i] === 'w') {
      out += informalW(word, i, variant);
      continue;
    }
    const two = map.get(word.slice(i, i + 2));
    if (two !== undefined && word[i + 1] === 'h') {
      out += two;
      i++;
      continue;
    }
    const ch = word[i]!;
    out += map.get(ch) ?? ch;
  }
  // ng for ң typed without the letter: safe only at the end of a word (see the table's _doc).
  return word.length > 2 && word.endsWith('ng') ? `${out.slice(0, -2)}ң` : out;
}

/** Folds і and й into и: Latin-script Kazakh does not tell them apart reliably, so matching ignores the difference. */
export function foldKazakh(word: string): string {
  // Most words hold neither letter: skip the replace (it runs on every Kazakh word read).
  return word.includes('і') || word.includes('й') ? word.replace(/[ій]/g, 'и') : word;
}
