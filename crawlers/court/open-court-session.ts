// `soz court session`: a person passes the portal's check once and the session is saved for the nightly
// crawls. Either a visible Chromium window on the portal's acts bank (the person passes the check, then
// presses Enter or closes the window), or a cookie header pasted from the person's own browser. Either way the
// result is checked: the acts bank must open without the check.
import { type ChromiumChoice, ChromiumNotFoundError, findChromium } from '../browser/find-chromium.ts';
import type { CourtConfig } from './court-config.ts';
import { type StorageState, storageStateFromCookieHeader, writeStorageState } from './court-session.ts';
import { inPage, markMenuLink } from './find-in-page.ts';
import { pageState } from './parse-court-pages.ts';

export interface OpenCourtSessionOptions {
  readonly portalUrl: string;
  readonly config: CourtConfig;
  readonly out: string;
  /** A pasted `Cookie:` header: no window is opened. */
  readonly cookieHeader?: string;
  /** Waits until the person is done (default: the caller's prompt); receives the window's page. */
  readonly waitForPerson: (page: import('playwright').Page) => Promise<void>;
  /** Drive the window headless (tests, no display): the person's part is `waitForPerson`. */
  readonly headless?: boolean;
  /** Skip opening the acts bank with the saved session to see that the check is gone. */
  readonly skipCheck?: boolean;
  readonly findBrowser?: () => Promise<ChromiumChoice>;
}

export interface CourtSessionResult {
  readonly path: string;
  readonly cookies: number;
  readonly origins: number;
  /** Whether the acts bank opened without the check using the saved session (null: not checked). */
  readonly passes: boolean | null;
  readonly checkedUrl: string;
}

export class NoVisibleBrowserError extends Error {
  override readonly name = 'NoVisibleBrowserError';
}

/**
 * Opens the acts bank the way the crawler finds it: the portal's home page, then its menu link by text; the
 * configured address only when the menu does not name it. Returns the HTTP status (null after a scripted
 * link) so a missing page is not taken for an open one.
 */
export async function openActsBank(
  page: import('playwright').Page,
  config: CourtConfig,
  portalUrl: string,
): Promise<number | null> {
  const timeout = config.crawl.navigationTimeoutSecs * 1000;
  const home = await page.goto(new URL(config.paths.home, portalUrl).href, { waitUntil: 'load', timeout });
  if (home?.ok()) {
    const link = await inPage(page, markMenuLink, config.menu.actsBank);
    if (link?.href && /^https?:/.test(link.href) && link.href.split('#')[0] !== page.url().split('#')[0]) {
      return (await page.goto(link.href, { waitUntil: 'load', timeout }))?.status() ?? null;
    }
    if (link) {
      await Promise.all([
        page.waitForEvent('load', { timeout }),
        page.locator('[data-soz-menu]').first().click(),
      ]);
      return null;
    }
  }
  const r = await page.goto(new URL(config.paths.actsBank, portalUrl).href, { waitUntil: 'load', timeout });
  return r?.status() ?? null;
}

export async function openCourtSession(o: OpenCourtSessionOptions): Promise<CourtSessionResult> {
  const { chromium } = await import('playwright');
  const find = o.findBrowser ?? (() => findChromium());
  let state: StorageState;
  if (o.cookieHeader !== undefined) {
    state = storageStateFromCookieHeader(o.cookieHeader, o.portalUrl);
  } else {
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !o.headless) {
      throw new NoVisibleBrowserError(
        'no display to open a browser window on (DISPLAY and WAYLAND_DISPLAY are unset): run soz court session on a desktop, or over ssh -X — or pass the check in your own browser and paste its cookies: soz court session --cookie "JSESSIONID=…; …"',
      );
    }
    const browser = await find();
    if (browser.origin === 'bundled' && !o.headless) {
      throw new NoVisibleBrowserError(
        'no browser that can open a window: the Chromium bundled by npm ci is headless only. Set SOZ_CHROMIUM to a desktop Chromium or Chrome, or apt-get install chromium — or pass the check in your own browser and paste its cookies: soz court session --cookie "JSESSIONID=…; …"',
      );
    }
    const launched = await chromium.launch({
      executablePath: browser.executablePath,
      args: [...browser.args],
      headless: o.headless ?? false,
    });
    try {
      const context = await launched.newContext();
      const page = await context.newPage();
      await openActsBank(page, o.config, o.portalUrl);
      // The person's part: pass the check. The window may be closed at the end; the context outlives it.
      await o.waitForPerson(page);
      state = (await context.storageState()) as StorageState;
    } finally {
      await launched.close();
    }
  }
  writeStorageState(o.out, state);
  let passes: boolean | null = null;
  let checkedUrl = new URL(o.config.paths.actsBank, o.portalUrl).href;
  if (!o.skipCheck) {
    const check = await sessionPasses(state, o.portalUrl, o.config, find);
    passes = check.passes;
    checkedUrl = check.url;
  }
  return {
    path: o.out,
    cookies: state.cookies.length,
    origins: state.origins.length,
    passes,
    checkedUrl,
  };
}

/** Opens the acts bank headless with the session: passes when it opens with no captcha or expiry notice. */
export async function sessionPasses(
  state: StorageState,
  portalUrl: string,
  config: CourtConfig,
  find: () => Promise<ChromiumChoice> = () => findChromium(),
): Promise<{ passes: boolean; url: string }> {
  const { chromium } = await import('playwright');
  const browser = await find().catch((error: unknown) => {
    throw new ChromiumNotFoundError(`cannot check the session: ${(error as Error).message}`);
  });
  const launched = await chromium.launch({
    executablePath: browser.executablePath,
    args: [...browser.args],
    headless: true,
  });
  try {
    const context = await launched.newContext({ storageState: state as never });
    const page = await context.newPage();
    const status = await openActsBank(page, config, portalUrl);
    const open = (status === null || status < 400) && pageState(await page.content(), config).state === 'ok';
    return { passes: open, url: page.url() };
  } finally {
    await launched.close();
  }
}
