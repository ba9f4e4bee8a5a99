// The court source, end to end, in Debian's Chromium driven by crawlee's PlaywrightCrawler:
//   1. the configured acts-bank searches (categories, keywords) and the hearing schedule, page by page
//      through the AJAX data scroller → the set of case numbers;
//   2. per case, the case search by number: its result row carries the event history, so an unchanged
//      stored case costs no card or act visit;
//   3. otherwise the card (a click on the row) and every act linked from it → CourtRecord → ingestArticle.
// A captcha stops this source (status `blocked`); timeouts, portal errors and a crashed browser are retried
// by crawlee and reported; the browser is retired every N pages so that memory stays flat.
import { readFileSync } from 'node:fs';
import type { PlaywrightCrawler, PlaywrightCrawlingContext } from '@crawlee/playwright';
import type { Page } from 'playwright';
import type { Lang, TextClassifier } from '../../core/index.ts';
import { describeError, inputError } from '../../core/index.ts';
import { ingestArticle } from '../../pipeline/index.ts';
import {
  finishCrawlRun,
  getItemByUrl,
  markSourceSucceeded,
  type SourceRunStatus,
  type Store,
  startCrawlRun,
  startSourceRun,
  updateSourceRun,
  upsertSources,
} from '../../storage/index.ts';
import { type ChromiumChoice, findChromium } from '../browser/find-chromium.ts';
import type { SourceReport } from '../news/crawl-source.ts';
import { buildCourtArticle, buildCourtRecord } from './build-court-article.ts';
import { type CourtConfig, loadCourtConfig } from './court-config.ts';
import {
  type ActPage,
  type LawsuitRow,
  type Party,
  pageState,
  parseActPage,
  parseActResults,
  parseCaseCard,
  parseLawsuitResults,
  parseScheduleResults,
} from './parse-court-pages.ts';

/** The court source as the registry describes it: the portal's base URL. */
export interface CourtSource {
  readonly id: string;
  readonly name: string;
  readonly kind: 'court';
  readonly url: string;
  readonly lang?: Lang | null;
}

/** The court sources of config/court.json (or the given configuration). */
export function courtSources(config: CourtConfig = loadCourtConfig()): CourtSource[] {
  return config.sources.map((s) => ({ ...s, kind: 'court' as const, lang: config.lang }));
}

export interface CrawlCourtOptions {
  readonly classifier: TextClassifier;
  /** A Playwright storage-state file (cookies) saved by a person who passed the portal's check. */
  readonly storageStatePath?: string;
  /** Result pages per search at most (default: config crawl.maxResultPagesPerSearch). */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** The crawl run to report into; without it the source gets a run of its own. */
  readonly runId?: number;
  /** Defaults to config/court.json. */
  readonly config?: CourtConfig;
  /** Walk the result pages only, opening no case (the benchmark). */
  readonly listOnly?: boolean;
  /** Called after every page the browser shows (result pages, cards, acts). */
  readonly onPage?: (kind: 'results' | 'card' | 'act') => void;
}

export interface CourtSourceReport extends SourceReport {
  /** Result pages walked, across all searches. */
  readonly resultPages: number;
  /** Case cards and act pages opened. */
  readonly casePages: number;
  readonly actPages: number;
  /** Attempts that failed and were retried (timeouts, portal errors, browser crashes). */
  readonly retries: number;
}

class CaptchaError extends Error {}
class PortalError extends Error {}

interface StorageState {
  readonly cookies: readonly {
    name: string;
    value: string;
    domain: string;
    path: string;
    expires?: number;
    httpOnly?: boolean;
    secure?: boolean;
    sameSite?: 'Strict' | 'Lax' | 'None';
  }[];
}

export function readStorageState(path: string): StorageState {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw inputError(`${path}: cannot read the browser storage state (${describeError(error)})`);
  }
  const cookies = (doc as { cookies?: unknown })?.cookies;
  if (!Array.isArray(cookies))
    throw inputError(`${path}: field "cookies": must be a list (a Playwright storage state)`);
  cookies.forEach((c, i) => {
    const o = c as Record<string, unknown>;
    for (const k of ['name', 'value', 'domain', 'path']) {
      if (typeof o?.[k] !== 'string')
        throw inputError(`${path}: field "cookies[${i}].${k}": must be a string`);
    }
  });
  return { cookies: cookies as StorageState['cookies'] };
}

const MAX_REPORTED_ERRORS = 20;

export async function crawlCourtSource(
  store: Store,
  source: CourtSource,
  options: CrawlCourtOptions,
): Promise<CourtSourceReport> {
  const config = options.config ?? loadCourtConfig();
  const storageState = options.storageStatePath ? readStorageState(options.storageStatePath) : null;
  const base = new URL(source.url);
  const abs = (path: string) => new URL(path, base).href;
  const maxPages = options.maxPages ?? config.crawl.maxResultPagesPerSearch;
  const caseNumberRe = new RegExp(config.caseNumberPattern);

  const ownRun = options.runId === undefined;
  if (ownRun)
    await upsertSources(store, [
      { id: source.id, name: source.name, kind: 'court', lang: source.lang ?? null, config: source },
    ]);
  const runId = options.runId ?? (await startCrawlRun(store, { sources: [source.id], court: true }));
  await startSourceRun(store, runId, source.id);

  const counts = { found: 0, newItems: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: string[] = [];
  let extraErrors = 0;
  const addError = (m: string) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(m);
    else extraErrors++;
  };
  const allErrors = () => (extraErrors > 0 ? [...errors, `… and ${extraErrors} more`] : [...errors]);
  let resultPages = 0;
  let casePages = 0;
  let actPages = 0;
  let retries = 0;
  let blocked: string | null = null;
  let listingFailed = 0;
  const cases = new Set<string>();
  const sel = config.selectors;

  const save = (status: SourceRunStatus = 'running') =>
    updateSourceRun(store, runId, source.id, counts, allErrors(), status);

  /** Fails the attempt on a captcha or an error page; the caller's retry policy does the rest. */
  /** Returns the page's HTML, which callers parse, so each page is serialised once. */
  const check = async (page: Page, what: string): Promise<string> => {
    const html = await page.content();
    const state = pageState(html, config);
    if (state.state === 'captcha') throw new CaptchaError(`${what}: ${state.message}`);
    if (state.state === 'error') throw new PortalError(`${what}: portal error «${state.message}»`);
    return html;
  };

  /** After a navigation: HTTP errors, the captcha gate, error pages; then the configured language. */
  const ready = async (page: Page, status: number | undefined, what: string): Promise<string> => {
    if (status !== undefined && status >= 400)
      throw new PortalError(`${what}: HTTP ${status} at ${page.url()}`);
    const html = await check(page, what);
    // The portal opens in Kazakh for a new session; the configured language is one click away.
    if ((await page.getAttribute('html', 'lang')) === config.lang) return html;
    const link = page.locator(sel.langSwitch.replace('{lang}', config.lang)).first();
    if ((await link.count()) === 0) throw new PortalError(`${what}: no switch to language ${config.lang}`);
    await Promise.all([
      page.waitForEvent('framenavigated', { timeout: config.crawl.navigationTimeoutSecs * 1000 }),
      link.click(),
    ]);
    await page.waitForLoadState('load');
    const switched = await check(page, what);
    if ((await page.getAttribute('html', 'lang')) !== config.lang) {
      throw new PortalError(`${what}: the language switch to ${config.lang} did not take`);
    }
    return switched;
  };

  const goto = async (page: Page, url: string, what: string): Promise<string> => {
    const response = await page.goto(url, {
      timeout: config.crawl.navigationTimeoutSecs * 1000,
      waitUntil: 'load',
    });
    return ready(page, response?.status(), what);
  };

  /** One AJAX round trip (search or page turn): waits until the result panel is replaced or an error shows. */
  const ajax = async (page: Page, what: string, act: () => Promise<void>): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      await page.evaluate(
        ([panelSel, msgSel]) => {
          document.querySelector(panelSel as string)?.setAttribute('data-soz-stale', '1');
          const m = document.querySelector(msgSel as string);
          if (m) m.innerHTML = '';
        },
        [sel.resultPanel, sel.messages],
      );
      await act();
      await page.waitForFunction(
        ([panelSel, msgSel]) => {
          const p = document.querySelector(panelSel as string);
          if (p && !p.hasAttribute('data-soz-stale')) return true;
          return (document.querySelector(msgSel as string)?.textContent ?? '').trim() !== '';
        },
        [sel.resultPanel, sel.messages],
        { timeout: config.crawl.ajaxTimeoutMs },
      );
      try {
        return await check(page, what);
      } catch (error) {
        // An error answer leaves the ViewState as it was, so the same action can simply be sent again.
        if (error instanceof CaptchaError || attempt >= config.crawl.ajaxRetries) throw error;
        retries++;
      }
    }
  };

  const fill = async (page: Page, name: string, value: string, kind: 'select' | 'text') => {
    const field = page.locator(sel.field.replace('{name}', name)).first();
    if (kind === 'select') await field.selectOption(value);
    else await field.fill(value);
  };

  const submit = async (page: Page, what: string) =>
    ajax(page, what, () => page.locator(sel.searchButton).first().click());

  /** Walks the data scroller, handing each page's HTML to `onPage`, up to maxPages. */
  const walk = async (page: Page, what: string, first: string, onPage: (html: string) => boolean) => {
    let html = first;
    for (let n = 1; ; n++) {
      resultPages++;
      options.onPage?.('results');
      const hasNext = onPage(html);
      if (!hasNext || n >= maxPages || blocked || options.signal?.aborted) return;
      html = await ajax(page, `${what}, page ${n + 1}`, () =>
        page.locator(`${sel.resultPanel} ${sel.pagerNext}`).first().click(),
      );
    }
  };

  const foundCase = async (caseNumber: string, where: string, crawler: PlaywrightCrawler) => {
    if (!caseNumberRe.test(caseNumber)) {
      addError(`${where}: "${caseNumber}" is not a valid case number; skipped`);
      return;
    }
    if (cases.has(caseNumber)) return;
    cases.add(caseNumber);
    counts.found++;
    if (options.listOnly) return;
    await crawler.addRequests([
      {
        url: abs(config.paths.caseSearch),
        uniqueKey: `case:${caseNumber}`,
        label: 'CASE',
        userData: { caseNumber },
      },
    ]);
  };

  const matchesInterest = (category: string, parties: readonly Party[]) => {
    const lc = (s: string) => s.toLocaleLowerCase('ru');
    return (
      config.searches.categories.some((c) => category.startsWith(c.name)) ||
      parties.some((p) => config.searches.keywords.some((k) => lc(p.name).includes(lc(k))))
    );
  };

  const sameHistory = (
    a: readonly { date: string; event: string }[],
    b: readonly { date: string; event: string }[],
  ) => a.length === b.length && a.every((h, i) => h.date === b[i]?.date && h.event === b[i]?.event);

  async function handleActsSearch(ctx: PlaywrightCrawlingContext, crawler: PlaywrightCrawler) {
    const { page, request } = ctx;
    const s = request.userData as { category?: string; keyword?: string; year?: string; what: string };
    await ready(page, ctx.response?.status(), s.what);
    if (s.year) await fill(page, 'year', s.year, 'select');
    if (s.category) await fill(page, 'category', s.category, 'select');
    if (config.searches.instance) await fill(page, 'instance', config.searches.instance, 'select');
    if (s.keyword) await fill(page, 'keyword', s.keyword, 'text');
    const first = await submit(page, s.what);
    const found: string[] = [];
    await walk(page, s.what, first, (html) => {
      const r = parseActResults(html, config);
      for (const row of r.rows) found.push(row.caseNumber);
      return r.hasNext;
    });
    for (const n of found) await foundCase(n, s.what, crawler);
  }

  async function handleSchedule(ctx: PlaywrightCrawlingContext, crawler: PlaywrightCrawler) {
    const { page, request } = ctx;
    const s = request.userData as { from: string; to: string; what: string };
    await ready(page, ctx.response?.status(), s.what);
    await fill(page, 'date-from', s.from, 'text');
    await fill(page, 'date-to', s.to, 'text');
    const first = await submit(page, s.what);
    const found: string[] = [];
    await walk(page, s.what, first, (html) => {
      const r = parseScheduleResults(html, config);
      for (const row of r.rows) if (matchesInterest(row.category, row.parties)) found.push(row.caseNumber);
      return r.hasNext;
    });
    for (const n of found) await foundCase(n, s.what, crawler);
  }

  async function handleCase(ctx: PlaywrightCrawlingContext) {
    const { page, request } = ctx;
    const { caseNumber } = request.userData as { caseNumber: string };
    const what = `case ${caseNumber}`;
    await ready(page, ctx.response?.status(), what);
    await fill(page, 'num', caseNumber, 'text');
    const results = parseLawsuitResults(await submit(page, `${what}: case search`), config);
    const row: LawsuitRow | undefined = results.rows.find((r) => r.caseNumber === caseNumber);
    if (!row) {
      counts.failed++;
      addError(`${what}: not found by the case search${results.nothingFound ? ' (nothing found)' : ''}`);
      return;
    }
    const cardUrl = abs(config.paths.caseCard.replace('{id}', String(row.lawsuitId)));
    const stored = await getItemByUrl(store, cardUrl);
    if (stored?.court && sameHistory(stored.court.history, row.history)) {
      counts.unchanged++;
      return;
    }
    await Promise.all([
      page.waitForURL(cardUrl, { timeout: config.crawl.navigationTimeoutSecs * 1000 }),
      page.locator(`${sel.caseRow}[onclick*="(${row.lawsuitId})"]`).first().click(),
    ]);
    const cardHtml = await check(page, `${what}: card`);
    casePages++;
    options.onPage?.('card');
    const card = parseCaseCard(cardHtml, config);
    const acts: ActPage[] = [];
    for (const href of card.actHrefs) {
      const actHtml = await goto(page, abs(href), `${what}: act ${href}`);
      actPages++;
      options.onPage?.('act');
      acts.push(parseActPage(actHtml, config));
    }
    const record = buildCourtRecord(card, acts, config);
    if (!record.ok) {
      counts.failed++;
      addError(`${what}: ${record.reason}`);
      return;
    }
    const article = buildCourtArticle({
      sourceId: source.id,
      cardUrl,
      record: record.value,
      acts,
      hearings: card.hearings,
      html: cardHtml,
      fetchedAt: new Date().toISOString(),
      lang: config.lang,
    });
    const result = await ingestArticle(store, article, options.classifier);
    if (result.status === 'new') counts.newItems++;
    else if (result.status === 'updated') counts.updated++;
    else counts.unchanged++;
    await save();
  }

  // Loaded here, not at the top: the browser stack weighs ~60 MB, and news-only crawls never need it.
  const { Configuration, PlaywrightCrawler: BrowserCrawler } = await import('@crawlee/playwright');
  const { chromium } = await import('playwright');
  // Resolved before the crawler exists; a missing browser fails this source below, with the fix in the message.
  let browser: ChromiumChoice | null = null;
  let browserError: unknown = null;
  try {
    browser = await findChromium();
  } catch (error) {
    browserError = error;
  }
  const crawlee = new Configuration({ persistStorage: false });
  const seededContexts = new WeakSet<object>();
  const crawler: PlaywrightCrawler = new BrowserCrawler(
    {
      launchContext: {
        launcher: chromium,
        launchOptions: {
          executablePath: browser?.executablePath ?? '',
          headless: true,
          args: [...(browser?.args ?? [])],
        },
      },
      browserPoolOptions: {
        useFingerprints: false,
        retireBrowserAfterPageCount: config.crawl.recycleBrowserEveryPages,
      },
      useSessionPool: false,
      maxConcurrency: config.crawl.maxConcurrency,
      maxRequestRetries: config.crawl.maxRetries,
      navigationTimeoutSecs: config.crawl.navigationTimeoutSecs,
      requestHandlerTimeoutSecs: config.crawl.requestHandlerTimeoutSecs,
      preNavigationHooks: [
        async ({ page }) => {
          const context = page.context();
          if (storageState && !seededContexts.has(context)) {
            await context.addCookies([...storageState.cookies]);
            seededContexts.add(context);
          }
        },
      ],
      requestHandler: async (ctx) => {
        if (blocked || options.signal?.aborted) return;
        try {
          if (ctx.request.label === 'ACTS') await handleActsSearch(ctx, crawler);
          else if (ctx.request.label === 'SCHEDULE') await handleSchedule(ctx, crawler);
          else await handleCase(ctx);
        } catch (error) {
          if (!(error instanceof CaptchaError)) throw error;
          // Never attacked: the source stops here; a person can pass the check and hand over the session.
          blocked = `captcha at ${ctx.request.url} (${error.message}); stopped — pass the check in a browser, save its storage state and run again with --storage-state FILE`;
          ctx.request.noRetry = true;
          await crawler.stop(blocked);
        }
      },
      errorHandler: ({ request }, error) => {
        retries++;
        if (options.signal?.aborted) request.noRetry = true;
        if (request.retryCount === 0)
          addError(`retrying ${describeRequest(request)}: ${describeError(error)}`);
      },
      failedRequestHandler: ({ request }, error) => {
        if (blocked) return;
        if (request.label === 'CASE') counts.failed++;
        else listingFailed++;
        addError(
          `gave up on ${describeRequest(request)} after ${request.retryCount + 1} attempts: ${describeError(error)}`,
        );
      },
    },
    crawlee,
  );

  const onAbort = () => void crawler.stop('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const searches = config.searches;
  const years = searches.years.length > 0 ? searches.years : [''];
  const listing: { url: string; uniqueKey: string; label: string; userData: Record<string, unknown> }[] = [];
  for (const year of years) {
    for (const c of searches.categories) {
      const what = `acts bank: category ${c.name}${year ? `, ${year}` : ''}`;
      listing.push({
        url: abs(config.paths.actsSearch),
        uniqueKey: `acts:c:${c.code}:${year}`,
        label: 'ACTS',
        userData: { category: c.code, year, what },
      });
    }
    for (const k of searches.keywords) {
      const what = `acts bank: keyword «${k}»${year ? `, ${year}` : ''}`;
      listing.push({
        url: abs(config.paths.actsSearch),
        uniqueKey: `acts:k:${k}:${year}`,
        label: 'ACTS',
        userData: { keyword: k, year, what },
      });
    }
  }
  const period = searches.schedulePeriod ?? currentMonth();
  if (searches.categories.length > 0 || searches.keywords.length > 0) {
    listing.push({
      url: abs(config.paths.schedule),
      uniqueKey: `schedule:${period.from}:${period.to}`,
      label: 'SCHEDULE',
      userData: { ...period, what: `hearing schedule ${period.from}…${period.to}` },
    });
  }

  let status: SourceRunStatus;
  try {
    if (!browser) throw browserError;
    await crawler.run(listing);
    if (blocked) {
      status = 'blocked';
      addError(blocked);
    } else if (options.signal?.aborted) {
      status = 'failed';
      addError('interrupted');
    } else if (listingFailed > 0) {
      // A search that could not be walked may hide cases: the source did not do its job.
      status = 'failed';
    } else {
      status = 'succeeded';
    }
  } catch (error) {
    status = 'failed';
    addError(`court crawl failed: ${describeError(error)}`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await crawler.teardown().catch((error: unknown) => addError(`browser teardown: ${describeError(error)}`));
  }
  await save(status);
  if (status === 'succeeded') await markSourceSucceeded(store, source.id, new Date().toISOString());
  if (ownRun) await finishCrawlRun(store, runId, status === 'succeeded' ? 'succeeded' : 'failed');
  return {
    sourceId: source.id,
    name: source.name,
    status,
    ...counts,
    fetched: casePages + actPages,
    errors: allErrors(),
    resultPages,
    casePages,
    actPages,
    retries,
  };
}

function describeRequest(request: {
  label?: string;
  userData: Record<string, unknown>;
  url: string;
}): string {
  const what = request.userData.what ?? request.userData.caseNumber;
  return typeof what === 'string' ? (request.label === 'CASE' ? `case ${what}` : what) : request.url;
}

function currentMonth(): { from: string; to: string } {
  const now = new Date();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(new Date(Date.UTC(y, m + 1, 0))) };
}
