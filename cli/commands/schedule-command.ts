// `soz schedule`: stays running and crawls on the cron schedule of config/crawl.json (default 02:00
// Asia/Almaty); a crawl still running when the next is due is skipped, never doubled. Ctrl-C stops it.
// On PostgreSQL it queues the night's jobs for `soz worker` instead (one per source), and a second
// scheduler started by mistake (or as a standby) does not queue them twice.
import { EXIT } from '../../core/index.ts';
import {
  CrawlQueue,
  DEFAULT_SOURCES_FILE,
  enqueueCrawl,
  formatSourceReport,
  loadCrawlConfig,
  loadSources,
  runCrawl,
  scheduleCrawls,
  selectSources,
  workerId,
  workerSettings,
} from '../../crawlers/index.ts';
import { acquireLease, resolveLocation } from '../../storage/index.ts';
import { openClassifier } from '../classifier/open-classifier.ts';
import { type Command, listOption, stringOption } from '../command.ts';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run the crawl nightly on a cron schedule (stays in the foreground)',
  help: `Usage: soz [--db PATH] schedule [--sources FILE] [--source ID]... [--cron EXPR] [--timezone TZ] [--now]

  --cron EXPR      cron expression (default from config/crawl.json: "0 2 * * *")
  --timezone TZ    time zone of the expression (default Asia/Almaty)
  --now            also crawl once right away

Logs each run (start, one line per source, end) to stderr. See docs/scheduling.md for crontab and
systemd equivalents. With DATABASE_URL (PostgreSQL) each night's crawl is queued as one job per news
source for 'soz worker' processes, on any machines (docs/deployment.md).`,
  options: {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    cron: { type: 'string' },
    timezone: { type: 'string' },
    now: { type: 'boolean' },
  },
  async run(ctx) {
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    const ids = listOption(ctx, 'source');
    selectSources(loadSources(file), ids, file); // fail now, not at 02:00
    const config = loadCrawlConfig();
    // The dataset's known names count as targets; they are read again before each run (below), so names
    // reviewers confirmed since the scheduler started are used by its next crawl.
    const { store, classifier } = await openClassifier(ctx);
    const where = resolveLocation({ path: ctx.dbPath });
    const queue =
      where.kind === 'postgres'
        ? await CrawlQueue.open({
            url: where.url,
            settings: workerSettings(config),
            onError: (error) => ctx.logger.warn(`queue: ${error.message}`),
            connections: 1,
          })
        : null;
    const holder = workerId();
    const crawl = async () => {
      // The registry is re-read each night, so edits apply without a restart.
      const sources = selectSources(loadSources(file), ids, file);
      if (queue) {
        // Whoever queues a night's jobs holds the "schedule" lease for a while: another scheduler on the
        // same database reaching the same time finds it held and queues nothing.
        const lease = await acquireLease(store, { name: 'schedule', holder, ttlMs: 10 * 60_000 });
        if (!lease.acquired) {
          ctx.logger.warn(`schedule: ${lease.held.holder} queued this crawl already; nothing queued here`);
          return;
        }
        const queued = await enqueueCrawl(store, queue, { news: sources, court: [] });
        ctx.logger.info(`crawl run #${queued.runId}: queued ${queued.news} job(s) for soz worker`);
        return;
      }
      const names = await classifier.refresh();
      ctx.logger.info(
        `known names: ${names.people} people, ${names.outlets} outlets${names.added ? ` (${names.added} new since the last run)` : ''}`,
      );
      const report = await runCrawl(store, { sources, classifier, signal: ctx.signal });
      for (const s of report.sources) ctx.logger.info(`  ${formatSourceReport(s)}`);
      ctx.logger.info(`crawl run #${report.runId}: ${report.status}`);
    };
    const handle = scheduleCrawls({
      cron: stringOption(ctx, 'cron') ?? config.schedule.cron,
      timezone: stringOption(ctx, 'timezone') ?? config.schedule.timezone,
      run: crawl,
      logger: ctx.logger,
    });
    ctx.logger.info(`schedule: next crawl at ${handle.nextRun()?.toISOString() ?? 'never'}`);
    if (ctx.values.now) await crawl();
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) return resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    handle.stop();
    while (handle.busy()) await new Promise((r) => setTimeout(r, 200));
    await queue?.close();
    ctx.logger.info('schedule: stopped');
    return EXIT.ok;
  },
};
