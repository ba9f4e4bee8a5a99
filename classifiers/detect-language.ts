// Language and script identification. franc alone calls Latin-script Kazakh English, gives up on Arabic script
// and calls short Kazakh words Russian, so evidence comes first from letters that only some languages use, then
// from function words and word endings, then from a character n-gram model of each variety (which tells two-word
// Turkic headlines apart by their letter sequences), and franc (restricted to the plausible languages) only breaks
// close calls. All weights are data in config/lexicons/languages.json; the n-gram profiles are
// config/model/language-ngrams.json (`npm run train:language`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { francAll } from 'franc';
import data from '../config/lexicons/languages.json' with { type: 'json' };
import { CONFIG_DIR, type Lang, type LanguageResult, type Script } from '../core/index.ts';
import { CharNgramModel, type NgramModelFile } from './char-ngram-model.ts';

export const DEFAULT_NGRAM_MODEL_PATH = resolve(CONFIG_DIR, 'model', 'language-ngrams.json');

/** Weights by language index (the position in ScriptModel.languages). */
type Weights = readonly (readonly [number, number])[];

/**
 * One script's evidence with every language replaced by its index, so that scoring a paragraph adds into an
 * array rather than a map keyed by language name (this runs for every paragraph of every article).
 */
interface ScriptModel {
  readonly languages: readonly string[];
  readonly priors: Float64Array;
  /** franc's codes for the languages of this script, and the index each stands for. */
  readonly francOnly: readonly string[];
  readonly franc: ReadonlyMap<string, number>;
  /** Per UTF-16 unit, its slot in letterWeights, or -1 when the letter is no evidence. */
  readonly letterSlot: Int16Array;
  readonly letterWeights: readonly Weights[];
  readonly words: ReadonlyMap<string, readonly number[]>;
  /** Word endings by their text, so a word costs a few look-ups rather than a scan of every ending. */
  readonly endings: ReadonlyMap<string, Weights>;
  readonly maxEnding: number;
  readonly patterns: readonly (readonly [RegExp, Weights])[];
  readonly ukrainianI: number;
  readonly uk: number;
}

function scriptModel(raw: {
  languages: string[];
  priors: Record<string, number>;
  francLanguages: Record<string, string>;
  letters: Record<string, Record<string, number>>;
  words: Record<string, string[]>;
  endings: Record<string, string[]>;
  patterns?: Record<string, unknown>;
  ukrainianI?: { uk: number };
}): ScriptModel {
  const index = (lang: string): number => {
    const i = raw.languages.indexOf(lang);
    if (i < 0)
      throw new Error(
        `languages.json: ${lang} is not among the script's languages ${raw.languages.join(' ')}`,
      );
    return i;
  };
  const weights = (w: Record<string, number>): Weights =>
    Object.entries(w).map(([l, x]) => [index(l), x] as const);
  const words = new Map<string, number[]>();
  for (const [lang, list] of Object.entries(raw.words)) {
    for (const w of list) words.set(w, [...(words.get(w) ?? []), index(lang)]);
  }
  const endings: [number, string, number][] = [];
  for (const [lang, list] of Object.entries(raw.endings)) {
    // "ували:3" carries its own weight; a bare ending weighs endingWeight.
    for (const e of list) {
      const [ending, weight] = e.split(':');
      endings.push([index(lang), ending!, weight ? Number(weight) : data.endingWeight]);
    }
  }
  const endingIndex = new Map<string, [number, number][]>();
  for (const [lang, ending, weight] of endings)
    endingIndex.set(ending, [...(endingIndex.get(ending) ?? []), [lang, weight]]);
  const patterns = Object.entries(raw.patterns ?? {})
    .filter(([k]) => k !== '_doc')
    .map(([re, w]) => [new RegExp(re, 'gu'), weights(w as Record<string, number>)] as const);
  const letterSlot = new Int16Array(0x10000).fill(-1);
  const letterWeights: Weights[] = [];
  for (const [ch, w] of Object.entries(raw.letters)) {
    if (ch.length !== 1) throw new Error(`languages.json: letter "${ch}" is not one character`);
    letterSlot[ch.charCodeAt(0)] = letterWeights.length;
    letterWeights.push(weights(w));
  }
  const priors = new Float64Array(raw.languages.length);
  for (const [lang, prior] of Object.entries(raw.priors)) priors[index(lang)] = prior;
  return {
    languages: raw.languages,
    priors,
    francOnly: Object.keys(raw.francLanguages),
    franc: new Map(Object.entries(raw.francLanguages).map(([code, lang]) => [code, index(lang)])),
    letterSlot,
    letterWeights,
    words,
    endings: endingIndex,
    maxEnding: Math.max(...endings.map((e) => e[1].length)),
    patterns,
    ukrainianI: raw.ukrainianI?.uk ?? 0,
    uk: raw.languages.indexOf('uk'),
  };
}

const CYRILLIC = scriptModel(data.cyrillic);
const LATIN = scriptModel(data.latin);
const ARABIC_KK = new Map(Object.entries(data.arabic.kk));
const ARABIC_OTHER = new Map(Object.entries(data.arabic.other));
const REPORTED: ReadonlySet<string> = new Set(['kk', 'ru', 'en']);

const WORD = /[\p{L}\p{M}ʻ’']+/gu;
/** Close calls (margin below this) are handed to franc as well. */
const FRANC_MARGIN = 3;

function countScripts(text: string): { cyrl: number; latn: number; arab: number } {
  let cyrl = 0;
  let latn = 0;
  let arab = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) cyrl++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latn++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfeff)) arab++;
  }
  return { cyrl, latn, arab };
}

function identifyArabic(text: string, ngrams: NgramUse | null): LanguageResult {
  let kk = 0;
  let other = 0;
  for (const [mark, w] of ARABIC_KK) kk += w * Math.min(occurrences(text, mark), data.letterCap);
  for (const [mark, w] of ARABIC_OTHER) other += w * Math.min(occurrences(text, mark), data.letterCap);
  if (ngrams) {
    // Every Arabic-script profile but Kazakh (Uyghur, Arabic, Persian) speaks for 'other': its best one counts.
    const gaps = ngramGaps(text, 'arab', ngrams);
    let otherGap = Number.NEGATIVE_INFINITY;
    for (const [lang, gap] of gaps) if (lang !== 'kk') otherGap = Math.max(otherGap, gap);
    if (gaps.has('kk') && otherGap > Number.NEGATIVE_INFINITY) {
      kk += gaps.get('kk')!;
      other += otherGap;
    }
  }
  const margin = kk - other;
  return { lang: margin > 0 ? 'kk' : 'other', script: 'arab', confidence: confidenceOf(Math.abs(margin)) };
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  let i = text.indexOf(needle);
  while (i !== -1) {
    n++;
    i = text.indexOf(needle, i + needle.length);
  }
  return n;
}

/**
 * The n-gram model's say: for each language with a profile of this script, ngramWeight (per n-gram order) times
 * how much less likely the text is under its best profile than under the best profile of all, so the likeliest
 * language gets 0 and the others less. Empty when the script has no profiles or the text no known grams.
 */
function ngramGaps(text: string, script: Script, ngrams: NgramUse): Map<string, number> {
  const { model, weight } = ngrams;
  const gaps = new Map<string, number>();
  const scores = model.score(
    text.length > data.ngramMaxLength ? text.slice(0, data.ngramMaxLength) : text,
    script,
  );
  if (!scores || scores.grams === 0) return gaps;
  let best = Number.NEGATIVE_INFINITY;
  scores.langs.forEach((lang, k) => {
    const lp = scores.logProb[k]!;
    gaps.set(lang, Math.max(gaps.get(lang) ?? Number.NEGATIVE_INFINITY, lp));
    best = Math.max(best, lp);
  });
  const scale = weight / model.maxOrder;
  for (const [lang, lp] of gaps) gaps.set(lang, scale * (lp - best));
  return gaps;
}

/** A language with no profile of this script (Belarusian, Turkish, …) scores as the least likely one: it must win on its own letters and words. */
function addNgramEvidence(
  text: string,
  script: Script,
  languages: readonly string[],
  ngrams: NgramUse,
  scores: Float64Array,
): void {
  const gaps = ngramGaps(text, script, ngrams);
  if (gaps.size === 0) return;
  const worst = Math.min(...gaps.values());
  languages.forEach((lang, i) => {
    scores[i]! += gaps.get(lang) ?? worst;
  });
}

/** The indices of the highest and second-highest scores (the earlier language wins a tie). */
function topTwo(scores: Float64Array): [number, number] {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  let second = best === 0 ? 1 : 0;
  for (let i = 0; i < scores.length; i++) if (i !== best && scores[i]! > scores[second]!) second = i;
  return [best, second];
}

// What one word adds to each language's score (its known words, and the longest ending of each language, once per
// word), as [language, weight, …] in the order they are added. Remembered per model and word: news vocabulary
// repeats, and the endings walk was the language step's main cost. Bounded, so that memory stays flat.
const WORD_EVIDENCE_CACHE = 50_000;
const wordEvidenceCache = new WeakMap<ScriptModel, Map<string, readonly number[]>>();

function wordEvidence(model: ScriptModel, word: string): readonly number[] {
  let cache = wordEvidenceCache.get(model);
  if (!cache) {
    cache = new Map();
    wordEvidenceCache.set(model, cache);
  }
  const known = cache.get(word);
  if (known) return known;
  const evidence: number[] = [];
  const langs = model.words.get(word);
  if (langs) for (const l of langs) evidence.push(l, data.wordWeight);
  if (word.length > 3) {
    const seen = new Set<number>();
    for (let k = Math.min(model.maxEnding, word.length - 1); k >= 1; k--) {
      const hits = model.endings.get(word.slice(-k));
      if (!hits) continue;
      for (const [lang, weight] of hits) {
        if (seen.has(lang)) continue;
        seen.add(lang);
        evidence.push(lang, weight);
      }
    }
  }
  if (cache.size >= WORD_EVIDENCE_CACHE) cache.clear();
  cache.set(word, evidence);
  return evidence;
}

/**
 * How many times a global pattern matches, counting no further than `cap` (the evidence is capped there anyway):
 * a long paragraph's hundredth vowel pair costs a scan and an array slot for nothing.
 */
function countUpTo(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap) {
    const m = re.exec(text);
    if (m === null) break;
    n++;
    // An empty match would not move lastIndex: step past it.
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return n;
}

function identifyAlphabetic(
  text: string,
  model: ScriptModel,
  script: Script,
  ngrams: NgramUse | null,
): LanguageResult {
  const lower = text.toLowerCase();
  const scores = Float64Array.from(model.priors);
  const letterCounts = new Int32Array(model.letterWeights.length);
  for (let i = 0; i < lower.length; i++) {
    const slot = model.letterSlot[lower.charCodeAt(i)]!;
    if (slot >= 0) letterCounts[slot]!++;
  }
  letterCounts.forEach((n, slot) => {
    if (n > 0)
      for (const [lang, w] of model.letterWeights[slot]!) scores[lang]! += w * Math.min(n, data.letterCap);
  });
  for (const m of lower.matchAll(WORD)) {
    const evidence = wordEvidence(model, m[0]);
    for (let j = 0; j < evidence.length; j += 2) scores[evidence[j]!]! += evidence[j + 1]!;
  }
  for (const [re, weights] of model.patterns) {
    const n = countUpTo(re, lower, data.letterCap);
    if (n > 0) for (const [lang, w] of weights) scores[lang]! += w * n;
  }
  if (model.ukrainianI && lower.includes('і') && !/[әғқңөұүһы]/.test(lower) && /\S\s+\S/.test(lower.trim())) {
    scores[model.uk]! += model.ukrainianI;
  }
  let [best, second] = topTwo(scores);
  // A paragraph whose letters and words already settle it by a wide margin does not need the n-grams (the
  // slowest step after franc); headlines and close calls always get them.
  if (ngrams && scores[best]! - scores[second]! < data.ngramSkipMargin) {
    addNgramEvidence(lower, script, model.languages, ngrams, scores);
    [best, second] = topTwo(scores);
  }
  if (
    scores[best]! - scores[second]! < FRANC_MARGIN &&
    text.length >= data.francMinLength &&
    text.length <= data.francMaxLength
  ) {
    for (const [code, score] of francAll(text.slice(0, 160), { only: [...model.francOnly], minLength: 1 })) {
      const lang = model.franc.get(code);
      if (lang !== undefined) scores[lang]! += data.francWeight * score;
    }
    [best, second] = topTwo(scores);
  }
  const name = model.languages[best]!;
  const lang = (REPORTED.has(name) ? name : 'other') as Lang;
  return { lang, script, confidence: confidenceOf(scores[best]! - scores[second]!) };
}

function confidenceOf(margin: number): number {
  return Math.round((1 - 0.5 * Math.exp(-margin / 2)) * 1000) / 1000;
}

/** Enough of a paragraph to tell its language; the rest only costs time. */
const SAMPLE = 700;
const CACHE_LIMIT = 5_000;
// classify() re-reads the paragraphs detectLanguage() just read: remember the last few thousand.
const cache = new Map<string, LanguageResult>();

/** Reads an n-gram model file written by `npm run train:language`. */
export function loadNgramModel(path: string = DEFAULT_NGRAM_MODEL_PATH): CharNgramModel {
  return new CharNgramModel(JSON.parse(readFileSync(path, 'utf8')) as NgramModelFile);
}

/** The n-gram model and how much its log-likelihoods weigh against the letter and word evidence. */
interface NgramUse {
  readonly model: CharNgramModel;
  readonly weight: number;
}

/**
 * Identifies one paragraph (uncached) with the given n-gram model, or with letters, words and franc alone when
 * it is null; scripts/train-language.ts cross-validates the model (and tries other weights) through this.
 */
export function createLanguageIdentifier(
  model: CharNgramModel | null,
  weight: number = data.ngramWeight,
): (text: string) => LanguageResult {
  const ngrams = model ? { model, weight } : null;
  return (text) => {
    const { cyrl, latn, arab } = countScripts(text);
    if (cyrl + latn + arab === 0) return { lang: 'other', script: 'latn', confidence: 0 };
    if (arab > cyrl && arab > latn) return identifyArabic(text, ngrams);
    if (cyrl >= latn) return identifyAlphabetic(text, CYRILLIC, 'cyrl', ngrams);
    return identifyAlphabetic(text, LATIN, 'latn', ngrams);
  };
}

// Loaded on first use rather than at import, so that `npm run train:language` can run before the file exists.
let defaultIdentifier: ((text: string) => LanguageResult) | null = null;

/** The language and script of one paragraph or headline. */
export function identifyParagraph(text: string): LanguageResult {
  const hit = cache.get(text);
  if (hit) return hit;
  defaultIdentifier ??= createLanguageIdentifier(loadNgramModel());
  const result = defaultIdentifier(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** Paragraphs are separated by a blank line (the Article convention); a title comes first the same way. */
export function splitParagraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index ?? 0;
    if (text.slice(start, end).trim()) out.push({ start, text: text.slice(start, end) });
    start = end + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ start, text: text.slice(start) });
  return out;
}

export type LanguageShares = Readonly<Record<Lang, number>>;

interface ParagraphLanguage {
  readonly start: number;
  readonly text: string;
  readonly language: LanguageResult;
}

/** Each paragraph with its language (used by the classifier to pick a lexicon per paragraph). */
export function paragraphLanguages(text: string): ParagraphLanguage[] {
  return splitParagraphs(text).map((p) => ({ ...p, language: identifyParagraph(p.text) }));
}

/** The share of each language in a document, weighted by paragraph length (a Russian article quoting Kazakh). */
export function languageShares(text: string): LanguageShares {
  return sharesOf(paragraphLanguages(text));
}

function sharesOf(paragraphs: readonly ParagraphLanguage[]): LanguageShares {
  const shares: Record<Lang, number> = { kk: 0, ru: 0, en: 0, other: 0 };
  let total = 0;
  for (const p of paragraphs) {
    const weight = p.text.trim().length;
    shares[p.language.lang] += weight;
    total += weight;
  }
  if (total > 0)
    for (const k of Object.keys(shares) as Lang[]) shares[k] = Math.round((shares[k] / total) * 1000) / 1000;
  return shares;
}

/** The language of a whole text: the language of most of its paragraphs by length, with their script. */
export function detectLanguage(text: string): LanguageResult {
  const paragraphs = paragraphLanguages(text);
  if (paragraphs.length === 0) return { lang: 'other', script: 'latn', confidence: 0 };
  if (paragraphs.length === 1) return paragraphs[0]!.language;
  const shares = sharesOf(paragraphs);
  const lang = (Object.entries(shares) as [Lang, number][]).sort((a, b) => b[1] - a[1])[0]![0];
  const own = paragraphs.filter((p) => p.language.lang === lang);
  const scriptWeight = new Map<Script, number>();
  let confidence = 0;
  for (const p of own) {
    scriptWeight.set(p.language.script, (scriptWeight.get(p.language.script) ?? 0) + p.text.length);
    confidence += p.language.confidence * p.text.length;
  }
  const script = [...scriptWeight].sort((a, b) => b[1] - a[1])[0]![0];
  const ownLength = own.reduce((n, p) => n + p.text.length, 0);
  return { lang, script, confidence: Math.round((confidence / ownLength) * shares[lang] * 1000) / 1000 };
}
