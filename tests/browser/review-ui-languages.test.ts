// The review UI in Kazakh and Russian, read in Chromium: a reviewer switches the login page to Kazakh, logs in,
// reads every page of UI_PAGES, switches to Russian in the header and reads them again; no English word is
// left. What the test reads is every text node, <title>, placeholder, title, aria-label and alt of the page,
// except content marked translate="no" (report titles and texts, names, ids, URLs, logged JSON), <kbd> keys
// and <code> commands; of what is left it allows only ALLOWED_WORDS, the seeded ids and the reports' titles.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../core/index.ts';
import { findChromium } from '../../crawlers/index.ts';
import { confirmCandidate, hashPassword, rejectCandidate, startReviewServer } from '../../pipeline/index.ts';
import { getUserByName, saveUser } from '../../storage/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import {
  ALL_REPORTS,
  CLAIM_RU_1,
  CONFIRMED_BLOCKING_ENTRY_ID,
  DETENTION_SHYMKENT,
  FRAUD_NEWS,
  type SeededReview,
  seedReview,
} from '../pipeline/review/review-fixtures.ts';

interface UiPage {
  readonly name: string;
  /** The page's address, given the seeded candidates (and `confirmedEntry`, an entry made by review). */
  readonly path: (
    s: SeededReview & { readonly confirmedEntry: string; readonly confirmedCase: string },
  ) => string;
  /** The HTTP status the page answers with (200 unless given). */
  readonly status?: number;
}

/** The pages read in every language. A new page of the review UI is one line here. */
const UI_PAGES: readonly UiPage[] = [
  { name: 'queue', path: () => '/queue' },
  { name: 'queue of decided candidates', path: () => '/queue?status=confirmed' },
  {
    name: 'candidate (open, a cluster of three reports)',
    path: (s) => `/candidates/${s.tasks[CLAIM_RU_1.key]}`,
  },
  { name: 'candidate (rejected)', path: (s) => `/candidates/${s.tasks[FRAUD_NEWS.key]}` },
  { name: 'entries', path: () => '/entries?month=2024-03' },
  { name: 'entry (imported)', path: () => `/entries/${CONFIRMED_BLOCKING_ENTRY_ID}` },
  { name: 'entry (made by review)', path: (s) => `/entries/${s.confirmedEntry}` },
  { name: 'sources (source health, editors)', path: () => '/sources' },
  { name: 'cases of the month', path: () => '/cases?month=2024-03' },
  { name: 'case (made by review)', path: (s) => `/cases/${encodeURIComponent(s.confirmedCase)}` },
  { name: 'add a report by URL', path: () => '/add' },
  { name: 'classifier (reviewer-confirmed precision, rejections, misses)', path: () => '/classifier' },
  { name: 'page not found', path: () => '/no-such-page', status: 404 },
];

/** Names and codes that are the same in every language. */
const ALLOWED_WORDS = [
  'Soz Monitor', // the brand
  'English', // the language switch names each language in its own language
  'UTC', // the log's clock
  'DDoS', // part of the Russian name of the category cyberattack
];

const PASSWORD = 'пароль-для-языков-браузера-1';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestStore;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let seeded: SeededReview & { confirmedEntry: string; confirmedCase: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  t = await openTestStore('sqlite');
  await saveUser(t.store, { name: 'aliya', role: 'editor', passwordHash: await hashPassword(PASSWORD) });
  const base = await seedReview(t.store);
  // Decided candidates and an entry made by review, so that statuses, logs and the entry's history show.
  await rejectCandidate(t.store, {
    taskId: base.tasks[FRAUD_NEWS.key]!,
    reason: 'обычная хроника',
    actor: 'aliya',
  });
  const { entry } = await confirmCandidate(t.store, {
    taskId: base.tasks[DETENTION_SHYMKENT.key]!,
    actor: 'aliya',
    form: { category: 'detention', stage: 'incident', month: '2024-03', eventDate: '2024-03-14' },
    // A case of its own, so that the case pages have one to show.
    caseId: 'new',
  });
  expect(entry.caseId).toBeTruthy();
  seeded = { ...base, confirmedEntry: entry.id, confirmedCase: entry.caseId! };
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

/** Every piece of wording a reader sees on the page (see the file's comment for what is left out). */
async function wordingOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const content = (el: Element) => el.closest('[translate="no"], script, style, kbd, code');
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const s = n.textContent?.trim();
      if (el && s && !content(el)) out.push(s);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** The English words left in the page's wording once URLs, ids and allowed names are taken out. */
function englishIn(texts: readonly string[]): string[] {
  const known = [
    ...ALLOWED_WORDS,
    ...ALL_REPORTS.flatMap((r) => [r.title, r.sourceId]),
    ...CATEGORY_IDS,
    CONFIRMED_BLOCKING_ENTRY_ID,
    seeded.confirmedEntry,
  ].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const text of texts) {
    let rest = text.replace(/https?:\/\/\S+/g, ' ');
    for (const k of known) rest = rest.split(k).join(' ');
    for (const word of rest.match(/[A-Za-z]{2,}/g) ?? []) found.push(`${word} (in «${text.slice(0, 80)}»)`);
  }
  return found;
}

async function readAllPages(page: Page, lang: 'kk' | 'ru') {
  for (const p of UI_PAGES) {
    const response = await page.goto(`${server.url}${p.path(seeded)}`);
    expect(response?.status(), p.name).toBe(p.status ?? 200);
    expect(await page.getAttribute('html', 'lang'), p.name).toBe(lang);
    expect(englishIn(await wordingOf(page)), `${lang}: ${p.name}`).toEqual([]);
  }
}

describe('review UI in Kazakh and Russian', () => {
  it('switches to Kazakh on the login page, keeps it after logging in, and leaves no English on any page', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#lang-switch button[value="kk"]');
    await page.waitForFunction(() => document.documentElement.lang === 'kk');
    expect(await page.locator('h1').textContent()).toBe('Кіру');
    expect(englishIn(await wordingOf(page))).toEqual([]);
    await page.fill('input[name="name"]', 'aliya');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForURL(`${server.url}/queue`);
    expect((await getUserByName(t.store, 'aliya'))!.uiLang).toBe('kk');
    await readAllPages(page, 'kk');
    // Dates and categories read the Kazakh way.
    await page.goto(`${server.url}/entries?month=2024-03`);
    expect(await page.locator('h1').textContent()).toBe('Расталған жазбалар · наурыз 2024');
    expect(await page.locator('#entries').textContent()).toContain('14 наурыз 2024');
    expect(await page.locator('#entries').textContent()).toContain('сайттар мен аккаунттарды бұғаттау');
    // A decision the server refuses is explained in Kazakh.
    await page.goto(`${server.url}/candidates/${seeded.tasks[CLAIM_RU_1.key]}`);
    await page.fill('#merge-entry', '2099-01-nosuch');
    await page.click('#merge-form button[type="submit"]');
    const refused = await page.locator('.flash-error').textContent();
    expect(refused).toContain('2099-01-nosuch жазбасы жоқ');
    expect(englishIn([refused!.replace('2099-01-nosuch', '')])).toEqual([]);
  });

  it('switches to Russian in the header, on the page it is on, and leaves no English on any page', async () => {
    const context = await browser.newContext({ locale: 'kk-KZ' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="name"]', 'aliya');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForURL(`${server.url}/queue`);
    const entries = `${server.url}/entries?month=2024-03`;
    await page.goto(entries);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await page.click('#lang-switch button[value="ru"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(page.url()).toBe(entries);
    expect(await page.locator('h1').textContent()).toBe('Подтверждённые записи · март 2024');
    expect(await page.locator('#entries').textContent()).toContain('14 марта 2024');
    await readAllPages(page, 'ru');
  });

  it('finds the English it is looking for on the English pages (the check is not blind)', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="name"]', 'aliya');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForURL(`${server.url}/queue`);
    await page.click('#lang-switch button[value="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const p of UI_PAGES) {
      await page.goto(`${server.url}${p.path(seeded)}`);
      expect(englishIn(await wordingOf(page)).length, p.name).toBeGreaterThan(3);
    }
  });
});
