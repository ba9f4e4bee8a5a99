// `soz worker`: takes crawl jobs from the queue and runs them, N at a time, beside any number of other
// workers on any number of machines, all on one PostgreSQL database.
//   - A job is one source of one run. Its worker leases the source (crawl_leases), renewing the lease while
//     it works: a source is never crawled by two workers at once, and a worker that dies stops renewing —
//     any other worker then hands its job back to the queue (failed → retried), to be continued where it
//     stopped (stored pages are known, failed ones pending, the feed is read again).
//   - Requests go through the shared host limiter: the per-host politeness limit holds for all workers.
//   - The crawl stops cleanly before the job's time runs out (what it fetched is kept; the next run goes on)
//     and when the worker is told to stop (SIGTERM: its jobs go back to the queue at once).
//   - The last worker to finish a source of a run closes the run with the status a one-process crawl gives.
import { hostname } from 'node:os';
import type { Logger, TextClassifier } from '../../core/index.ts';
import { describeError, usageError } from '../../core/index.ts';
import { requeueCandidates } from '../../pipeline/index.ts';
import {
  acquireLease,
  claimExpiredLeases,
  finishQueuedRunIfDone,
  type Lease,
  markSourceRunLost,
  releaseHolderSlots,
  releaseLease,
  renewLease,
  resetSourceRun,
  type Store,
} from '../../storage/index.ts';
import { type CourtConfig, loadCourtConfig } from '../court/court-config.ts';
import { type CrawlCourtOptions, courtSources, crawlCourtSource } from '../court/crawl-court-source.ts';
import type { CrawlConfig } from '../fetch/crawl-config.ts';
import { PoliteFetcher, type RequestListener } from '../fetch/polite-fetcher.ts';
import { SharedHostLimiter } from '../fetch/shared-host-limiter.ts';
import { crawlSource, type PageExtractor, type SourceReport } from '../news/crawl-source.ts';
import { defaultSince } from '../run-crawl.ts';
import { CRAWL_QUEUES, type CrawlJob, type CrawlJobKind, type CrawlQueue } from './crawl-queue.ts';

export interface WorkerOptions {
  readonly queue: CrawlQueue;
  /** The job types this worker runs (court: only where the person-opened portal session is). */
  readonly kinds: readonly CrawlJobKind[];
  /** Jobs run at once. */
  readonly concurrency: number;
  readonly classifier: TextClassifier;
  readonly config: CrawlConfig;
  readonly logger: Logger;
  /** Aborted: no more jobs are taken; running ones stop cleanly and go back to the queue. */
  readonly signal: AbortSignal;
  readonly court?: { readonly config?: CourtConfig; readonly storageStatePath?: string };
  /** Replaces crawlCourtSource (tests without a browser). */
  readonly crawlCourt?: (
    store: Store,
    source: ReturnType<typeof courtSources>[number],
    options: CrawlCourtOptions,
  ) => Promise<SourceReport>;
  readonly onRequest?: RequestListener;
  readonly extract?: PageExtractor;
  /** This worker's name in leases and logs (default host:pid:random). */
  readonly holder?: string;
}

export interface WorkerSummary {
  readonly holder: string;
  /** Jobs this worker ran to an end (completed, failed or handed back). */
  readonly jobs: number;
  /** Jobs of dead workers it handed back to the queue. */
  readonly reaped: number;
}

export const workerId = () => `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`;

/** Lease names of a source: one source, one worker. */
export const sourceLease = (sourceId: string) => `source:${sourceId}`;

class JobStopped extends Error {}

export async function runWorker(store: Store, o: WorkerOptions): Promise<WorkerSummary> {
  if (store.traits.name !== 'postgres') {
    throw usageError(
      'soz worker needs PostgreSQL (set DATABASE_URL): with SQLite the crawl runs in one process, `soz crawl`',
    );
  }
  if (o.kinds.length === 0) throw usageError('a worker needs at least one job type (news, court)');
  const holder = o.holder ?? workerId();
  const settings = o.queue.settings;
  const leaseMs = settings.leaseSeconds * 1000;
  const pollMs = settings.pollSeconds * 1000;
  const log = o.logger;
  const limiter = new SharedHostLimiter(store, {
    holder,
    // A request ends by its timeout; its slot outlives it a little, and then frees itself if the worker died.
    slotTtlMs: o.config.requestTimeoutMs + 10_000,
    logger: log,
  });
  let jobs = 0;
  let reaped = 0;
  let lastReap = Number.NEGATIVE_INFINITY;

  // A worker killed between storing a batch and queueing its candidates left them unqueued.
  const requeued = await requeueCandidates(store);
  if (requeued > 0) log.warn(`worker ${holder}: queued ${requeued} candidate(s) a killed crawl had stored`);
  log.info(`worker ${holder}: taking ${o.kinds.join(' and ')} jobs, ${o.concurrency} at a time`);

  /** The job of a worker whose lease ran out: back to the queue, its source's run marked as lost. */
  const handBack = async (lease: Lease, why: string) => {
    if (!lease.jobId || !lease.queue) return;
    const found = await o.queue.lookup(lease.queue, lease.jobId);
    if (found?.state !== 'active') return; // finished after all, or already taken again
    const { runId, sourceId } = found.data;
    // Recorded before the job is handed back: once it is, another worker may take it and start afresh.
    const retrying = found.retriesLeft > 0;
    await markSourceRunLost(
      store,
      runId,
      sourceId,
      `worker ${lease.holder} ${why}; ${retrying ? 'the job went back to the queue' : 'no retries left'}`,
      retrying,
    );
    await o.queue.failByQueueName(lease.queue, lease.jobId, `worker ${lease.holder} ${why}`);
    reaped += 1;
    log.warn(
      `worker ${holder}: ${sourceId} (run #${runId}): worker ${lease.holder} ${why}; ${retrying ? 'job handed back' : 'job failed, no retries left'}`,
    );
    const closed = await finishQueuedRunIfDone(store, runId);
    if (closed) log.info(`crawl run #${runId}: ${closed}`);
  };

  const reap = async () => {
    if (performance.now() - lastReap < pollMs) return;
    lastReap = performance.now();
    for (const lease of await claimExpiredLeases(store)) await handBack(lease, 'stopped answering');
  };

  const runJob = async (job: CrawlJob) => {
    const { runId, sourceId } = job.data;
    const queueName = CRAWL_QUEUES[job.kind];
    const leaseName = sourceLease(sourceId);
    const lease = await acquireLease(store, {
      name: leaseName,
      holder,
      ttlMs: leaseMs,
      jobId: job.id,
      queue: queueName,
    });
    if (!lease.acquired) {
      // An earlier run's job for this source is still running elsewhere: this one waits its turn.
      const wait = Math.max(settings.pollSeconds, lease.held.expiresInMs / 1000);
      await o.queue.defer(job, wait, `source busy with ${lease.held.holder}`);
      log.info(
        `worker ${holder}: ${sourceId} (run #${runId}) is being crawled by ${lease.held.holder}; put off`,
      );
      return;
    }
    if (lease.replaced?.jobId && lease.replaced.jobId !== job.id) {
      await handBack(lease.replaced, 'stopped answering').catch((e) =>
        log.warn(`worker ${holder}: could not hand back ${lease.replaced?.jobId}: ${describeError(e)}`),
      );
    }
    jobs += 1;
    const tag = `${job.kind} ${sourceId} (run #${runId}, job ${job.id.slice(0, 8)}, attempt ${job.attempt + 1})`;
    log.info(`worker ${holder}: started ${tag}`);

    const controller = new AbortController();
    type Why = 'stopping' | 'deadline' | 'lease lost';
    const state: { why: Why | null } = { why: null };
    const stop = (reason: Why) => {
      if (state.why) return;
      state.why = reason;
      controller.abort(new JobStopped(reason));
    };
    const onStop = () => stop('stopping');
    o.signal.addEventListener('abort', onStop, { once: true });
    if (o.signal.aborted) stop('stopping');
    // Stop before the queue counts the job as lost: a tenth of its time, at most a minute, before.
    const budgetMs = job.expireInSeconds * 1000;
    const deadline = setTimeout(() => stop('deadline'), budgetMs - Math.min(60_000, budgetMs / 10));
    let renewedAt = performance.now();
    const heartbeat = setInterval(() => {
      renewLease(store, leaseName, holder, leaseMs).then(
        (mine) => {
          if (mine) renewedAt = performance.now();
          else stop('lease lost');
        },
        (error) => {
          // The database is out of reach: once the lease may have run out, another worker may take over.
          if (performance.now() - renewedAt > leaseMs * 0.8) stop('lease lost');
          log.warn(`worker ${holder}: lease of ${sourceId} not renewed: ${describeError(error)}`);
        },
      );
    }, leaseMs / 3);

    let report: SourceReport | null = null;
    let failure: unknown = null;
    try {
      if (await resetSourceRun(store, runId, sourceId))
        log.info(`worker ${holder}: ${sourceId} (run #${runId}): an earlier attempt's counts were reset`);
      if (job.attempt > 0 || lease.replaced) {
        const n = await requeueCandidates(store);
        if (n > 0) log.warn(`worker ${holder}: queued ${n} candidate(s) a lost worker had stored`);
      }
      report =
        job.kind === 'news'
          ? await crawlNews(job, controller.signal)
          : await crawlCourt(job, controller.signal);
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(deadline);
      clearInterval(heartbeat);
      o.signal.removeEventListener('abort', onStop);
    }

    const { why } = state;
    if (why === 'lease lost') {
      // Another worker has (or will have) this job: leave the job and the lease alone.
      log.warn(`worker ${holder}: lost the lease of ${tag}; left to the worker that takes it over`);
      return;
    }
    try {
      if (failure || why === 'stopping') {
        const reason = failure
          ? `worker ${holder} failed: ${describeError(failure)}`
          : `worker ${holder} stopped before the end`;
        const retrying = job.attempt < job.retryLimit;
        const next = retrying ? 'the job went back to the queue' : 'no retries left';
        await markSourceRunLost(store, runId, sourceId, `${reason}; ${next}`, retrying);
        await o.queue.fail(job, reason);
        log[failure ? 'error' : 'info'](`worker ${holder}: ${tag}: ${reason}; ${next}`);
      } else {
        await o.queue.complete(job, {
          status: report!.status,
          found: report!.found,
          newItems: report!.newItems,
          updated: report!.updated,
          failed: report!.failed,
          worker: holder,
          ...(why === 'deadline' ? { note: 'stopped at the end of the job time; the next run goes on' } : {}),
        });
        log.info(
          `worker ${holder}: finished ${tag}: ${report!.status}, found ${report!.found}, new ${report!.newItems}, updated ${report!.updated}, unchanged ${report!.unchanged}, failed ${report!.failed}`,
        );
      }
    } finally {
      await releaseLease(store, leaseName, holder);
    }
    const closed = await finishQueuedRunIfDone(store, runId);
    if (closed) log.info(`crawl run #${runId}: ${closed}`);
  };

  const crawlNews = async (job: CrawlJob, signal: AbortSignal): Promise<SourceReport> => {
    const source = job.data.source;
    if (!source) throw new Error(`the job of ${job.data.sourceId} carries no source definition`);
    const fetcher = new PoliteFetcher(o.config, o.onRequest, limiter);
    try {
      return await crawlSource(source, {
        store,
        runId: job.data.runId,
        fetcher,
        classifier: o.classifier,
        since: job.data.since ?? (await defaultSince(store, source.id, o.config)),
        maxPages: job.data.maxPages ?? o.config.maxArticlesPerSource,
        signal,
        extract: o.extract,
      });
    } finally {
      fetcher.close();
    }
  };

  const crawlCourt = async (job: CrawlJob, signal: AbortSignal): Promise<SourceReport> => {
    const config = o.court?.config ?? loadCourtConfig();
    const source = courtSources(config).find((s) => s.id === job.data.sourceId);
    if (!source)
      throw new Error(`no court source "${job.data.sourceId}" in this worker's court configuration`);
    return (o.crawlCourt ?? crawlCourtSource)(store, source, {
      classifier: o.classifier,
      config,
      runId: job.data.runId,
      signal,
      ...(o.court?.storageStatePath ? { storageStatePath: o.court.storageStatePath } : {}),
      ...(job.data.maxPages !== null ? { maxPages: job.data.maxPages } : {}),
    });
  };

  const slot = async (n: number) => {
    let turn = n;
    while (!o.signal.aborted) {
      let job: CrawlJob | null = null;
      try {
        await reap();
        for (let i = 0; i < o.kinds.length && !job; i++)
          job = await o.queue.take(o.kinds[(turn + i) % o.kinds.length]!);
        turn += 1;
      } catch (error) {
        log.error(`worker ${holder}: the queue is out of reach: ${describeError(error)}`);
      }
      if (!job) {
        await sleep(pollMs, o.signal);
        continue;
      }
      try {
        await runJob(job);
      } catch (error) {
        // The database failed around the job (lease, counts): the queue's expiry hands the job back.
        log.error(
          `worker ${holder}: ${job.kind} job ${job.id} of ${job.data.sourceId}: ${describeError(error)}`,
        );
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, (_, i) => slot(i)));
  } finally {
    await releaseHolderSlots(store, holder).catch((error) =>
      // They expire by themselves; until then their hosts have a slot less.
      log.warn(`worker ${holder}: could not free its host slots: ${describeError(error)}`),
    );
  }
  log.info(`worker ${holder}: stopped after ${jobs} job(s)`);
  return { holder, jobs, reaped };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
