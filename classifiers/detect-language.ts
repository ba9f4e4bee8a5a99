// Language and script identification. franc alone calls Latin-script Kazakh English, gives up on Arabic script
// and calls short Kazakh words Russian, so evidence comes first from letters that only some languages use, then
// from function words and word endings, and franc (restricted to the plausible languages) only breaks close calls.
// All weights are data in config/lexicons/languages.json.
import { francAll } from 'franc';
import data from '../config/lexicons/languages.json' with { type: 'json' };
import type { Lang, LanguageResult, Script } from '../core/index.ts';

interface ScriptModel {
  readonly languages: readonly string[];
  readonly priors: ReadonlyMap<string, number>;
  readonly franc: ReadonlyMap<string, string>;
  readonly letters: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Word endings by their text, so a word costs a few look-ups rather than a scan of every ending. */
  readonly endings: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  readonly maxEnding: number;
  readonly patterns: readonly (readonly [RegExp, readonly (readonly [string, number])[]])[];
  readonly ukrainianI: number;
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
  const words = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(raw.words)) {
    for (const w of list) words.set(w, [...(words.get(w) ?? []), lang]);
  }
  const endings: [string, string, number][] = [];
  for (const [lang, list] of Object.entries(raw.endings)) {
    // "ували:3" carries its own weight; a bare ending weighs endingWeight.
    for (const e of list) {
      const [ending, weight] = e.split(':');
      endings.push([lang, ending!, weight ? Number(weight) : data.endingWeight]);
    }
  }
  const endingIndex = new Map<string, [string, number][]>();
  for (const [lang, ending, weight] of endings)
    endingIndex.set(ending, [...(endingIndex.get(ending) ?? []), [lang, weight]]);
  const patterns = Object.entries(raw.patterns ?? {})
    .filter(([k]) => k !== '_doc')
    .map(([re, w]) => [new RegExp(re, 'gu'), Object.entries(w as Record<string, number>)] as const);
  return {
    languages: raw.languages,
    priors: new Map(Object.entries(raw.priors)),
    franc: new Map(Object.entries(raw.francLanguages)),
    letters: new Map(Object.entries(raw.letters).map(([ch, w]) => [ch, Object.entries(w)])),
    words,
    endings: endingIndex,
    maxEnding: Math.max(...endings.map((e) => e[1].length)),
    patterns,
    ukrainianI: raw.ukrainianI?.uk ?? 0,
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

function identifyArabic(text: string): LanguageResult {
  let kk = 0;
  let other = 0;
  for (const [mark, w] of ARABIC_KK) kk += w * Math.min(occurrences(text, mark), data.letterCap);
  for (const [mark, w] of ARABIC_OTHER) other += w * Math.min(occurrences(text, mark), data.letterCap);
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

function identifyAlphabetic(text: string, model: ScriptModel, script: Script): LanguageResult {
  const lower = text.toLowerCase();
  const scores = new Map<string, number>(model.languages.map((l) => [l, 0]));
  const add = (lang: string, w: number) => scores.set(lang, (scores.get(lang) ?? 0) + w);
  for (const [lang, prior] of model.priors) add(lang, prior);
  const letterCounts = new Map<string, number>();
  for (const ch of lower) if (model.letters.has(ch)) letterCounts.set(ch, (letterCounts.get(ch) ?? 0) + 1);
  for (const [ch, n] of letterCounts) {
    for (const [lang, w] of model.letters.get(ch)!) add(lang, w * Math.min(n, data.letterCap));
  }
  for (const m of lower.matchAll(WORD)) {
    const word = m[0];
    const langs = model.words.get(word);
    if (langs) for (const l of langs) add(l, data.wordWeight);
    if (word.length > 3) {
      // The longest ending of each language counts, once per word.
      const seen = new Set<string>();
      for (let k = Math.min(model.maxEnding, word.length - 1); k >= 1; k--) {
        const hits = model.endings.get(word.slice(-k));
        if (!hits) continue;
        for (const [lang, weight] of hits) {
          if (seen.has(lang)) continue;
          seen.add(lang);
          add(lang, weight);
        }
      }
    }
  }
  for (const [re, weights] of model.patterns) {
    const n = Math.min(data.letterCap, lower.match(re)?.length ?? 0);
    if (n > 0) for (const [lang, w] of weights) add(lang, w * n);
  }
  if (model.ukrainianI && lower.includes('і') && !/[әғқңөұүһы]/.test(lower) && /\S\s+\S/.test(lower.trim())) {
    add('uk', model.ukrainianI);
  }
  let ranked = [...scores].sort((a, b) => b[1] - a[1]);
  if (
    ranked[0]![1] - ranked[1]![1] < FRANC_MARGIN &&
    text.length >= data.francMinLength &&
    text.length <= data.francMaxLength
  ) {
    const only = [...model.franc.keys()];
    for (const [code, score] of francAll(text.slice(0, 160), { only, minLength: 1 })) {
      const lang = model.franc.get(code);
      if (lang) add(lang, data.francWeight * score);
    }
    ranked = [...scores].sort((a, b) => b[1] - a[1]);
  }
  const [best, second] = [ranked[0]!, ranked[1]!];
  const lang = (REPORTED.has(best[0]) ? best[0] : 'other') as Lang;
  return { lang, script, confidence: confidenceOf(best[1] - second[1]) };
}

function confidenceOf(margin: number): number {
  return Math.round((1 - 0.5 * Math.exp(-margin / 2)) * 1000) / 1000;
}

/** Enough of a paragraph to tell its language; the rest only costs time. */
const SAMPLE = 700;
const CACHE_LIMIT = 5_000;
// classify() re-reads the paragraphs detectLanguage() just read: remember the last few thousand.
const cache = new Map<string, LanguageResult>();

/** The language and script of one paragraph or headline. */
export function identifyParagraph(text: string): LanguageResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = identifyUncached(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function identifyUncached(text: string): LanguageResult {
  const { cyrl, latn, arab } = countScripts(text);
  if (cyrl + latn + arab === 0) return { lang: 'other', script: 'latn', confidence: 0 };
  if (arab > cyrl && arab > latn) return identifyArabic(text);
  if (cyrl >= latn) return identifyAlphabetic(text, CYRILLIC, 'cyrl');
  return identifyAlphabetic(text, LATIN, 'latn');
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
