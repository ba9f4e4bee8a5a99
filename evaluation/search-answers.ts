// Saved answers of the search tool's `pages` corpus, one JSON file per query in
// .cache/real-dev/responses/<queryHash>.json: the answer as the tool printed it ({query, count, results: [{rank,
// url, excerpt}]}). The gatherer's own files keep only the results the manifest uses, and may cut an excerpt after
// the last span used ("partial": true); a file saved whole by whoever rebuilds the cache works the same way.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError, PROJECT_ROOT } from '../core/index.ts';
import { queryHash } from './excerpt-text.ts';

export const REAL_DEV_CACHE = resolve(PROJECT_ROOT, '.cache', 'real-dev');
export const RESPONSES_DIR = resolve(REAL_DEV_CACHE, 'responses');
/** The built excerpts (JSON Lines), read by `eval:classify -- --real`. */
export const EXCERPTS_PATH = resolve(REAL_DEV_CACHE, 'excerpts.jsonl');

export interface SearchResult {
  readonly rank: number;
  readonly url: string;
  readonly excerpt: string;
}

export interface SearchAnswer {
  readonly query: string;
  readonly results: readonly SearchResult[];
  readonly partial?: boolean;
}

export function answerPath(query: string, dir: string = RESPONSES_DIR): string {
  return resolve(dir, `${queryHash(query)}.json`);
}

/** The saved answer to `query`, or null when none is saved. A malformed file is an error naming it. */
export function readAnswer(query: string, dir: string = RESPONSES_DIR): SearchAnswer | null {
  const path = answerPath(query, dir);
  if (!existsSync(path)) return null;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw inputError(`${path}: not JSON (${(error as Error).message}); save the search answer again`, error);
  }
  if (!Array.isArray(v.results)) throw inputError(`${path}: no "results" array; is this a search answer?`);
  // The tool sends only the first 400 characters of a query and echoes what it sent.
  if (typeof v.query === 'string' && v.query !== query.slice(0, 400) && v.query !== query)
    throw inputError(`${path}: holds the answer to ${JSON.stringify(v.query)}, not ${JSON.stringify(query)}`);
  const results: SearchResult[] = [];
  v.results.forEach((r: unknown, i: number) => {
    const o = r as Record<string, unknown>;
    // The tool gives a page's address only "where known": a result without one can be no entry's page.
    if (o?.url === undefined && typeof o?.excerpt === 'string') return;
    if (typeof o?.url !== 'string' || typeof o.excerpt !== 'string')
      throw inputError(`${path}: results[${i}] needs "url" and "excerpt" strings`);
    results.push({ rank: typeof o.rank === 'number' ? o.rank : i + 1, url: o.url, excerpt: o.excerpt });
  });
  return { query, results, ...(v.partial === true ? { partial: true } : {}) };
}

/** Adds results to the saved answer of `query` (a result already there is kept when its excerpt is longer). */
export function mergeAnswer(
  query: string,
  results: readonly SearchResult[],
  dir: string = RESPONSES_DIR,
): void {
  mkdirSync(dir, { recursive: true });
  const old = readAnswer(query, dir);
  const byUrl = new Map<string, SearchResult>((old?.results ?? []).map((r) => [r.url, r]));
  for (const r of results) {
    const had = byUrl.get(r.url);
    if (!had || had.excerpt.length < r.excerpt.length) byUrl.set(r.url, r);
  }
  const merged = [...byUrl.values()].sort((a, b) => a.rank - b.rank);
  writeFileSync(
    answerPath(query, dir),
    `${JSON.stringify({ corpus: 'pages', query, partial: true, count: merged.length, results: merged }, null, 1)}\n`,
  );
}
