// The public surface of crawlers/: the news crawl (sources registry, discovery, polite fetching) and the
// court crawler. crawlee stays inside this folder.

export {
  CHROMIUM_ARGS,
  type ChromiumChoice,
  ChromiumNotFoundError,
  type ChromiumOrigin,
  DEBIAN_CHROMIUM,
  type FindChromiumOptions,
  findChromium,
} from './browser/find-chromium.ts';
export {
  COURT_CONFIG_FILE,
  type CourtConfig,
  loadCourtConfig,
  parseCourtConfig,
} from './court/court-config.ts';
export {
  COURT_SESSION_FILE,
  defaultCourtSessionPath,
  type StorageState,
  storageStateFromCookieHeader,
  writeStorageState,
} from './court/court-session.ts';
export {
  type CourtSource,
  type CourtSourceReport,
  type CrawlCourtOptions,
  courtSources,
  crawlCourtSource,
  readStorageState,
  SESSION_EXPIRED,
} from './court/crawl-court-source.ts';
export {
  type CourtSessionResult,
  NoVisibleBrowserError,
  type OpenCourtSessionOptions,
  openCourtSession,
} from './court/open-court-session.ts';
export {
  type CrawlConfig,
  healthThresholds,
  loadCrawlConfig,
  placeholderContact,
  withCrawlConfig,
} from './fetch/crawl-config.ts';
export { HostLimiter, type HostSlot, type HostSlots } from './fetch/host-limiter.ts';
export {
  type FetchOutcome,
  type FetchRequest,
  PoliteFetcher,
  type RequestListener,
} from './fetch/polite-fetcher.ts';
export { SharedHostLimiter, type SharedHostSlot } from './fetch/shared-host-limiter.ts';
export {
  CRAWL_JOB_KINDS,
  CRAWL_QUEUES,
  type CrawlJob,
  type CrawlJobData,
  type CrawlJobKind,
  CrawlQueue,
  type CrawlQueueOptions,
} from './jobs/crawl-queue.ts';
export { type EnqueueCrawlOptions, type EnqueuedCrawl, enqueueCrawl } from './jobs/enqueue-crawl.ts';
export {
  runWorker,
  sourceLease,
  type WorkerOptions,
  type WorkerSummary,
  workerId,
} from './jobs/run-worker.ts';
export { DEFAULT_WORKER_SETTINGS, type WorkerSettings, workerSettings } from './jobs/worker-settings.ts';
export { CRAWL_HEAP_GROWING_PERCENT, limitHeapGrowth } from './limit-heap-growth.ts';
export {
  type LinkHints,
  linkHints,
  type PageExtractor,
  type ProgressEvent,
  pipelineExtractor,
  type SourceReport,
} from './news/crawl-source.ts';
export { type ProbeResult, probeSource } from './news/probe-source.ts';
export {
  type CrawlReport,
  defaultSince,
  formatSourceReport,
  type RunCrawlOptions,
  runCrawl,
} from './run-crawl.ts';
export { type ScheduleHandle, scheduleCrawls } from './schedule-crawls.ts';
export {
  DEFAULT_SOURCES_FILE,
  DEMO_SOURCES_FILE,
  loadSources,
  selectSources,
} from './sources/load-sources.ts';
export { type NewsSource, type NewsSourceKind, parseNewsSources } from './sources/news-source.ts';
export {
  DEFAULT_ONBOARDING,
  idFromHost,
  type OnboardResult,
  type OnboardSample,
  onboardSource,
} from './sources/onboard-source.ts';
export {
  appendSource,
  formatEntry,
  parseSourcesText,
  readSourcesText,
  setSourceField,
  writeSourcesText,
} from './sources/sources-file.ts';
