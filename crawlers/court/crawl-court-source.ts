// The court source, end to end, in Chromium driven by crawlee's PlaywrightCrawler. The crawler finds its
// way as a person would (court-portal.md, "The real portal's addresses and habits"):
//   0. the portal's home page: the language switch (by its text or its selectLanguage…() call) and the menu
//      links of the three services by their text; a service the menu does not name falls back to the
//      configured address;
//   1. the acts-bank searches (categories, keywords) and the hearing schedule, fields found by label or name
//      ending, the search button by role and text, page by page through the data scroller (page numbers or
//      `thisPage` posts) → the case numbers, and each case's list of acts (`param1`);
//   2. per case, the case search by number: its `viewSelectedLawsuit(N)` row carries the event history, so an
//      unchanged stored case costs no card or act visit;
//   3. otherwise the card (a click on the row), the case's lists of acts and every act — its HTML view, or its
//      PDF/DOCX download read by maintained libraries, hashed and sized → CourtRecord → ingestArticle.
// A captcha or an expired session stops this source (status `blocked`, with what to do); a page where
// something cannot be found fails with what was looked for and where, and leaves that page's HTML and a
// screenshot for the deployer; timeouts, portal errors and a crashed browser are retried by crawlee.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaywrightCrawler, PlaywrightCrawlingContext } from '@crawlee/playwright';
import type { Page } from 'playwright';
import type { CourtDocument, Lang, TextClassifier } from '../../core/index.ts';
import { describeError } from '../../core/index.ts';
import { ingestArticle } from '../../pipeline/index.ts';
import {
  finishCrawlRun,
  getCourtItemByCaseNumber,
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
import {
  COURT_SERVICES,
  type CourtConfig,
  type CourtField,
  type CourtService,
  loadCourtConfig,
} from './court-config.ts';
import { readStorageState, type StorageState } from './court-session.ts';
import {
  type FieldQuery,
  type FoundField,
  inPage,
  markField,
  markLanguageSwitch,
  markMenuLink,
  markNextPage,
  markSearchButton,
  pageLanguage,
  waitInPage,
} from './find-in-page.ts';
import {
  type ActEntry,
  type ActPage,
  type CaseCard,
  fold,
  type LawsuitRow,
  type Party,
  pageState,
  parseActEntries,
  parseActPage,
  parseActResults,
  parseActText,
  parseCaseCard,
  parseLawsuitResults,
  parseScheduleResults,
} from './parse-court-pages.ts';
import { readCourtDocument, sha256 } from './read-court-document.ts';
import { answeredAndSettled, answeredOrLeft, settled, watchUpdates } from './watch-page-updates.ts';

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
  /** A Playwright storage-state file (cookies and origins) saved by a person who passed the portal's check. */
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
  /** Where a page on which something could not be found is saved (HTML and screenshot) for the deployer. */
  readonly diagnosticsDir?: string;
}

export interface CourtSourceReport extends SourceReport {
  /** Result pages walked, across all searches. */
  readonly resultPages: number;
  /** Case cards, lists of acts and act pages or downloads opened. */
  readonly casePages: number;
  readonly actPages: number;
  /** Attempts that failed and were retried (timeouts, portal errors, browser crashes). */
  readonly retries: number;
  /** Where each service was found: the menu link, or the configured address. */
  readonly services: Readonly<Partial<Record<CourtService, { readonly url: string; readonly via: string }>>>;
  /** Pages saved because something could not be found on them. */
  readonly diagnostics: readonly string[];
}

class CaptchaError extends Error {}
class SessionExpiredError extends Error {}
class PortalError extends Error {}
/** Something the crawler looked for is not on the page: retrying does not help, the deployer must look. */
class NotFoundError extends Error {}

export { readStorageState } from './court-session.ts';

const MAX_REPORTED_ERRORS = 20;
export const SESSION_EXPIRED = 'blocked: session expired — run soz court session';

const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

export async function crawlCourtSource(
  store: Store,
  source: CourtSource,
  options: CrawlCourtOptions,
): Promise<CourtSourceReport> {
  const config = options.config ?? loadCourtConfig();
  const storageState: StorageState | null = options.storageStatePath
    ? readStorageState(options.storageStatePath)
    : null;
  const base = new URL(source.url);
  const abs = (path: string, from: string = base.href) => new URL(path, from).href;
  const maxPages = options.maxPages ?? config.crawl.maxResultPagesPerSearch;
  const caseNumberRe = new RegExp(config.caseNumberPattern);
  const navTimeout = config.crawl.navigationTimeoutSecs * 1000;
  const sel = config.selectors;
  const ajaxWait = { timeout: config.crawl.ajaxTimeoutMs, polling: 25 };

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
  // What is kept per case for the whole crawl, and nothing more: its number (to visit each case once) and the
  // acts-bank's links to its lists of acts (absolute addresses; most cases have one).
  const cases = new Set<string>();
  const actsLists = new Map<string, string[]>();
  const services: Partial<Record<CourtService, { url: string; via: string }>> = {};
  const diagnostics: string[] = [];

  const save = (status: SourceRunStatus = 'running') =>
    updateSourceRun(store, runId, source.id, counts, allErrors(), status);

  /** Fails the attempt on a captcha, an expired session or an error page; returns the page's HTML. */
  const checkHtml = (html: string, what: string, url: string): string => {
    const state = pageState(html, config);
    if (state.state === 'captcha') throw new CaptchaError(`${what}: ${state.message} at ${url}`);
    if (state.state === 'expired') throw new SessionExpiredError(`${what}: ${state.message} at ${url}`);
    if (state.state === 'error') throw new PortalError(`${what}: portal error «${state.message}»`);
    return html;
  };
  const check = async (page: Page, what: string) => checkHtml(await page.content(), what, page.url());

  /** Waits for what an action caused: a navigation, or an AJAX answer and the page settling after it. */
  const settleAfter = async (page: Page, act: () => Promise<void>): Promise<'navigated' | 'updated'> => {
    const before = page.url();
    let navigated = false;
    const onNav = (frame: { parentFrame(): unknown; url(): string }) => {
      if (frame.parentFrame() === null) navigated = true;
    };
    page.on('framenavigated', onNav);
    try {
      await inPage(page, watchUpdates, { panel: null, clear: [] });
      await act();
      // A scripted link may send no AJAX request at all: the wait for the page to settle fails if nothing changed.
      await waitInPage(page, answeredOrLeft, null, ajaxWait).catch((error: unknown) => {
        if (!isTimeout(error)) throw error;
      });
      // A partial response may carry a redirect: the navigation starts right after it.
      for (let i = 0; i < 10 && !navigated; i++) await page.waitForTimeout(50);
      if (navigated || page.url() !== before) {
        await page.waitForLoadState('load', { timeout: navTimeout });
        return 'navigated';
      }
      await waitInPage(page, settled, null, ajaxWait);
      return 'updated';
    } finally {
      page.off('framenavigated', onNav);
    }
  };

  /** Saves the page for the deployer and fails the attempt, naming what was looked for and where. */
  const notFound = async (page: Page, what: string, lookedFor: string): Promise<never> => {
    const url = page.url();
    let saved = '';
    if (options.diagnosticsDir) {
      mkdirSync(options.diagnosticsDir, { recursive: true });
      const stem = join(
        options.diagnosticsDir,
        `${source.id}-${what.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`.replace(/-+$/, ''),
      );
      writeFileSync(`${stem}.html`, await page.content());
      await page.screenshot({ path: `${stem}.png`, fullPage: true }).catch((error: unknown) => {
        addError(`${what}: no screenshot (${describeError(error)})`);
      });
      diagnostics.push(`${stem}.html`);
      saved = `; the page is saved as ${stem}.html and ${stem}.png`;
    }
    throw new NotFoundError(`${what}: could not find ${lookedFor} on ${url}${saved}`);
  };

  /** After a navigation: HTTP errors, the captcha gate, an expired session, error pages; then the language. */
  const ready = async (page: Page, status: number | undefined, what: string): Promise<string> => {
    if (status === 404 || status === 410)
      throw new NotFoundError(
        `${what}: ${page.url()} answered HTTP ${status} (is the address in the configuration right?)`,
      );
    if (status !== undefined && status >= 400)
      throw new PortalError(`${what}: HTTP ${status} at ${page.url()}`);
    const html = await check(page, what);
    // The portal opens in Kazakh for a new session; the configured language is one click away.
    const lang = await inPage(page, pageLanguage, null);
    if (lang === config.lang) return html;
    const Lang = config.lang === 'ru' ? 'Ru' : 'Kz';
    const selectors = sel.languageSwitch.map((s) =>
      s.replaceAll('{lang}', config.lang).replaceAll('{Lang}', Lang),
    );
    const texts = config.texts.languageSwitch[config.lang];
    const how = await inPage(page, markLanguageSwitch, { selectors, texts });
    if (!how) {
      if (lang === null) return html; // a page without interface text (a document view): nothing to switch
      return notFound(
        page,
        what,
        `the switch to language ${config.lang} (${selectors.join(', ')}, or a link «${texts.join('» | «')}»)`,
      );
    }
    await settleAfter(page, () => page.locator('[data-soz-lang]').first().click());
    const switched = await check(page, what);
    if ((await inPage(page, pageLanguage, null)) !== config.lang) {
      throw new PortalError(`${what}: the language switch to ${config.lang} (${how}) did not take`);
    }
    return switched;
  };

  const goto = async (page: Page, url: string, what: string): Promise<string> => {
    const response = await page.goto(url, { timeout: navTimeout, waitUntil: 'load' });
    return ready(page, response?.status(), what);
  };

  /** One AJAX round trip (search or page turn): waits for the answer and the page to settle. */
  const ajax = async (page: Page, what: string, act: () => Promise<void>): Promise<string> => {
    const panel = (await page.locator(sel.resultPanel).count()) > 0 ? sel.resultPanel : null;
    for (let attempt = 0; ; attempt++) {
      const before = page.url();
      let navigated = false;
      const onNav = (frame: { parentFrame(): unknown }) => {
        if (frame.parentFrame() === null) navigated = true;
      };
      page.on('framenavigated', onNav);
      try {
        await inPage(page, watchUpdates, { panel, clear: panel ? sel.messages : [] });
        await act();
        await waitInPage(page, answeredAndSettled, panel, ajaxWait).catch(async (error: unknown) => {
          if (!isTimeout(error)) throw error;
          if (!(await inPage(page, answeredOrLeft, null)))
            throw new PortalError(`${what}: no answer from the portal (${describeError(error)})`);
          throw new PortalError(`${what}: the page did not settle after the portal's answer`);
        });
        if (navigated || page.url() !== before) await page.waitForLoadState('load');
      } finally {
        page.off('framenavigated', onNav);
      }
      try {
        return await check(page, what);
      } catch (error) {
        // An error answer leaves the ViewState as it was, so the same action can simply be sent again.
        if (!(error instanceof PortalError) || attempt >= config.crawl.ajaxRetries) throw error;
        retries++;
      }
    }
  };

  const fieldQuery = (key: CourtField): FieldQuery => ({
    key,
    names: config.fields[key].names,
    labels: config.fields[key].labels,
    selectors: sel.field,
  });

  const describeField = (key: CourtField) => {
    const f = config.fields[key];
    const names = f.names.length > 0 ? `name ending ${f.names.join(' | ')}` : '';
    const labels = f.labels.length > 0 ? `label «${f.labels.join('» | «')}»` : '';
    return `the field ${key} (${[names, labels].filter(Boolean).join(', or ')})`;
  };

  /** Fills a field: a text or date input, a select (by value, else by option text) or a selectize widget. */
  const fill = async (page: Page, what: string, key: CourtField, value: string, label?: string) => {
    const found: FoundField | null = await inPage(page, markField, fieldQuery(key));
    if (!found) return notFound(page, what, describeField(key));
    const field = page.locator(`[data-soz-field="${key}"]`).first();
    if (found.kind === 'select') {
      const ok = await field.selectOption(value).then(
        () => true,
        () => false,
      );
      if (ok) return;
      const byText = await field.evaluate(
        (el, l) =>
          [...(el as HTMLSelectElement).options].find(
            (o) => l && o.text.trim().toLowerCase().startsWith(l.toLowerCase()),
          )?.value ?? null,
        label ?? null,
      );
      if (byText === null)
        return notFound(page, what, `the option ${value}${label ? ` («${label}»)` : ''} of ${found.how}`);
      await field.selectOption(byText);
      return;
    }
    if (found.kind === 'selectize') {
      if (await pickInWidget(page, key, value, label)) return;
    }
    if (found.kind === 'selectize' || found.kind === 'hidden') {
      // The widget did not offer the value: set the input it hides, as its own script would.
      await field.evaluate((el, v) => {
        const input = el as HTMLInputElement | HTMLSelectElement;
        if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === v)) {
          input.add(new Option(v, v, true, true));
        }
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
      return;
    }
    const dateLike = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const text =
      dateLike && found.kind !== 'date'
        ? `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`
        : value;
    await field.fill(text);
  };

  /** A selectize-style widget: open it, pick the option by its value (else its text), as a person would. */
  const pickInWidget = async (page: Page, key: string, value: string, label?: string): Promise<boolean> => {
    const widget = page.locator(`[data-soz-widget="${key}"]`).first();
    const input = widget.locator('input:not([type=hidden]), [class*="selectize-input"]').first();
    await input.click();
    const options = page.locator(
      '[class*="selectize-dropdown"] [data-value], [class*="dropdown"] [data-value]',
    );
    let option = options
      .filter({ has: page.locator(`xpath=self::*[@data-value=${xpathString(value)}]`) })
      .first();
    if ((await option.count()) === 0 && label) {
      await widget
        .locator('input:not([type=hidden])')
        .first()
        .fill(label)
        .catch(() => undefined);
      option = options.filter({ hasText: label }).first();
    }
    if ((await option.count()) === 0) {
      await page.keyboard.press('Escape');
      return false;
    }
    await option.click();
    const got = await page.locator(`[data-soz-field="${key}"]`).first().inputValue();
    return got === value || (label !== undefined && got !== '');
  };

  const submit = async (page: Page, what: string) => {
    const how = await inPage(page, markSearchButton, {
      texts: config.texts.searchButton,
      selectors: sel.searchButton,
    });
    if (!how)
      return notFound(
        page,
        what,
        `the search button (a button «${config.texts.searchButton.join('» | «')}», or ${sel.searchButton.join(', ')})`,
      );
    return ajax(page, what, () => page.locator('[data-soz-button]').first().click());
  };

  /** Walks the result pages, handing each page's HTML to `onPage` as it comes, up to maxPages. */
  const walk = async (page: Page, what: string, first: string, onPage: (html: string) => Promise<void>) => {
    let html = first;
    for (let n = 1; ; n++) {
      resultPages++;
      options.onPage?.('results');
      await onPage(html);
      if (n >= maxPages || blocked || options.signal?.aborted) return;
      const how = await inPage(page, markNextPage, {
        n,
        pager: sel.pager,
        next: sel.pagerNext,
        texts: config.texts.nextPage,
      });
      if (!how) return;
      html = await ajax(page, `${what}, page ${n + 1}`, () =>
        page.locator('[data-soz-next]').first().click(),
      );
    }
  };

  const foundCase = async (
    caseNumber: string,
    where: string,
    crawler: PlaywrightCrawler,
    actsList?: string,
  ) => {
    if (!caseNumberRe.test(caseNumber)) {
      addError(`${where}: "${caseNumber}" is not a valid case number; skipped`);
      return;
    }
    // A regex match is a slice of the row's whole text and would keep that text alive: keep a copy of its own.
    const number = Buffer.from(caseNumber, 'utf8').toString('utf8');
    if (actsList) {
      const lists = actsLists.get(number);
      if (!lists) actsLists.set(number, [actsList]);
      else if (!lists.includes(actsList)) lists.push(actsList);
    }
    if (cases.has(number)) return;
    cases.add(number);
    counts.found++;
    if (options.listOnly) return;
    await crawler.addRequests([
      {
        url: serviceUrl('caseSearch'),
        uniqueKey: `case:${number}`,
        label: 'CASE',
        userData: { caseNumber: number },
      },
    ]);
  };

  const serviceUrl = (s: CourtService) => services[s]?.url ?? abs(config.paths[s]);

  const matchesInterest = (text: string, parties: readonly Party[]) => {
    const t = fold(text);
    if (config.searches.categories.some((c) => t.includes(fold(c.name)))) return true;
    const hay = parties.length > 0 ? parties.map((p) => fold(p.name)) : [t];
    return hay.some((h) => config.searches.keywords.some((k) => h.includes(fold(k))));
  };

  const sameHistory = (
    a: readonly { date: string; event: string }[],
    b: readonly { date: string; event: string }[],
  ) => a.length === b.length && a.every((h, i) => h.date === b[i]?.date && h.event === b[i]?.event);

  async function handleHome(ctx: PlaywrightCrawlingContext, crawler: PlaywrightCrawler) {
    const { page } = ctx;
    const what = 'portal home page';
    await ready(page, ctx.response?.status(), what);
    const home = page.url();
    for (const s of COURT_SERVICES) {
      const link = await inPage(page, markMenuLink, config.menu[s]);
      if (link?.href && /^https?:/.test(link.href) && link.href.split('#')[0] !== home.split('#')[0]) {
        services[s] = { url: link.href, via: `menu link «${link.text}»` };
      } else if (link) {
        // A link that runs a script: follow it and note where it leads.
        await settleAfter(page, () => page.locator('[data-soz-menu]').first().click());
        services[s] = { url: page.url(), via: `menu link «${link.text}» (scripted)` };
        await goto(page, home, what);
      } else {
        services[s] = {
          url: abs(config.paths[s]),
          via: `configured address (no menu link «${config.menu[s].join('» | «')}» on ${home})`,
        };
      }
    }
    await crawler.addRequests(listingRequests());
  }

  async function handleActsSearch(ctx: PlaywrightCrawlingContext, crawler: PlaywrightCrawler) {
    const { page, request } = ctx;
    const s = request.userData as {
      category?: string;
      categoryName?: string;
      keyword?: string;
      year?: string;
      what: string;
    };
    await ready(page, ctx.response?.status(), s.what);
    if (s.year) await fill(page, s.what, 'actsYear', s.year, s.year);
    if (s.category) await fill(page, s.what, 'actsCategory', s.category, s.categoryName);
    if (config.searches.instance) await fill(page, s.what, 'actsInstance', config.searches.instance);
    if (s.keyword) await fill(page, s.what, 'actsKeyword', s.keyword);
    const first = await submit(page, s.what);
    // Each page's cases are taken as the page comes: a walk of thousands of pages holds no list of rows.
    await walk(page, s.what, first, async (html) => {
      const pageUrl = page.url();
      for (const row of parseActResults(html, config).rows) {
        const actsList = row.actsListHref ? abs(row.actsListHref, pageUrl) : undefined;
        await foundCase(row.caseNumber, s.what, crawler, actsList);
      }
    });
  }

  async function handleSchedule(ctx: PlaywrightCrawlingContext, crawler: PlaywrightCrawler) {
    const { page, request } = ctx;
    const s = request.userData as { from: string; to: string; what: string };
    await ready(page, ctx.response?.status(), s.what);
    await fill(page, s.what, 'scheduleFrom', s.from);
    await fill(page, s.what, 'scheduleTo', s.to);
    const first = await submit(page, s.what);
    await walk(page, s.what, first, async (html) => {
      for (const row of parseScheduleResults(html, config).rows)
        if (matchesInterest(row.text, row.parties)) await foundCase(row.caseNumber, s.what, crawler);
    });
  }

  /** Downloads an act's file with the page's session (cookies), and reads it. */
  const fetchDocument = async (
    page: Page,
    url: string,
    what: string,
  ): Promise<{ doc: CourtDocument; act: ActPage | null; html: string | null }> => {
    const response = await page.context().request.get(url, { timeout: navTimeout, failOnStatusCode: false });
    const fail = (
      status: CourtDocument['status'],
      bytes: Uint8Array | null,
      format: CourtDocument['format'] = 'unknown',
    ) => ({
      doc: {
        url,
        format,
        sha256: bytes ? sha256(bytes) : null,
        bytes: bytes ? bytes.byteLength : null,
        status,
        actKind: null,
        actDate: null,
      },
      act: null,
      html: null,
    });
    if (response.status() >= 400) {
      await response.dispose();
      throw new PortalError(`${what}: HTTP ${response.status()} for the download ${url}`);
    }
    const declared = Number(response.headers()['content-length'] ?? '0');
    if (declared > config.crawl.maxDocumentBytes) {
      await response.dispose();
      addError(`${what}: ${url} is ${declared} bytes, over crawl.maxDocumentBytes; not read`);
      return fail('too-large', null);
    }
    const body = await response.body();
    await response.dispose();
    const read = await readCourtDocument(body, response.headers()['content-type'] ?? '');
    if (read.html !== null) {
      const state = pageState(read.html, config);
      if (state.state === 'captcha') {
        // Never attacked: the act is reported, the case is kept, and the next night tries again.
        addError(
          `${what}: the download ${url} is behind a captcha (${state.message}); not attacked, retried next night`,
        );
        return fail('captcha', body, 'html');
      }
      if (state.state === 'expired') throw new SessionExpiredError(`${what}: ${state.message} at ${url}`);
      if (state.state === 'error')
        throw new PortalError(`${what}: portal error «${state.message}» for ${url}`);
      const act = parseActPage(read.html, config);
      return { doc: { ...fail('read', body, 'html').doc, status: 'read' }, act, html: read.html };
    }
    if (read.text === null) {
      addError(`${what}: ${url}: ${read.problem}`);
      return fail('unreadable', body, read.format);
    }
    const act = parseActText(read.text, config);
    return {
      doc: {
        url,
        format: read.format,
        sha256: read.sha256,
        bytes: read.bytes,
        status: 'read',
        actKind: act.kind,
        actDate: act.date,
      },
      act,
      html: null,
    };
  };

  /** One act: its HTML view when offered, and its original download (PDF first) for the hash and the text. */
  const readAct = async (page: Page, entry: ActEntry, pageUrl: string, what: string) => {
    const docs: CourtDocument[] = [];
    let act: ActPage | null = null;
    if (entry.viewHref) {
      const url = abs(entry.viewHref, pageUrl);
      const html = await goto(page, url, `${what}: act ${url}`);
      actPages++;
      options.onPage?.('act');
      act = parseActPage(html, config);
      const bytes = Buffer.from(html);
      docs.push({
        url,
        format: 'html',
        sha256: sha256(bytes),
        bytes: bytes.byteLength,
        status: 'read',
        actKind: act.kind,
        actDate: act.date,
      });
    }
    const downloads = [...entry.documentHrefs].sort(
      (a, b) => Number(!/pdf/i.test(a)) - Number(!/pdf/i.test(b)),
    );
    const first = downloads[0];
    if (first) {
      const url = abs(first, pageUrl);
      const got = await fetchDocument(page, url, `${what}: act`);
      actPages++;
      options.onPage?.('act');
      docs.push(got.doc);
      if (got.act && (act === null || act.paragraphs.length === 0))
        act = act ? { ...got.act, ...pick(act) } : got.act;
    }
    if (act) {
      act = { ...act, kind: act.kind ?? entry.kind, date: act.date ?? entry.date };
      for (let i = 0; i < docs.length; i++) docs[i] = { ...docs[i]!, actKind: act.kind, actDate: act.date };
    }
    return { act, docs };
  };

  async function handleCase(ctx: PlaywrightCrawlingContext) {
    const { page, request } = ctx;
    const { caseNumber } = request.userData as { caseNumber: string };
    const what = `case ${caseNumber}`;
    await ready(page, ctx.response?.status(), what);
    await fill(page, what, 'caseNumber', caseNumber);
    const results = parseLawsuitResults(await submit(page, `${what}: case search`), config);
    const row: LawsuitRow | undefined = results.rows.find((r) => r.caseNumber === caseNumber);
    if (!row) {
      counts.failed++;
      addError(`${what}: not found by the case search${results.nothingFound ? ' (nothing found)' : ''}`);
      return;
    }
    const stored = await getCourtItemByCaseNumber(store, source.id, caseNumber);
    const pending =
      stored?.court?.documents?.some((d) => d.status === 'captcha' || d.status === 'failed') ?? false;
    if (stored?.court && sameHistory(stored.court.history, row.history) && !pending) {
      counts.unchanged++;
      return;
    }
    const searchUrl = page.url();
    await page.evaluate(
      ([rowSel, id]) => {
        for (const tr of document.querySelectorAll(rowSel as string)) {
          if ((tr.getAttribute('onclick') ?? '').includes(`(${id})`)) {
            tr.setAttribute('data-soz-row', '1');
            return;
          }
        }
      },
      [sel.caseRow, String(row.lawsuitId)] as const,
    );
    const how = await settleAfter(page, () => page.locator('[data-soz-row]').first().click());
    const cardHtml = await check(page, `${what}: card`);
    casePages++;
    options.onPage?.('card');
    // The card's own address when it has one; a card shown in place gets a stable address of ours.
    const cardUrl =
      stored?.url ??
      (how === 'navigated'
        ? page.url()
        : `${searchUrl.split('#')[0]}#case=${encodeURIComponent(caseNumber)}`);
    const parsed = parseCaseCard(cardHtml, config);
    const card: CaseCard = {
      ...parsed,
      caseNumber: parsed.caseNumber || row.caseNumber,
      registeredAt: parsed.registeredAt ?? row.registeredAt,
      judge: parsed.judge ?? (row.judge || null),
      parties: parsed.parties.length > 0 ? parsed.parties : row.parties,
      history: parsed.history.length > 0 ? parsed.history : row.history,
    };
    const cardPageUrl = page.url();
    const entries: { entry: ActEntry; from: string }[] = parseActEntries(cardHtml, config).map((entry) => ({
      entry,
      from: cardPageUrl,
    }));
    // A menu link whose wording resembles «the case's acts» (a menu's «Судебные акты») is a service, not a list.
    const servicePaths = new Set(Object.values(services).map((s) => new URL(s.url).pathname));
    const lists = new Set(
      [...card.actsListHrefs.map((h) => abs(h, cardPageUrl)), ...(actsLists.get(caseNumber) ?? [])].filter(
        (u) => !servicePaths.has(new URL(u).pathname),
      ),
    );
    for (const list of lists) {
      const html = await goto(page, list, `${what}: acts ${list}`);
      casePages++;
      for (const entry of parseActEntries(html, config)) entries.push({ entry, from: page.url() });
    }
    const seen = new Set<string>();
    const acts: ActPage[] = [];
    const documents: CourtDocument[] = [];
    for (const { entry, from } of entries) {
      const key = abs(entry.viewHref ?? entry.documentHrefs[0] ?? '', from);
      if (seen.has(key)) continue;
      seen.add(key);
      const { act, docs } = await readAct(page, entry, from, what);
      if (act) acts.push(act);
      documents.push(...docs);
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
      record: { ...record.value, documents },
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

  const searches = config.searches;
  const period = searches.schedulePeriod ?? currentMonth();
  const listingRequests = () => {
    const years = searches.years.length > 0 ? searches.years : [''];
    const listing: { url: string; uniqueKey: string; label: string; userData: Record<string, unknown> }[] =
      [];
    for (const year of years) {
      for (const c of searches.categories) {
        const what = `acts bank: category ${c.name}${year ? `, ${year}` : ''}`;
        listing.push({
          url: serviceUrl('actsBank'),
          uniqueKey: `acts:c:${c.code}:${year}`,
          label: 'ACTS',
          userData: { category: c.code, categoryName: c.name, year, what },
        });
      }
      for (const k of searches.keywords) {
        const what = `acts bank: keyword «${k}»${year ? `, ${year}` : ''}`;
        listing.push({
          url: serviceUrl('actsBank'),
          uniqueKey: `acts:k:${k}:${year}`,
          label: 'ACTS',
          userData: { keyword: k, year, what },
        });
      }
    }
    if (searches.categories.length > 0 || searches.keywords.length > 0) {
      listing.push({
        url: serviceUrl('schedule'),
        uniqueKey: `schedule:${period.from}:${period.to}`,
        label: 'SCHEDULE',
        userData: { ...period, what: `hearing schedule ${period.from}…${period.to}` },
      });
    }
    return listing;
  };

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
  const blockFor = (error: CaptchaError | SessionExpiredError, url: string) => {
    if (storageState || error instanceof SessionExpiredError)
      return `${SESSION_EXPIRED} (${error.message}); the rest of the crawl goes on`;
    return `blocked: captcha at ${url} (${error.message}); stopped without touching it — run soz court session to pass the check once in a browser, then crawl again (the saved session is used by default, or give --storage-state FILE)`;
  };
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
            for (const o of storageState.origins) {
              // What a storage state's origins hold: localStorage, restored before the portal's scripts run.
              await context.addInitScript(
                ([origin, items]) => {
                  if (location.origin !== origin) return;
                  for (const it of items as { name: string; value: string }[])
                    localStorage.setItem(it.name, it.value);
                },
                [o.origin, o.localStorage] as const,
              );
            }
            seededContexts.add(context);
          }
        },
      ],
      requestHandler: async (ctx) => {
        if (blocked || options.signal?.aborted) return;
        try {
          if (ctx.request.label === 'HOME') await handleHome(ctx, crawler);
          else if (ctx.request.label === 'ACTS') await handleActsSearch(ctx, crawler);
          else if (ctx.request.label === 'SCHEDULE') await handleSchedule(ctx, crawler);
          else await handleCase(ctx);
        } catch (error) {
          if (error instanceof NotFoundError) ctx.request.noRetry = true;
          if (!(error instanceof CaptchaError || error instanceof SessionExpiredError)) throw error;
          // Never attacked: the source stops here; a person can pass the check and hand over the session.
          blocked = blockFor(error, ctx.request.url);
          ctx.request.noRetry = true;
          await crawler.stop(blocked);
        }
      },
      errorHandler: ({ request }, error) => {
        retries++;
        if (options.signal?.aborted) request.noRetry = true;
        if (request.retryCount === 0 && !(error instanceof NotFoundError))
          addError(`retrying ${describeRequest(request)}: ${describeError(error)}`);
      },
      failedRequestHandler: async ({ request }, error) => {
        if (blocked) return;
        if (request.label === 'HOME') {
          // Without the home page, the configured addresses are all there is.
          addError(`the portal's home page failed (${describeError(error)}); using the configured addresses`);
          await crawler.addRequests(listingRequests());
          return;
        }
        if (request.label === 'CASE') counts.failed++;
        else listingFailed++;
        addError(
          error instanceof NotFoundError
            ? describeError(error)
            : `gave up on ${describeRequest(request)} after ${request.retryCount + 1} attempts: ${describeError(error)}`,
        );
      },
    },
    crawlee,
  );

  const onAbort = () => void crawler.stop('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let status: SourceRunStatus;
  try {
    if (!browser) throw browserError;
    await crawler.run([
      {
        url: abs(config.paths.home),
        uniqueKey: 'home',
        label: 'HOME',
        userData: { what: 'portal home page' },
      },
    ]);
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
  // The blocking reason leads the report: it is what the team must act on.
  if (status === 'blocked' && blocked) {
    errors.splice(errors.indexOf(blocked), 1);
    errors.unshift(blocked);
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
    services: { ...services },
    diagnostics,
  };
}

/** The facts an HTML view states, kept over a document's text-derived ones. */
function pick(a: ActPage): Partial<ActPage> {
  const out: Partial<Record<keyof ActPage, unknown>> = {};
  for (const [k, v] of Object.entries(a))
    if (v !== null && k !== 'paragraphs' && k !== 'closedHearing') out[k as keyof ActPage] = v;
  if (a.closedHearing) out.closedHearing = true;
  return out as Partial<ActPage>;
}

const xpathString = (s: string) =>
  s.includes("'") ? `concat('${s.split("'").join(`', "'", '`)}')` : `'${s}'`;

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
