// The crawl job queue: pg-boss (10.x, the line that runs on Node 20) on the project's PostgreSQL database, in
// its own schema `pgboss`. One job per source and run; two job types, each a queue of its own, so that a
// worker chooses what it runs: `news` (HTTP, any machine) and `court` (the portal's browser work, on the one
// machine with the person-opened session). Jobs are taken with SKIP LOCKED (each by one worker), retried
// after a failure or a lost worker, and expire if never completed (pg-boss's own backstop).
import PgBoss from 'pg-boss';
import type { NewsSource } from '../sources/news-source.ts';
import type { WorkerSettings } from './worker-settings.ts';

export type CrawlJobKind = 'news' | 'court';
export const CRAWL_JOB_KINDS: readonly CrawlJobKind[] = ['news', 'court'];

/** pg-boss queue names. */
export const CRAWL_QUEUES: Readonly<Record<CrawlJobKind, string>> = {
  news: 'soz-crawl-news',
  court: 'soz-crawl-court',
};

export interface CrawlJobData {
  readonly runId: number;
  readonly sourceId: string;
  /** The news source as the enqueuing registry defined it: a worker needs no registry of its own. */
  readonly source?: NewsSource;
  readonly since: string | null;
  readonly maxPages: number | null;
}

export interface CrawlJob {
  readonly id: string;
  readonly kind: CrawlJobKind;
  readonly data: CrawlJobData;
  /** 0 the first time; more when an earlier attempt's worker died or the job failed. */
  readonly attempt: number;
  readonly retryLimit: number;
  /** How long the queue gives the job before it counts its worker as dead. */
  readonly expireInSeconds: number;
}

export interface CrawlQueueOptions {
  /** A PostgreSQL URL (the project's database: the queue's tables live beside ours). */
  readonly url: string;
  readonly settings: WorkerSettings;
  /** Errors of pg-boss's background work (maintenance, lost connections): logged, never thrown. */
  readonly onError: (error: Error) => void;
  /** Connections pg-boss keeps (default 3). */
  readonly connections?: number;
}

export class CrawlQueue {
  private constructor(
    private readonly boss: PgBoss,
    readonly settings: WorkerSettings,
  ) {}

  /** Connects, installs or upgrades the queue's schema if needed, and makes sure both queues exist. */
  static async open(options: CrawlQueueOptions): Promise<CrawlQueue> {
    const boss = new PgBoss({
      connectionString: options.url,
      max: options.connections ?? 3,
      application_name: 'soz-crawl-queue',
      // Expiry of jobs whose worker vanished before it leased its source, and archiving: every instance
      // may run it, pg-boss lets one at a time do so.
      supervise: true,
      maintenanceIntervalSeconds: 60,
      schedule: false,
    });
    boss.on('error', options.onError);
    await boss.start();
    for (const name of Object.values(CRAWL_QUEUES))
      await boss.createQueue(name, { name, policy: 'standard' });
    return new CrawlQueue(boss, options.settings);
  }

  /** Queues one job per source; returns the job ids in order. */
  async enqueue(kind: CrawlJobKind, jobs: readonly CrawlJobData[]): Promise<string[]> {
    const s = this.settings;
    const minutes = kind === 'court' ? s.courtJobMinutes : s.newsJobMinutes;
    const ids: string[] = [];
    for (const data of jobs) {
      const id = await this.boss.send(CRAWL_QUEUES[kind], data as unknown as object, {
        retryLimit: s.retryLimit,
        retryDelay: s.retryDelaySeconds,
        expireInSeconds: Math.round(minutes * 60),
      });
      if (!id) throw new Error(`the queue refused the ${kind} job of source ${data.sourceId}`);
      ids.push(id);
    }
    return ids;
  }

  /** The next job of this kind, now this worker's (active), or null when none is waiting. */
  async take(kind: CrawlJobKind): Promise<CrawlJob | null> {
    const [job] = await this.boss.fetch<CrawlJobData>(CRAWL_QUEUES[kind], {
      batchSize: 1,
      includeMetadata: true,
    });
    if (!job) return null;
    return {
      id: job.id,
      kind,
      data: job.data,
      attempt: job.retryCount,
      retryLimit: job.retryLimit,
      expireInSeconds: Number(job.expireInSeconds ?? intervalSeconds(job.expireIn)),
    };
  }

  async complete(job: CrawlJob, output: Record<string, unknown>): Promise<void> {
    await this.boss.complete(CRAWL_QUEUES[job.kind], job.id, output);
  }

  /** Gives the job back: tried again after the retry delay while retries remain, else failed for good. */
  async fail(job: Pick<CrawlJob, 'id' | 'kind'>, reason: string): Promise<void> {
    await this.boss.fail(CRAWL_QUEUES[job.kind], job.id, { message: reason });
  }

  /** A job of another worker, by the queue name its lease recorded (the reaper). */
  async failByQueueName(queue: string, jobId: string, reason: string): Promise<void> {
    await this.boss.fail(queue, jobId, { message: reason });
  }

  /** A job's state (created, retry, active, completed, failed, cancelled), data and retries left. */
  async lookup(
    queue: string,
    jobId: string,
  ): Promise<{ readonly state: string; readonly data: CrawlJobData; readonly retriesLeft: number } | null> {
    const job = await this.boss.getJobById<CrawlJobData>(queue, jobId, { includeArchive: true });
    return job
      ? { state: job.state, data: job.data, retriesLeft: Math.max(0, job.retryLimit - job.retryCount) }
      : null;
  }

  /**
   * Puts the job off: the same work as a new job that starts after `seconds`, and this one completed as
   * deferred (not failed: waiting for a busy source must not use up the job's retries).
   */
  async defer(job: CrawlJob, seconds: number, reason: string): Promise<string> {
    const s = this.settings;
    const minutes = job.kind === 'court' ? s.courtJobMinutes : s.newsJobMinutes;
    const id = await this.boss.sendAfter(
      CRAWL_QUEUES[job.kind],
      job.data as unknown as object,
      {
        retryLimit: s.retryLimit,
        retryDelay: s.retryDelaySeconds,
        expireInSeconds: Math.round(minutes * 60),
      },
      Math.max(1, Math.ceil(seconds)),
    );
    if (!id) throw new Error(`the queue refused to put off the job of source ${job.data.sourceId}`);
    await this.boss.complete(CRAWL_QUEUES[job.kind], job.id, { deferred: true, reason, next: id });
    return id;
  }

  /** Jobs of this kind not finished yet: waiting, to be retried, or running. */
  async unfinished(kind: CrawlJobKind): Promise<number> {
    return this.boss.getQueueSize(CRAWL_QUEUES[kind], { before: 'completed' });
  }

  /** Jobs waiting to be taken (not running). */
  async waiting(kind: CrawlJobKind): Promise<number> {
    return this.boss.getQueueSize(CRAWL_QUEUES[kind]);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, close: true, wait: true });
  }
}

export function crawlJobKind(queue: string): CrawlJobKind | null {
  for (const kind of CRAWL_JOB_KINDS) if (CRAWL_QUEUES[kind] === queue) return kind;
  return null;
}

function intervalSeconds(value: unknown): number {
  const v = value as { hours?: number; minutes?: number; seconds?: number } | null;
  return (v?.hours ?? 0) * 3600 + (v?.minutes ?? 0) * 60 + (v?.seconds ?? 0);
}
