// The review UI in Chromium (Debian's, or the bundled one): log in, filter, read a candidate's highlighted evidence, confirm with
// corrections, reject, merge a duplicate, read the log; scraped markup never runs; the second of two
// reviewers gets a conflict. One server and one browser for the file (two cores on CI).
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../crawlers/index.ts';
import { hashPassword, startReviewServer } from '../../pipeline/index.ts';
import { getEntry, getTask, listLabels, saveUser } from '../../storage/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import {
  BLOCKING_LATE,
  CLAIM_KK,
  CLAIM_RU_1,
  CONFIRMED_BLOCKING_ENTRY_ID,
  DETENTION_AKTOBE,
  DETENTION_SHYMKENT,
  FRAUD_NEWS,
  INJECTION,
  OBSTRUCTION_KK,
  type SeededReview,
  seedReview,
} from '../pipeline/review/review-fixtures.ts';

const PASSWORD = 'пароль-для-браузера-1';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestStore;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let seeded: SeededReview;
const contexts: BrowserContext[] = [];

async function loggedIn(name: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/queue`);
  await expect(page.url()).toBe(`${server.url}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${server.url}/queue`);
  return page;
}

beforeAll(async () => {
  t = await openTestStore('sqlite');
  const hash = await hashPassword(PASSWORD);
  await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: hash });
  await saveUser(t.store, { name: 'bolat', role: 'reviewer', passwordHash: hash });
  seeded = await seedReview(t.store);
  server = await startReviewServer(t.store, { port: 0, host: '127.0.0.1', logger: silent });
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: [...found.args] });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('review UI in Chromium', () => {
  it('logs in, filters the queue by category and opens a candidate with the keyboard', async () => {
    const page = await loggedIn('aliya');
    await expect(await page.locator('.shortcut-line').textContent()).toContain('j');
    await page.selectOption('select[name="category"]', 'detention');
    await page.click('#filters button[type="submit"]');
    await page.waitForURL(/category=detention/);
    const titles = await page.locator('.queue-row a.open').allTextContents();
    expect(titles.sort()).toEqual([DETENTION_AKTOBE.title, DETENTION_SHYMKENT.title].sort());
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/candidates\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(DETENTION_SHYMKENT.title);
    await page.keyboard.press('?');
    expect(await page.locator('#shortcuts').isVisible()).toBe(true);
  });

  it('shows the cluster’s reports and the evidence highlighted, skipping a stale span', async () => {
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/candidates/${seeded.tasks[CLAIM_RU_1.key]}`);
    expect(await page.locator('.reports li').count()).toBe(3);
    expect(await page.locator('.reports').textContent()).toContain(CLAIM_KK.url);
    const marks = await page.locator('details[open] mark.evidence').allTextContents();
    expect(marks).toContain('иском о защите чести, достоинства и деловой репутации');
    expect(marks).toContain('требует опровержения');
    await page.goto(`${server.url}/candidates/${seeded.tasks[OBSTRUCTION_KK.key]}`);
    expect(await page.locator('mark.evidence').allTextContents()).toEqual([
      'кәсіби қызметіне кедергі келтірді',
    ]);
  });

  it('confirms a candidate with a corrected category and amount, and shows the log', async () => {
    const page = await loggedIn('aliya');
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    await page.goto(`${server.url}/candidates/${taskId}`);
    expect(await page.inputValue('#confirm-category')).toBe('pressure');
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-category');
    await page.selectOption('#confirm-category', 'civil_claim');
    expect(await page.inputValue('#confirm-block')).toBe('C');
    await page.selectOption('#confirm-stage', 'charge');
    await page.fill('#confirm-claimedAmountKzt', '10 000 000');
    await page.check('input[name="isHonorDignity"]');
    await page.click('#confirm-form button[type="submit"]');
    await page.waitForURL(/done=confirm/);
    expect(await page.locator('.flash-ok').textContent()).toContain('Confirmed');
    const log = await page.locator('#log').textContent();
    expect(log).toContain('aliya');
    expect(log).toContain('confirm');
    expect(log).toContain('entry-create');
    expect(log).toContain('cluster-join');
    const entry = await getEntry(t.store, `2024-03-r${taskId}`);
    expect(entry).toMatchObject({
      category: 'civil_claim',
      block: 'C',
      claimedAmountKzt: 10_000_000,
      isHonorDignity: true,
    });
    expect(entry!.sources).toHaveLength(3);
    await page.goto(`${server.url}/entries?month=2024-03`);
    expect(await page.locator('#entries').textContent()).toContain(`2024-03-r${taskId}`);
  });

  it('rejects a candidate with a reason typed after the r shortcut', async () => {
    const page = await loggedIn('aliya');
    const taskId = seeded.tasks[FRAUD_NEWS.key]!;
    await page.goto(`${server.url}/candidates/${taskId}`);
    await page.keyboard.press('r');
    await page.keyboard.type('обычная уголовная хроника, не о свободе слова');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=reject/);
    expect(await page.locator('.status').textContent()).toBe('rejected');
    expect((await getTask(t.store, taskId))!.reason).toBe('обычная уголовная хроника, не о свободе слова');
    const labels = await listLabels(t.store);
    expect(labels.find((l) => l.itemId === seeded.items[FRAUD_NEWS.key])?.candidate).toBe(false);
  });

  it('merges a late report into an existing entry', async () => {
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/candidates/${seeded.tasks[BLOCKING_LATE.key]}`);
    await page.fill('#merge-entry', CONFIRMED_BLOCKING_ENTRY_ID);
    await page.click('#merge-form button[type="submit"]');
    await page.waitForURL(/done=merge/);
    expect(await page.locator('#log').textContent()).toContain('entry-add-sources');
    const entry = await getEntry(t.store, CONFIRMED_BLOCKING_ENTRY_ID);
    expect(entry!.sources).toContain(BLOCKING_LATE.url);
  });

  it('never runs a script or onerror payload from an article', async () => {
    const page = await loggedIn('aliya');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/candidates/${seeded.tasks[INJECTION.key]}`);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('h1').textContent()).toBe(INJECTION.title);
    expect(await page.locator('.text img').count()).toBe(0);
    expect(await page.locator('.text a').count()).toBe(0);
    // The queue lists the same title as text too.
    await page.goto(`${server.url}/queue`);
    expect(await page.locator('.queue').textContent()).toContain('<script>window.__pwned = "title"</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('tells the second of two reviewers about the conflict and keeps the first decision', async () => {
    const a = await loggedIn('aliya');
    const b = await loggedIn('bolat');
    const taskId = seeded.tasks[DETENTION_AKTOBE.key]!;
    await a.goto(`${server.url}/candidates/${taskId}`);
    await b.goto(`${server.url}/candidates/${taskId}`);
    await a.click('#confirm-form button[type="submit"]');
    await a.waitForURL(/done=confirm/);
    await b.fill('#reject-reason', 'дубль');
    const [response] = await Promise.all([
      b.waitForResponse((r) => r.request().method() === 'POST'),
      b.click('#reject-form button[type="submit"]'),
    ]);
    expect(response.status()).toBe(409);
    const banner = await b.locator('.flash-conflict').textContent();
    expect(banner).toContain('Conflict');
    expect(banner).toContain('aliya');
    expect(banner).toContain('NOT saved');
    expect((await getTask(t.store, taskId))!).toMatchObject({ status: 'confirmed', decidedBy: 'aliya' });
  });
});
