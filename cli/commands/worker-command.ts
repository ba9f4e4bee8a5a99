// `soz worker`: runs crawl jobs from the PostgreSQL queue (see crawlers/jobs/run-worker.ts) until stopped.
import { EXIT, usageError } from '../../core/index.ts';
import {
  COURT_CONFIG_FILE,
  CRAWL_JOB_KINDS,
  type CrawlJobKind,
  CrawlQueue,
  loadCourtConfig,
  loadCrawlConfig,
  placeholderContact,
  runWorker,
  workerSettings,
} from '../../crawlers/index.ts';
import { resolveLocation } from '../../storage/index.ts';
import { LIVE_CHECK_INTERVAL_MS } from '../classifier/live-classifier.ts';
import { openClassifier } from '../classifier/open-classifier.ts';
import { type Command, intOption, stringOption } from '../command.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run crawl jobs from the PostgreSQL queue (several machines, one database)',
  help: `Usage: DATABASE_URL=postgres://… soz worker [--concurrency N] [--jobs news,court]
                                        [--storage-state FILE] [--court-config FILE] [--crawl-config FILE]

Takes crawl jobs (one per source, queued by 'soz crawl --enqueue' or 'soz schedule') and runs them, N at a
time, beside any number of workers on other machines. A source is crawled by one worker at a time; the
per-host politeness limit of config/crawl.json holds for all workers together; a job whose worker dies
goes back to the queue once its lease runs out ("workers" in config/crawl.json) and another continues it.
Ctrl-C or SIGTERM: running jobs stop cleanly and go back to the queue.

  --concurrency N       jobs run at once (default 2)
  --jobs KINDS          news, court or news,court (default news). The court portal's browser work needs
                        the session a person opened: run --jobs court on that machine only
  --storage-state FILE  the court portal's saved session (Playwright storage-state JSON)
  --court-config FILE   default config/court.json
  --crawl-config FILE   politeness, timeouts and worker settings (default config/crawl.json)

Needs PostgreSQL: with SQLite, 'soz crawl' runs the whole crawl in one process. See docs/deployment.md.`,
  options: {
    concurrency: { type: 'string' },
    jobs: { type: 'string' },
    'storage-state': { type: 'string' },
    'court-config': { type: 'string' },
    'crawl-config': { type: 'string' },
  },
  async run(ctx) {
    const where = resolveLocation({ path: ctx.dbPath });
    if (where.kind !== 'postgres') {
      throw usageError(
        `soz worker needs PostgreSQL: set DATABASE_URL (the database is now ${where.path}); with SQLite, 'soz crawl' runs the crawl in one process`,
      );
    }
    const concurrency = intOption(ctx, 'concurrency', 2, 1);
    const kinds = (stringOption(ctx, 'jobs') ?? 'news').split(',').map((k) => k.trim());
    for (const k of kinds) {
      if (!CRAWL_JOB_KINDS.includes(k as CrawlJobKind))
        throw usageError(`--jobs: "${k}" is not a job type (${CRAWL_JOB_KINDS.join(', ')})`);
    }
    const crawlConfigFile = stringOption(ctx, 'crawl-config');
    const config = crawlConfigFile ? loadCrawlConfig(crawlConfigFile) : loadCrawlConfig();
    const settings = workerSettings(config, crawlConfigFile);
    const contact = placeholderContact(config.userAgent);
    if (contact) {
      ctx.logger.warn(
        `${crawlConfigFile ?? 'config/crawl.json'}: the User-Agent's contact ${contact} reaches no one; set "userAgent" to your own contact page before crawling real outlets`,
      );
    }
    // Checked now, not at the first court job.
    const court = kinds.includes('court')
      ? { config: loadCourtConfig(stringOption(ctx, 'court-config') ?? COURT_CONFIG_FILE) }
      : undefined;
    const storageStatePath = stringOption(ctx, 'storage-state');
    // The dataset's known names count as targets; a worker runs for weeks, so it checks for names reviewers
    // have confirmed since (a small query) and for a model soz train installed every few minutes, and rebuilds
    // its classifier between jobs' items.
    const { store, classifier } = await openClassifier(ctx);
    const namesCheck = setInterval(() => {
      classifier
        .refreshIfChanged()
        .catch((error) => ctx.logger.warn(`classifier not refreshed: ${(error as Error).message}`));
    }, LIVE_CHECK_INTERVAL_MS);
    namesCheck.unref();
    const queue = await CrawlQueue.open({
      url: where.url,
      settings,
      onError: (error) => ctx.logger.warn(`queue: ${error.message}`),
    });
    try {
      await runWorker(store, {
        queue,
        kinds: kinds as CrawlJobKind[],
        concurrency,
        classifier,
        config,
        logger: ctx.logger,
        signal: ctx.signal,
        ...(court ? { court: { ...court, ...(storageStatePath ? { storageStatePath } : {}) } } : {}),
      });
    } finally {
      clearInterval(namesCheck);
      await queue.close();
    }
    return EXIT.ok;
  },
};
