// The taxonomy lexicons of config/lexicons/{ru,kk,en}.json compiled to matchers, one set per language.

import extraction from '../config/extraction.json' with { type: 'json' };
import en from '../config/lexicons/en.json' with { type: 'json' };
import facts from '../config/lexicons/facts.json' with { type: 'json' };
import foreignCities from '../config/lexicons/foreign-cities.json' with { type: 'json' };
import kk from '../config/lexicons/kk.json' with { type: 'json' };
import ru from '../config/lexicons/ru.json' with { type: 'json' };
import { BASE_CATEGORY_IDS, type CategoryId, foldLatinLookalikes, isCategoryId } from '../core/index.ts';
import { foldKazakh, kazakhLatinToCyrillic, LATIN_VARIANTS } from './kazakh-latin.ts';
import { knownPeople } from './known-people.ts';
import {
  ATTRIBUTION,
  type KnownMedia,
  type NamePattern,
  namePatterns,
  PERSON_ATTRIBUTION,
} from './media-names.ts';
import { createMatcher, type Matcher, type Pattern, parsePattern } from './pattern-matcher.ts';

export type LexiconLang = 'ru' | 'kk' | 'en';

export type Cue =
  | {
      readonly kind: 'target';
      readonly weak: boolean;
      /**
       * Named, not described: an outlet's name (KazTAG) or a known journalist's surname (media-names.ts); or
       * 'reporter', a word that also names who reported the news (корреспондент, тілші, news agency): beside an
       * attribution word ("передают корреспонденты", "деп хабарлайды … тілшісі") it is the source, not the target;
       * or 'speech', an utterance named as what was punished ("за пост в Facebook", "жазбасы үшін", "for a video",
       * "spreading false information"): an ordinary person fined or jailed for what they said is the taxonomy's
       * case as surely as a journalist is, and the phrase is a strong target (a bare "post" stays weak).
       */
      readonly name?: 'outlet' | 'person' | 'reporter' | 'speech';
      /** A known person's case category: beside a caseStep, the story follows up that case. */
      readonly case?: CategoryId;
    }
  /**
   * The next step of a case ("оправдан", "ақталды", "released", "appeal"): with a known person's name beside it,
   * a follow-up of that person's case (lexicon-evidence.ts); alone, nothing.
   */
  | { readonly kind: 'caseStep' }
  /**
   * Next to an outlet's name, makes it the news's source, not its target ("сообщает KazTAG"); `persons`: a cue of
   * media-names.json's persons.attribution, which does so for a person's name only ("по словам Ахмедьярова").
   */
  | { readonly kind: 'attribution'; readonly persons?: boolean }
  /**
   * A circumstance that decides between categories (an administrative arrest, the trial of a journalist's
   * attacker, news about a law): the "contexts" lists of a lexicon, read by the rules of classifier.json
   * "contextRules" (category-precedence.ts).
   */
  | { readonly kind: 'context'; readonly name: string }
  /** Words that contain a target word but name no target ("press service", "баспасөз қызметі"). */
  | { readonly kind: 'notTarget' }
  | { readonly kind: 'negative'; readonly weight: number }
  /**
   * Where the story happens: Kazakhstan (its name, demonym, cities, institutions) or another country (its name,
   * capital and large cities, demonym, institutions). Not a feature of the model: it only decides whether a
   * story told abroad can be one of ours (create-classifier.ts).
   */
  | { readonly kind: 'place'; readonly home: boolean }
  /**
   * The register of a law's text, a bill or an explainer ("предусматривает", "заң жобасы", "punishable by"): the
   * charge words of such a text describe what the law says, not a case brought against someone.
   */
  | { readonly kind: 'explainer' }
  | {
      readonly kind: 'category';
      readonly category: CategoryId;
      readonly selfTargeted: boolean;
      /** Cites the law or code that settles the category ("КоАП", "ҚК-нің"): it outranks wording. */
      readonly decisive: boolean;
      /** Made by lexicon-evidence.ts from a case's next step beside a known person: weighs caseFollowUp.weight. */
      readonly followUp?: true;
    };

export interface Lexicon {
  readonly lang: LexiconLang;
  readonly matcher: Matcher<Cue>;
  /** Turns a lower-cased word of the text into the form patterns are written in. */
  readonly normalise: (word: string) => string;
}

interface RawLexicon {
  targets: string[];
  /** Utterances named as what was punished (strong targets); '-' phrases cancel them as in targets. */
  speech?: string[];
  negatives: (string | number)[][];
  categories: Record<string, string[]>;
  places: { home: string[]; foreign: string[] };
  explainer: string[];
  /** The next steps of a case (acquitted, released, appeal): follow-ups when a known person is named beside them. */
  caseSteps: string[];
  contexts?: Record<string, string[]>;
}

// Kazakhstan's cities and regions (facts.json, all scripts) count as home in every language.
const HOME_PLACES = Object.values(facts.places).flat();

/** Large foreign cities and demonyms (config/lexicons/foreign-cities.json): more of each lexicon's foreign places. */
function foreignCitiesOf(lang: LexiconLang): readonly string[] {
  const list = (foreignCities as Record<string, unknown>)[lang];
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string'))
    throw new Error(`config/lexicons/foreign-cities.json: "${lang}" must be a list of patterns`);
  return list as string[];
}

/** Every language's foreign cities (patterns), checked as the lexicons read them: analyse-text keeps them out of the model. */
export const FOREIGN_CITY_PATTERNS: readonly string[] = (['ru', 'kk', 'en'] as const).flatMap(
  foreignCitiesOf,
);

const LATIN_LETTER = /[a-z\u00c0-\u024f]/;

/**
 * A name written in Latin letters as Latin-script Kazakh reaches the Kazakh matcher: in Cyrillic, word by word,
 * under every Latin alphabet (analyse-text.ts reads a Latin-script Kazakh text so), so "Tengrinews" and
 * "Akhmetova" in a Latin-script Kazakh text meet "tengrinews*" and "akhmetov*".
 */
function kazakhLatinForms(source: string): string[] {
  if (!LATIN_LETTER.test(source)) return [];
  const forms = LATIN_VARIANTS.map((variant) =>
    source
      .split(' ')
      .map((w) =>
        w.endsWith('*')
          ? `${kazakhLatinToCyrillic(w.slice(0, -1), variant)}*`
          : kazakhLatinToCyrillic(w, variant),
      )
      .join(' '),
  );
  return [...new Set(forms)].filter((f) => f !== source);
}

function compile(
  lang: LexiconLang,
  raw: RawLexicon,
  normalise: (w: string) => string,
  names: readonly NamePattern[],
): Lexicon {
  const where = `config/lexicons/${lang}.json`;
  const patterns: Pattern<Cue>[] = [];
  // Every pattern the file gives is text: a number or a list pasted into a list of patterns is refused here, with
  // the file and the list named, rather than failing inside the pattern parser.
  const patternText = (source: unknown, field: string): string => {
    if (typeof source !== 'string' || !source.trim())
      throw new Error(`${where}: "${field}" holds ${JSON.stringify(source)}, not a pattern`);
    return source;
  };
  // One pattern per distinct form: two spellings of a name that normalise alike would count it twice.
  const nameForms = new Set<string>();
  for (const n of names) {
    const cue: Cue = n.case
      ? { kind: 'target', weak: false, name: 'person', case: n.case }
      : { kind: 'target', weak: false, name: n.outlet ? 'outlet' : 'person' };
    for (const source of lang === 'kk' ? [n.source, ...kazakhLatinForms(n.source)] : [n.source]) {
      const pattern = parsePattern<Cue>(source, cue, normalise);
      const key = pattern.parts.map((p) => `${p.text}${p.prefix ? '*' : ''}`).join(' ');
      if (nameForms.has(key)) continue;
      nameForms.add(key);
      patterns.push(pattern);
    }
  }
  for (const source of ATTRIBUTION[lang])
    patterns.push(parsePattern<Cue>(source, { kind: 'attribution' }, normalise));
  for (const source of PERSON_ATTRIBUTION.cues[lang])
    patterns.push(parsePattern<Cue>(source, { kind: 'attribution', persons: true }, normalise));
  if (!Array.isArray(raw.caseSteps)) throw new Error(`${where}: needs "caseSteps": [...]`);
  for (const source of raw.caseSteps)
    patterns.push(parsePattern<Cue>(patternText(source, 'caseSteps'), { kind: 'caseStep' }, normalise));
  for (const [name, list] of Object.entries(raw.contexts ?? {})) {
    if (!Array.isArray(list)) throw new Error(`${where}: contexts.${name} must be a list of patterns`);
    for (const source of list)
      patterns.push(
        parsePattern<Cue>(patternText(source, `contexts.${name}`), { kind: 'context', name }, normalise),
      );
  }
  for (const item of raw.targets) {
    const t = patternText(item, 'targets');
    // '-' marks a phrase that contains a target word but names no target ("press service"): it cancels the
    // targets that lie within it (lexicon-evidence.ts realTargets).
    if (t.startsWith('-')) {
      patterns.push(parsePattern<Cue>(t.slice(1), { kind: 'notTarget' }, normalise));
      continue;
    }
    // '~' marks an ambiguous target word (a post, a site, an operator): enough next to a restriction, not alone.
    // '=' a word that may name the news's reporter ("сообщает корреспондент", "сайттың тілшісі хабарлайды"): an
    // attribution next to it cancels it. '~=' a weak one.
    const markers = /^~?=?/.exec(t)![0];
    const weak = markers.includes('~');
    const reporter = markers.includes('=');
    patterns.push(
      parsePattern<Cue>(
        t.slice(markers.length),
        reporter ? { kind: 'target', weak, name: 'reporter' } : { kind: 'target', weak },
        normalise,
      ),
    );
  }
  if (raw.speech !== undefined && !Array.isArray(raw.speech))
    throw new Error(`${where}: "speech" must be a list of patterns`);
  for (const item of raw.speech ?? []) {
    const t = patternText(item, 'speech');
    patterns.push(
      t.startsWith('-')
        ? parsePattern<Cue>(t.slice(1), { kind: 'notTarget' }, normalise)
        : parsePattern<Cue>(t, { kind: 'target', weak: false, name: 'speech' }, normalise),
    );
  }
  for (const entry of raw.negatives) {
    const [source, weight] = entry;
    // Exactly [pattern, weight]: a longer entry is a slip in the file (a pattern pasted inside another entry), and
    // reading only its first two items would silently drop the rest.
    if (entry.length !== 2 || typeof source !== 'string' || typeof weight !== 'number')
      throw new Error(`${where}: bad negative ${JSON.stringify(entry)}`);
    patterns.push(parsePattern<Cue>(source, { kind: 'negative', weight }, normalise));
  }
  if (!raw.places || !Array.isArray(raw.places.home) || !Array.isArray(raw.places.foreign))
    throw new Error(`${where}: needs "places": { "home": [...], "foreign": [...] }`);
  for (const source of [...raw.places.home, ...HOME_PLACES])
    patterns.push(
      parsePattern<Cue>(patternText(source, 'places.home'), { kind: 'place', home: true }, normalise),
    );
  if (!Array.isArray(raw.explainer)) throw new Error(`${where}: needs "explainer": [...]`);
  for (const source of raw.explainer)
    patterns.push(parsePattern<Cue>(patternText(source, 'explainer'), { kind: 'explainer' }, normalise));
  for (const source of [...raw.places.foreign, ...foreignCitiesOf(lang)])
    patterns.push(
      parsePattern<Cue>(
        patternText(source, 'places.foreign (with foreign-cities.json)'),
        { kind: 'place', home: false },
        normalise,
      ),
    );
  for (const [id, list] of Object.entries(raw.categories)) {
    if (!isCategoryId(id)) throw new Error(`${where}: unknown category "${id}"`);
    for (const item of list) {
      const source = patternText(item, `categories.${id}`);
      // Leading markers: '!' the pattern names its own target, '^' it cites the deciding law or code.
      const markers = /^[!^]*/.exec(source)![0];
      patterns.push(
        parsePattern<Cue>(
          source.slice(markers.length),
          {
            kind: 'category',
            category: id,
            selfTargeted: markers.includes('!'),
            decisive: markers.includes('^'),
          },
          normalise,
        ),
      );
    }
  }
  // The finer 2024 ids are optional: where a lexicon has none, its texts rank under the base id they refine.
  const missing = BASE_CATEGORY_IDS.filter((id) => !(id in raw.categories));
  if (missing.length) throw new Error(`${where}: no patterns for ${missing.join(', ')}`);
  return { lang, matcher: createMatcher(patterns), normalise };
}

// "10-day prison sentence", "15-day arrest": a number joined to its unit is one token; patterns meet the unit.
const NUMBER_UNIT = /^\p{N}+-(\p{L}[\p{L}-]*)$/u;
const dropNumber = (w: string) => (/^\p{N}/u.test(w) ? w.replace(NUMBER_UNIT, '$1') : w);
// "Stan TV’s studio", "the ministry's order": the possessive belongs to the word, so 'tv' and 'ministry' meet it.
const POSSESSIVE = /['’]s$/;
const normaliseEnglish = (w: string) => dropNumber(POSSESSIVE.test(w) ? w.slice(0, -2) : w);
// Latin letters that look Cyrillic, typed inside a Cyrillic word ("соцcетям" with a Latin c): the word the reader
// sees, by the normalise stage's rule and map (core's foldLatinLookalikes; words arrive here lower-cased, so the
// map's lower-case letters, then its capitals' lower-case forms: T → т, M → м).
const LOWER_LOOKALIKES: Readonly<Record<string, string>> = (() => {
  const pairs = Object.entries(extraction.normalize.latinToCyrillic);
  const map: Record<string, string> = {};
  for (const [latin, cyrillic] of pairs)
    if (latin !== latin.toLowerCase()) map[latin.toLowerCase()] = cyrillic.toLowerCase();
  // The map's own lower-case letters win (h → һ, not н from H).
  for (const [latin, cyrillic] of pairs) if (latin === latin.toLowerCase()) map[latin] = cyrillic;
  return map;
})();
// Every key of the map is a-z: a word without one (most Russian and Kazakh words) has nothing to fold.
const foldLookalikes = (w: string) => (/[a-z]/.test(w) ? foldLatinLookalikes(w, LOWER_LOOKALIKES) : w);
// ё is written as е in most Russian news: patterns and words meet in the е form.
const foldRussian = (w: string) => {
  const f = foldLookalikes(w);
  return f.includes('ё') ? f.replace(/ё/g, 'е') : f;
};

export type Lexicons = Readonly<Record<LexiconLang, Lexicon>>;

/**
 * The three lexicons with the committed outlets' names and, when given, the people and outlets the monitoring
 * team knows from its dataset (compiled once per classifier: a few hundred extra patterns cost milliseconds).
 */
export function buildLexicons(known?: KnownMedia): Lexicons {
  const names = namePatterns(known);
  return {
    ru: compile('ru', ru, foldRussian, names),
    kk: compile('kk', kk, (w) => foldKazakh(foldLookalikes(w)), names),
    en: compile('en', en, normaliseEnglish, names),
  };
}

/** The default lexicons: the committed outlets and the watch list (known-people.ts), no dataset. */
export const LEXICONS: Lexicons = buildLexicons(knownPeople());

/** The context names a lexicon file declares (classifier.json's rules are checked against them). */
export const CONTEXT_NAMES: ReadonlySet<string> = new Set(
  [ru, kk, en].flatMap((raw: RawLexicon) => Object.keys(raw.contexts ?? {})),
);
