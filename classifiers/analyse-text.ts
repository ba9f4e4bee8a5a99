// The shared first step of classifying and of training: each paragraph (and the title) gets its language, its
// words, the lexicon cues found in it and the stems the statistical model reads. Training and classification
// go through this one function, so the model always sees features made the same way.
import facts from '../config/lexicons/facts.json' with { type: 'json' };
import stopwordLists from '../config/lexicons/stopwords.json' with { type: 'json' };
import type { CategoryId, Lang, LanguageResult } from '../core/index.ts';
import { identifyParagraph, splitParagraphs } from './detect-language.ts';
import { type LatinVariant, latinVariant } from './kazakh-latin.ts';
import { quotedOutletNames, quotedOutletSpans } from './media-names.ts';
import { matchSpan } from './pattern-matcher.ts';
import { kazakhForm, type StemLang, stemWord } from './stem-word.ts';
import { type Cue, FOREIGN_CITY_PATTERNS, LEXICONS, type Lexicons } from './taxonomy-lexicons.ts';
import { type Token, tokenize } from './tokenize.ts';

export interface CueHit {
  readonly cue: Cue;
  readonly source: string;
  /** Offsets into `text`; null for hits in the title. */
  readonly start: number | null;
  readonly end: number | null;
  readonly surface: string;
  /** Which part of the item the hit is in: -1 the title, 0… the paragraphs of the text. */
  readonly part: number;
  /** First and one past the last token of the match, within its part. */
  readonly from: number;
  readonly to: number;
}

export interface TextAnalysis {
  readonly hits: readonly CueHit[];
  /** Stems and cue markers for the model (unique). */
  readonly features: readonly string[];
  /**
   * The model features that are target words (journalist, outlet, site…) or the target marker: who a story is
   * about, not what was done. The model-alone path counts its support without them.
   */
  readonly targetFeatures: ReadonlySet<string>;
  readonly words: number;
}

// Function words carry no topic: the model skips them (lexicon patterns still see them).
const STOPWORDS: Readonly<Record<StemLang, ReadonlySet<string>>> = {
  ru: new Set(stopwordLists.ru),
  kk: new Set(stopwordLists.kk),
  en: new Set(stopwordLists.en),
};

// Place names carry no topic either: on a few hundred training texts a city picks up the lean of the stories that
// happened to be set there ("Almaty" leaning "not a violation" because two thefts were; "Novosibirsk" pulling a
// Pavlodar detention below the line because foreign stories set there were written as negatives). Whether a story
// is foreign is the lexicons' call (places.foreign, foreign-cities.json), not the model's. Names from facts.json
// and foreign-cities.json: long ones match as prefixes (Караганде, Қарағандыда), short ones only whole ("семей"
// is also "families").
const PLACE_WORDS = [...Object.values(facts.places), FOREIGN_CITY_PATTERNS]
  .flat()
  .map((p) => (p.includes(' ') ? p.slice(0, p.indexOf(' ')) : p).replace(/\*$/, ''));
const PLACE_WHOLE = new Set(PLACE_WORDS.filter((p) => p.length < 6 && !p.includes('*')));
// Long names by their first three letters, so that a word costs one map look-up and a few startsWith.
const PLACE_PREFIX = new Map<string, string[]>();
for (const p of PLACE_WORDS.filter((w) => w.length >= 6))
  PLACE_PREFIX.set(p.slice(0, 3), [...(PLACE_PREFIX.get(p.slice(0, 3)) ?? []), p]);
const isPlace = (w: string) =>
  PLACE_WHOLE.has(w) || (PLACE_PREFIX.get(w.slice(0, 3))?.some((p) => w.startsWith(p)) ?? false);

// Paragraphs in a language without a lexicon of their own are read with the document's.
function lexiconLang(paragraph: LanguageResult, fallback: Lang): StemLang | null {
  if (paragraph.lang !== 'other') return paragraph.lang;
  return fallback === 'other' ? null : fallback;
}

/** A cue found by a scan of its own (a dateline, a quoted outlet) over tokens [from, to) of a part. */
function tokenSpanHit(
  part: string,
  partIndex: number,
  offset: number | null,
  tokens: readonly Token[],
  cue: CueHit['cue'],
  source: string,
  from: number,
  to: number,
): CueHit {
  return {
    cue,
    source,
    start: offset === null ? null : offset + tokens[from]!.start,
    end: offset === null ? null : offset + tokens[to - 1]!.end,
    surface: part.slice(tokens[from]!.start, tokens[to - 1]!.end),
    part: partIndex,
    from,
    to,
  };
}

function analysePart(
  part: string,
  partIndex: number,
  offset: number | null,
  language: LanguageResult,
  fallback: Lang,
  hits: CueHit[],
  features: Set<string>,
  targetFeatures: Set<string>,
  lexicons: Lexicons,
  quoted: ReadonlySet<string>,
): number {
  const lang = lexiconLang(language, fallback);
  if (!lang) return 0;
  const tokens = tokenize(part);
  const lexicon = lexicons[lang];
  const variant = lang === 'kk' && language.script === 'latn' ? latinVariant(part) : null;
  const words =
    lang === 'kk'
      ? tokens.map((t) => kazakhForm(t.lower, variant))
      : tokens.map((t) => lexicon.normalise(t.lower));
  const firstHit = hits.length;
  for (const m of lexicon.matcher.match(words)) {
    const span = matchSpan(tokens, m);
    hits.push({
      cue: m.pattern.value,
      source: `${lang}:${m.pattern.source}`,
      start: offset === null ? null : offset + span.start,
      end: offset === null ? null : offset + span.end,
      surface: part.slice(span.start, span.end),
      part: partIndex,
      from: m.from,
      to: m.to,
    });
    const cue = m.pattern.value;
    // Places, the explainer register, attribution and contexts are not features: they act on the lexicon
    // evidence, and the model would learn the lean of whichever stories its texts happened to set where.
    if (
      cue.kind === 'category' ||
      cue.kind === 'target' ||
      cue.kind === 'notTarget' ||
      cue.kind === 'negative'
    )
      features.add(cue.kind === 'category' ? `#${cue.category}` : `#${cue.kind}`);
  }
  // A dateline ("АСТАНА. KAZINFORM —", "ALMATY (KazTAG) –") names the agency that tells the news: attribution.
  // Most paragraphs hold no dash: the dateline scan is skipped for them.
  const datelines =
    part.includes('—') || part.includes('–') || part.includes(' - ') ? part.matchAll(DATELINE) : [];
  for (const dateline of datelines) {
    const lineStart = dateline.index + dateline[0].length - dateline[1]!.length;
    const end = dateline.index + dateline[0].length;
    const from = tokens.findIndex((t) => t.start >= lineStart);
    const to = tokens.findIndex((t) => t.start >= end);
    if (from < 0 || to <= from) continue;
    hits.push(tokenSpanHit(part, partIndex, offset, tokens, ATTRIBUTION_CUE, `${lang}:dateline`, from, to));
  }
  // An outlet the item names by quoting it next to a media word elsewhere (газета «Ак Жайык» … «Ак Жайык»
  // сообщил…) is a target wherever it is quoted.
  for (const [start, end] of quotedOutletSpans(part, quoted)) {
    const from = tokens.findIndex((t) => t.start >= start);
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= end) to++;
    if (from < 0 || to === from) continue;
    hits.push(
      tokenSpanHit(
        part,
        partIndex,
        offset,
        tokens,
        QUOTED_OUTLET,
        `${lang}:«${part.slice(start, end).toLowerCase()}»`,
        from,
        to,
      ),
    );
    features.add('#target');
  }
  // Token indices of target words in this part (null when there are none, as in most paragraphs).
  let targetTokens: Set<number> | null = null;
  for (let i = firstHit; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.cue.kind !== 'target') continue;
    targetTokens ??= new Set<number>();
    for (let t = h.from; t < h.to; t++) targetTokens.add(t);
  }
  for (let i = 0; i < tokens.length; i++) {
    const stem = featureOf(tokens[i]!.lower, lang, variant);
    if (stem === null) continue;
    features.add(stem);
    if (targetTokens?.has(i)) targetFeatures.add(stem);
  }
  return tokens.length;
}

// A word's model feature (its stem), or null for a function word, a place or a one-letter word. Remembered per
// language: the checks and the stem of every word of every article cost more than one look-up of the word.
const FEATURE_CACHE_LIMIT = 200_000;
const featureCache: Record<StemLang, Map<string, string | null>> = {
  ru: new Map(),
  kk: new Map(),
  en: new Map(),
};

function featureOf(lower: string, lang: StemLang, variant: LatinVariant | null): string | null {
  // Latin-script Kazakh stems through its variant's transliteration: not remembered here (stemWord caches it).
  const cache = variant ? null : featureCache[lang];
  const known = cache?.get(lower);
  if (known !== undefined) return known;
  const feature =
    lower.length < 2 || STOPWORDS[lang].has(lower) || isPlace(lower) ? null : stemWord(lower, lang, variant);
  // Numbers are not remembered: every date and amount would fill the cache.
  const first = lower.charCodeAt(0);
  if (!cache || (first >= 0x30 && first <= 0x39)) return feature;
  if (cache.size >= FEATURE_CACHE_LIMIT) cache.clear();
  cache.set(lower, feature);
  return feature;
}

const QUOTED_OUTLET: Cue = { kind: 'target', weak: false, name: 'outlet' };
const ATTRIBUTION_CUE: Cue = { kind: 'attribution' };
// A dateline: up to a few words at the start of a line, then a dash.
const DATELINE = /(?:^|\n)([^\n—–]{2,50}?\s[—–-]{1,2}\s)/gu;

/**
 * Analyses a title and a text; `documentLang` is the language detected for the whole item. `lexicons`: the
 * default ones, or a classifier's own with the names its dataset knows (taxonomy-lexicons.ts buildLexicons).
 */
export function analyseText(
  title: string,
  text: string,
  documentLang: Lang,
  lexicons: Lexicons = LEXICONS,
): TextAnalysis {
  const hits: CueHit[] = [];
  const quoted =
    documentLang === 'other'
      ? new Set<string>()
      : quotedOutletNames(title ? `${title}\n${text}` : text, documentLang);
  const features = new Set<string>();
  const targetFeatures = new Set<string>(['#target']);
  let words = 0;
  // The title is part -1 with no offsets in the text (its words count, its spans are never reported).
  const parts = [
    ...(title.trim() ? [{ text: title, index: -1, start: null }] : []),
    ...splitParagraphs(text).map((p, index) => ({ text: p.text, index, start: p.start as number | null })),
  ];
  for (const part of parts)
    words += analysePart(
      part.text,
      part.index,
      part.start,
      identifyParagraph(part.text),
      documentLang,
      hits,
      features,
      targetFeatures,
      lexicons,
      quoted,
    );
  return { hits, features: [...features], targetFeatures, words };
}

export function categoryHits(hits: readonly CueHit[], id: CategoryId): CueHit[] {
  return hits.filter((h) => h.cue.kind === 'category' && h.cue.category === id);
}
