// Rebuilds the git-ignored excerpt cache from the committed manifest and the saved search answers: for each manifest
// entry, the saved answer to its query, the result with its url, the span at its offsets in the normalised text, and a
// check of the span's sha256. Reports what is missing (no saved answer, or the result is absent from it) and what has
// changed (the text at the offsets no longer hashes the same), and never writes an excerpt it could not verify.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalizeExcerptText, queryHash, sha256 } from './excerpt-text.ts';
import type { ManifestEntry } from './real-dev-manifest.ts';
import { answerPath, EXCERPTS_PATH, RESPONSES_DIR, readAnswer, type SearchAnswer } from './search-answers.ts';

/** One verified excerpt of the cache (.cache/real-dev/excerpts.jsonl). */
export interface CachedExcerpt {
  readonly id: string;
  readonly text: string;
}

export interface BuildProblem {
  readonly id: string;
  readonly kind: 'no-answer' | 'no-result' | 'changed' | 'excluded';
  readonly detail: string;
}

export interface BuildReport {
  readonly excerpts: readonly CachedExcerpt[];
  readonly problems: readonly BuildProblem[];
  /** Queries whose saved answer is missing or lacks a result the manifest needs: what to run with the search tool. */
  readonly missingQueries: readonly string[];
}

/** Compares addresses as the search tool may print them: scheme, "www." and a trailing slash do not matter. */
export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) =>
    u
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/+$/, '');
  return norm(a) === norm(b);
}

export function buildRealDev(
  entries: readonly ManifestEntry[],
  options: { responsesDir?: string; excluded?: ReadonlySet<string> } = {},
): BuildReport {
  const dir = options.responsesDir ?? RESPONSES_DIR;
  const answers = new Map<string, SearchAnswer | null>();
  const excerpts: CachedExcerpt[] = [];
  const problems: BuildProblem[] = [];
  const missing = new Set<string>();
  for (const e of entries) {
    if (options.excluded?.has(e.url)) {
      problems.push({
        id: e.id,
        kind: 'excluded',
        detail: `${e.url} is now reserved for independent evaluation`,
      });
      continue;
    }
    if (!answers.has(e.query)) answers.set(e.query, readAnswer(e.query, dir));
    const answer = answers.get(e.query);
    if (!answer) {
      missing.add(e.query);
      problems.push({ id: e.id, kind: 'no-answer', detail: `no saved answer ${queryHash(e.query)}.json` });
      continue;
    }
    const result =
      answer.results.find((r) => r.url === e.url) ?? answer.results.find((r) => sameUrl(r.url, e.url));
    if (!result) {
      missing.add(e.query);
      problems.push({ id: e.id, kind: 'no-result', detail: `${e.url} is not among the answer's results` });
      continue;
    }
    const text = normalizeExcerptText(result.excerpt).slice(e.start, e.end);
    if (text.length !== e.end - e.start || sha256(text) !== e.sha256) {
      problems.push({
        id: e.id,
        kind: 'changed',
        detail: `text at ${e.start}-${e.end} differs: «${text.slice(0, 60)}»`,
      });
      continue;
    }
    excerpts.push({ id: e.id, text });
  }
  return { excerpts, problems, missingQueries: [...missing] };
}

export function writeExcerpts(excerpts: readonly CachedExcerpt[], path: string = EXCERPTS_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, excerpts.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** One look-up to make with the search tool to rebuild the cache: its corpus, its query, and where to save the answer. */
export interface QueryToRun {
  readonly corpus: 'pages';
  readonly query: string;
  readonly file: string;
  readonly entries: number;
}

/** The look-ups a rebuild still needs (all of them on a fresh machine), in manifest order, with their answer files. */
export function queriesToRun(
  entries: readonly ManifestEntry[],
  report: Pick<BuildReport, 'missingQueries'>,
  dir: string = RESPONSES_DIR,
): QueryToRun[] {
  const wanted = new Set(report.missingQueries);
  const count = new Map<string, number>();
  for (const e of entries) if (wanted.has(e.query)) count.set(e.query, (count.get(e.query) ?? 0) + 1);
  return [...count].map(([query, n]) => ({
    corpus: 'pages',
    query,
    file: answerPath(query, dir),
    entries: n,
  }));
}
