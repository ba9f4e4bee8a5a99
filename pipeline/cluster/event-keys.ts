// The facts that identify an event whatever the language of the report: dates (as month-day), case
// numbers, amounts in tenge or MCI, law article numbers, and stems of proper names. Two reports of one
// event in Russian and Kazakh share few word shingles but most of these.
import type { ExtractedFacts } from '../../core/index.ts';
import { CLUSTER_CONFIG, type ClusterConfig, type FactKind } from './cluster-config.ts';
import { foldLetters } from './normalise-tokens.ts';

export type EventKeys = Readonly<Record<FactKind, readonly string[]>>;

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string, config: ClusterConfig): number | null {
  const w = word.toLowerCase();
  let best: { stem: string; month: number } | null = null;
  for (const [stem, month] of Object.entries(config.months)) {
    if (w.startsWith(stem) && (!best || stem.length > best.stem.length)) best = { stem, month };
  }
  // A bare two-letter stem («ма» for May) must not catch «мамыр» alone or unrelated words like «магазин».
  if (best && best.stem.length < 3 && !/^ма[яйе]$/.test(w)) return null;
  return best?.month ?? null;
}

function dateKey(day: number, month: number): string | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return `${pad(month)}-${pad(day)}`;
}

export function extractDates(text: string, config: ClusterConfig = CLUSTER_CONFIG): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(\d{1,2})\.(\d{1,2})\.(?:\d{4}|\d{2})\b/g)) {
    const k = dateKey(Number(m[1]), Number(m[2]));
    if (k) out.add(k);
  }
  for (const m of text.matchAll(/\b\d{4}-(\d{2})-(\d{2})\b/g)) {
    const k = dateKey(Number(m[2]), Number(m[1]));
    if (k) out.add(k);
  }
  // «12 марта», «12 наурызда», «12-наурыз»
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d{1,2})(?:-ші|-сі|-і)?[\s\u00a0-]+(\p{L}{3,})/gu)) {
    const month = monthOf(m[2]!, config);
    const k = month ? dateKey(Number(m[1]), month) : null;
    if (k) out.add(k);
  }
  // Kazakh «наурыздың 12-сі»
  for (const m of text.matchAll(/(\p{L}{4,})(?:дың|дің|тың|тің|ның|нің)\s+(\d{1,2})(?![\d.])/gu)) {
    const month = monthOf(m[1]!, config);
    const k = month ? dateKey(Number(m[2]), month) : null;
    if (k) out.add(k);
  }
  return [...out].sort();
}

export function extractCaseNumbers(text: string): string[] {
  const out = new Set<string>();
  // «№ 7511-24-00-2/1234», «дело № 2-345/2024»: digits joined by dashes or slashes, at least one slash or
  // two dashes, so that a phone number or a year range is not taken.
  for (const m of text.matchAll(
    /(?<![\d.])(\d[\d-]*\/\d+(?:-\d+)*|\d{2,}-\d{2,}-\d{2,}(?:-\d+)*)(?![\d.])/g,
  )) {
    out.add(m[1]!);
  }
  return [...out].sort();
}

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^(млрд|миллиард)/, 1e9],
  [/^(млн|миллион)/, 1e6],
  [/^(тыс|мың)/, 1e3],
];

export function extractAmounts(text: string): string[] {
  const out = new Set<string>();
  const re =
    /(\d{1,3}(?:[\s\u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*(млрд\.?|миллиард\p{L}*|млн\.?|миллион\p{L}*|тыс\.?|тысяч\p{L}*|мың)?\s*(тенге|теңге|тг|₸|мрп|аек)/giu;
  for (const m of text.matchAll(re)) {
    let value = Number(m[1]!.replace(/[\s\u00a0]/g, '').replace(',', '.'));
    const mult = m[2]?.toLowerCase();
    if (mult) for (const [r, k] of MULTIPLIERS) if (r.test(mult)) value *= k;
    if (!Number.isFinite(value) || value <= 0) continue;
    const unit = /мрп|аек/i.test(m[3]!) ? 'mci' : 'kzt';
    out.add(`${Math.round(value)}${unit}`);
  }
  return [...out].sort();
}

export function extractArticles(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:стать\p{L}*|ст\.)\s*(\d{1,3}(?:-\d)?)/giu)) out.add(m[1]!);
  for (const m of text.matchAll(/(?<![\d-])(\d{1,3}(?:-\d)?)[\s-]*(?:бап|бабы|бабына|бабымен)/giu))
    out.add(m[1]!);
  for (const m of text.matchAll(/(?:УК|ГК|КоАП|ҚК|АК|ӘҚБтК)\s*(?:РК\s*)?(\d{1,3}(?:-\d)?)/gu)) out.add(m[1]!);
  return [...out].sort();
}

/** Stems of capitalised words that do not open a sentence, and of the classifier's people and outlets. */
export function extractNameStems(
  text: string,
  facts: Pick<ExtractedFacts, 'people' | 'outlets'> | null,
  config: ClusterConfig = CLUSTER_CONFIG,
): string[] {
  const stop = new Set(config.stopNames.map((s) => foldLetters(s, config)));
  const out = new Set<string>();
  const addWord = (w: string) => {
    const f = foldLetters(w, config);
    if (f.length < config.nameStemLength || stop.has(f)) return;
    const stem = f.slice(0, config.nameStemLength);
    if (!stop.has(stem)) out.add(stem);
  };
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:»")]\s+|[«"(]\s*)(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)/gu)) {
    addWord(m[1]!);
  }
  for (const name of [...(facts?.people ?? []), ...(facts?.outlets ?? [])]) {
    for (const w of name.match(/\p{L}+/gu) ?? []) addWord(w);
  }
  return [...out].sort();
}

export function extractEventKeys(
  text: string,
  facts: ExtractedFacts | null,
  config: ClusterConfig = CLUSTER_CONFIG,
): EventKeys {
  const cases = new Set(extractCaseNumbers(text));
  for (const c of facts?.caseNumbers ?? []) cases.add(c.replace(/^№\s*/, '').trim());
  const amounts = new Set(extractAmounts(text));
  for (const a of facts?.amountsKzt ?? []) if (a > 0) amounts.add(`${Math.round(a)}kzt`);
  const articles = new Set(extractArticles(text));
  for (const a of facts?.lawArticles ?? []) {
    const n = a.match(/\d{1,3}(?:-\d)?/);
    if (n) articles.add(n[0]);
  }
  const dates = new Set(extractDates(text, config));
  for (const d of facts?.dates ?? []) {
    const m = d.match(/^\d{4}-(\d{2})-(\d{2})/);
    if (m) dates.add(`${m[1]}-${m[2]}`);
  }
  return {
    date: [...dates].sort(),
    case: [...cases].sort(),
    amount: [...amounts].sort(),
    article: [...articles].sort(),
    name: extractNameStems(text, facts, config),
  };
}
