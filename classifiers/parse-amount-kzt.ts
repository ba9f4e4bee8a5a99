// Amounts in tenge written in digits and words: "78 млн 100 тыс. тенге", "2,5 млн", "500 мың теңге",
// "KZT 150 million", "10 000 000 тенге", "бес миллион теңге". Vocabulary in config/lexicons/amounts.json.
import data from '../config/lexicons/amounts.json' with { type: 'json' };

export interface AmountMatch {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  /** A currency word was written (otherwise only a multiplier such as "млн" made it an amount). */
  readonly currency: boolean;
}

const NUMBER_WORDS = new Map(Object.entries(data.numbers));
const MULTIPLIERS = data.multipliers as [string, number][];
// Digits with space or non-breaking-space thousands, an optional decimal part; or a number word.
const NUM = `\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')}`;
const MULT = `(?:${MULTIPLIERS.map(([m]) => m).join('|')})[\\p{L}]*\\.?`;
const CURRENCY = `(?:${data.currencies.join('|')})(?![\\p{L}])`;
const AMOUNT = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${CURRENCY})\\s*)?((?:${NUM})\\s*(?:${MULT})?(?:\\s*(?:и\\s+|and\\s+)?(?:${NUM})\\s*(?:${MULT}))*)(?![\\p{L}\\d])(?:\\s*(${CURRENCY}))?`,
  'giu',
);
const GROUP_RE = new RegExp(`(${NUM})\\s*(${MULT})?`, 'giu');
const UNIT_AFTER = new RegExp(`^\\s*(?:${data.units.join('|')})`, 'iu');

function numberValue(raw: string, hasMultiplier: boolean): number | null {
  const word = NUMBER_WORDS.get(raw.toLowerCase());
  if (word !== undefined) return word;
  let s = raw.replace(/[ \u00a0\u202f]/g, '');
  // "100,000" is thousands; "2,5" (or "2,500 млн") is a decimal comma.
  if (/^\d+,\d{3}$/.test(s) && !hasMultiplier) s = s.replace(',', '');
  s = s.replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function multiplierValue(raw: string | undefined): number {
  if (!raw) return 1;
  const lower = raw.toLowerCase();
  return MULTIPLIERS.find(([m]) => lower.startsWith(m))?.[1] ?? 1;
}

// Every amount has a currency word or a multiplier; the full pattern only runs in windows around those.
const ANCHOR = new RegExp(`${CURRENCY}|(?:${MULTIPLIERS.map(([m]) => m).join('|')})`, 'giu');
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 40;

/** Every amount in a text, with its offsets. Bare numbers with neither a currency nor a multiplier are skipped. */
export function findAmountsKzt(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  let scannedTo = 0;
  for (const anchor of text.matchAll(ANCHOR)) {
    const at = anchor.index ?? 0;
    if (at < scannedTo) continue;
    // Start the window at a word boundary so the pattern's look-behind sees what really precedes it.
    let from = Math.max(scannedTo, at - WINDOW_BEFORE);
    while (from > scannedTo && /[\p{L}\d.,]/u.test(text[from - 1]!)) from--;
    const to = Math.min(text.length, at + anchor[0].length + WINDOW_AFTER);
    findIn(text, from, to, out);
    scannedTo = to;
  }
  return out;
}

function findIn(text: string, from: number, to: number, out: AmountMatch[]): void {
  const window = text.slice(from, to);
  for (const m of window.matchAll(AMOUNT)) {
    const [whole, before, chain, after] = m;
    const start = from + (m.index ?? 0);
    if (UNIT_AFTER.test(text.slice(start + whole.length, start + whole.length + 12)) && !after) continue;
    let value = 0;
    let multiplied = false;
    for (const g of chain!.matchAll(GROUP_RE)) {
      const mult = multiplierValue(g[2]);
      if (g[2]) multiplied = true;
      const n = numberValue(g[1]!, Boolean(g[2]));
      if (n === null) continue;
      value += n * mult;
    }
    const currency = Boolean(before || after);
    if (!currency && !multiplied) continue;
    // A bare number word with nothing after it ("он", "бес") is not an amount.
    if (!currency && !/\d/.test(chain!) && !multiplied) continue;
    if (out.some((o) => o.start === start)) continue;
    out.push({ value: Math.round(value), start, end: start + whole.length, currency });
  }
}

/** The first amount in tenge in a text, or null. */
export function parseAmountKzt(text: string): number | null {
  return findAmountsKzt(text)[0]?.value ?? null;
}
