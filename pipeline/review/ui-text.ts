// The review UI's wording, per language, as data: config/review-ui/<lang>/<area>.json, one file per area of
// the UI (common, queue, candidate, …), so the wording of a new page is a new file and translators see one
// area at a time. A key is `<area>.<path>`; a value is a string with {placeholders}, or plural forms
// ({ zero?, one, few?, many?, other }) chosen by Intl.PluralRules of the language.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATEGORIES, CONFIG_DIR, monthName, type UiLang } from '../../core/index.ts';

export type { UiLang } from '../../core/index.ts';
export const UI_LANGS: readonly UiLang[] = ['ru', 'kk', 'en'];

export const isUiLang = (value: unknown): value is UiLang => UI_LANGS.includes(value as UiLang);

export const UI_TEXT_DIR = join(CONFIG_DIR, 'review-ui');

type Vars = Readonly<Record<string, string | number>>;
type Plural = Readonly<Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>>;
type Wording = Readonly<Record<string, string | Plural>>;

export interface UiText {
  readonly lang: UiLang;
  /** The wording of a key with its {placeholders} filled; throws on a key the language lacks. */
  t(key: string, vars?: Vars): string;
  /** The plural form of a key for `count` ({n} is the count). */
  n(key: string, count: number, vars?: Vars): string;
  /**
   * «14 августа 2020», «14 тамыз 2020», "14 August 2020" from an ISO date or date-time; a month alone
   * (YYYY-MM) reads «август 2020».
   */
  date(iso: string | null | undefined): string;
  /** «14 августа 2020, 10:05» from an ISO date-time, in UTC (the log's clock); the date alone without a time. */
  dateTime(iso: string | null | undefined): string;
  /** A category's name in this language (config/taxonomy.json); the id itself when unknown. */
  category(id: string | null | undefined): string;
  /** Whether the language has this key (for optional wording). */
  has(key: string): boolean;
}

export class UiTextError extends Error {
  override readonly name = 'UiTextError';
}

/** Reads every area file of every language; a malformed file is named with what is wrong in it. */
export function loadUiWording(dir: string = UI_TEXT_DIR): ReadonlyMap<UiLang, Wording> {
  const out = new Map<UiLang, Wording>();
  for (const lang of UI_LANGS) {
    const flat: Record<string, string | Plural> = {};
    const folder = join(dir, lang);
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = join(folder, file);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new UiTextError(`${path}: not valid JSON (${(error as Error).message})`);
      }
      flatten(basename(file, '.json'), data, flat, path);
    }
    out.set(lang, flat);
  }
  return out;
}

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function flatten(prefix: string, value: unknown, out: Record<string, string | Plural>, path: string): void {
  if (typeof value === 'string') {
    out[prefix] = value;
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UiTextError(`${path}: ${prefix} must be a string or an object of strings`);
  }
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([k, v]) => PLURAL_KEYS.has(k) && typeof v === 'string')) {
    if (!('other' in value)) throw new UiTextError(`${path}: ${prefix} has plural forms but no "other"`);
    out[prefix] = value as Plural;
    return;
  }
  for (const [k, v] of entries) flatten(`${prefix}.${k}`, v, out, path);
}

const fill = (template: string, vars: Vars | undefined): string =>
  vars
    ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    : template;

let cached: ReadonlyMap<UiLang, Wording> | null = null;
const texts = new Map<UiLang, UiText>();

/** The wording of one language (read once per process). */
export function uiText(lang: UiLang): UiText {
  const known = texts.get(lang);
  if (known) return known;
  cached ??= loadUiWording();
  const wording = cached.get(lang)!;
  const rules = new Intl.PluralRules(lang === 'kk' ? 'kk-KZ' : lang);
  const names = new Map(CATEGORIES.map((c) => [c.id as string, c.name[lang]]));
  const get = (key: string) => {
    const value = wording[key];
    if (value === undefined) throw new UiTextError(`config/review-ui/${lang}: no wording for ${key}`);
    return value;
  };
  const text: UiText = {
    lang,
    has: (key) => wording[key] !== undefined,
    t(key, vars) {
      const value = get(key);
      if (typeof value !== 'string')
        throw new UiTextError(`config/review-ui/${lang}: ${key} has plural forms; use n()`);
      return fill(value, vars);
    },
    n(key, count, vars) {
      const value = get(key);
      if (typeof value === 'string') return fill(value, { n: count, ...vars });
      const form = (count === 0 && value.zero) || value[rules.select(count) as keyof Plural] || value.other!;
      return fill(form, { n: count, ...vars });
    },
    date(iso) {
      const m = iso ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso) : null;
      if (!m) return iso ?? '';
      const index = Number(m[2]);
      if (index < 1 || index > 12) return iso ?? '';
      const month = monthName(lang, index, m[3] ? 'afterDay' : 'alone');
      return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
    },
    dateTime(iso) {
      const day = text.date(iso);
      const time = iso ? /^\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})/.exec(iso) : null;
      return time ? `${day}, ${time[1]}` : day;
    },
    category: (id) => (id ? (names.get(id) ?? id) : '—'),
  };
  texts.set(lang, text);
  return text;
}

/**
 * The language of a page: the account's choice, else the best of the browser's Accept-Language that the UI
 * speaks, else the configured default.
 */
export function pickUiLang(
  preferred: string | null | undefined,
  acceptLanguage: string | undefined,
  fallback: UiLang,
): UiLang {
  if (isUiLang(preferred)) return preferred;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: (tag ?? '').trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { lang } of ranked) if (isUiLang(lang)) return lang;
  return fallback;
}
