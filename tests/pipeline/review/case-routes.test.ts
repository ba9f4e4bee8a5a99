// The case pages over HTTP: the list and the case page for every reviewer, in the browser's language;
// corrections for editors only, version-checked (409) and CSRF-checked; scraped names shown as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmCandidate,
  hashPassword,
  loadCasesOfMonth,
  loadCaseView,
  startReviewServer,
} from '../../../pipeline/index.ts';
import { casePage } from '../../../pipeline/review/pages/case-page.ts';
import { casesPage } from '../../../pipeline/review/pages/cases-page.ts';
import { uiText } from '../../../pipeline/review/ui-text.ts';
import { changeCase, getCase, saveUser } from '../../../storage/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';
import { CLAIM_FILED, ingestStory } from '../cases/case-fixtures.ts';
import { ReviewClient } from './review-http.ts';

const PASSWORD = 'пароль-для-дел-http';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
let t: TestStore;
let server: { url: string; close(): Promise<void> };
let caseId: string;

beforeAll(async () => {
  t = await openTestStore('sqlite');
  const hash = await hashPassword(PASSWORD);
  await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: hash });
  await saveUser(t.store, { name: 'dana', role: 'editor', passwordHash: hash });
  const [task] = await ingestStory(t.store, [CLAIM_FILED]);
  const { entry } = await confirmCandidate(t.store, { taskId: task!, actor: 'aliya', form: {} });
  caseId = entry.caseId!;
  // A title as a careless editor might paste it: markup must stay text.
  await changeCase(t.store, caseId, undefined, {
    title: 'Сапаров <script>alert(1)</script> — «Жаңа толқын»',
  });
  server = await startReviewServer(t.store, { port: 0, host: '127.0.0.1', logger: silent });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function client(name: string) {
  const c = new ReviewClient(server.url);
  await c.logIn(name, PASSWORD);
  return c;
}

describe('case pages', () => {
  it('lists the month’s cases and shows a case, escaping its title', async () => {
    const c = await client('aliya');
    const list = await c.get('/cases?month=2024-04');
    expect(list.res.status).toBe(200);
    expect(list.body).toContain(`data-case="${caseId}"`);
    expect(list.body).toContain('new case');
    const page = await c.get(`/cases/${caseId}`);
    expect(page.res.status).toBe(200);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Only editors can correct cases.');
    expect((await c.get('/cases/c-none')).res.status).toBe(404);
    expect((await c.get('/cases/c-none/edit')).res.status).toBe(404);
  });

  it('speaks Russian and Kazakh from the wording files', async () => {
    const cases = await loadCasesOfMonth(t.store, '2024-04');
    const user = {
      id: 1,
      name: 'aliya',
      role: 'reviewer' as const,
      passwordHash: '',
      disabled: false,
      createdAt: '',
      uiLang: null,
    };
    const ru = casesPage({ user, csrf: 'x', text: uiText('ru') }, { month: '2024-04', scope: 'open' }, cases);
    expect(ru).toContain('Дела · апрель 2024');
    expect(ru).toContain('новое дело');
    expect(ru).toContain('1 запись: обвинение или иск');
    const kk = casePage({ user, csrf: 'x', text: uiText('kk') }, await loadCaseView(t.store, caseId));
    expect(kk).toContain('Істің барысы');
    expect(kk).toContain('айып немесе талап арыз');
  });

  it('lets only editors correct a case, at the version they saw, with the form’s CSRF token', async () => {
    const reviewer = await client('aliya');
    const page = await reviewer.get(`/cases/${caseId}`);
    const csrf = ReviewClient.csrfOf(page.body);
    const version = String((await getCase(t.store, caseId))!.version);
    const refused = await reviewer.post(`/cases/${caseId}/status`, {
      _csrf: csrf,
      _version: version,
      status: 'dropped',
    });
    expect(refused.res.status).toBe(403);
    expect(refused.body).toContain('only editors can set the status of a case');

    const editor = await client('dana');
    const own = ReviewClient.csrfOf((await editor.get(`/cases/${caseId}`)).body);
    const noToken = await editor.post(`/cases/${caseId}/status`, { _version: version, status: 'dropped' });
    expect(noToken.res.status).toBe(403);
    const stale = await editor.post(`/cases/${caseId}/status`, {
      _csrf: own,
      _version: '1',
      status: 'dropped',
    });
    expect(stale.res.status).toBe(409);
    expect(stale.body).toContain('NOT saved');
    const done = await editor.post(`/cases/${caseId}/status`, {
      _csrf: own,
      _version: version,
      status: 'dropped',
      note: 'иск отозван',
    });
    expect(done.res.status).toBe(303);
    expect(done.res.headers.get('location')).toBe(`/cases/${caseId}?done=status`);
    expect((await getCase(t.store, caseId))!).toMatchObject({ status: 'dropped', statusNote: 'иск отозван' });
    const bad = await editor.post(`/cases/${caseId}/edit`, {
      _csrf: own,
      _version: String((await getCase(t.store, caseId))!.version),
      title: '  ',
    });
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain('title: a case needs a title');
  });
});
