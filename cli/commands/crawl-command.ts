// `soz crawl`: discovers, fetches, extracts and stores news from the sources registry, and searches the
// court portal, classifying every new or changed item in the same run. The registry and options are
// checked before the database is opened, so a typo costs nothing. Ends with one line per source; exit 0
// when at least one succeeded.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, parseDate, usageError } from '../../core/index.ts';
import {
  COURT_CONFIG_FILE,
  type CourtSource,
  CrawlQueue,
  courtSources,
  crawlCourtSource,
  DEFAULT_SOURCES_FILE,
  defaultCourtSessionPath,
  enqueueCrawl,
  formatSourceReport,
  loadCourtConfig,
  loadCrawlConfig,
  loadSources,
  type NewsSource,
  type ProgressEvent,
  placeholderContact,
  runCrawl,
  type SourceReport,
  selectSources,
  workerSettings,
} from '../../crawlers/index.ts';
import { resolveLocation } from '../../storage/index.ts';
import { openClassifier } from '../classifier/open-classifier.ts';
import { type Command, type CommandContext, intOption, listOption, stringOption } from '../command.ts';

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'fetch new articles and court cases, and classify them',
  help: `Usage: soz [--db PATH] crawl [--sources FILE] [--source ID]... [--since DATE] [--max-pages N]
                                [--court-config FILE] [--storage-state FILE] [--no-court]

  --sources FILE        the news sources registry (default config/sources.json)
  --source ID           crawl only this source, news or court (repeatable; default: every enabled
                        news source, plus the court portal unless --sources names another registry)
  --since DATE          skip articles published before DATE (YYYY-MM-DD; default: each source's
                        last successful crawl minus a day)
  --max-pages N         fetch at most N article pages (court: result pages per search) per source
  --court-config FILE   the whole court configuration: portals, addresses, searches, menu texts,
                        fields, selectors, texts (default config/court.json; see docs/court-portal.md)
  --storage-state FILE  the court portal's session saved by \`soz court session\` (Playwright storage
                        state); default: court-session.json next to the database, when it exists
  --no-court            leave the court portal out
  --enqueue             PostgreSQL only: queue one job per source for 'soz worker' processes (on any
                        machines) instead of crawling here; prints the run's number and returns

Prints one line per source: found, new, updated, unchanged, failed, and the failure reasons.
Exit 0 when at least one source succeeded, 1 when all failed.`,
  options: {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    since: { type: 'string' },
    'max-pages': { type: 'string' },
    'court-config': { type: 'string' },
    'storage-state': { type: 'string' },
    'no-court': { type: 'boolean' },
    enqueue: { type: 'boolean' },
  },
  async run(ctx) {
    const registry = stringOption(ctx, 'sources');
    const file = registry ?? DEFAULT_SOURCES_FILE;
    const courtConfigFile = stringOption(ctx, 'court-config') ?? COURT_CONFIG_FILE;
    const courtConfig = ctx.values['no-court'] ? null : loadCourtConfig(courtConfigFile);
    const { news, court } = chooseSources({
      news: loadSources(file),
      file,
      court: courtConfig ? courtSources(courtConfig) : [],
      ids: listOption(ctx, 'source'),
      // A registry of one's own (a test, a trial) does not drag the real court portal in.
      courtByDefault: registry === undefined,
    });
    const sinceText = stringOption(ctx, 'since');
    const since = sinceText ? parseDate(sinceText, '--since') : undefined;
    const maxPages = ctx.values['max-pages'] === undefined ? undefined : intOption(ctx, 'max-pages', 0, 1);
    // The court session and the pages the crawler could not understand live next to the database.
    const location = resolveLocation({ path: ctx.dbPath });
    const sqlitePath = location.kind === 'sqlite' ? location.path : null;
    const defaultSession = defaultCourtSessionPath(sqlitePath);
    const storageStatePath =
      stringOption(ctx, 'storage-state') ??
      (court.length > 0 && existsSync(defaultSession) ? defaultSession : undefined);
    const diagnosticsDir = join(sqlitePath ? dirname(sqlitePath) : 'data', 'court-diagnostics');
    const config = loadCrawlConfig();
    if (ctx.values.enqueue) return enqueue(ctx, { news, court, since, maxPages });
    const contact = placeholderContact(config.userAgent);
    if (contact && news.length > 0) {
      ctx.logger.warn(
        `config/crawl.json: the User-Agent's contact ${contact} reaches no one; set "userAgent" to your own contact page before crawling real outlets`,
      );
    }
    // The model, the database and the dataset's known names, read once per run: the names count as targets.
    const { store, classifier } = await openClassifier(ctx);
    const progress = ctx.progress('crawl', 0);
    let total = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.type === 'discovered') {
        total += e.toFetch;
        progress.setTotal(total);
      } else if (e.type === 'article') progress.tick(1, e.sourceId);
    };
    const reports: SourceReport[] = [];
    if (news.length > 0) {
      const report = await runCrawl(store, {
        sources: news,
        classifier,
        config,
        since,
        maxPages,
        onProgress,
        signal: ctx.signal,
      });
      if (report.closedAbandoned.length > 0) {
        ctx.logger.warn(
          `closed ${report.closedAbandoned.length} crawl run(s) left unfinished by a killed process`,
        );
      }
      if (report.requeued > 0) {
        ctx.logger.warn(
          `queued ${report.requeued} candidate(s) that a killed crawl had stored but not queued`,
        );
      }
      ctx.logger.info(`crawl run #${report.runId}: ${report.status}`);
      reports.push(...report.sources);
    }
    // The court portal needs a browser: it runs after the news, recorded as a run of its own; its failure
    // or captcha is reported like any source's and stops nothing else.
    for (const source of court) {
      if (ctx.signal.aborted) break;
      reports.push(
        await crawlCourtSource(store, source, {
          classifier,
          config: courtConfig ?? undefined,
          storageStatePath,
          maxPages,
          signal: ctx.signal,
          diagnosticsDir,
        }),
      );
    }
    progress.done();
    for (const s of reports) ctx.out(formatSourceReport(s));
    return reports.some((s) => s.status === 'succeeded') ? EXIT.ok : EXIT.failure;
  },
};

/** Splits the requested ids between the news registry and the court portal, naming any unknown id. */
function chooseSources(o: {
  news: readonly NewsSource[];
  file: string;
  court: readonly CourtSource[];
  ids: readonly string[];
  courtByDefault: boolean;
}): { news: NewsSource[]; court: CourtSource[] } {
  if (o.ids.length === 0)
    return { news: selectSources(o.news, [], o.file), court: o.courtByDefault ? [...o.court] : [] };
  const court = o.court.filter((c) => o.ids.includes(c.id));
  const newsIds = o.ids.filter((id) => !court.some((c) => c.id === id));
  if (newsIds.length > 0 && o.news.length === 0) throw usageError(`unknown source "${newsIds[0]}"`);
  return { news: newsIds.length > 0 ? selectSources(o.news, newsIds, o.file) : [], court };
}

/** `--enqueue`: the run and its jobs go to the queue; workers do the crawling. */
async function enqueue(
  ctx: CommandContext,
  o: { news: NewsSource[]; court: CourtSource[]; since?: string; maxPages?: number },
): Promise<number> {
  const where = resolveLocation({ path: ctx.dbPath });
  if (where.kind !== 'postgres') {
    throw usageError(
      `--enqueue needs PostgreSQL: set DATABASE_URL (the database is now ${where.path}); with SQLite, 'soz crawl' crawls in this process`,
    );
  }
  const store = await ctx.openStore();
  const queue = await CrawlQueue.open({
    url: where.url,
    settings: workerSettings(loadCrawlConfig()),
    onError: (error) => ctx.logger.warn(`queue: ${error.message}`),
    connections: 1,
  });
  try {
    const queued = await enqueueCrawl(store, queue, o);
    ctx.out(
      `crawl run #${queued.runId}: queued ${queued.news} news and ${queued.court} court job(s) for soz worker`,
    );
  } finally {
    await queue.close();
  }
  return EXIT.ok;
}
