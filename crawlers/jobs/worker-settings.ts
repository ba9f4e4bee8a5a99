// The "workers" block of config/crawl.json: how crawl jobs are leased, timed and retried (soz worker).
import { inputError } from '../../core/index.ts';
import { CRAWL_CONFIG_FILE, type CrawlConfig } from '../fetch/crawl-config.ts';

export interface WorkerSettings {
  /**
   * A worker renews the lease on the source it crawls every third of this; a worker that dies (killed,
   * machine gone) stops renewing, and another hands its job back to the queue once the lease runs out.
   */
  readonly leaseSeconds: number;
  /** Longest a news source's job may take: the crawl stops cleanly (what it fetched is kept) a bit before. */
  readonly newsJobMinutes: number;
  /** Same for the court portal's job (browser work is slower). */
  readonly courtJobMinutes: number;
  /** Times a job is tried again after its worker died or it failed with an error. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** How often an idle worker asks the queue for a job. */
  readonly pollSeconds: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  leaseSeconds: 30,
  newsJobMinutes: 30,
  courtJobMinutes: 180,
  retryLimit: 3,
  retryDelaySeconds: 30,
  pollSeconds: 2,
};

/** pg-boss refuses polling faster than every half second and jobs longer than a day. */
const LIMITS: Record<keyof WorkerSettings, [min: number, max: number]> = {
  leaseSeconds: [1, 3600],
  newsJobMinutes: [1, 23 * 60],
  courtJobMinutes: [1, 23 * 60],
  retryLimit: [0, 100],
  retryDelaySeconds: [0, 86_400],
  pollSeconds: [0.5, 600],
};

export function workerSettings(config: CrawlConfig, file = CRAWL_CONFIG_FILE): WorkerSettings {
  const given = config.workers ?? {};
  const out: Record<string, number> = { ...DEFAULT_WORKER_SETTINGS };
  for (const [key, value] of Object.entries(given)) {
    const limits = LIMITS[key as keyof WorkerSettings];
    if (!limits) throw inputError(`${file}: field "workers.${key}" is not a worker setting`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < limits[0] || value > limits[1])
      throw inputError(`${file}: field "workers.${key}" must be a number from ${limits[0]} to ${limits[1]}`);
    out[key] = value;
  }
  if (!Number.isInteger(out.retryLimit))
    throw inputError(`${file}: field "workers.retryLimit" must be whole`);
  return out as unknown as WorkerSettings;
}
