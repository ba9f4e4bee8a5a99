// A character n-gram model of each language variety (kk-cyrl, kk-latn, ru, ky, tt, …): how likely a text's
// letter sequences are in each. Letters settle most texts, but two Turkic words often carry no letter that only
// one language uses («Сайт блокланды»); their letter sequences (-лан- after к, -дылар, аа/оо) still do.
// Profiles are counted ahead of time by `npm run train:language` (scripts/train-language.ts) into
// config/model/language-ngrams.json; here they become one table per script, loaded once.
import type { Script } from '../core/index.ts';

const WORD_CHAR = /[\p{L}\p{M}ʻʼ’'‘]/u;
/** Per UTF-16 unit: 0 not yet seen, 1 a word character, 2 not (surrogates are never word characters). */
const wordClass = new Uint8Array(0x10000);

/** Letters, combining marks and the apostrophes that are letters in Uzbek (oʻ) and Ukrainian (м’ясо). */
function isWordChar(code: number): boolean {
  let c = wordClass[code]!;
  if (c === 0) {
    c = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordClass[code] = c;
  }
  return c === 1;
}

/** Calls visit with the start and end of every run of word characters in text. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordChar(text.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}

/**
 * Calls visit for every n-gram of order 1..maxOrder inside each word of the lower-cased text, padded with a space
 * on both sides (" сот " gives "с", "сот", " со", "от ", …); the bare padding is not a gram. Training counts
 * these; CharNgramModel.score walks the same grams as numbers.
 */
export function forEachGram(text: string, maxOrder: number, visit: (gram: string) => void): void {
  const lower = text.toLowerCase();
  forEachWord(lower, (start, end) => {
    const padded = ` ${lower.slice(start, end)} `;
    for (let n = 1; n <= maxOrder; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        if (n === 1 && (i === 0 || i === padded.length - 1)) continue;
        visit(padded.slice(i, i + n));
      }
    }
  });
}

/** The order of a gram: its length, as every gram is a plain substring. */
const orderOf = (gram: string): number => gram.length;

export interface NgramProfileFile {
  /** The language reported for this profile (kk, ru, en) or the other language it stands for (ky, tt, …). */
  readonly lang: string;
  readonly script: Script;
  readonly sentences: number;
  /** Grams counted per order, before rare grams were pruned: the denominators of the probabilities. */
  readonly totals: readonly number[];
  readonly grams: Readonly<Record<string, number>>;
}

export interface NgramModelFile {
  readonly _doc?: string;
  readonly maxOrder: number;
  /** Additive smoothing per gram. */
  readonly alpha: number;
  readonly minCount: number;
  readonly profiles: Readonly<Record<string, NgramProfileFile>>;
}

/** Counts the grams of one variety's texts into a profile; grams seen fewer than minCount times are dropped. */
export function countProfile(
  texts: readonly string[],
  lang: string,
  script: Script,
  maxOrder: number,
  minCount: number,
): NgramProfileFile {
  const counts = new Map<string, number>();
  const totals = new Array<number>(maxOrder).fill(0);
  for (const text of texts) {
    forEachGram(text, maxOrder, (g) => {
      counts.set(g, (counts.get(g) ?? 0) + 1);
      totals[orderOf(g) - 1]!++;
    });
  }
  // Sorted keys keep the model file stable across runs, so a retrain shows up as a small diff.
  const grams: Record<string, number> = {};
  for (const g of [...counts.keys()].sort()) {
    const c = counts.get(g)!;
    if (c >= minCount || orderOf(g) === 1) grams[g] = c;
  }
  return { lang, script, sentences: texts.length, totals, grams };
}

/**
 * The profiles of one script, with every gram's smoothed log-probability in each profile side by side. Grams are
 * keyed by number (each character's index in the script's alphabet, in base `base`, padding included), so scoring
 * a text walks its characters once without building a string per gram.
 */
interface ScriptTable {
  readonly profiles: readonly string[];
  readonly langs: readonly string[];
  readonly alphabet: ReadonlyMap<number, number>;
  readonly base: number;
  readonly rows: GramTable;
  /** Per UTF-16 unit, filled in as texts are scored: its alphabet index, 0 for an unknown letter, or a mark below. */
  readonly codes: Int32Array;
}

/** Character index 1 is the padding space; 0 never occurs, so a shorter gram never collides with a longer one. */
const PAD = 1;

function gramKey(gram: string, alphabet: ReadonlyMap<number, number>, base: number): number {
  let key = 0;
  for (let i = 0; i < gram.length; i++) key = key * base + alphabet.get(gram.charCodeAt(i))!;
  return key;
}

export interface NgramScores {
  /** Profile names (kk-cyrl, ru, ky, …) in the order of logProb. */
  readonly profiles: readonly string[];
  /** The language of each profile. */
  readonly langs: readonly string[];
  /** Summed log-probability of the text's known grams under each profile. */
  readonly logProb: Float64Array;
  /** How many of the text's grams the model knows (grams unseen in every profile tell nothing). */
  readonly grams: number;
}

export class CharNgramModel {
  readonly maxOrder: number;
  private readonly tables: ReadonlyMap<Script, ScriptTable>;

  constructor(file: NgramModelFile) {
    this.maxOrder = file.maxOrder;
    const byScript = new Map<Script, [string, NgramProfileFile][]>();
    for (const [name, p] of Object.entries(file.profiles)) {
      byScript.set(p.script, [...(byScript.get(p.script) ?? []), [name, p]]);
    }
    const tables = new Map<Script, ScriptTable>();
    for (const [script, entries] of byScript)
      tables.set(script, buildTable(entries, file.maxOrder, file.alpha));
    this.tables = tables;
  }

  /** The profiles trained for a script (empty when none). */
  profilesOf(script: Script): readonly string[] {
    return this.tables.get(script)?.profiles ?? [];
  }

  /**
   * Log-probabilities of a text under every profile of its script (the grams of forEachGram; those with a
   * character no profile has are skipped); null when the script has no profiles.
   */
  score(text: string, script: Script): NgramScores | null {
    const table = this.tables.get(script);
    if (!table) return null;
    const { base, rows, codes } = table;
    const values = rows.values;
    const maxOrder = this.maxOrder;
    const width = table.profiles.length;
    const logProb = new Float64Array(width);
    let grams = 0;
    // The character indices of the padded word so far, newest last; 0 stands for a character no profile has.
    const window = new Int32Array(maxOrder);
    const lower = text.toLowerCase();
    let inWord = false;
    // One step per character plus one past the end, so that the last word is closed by its padding.
    for (let i = 0; i <= lower.length; i++) {
      const code = i < lower.length ? lower.charCodeAt(i) : 0x20;
      let index = codes[code]!;
      if (index === UNSEEN) index = codes[code] = classify(code, table.alphabet);
      let padding = false;
      if (index === NOT_WORD) {
        if (!inWord) continue;
        inWord = false;
        index = PAD;
        padding = true;
      } else if (!inWord) {
        // A word starts: its opening padding first.
        inWord = true;
        window.fill(0);
        window[maxOrder - 1] = PAD;
      }
      window.copyWithin(0, 1);
      window[maxOrder - 1] = index;
      let key = 0;
      let mult = 1;
      for (let n = 1; n <= maxOrder; n++) {
        const c = window[maxOrder - n]!;
        if (c === 0) break;
        key += c * mult;
        mult *= base;
        if (n === 1 && padding) continue;
        const at = rows.find(key);
        if (at < 0) continue;
        grams++;
        for (let k = 0; k < width; k++) logProb[k] = logProb[k]! + values[at + k]!;
      }
    }
    return { profiles: table.profiles, langs: table.langs, logProb, grams };
  }
}

/** Marks in ScriptTable.codes: not looked at yet, and not a word character (any index ≥ 0 is a word character). */
const UNSEEN = -2;
const NOT_WORD = -1;

function classify(code: number, alphabet: ReadonlyMap<number, number>): number {
  return isWordChar(code) ? (alphabet.get(code) ?? 0) : NOT_WORD;
}

function buildTable(
  entries: readonly [string, NgramProfileFile][],
  maxOrder: number,
  alpha: number,
): ScriptTable {
  // The vocabulary of each order is the union over the script's profiles (plus one slot for the unseen), so
  // that a gram one profile never saw costs it the same smoothed amount as any other unseen gram.
  const vocabulary = new Array<number>(maxOrder).fill(1);
  const union = new Set<string>();
  for (const [, p] of entries) for (const g of Object.keys(p.grams)) union.add(g);
  for (const g of union) vocabulary[orderOf(g) - 1]!++;
  const alphabet = new Map<number, number>([[' '.charCodeAt(0), PAD]]);
  for (const g of union)
    for (let i = 0; i < g.length; i++)
      if (!alphabet.has(g.charCodeAt(i))) alphabet.set(g.charCodeAt(i), alphabet.size + 1);
  const base = alphabet.size + 1;
  if (base ** maxOrder > Number.MAX_SAFE_INTEGER)
    throw new Error(`n-gram model: ${base - 1} characters are too many for order ${maxOrder}`);
  const denominators = entries.map(([, p]) =>
    Array.from({ length: maxOrder }, (_, n) => Math.log((p.totals[n] ?? 0) + alpha * vocabulary[n]!)),
  );
  const rows = new GramTable(union.size, entries.length);
  const logAlpha = Math.log(alpha);
  for (const g of union) {
    const n = orderOf(g) - 1;
    const row = entries.map(([, p], k) => {
      const c = p.grams[g];
      return (c === undefined ? logAlpha : Math.log(c + alpha)) - denominators[k]![n]!;
    });
    rows.add(gramKey(g, alphabet, base), row);
  }
  const codes = new Int32Array(0x10000).fill(UNSEEN);
  return {
    profiles: entries.map(([name]) => name),
    langs: entries.map(([, p]) => p.lang),
    alphabet,
    base,
    rows,
    codes,
  };
}

/**
 * Gram keys to rows of log-probabilities: an open-addressing hash table over typed arrays, because a Map lookup
 * per gram made the model cost more than all the rest of language identification.
 */
class GramTable {
  /** Row after row, `width` log-probabilities each. */
  readonly values: Float32Array;
  private readonly keys: Float64Array;
  /** Per slot, the offset of its row in values, or -1 when the slot is empty. */
  private readonly offsets: Int32Array;
  private readonly mask: number;
  private count = 0;

  constructor(
    private readonly capacity: number,
    private readonly width: number,
  ) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Float64Array(slots);
    this.offsets = new Int32Array(slots).fill(-1);
    this.values = new Float32Array(capacity * width);
  }

  private slot(key: number): number {
    // Keys are below 2^53; fold the high part in before mixing.
    return Math.imul((key % 0x40000000) ^ Math.floor(key / 0x40000000), 0x9e3779b1) & this.mask;
  }

  add(key: number, row: readonly number[]): void {
    if (this.count >= this.capacity) throw new Error('GramTable: more grams than its capacity');
    let i = this.slot(key);
    while (this.offsets[i]! >= 0) {
      if (this.keys[i] === key) throw new Error(`GramTable: key ${key} added twice`);
      i = (i + 1) & this.mask;
    }
    const offset = this.count * this.width;
    this.keys[i] = key;
    this.offsets[i] = offset;
    this.values.set(row, offset);
    this.count++;
  }

  /** The offset of the key's row in values, or -1. */
  find(key: number): number {
    let i = this.slot(key);
    for (;;) {
      const offset = this.offsets[i]!;
      if (offset < 0 || this.keys[i] === key) return offset;
      i = (i + 1) & this.mask;
    }
  }
}
