// `soz schedule`: stays running and crawls on the cron schedule of config/crawl.json (default 02:00
// Asia/Almaty); a crawl still running when the next is due is skipped, never doubled. Ctrl-C stops it.
import { createClassifier } from '../../classifiers/index.ts';
import { EXIT } from '../../core/index.ts';
import {
  DEFAULT_SOURCES_FILE,
  formatSourceReport,
  loadCrawlConfig,
  loadSources,
  runCrawl,
  scheduleCrawls,
  selectSources,
} from '../../crawlers/index.ts';
import { type Command, listOption, stringOption } from '../command.ts';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run the crawl nightly on a cron schedule (stays in the foreground)',
  help: `Usage: soz [--db PATH] schedule [--sources FILE] [--source ID]... [--cron EXPR] [--timezone TZ] [--now]

  --cron EXPR      cron expression (default from config/crawl.json: "0 2 * * *")
  --timezone TZ    time zone of the expression (default Asia/Almaty)
  --now            also crawl once right away

Logs each run (start, one line per source, end) to stderr. See docs/scheduling.md for crontab and
systemd equivalents.`,
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
    const classifier = createClassifier();
    const store = await ctx.openStore();
    const crawl = async () => {
      // The registry is re-read each night, so edits apply without a restart.
      const sources = selectSources(loadSources(file), ids, file);
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
    ctx.logger.info('schedule: stopped');
    return EXIT.ok;
  },
};
