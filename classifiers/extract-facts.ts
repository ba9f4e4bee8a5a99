// Facts for the dataset entry form: people, outlets, state bodies, courts, case numbers, law articles, amounts in
// tenge, dates, places and the outcome. Vocabulary is data (config/lexicons/facts.json, amounts.json); the
// reviewer corrects whatever this gets wrong, so it prefers recall of plausible values over silence.

import data from '../config/lexicons/facts.json' with { type: 'json' };
import type { ExtractedFacts, Outcome } from '../core/index.ts';
import { findAmountsKzt } from './parse-amount-kzt.ts';
import { createMatcher, type PatternMatch, parsePattern } from './pattern-matcher.ts';
import { tokenize } from './tokenize.ts';

type FactCue = 'place' | 'stateBody' | 'outlet' | 'court' | 'courtQualifier' | 'person';
// One matcher for every kind of cue: a single pass over the words of a 3-KB article instead of six.
const CUES = createMatcher<{ kind: FactCue; name: string }>([
  ...Object.entries(data.places).flatMap(([name, forms]) =>
    forms.map((f) => parsePattern(f, { kind: 'place' as const, name })),
  ),
  ...data.stateBodies.map((s) => parsePattern(s, { kind: 'stateBody' as const, name: s })),
  ...data.outletCues.map((s) => parsePattern(s, { kind: 'outlet' as const, name: s })),
  ...data.courtCues.map((s) => parsePattern(s, { kind: 'court' as const, name: s })),
  ...data.courtQualifiers.map((s) => parsePattern(s, { kind: 'courtQualifier' as const, name: s })),
  ...Object.values(data.personCues)
    .flat()
    .map((s) => parsePattern(s, { kind: 'person' as const, name: s })),
]);
type CueMatch = PatternMatch<{ kind: FactCue; name: string }>;
const OUTCOMES = data.outcomes.map(([outcome, re]) => [outcome as Outcome, new RegExp(re!, 'iu')] as const);

const CASE_NUMBER = /\b\d{4}-\d{2}-00-[0-9а-яА-Яa-zA-Z]{1,3}\/\d+(?:\(\d+\))?/gu;
const ERDR = /(?:ЕРДР|КУИ|СДТБТ)\D{0,12}(\d{12,15})/gu;
const CODES: Record<string, string> = { uk: 'УК', koap: 'КоАП', gk: 'ГК' };
const CODE_OF_ARTICLE: Record<string, string> = {
  '130': 'УК',
  '131': 'УК',
  '147': 'УК',
  '158': 'УК',
  '174': 'УК',
  '274': 'УК',
  '419': 'УК',
  '73-3': 'КоАП',
  '456-2': 'КоАП',
  '488': 'КоАП',
  '143': 'ГК',
  '951': 'ГК',
};
const CODE_WORDS: [RegExp, string][] = [
  [/^(?:УК|ҚК|Уголовн|Қылмыстық|Criminal)/iu, 'uk'],
  [
    /^(?:КоАП|ӘҚБтК|АҚБтК|Кодекс\w* об административн|Әкімшілік құқық|Code (?:of|on) Administrative|Administrative)/iu,
    'koap',
  ],
  [/^(?:ГК|АК|Гражданск|Азаматтық|Civil)/iu, 'gk'],
];
const ARTICLE_NUMBER = '(\\d{2,3}(?:-\\d)?)';
const ARTICLE_PATTERNS: RegExp[] = [
  // "ст. 274 УК РК", "статьи 73-3 КоАП", "части 3 статьи 274 Уголовного кодекса"
  new RegExp(
    `(?:ст\\.|стать\\p{L}*)\\s*${ARTICLE_NUMBER}(?:\\s*(?:ч\\.|част\\p{L}*)\\s*\\d+)?\\s*((?:УК|КоАП|ГК|Уголовн|Кодекс\\p{L}* об административн|Гражданск)\\p{L}*)?`,
    'giu',
  ),
  // "274-бабы", "73-3-бабы" with ҚК / ӘҚБтК before it
  new RegExp(
    `((?:ҚК|ӘҚБтК|АҚБтК|АК|Қылмыстық|Әкімшілік|Азаматтық)[\\p{L} ]{0,40}?)?${ARTICLE_NUMBER}-ба\\p{L}*`,
    'giu',
  ),
  // "Article 274 of the Criminal Code"
  new RegExp(
    `Article\\s+${ARTICLE_NUMBER}(?:\\s+of\\s+the\\s+((?:Criminal|Civil|Administrative|Code (?:of|on) Administrative)\\p{L}*))?`,
    'giu',
  ),
  // "УК РК 274", "КоАП 73-3", "ГК 143"
  new RegExp(`((?:УК|КоАП|ГК|ҚК|ӘҚБтК))(?:\\s*РК)?\\s*(?:ст\\.\\s*)?${ARTICLE_NUMBER}(?![\\d-])`, 'gu'),
];

const MONTHS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  март: 3,
  апрел: 4,
  ма: 5,
  июн: 6,
  июл: 7,
  август: 8,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
  қаңтар: 1,
  ақпан: 2,
  наурыз: 3,
  сәуір: 4,
  мамыр: 5,
  маусым: 6,
  шілде: 7,
  тамыз: 8,
  қыркүйек: 9,
  қазан: 10,
  қараша: 11,
  желтоқсан: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DATE_NUMERIC = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/gu;
const DATE_WORDS = new RegExp(
  `(?:(\\d{4})\\s*(?:жылғы|ж\\.)\\s*)?\\b(\\d{1,2})\\s+((?:${MONTH_ALT})\\p{L}*)(?:\\s+(\\d{4}))?|\\b((?:${MONTH_ALT})\\p{L}*)\\s+(\\d{1,2}),?\\s+(\\d{4})`,
  'giu',
);

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  for (const [stem, n] of Object.entries(MONTHS)) {
    // "ма" (мая) alone is too short to be a prefix of anything but мая/май.
    if (stem === 'ма' ? /^ма[яй]$/.test(lower) : lower.startsWith(stem)) return n;
  }
  return undefined;
}

function extractDates(text: string): string[] {
  const out: string[] = [];
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(DATE_NUMERIC)) {
    const d = m[1] ? iso(+m[3]!, +m[2]!, +m[1]) : iso(+m[4]!, +m[5]!, +m[6]!);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(DATE_WORDS)) {
    if (m[2]) {
      const year = m[4] ?? m[1];
      const month = monthOf(m[3]!);
      if (year && month) {
        const d = iso(+year, month, +m[2]);
        if (d) out.push(d);
      }
    } else if (m[5]) {
      const month = monthOf(m[5]);
      if (month) {
        const d = iso(+m[7]!, month, +m[6]!);
        if (d) out.push(d);
      }
    }
  }
  return out;
}

function codeOf(words: string | undefined, article: string): string | undefined {
  if (words) for (const [re, code] of CODE_WORDS) if (re.test(words.trim())) return CODES[code];
  return CODE_OF_ARTICLE[article];
}

function extractArticles(text: string): string[] {
  const out: string[] = [];
  const [ru, kk, en, bare] = ARTICLE_PATTERNS;
  for (const m of text.matchAll(ru!)) {
    const code = codeOf(m[2], m[1]!);
    if (code) out.push(`${code} ${m[1]}`);
  }
  for (const m of text.matchAll(kk!)) {
    const code = codeOf(m[1], m[2]!);
    if (code) out.push(`${code} ${m[2]}`);
  }
  for (const m of text.matchAll(en!)) {
    const code = codeOf(m[2], m[1]!);
    if (code) out.push(`${code} ${m[1]}`);
  }
  for (const m of text.matchAll(bare!)) {
    const code = codeOf(m[1], m[2]!);
    if (code) out.push(`${code} ${m[2]}`);
  }
  return out;
}

const isCapitalised = (s: string) => /^\p{Lu}/u.test(s);

function extractPeople(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  cues: readonly CueMatch[],
): string[] {
  const out: string[] = [];
  for (const m of cues) {
    if (m.pattern.value.kind !== 'person') continue;
    // The name follows the cue: up to three capitalised words, not inside quotes (that is an outlet).
    const name: string[] = [];
    for (let i = m.to; i < Math.min(tokens.length, m.to + 3); i++) {
      const t = tokens[i]!;
      const surface = text.slice(t.start, t.end);
      const gap = text.slice(tokens[i - 1]!.end, t.start);
      if (!isCapitalised(surface) || /[«"“.,;:!?(]/.test(gap)) break;
      name.push(surface);
    }
    if (name.length >= 2 || (name.length === 1 && name[0]!.length > 3 && /\p{Ll}/u.test(name[0]!)))
      out.push(name.join(' '));
  }
  return out;
}

function extractOutlets(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  cues: readonly CueMatch[],
): string[] {
  const out: string[] = [];
  for (const m of cues) {
    if (m.pattern.value.kind !== 'outlet') continue;
    const after = text.slice(tokens[m.to - 1]!.end, tokens[m.to - 1]!.end + 60);
    const quoted = /^\s*[«"“]([^»"”\n]{2,50})[»"”]/u.exec(after);
    if (quoted) out.push(quoted[1]!.trim());
  }
  for (const m of text.matchAll(/\b[\p{L}\d-]{2,30}\.kz\b/giu)) out.push(m[0]);
  return out;
}

function extractStateBodies(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  cues: readonly CueMatch[],
): string[] {
  const out: string[] = [];
  for (const m of cues) {
    if (m.pattern.value.kind !== 'stateBody') continue;
    // The body with the capitalised words that name whose it is ("акимат Алматы", "ДП Алматы").
    let end = m.to;
    while (
      end < Math.min(tokens.length, m.to + 2) &&
      isCapitalised(text.slice(tokens[end]!.start, tokens[end]!.end))
    )
      end++;
    out.push(text.slice(tokens[m.from]!.start, tokens[end - 1]!.end));
  }
  return out;
}

function extractCourts(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  words: readonly string[],
  cues: readonly CueMatch[],
): string[] {
  const out: string[] = [];
  const qualifiers = new Set(
    cues.filter((m) => m.pattern.value.kind === 'courtQualifier').map((m) => m.from),
  );
  for (const m of cues) {
    if (m.pattern.value.kind !== 'court') continue;
    const w = words[m.from]!;
    if (!/^(?:суд|суда|суде|судом|сот|соты|сотқа|сотында|сотының|court)$/.test(w)) continue;
    // Walk back over qualifiers and capitalised words: "Медеуский районный суд", "Алматы қалалық соты".
    let from = m.from;
    while (from > 0 && m.from - from < 5) {
      const prev = tokens[from - 1]!;
      const gap = text.slice(prev.end, tokens[from]!.start);
      if (/[.,;:!?»"]/.test(gap)) break;
      if (!qualifiers.has(from - 1) && !isCapitalised(text.slice(prev.start, prev.end))) break;
      from--;
    }
    if (from === m.from) continue;
    let to = m.to;
    // "... суд города Алматы", "... Court of Almaty"
    if (
      /^(?:города|г|района|области|of)$/.test(words[to] ?? '') &&
      tokens[to + 1] &&
      isCapitalised(text.slice(tokens[to + 1]!.start, tokens[to + 1]!.end))
    )
      to += 2;
    out.push(text.slice(tokens[from]!.start, tokens[to - 1]!.end));
  }
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/**
 * Places named, where a longer match wins over one it covers: «Карагандинской области» is the region, not
 * also the city whose prefix (караганд*) its first word starts with.
 */
function placeNames(cues: readonly CueMatch[]): string[] {
  const places = cues.filter((m) => m.pattern.value.kind === 'place');
  const covered = (m: CueMatch) =>
    places.some((o) => o !== m && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from);
  return places.filter((m) => !covered(m)).map((m) => m.pattern.value.name);
}

/** Facts found in a text (a title may be passed joined to the text). */
export function extractFacts(text: string): ExtractedFacts {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.lower);
  const cues = CUES.match(words);
  const caseNumbers = [...text.matchAll(CASE_NUMBER)].map((m) => m[0]);
  for (const m of text.matchAll(ERDR)) caseNumbers.push(m[1]!);
  const outcome = OUTCOMES.find(([, re]) => re.test(text))?.[0] ?? null;
  return {
    people: unique(extractPeople(text, tokens, cues)),
    outlets: unique(extractOutlets(text, tokens, cues)),
    stateBodies: unique(extractStateBodies(text, tokens, cues)),
    courts: unique(extractCourts(text, tokens, words, cues)),
    caseNumbers: unique(caseNumbers),
    lawArticles: unique(extractArticles(text)),
    amountsKzt: [...new Set(findAmountsKzt(text).map((a) => a.value))],
    dates: unique(extractDates(text)).sort(),
    places: unique(placeNames(cues)),
    outcome,
  };
}
