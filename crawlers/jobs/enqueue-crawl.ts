// `soz crawl --enqueue` and `soz schedule` on PostgreSQL: a run recorded as `queued`, and one job per
// source for the workers. The news jobs carry their source's definition, so workers need no registry.
import { usageError } from '../../core/index.ts';
import { finishCrawlRun, type Store, startQueuedCrawlRun, upsertSources } from '../../storage/index.ts';
import type { CourtSource } from '../court/crawl-court-source.ts';
import type { NewsSource } from '../sources/news-source.ts';
import type { CrawlQueue } from './crawl-queue.ts';

export interface EnqueueCrawlOptions {
  readonly news: readonly NewsSource[];
  readonly court: readonly CourtSource[];
  readonly since?: string;
  readonly maxPages?: number;
}

export interface EnqueuedCrawl {
  readonly runId: number;
  readonly news: number;
  readonly court: number;
}

export async function enqueueCrawl(
  store: Store,
  queue: CrawlQueue,
  o: EnqueueCrawlOptions,
): Promise<EnqueuedCrawl> {
  if (store.traits.name !== 'postgres')
    throw usageError('--enqueue needs PostgreSQL (DATABASE_URL): with SQLite the crawl runs in this process');
  if (o.news.length + o.court.length === 0) throw usageError('no sources to enqueue');
  await upsertSources(
    store,
    o.news.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lang: s.lang, config: s })),
  );
  const since = o.since ?? null;
  const maxPages = o.maxPages ?? null;
  const runId = await startQueuedCrawlRun(store, {
    sources: [...o.news.map((s) => s.id), ...o.court.map((s) => s.id)],
    since,
    maxPages,
    enqueued: true,
  });
  try {
    await queue.enqueue(
      'news',
      o.news.map((source) => ({ runId, sourceId: source.id, source, since, maxPages })),
    );
    await queue.enqueue(
      'court',
      o.court.map((source) => ({ runId, sourceId: source.id, since, maxPages })),
    );
  } catch (error) {
    // A run whose jobs could not all be queued would wait for ever: it is closed as failed (the jobs that
    // were queued still run; their counts are recorded under it).
    await finishCrawlRun(store, runId, 'failed');
    throw error;
  }
  return { runId, news: o.news.length, court: o.court.length };
}
