// The Sources page in Chromium, after two real crawls of the imitation outlets with a redesign in between:
// an editor sees the redesigned outlet first, highlighted, with its flag worded in the page's language
// (Russian after the header's switch, from the flag's figures, not the crawl's English sentence); a
// reviewer is refused with 403.
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, runCrawl, withCrawlConfig } from '../../crawlers/index.ts';
import { type NewsSites, startNewsSites } from '../../imitation/index.ts';
import { hashPassword, startReviewServer } from '../../pipeline/index.ts';
import { saveUser } from '../../storage/index.ts';
import { testClassifier } from '../crawlers/test-classifier.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';

const PASSWORD = 'пароль-страницы-источников-1';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const config = withCrawlConfig({ ratePerSecond: 50, requestTimeoutMs: 3000, maxRetries: 0 });

let t: TestStore;
let sites: NewsSites;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

async function logIn(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('form.login button[type="submit"]');
  await page.waitForURL(`${server.url}/queue`);
  return page;
}

beforeAll(async () => {
  t = await openTestStore('sqlite');
  sites = await startNewsSites({ faults: false });
  const sources = sites.sources.filter((s) => s.id === 'demo-vestnik' || s.id === 'demo-dala');
  const crawl = () => runCrawl(t.store, { sources, classifier: testClassifier, config, since: '2020-08-01' });
  expect((await crawl()).status).toBe('succeeded');
  sites.redesign();
  expect((await crawl()).status).toBe('succeeded');
  await saveUser(t.store, { name: 'aliya', role: 'editor', passwordHash: await hashPassword(PASSWORD) });
  await saveUser(t.store, { name: 'dana', role: 'reviewer', passwordHash: await hashPassword(PASSWORD) });
  server = await startReviewServer(t.store, { port: 0, host: '127.0.0.1', logger: silent });
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: [...found.args] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sites?.close();
  await t?.close();
});

describe('the Sources page', () => {
  it('shows an editor the redesigned outlet first and highlighted, its flag worded in Russian after switching', async () => {
    const page = await logIn('aliya');
    await page.goto(`${server.url}/sources`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const rows = page.locator('#sources tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')))).toEqual([
      'demo-vestnik',
      'demo-dala',
    ]);
    const vestnik = page.locator('tr[data-source="demo-vestnik"]');
    expect(await vestnik.getAttribute('class')).toBe('flagged');
    expect(await page.locator('tr[data-source="demo-dala"]').getAttribute('class')).toBe('');
    expect(await page.locator('.flash-error').textContent()).toBe('1 source changed sharply');
    // The row is highlighted for the eye, not only by its class.
    const [flaggedBg, steadyBg] = await Promise.all([
      vestnik
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
      page
        .locator('tr[data-source="demo-dala"] td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ]);
    expect(flaggedBg).not.toBe(steadyBg);
    expect(await vestnik.locator('ul.flags li').first().textContent()).toMatch(
      /^extraction: bodies were found by selectors \(100%\), now 0%; now mostly by \w+/,
    );

    await page.click('#lang-switch button[value="ru"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(page.url()).toBe(`${server.url}/sources`);
    expect(await page.locator('h1').textContent()).toBe('Источники');
    const flag = (await page.locator('tr[data-source="demo-vestnik"] ul.flags li').first().textContent())!;
    expect(flag).toMatch(
      /^извлечение: тексты находились способом selectors \(100%\), теперь им — 0%; теперь в основном способом \w+: изменилась разметка страниц/,
    );
    // Apart from the extraction methods' codes, no English word is left in the flag.
    expect(flag.replace(/selectors|jsonld|microdata|generic|feed/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(await page.locator('tr[data-source="demo-vestnik"]').getAttribute('class')).toBe('flagged');
  });

  it('refuses a reviewer with 403', async () => {
    const page = await logIn('dana');
    const response = await page.goto(`${server.url}/sources`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('#sources').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('Only editors see the sources page.');
  });
});
