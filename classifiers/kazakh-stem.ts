// A suffix-stripping stemmer for Kazakh (agglutinative: журналистерге, журналистің, тілшісі all come back to one
// stem). No library ships one; the suffix list is data in config/lexicons/kk-suffixes.json.
import suffixData from '../config/lexicons/kk-suffixes.json' with { type: 'json' };

const SUFFIXES = [...new Set(suffixData.suffixes)].sort((a, b) => b.length - a.length);
const KEEP = new Set(suffixData.keepWhole);
const MIN_STEM = suffixData.minStem;
const MAX_PASSES = suffixData.maxPasses;
const VOWELS = /[аәеёиоөұүуыіэюя]/;

/** The stem of one lower- or upper-case Kazakh (Cyrillic) word. Words of other scripts come back lower-cased. */
export function kazakhStem(word: string): string {
  let stem = word.toLowerCase();
  if (!/[а-яёәғқңөұүһі]/.test(stem)) return stem;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (KEEP.has(stem)) return stem;
    // A suffix that leaves a known root wins over a longer one: "газетінің" is газет + і + нің, not газе + ті…
    // (the longest-first rule alone reads the possessive і after a т-final root as the past tense -ті).
    const suffix =
      SUFFIXES.find((s) => stem.endsWith(s) && KEEP.has(stem.slice(0, -s.length))) ??
      SUFFIXES.find((s) => stem.endsWith(s) && stemAllowed(stem.slice(0, -s.length), s));
    if (!suffix) break;
    let next = stem.slice(0, -suffix.length);
    // Loans in -ист drop one т before -тер/-тар in writing (журналистер): put it back so all forms meet.
    if (
      suffix.startsWith(suffixData.restoreT.plurals[0]!.slice(0, 1)) &&
      next.endsWith(suffixData.restoreT.after)
    ) {
      next += 'т';
    }
    stem = next;
  }
  return stem;
}

function stemAllowed(stem: string, suffix: string): boolean {
  if (KEEP.has(stem)) return true;
  // A stem keeps at least MIN_STEM letters and one vowel ("сот" yes, "ст" no); a one-letter suffix needs one
  // letter more, or "сотқа" would lose its "а" before its "қа".
  return stem.length >= MIN_STEM + (suffix.length === 1 ? 1 : 0) && VOWELS.test(stem);
}
