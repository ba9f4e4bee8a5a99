// Legacy "font-hack" Kazakh: before Unicode fonts were common, Kazakh sites typed қ ң ұ ү ғ ө ә with the
// windows-1251 letters that a custom font drew as Kazakh ones (ќ ѕ ў ї є ґ ј). The bytes are exactly those
// of KZ-1048 read as windows-1251. We repair them only in Kazakh text (see kazakh-context.ts), and never in
// a word that is itself Ukrainian/Belarusian/Serbian (listed function words, words with an apostrophe as in
// "з'їзд", or with Serbian-only letters).
import { extractionConfig } from '../extract/extraction-config.ts';
import { looksKazakh } from './kazakh-context.ts';

const WORD = /[\p{L}\p{M}'’ʼ]+/gu;

let anyHackRe: RegExp | undefined;

function anyHackPattern(): RegExp {
  anyHackRe ??= new RegExp(`[${Object.keys(extractionConfig().normalize.fontHack).join('')}]`, 'u');
  return anyHackRe;
}

/** Whether the text has any font-hack letter (without one, repairFontHack returns the text unchanged). */
export function hasFontHack(text: string): boolean {
  return anyHackPattern().test(text);
}

/** `kazakh` overrides the judgement of the text as a whole (per-paragraph evidence still applies). */
export function repairFontHack(text: string, kazakh?: boolean): string {
  const cfg = extractionConfig().normalize;
  const map = cfg.fontHack;
  const anyHack = anyHackPattern();
  if (!anyHack.test(text)) return text;
  // Decide per paragraph when it carries enough evidence, else from the whole text.
  const wholeIsKazakh = kazakh ?? looksKazakh(text);
  const foreignWords = new Set(cfg.foreignWords);
  const foreignLetters = new RegExp(`[${cfg.foreignOnlyLetters}]`, 'u');
  return text
    .split(/(\n\s*\n)/)
    .map((para) => {
      if (!anyHack.test(para)) return para;
      const paraKazakh = para.length >= 200 ? looksKazakh(para) : wholeIsKazakh;
      if (!paraKazakh) return para;
      return para.replace(WORD, (word) => {
        if (!anyHack.test(word)) return word;
        if (foreignWords.has(word.toLowerCase()) || /['’ʼ]/.test(word) || foreignLetters.test(word))
          return word;
        let out = '';
        for (const ch of word) out += map[ch] ?? ch;
        return out;
      });
    })
    .join('');
}
