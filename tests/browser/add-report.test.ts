// The reviewers' loop in Chromium: a reviewer adds a report by URL (a local imitation of a regional outlet's
// page on 127.0.0.1, our own article, which the classifier scores below its candidate line), lands on the
// queued candidate marked as added by a reviewer, confirms it, and the Classifier page counts it as a
// miss; a URL that cannot be fetched stays on the form with the URL and what failed.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClassifier } from '../../cli/classifier/open-classifier.ts';
import { addReportDeps, modelInUse } from '../../cli/review/add-report-deps.ts';
import { findChromium } from '../../crawlers/index.ts';
import { hashPassword, startReviewServer } from '../../pipeline/index.ts';
import { countItems, getTask, saveUser } from '../../storage/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import { startTipSite, TIP_ARTICLE_PATH, type TipSite } from '../helpers/tip-site.ts';

const PASSWORD = 'пароль-для-ссылок-2024';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestStore;
let site: TipSite;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await openTestStore('sqlite');
  await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: await hashPassword(PASSWORD) });
  site = await startTipSite();
  const { classifier } = await openClassifier({ openStore: async () => t.store, logger: silent });
  const addDeps = addReportDeps({ classifier });
  server = await startReviewServer(t.store, {
    port: 0,
    host: '127.0.0.1',
    logger: silent,
    addReport: () => addDeps,
    model: () => modelInUse(),
  });
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: [...found.args] });
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="name"]', 'aliya');
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${server.url}/queue`);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await site?.close();
  await t?.close();
});

describe('adding a report by URL in Chromium', () => {
  it('a page that is not there: the form stays, naming the URL and what failed, nothing stored', async () => {
    await page.click('nav a[href="/add"]');
    await page.waitForURL(`${server.url}/add`);
    const missing = `${site.origin}/news/missing`;
    await page.fill('#add-url', missing);
    await page.click('#add-report-form button[type="submit"]');
    const alert = page.locator('.flash-error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      new RegExp(`${missing}: the page could not be fetched \\(.*404`),
    );
    expect(await page.inputValue('#add-url')).toBe(missing);
    expect(await countItems(t.store)).toBe(0);
  }, 120_000);

  it('adds the report below the line, confirms it, and sees it counted as a miss', async () => {
    await page.goto(`${server.url}/add`);
    await page.fill('#add-url', `${site.origin}${TIP_ARTICLE_PATH}`);
    await page.fill('#add-note', 'a tip from our Talgar correspondent');
    await page.click('#add-report-form button[type="submit"]');
    await page.waitForURL(/\/candidates\/\d+\?done=add-miss$/);
    expect(await page.locator('.flash-ok').textContent()).toContain('counted as a miss if confirmed');
    const taskId = Number(/\/candidates\/(\d+)/.exec(page.url())![1]);

    // The queue marks it as added by a reviewer, first when the most uncertain come first.
    await page.goto(`${server.url}/queue?sort=uncertain`);
    const row = page.locator('#queue tbody tr').first();
    expect(await row.getAttribute('data-href')).toBe(`/candidates/${taskId}`);
    expect(await row.locator('.badge.added').textContent()).toBe('added by a reviewer');

    await page.goto(`${server.url}/candidates/${taskId}`);
    await page.selectOption('#confirm-category', 'pressure');
    if (!(await page.inputValue('#confirm-summary')).trim())
      await page.fill(
        '#confirm-summary',
        'The landlord of Vecherny Talgar ended its lease after an issue on land plots.',
      );
    await page.click('#confirm-form button.primary');
    await page.waitForURL(/done=confirm/);
    expect((await getTask(t.store, taskId))?.status).toBe('confirmed');

    await page.click('nav a[href="/classifier"]');
    await page.waitForURL(`${server.url}/classifier`);
    for (const days of [30, 90]) {
      const period = page.locator(`#period-${days}`);
      expect(await period.locator('.misses-count').getAttribute('data-misses')).toBe('1');
      expect(await period.locator('.misses-count').textContent()).toBe(
        '1 confirmed report the classifier had not flagged',
      );
      const miss = period.locator(`#misses-${days} tbody tr`);
      expect(await miss.count()).toBe(1);
      expect(await miss.locator('td').nth(4).textContent()).toBe('aliya');
      expect(await period.locator('.added').textContent()).toBe(
        '1 reports added by URL, 1 of them below the line.',
      );
    }
    expect(await page.locator('#model dd').first().textContent()).toBe(modelInUse().version);
    // The installed model's ranking also learnt the real dev set's violations (train:model -- --real): the page says
    // how many, apart from the reviewer decisions and base texts the decision was trained on; and the real-text
    // layer that learnt all the set's labelled excerpts and decides over the base decision.
    const inUse = modelInUse();
    expect(inUse.realViolations).toBeGreaterThan(0);
    expect(await page.locator('#real-examples').textContent()).toBe(
      `${inUse.realViolations} labelled violations of the real-text dev set (the category model; its labelled excerpts also teach the real-text layer below)`,
    );
    expect(await page.locator('#layer').textContent()).toBe(
      `${inUse.layer!.examples} labelled texts, ${inUse.layer!.violations} of them violations; a candidate needs ${inUse.layer!.line} — ${inUse.layer!.fittedOn}`,
    );
    // How many people the classifier knows by name: the watch list, and the dataset's people not on it.
    expect(await page.locator('#known-people dd').first().textContent()).toMatch(
      /^[1-9]\d* people on the watch list, \d+ more from the dataset$/,
    );
    expect(await page.locator('#known-people dd code').textContent()).toBe(
      'config/lexicons/watched-people.json',
    );
  }, 240_000);
});
