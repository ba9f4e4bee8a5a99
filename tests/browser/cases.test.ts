// One case followed over three months in Chromium, as reviewers meet it: April's claim is confirmed (a
// case opens and the claim is counted), May's closed hearing is proposed as the case's update and attached
// with one click (narrated as the update, not counted as a new claim), June's court-portal decision has
// already joined the case by number and is confirmed into it (counted as a judicial act in favour of the
// media, with its amounts); the case page shows the timeline, the list shows what changed in the month,
// and an editor sets the status. One server and one browser for the file.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../crawlers/index.ts';
import { draftDigest, hashPassword, startReviewServer } from '../../pipeline/index.ts';
import { getCase, getEntry, getTask, saveUser } from '../../storage/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import {
  CASE_NUMBER,
  CLAIM_FILED,
  CLOSED_HEARING,
  DECISION,
  ingestStory,
} from '../pipeline/cases/case-fixtures.ts';

const PASSWORD = 'пароль-для-дел-2024';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestStore;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
const contexts: BrowserContext[] = [];

async function loggedIn(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${server.url}/queue`);
  return page;
}

const digest = async (month: string) =>
  String(await draftDigest(t.store, { month, lang: 'en', format: 'md', draftDate: '2024-07-01' }));

beforeAll(async () => {
  t = await openTestStore('sqlite');
  const hash = await hashPassword(PASSWORD);
  await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: hash });
  await saveUser(t.store, { name: 'erlan', role: 'editor', passwordHash: hash });
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

describe('a case over three months in Chromium', () => {
  let caseId = '';

  it('April: confirming the claim opens a case, and the claim is counted', async () => {
    const [taskId] = await ingestStory(t.store, [CLAIM_FILED]);
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/candidates/${taskId}`);
    expect(await page.inputValue('#confirm-category')).toBe('civil_claim');
    expect(await page.inputValue('#confirm-stage')).toBe('charge');
    expect(await page.inputValue('#confirm-claimedAmountKzt')).toBe('5000000');
    // Automatic: a claim opens a case of its own.
    expect(await page.locator('#confirm-caseId option:checked').textContent()).toContain('a new case');
    await page.click('#confirm-form button.primary');
    await page.waitForURL(/done=confirm/);
    const entry = (await getEntry(t.store, `2024-04-r${taskId}`))!;
    caseId = entry.caseId!;
    expect(caseId).toBe(`c-2024-04-r${taskId}`);
    await page.click('#entry-case a');
    await page.waitForURL(`${server.url}/cases/${caseId}`);
    expect(await page.locator('#timeline li.tl-entry').count()).toBe(1);

    const april = await digest('2024-04');
    expect(april).toContain('- 1 claim or suit in civil procedure. It was a claim for protection of honor');
  });

  it('May: the closed hearing is proposed as the case’s update and attached with one click', async () => {
    const [taskId] = await ingestStory(t.store, [CLOSED_HEARING]);
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/candidates/${taskId}`);
    const proposals = page.locator('#case-proposals');
    expect(await proposals.textContent()).toContain(caseId);
    expect(await proposals.textContent()).toContain(`names the case number ${CASE_NUMBER}`);
    await page.fill(
      '#confirm-summary',
      'The court heard the district official’s claim against Zhana Tolqyn behind closed doors; reporters were turned away.',
    );
    await page.click(`#case-proposals button[value="${caseId}"]`);
    await page.waitForURL(/done=confirm/);
    const entry = (await getEntry(t.store, `2024-05-r${taskId}`))!;
    expect(entry).toMatchObject({ caseId, category: 'closed_session', ongoing: true });
    expect((await getTask(t.store, taskId!))!.status).toBe('confirmed');

    const may = await digest('2024-05');
    expect(may).toMatch(/reporters were turned away\. _\(update of a case first counted in April 2024\)_/);
    expect(may).toContain('- 0 claims and suits in civil procedure.');
    // The claim is still counted once, in April, for the year.
    expect(may).toContain(
      '- 1 claim or suit in civil procedure. Among them, 1 claim for protection of honor',
    );
  });

  it('June: the decision joined the case by number; confirmed, it counts as a judicial act for the media', async () => {
    const [taskId] = await ingestStory(t.store, [DECISION]);
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/candidates/${taskId}`);
    expect(await page.locator('#case-joined').textContent()).toContain(caseId);
    expect(await page.inputValue('#confirm-stage')).toBe('judicial_act');
    expect(await page.inputValue('#confirm-outcome')).toBe('for_media');
    expect(await page.inputValue('#confirm-awardedAmountKzt')).toBe('0');
    expect(await page.inputValue('#confirm-caseNumber')).toBe(CASE_NUMBER);
    expect(await page.locator('#confirm-caseId option:checked').textContent()).toContain(caseId);
    await page.fill(
      '#confirm-summary',
      'The court dismissed the district official’s claim of 5 million tenge against Zhana Tolqyn and its blogger.',
    );
    await page.click('#confirm-form button.primary');
    await page.waitForURL(/done=confirm/);
    expect((await getEntry(t.store, `2024-06-r${taskId}`))!).toMatchObject({
      caseId,
      stage: 'judicial_act',
      outcome: 'for_media',
      awardedAmountKzt: 0,
    });

    const june = await digest('2024-06');
    expect(june).toContain(
      '1 judicial act was issued against media and citizens in connection with the exercise of the right to freedom of expression',
    );
    expect(june).toContain('One of them was in favor of the media, journalists and citizens.');
    expect(june).toContain('- 0 claims and suits in civil procedure.');
    expect(june).toContain('amounted to 5 million tenge. The courts collected 0 tenge.');
    expect(june).toMatch(/its blogger\. _\(update of a case first counted in April 2024\)_/);
  });

  it('shows the case’s timeline: the three entries, the portal’s events, the status each left', async () => {
    const page = await loggedIn('aliya');
    await page.goto(`${server.url}/cases/${caseId}`);
    expect(await page.locator('#case-status-line').textContent()).toContain('decided for the media');
    const entries = page.locator('#timeline li.tl-entry');
    expect(await entries.locator('.tl-kind').allTextContents()).toEqual([
      'charge or claim filed',
      'closed hearing',
      'judicial act',
    ]);
    expect(await entries.locator('.tl-counting').allTextContents()).toEqual([
      'counted in April 2024',
      'update, not counted again',
      'counted as a judicial act of June 2024',
    ]);
    expect(await entries.locator('.tl-status').allTextContents()).toEqual([
      '→ in court',
      '→ in court',
      '→ decided for the media',
    ]);
    expect(await page.locator('#timeline li.tl-portal').count()).toBe(3);
    // In date order, the portal's registration comes before the April news, the decision just after it.
    const dates = await page
      .locator('#timeline li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date')));
    expect(dates).toEqual([...dates].sort());
    const facts = await page.locator('.case-facts').textContent();
    expect(facts).toContain(CASE_NUMBER);
    expect(facts).toMatch(/5\s000\s000 ₸/);
    expect(await page.locator('#case-sources').textContent()).toContain(DECISION.article.url);
    expect(await page.locator('#case-edit').count()).toBe(0);
  });

  it('lists the case among May’s changes, and lets an editor set its status', async () => {
    const page = await loggedIn('erlan');
    await page.click('header nav a[href="/cases"]');
    await page.goto(`${server.url}/cases?month=2024-05`);
    const row = page.locator(`tr.case-row[data-case="${caseId}"]`);
    expect(await row.locator('.case-changes').textContent()).toContain('closed hearing');
    expect(await row.locator('.case-changes').textContent()).toContain('Судебное заседание (закрытое)');
    await row.locator('a.open').click();
    await page.waitForURL(`${server.url}/cases/${caseId}`);
    await page.selectOption('#case-status', 'appealed');
    await page.fill('#case-status-note', 'the official appealed on 1 July');
    await page.click('#case-status-form button[type="submit"]');
    await page.waitForURL(/done=status/);
    expect(await page.locator('#case-status-line').textContent()).toContain('appealed');
    expect(await page.locator('#case-log').textContent()).toContain('status set');
    expect((await getCase(t.store, caseId))!).toMatchObject({
      status: 'appealed',
      derivedStatus: 'decided_for_media',
    });
  });
});
