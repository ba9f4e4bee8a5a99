// A crawl run over many sources: recorded in the database (run, per-source counts and errors), sources
// crawled a few at a time, each isolated from the others' failures. Usable from code (demo, tests,
// benchmarks) as well as from `soz crawl`.
import { setMaxListeners } from 'node:events';
import type { TextClassifier } from '../core/index.ts';
import { describeError } from '../core/index.ts';
import { requeueCandidates } from '../pipeline/index.ts';
import {
  closeAbandonedRuns,
  finishCrawlRun,
  lastSourceSuccess,
  type Store,
  startCrawlRun,
  upsertSources,
} from '../storage/index.ts';
import { type CrawlConfig, loadCrawlConfig } from './fetch/crawl-config.ts';
import { PoliteFetcher, type RequestListener } from './fetch/polite-fetcher.ts';
import {
  crawlSource,
  type PageExtractor,
  type ProgressEvent,
  type SourceReport,
} from './news/crawl-source.ts';
import type { NewsSource } from './sources/news-source.ts';

export interface RunCrawlOptions {
  readonly sources: readonly NewsSource[];
  readonly classifier: TextClassifier;
  /** Articles older than this are skipped; default per source: its last successful crawl minus a day. */
  readonly since?: string;
  /** Article pages per source at most (default from config/crawl.json). */
  readonly maxPages?: number;
  readonly config?: CrawlConfig;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly onRequest?: RequestListener;
  readonly signal?: AbortSignal;
  readonly now?: Date;
  /** Replaces the pipeline's decode + extract (see PageExtractor). */
  readonly extract?: PageExtractor;
}

export interface CrawlReport {
  readonly runId: number;
  readonly status: 'succeeded' | 'partial' | 'failed' | 'interrupted';
  readonly sources: readonly SourceReport[];
  /** Runs left `running` by a killed process and closed as interrupted before this one. */
  readonly closedAbandoned: readonly number[];
  /** Candidates a killed run had stored but not queued for review, queued at the start of this one. */
  readonly requeued: number;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function runCrawl(store: Store, options: RunCrawlOptions): Promise<CrawlReport> {
  const config = options.config ?? loadCrawlConfig();
  const closedAbandoned = await closeAbandonedRuns(store, isAlive);
  // A run killed between storing a batch and queueing its candidates left them unqueued: queue them now.
  const requeued = await requeueCandidates(store);
  await upsertSources(
    store,
    options.sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lang: s.lang, config: s })),
  );
  const runId = await startCrawlRun(store, {
    sources: options.sources.map((s) => s.id),
    since: options.since ?? null,
    maxPages: options.maxPages ?? null,
  });
  const fetcher = new PoliteFetcher(config, options.onRequest);
  // Every request waiting for its host's slot, in flight or backing off listens to the run's signal until it
  // is done (then lets go), so many sources sharing one host legitimately hold more than Node's default of 10
  // listeners at once. The bound is what the configuration allows to be pending, not unlimited.
  if (options.signal) {
    const pending = options.sources.reduce(
      (n, s) => n + Math.max(s.concurrency ?? config.hostConcurrency, config.hostConcurrency),
      0,
    );
    setMaxListeners(Math.max(10, 4 * pending), options.signal);
  }
  const reports: SourceReport[] = [];
  const queue = [...options.sources];
  const worker = async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      try {
        const since = options.since ?? (await defaultSince(store, source.id, config));
        reports.push(
          await crawlSource(source, {
            store,
            runId,
            fetcher,
            classifier: options.classifier,
            since,
            maxPages: options.maxPages ?? config.maxArticlesPerSource,
            onProgress: options.onProgress,
            signal: options.signal,
            now: options.now,
            extract: options.extract,
          }),
        );
      } catch (error) {
        // A database or programming error in one source is reported; the others go on.
        reports.push({
          sourceId: source.id,
          name: source.name,
          status: 'failed',
          found: 0,
          newItems: 0,
          updated: 0,
          unchanged: 0,
          failed: 0,
          fetched: 0,
          errors: [`crawl of the source failed: ${describeError(error)}`],
        });
      }
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(config.sourceConcurrency, queue.length)) }, worker),
    );
  } finally {
    fetcher.close();
  }
  const order = new Map(options.sources.map((s, i) => [s.id, i]));
  reports.sort((a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0));
  const ok = reports.filter((r) => r.status === 'succeeded').length;
  const status = options.signal?.aborted
    ? 'interrupted'
    : ok === reports.length
      ? 'succeeded'
      : ok > 0
        ? 'partial'
        : 'failed';
  await finishCrawlRun(store, runId, status);
  return { runId, status, sources: reports, closedAbandoned, requeued };
}

/** A source's default cut-off: its last successful crawl minus the configured overlap (null: never crawled). */
export async function defaultSince(
  store: Store,
  sourceId: string,
  config: CrawlConfig,
): Promise<string | null> {
  const last = await lastSourceSuccess(store, sourceId);
  if (!last) return null;
  return new Date(Date.parse(last) - config.sinceOverlapHours * 3600_000).toISOString();
}

/**
 * One line per source for the end of `soz crawl` and the scheduler's log, then the pages not stored
 * counted by reason, and a "CHANGED" line per flag raised against the source's earlier runs.
 */
export function formatSourceReport(r: SourceReport): string {
  const h = r.health;
  const briefs = h && h.short > 0 ? `, short ${h.short}` : '';
  const fallbacks = h && h.fallbacks > 0 ? `, body from feed/structured data ${h.fallbacks}` : '';
  const head = `${r.sourceId}: ${r.status} — found ${r.found}, new ${r.newItems}, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed}${briefs}${fallbacks}`;
  const lines = [r.errors.length > 0 ? `${head} (${r.errors.join('; ')})` : head];
  const reasons = Object.entries(h?.rejected ?? {}).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0)
    lines.push(`  not stored: ${reasons.map(([reason, n]) => `${reason} ×${n}`).join(', ')}`);
  for (const f of h?.flags ?? []) lines.push(`  CHANGED (${f.kind}): ${f.message}`);
  return lines.join('\n');
}
