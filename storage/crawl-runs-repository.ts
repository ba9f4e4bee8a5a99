import type { SourceHealth } from '../core/index.ts';
import { toNumber } from './dialect.ts';
import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';

/** `queued`: its sources are jobs for workers (soz crawl --enqueue); the last one to finish closes it. */
export type CrawlRunStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'interrupted';
export type SourceRunStatus = 'running' | 'succeeded' | 'failed' | 'blocked';

export interface SourceRunCounts {
  readonly found: number;
  readonly newItems: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
}

export interface SourceRunReport extends SourceRunCounts {
  readonly runId: number;
  readonly sourceId: string;
  readonly status: SourceRunStatus;
  readonly errors: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** What the run measured of the source, with its flags (null before migration 6 or while running). */
  readonly health: SourceHealth | null;
}

export interface CrawlRun {
  readonly id: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: CrawlRunStatus;
  readonly options: Record<string, unknown>;
  readonly sources: readonly SourceRunReport[];
}

export async function startCrawlRun(store: Store, options: object): Promise<number> {
  const row = await store.db
    .insertInto('crawl_runs')
    .values({
      started_at: nowIso(),
      finished_at: null,
      status: 'running',
      options_json: toJson(options),
      pid: process.pid,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(row.id);
}

export async function startSourceRun(store: Store, runId: number, sourceId: string): Promise<void> {
  await store.db
    .insertInto('crawl_run_sources')
    .values({
      run_id: runId,
      source_id: sourceId,
      status: 'running',
      found: 0,
      new_items: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors_json: '[]',
      started_at: nowIso(),
      finished_at: null,
    })
    .execute();
}

/** Saves a source's counts as they grow, so that a killed crawl still shows how far it got. */
export async function updateSourceRun(
  store: Store,
  runId: number,
  sourceId: string,
  counts: SourceRunCounts,
  errors: readonly string[],
  status: SourceRunStatus = 'running',
): Promise<void> {
  await store.db
    .updateTable('crawl_run_sources')
    .set({
      status,
      found: counts.found,
      new_items: counts.newItems,
      updated: counts.updated,
      unchanged: counts.unchanged,
      failed: counts.failed,
      errors_json: toJson(errors),
      finished_at: status === 'running' ? null : nowIso(),
    })
    .where('run_id', '=', runId)
    .where('source_id', '=', sourceId)
    .execute();
}

export async function finishCrawlRun(store: Store, runId: number, status: CrawlRunStatus): Promise<void> {
  await store.db
    .updateTable('crawl_runs')
    .set({ status, finished_at: nowIso() })
    .where('id', '=', runId)
    .execute();
}

/** Marks runs left `running` by a process that no longer exists (killed midway) as interrupted. */
export async function closeAbandonedRuns(store: Store, isAlive: (pid: number) => boolean): Promise<number[]> {
  const running = await store.db
    .selectFrom('crawl_runs')
    .select(['id', 'pid'])
    .where('status', '=', 'running')
    .execute();
  const abandoned = running.filter(
    (r) => r.pid === null || r.pid === process.pid || !isAlive(toNumber(r.pid)),
  );
  for (const r of abandoned) {
    if (r.pid === process.pid) continue;
    await finishCrawlRun(store, toNumber(r.id), 'interrupted');
  }
  return abandoned.filter((r) => r.pid !== process.pid).map((r) => toNumber(r.id));
}

export async function getCrawlRun(store: Store, runId: number): Promise<CrawlRun | null> {
  const run = await store.db.selectFrom('crawl_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) return null;
  const sources = await store.db
    .selectFrom('crawl_run_sources')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('source_id')
    .execute();
  return {
    id: toNumber(run.id),
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    status: run.status as CrawlRunStatus,
    options: fromJson(run.options_json, {}, `crawl_runs.options_json of run ${run.id}`),
    sources: sources.map((s) => ({
      runId: toNumber(s.run_id),
      sourceId: s.source_id,
      status: s.status as SourceRunStatus,
      found: toNumber(s.found),
      newItems: toNumber(s.new_items),
      updated: toNumber(s.updated),
      unchanged: toNumber(s.unchanged),
      failed: toNumber(s.failed),
      errors: fromJson(s.errors_json, [], `crawl_run_sources.errors_json of run ${s.run_id}`),
      startedAt: s.started_at,
      finishedAt: s.finished_at,
      health: fromJson<SourceHealth | null>(
        s.health_json,
        null,
        `crawl_run_sources.health_json of run ${s.run_id}`,
      ),
    })),
  };
}

export async function listCrawlRuns(store: Store, limit = 20): Promise<CrawlRun[]> {
  const ids = await store.db
    .selectFrom('crawl_runs')
    .select('id')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const runs: CrawlRun[] = [];
  for (const { id } of ids) {
    const run = await getCrawlRun(store, toNumber(id));
    if (run) runs.push(run);
  }
  return runs;
}

/** Saves what a crawl measured of one source (source health), with its flags. */
export async function saveSourceHealth(
  store: Store,
  runId: number,
  sourceId: string,
  health: SourceHealth,
): Promise<void> {
  await store.db
    .updateTable('crawl_run_sources')
    .set({ health_json: toJson(health) })
    .where('run_id', '=', runId)
    .where('source_id', '=', sourceId)
    .execute();
}

/** The measured runs of a source before `beforeRunId` (all when null), newest first. */
export async function sourceHealthHistory(
  store: Store,
  sourceId: string,
  beforeRunId: number | null,
  limit: number,
): Promise<SourceHealth[]> {
  let q = store.db
    .selectFrom('crawl_run_sources')
    .select(['run_id', 'health_json'])
    .where('source_id', '=', sourceId)
    .where('health_json', 'is not', null);
  if (beforeRunId !== null) q = q.where('run_id', '<', beforeRunId);
  const rows = await q.orderBy('run_id', 'desc').limit(limit).execute();
  return rows.map((r) =>
    fromJson<SourceHealth>(r.health_json, null as never, `crawl_run_sources.health_json of run ${r.run_id}`),
  );
}

export interface SourceHealthRow {
  readonly sourceId: string;
  readonly runId: number;
  readonly finishedAt: string | null;
  readonly health: SourceHealth;
  /** Earlier measured runs (newest first), for trends. */
  readonly history: readonly SourceHealth[];
}

/** Each source's latest measured run with its earlier ones (up to `historyRuns`), by source id. */
export async function latestSourceHealth(store: Store, historyRuns: number): Promise<SourceHealthRow[]> {
  const rows = await store.db
    .selectFrom('crawl_run_sources')
    .select(['run_id', 'source_id', 'finished_at', 'health_json'])
    .where('health_json', 'is not', null)
    .orderBy('source_id')
    .orderBy('run_id', 'desc')
    .execute();
  const out: SourceHealthRow[] = [];
  let current: { row: SourceHealthRow; history: SourceHealth[] } | null = null;
  for (const r of rows) {
    const health = fromJson<SourceHealth>(
      r.health_json,
      null as never,
      `crawl_run_sources.health_json of run ${r.run_id}`,
    );
    if (current && current.row.sourceId === r.source_id) {
      if (current.history.length < historyRuns) current.history.push(health);
      continue;
    }
    const history: SourceHealth[] = [];
    current = {
      row: { sourceId: r.source_id, runId: toNumber(r.run_id), finishedAt: r.finished_at, health, history },
      history,
    };
    out.push(current.row);
  }
  return out;
}

/**
 * A run whose sources are crawled by workers (soz crawl --enqueue): status `queued`, no process id (no one
 * process runs it, so closeAbandonedRuns leaves it alone); `options.sources` lists what it waits for.
 */
export async function startQueuedCrawlRun(
  store: Store,
  options: { readonly sources: readonly string[] } & Record<string, unknown>,
): Promise<number> {
  const row = await store.db
    .insertInto('crawl_runs')
    .values({
      started_at: nowIso(),
      finished_at: null,
      status: 'queued',
      options_json: toJson(options),
      pid: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(row.id);
}

/** Forgets a source's counts in a run, before a worker crawls it again (the last attempt's worker died). */
export async function resetSourceRun(store: Store, runId: number, sourceId: string): Promise<boolean> {
  const result = await store.db
    .deleteFrom('crawl_run_sources')
    .where('run_id', '=', runId)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return toNumber(result.numDeletedRows) > 0;
}

/**
 * Records that a source's attempt in a run ended without finishing (its worker died, failed or stopped):
 * `retrying` keeps the source outstanding (status running, so the run stays open) while the queue will try
 * its job again; otherwise the source has failed for this run. The reason replaces the attempt's errors.
 */
export async function markSourceRunLost(
  store: Store,
  runId: number,
  sourceId: string,
  reason: string,
  retrying: boolean,
): Promise<void> {
  const now = nowIso();
  const status: SourceRunStatus = retrying ? 'running' : 'failed';
  const finishedAt = retrying ? null : now;
  await store.db
    .insertInto('crawl_run_sources')
    .values({
      run_id: runId,
      source_id: sourceId,
      status,
      found: 0,
      new_items: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors_json: toJson([reason]),
      started_at: now,
      finished_at: finishedAt,
    })
    .onConflict((oc) =>
      oc.columns(['run_id', 'source_id']).doUpdateSet({
        status,
        errors_json: toJson([reason]),
        finished_at: finishedAt,
      }),
    )
    .execute();
}

/**
 * Closes a queued run once every source it lists has finished (any status but running), with the status a
 * single-process run would get; returns it, or null while sources are outstanding. The run's row is locked
 * meanwhile, so two workers finishing its last sources at once close it once.
 */
export async function finishQueuedRunIfDone(store: Store, runId: number): Promise<CrawlRunStatus | null> {
  return store.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('crawl_runs')
      .select(['status', 'options_json'])
      .where('id', '=', runId)
      .$if(store.traits.name === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (run?.status !== 'queued') return null;
    const options = fromJson<{ sources?: string[] }>(
      run.options_json,
      {},
      `crawl_runs.options_json of run ${runId}`,
    );
    const expected = options.sources ?? [];
    const rows = await trx
      .selectFrom('crawl_run_sources')
      .select(['source_id', 'status'])
      .where('run_id', '=', runId)
      .execute();
    const status = new Map(rows.map((r) => [r.source_id, r.status]));
    if (expected.some((id) => status.get(id) === undefined || status.get(id) === 'running')) return null;
    const ok = expected.filter((id) => status.get(id) === 'succeeded').length;
    const final: CrawlRunStatus = ok === expected.length ? 'succeeded' : ok > 0 ? 'partial' : 'failed';
    await trx
      .updateTable('crawl_runs')
      .set({ status: final, finished_at: nowIso() })
      .where('id', '=', runId)
      .execute();
    return final;
  });
}

/** The runs still waiting for workers, oldest first (for `soz worker --status`). */
export async function queuedCrawlRuns(
  store: Store,
): Promise<{ id: number; startedAt: string; sources: number }[]> {
  const rows = await store.db
    .selectFrom('crawl_runs')
    .select(['id', 'started_at', 'options_json'])
    .where('status', '=', 'queued')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    startedAt: r.started_at,
    sources:
      fromJson<{ sources?: string[] }>(r.options_json, {}, `crawl_runs.options_json of run ${r.id}`).sources
        ?.length ?? 0,
  }));
}
