// The review server over HTTP: login, sessions, CSRF, the login rate limit, security headers, escaping of
// scraped text, filters, decisions and the conflict answer. SQLite only: the storage behaviour underneath
// is covered on both databases by review-decisions.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, startReviewServer } from '../../../pipeline/index.ts';
import { LoginRateLimiter } from '../../../pipeline/review/login-rate-limiter.ts';
import { getEntry, getTask, type Store, saveUser } from '../../../storage/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';
import {
  CLAIM_KK,
  CLAIM_RU_1,
  DETENTION_AKTOBE,
  DETENTION_SHYMKENT,
  FRAUD_NEWS,
  INJECTION,
  type SeededReview,
  seedReview,
} from './review-fixtures.ts';
import { ReviewClient } from './review-http.ts';

const PASSWORD = 'пароль-для-тестов-1';
let clock = 1_000_000;
let t: TestStore;
let store: Store;
let server: { url: string; close(): Promise<void> };
let seeded: SeededReview;

beforeAll(async () => {
  t = await openTestStore('sqlite');
  store = t.store;
  const hash = await hashPassword(PASSWORD);
  await saveUser(store, { name: 'aliya', role: 'reviewer', passwordHash: hash });
  await saveUser(store, { name: 'bolat', role: 'reviewer', passwordHash: hash });
  await saveUser(store, { name: 'dana', role: 'editor', passwordHash: hash });
  seeded = await seedReview(store);
  const limiter = new LoginRateLimiter(
    store,
    { maxAttempts: 3, maxAttemptsPerAddress: 10, windowSeconds: 60, lockSeconds: 120 },
    () => clock,
  );
  server = await startReviewServer(store, { port: 0, host: '127.0.0.1', limiter, logger: silent });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});
beforeEach(() => {
  clock += 10 * 60 * 1000;
});

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('review server', () => {
  it('refuses a non-loopback interface while no accounts exist', async () => {
    const empty = await openTestStore('sqlite');
    try {
      await expect(
        startReviewServer(empty.store, { port: 0, host: '0.0.0.0', logger: silent }),
      ).rejects.toThrow(/refusing to listen on 0\.0\.0\.0: no review accounts exist/);
    } finally {
      await empty.close();
    }
  });

  it('sends a strict CSP and security headers, and sends strangers to the login page', async () => {
    const c = new ReviewClient(server.url);
    const { res } = await c.get('/queue');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    const login = await c.get('/login');
    const csp = login.res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(login.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(login.res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('logs in with an HttpOnly SameSite=Strict session cookie, and refuses a login form without its token', async () => {
    const c = new ReviewClient(server.url);
    await c.get('/login');
    const forged = await c.post('/login', { _csrf: 'forged', name: 'aliya', password: PASSWORD });
    expect(forged.res.status).toBe(403);
    const page = await c.get('/login');
    const { res } = await c.post('/login', {
      _csrf: ReviewClient.csrfOf(page.body),
      name: 'aliya',
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('soz_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await c.get('/queue')).res.status).toBe(200);
  });

  it('locks a name after repeated failed logins, even for the right password, until the lock expires', async () => {
    const c = new ReviewClient(server.url);
    expect((await c.logIn('bolat', 'wrong-1')).status).toBe(401);
    expect((await c.logIn('bolat', 'wrong-2')).status).toBe(401);
    const third = await c.logIn('bolat', 'wrong-3');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await c.logIn('bolat', PASSWORD)).status).toBe(429);
    clock += 121_000;
    expect((await c.logIn('bolat', PASSWORD)).status).toBe(303);
  });

  it('rejects a decision without the session’s CSRF token and changes nothing', async () => {
    const c = new ReviewClient(server.url);
    await c.logIn('aliya', PASSWORD);
    const taskId = seeded.tasks[FRAUD_NEWS.key]!;
    for (const token of [undefined, 'not-the-token']) {
      const fields: Record<string, string> = { _version: '1', reason: 'csrf' };
      if (token) fields._csrf = token;
      const { res } = await c.post(`/candidates/${taskId}/reject`, fields);
      expect(res.status).toBe(403);
    }
    const page = await c.get(`/candidates/${taskId}`);
    const foreign = await c.post(
      `/candidates/${taskId}/reject`,
      { _csrf: ReviewClient.csrfOf(page.body), _version: '1', reason: 'csrf' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.res.status).toBe(403);
    expect((await getTask(store, taskId))!.status).toBe('pending');
  });

  it('filters the queue by category, language and kind', async () => {
    const c = new ReviewClient(server.url);
    await c.logIn('aliya', PASSWORD);
    const det = await c.get('/queue?category=detention');
    expect(det.body).toContain(DETENTION_SHYMKENT.title);
    expect(det.body).toContain(DETENTION_AKTOBE.title);
    expect(det.body).not.toContain(FRAUD_NEWS.title);
    const kk = await c.get('/queue?lang=kk');
    expect(kk.body).toContain('Тілшіні мәслихат сессиясына кіргізбеді');
    expect(kk.body).toContain(CLAIM_RU_1.title);
    expect(kk.body).not.toContain(DETENTION_SHYMKENT.title);
    const court = await c.get('/queue?kind=court');
    expect(court.body).toMatch(/Candidates: pending <small>\(1\)/);
  });

  it('orders "most uncertain first" by the lines it is given, asking for them only for that order', async () => {
    const tasks = await store.db
      .selectFrom('review_tasks')
      .select(['title', 'lang', 'score'])
      .where('status', '=', 'pending')
      .where('kind', '=', 'news')
      .execute();
    const kk = tasks.find((x) => x.lang === 'kk');
    if (!kk) throw new Error('the fixtures hold no pending Kazakh task');
    // Kazakh decided on the Kazakh task's own score, every other language on a line no other task sits on.
    const lines = { default: 0, byLang: { kk: Number(kk.score) } };
    let asked = 0;
    const linesServer = await startReviewServer(store, {
      port: 0,
      host: '127.0.0.1',
      logger: silent,
      lines: () => {
        asked++;
        return lines;
      },
    });
    try {
      const c = new ReviewClient(linesServer.url);
      await c.logIn('aliya', PASSWORD);
      await c.get('/queue');
      expect(asked).toBe(0);
      const page = await c.get('/queue?sort=uncertain&kind=news');
      expect(asked).toBe(1);
      const first = tasks
        .filter((x) => x.title !== kk.title)
        .map((x) => page.body.indexOf(x.title))
        .filter((i) => i >= 0);
      expect(page.body.indexOf(kk.title)).toBeGreaterThan(-1);
      expect(page.body.indexOf(kk.title)).toBeLessThan(Math.min(...first));
    } finally {
      await linesServer.close();
    }
  });

  it('shows scraped markup as text: no script, no onerror, no javascript: link', async () => {
    const c = new ReviewClient(server.url);
    await c.logIn('aliya', PASSWORD);
    const { body } = await c.get(`/candidates/${seeded.tasks[INJECTION.key]}`);
    expect(body).toContain('&lt;script&gt;window.__pwned');
    expect(body).not.toMatch(/<script>window/);
    expect(body).not.toMatch(/<img[^>]*onerror/);
    expect(body).not.toMatch(/href="javascript:/);
    expect(body).toContain('<mark class="evidence" data-category="threat"');
  });

  it('answers the second of two reviewers with 409 and a clear message, keeping the first decision', async () => {
    const a = new ReviewClient(server.url);
    const b = new ReviewClient(server.url);
    await a.logIn('aliya', PASSWORD);
    await b.logIn('bolat', PASSWORD);
    const taskId = seeded.tasks[DETENTION_AKTOBE.key]!;
    const pageA = await a.get(`/candidates/${taskId}`);
    const pageB = await b.get(`/candidates/${taskId}`);
    const confirm = await a.post(`/candidates/${taskId}/confirm`, {
      _csrf: ReviewClient.csrfOf(pageA.body),
      _version: '1',
      category: 'detention',
      stage: 'incident',
      month: '2024-03',
      lang: 'ru',
      summary: 'В Актобе на митинге задержан журналист Даурен Оспанов.',
    });
    expect(confirm.res.status).toBe(303);
    const late = await b.post(`/candidates/${taskId}/reject`, {
      _csrf: ReviewClient.csrfOf(pageB.body),
      _version: '1',
      reason: 'дубль',
    });
    expect(late.res.status).toBe(409);
    expect(late.body).toContain('Conflict: candidate');
    expect(late.body).toContain('was NOT saved');
    expect((await getTask(store, taskId))!).toMatchObject({ status: 'confirmed', decidedBy: 'aliya' });
  });

  it('splits a cluster, lets an editor undo a reviewer’s decision, and edits entries for editors only', async () => {
    const reviewer = new ReviewClient(server.url);
    const editor = new ReviewClient(server.url);
    await reviewer.logIn('bolat', PASSWORD);
    await editor.logIn('dana', PASSWORD);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    const kk = seeded.items[CLAIM_KK.key]!;
    let page = await reviewer.get(`/candidates/${taskId}`);
    const split = await reviewer.post(`/candidates/${taskId}/split`, {
      _csrf: ReviewClient.csrfOf(page.body),
      _version: '1',
      item: [String(kk)],
    });
    expect(split.res.status).toBe(303);
    const newId = Number(/\/candidates\/(\d+)/.exec(split.res.headers.get('location')!)![1]);
    expect((await getTask(store, newId))!.itemIds).toEqual([kk]);

    page = await reviewer.get(`/candidates/${newId}`);
    const confirm = await reviewer.post(`/candidates/${newId}/confirm`, {
      _csrf: ReviewClient.csrfOf(page.body),
      _version: '1',
      category: 'civil_claim',
      stage: 'charge',
      month: '2024-03',
      lang: 'kk',
      summary: 'Әкімнің орынбасары газетке талап арыз берді.',
    });
    expect(confirm.res.status).toBe(303);
    const entryPath = `/entries/2024-03-r${newId}`;
    const entryPage = await reviewer.get(entryPath);
    expect(entryPage.body).toContain('Only editors can change confirmed entries');
    const denied = await reviewer.post(entryPath, {
      _csrf: ReviewClient.csrfOf(entryPage.body),
      _version: '1',
      category: 'civil_claim',
      stage: 'charge',
      month: '2024-03',
      lang: 'kk',
      summary: 'x',
    });
    expect(denied.res.status).toBe(403);
    const edPage = await editor.get(entryPath);
    const edited = await editor.post(entryPath, {
      _csrf: ReviewClient.csrfOf(edPage.body),
      _version: '1',
      category: 'civil_claim',
      stage: 'charge',
      month: '2024-03',
      lang: 'kk',
      region: 'Жетісу облысы',
      summary: 'Әкімнің орынбасары «Дала хабары» газетіне талап арыз берді.',
      // The editor fills in the report's other languages beside the reviewer's Kazakh summary.
      summaryRu: 'Заместитель акима подал иск к газете «Дала хабары».',
      summaryEn: 'A deputy akim sued the newspaper Dala Khabary.',
      sources: CLAIM_KK.url,
    });
    expect(edited.res.status).toBe(303);
    const after = (await editor.get(entryPath)).body;
    expect(after).toContain('Жетісу облысы');
    expect(after).toContain('A deputy akim sued the newspaper Dala Khabary.');
    expect((await getEntry(store, `2024-03-r${newId}`))!.translations).toEqual({
      ru: 'Заместитель акима подал иск к газете «Дала хабары».',
      en: 'A deputy akim sued the newspaper Dala Khabary.',
    });

    page = await editor.get(`/candidates/${newId}`);
    expect(page.body).toContain('Undo this decision');
    const undo = await editor.post(`/candidates/${newId}/undo`, {
      _csrf: ReviewClient.csrfOf(page.body),
      _version: String((await getTask(store, newId))!.version),
    });
    expect(undo.res.status).toBe(303);
    expect((await getTask(store, newId))!.status).toBe('pending');
  });
});
