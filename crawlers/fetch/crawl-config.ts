// Politeness, limits and schedule of the crawler (config/crawl.json), with defaults for missing keys.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CONFIG_DIR,
  DEFAULT_HEALTH_THRESHOLDS,
  type HealthThresholds,
  inputError,
} from '../../core/index.ts';

export interface CrawlConfig {
  /** Sent with every request: names the project and a contact URL. */
  readonly userAgent: string;
  /** Requests per second per host unless a source says otherwise. */
  readonly ratePerSecond: number;
  /** Requests in flight per host. */
  readonly hostConcurrency: number;
  /** Sources crawled at the same time. */
  readonly sourceConcurrency: number;
  readonly requestTimeoutMs: number;
  /** Retries after a timeout, a network error, a 5xx or a 429. */
  readonly maxRetries: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A longer Retry-After than this fails the request instead of stalling the crawl. */
  readonly maxRetryAfterMs: number;
  readonly maxPageBytes: number;
  readonly maxRedirects: number;
  /** Article pages fetched per source and run at most (`--max-pages` overrides). */
  readonly maxArticlesPerSource: number;
  readonly maxListingPages: number;
  readonly maxSitemaps: number;
  /** The default `--since` is the last successful crawl minus this. */
  readonly sinceOverlapHours: number;
  /** Counts are saved to the crawl run every this many articles. */
  readonly progressEvery: number;
  /** Extracted articles stored per transaction (default 50). */
  readonly storeBatchSize?: number;
  /** A batch waits at most this long for more articles before it is stored (default 2000 ms). */
  readonly storeBatchMaxWaitMs?: number;
  readonly schedule: { readonly cron: string; readonly timezone: string };
  /** Settings of `soz worker` and the job queue (PostgreSQL); read by crawlers/jobs/worker-settings.ts. */
  readonly workers?: Readonly<Record<string, unknown>>;
  /** Link texts that mean "next page" on listing pages (lower case). */
  readonly nextPageTexts: readonly string[];
  /** Links containing these are never articles. */
  readonly skipLinkPatterns: readonly string[];
  /** Where `soz sources add` looks on a home page's site (defaults in crawlers/sources/onboard-source.ts). */
  readonly onboarding?: {
    readonly feedPaths: readonly string[];
    readonly sitemapPaths: readonly string[];
    /** Link texts (lower case) that lead from a home page to its news listing. */
    readonly listingLinkWords: readonly string[];
    /** Title segments that name the home page, not the site ("Главная", "Басты бет"). */
    readonly homeWords: readonly string[];
  };
  /** When a source's run is flagged against its earlier runs (defaults in core/source-health.ts). */
  readonly health?: Partial<HealthThresholds>;
}

/** The source-health thresholds of a configuration, defaults filled in. */
export const healthThresholds = (config: CrawlConfig): HealthThresholds => ({
  ...DEFAULT_HEALTH_THRESHOLDS,
  ...config.health,
});

export const CRAWL_CONFIG_FILE = resolve(CONFIG_DIR, 'crawl.json');

const NUMERIC_KEYS = [
  'ratePerSecond',
  'hostConcurrency',
  'sourceConcurrency',
  'requestTimeoutMs',
  'maxRetries',
  'backoffBaseMs',
  'backoffMaxMs',
  'maxRetryAfterMs',
  'maxPageBytes',
  'maxRedirects',
  'maxArticlesPerSource',
  'maxListingPages',
  'maxSitemaps',
  'sinceOverlapHours',
  'progressEvery',
] as const;

export function loadCrawlConfig(file: string = CRAWL_CONFIG_FILE): CrawlConfig {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw inputError(`${file}: cannot read the crawl configuration (${(error as Error).message})`);
  }
  for (const key of NUMERIC_KEYS) {
    const v = doc[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw inputError(`${file}: field "${key}" must be a non-negative number`);
  }
  for (const key of ['storeBatchSize', 'storeBatchMaxWaitMs'] as const) {
    const v = doc[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 1))
      throw inputError(`${file}: field "${key}" must be a positive number`);
  }
  if (typeof doc.userAgent !== 'string' || !/https?:\/\//.test(doc.userAgent))
    throw inputError(`${file}: field "userAgent" must name the project and a contact URL`);
  const schedule = doc.schedule as { cron?: unknown; timezone?: unknown } | undefined;
  if (typeof schedule?.cron !== 'string' || typeof schedule.timezone !== 'string')
    throw inputError(`${file}: field "schedule" must be {"cron": "...", "timezone": "..."}`);
  for (const key of ['nextPageTexts', 'skipLinkPatterns'] as const) {
    const v = doc[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw inputError(`${file}: field "${key}" must be a list of strings`);
  }
  if (doc.onboarding !== undefined) {
    const o = doc.onboarding as Record<string, unknown>;
    for (const key of ['feedPaths', 'sitemapPaths', 'listingLinkWords', 'homeWords']) {
      const v = o?.[key];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw inputError(`${file}: field "onboarding.${key}" must be a list of strings`);
    }
  }
  if (doc.health !== undefined) {
    if (typeof doc.health !== 'object' || doc.health === null || Array.isArray(doc.health))
      throw inputError(`${file}: field "health" must be an object of thresholds`);
    for (const [key, v] of Object.entries(doc.health)) {
      if (!(key in DEFAULT_HEALTH_THRESHOLDS))
        throw inputError(
          `${file}: field "health.${key}" is unknown (known: ${Object.keys(DEFAULT_HEALTH_THRESHOLDS).join(', ')})`,
        );
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw inputError(`${file}: field "health.${key}" must be a non-negative number`);
    }
  }
  return doc as unknown as CrawlConfig;
}

// Top-level names reserved for examples and tests (RFC 2606, RFC 6761): no outlet can reach a contact there.
const RESERVED_HOST = /(^|\.)(example|invalid|test|localhost)$/i;

/**
 * The contact URL of a User-Agent when it cannot reach anyone (the shipped placeholder, a test host), so that a
 * deployment that forgot to set its own is told at every crawl; null when the contact looks real.
 */
export function placeholderContact(userAgent: string): string | null {
  const url = /https?:\/\/[^\s;)]+/.exec(userAgent)?.[0];
  if (!url) return null;
  return RESERVED_HOST.test(new URL(url).hostname) ? url : null;
}

/** The configuration with some values replaced (tests, benchmarks, the demo). */
export function withCrawlConfig(overrides: Partial<CrawlConfig> = {}, base: CrawlConfig = loadCrawlConfig()) {
  return { ...base, ...overrides } as CrawlConfig;
}
