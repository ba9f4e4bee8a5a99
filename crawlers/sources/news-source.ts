// A news outlet as the registry (config/sources.json) describes it, and its validation: every problem
// names the file, the source and the field, so a typo in the registry is found before any request is made.
import type { Lang, SourceSelectors } from '../../core/index.ts';
import { inputError } from '../../core/index.ts';

export type NewsSourceKind = 'rss' | 'atom' | 'sitemap' | 'listing';
export const NEWS_SOURCE_KINDS: readonly NewsSourceKind[] = ['rss', 'atom', 'sitemap', 'listing'];
const LANGS: readonly Lang[] = ['kk', 'ru', 'en', 'other'];
const SELECTOR_FIELDS = ['title', 'body', 'date', 'author', 'section'] as const;

export interface ListingOptions {
  /** Only links whose absolute URL matches are articles (default: the source's articlePattern). */
  readonly linkPattern?: string;
  /** CSS selector of the "next page" link (default: rel=next, then the texts in config/crawl.json). */
  readonly nextSelector?: string;
  readonly maxPages?: number;
}

export interface NewsSource {
  readonly id: string;
  readonly name: string;
  readonly kind: NewsSourceKind;
  /** Entry points: feeds, sitemaps (or sitemap indexes) or first listing pages. */
  readonly urls: readonly string[];
  readonly lang: Lang | null;
  /** Requests per second to this source's hosts (default from config/crawl.json). */
  readonly rate?: number;
  readonly concurrency?: number;
  /** A regular expression an article URL must match; other discovered URLs are ignored. */
  readonly articlePattern?: string;
  readonly selectors?: SourceSelectors;
  readonly listing?: ListingOptions;
  readonly enabled: boolean;
  /**
   * Whether `soz sources check` (or `soz sources add`) has seen the entry work from a deployed machine;
   * false for entries taken from public facts and not yet checked. Crawled either way.
   */
  readonly verified?: boolean;
  /** Where the entry point came from (free text). */
  readonly note?: string;
}

type Json = Record<string, unknown>;

function fail(file: string, where: string, field: string, problem: string): never {
  throw inputError(`${file}: ${where}, field "${field}": ${problem}`);
}

function checkRegex(file: string, where: string, field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') fail(file, where, field, 'must be a non-empty string');
  try {
    new RegExp(value);
  } catch (error) {
    fail(file, where, field, `is not a valid regular expression (${(error as Error).message})`);
  }
  return value;
}

function checkUrl(file: string, where: string, field: string, value: unknown): string {
  if (typeof value !== 'string') fail(file, where, field, 'must be a URL string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(file, where, field, `"${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(file, where, field, `"${value}" is not an http(s) URL`);
  return url.href;
}

function positive(file: string, where: string, field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    fail(file, where, field, `must be a positive number, not ${JSON.stringify(value)}`);
  return value;
}

/** Validates one registry entry; `index` is its position, used when the id itself is missing. */
export function validateNewsSource(raw: unknown, file: string, index: number): NewsSource {
  const at = `source #${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail(file, at, '(entry)', 'must be an object');
  const s = raw as Json;
  if (typeof s.id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(s.id))
    fail(file, at, 'id', 'must be a lower-case identifier (letters, digits, . _ -)');
  const where = `source "${s.id}"`;
  if (s.kind === 'court') fail(file, where, 'kind', '"court" sources belong in the court registry, not here');
  if (!NEWS_SOURCE_KINDS.includes(s.kind as NewsSourceKind))
    fail(
      file,
      where,
      'kind',
      `must be one of ${NEWS_SOURCE_KINDS.join(', ')}, not ${JSON.stringify(s.kind)}`,
    );
  if (s.url !== undefined && s.urls !== undefined)
    fail(file, where, 'urls', 'give either "url" or "urls", not both');
  const rawUrls = s.urls !== undefined ? s.urls : s.url !== undefined ? [s.url] : undefined;
  if (!Array.isArray(rawUrls) || rawUrls.length === 0)
    fail(file, where, 'url', 'an entry URL is required ("url" or a non-empty "urls" list)');
  const urls = rawUrls.map((u, i) => checkUrl(file, where, s.urls ? `urls[${i}]` : 'url', u));
  if (s.name !== undefined && (typeof s.name !== 'string' || s.name.trim() === ''))
    fail(file, where, 'name', 'must be a non-empty string');
  if (s.lang !== undefined && s.lang !== null && !LANGS.includes(s.lang as Lang))
    fail(file, where, 'lang', `must be one of ${LANGS.join(', ')}, not ${JSON.stringify(s.lang)}`);
  const concurrency = positive(file, where, 'concurrency', s.concurrency);
  if (concurrency !== undefined && !Number.isInteger(concurrency))
    fail(file, where, 'concurrency', 'must be a whole number');
  let selectors: SourceSelectors | undefined;
  if (s.selectors !== undefined) {
    if (typeof s.selectors !== 'object' || s.selectors === null || Array.isArray(s.selectors))
      fail(file, where, 'selectors', 'must be an object');
    const sel = s.selectors as Json;
    for (const key of Object.keys(sel)) {
      if (key === 'remove') {
        if (!Array.isArray(sel.remove) || sel.remove.some((r) => typeof r !== 'string'))
          fail(file, where, 'selectors.remove', 'must be a list of CSS selectors');
      } else if (!(SELECTOR_FIELDS as readonly string[]).includes(key)) {
        fail(
          file,
          where,
          `selectors.${key}`,
          `unknown selector (known: ${SELECTOR_FIELDS.join(', ')}, remove)`,
        );
      } else if (typeof sel[key] !== 'string' || sel[key] === '') {
        fail(file, where, `selectors.${key}`, 'must be a non-empty CSS selector');
      }
    }
    selectors = sel as SourceSelectors;
  }
  let listing: ListingOptions | undefined;
  if (s.listing !== undefined) {
    if (typeof s.listing !== 'object' || s.listing === null)
      fail(file, where, 'listing', 'must be an object');
    const l = s.listing as Json;
    const maxPages = positive(file, where, 'listing.maxPages', l.maxPages);
    if (l.nextSelector !== undefined && typeof l.nextSelector !== 'string')
      fail(file, where, 'listing.nextSelector', 'must be a CSS selector');
    listing = {
      linkPattern: checkRegex(file, where, 'listing.linkPattern', l.linkPattern),
      nextSelector: l.nextSelector as string | undefined,
      maxPages,
    };
  }
  if (s.enabled !== undefined && typeof s.enabled !== 'boolean')
    fail(file, where, 'enabled', 'must be true or false');
  if (s.verified !== undefined && typeof s.verified !== 'boolean')
    fail(file, where, 'verified', 'must be true or false');
  if (s.note !== undefined && typeof s.note !== 'string') fail(file, where, 'note', 'must be a string');
  const known = new Set([
    'id',
    'name',
    'kind',
    'url',
    'urls',
    'lang',
    'rate',
    'concurrency',
    'articlePattern',
    'selectors',
    'listing',
    'enabled',
    'verified',
    'note',
  ]);
  for (const key of Object.keys(s)) if (!known.has(key)) fail(file, where, key, 'unknown field');
  return {
    id: s.id,
    name: typeof s.name === 'string' ? s.name : s.id,
    kind: s.kind as NewsSourceKind,
    urls,
    lang: (s.lang as Lang | undefined) ?? null,
    rate: positive(file, where, 'rate', s.rate),
    concurrency,
    articlePattern: checkRegex(file, where, 'articlePattern', s.articlePattern),
    selectors,
    listing,
    enabled: s.enabled !== false,
    ...(typeof s.verified === 'boolean' ? { verified: s.verified } : {}),
    ...(typeof s.note === 'string' ? { note: s.note } : {}),
  };
}

/** Validates a whole registry document: `{ "sources": [...] }` or a bare list; ids must be unique. */
export function parseNewsSources(doc: unknown, file: string): NewsSource[] {
  const list = Array.isArray(doc) ? doc : (doc as Json | null)?.sources;
  if (!Array.isArray(list)) throw inputError(`${file}: expected {"sources": [...]} or a list of sources`);
  const sources = list.map((raw, i) => validateNewsSource(raw, file, i));
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) fail(file, `source "${s.id}"`, 'id', 'is used by two sources');
    seen.add(s.id);
  }
  return sources;
}
