// `soz crawl`: discovers, fetches, extracts and stores news from the sources registry, classifying every
// new or changed item in the same run. The registry and options are checked before the database is
// opened, so a typo costs nothing. Ends with one line per source; exit 0 when at least one succeeded.
import { createClassifier } from '../../classifiers/index.ts';
import { EXIT, parseDate } from '../../core/index.ts';
import {
  DEFAULT_SOURCES_FILE,
  formatSourceReport,
  loadSources,
  type ProgressEvent,
  runCrawl,
  selectSources,
} from '../../crawlers/index.ts';
import { type Command, intOption, listOption, stringOption } from '../command.ts';

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'fetch new articles from the news sources and classify them',
  help: `Usage: soz [--db PATH] crawl [--sources FILE] [--source ID]... [--since DATE] [--max-pages N]

  --sources FILE   the sources registry (default config/sources.json)
  --source ID      crawl only this source (repeatable; default: every enabled source)
  --since DATE     skip articles published before DATE (YYYY-MM-DD; default: each source's
                   last successful crawl minus a day)
  --max-pages N    fetch at most N article pages per source (default from config/crawl.json)

Prints one line per source: found, new, updated, unchanged, failed, and the failure reasons.
Exit 0 when at least one source succeeded, 1 when all failed.`,
  options: {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    since: { type: 'string' },
    'max-pages': { type: 'string' },
  },
  async run(ctx) {
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    const sources = selectSources(loadSources(file), listOption(ctx, 'source'), file);
    const sinceText = stringOption(ctx, 'since');
    const since = sinceText ? parseDate(sinceText, '--since') : undefined;
    const maxPages = ctx.values['max-pages'] === undefined ? undefined : intOption(ctx, 'max-pages', 0, 1);
    const classifier = createClassifier(); // before the database: a missing model leaves it untouched
    const store = await ctx.openStore();
    const progress = ctx.progress('crawl', 0);
    let total = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.type === 'discovered') {
        total += e.toFetch;
        progress.setTotal(total);
      } else if (e.type === 'article') progress.tick(1, e.sourceId);
    };
    const report = await runCrawl(store, {
      sources,
      classifier,
      since,
      maxPages,
      onProgress,
      signal: ctx.signal,
    });
    progress.done();
    if (report.closedAbandoned.length > 0)
      ctx.logger.warn(
        `closed ${report.closedAbandoned.length} crawl run(s) left unfinished by a killed process`,
      );
    for (const s of report.sources) ctx.out(formatSourceReport(s));
    ctx.logger.info(`crawl run #${report.runId}: ${report.status}`);
    return report.sources.some((s) => s.status === 'succeeded') ? EXIT.ok : EXIT.failure;
  },
};
