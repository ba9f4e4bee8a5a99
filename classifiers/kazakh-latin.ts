// Latin-script Kazakh (the 2018 acute-accent and the 2021 alphabets) to Cyrillic, word by word, so that one
// Cyrillic lexicon and one stemmer serve all three scripts. The tables are data in config/lexicons/kazakh-latin.json.
import table from '../config/lexicons/kazakh-latin.json' with { type: 'json' };

export type LatinVariant = 'v2018' | 'v2021';

const V2018_MARKS = /[áǵńóúý]/i;

/** Which Latin alphabet a Kazakh text is written in: acute accents mean 2018; anything else is read as 2021. */
export function latinVariant(text: string): LatinVariant {
  return V2018_MARKS.test(text) ? 'v2018' : 'v2021';
}

const MAPS: Record<LatinVariant, Map<string, string>> = {
  v2018: new Map(Object.entries({ ...table.common, ...table.v2018 })),
  v2021: new Map(Object.entries({ ...table.common, ...table.v2021 })),
};

/** A lower-case Latin-script Kazakh word in Cyrillic; characters with no mapping are kept. */
export function kazakhLatinToCyrillic(word: string, variant: LatinVariant): string {
  const map = MAPS[variant];
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const two = map.get(word.slice(i, i + 2));
    if (two !== undefined && word[i + 1] === 'h') {
      out += two;
      i++;
      continue;
    }
    const ch = word[i]!;
    out += map.get(ch) ?? ch;
  }
  return out;
}

/** Folds і and й into и: Latin-script Kazakh does not tell them apart reliably, so matching ignores the difference. */
export function foldKazakh(word: string): string {
  return word.replace(/[ій]/g, 'и');
}
