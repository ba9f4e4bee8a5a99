// Two review servers on one database behave as one, as behind a reverse proxy that spreads requests: a login
// form from B posted to A, the session valid on B, a decision made on B shown on A, a logout on B ending the
// session on A, and failed logins counted across both. --trust-proxy reads the client address from X-Forwarded-For (only then), and an
// https public URL makes every cookie Secure and lets its origin post forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, startReviewServer } from '../../../pipeline/index.ts';
import { LoginRateLimiter } from '../../../pipeline/review/login-rate-limiter.ts';
import { getTask, openStore, type Store, saveUser } from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-stores.ts';
import { DETENTION_AKTOBE, DETENTION_SHYMKENT, type SeededReview, seedReview } from './review-fixtures.ts';
import { ReviewClient } from './review-http.ts';

const PASSWORD = 'пароль-для-тестов-2';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const LIMITS = { maxAttempts: 3, maxAttemptsPerAddress: 4, windowSeconds: 60, lockSeconds: 120 };

describe.each(TEST_DIALECTS)('two review servers on one %s database', (dialect) => {
  let t: TestStore;
  let second: Store;
  let seeded: SeededReview;
  let clock = 5_000_000;
  const servers: { url: string; close(): Promise<void> }[] = [];
  let a: string;
  let b: string;
  let proxied: string;
  let https: string;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    // The second server has its own connection(s), as a second process would.
    second = await openStore(t.url ? { url: t.url, env: {} } : { path: t.store.location, env: {} });
    const hash = await hashPassword(PASSWORD);
    await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: hash });
    await saveUser(t.store, { name: 'bolat', role: 'reviewer', passwordHash: hash });
    await saveUser(t.store, { name: 'dana', role: 'editor', passwordHash: hash });
    seeded = await seedReview(t.store);
    const start = async (store: Store, extra: { trustProxy?: boolean; publicUrl?: string } = {}) => {
      const limiter = new LoginRateLimiter(store, LIMITS, () => clock);
      const server = await startReviewServer(store, {
        port: 0,
        host: '127.0.0.1',
        limiter,
        logger: silent,
        ...extra,
      });
      servers.push(server);
      return server.url;
    };
    a = await start(t.store);
    b = await start(second);
    proxied = await start(second, { trustProxy: true });
    https = await start(t.store, { publicUrl: 'https://review.example.org' });
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await second?.close();
    await t?.close();
  });

  it('logs in on A, decides on B, sees the decision on A, and logs out on B for both', async () => {
    clock += 600_000;
    const browser = new ReviewClient(a);
    const onB = browser.at(b);
    // The login form from B, posted to A: its CSRF token is a cookie, not state of one server.
    const form = await onB.get('/login');
    const login = await browser.post('/login', {
      _csrf: ReviewClient.csrfOf(form.body),
      name: 'aliya',
      password: PASSWORD,
    });
    expect(login.res.status).toBe(303);
    const taskId = seeded.tasks[DETENTION_SHYMKENT.key]!;
    const page = await onB.get(`/candidates/${taskId}`);
    expect(page.res.status).toBe(200);
    const decided = await onB.post(`/candidates/${taskId}/reject`, {
      _csrf: ReviewClient.csrfOf(page.body),
      _version: '1',
      reason: 'не о свободе слова',
    });
    expect(decided.res.status).toBe(303);
    expect(await getTask(t.store, taskId)).toMatchObject({ status: 'rejected', decidedBy: 'aliya' });
    const onA = await browser.get(`/candidates/${taskId}`);
    expect(onA.res.status).toBe(200);
    expect(onA.body).toContain('не о свободе слова');
    // The CSRF token of a page served by A is good on B: it is the session's, in the database.
    const queueOnA = await browser.get('/queue');
    const out = await onB.post('/logout', { _csrf: ReviewClient.csrfOf(queueOnA.body) });
    expect(out.res.status).toBe(303);
    const after = await browser.get('/queue');
    expect(after.res.status).toBe(303);
    expect(after.res.headers.get('location')).toBe('/login');
  });

  it('counts failed logins across both servers: the third failure, on A, locks the account on B too', async () => {
    clock += 600_000;
    const attacker = new ReviewClient(a);
    expect((await attacker.logIn('bolat', 'wrong-1')).status).toBe(401);
    expect((await attacker.at(b).logIn('bolat', 'wrong-2')).status).toBe(401);
    expect((await attacker.logIn('bolat', 'wrong-3')).status).toBe(429);
    // Even the right password is refused on B while the lock lasts, with the time to wait.
    const owner = new ReviewClient(b);
    const locked = await owner.logIn('bolat', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(100);
    clock += LIMITS.lockSeconds * 1000 + 1000;
    expect((await owner.logIn('bolat', PASSWORD)).status).toBe(303);
  });

  it('with --trust-proxy counts failures per X-Forwarded-For client (its last entry); without, ignores it', async () => {
    clock += 600_000;
    const post = async (base: string, name: string, forwardedFor: string) => {
      const c = new ReviewClient(base);
      const page = await c.get('/login');
      const { res } = await c.post(
        '/login',
        { _csrf: ReviewClient.csrfOf(page.body), name, password: 'wrong' },
        { 'x-forwarded-for': forwardedFor },
      );
      return res.status;
    };
    // Four different account names from one client behind the proxy: the address is locked at the fourth.
    // The client forges a first entry each time; the proxy's (last) entry is what counts.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await post(proxied, `nobody-${i}`, `10.9.9.${i}, 203.0.113.5`));
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await post(proxied, 'nobody-x', '203.0.113.5')).toBe(429);
    // Another client behind the same proxy is not locked out with it.
    expect(await post(proxied, 'nobody-y', '198.51.100.7')).toBe(401);
    // Without --trust-proxy the header is the client's word: the socket address (127.0.0.1) is what counts,
    // and it has four failures of its own now (the ones above came in as 203.0.113.5 and 198.51.100.7).
    clock += 600_000;
    const direct = [];
    for (let i = 0; i < 4; i++) direct.push(await post(a, `somebody-${i}`, `198.51.100.${i}`));
    expect(direct).toEqual([401, 401, 401, 429]);
  });

  it('sets Secure on every cookie when the public URL is https, and accepts form posts from that origin', async () => {
    clock += 600_000;
    const plain = new ReviewClient(a);
    await plain.get('/login');
    expect(plain.lastSetCookies.join(' ')).not.toContain('Secure');
    const browser = new ReviewClient(https);
    const page = await browser.get('/login');
    expect(browser.lastSetCookies.length).toBeGreaterThan(0);
    for (const c of browser.lastSetCookies) expect(c).toMatch(/; Secure$/);
    const login = await browser.post(
      '/login',
      { _csrf: ReviewClient.csrfOf(page.body), name: 'dana', password: PASSWORD },
      { origin: 'https://review.example.org' },
    );
    expect(login.res.status).toBe(303);
    for (const c of browser.lastSetCookies)
      expect(c).toMatch(/HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    const taskId = seeded.tasks[DETENTION_AKTOBE.key]!;
    const candidate = await browser.get(`/candidates/${taskId}`);
    const foreign = await browser.post(
      `/candidates/${taskId}/defer`,
      { _csrf: ReviewClient.csrfOf(candidate.body), _version: '1' },
      { origin: 'https://elsewhere.example.org' },
    );
    expect(foreign.res.status).toBe(403);
    const deferred = await browser.post(
      `/candidates/${taskId}/defer`,
      { _csrf: ReviewClient.csrfOf(candidate.body), _version: '1' },
      { origin: 'https://review.example.org' },
    );
    expect(deferred.res.status).toBe(303);
    const out = await browser.post('/logout', { _csrf: ReviewClient.csrfOf(candidate.body) });
    expect(out.res.status).toBe(303);
    expect(browser.lastSetCookies[0]).toMatch(/Max-Age=0; Secure$/);
  });
});
