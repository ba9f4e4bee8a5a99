// A known name in the other scripts: "Жанар Ахметова" is "Zhanar Akhmetova" in English news and "Janar Ahmetova"
// in Latin-script Kazakh; "Serik Tokhtarbekov", stored in Latin, is "Тохтарбеков" in Russian and Kazakh news. The
// letter tables are data (config/name-transliteration.json); this module only walks them. Used when the dataset's
// names are compiled into the matcher (media-names.ts), never per classified text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR } from '../core/index.ts';

interface CyrillicLetter {
  readonly russian: string;
  readonly english: readonly string[];
  readonly kazakhLatin: readonly string[];
}

export interface TransliterationTables {
  readonly maxVariants: number;
  readonly cyrillic: ReadonlyMap<string, CyrillicLetter>;
  /** Rows that replace `cyrillic`'s at the start of a word and after one of `vowels`. */
  readonly afterVowel: ReadonlyMap<string, CyrillicLetter>;
  readonly vowels: ReadonlySet<string>;
  /** Longest letter groups first. */
  readonly latin: readonly { readonly letters: string; readonly cyrillic: readonly string[] }[];
}

/** The line of the index-th object of the array under `key` (for error messages), or null if not found. */
function lineOfRow(raw: string, key: string, index: number): number | null {
  const at = raw.indexOf(`"${key}"`);
  const open = at < 0 ? -1 : raw.indexOf('[', at);
  if (open < 0) return null;
  let depth = 0;
  let row = -1;
  let inString = false;
  for (let i = open + 1; i < raw.length; i++) {
    const ch = raw[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0 && ch === '{' && ++row === index) return raw.slice(0, i).split('\n').length;
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) return null;
      depth--;
    }
  }
  return null;
}

/** Reads the tables of config/name-transliteration.json; a missing or malformed field names the file, line and field. */
export function parseTransliteration(raw: string, file: string): TransliterationTables {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(raw) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const fail = (key: string, index: number, detail: string): never => {
    const line = lineOfRow(raw, key, index);
    throw new Error(`${file}${line === null ? '' : `:${line}`}: ${key}[${index}]: ${detail}`);
  };
  const rowsOf = (key: string): Record<string, unknown>[] => {
    const rows = data[key];
    if (!Array.isArray(rows) || rows.length === 0)
      throw new Error(`${file}: "${key}" must be a list of rows`);
    return rows.map((row, i) =>
      row && typeof row === 'object' && !Array.isArray(row)
        ? (row as Record<string, unknown>)
        : fail(key, i, 'must be an object'),
    );
  };
  const text = (key: string, i: number, row: Record<string, unknown>, field: string, letter = false) => {
    const v = row[field];
    if (v === undefined) return fail(key, i, `"${field}" is missing`);
    if (typeof v !== 'string' || !v || (letter && [...v].length !== 1))
      return fail(key, i, `"${field}" must be ${letter ? 'one letter' : 'a non-empty string'}`);
    return v.toLowerCase();
  };
  const list = (key: string, i: number, row: Record<string, unknown>, field: string, allowEmpty: boolean) => {
    const v = row[field];
    if (v === undefined) return fail(key, i, `"${field}" is missing`);
    if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || (!s && !allowEmpty)))
      return fail(key, i, `"${field}" must be a non-empty list of ${allowEmpty ? '' : 'non-empty '}strings`);
    return (v as string[]).map((s) => s.toLowerCase());
  };
  const letters = (key: string) => {
    const map = new Map<string, CyrillicLetter>();
    rowsOf(key).forEach((row, i) => {
      const letter = text(key, i, row, 'letter', true);
      if (map.has(letter)) fail(key, i, `"${letter}" is listed twice`);
      map.set(letter, {
        russian: text(key, i, row, 'russian'),
        english: list(key, i, row, 'english', true),
        kazakhLatin: list(key, i, row, 'kazakhLatin', true),
      });
    });
    return map;
  };
  if (typeof data.vowels !== 'string' || !data.vowels)
    throw new Error(`${file}: "vowels" must be a string of the Cyrillic vowel letters`);
  const vowels = new Set([...data.vowels.toLowerCase()]);
  const maxVariants = data.maxVariants;
  if (typeof maxVariants !== 'number' || !Number.isInteger(maxVariants) || maxVariants < 1)
    throw new Error(`${file}: "maxVariants" must be a whole number ≥ 1`);
  const latin = rowsOf('latin').map((row, i) => ({
    letters: text('latin', i, row, 'letters'),
    cyrillic: list('latin', i, row, 'cyrillic', false),
  }));
  return {
    maxVariants,
    cyrillic: letters('cyrillic'),
    afterVowel: letters('afterVowel'),
    vowels,
    latin: latin.sort((a, b) => b.letters.length - a.letters.length),
  };
}

const FILE = 'config/name-transliteration.json';
export const NAME_TRANSLITERATION: TransliterationTables = parseTransliteration(
  readFileSync(resolve(CONFIG_DIR, 'name-transliteration.json'), 'utf8'),
  FILE,
);

/** Every way of writing `pieces` (alternatives per position), the first alternatives first, at most `max`. */
function spell(pieces: readonly (readonly string[])[], max: number): string[] {
  let out = [''];
  for (const alternatives of pieces) {
    const next: string[] = [];
    for (const head of out) for (const a of alternatives) if (next.length < max) next.push(head + a);
    out = next;
  }
  return out;
}

const CYRILLIC = /[\u0400-\u04ff]/u;
const LATIN = /[a-z\u00c0-\u024f]/u;
const LETTER = /\p{L}/u;

/** A lower-case Cyrillic name in Latin script: `english` or `kazakhLatin` spellings. */
function toLatin(name: string, script: 'english' | 'kazakhLatin', t: TransliterationTables): string[] {
  const chars = [...name];
  return spell(
    chars.map((ch, i) => {
      const before = chars[i - 1];
      const afterVowel =
        before === undefined || !LETTER.test(before) || t.vowels.has(before)
          ? t.afterVowel.get(ch)
          : undefined;
      return (afterVowel ?? t.cyrillic.get(ch))?.[script] ?? [ch];
    }),
    t.maxVariants,
  );
}

/** A lower-case Latin name in Cyrillic, letter groups longest first. */
function toCyrillic(name: string, t: TransliterationTables): string[] {
  const pieces: (readonly string[])[] = [];
  for (let i = 0; i < name.length; ) {
    const row = t.latin.find((r) => name.startsWith(r.letters, i));
    pieces.push(row ? row.cyrillic : [name[i]!]);
    i += row ? row.letters.length : 1;
  }
  return spell(pieces, t.maxVariants);
}

/**
 * The spellings of a lower-case name (one word or several) in Cyrillic (Russian and Kazakh), English Latin and
 * Latin-script Kazakh, the name as given first. A name in neither script is returned alone.
 */
export function nameSpellings(name: string, t: TransliterationTables = NAME_TRANSLITERATION): string[] {
  const out = new Set<string>([name]);
  if (CYRILLIC.test(name)) {
    out.add([...name].map((ch) => t.cyrillic.get(ch)?.russian ?? ch).join(''));
    for (const s of toLatin(name, 'english', t)) out.add(s);
    for (const s of toLatin(name, 'kazakhLatin', t)) out.add(s);
  } else if (LATIN.test(name)) {
    const cyrillic = toCyrillic(name, t);
    for (const s of cyrillic) out.add(s);
    // Stored as the English press spells it ("Zhanar"): Latin-script Kazakh spells it from the Cyrillic ("Janar").
    for (const s of toLatin(cyrillic[0]!, 'kazakhLatin', t)) out.add(s);
    for (const s of toLatin(cyrillic[0]!, 'english', t)) out.add(s);
  }
  return [...out];
}
