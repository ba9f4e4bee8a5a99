// Whether a piece of Cyrillic text is Kazakh, for the font-hack repair and the charset sniffer. The
// font-hack letters (ќ ѕ ў ї є ґ ј) are real letters of Ukrainian, Belarusian, Serbian and Macedonian, so
// they are only replaced where the surrounding text is Kazakh. Evidence, from the alphabets:
//  - real Kazakh letters (ә ғ қ ң ө ұ ү һ) → Kazakh;
//  - ы together with и: Kazakh and Russian use both; Ukrainian, Serbian and Macedonian have no ы and
//    Belarusian has no и (counted only when the hack letters are frequent, as in Kazakh, so that a
//    Ukrainian name in a Russian story stays as it is);
//  - ђ ћ џ љ њ ѓ → Serbian/Macedonian, never Kazakh;
//  - frequent Kazakh words written with hack letters add to the evidence, Ukrainian/Belarusian/Serbian
//    function words subtract from it.
import { extractionConfig } from '../extract/extraction-config.ts';

const WORD = /[\p{L}\p{M}'’ʼ]+/gu;
const LETTERS = /\p{L}/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

export interface KazakhEvidence {
  readonly kazakhLetters: number;
  readonly foreignLetters: number;
  readonly kazakhWords: number;
  readonly foreignWords: number;
  readonly hasYeruAndI: boolean;
  /** Font-hack letters (ќ ѕ ў ї є ґ ј) and all letters, for their share. */
  readonly hackLetters: number;
  readonly letters: number;
}

export function kazakhEvidence(text: string): KazakhEvidence {
  const cfg = extractionConfig().normalize;
  const kk = new Set(cfg.kazakhLetters);
  const foreign = new Set(cfg.foreignOnlyLetters);
  const kkWords = new Set(cfg.kazakhHackWords);
  const fWords = new Set(cfg.foreignWords);
  const hack = new Set(Object.keys(cfg.fontHack));
  let hackLetters = 0;
  let kazakhLetters = 0;
  let foreignLetters = 0;
  let yeru = 0;
  let i = 0;
  const letters = text.match(LETTERS)?.length ?? 0;
  for (const ch of text) {
    // Only Cyrillic letters matter below; everything else is skipped cheaply.
    if (ch < '\u0400' || ch > '\u04ff') continue;
    if (hack.has(ch)) hackLetters++;
    if (kk.has(ch)) kazakhLetters++;
    else if (foreign.has(ch)) foreignLetters++;
    else if (ch === 'ы' || ch === 'Ы') yeru++;
    else if (ch === 'и' || ch === 'И') i++;
  }
  let kazakhWords = 0;
  let foreignWords = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (kkWords.has(w)) kazakhWords++;
    else if (fWords.has(w)) foreignWords++;
  }
  return {
    kazakhLetters,
    foreignLetters,
    kazakhWords,
    foreignWords,
    hasYeruAndI: yeru > 0 && i > 0,
    hackLetters,
    letters,
  };
}

/** Қ ә ү ң ұ ғ ө make up about a tenth of Kazakh letters; a stray є in Russian text is a name. */
const MIN_HACK_SHARE = 0.03;

/** True when the evidence says the text is Kazakh rather than Ukrainian, Belarusian, Serbian or Macedonian. */
export function looksKazakh(text: string): boolean {
  if (!CYRILLIC.test(text)) return false;
  const e = kazakhEvidence(text);
  // ы with и alone would also describe Russian: it counts only with many font-hack letters around.
  const alphabet = e.hasYeruAndI && e.hackLetters >= e.letters * MIN_HACK_SHARE ? 2 : 0;
  const pro = e.kazakhLetters + 2 * e.kazakhWords + alphabet;
  const contra = 3 * e.foreignLetters + 2 * e.foreignWords;
  return pro > 0 && pro > contra;
}
