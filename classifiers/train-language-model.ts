// Training the character n-gram model of language varieties (char-ngram-model.ts) from the texts we wrote in
// config/training/language/*.txt, plus the Latin- and Arabic-script texts transliterated from them as
// config/training/language/profiles.json says; and cross-validating it on those texts, so that the weights of
// detect-language.ts are tuned without touching the dev set. `npm run train:language` (scripts/train-language.ts)
// writes config/model/language-ngrams.json with this.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, type Script } from '../core/index.ts';
import { CharNgramModel, countProfile, type NgramModelFile } from './char-ngram-model.ts';
import { createLanguageIdentifier } from './detect-language.ts';

interface Alphabet {
  readonly letters: Record<string, string>;
  readonly initial?: Record<string, string>;
  readonly frontMark?: { mark: string; front: string; except: string };
}

interface ProfilesConfig {
  readonly maxOrder: number;
  readonly alpha: number;
  readonly minCount: number;
  readonly written: Record<string, { lang: string; script: Script }>;
  readonly derived: Record<string, { from: string; lang: string; script: Script; alphabets: string[] }>;
  readonly alphabets: Record<string, Alphabet>;
}

export const LANGUAGE_TRAINING_DIR = resolve(CONFIG_DIR, 'training', 'language');
const DIR = LANGUAGE_TRAINING_DIR;
const config = JSON.parse(readFileSync(resolve(DIR, 'profiles.json'), 'utf8')) as ProfilesConfig;

function readLines(name: string): string[] {
  return readFileSync(resolve(DIR, `${name}.txt`), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A Cyrillic text in another alphabet, word by word; what the alphabet does not map (digits, Latin) is kept. */
export function transliterate(text: string, alphabet: Alphabet): string {
  return text.toLowerCase().replace(/[\p{L}]+/gu, (word) => {
    let out = '';
    for (let i = 0; i < word.length; i++) {
      const ch = word[i]!;
      out += (i === 0 ? alphabet.initial?.[ch] : undefined) ?? alphabet.letters[ch] ?? ch;
    }
    const mark = alphabet.frontMark;
    if (
      mark &&
      [...word].some((c) => mark.front.includes(c)) &&
      ![...word].some((c) => mark.except.includes(c))
    )
      out = mark.mark + out;
    return out;
  });
}

export interface Variety {
  readonly name: string;
  readonly lang: string;
  readonly script: Script;
  /** Each source line in every spelling the variety is trained on (one, or one per alphabet). */
  readonly lines: readonly (readonly string[])[];
}

/** Every variety with its training lines, as config/training/language/profiles.json describes them. */
export function languageVarieties(): Variety[] {
  const out: Variety[] = [];
  for (const [name, v] of Object.entries(config.written))
    out.push({ name, lang: v.lang, script: v.script, lines: readLines(name).map((l) => [l]) });
  for (const [name, v] of Object.entries(config.derived)) {
    const alphabets = v.alphabets.map((a) => {
      const alphabet = config.alphabets[a];
      if (!alphabet) throw new Error(`profiles.json: derived ${name} names unknown alphabet ${a}`);
      return alphabet;
    });
    out.push({
      name,
      lang: v.lang,
      script: v.script,
      lines: readLines(v.from).map((l) => alphabets.map((a) => transliterate(l, a))),
    });
  }
  return out;
}

/** The model file of the given varieties, trained on the lines whose index keep accepts (all, or all but a fold). */
export function trainLanguageModel(
  all: readonly Variety[],
  keep: (index: number) => boolean = () => true,
): NgramModelFile {
  const profiles: NgramModelFile['profiles'] = Object.fromEntries(
    all.map((v) => [
      v.name,
      countProfile(
        v.lines.filter((_, i) => keep(i)).flat(),
        v.lang,
        v.script,
        config.maxOrder,
        config.minCount,
      ),
    ]),
  );
  return {
    _doc: 'Character n-gram counts per language variety, written by `npm run train:language` from config/training/language/. Do not edit by hand.',
    maxOrder: config.maxOrder,
    alpha: config.alpha,
    minCount: config.minCount,
    profiles,
  };
}

const REPORTED = new Set(['kk', 'ru', 'en']);
const reported = (lang: string) => (REPORTED.has(lang) ? lang : 'other');

export type Kind = 'sentence' | 'headline' | 'w2';
export const KINDS: readonly Kind[] = ['sentence', 'headline', 'w2'];

/** Held-out samples of a line: the line itself (a sentence, or a headline of 2–6 words) and its first two words. */
function samplesOf(line: string): [Kind, string][] {
  const words = line.split(/\s+/);
  const out: [Kind, string][] = [[words.length > 6 ? 'sentence' : 'headline', line]];
  if (words.length > 2) out.push(['w2', words.slice(0, 2).join(' ')]);
  return out;
}

export interface Tally {
  right: number;
  total: number;
}

export interface CrossValidation {
  /** Per variety, then in total ('all'): how often the n-grams alone and the whole identifier were right. */
  readonly byVariety: ReadonlyMap<
    string,
    { readonly ngram: Record<Kind, Tally>; readonly full: Record<Kind, Tally> }
  >;
  /** The held-out texts the whole identifier got wrong. */
  readonly errors: readonly string[];
}

/**
 * Cross-validation over the training lines: each fold's lines are held out of the model that then identifies
 * them (every spelling of a line stays in the same fold, so no transliteration of a held-out line is trained on).
 */
export function crossValidate(all: readonly Variety[], folds = 5, weight?: number): CrossValidation {
  const empty = (): Record<Kind, Tally> => ({
    sentence: { right: 0, total: 0 },
    headline: { right: 0, total: 0 },
    w2: { right: 0, total: 0 },
  });
  const byVariety = new Map<string, { ngram: Record<Kind, Tally>; full: Record<Kind, Tally> }>();
  const errors: string[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = new CharNgramModel(trainLanguageModel(all, (i) => i % folds !== fold));
    const identify = createLanguageIdentifier(model, weight);
    for (const v of all) {
      const t = byVariety.get(v.name) ?? { ngram: empty(), full: empty() };
      byVariety.set(v.name, t);
      v.lines.forEach((spellings, i) => {
        if (i % folds !== fold) return;
        for (const [kind, text] of spellings.flatMap(samplesOf)) {
          const scores = model.score(text, v.script);
          let best = -1;
          if (scores)
            for (let k = 0; k < scores.logProb.length; k++)
              if (best < 0 || scores.logProb[k]! > scores.logProb[best]!) best = k;
          const ngramBest = scores && best >= 0 ? scores.profiles[best]! : 'none';
          const ngramLang = scores && best >= 0 ? reported(scores.langs[best]!) : 'other';
          const full = identify(text);
          t.ngram[kind].total++;
          t.full[kind].total++;
          if (ngramLang === reported(v.lang)) t.ngram[kind].right++;
          if (full.lang === reported(v.lang)) t.full[kind].right++;
          else errors.push(`${v.name} ${kind} got ${full.lang} (n-grams: ${ngramBest}): ${text}`);
        }
      });
    }
  }
  const sum = { ngram: empty(), full: empty() };
  for (const t of byVariety.values())
    for (const k of ['ngram', 'full'] as const)
      for (const kind of KINDS) {
        sum[k][kind].right += t[k][kind].right;
        sum[k][kind].total += t[k][kind].total;
      }
  byVariety.set('all', sum);
  return { byVariety, errors };
}

/** Training lines (in any spelling) that are also texts of the language dev set, compared without case and final stop. */
export function devOverlap(all: readonly Variety[]): string[] {
  const key = (t: string) =>
    t
      .trim()
      .toLowerCase()
      .replace(/[.!?]+$/, '');
  const dev = new Set(
    readFileSync(resolve(CONFIG_DIR, 'dev', 'language.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => key((JSON.parse(l) as { text: string }).text)),
  );
  return all.flatMap((v) =>
    v.lines
      .flat()
      .filter((l) => dev.has(key(l)))
      .map((l) => `${v.name}: ${l}`),
  );
}
