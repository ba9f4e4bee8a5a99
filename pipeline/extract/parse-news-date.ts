// Publication dates as news sites write them, in Russian, Kazakh and English, plus ISO, RFC 2822 and epoch
// values from meta tags and feeds.
//
// Time zone: a date without an offset is Almaty local time. Kazakhstan moved Almaty from UTC+6 to UTC+5
// on 1 March 2024, so local times before 2024-03-01 00:00 (+06) are UTC+6 and later ones UTC+5 (data in
// config/extraction.json). Relative dates ("Вчера, 18:30", "2 часа назад") count from `now` seen in
// Almaty.
//
// Output: always a UTC ISO timestamp (`toISOString()`), so values compare as strings with core's
// parseDate and the storage's `--since` filters. A date without a time of day is taken as 12:00 Almaty
// time, which keeps its UTC date equal to the local date.
import { extractionConfig } from './extraction-config.ts';

const MS_HOUR = 3_600_000;

function offsetHours(localMsAsUtc: number): number {
  const cfg = extractionConfig().dates.offsetChange;
  const change = Date.parse(cfg.at);
  // Compare in local wall-clock terms: the change happened at local midnight +06.
  return localMsAsUtc - cfg.beforeHours * MS_HOUR < change ? cfg.beforeHours : cfg.afterHours;
}

/** Almaty wall-clock fields → UTC ISO string; null when the fields are not a real date. */
function fromAlmaty(y: number, mo: number, d: number, h = 12, mi = 0, s = 0): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1990 || y > 2100)
    return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  if (check.getUTCDate() !== d) return null;
  return new Date(local - offsetHours(local) * MS_HOUR).toISOString();
}

/** `now` as Almaty wall-clock fields. */
function almatyNow(now: Date): { y: number; mo: number; d: number; ms: number } {
  let local = now.getTime() + 6 * MS_HOUR;
  local = now.getTime() + offsetHours(local) * MS_HOUR;
  const t = new Date(local);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), ms: local };
}

/** Month names that may carry a case ending (4 letters or more), compiled once from the config. */
let stems: { readonly for: object; readonly list: readonly (readonly [string, number])[] } | undefined;

function monthStems(months: Readonly<Record<string, number>>): readonly (readonly [string, number])[] {
  if (stems?.for !== months)
    stems = { for: months, list: Object.entries(months).filter(([word]) => word.length >= 4) };
  return stems.list;
}

function monthNumber(token: string): number | null {
  const months = extractionConfig().dates.months;
  const t = token.toLowerCase().replace(/\.$/, '');
  const exact = months[t];
  if (exact !== undefined) return exact;
  if (t.length < 4) return null;
  // Kazakh case endings ("тамызда", "қыркүйектегі") and Russian abbreviations with a dot.
  let best: number | null = null;
  let bestLen = 0;
  for (const [word, n] of monthStems(months)) {
    if (t.startsWith(word) && t.length - word.length <= 5 && word.length > bestLen) {
      best = n;
      bestLen = word.length;
    }
  }
  return best;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TIME = /(?:^|[^\d:])([01]?\d|2[0-3])[:.]([0-5]\d)(?::([0-5]\d))?(?:\s*([ap])\.?m\.?)?(?![\d])/i;

function timeOf(text: string): { h: number; mi: number; s: number } | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  return { h, mi: Number(m[2]), s: Number(m[3] ?? 0) };
}

type DateWords = ReturnType<typeof extractionConfig>['dates'];
let dayWords:
  | {
      readonly for: DateWords;
      readonly today: RegExp;
      readonly yesterday: RegExp;
      readonly dayBeforeYesterday: RegExp;
    }
  | undefined;

/** "вчера", "кеше", "позавчера" … as whole words: one pattern per list, compiled once. */
function dayWordPatterns(cfg: DateWords) {
  const re = (words: readonly string[]) =>
    words.length === 0
      ? /(?!)/
      : new RegExp(`(^|[^\\p{L}])(${words.map(escapeRe).join('|')})($|[^\\p{L}])`, 'u');
  if (dayWords?.for !== cfg)
    dayWords = {
      for: cfg,
      today: re(cfg.today),
      yesterday: re(cfg.yesterday),
      dayBeforeYesterday: re(cfg.dayBeforeYesterday),
    };
  return dayWords;
}

function relative(text: string, now: Date): string | null {
  const cfg = extractionConfig().dates;
  const lower = text.toLowerCase();
  const n = almatyNow(now);
  const words = dayWordPatterns(cfg);
  const shift = words.dayBeforeYesterday.test(lower)
    ? 2
    : words.yesterday.test(lower)
      ? 1
      : words.today.test(lower)
        ? 0
        : -1;
  if (shift >= 0) {
    const day = new Date(Date.UTC(n.y, n.mo - 1, n.d - shift));
    const t = timeOf(lower);
    return fromAlmaty(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      t?.h ?? 12,
      t?.mi ?? 0,
      t?.s ?? 0,
    );
  }
  if (!cfg.ago.some((w) => lower.includes(w))) return null;
  const unitMs: Record<string, number> = {
    second: 1000,
    minute: 60_000,
    hour: MS_HOUR,
    day: 24 * MS_HOUR,
    week: 168 * MS_HOUR,
  };
  const m = /(\d+|\p{L}+)\s+(\p{L}+)/gu;
  for (const match of lower.matchAll(m)) {
    const [, count, unitWord] = match;
    const unit = (Object.keys(cfg.units) as (keyof typeof cfg.units)[]).find((u) =>
      cfg.units[u].includes(unitWord!),
    );
    if (!unit) continue;
    const k = /^\d+$/.test(count!) ? Number(count) : cfg.oneWords.includes(count!) ? 1 : null;
    if (k === null) continue;
    return new Date(now.getTime() - k * unitMs[unit]!).toISOString();
  }
  // "час назад", "минуту назад": a unit without a number is one of it.
  for (const match of lower.matchAll(/(\p{L}+)/gu)) {
    const word = match[1]!;
    if (!cfg.oneWords.includes(word)) continue;
    const unit = (Object.keys(cfg.units) as (keyof typeof cfg.units)[]).find((u) =>
      cfg.units[u].includes(word),
    );
    if (unit) return new Date(now.getTime() - unitMs[unit]!).toISOString();
  }
  return null;
}

function inferYear(mo: number, d: number, now: Date): number {
  const n = almatyNow(now);
  // A day-and-month without a year is the most recent such day (a page from December read in January).
  return mo > n.mo || (mo === n.mo && d > n.d + 1) ? n.y - 1 : n.y;
}

export function parseNewsDate(text: string, now: Date = new Date()): string | null {
  const raw = text.replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  // Epoch seconds or milliseconds (some meta tags and JSON feeds).
  if (/^\d{10}(\d{3})?$/.test(raw)) {
    const ms = raw.length === 13 ? Number(raw) : Number(raw) * 1000;
    return new Date(ms).toISOString();
  }
  // ISO 8601 (with "T" or a space), with or without an offset.
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i.exec(
      raw,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (h !== undefined && zone) {
      const z =
        zone.toUpperCase() === 'Z'
          ? 'Z'
          : zone.length === 3
            ? `${zone}:00`
            : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
      const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${z}`);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
    return fromAlmaty(Number(y), Number(mo), Number(d), h ? Number(h) : 12, Number(mi ?? 0), Number(s ?? 0));
  }
  const lower = raw.toLowerCase();
  const rel = relative(lower, now);
  if (rel) return rel;
  const time = timeOf(lower.replace(/\d{1,2}[./]\d{1,2}[./]\d{2,4}/, ' '));
  const h = time?.h ?? 12;
  const mi = time?.mi ?? 0;
  const s = time?.s ?? 0;
  // 14.08.2020, 14/08/2020, 14.08.20
  const numeric = /(?:^|[^\d])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\d])/.exec(lower);
  if (numeric) {
    const y = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return fromAlmaty(y, Number(numeric[2]), Number(numeric[1]), h, mi, s);
  }
  // RFC 2822 and other English forms with an explicit zone: let the platform parse them.
  if (/\b(gmt|utc|[+-]\d{4})\b/i.test(raw) && /[a-z]{3}/i.test(raw)) {
    const t = Date.parse(raw);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  const tokens = lower.match(/\d+|\p{L}+\.?/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    if (/^\d/.test(tokens[i]!)) continue;
    const mo = monthNumber(tokens[i]!);
    if (mo === null) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const isDay = (t: string | undefined) =>
      t !== undefined && /^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 31;
    const isYear = (t: string | undefined) => t !== undefined && /^\d{4}$/.test(t);
    let d: number | null = null;
    let y: number | null = null;
    if (isDay(before)) {
      // "14 августа 2020", "14 тамыз 2020 ж.", "2020 жылғы 14 тамыз", "14 August 2020"
      d = Number(before);
      if (isYear(after)) y = Number(after);
      else {
        const yearBefore = tokens.slice(Math.max(0, i - 4), i - 1).find((t) => isYear(t));
        if (yearBefore) y = Number(yearBefore);
      }
    } else if (isDay(after)) {
      // "August 14, 2020"
      d = Number(after);
      const next = tokens[i + 2];
      if (isYear(next)) y = Number(next);
      else {
        const yearBefore = tokens.slice(Math.max(0, i - 3), i).find((t) => isYear(t));
        if (yearBefore) y = Number(yearBefore);
      }
    }
    if (d === null) continue;
    return fromAlmaty(y ?? inferYear(mo, d, now), mo, d, h, mi, s);
  }
  return null;
}
