// One source, end to end: discover → skip known URLs → fetch the rest through a crawlee pool (our polite
// fetcher inside it) → decode → extract → ingest (language, store, classify, queue). Counts are saved to
// the crawl run as they grow; nothing here throws for a bad page or a dead site: it is counted and reported.
import { AutoscaledPool, Configuration, log as crawleeLog } from '@crawlee/core';
import type { Article, RawPage, SourceHealth, StageResult, TextClassifier } from '../../core/index.ts';
import { assessSourceHealth, describeError, median, reasonKey } from '../../core/index.ts';
import { decodePage, extractArticle, ingestArticles } from '../../pipeline/index.ts';
import {
  clearPendingUrl,
  knownUrls,
  knownUrlsFetchedAt,
  markPendingUrl,
  markSourceSucceeded,
  pendingUrls,
  type SourceRunStatus,
  type Store,
  saveFetchState,
  saveSourceHealth,
  sourceHealthHistory,
  startSourceRun,
  updateSourceRun,
} from '../../storage/index.ts';
import { healthThresholds } from '../fetch/crawl-config.ts';
import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { NewsSource } from '../sources/news-source.ts';
import { discoverLinks } from './discover-links.ts';
import type { DiscoveredLink } from './discovered-link.ts';

export interface SourceReport {
  readonly sourceId: string;
  readonly name: string;
  readonly status: SourceRunStatus;
  readonly found: number;
  readonly newItems: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Article pages requested in this run. */
  readonly fetched: number;
  /** Failure reasons, one per failed entry point or page (the first few; the rest are counted). */
  readonly errors: readonly string[];
  /** What this run measured of the source, and the flags raised against its earlier runs. */
  readonly health?: SourceHealth;
}

export type ProgressEvent =
  | { readonly type: 'discovered'; readonly sourceId: string; readonly toFetch: number }
  | { readonly type: 'article'; readonly sourceId: string; readonly url: string; readonly outcome: string }
  | { readonly type: 'source-done'; readonly report: SourceReport };

export interface CrawlSourceContext {
  readonly store: Store;
  readonly runId: number;
  readonly fetcher: PoliteFetcher;
  readonly classifier: TextClassifier;
  readonly since: string | null;
  readonly maxPages: number;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  /** Fixed "now" for relative dates in extraction (tests). */
  readonly now?: Date;
  /** Replaces decode + extract (benchmarks isolating the crawl layer; sources needing their own parser). */
  readonly extract?: PageExtractor;
}

/** What discovery knew of a page: whether the outlet lists it as news, and its feed description. */
export interface LinkHints {
  readonly listed: boolean;
  readonly summary: string | null;
}

export type PageExtractor = (
  page: RawPage,
  source: NewsSource,
  now?: Date,
  hints?: LinkHints,
) => StageResult<Article>;

/** The pipeline's decode and extract stages, with the source's selectors and language hint. */
export const pipelineExtractor: PageExtractor = (page, source, now, hints) =>
  extractArticle(decodePage(page), {
    sourceId: source.id,
    selectors: source.selectors,
    langHint: source.lang ?? undefined,
    now,
    listed: hints?.listed,
    listedSummary: hints?.summary,
  });

/** Whether the outlet lists a link as news: its feed, news sitemap or listing says so, or the source's pattern. */
export function linkHints(link: DiscoveredLink | undefined, url: string, source: NewsSource): LinkHints {
  const pattern = source.articlePattern ? new RegExp(source.articlePattern) : null;
  return {
    listed: Boolean(link?.listed) || pattern?.test(url) === true,
    summary: link?.summary ?? null,
  };
}

const MAX_REPORTED_ERRORS = 20;

// crawlee's own progress lines would interleave with ours; its warnings and errors still show.
if (!process.env.CRAWLEE_LOG_LEVEL) crawleeLog.setLevel(crawleeLog.LEVELS.WARNING);

export async function crawlSource(source: NewsSource, ctx: CrawlSourceContext): Promise<SourceReport> {
  const { store, runId, fetcher } = ctx;
  const counts = { found: 0, newItems: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: string[] = [];
  let extraErrors = 0;
  let fetched = 0;
  const addError = (message: string) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(message);
    else extraErrors += 1;
  };
  const allErrors = () => (extraErrors > 0 ? [...errors, `… and ${extraErrors} more`] : errors);
  // Source health: every page not stored is counted by reason; every extracted body is measured.
  const rejected: Record<string, number> = {};
  const reject = (reason: string) => {
    const key = reasonKey(reason);
    rejected[key] = (rejected[key] ?? 0) + 1;
  };
  let linksListed: number | null = 0;
  const bodies: { length: number; dated: boolean; by: string; short: boolean; fallback: boolean }[] = [];
  const languages: Record<string, number> = {};
  await startSourceRun(store, runId, source.id);
  const finish = async (status: SourceRunStatus): Promise<SourceReport> => {
    await updateSourceRun(store, runId, source.id, counts, allErrors(), status);
    const health = await measureHealth(status);
    const report: SourceReport = {
      sourceId: source.id,
      name: source.name,
      status,
      ...counts,
      fetched,
      errors: allErrors(),
      health,
    };
    ctx.onProgress?.({ type: 'source-done', report });
    return report;
  };
  const measureHealth = async (status: SourceRunStatus): Promise<SourceHealth> => {
    const extractedBy: Record<string, number> = {};
    for (const b of bodies) extractedBy[b.by] = (extractedBy[b.by] ?? 0) + 1;
    const measured: Omit<SourceHealth, 'flags'> = {
      status,
      linksFound: linksListed,
      fetched,
      extracted: bodies.length,
      stored: counts.newItems + counts.updated,
      short: bodies.filter((b) => b.short).length,
      fallbacks: bodies.filter((b) => b.fallback).length,
      rejected,
      medianBodyChars: median(bodies.map((b) => b.length)),
      datedShare: bodies.length ? bodies.filter((b) => b.dated).length / bodies.length : null,
      languages,
      extractedBy,
    };
    const thresholds = healthThresholds(fetcher.config);
    const history = await sourceHealthHistory(store, source.id, runId, thresholds.historyRuns);
    const health = { ...measured, flags: assessSourceHealth(measured, history, thresholds) };
    await saveSourceHealth(store, runId, source.id, health);
    return health;
  };

  let discovery: Awaited<ReturnType<typeof discoverLinks>>;
  try {
    discovery = await discoverLinks(source, {
      store,
      fetcher,
      since: ctx.since,
      known: (urls) => knownUrls(store, urls),
      signal: ctx.signal,
    });
  } catch (error) {
    addError(`discovery failed: ${describeError(error)}`);
    reject('discovery failed');
    return finish('failed');
  }
  for (const e of discovery.errors) {
    addError(e);
    reject(e);
  }
  if (discovery.entryPointsOk === 0) return finish(discovery.blocked ? 'blocked' : 'failed');

  const links = selectLinks(discovery.links, source, ctx.since);
  // For source health: what the entry points list (the source's pattern applied), old or new. A moved
  // feed lists nothing; a quiet news day still lists yesterday's stories.
  // Entry points that answered 304 list nothing new: their links were not read, so not counted.
  linksListed =
    discovery.notModified > 0 && discovery.links.length === 0
      ? null
      : selectLinks(discovery.links, source, null).length;
  // Pages an earlier run could not fetch (timeout, 5xx) are tried again whatever their date.
  const pending = new Set(await pendingUrls(store, source.id));
  const listed = new Set(links.map((l) => l.url));
  for (const url of pending) {
    if (!listed.has(url)) links.push({ url, title: null, publishedAt: null, updatedAt: null });
  }
  counts.found = links.length;
  const known = await knownUrlsFetchedAt(
    store,
    links.map((l) => l.url),
  );
  const toFetch: DiscoveredLink[] = [];
  for (const link of links) {
    const fetchedAt = known.get(link.url);
    if (fetchedAt === undefined) toFetch.push(link);
    // A known article whose feed or sitemap entry says it changed after we fetched it.
    else if (link.updatedAt && link.updatedAt > fetchedAt) toFetch.push(link);
    else counts.unchanged += 1;
  }
  const linkByUrl = new Map(toFetch.map((l) => [l.url, l]));
  const truncated = toFetch.length > ctx.maxPages;
  if (truncated) {
    addError(
      `${toFetch.length - ctx.maxPages} more articles left for the next run (--max-pages ${ctx.maxPages})`,
    );
    toFetch.length = ctx.maxPages;
  }
  ctx.onProgress?.({ type: 'discovered', sourceId: source.id, toFetch: toFetch.length });
  await updateSourceRun(store, runId, source.id, counts, allErrors());

  let sinceSave = 0;
  const progressed = async (url: string, label: string) => {
    ctx.onProgress?.({ type: 'article', sourceId: source.id, url, outcome: label });
    sinceSave += 1;
    if (sinceSave >= fetcher.config.progressEvery) {
      sinceSave = 0;
      await updateSourceRun(store, runId, source.id, counts, allErrors());
    }
  };
  // Extracted articles wait here (text only, never the page bytes) and are stored a batch at a time, in
  // one transaction: a commit per page cost more than the fetch. A batch is stored when full, when its
  // oldest article has waited batchMaxWaitMs (a slow, rate-limited host loses little to a crash: an
  // unsaved page is not known, so the next run fetches it again) and at the end, also on abort.
  const batch: Article[] = [];
  let batchStartedAt = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const articles = batch.splice(0, batch.length);
    const results = await ingestArticles(store, articles, ctx.classifier);
    for (let i = 0; i < results.length; i++) {
      const { status, language } = results[i]!;
      const url = articles[i]!.url;
      const lang =
        language.script === 'cyrl' || language.lang === 'en'
          ? language.lang
          : `${language.lang}-${language.script}`;
      languages[lang] = (languages[lang] ?? 0) + 1;
      if (pending.has(url)) await clearPendingUrl(store, url);
      if (status === 'new') counts.newItems += 1;
      else if (status === 'updated') counts.updated += 1;
      else counts.unchanged += 1;
      await progressed(url, status);
    }
  };
  const handle = async (url: string) => {
    fetched += 1;
    const outcome = await fetcher.fetch({
      url,
      sourceId: source.id,
      rate: source.rate,
      concurrency: source.concurrency,
      signal: ctx.signal,
    });
    if (!outcome.ok) {
      counts.failed += 1;
      if (outcome.retryable && !ctx.signal?.aborted)
        await markPendingUrl(store, source.id, url, outcome.status);
      else if (pending.has(url)) await clearPendingUrl(store, url);
      addError(`${url}: ${outcome.reason}`);
      reject(outcome.reason);
      await progressed(url, 'failed');
    } else if (outcome.notModified) {
      counts.unchanged += 1;
      await progressed(url, 'unchanged');
    } else {
      let extracted: StageResult<Article>;
      const link = linkByUrl.get(url);
      try {
        extracted = (ctx.extract ?? pipelineExtractor)(
          outcome.page,
          source,
          ctx.now,
          linkHints(link, url, source),
        );
      } catch (error) {
        extracted = { ok: false, stage: 'extract', reason: `extractor crashed: ${describeError(error)}` };
      }
      if (!extracted.ok) {
        counts.failed += 1;
        addError(`${url}: ${extracted.reason}`);
        reject(extracted.reason);
        await progressed(url, 'failed');
      } else {
        // What the feed or listing said fills what the page does not say (a listing's date, a feed title).
        if (batch.length === 0) batchStartedAt = performance.now();
        const article: Article = {
          ...extracted.value,
          url,
          publishedAt: extracted.value.publishedAt ?? link?.publishedAt ?? null,
          title: extracted.value.title || link?.title || extracted.value.title,
        };
        bodies.push({
          length: article.text.length,
          dated: article.publishedAt !== null,
          by: article.extractedBy,
          short: article.short === true,
          fallback: article.bodyNote?.startsWith('body from') === true,
        });
        batch.push(article);
      }
    }
    const cfg = fetcher.config;
    if (
      batch.length >= (cfg.storeBatchSize ?? 50) ||
      performance.now() - batchStartedAt >= (cfg.storeBatchMaxWaitMs ?? 2000)
    )
      await flush();
  };

  if (toFetch.length > 0) {
    try {
      // Twice the host's concurrency: while some tasks extract and store, others already wait for the
      // next request slot, so the host's rate is used in full (the limiter still caps requests in flight).
      const poolSize = 2 * (source.concurrency ?? fetcher.config.hostConcurrency);
      await runPool(
        toFetch.map((l) => l.url),
        poolSize,
        handle,
        ctx.signal,
      );
    } catch (error) {
      addError(`article pool failed: ${describeError(error)}`);
      return finish('failed');
    }
    // What the pool left in the batch (also after an abort: those pages were fetched, keep them).
    try {
      await flush();
    } catch (error) {
      addError(`storing articles failed: ${describeError(error)}`);
      return finish('failed');
    }
  }
  if (ctx.signal?.aborted) {
    addError('interrupted');
    return finish('failed');
  }
  // Feed validators are saved only at the end, and not when the run was cut short, so a killed or
  // truncated crawl re-reads the feed next time instead of getting 304 and forgetting the rest.
  if (!truncated) {
    for (const v of discovery.validators) await saveFetchState(store, { ...v, sourceId: source.id });
  }
  await markSourceSucceeded(store, source.id, new Date().toISOString());
  return finish('succeeded');
}

/** Only article URLs (by the source's pattern), only once, and not older than the cut-off. */
function selectLinks(
  links: readonly DiscoveredLink[],
  source: NewsSource,
  since: string | null,
): DiscoveredLink[] {
  const pattern = source.articlePattern ? new RegExp(source.articlePattern) : null;
  const byUrl = new Map<string, DiscoveredLink>();
  for (const l of links) {
    if (pattern && !pattern.test(l.url)) continue;
    const newest = l.updatedAt ?? l.publishedAt;
    if (since && newest && newest < since) continue;
    if (!byUrl.has(l.url)) byUrl.set(l.url, l);
  }
  return [...byUrl.values()];
}

/**
 * The article pool: crawlee's AutoscaledPool at a fixed concurrency over a plain in-memory list. The
 * pool is what crawlee's crawlers run on; their per-request machinery (Request objects, RequestList or
 * RequestQueue, session pool, statistics, handler timeouts) cost 0.5 ms a page here and is not needed:
 * the polite fetcher does the retries and timeouts, and our database holds the crawl state.
 */
async function runPool(
  urls: readonly string[],
  concurrency: number,
  handle: (url: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const config = new Configuration({ persistStorage: false });
  let next = 0;
  let failure: unknown = null;
  const pool = new AutoscaledPool(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maybeRunIntervalSecs: 0.05,
      runTaskFunction: async () => {
        const url = urls[next++];
        if (url === undefined || signal?.aborted) return;
        try {
          await handle(url);
        } catch (error) {
          // A database error is not a page's fault: start nothing more and let the source report it.
          failure ??= error;
        }
      },
      // On abort or failure no task starts; the pool ends when the running ones have finished (their
      // fetches are aborted too), so nothing writes to the database after the crawl has returned.
      isTaskReadyFunction: async () => !stopped() && next < urls.length,
      isFinishedFunction: async () => stopped() || next >= urls.length,
    },
    config,
  );
  const stopped = () => failure !== null || Boolean(signal?.aborted);
  await pool.run();
  if (failure) throw failure;
}
