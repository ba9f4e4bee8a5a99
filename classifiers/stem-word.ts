// One stemmer per language: natural's Porter stemmers for Russian and English, the project's own for Kazakh
// (Latin-script Kazakh is transliterated first). Stems are cached: news vocabulary repeats heavily.
import natural from 'natural';
import { foldKazakh, kazakhLatinToCyrillic, type LatinVariant } from './kazakh-latin.ts';
import { kazakhStem } from './kazakh-stem.ts';

export type StemLang = 'ru' | 'kk' | 'en';

const CACHE_LIMIT = 200_000;
// One cache per language (and per Latin-Kazakh variant), keyed by the word itself: building a "lang:word" key for
// every word of every article cost more than the look-up.
const caches = new Map<string, Map<string, string>>();
let cached = 0;

/** The form Kazakh patterns and stems are compared in: Cyrillic, with і/й folded into и. */
export function kazakhForm(lower: string, variant: LatinVariant | null): string {
  return foldKazakh(
    variant && /[a-zäöüğñşıūáǵńóúýǧŋ]/.test(lower) ? kazakhLatinToCyrillic(lower, variant) : lower,
  );
}

export function stemWord(lower: string, lang: StemLang, variant: LatinVariant | null = null): string {
  // Numbers stem to themselves; caching them would fill the cache with every date and amount ever read.
  const first = lower.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return lower;
  const cacheKey = variant ? `${lang}${variant}` : lang;
  let cache = caches.get(cacheKey);
  if (!cache) {
    cache = new Map();
    caches.set(cacheKey, cache);
  }
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  let stem: string;
  if (lang === 'kk') {
    const cyr =
      variant && /[a-zäöüğñşıūáǵńóúýǧŋ]/.test(lower) ? kazakhLatinToCyrillic(lower, variant) : lower;
    stem = foldKazakh(kazakhStem(cyr));
  } else if (lang === 'ru')
    stem = /[а-яё]/.test(lower) ? natural.PorterStemmerRu.stem(lower) : natural.PorterStemmer.stem(lower);
  else stem = /[a-z]/.test(lower) ? natural.PorterStemmer.stem(lower) : lower;
  // Bounded: a year of news has a long tail of rare words; starting over is cheaper than an LRU.
  if (cached >= CACHE_LIMIT) {
    for (const c of caches.values()) c.clear();
    cached = 0;
  }
  cache.set(lower, stem);
  cached++;
  return stem;
}
