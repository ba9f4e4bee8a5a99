// The review server's language: Accept-Language picks it for a stranger, the login page's switch remembers a
// choice in a cookie, an account's stored choice wins on every browser, the header's switch stores it, and
// decision errors, conflicts and refused forms are worded in the page's language while the CLI keeps English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, mergeCandidate, startReviewServer } from '../../../pipeline/index.ts';
import { getUserByName, type Store, saveUser, setUserUiLang } from '../../../storage/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';
import {
  DETENTION_AKTOBE,
  FRAUD_NEWS,
  OBSTRUCTION_KK,
  type SeededReview,
  seedReview,
} from './review-fixtures.ts';
import { ReviewClient } from './review-http.ts';

const PASSWORD = 'пароль-для-языков-1';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
let t: TestStore;
let store: Store;
let server: { url: string; close(): Promise<void> };
let seeded: SeededReview;

/** A client whose browser asks for `acceptLanguage` on every request. */
class BrowserClient extends ReviewClient {
  constructor(base: string, acceptLanguage: string) {
    super(base, { 'accept-language': acceptLanguage });
  }
}

const htmlLang = (body: string) => /<html lang="(\w+)">/.exec(body)?.[1];
const flash = (body: string) =>
  /<p class="flash flash-(?:error|conflict)"[^>]*>([^<]*)<\/p>/.exec(body)?.[1] ?? '';

beforeAll(async () => {
  t = await openTestStore('sqlite');
  store = t.store;
  const hash = await hashPassword(PASSWORD);
  for (const name of ['aliya', 'bolat', 'dana', 'erlan'])
    await saveUser(store, { name, role: name === 'dana' ? 'editor' : 'reviewer', passwordHash: hash });
  seeded = await seedReview(store);
  server = await startReviewServer(store, { port: 0, host: '127.0.0.1', logger: silent });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('review UI languages', () => {
  it("speaks the browser's language to a stranger, English when it asks for none the UI speaks", async () => {
    const kk = await new BrowserClient(server.url, 'kk-KZ,kk;q=0.9,ru;q=0.8').get('/login');
    expect(htmlLang(kk.body)).toBe('kk');
    expect(kk.body).toContain('<h1>Кіру</h1>');
    expect(kk.body).toContain('<title>Кіру · Soz Monitor · тексеру</title>');
    const ru = await new BrowserClient(server.url, 'de-DE,de;q=0.9,ru;q=0.5').get('/login');
    expect(htmlLang(ru.body)).toBe('ru');
    expect(ru.body).toContain('<h1>Вход</h1>');
    const plain = await new ReviewClient(server.url).get('/login');
    expect(htmlLang(plain.body)).toBe('en');
    expect(plain.body).toContain('<h1>Log in</h1>');
  });

  it("remembers the login page's switch in this browser, and only with the login form's token", async () => {
    const c = new BrowserClient(server.url, 'en');
    const page = await c.get('/login');
    expect(page.body).toContain('action="/login/lang"');
    const forged = await c.post('/login/lang', { _csrf: 'forged', lang: 'kk', back: '/login' });
    expect(forged.res.status).toBe(303);
    expect(forged.res.headers.getSetCookie().some((x) => x.startsWith('soz_lang='))).toBe(false);
    const chosen = await c.post('/login/lang', {
      _csrf: ReviewClient.csrfOf(page.body),
      lang: 'kk',
      back: '/login',
    });
    expect(chosen.res.status).toBe(303);
    expect(chosen.res.headers.get('location')).toBe('/login');
    expect(htmlLang((await c.get('/login')).body)).toBe('kk');
  });

  it('gives an account without a language the one chosen on the login page, and follows it on another browser', async () => {
    const c = new BrowserClient(server.url, 'en');
    const page = await c.get('/login');
    await c.post('/login/lang', { _csrf: ReviewClient.csrfOf(page.body), lang: 'ru', back: '/login' });
    expect((await c.logIn('erlan', PASSWORD)).status).toBe(303);
    expect((await getUserByName(store, 'erlan'))!.uiLang).toBe('ru');
    const queue = await c.get('/queue');
    expect(htmlLang(queue.body)).toBe('ru');
    expect(queue.body).toContain('Кандидаты: ожидает проверки');
    // A second browser asking for English: the account's choice wins, and the browser learns it.
    const other = new BrowserClient(server.url, 'en-GB,en;q=0.9');
    const res = await other.logIn('erlan', PASSWORD);
    expect(res.headers.getSetCookie().some((x) => x.startsWith('soz_lang=ru;'))).toBe(true);
    expect(htmlLang((await other.get('/queue')).body)).toBe('ru');
  });

  it("stores the header switch's choice with the account and returns to the page, never to another site", async () => {
    const c = new BrowserClient(server.url, 'ru');
    await c.logIn('bolat', PASSWORD);
    const taskId = seeded.tasks[OBSTRUCTION_KK.key]!;
    const page = await c.get(`/candidates/${taskId}?done=defer`);
    expect(page.body).toContain('action="/lang"');
    // The flash is not carried back: the switch returns to the page itself.
    expect(page.body).toContain(`name="back" value="/candidates/${taskId}"`);
    const csrf = ReviewClient.csrfOf(page.body);
    const switched = await c.post('/lang', { _csrf: csrf, lang: 'kk', back: `/candidates/${taskId}` });
    expect(switched.res.status).toBe(303);
    expect(switched.res.headers.get('location')).toBe(`/candidates/${taskId}`);
    expect((await getUserByName(store, 'bolat'))!.uiLang).toBe('kk');
    const kk = await c.get(`/candidates/${taskId}`);
    expect(htmlLang(kk.body)).toBe('kk');
    expect(kk.body).toContain('Жазба ретінде растау');
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const r = await c.post('/lang', { _csrf: csrf, lang: 'en', back });
      expect(r.res.headers.get('location'), back).toBe('/queue');
    }
    const forged = await c.post('/lang', { _csrf: 'forged', lang: 'ru', back: '/queue' });
    expect(forged.res.status).toBe(403);
    expect((await getUserByName(store, 'bolat'))!.uiLang).toBe('en');
  });

  it('words decision errors and conflicts in the reviewer’s language; the CLI keeps English', async () => {
    const aliya = await setLanguage('aliya', 'kk');
    const page = await aliya.get(`/candidates/${seeded.tasks[FRAUD_NEWS.key]}`);
    const merge = await aliya.post(`/candidates/${seeded.tasks[FRAUD_NEWS.key]}/merge`, {
      _csrf: ReviewClient.csrfOf(page.body),
      _version: '1',
      entryId: '2099-01-nosuch',
    });
    expect(merge.res.status).toBe(400);
    expect(flash(merge.body)).toBe(
      `Сақталмады: ${seeded.tasks[FRAUD_NEWS.key]} үміткерін біріктіретін 2099-01-nosuch жазбасы жоқ.`,
    );
    await expect(
      mergeCandidate(store, {
        taskId: seeded.tasks[FRAUD_NEWS.key]!,
        entryId: '2099-01-nosuch',
        actor: 'cli',
      }),
    ).rejects.toThrow(/^no dataset entry with id 2099-01-nosuch to merge candidate \d+ into$/);

    // A second reviewer, in Russian, decides a candidate the first one has just confirmed.
    const dana = await setLanguage('dana', 'ru');
    const taskId = seeded.tasks[DETENTION_AKTOBE.key]!;
    const seenByDana = await dana.get(`/candidates/${taskId}`);
    const first = await aliya.get(`/candidates/${taskId}`);
    await aliya.post(`/candidates/${taskId}/confirm`, {
      _csrf: ReviewClient.csrfOf(first.body),
      _version: '1',
      category: 'detention',
      stage: 'incident',
      month: '2024-03',
      lang: 'ru',
      summary: 'В Актобе на митинге задержан журналист.',
    });
    const late = await dana.post(`/candidates/${taskId}/reject`, {
      _csrf: ReviewClient.csrfOf(seenByDana.body),
      _version: '1',
      reason: 'дубль',
    });
    expect(late.res.status).toBe(409);
    expect(flash(late.body)).toMatch(
      new RegExp(
        `^Конфликт: кандидата ${taskId} изменил\\(а\\) aliya \\(\\d+ \\S+ \\d{4}, \\d\\d:\\d\\d\\), теперь он подтверждён\\. Ваше действие «отклонение» НЕ сохранено`,
      ),
    );
    // Deciding again without a version (already decided): the reason comes from promote-entry's check.
    const again = await dana.post(`/candidates/${taskId}/reject`, {
      _csrf: ReviewClient.csrfOf(seenByDana.body),
      _version: '2',
      reason: 'дубль',
    });
    expect(again.res.status).toBe(409);
    expect(flash(again.body)).toMatch(
      /^Конфликт: кандидат \d+ уже подтверждён \(aliya, .+\); сначала редактор/,
    );

    // A bad field of the entry form, and a form the server cannot read, in Kazakh.
    const obstruction = seeded.tasks[OBSTRUCTION_KK.key]!;
    const form = await aliya.get(`/candidates/${obstruction}`);
    const bad = await aliya.post(`/candidates/${obstruction}/confirm`, {
      _csrf: ReviewClient.csrfOf(form.body),
      _version: String(/name="_version" value="(\d+)"/.exec(form.body)![1]),
      category: 'obstruction',
      stage: 'verdict',
      month: '2024-02',
      lang: 'kk',
      summary: 'Тілшіге кедергі келтірілді.',
    });
    expect(bad.res.status).toBe(400);
    expect(flash(bad.body)).toBe(
      'Сақталмады: Кезеңі: «verdict» тізімде жоқ: оқиға, айып немесе талап, сот актісі.',
    );
    const noVersion = await aliya.post(`/candidates/${obstruction}/defer`, {
      _csrf: ReviewClient.csrfOf(form.body),
    });
    expect(noVersion.res.status).toBe(400);
    expect(noVersion.body).toContain('Формада үміткердің нұсқасы жоқ; бетті жаңартыңыз.');
    expect(htmlLang(noVersion.body)).toBe('kk');
  });

  async function setLanguage(name: string, lang: 'ru' | 'kk' | 'en'): Promise<BrowserClient> {
    await setUserUiLang(store, (await getUserByName(store, name))!.id, lang);
    const c = new BrowserClient(server.url, 'en');
    await c.logIn(name, PASSWORD);
    return c;
  }
});
