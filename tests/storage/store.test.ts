// One storage suite, run against SQLite and PostgreSQL (PGlite, or a real server when DATABASE_URL is set).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Classification, DatasetEntry } from '../../core/index.ts';
import {
  changeTask,
  closeAbandonedRuns,
  createSession,
  createTask,
  finishCrawlRun,
  getCrawlRun,
  getEntry,
  getFetchState,
  getRawHtml,
  getSession,
  getUserByName,
  itemsNeedingClassification,
  knownUrls,
  listEntries,
  listItems,
  listReviewLog,
  listSources,
  listTasks,
  MIGRATIONS,
  openStore,
  ReviewConflict,
  saveArticle,
  saveClassification,
  saveFetchState,
  saveUser,
  setUserUiLang,
  startCrawlRun,
  startSourceRun,
  updateSourceRun,
  upsertEntries,
  upsertSources,
} from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore, tempDir } from '../helpers/test-stores.ts';

const article = (over: Partial<Article> = {}): Article => ({
  sourceId: 'demo-ru',
  kind: 'news',
  url: 'http://127.0.0.1/news/1',
  canonicalUrl: 'http://127.0.0.1/news/1',
  title: 'Суд взыскал с редакции 2 млн тенге',
  text: 'Первый абзац.\n\nВторой абзац.',
  publishedAt: '2020-08-14T10:00:00.000Z',
  author: 'Айгуль Сатпаева',
  section: 'Общество',
  langHint: 'ru',
  fetchedAt: '2020-08-14T12:00:00.000Z',
  html: '<html><body><p>Первый абзац.</p><p>Второй абзац.</p></body></html>',
  extractedBy: 'jsonld',
  ...over,
});

const classification = (over: Partial<Classification> = {}): Classification => ({
  modelVersion: 'test-1',
  lang: 'ru',
  script: 'cyrl',
  candidate: true,
  score: 0.91,
  categories: [{ id: 'civil_claim', score: 0.9, evidence: [{ start: 0, end: 4, text: 'Суд ' }] }],
  facts: {
    people: [],
    outlets: ['Время'],
    stateBodies: [],
    courts: [],
    caseNumbers: [],
    lawArticles: ['ГК 143'],
    amountsKzt: [2_000_000],
    dates: [],
    places: [],
    outcome: null,
  },
  ...over,
});

const entry = (over: Partial<DatasetEntry> = {}): DatasetEntry => ({
  id: '2020-08-001',
  month: '2020-08',
  eventDate: '2020-08-14',
  category: 'civil_claim',
  block: 'C',
  stage: 'judicial_act',
  inCourt: true,
  outcome: 'for_media',
  claimedAmountKzt: 78_100_000,
  awardedAmountKzt: 935_993,
  lawArticle: 'ГК 143',
  isHonorDignity: true,
  summary: 'Суд отказал в иске к газете.',
  lang: 'ru',
  sources: ['http://127.0.0.1/news/1', 'http://127.0.0.1/news/2'],
  people: ['Айгуль Сатпаева'],
  outlets: ['Время'],
  actors: ['аким'],
  court: 'Медеуский районный суд',
  caseNumber: '7527-20-00-2/1234',
  region: 'Алматы',
  ongoing: false,
  ...over,
});

describe.each(TEST_DIALECTS)('storage on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => t.reset());

  it('stores an article once, records a changed one as an update with a revision, and keeps the raw HTML', async () => {
    const first = await saveArticle(t.store, article());
    expect(first.status).toBe('new');
    expect((await saveArticle(t.store, article())).status).toBe('unchanged');
    const changed = await saveArticle(
      t.store,
      article({ text: 'Первый абзац.\n\nИсправленный второй абзац.' }),
    );
    expect(changed).toEqual({ itemId: first.itemId, status: 'updated' });
    const items = await listItems(t.store);
    expect(items).toHaveLength(1);
    expect(items[0]!.revision).toBe(2);
    expect(items[0]!.text).toContain('Исправленный');
    expect(await getRawHtml(t.store, first.itemId)).toContain('<p>Первый абзац.</p>');
    expect(await knownUrls(t.store, ['http://127.0.0.1/news/1', 'http://127.0.0.1/news/9'])).toEqual(
      new Set(['http://127.0.0.1/news/1']),
    );
  });

  it('keeps classifications per model version and lists candidates only', async () => {
    const a = await saveArticle(t.store, article());
    const b = await saveArticle(
      t.store,
      article({ url: 'http://127.0.0.1/news/2', canonicalUrl: 'http://127.0.0.1/news/2', title: 'Погода' }),
    );
    expect(await itemsNeedingClassification(t.store, 'test-1')).toEqual([a.itemId, b.itemId]);
    await saveClassification(t.store, a.itemId, classification());
    await saveClassification(
      t.store,
      b.itemId,
      classification({ candidate: false, score: 0.05, categories: [] }),
    );
    expect(await itemsNeedingClassification(t.store, 'test-1')).toEqual([]);
    const candidates = await listItems(t.store, { candidatesOnly: true });
    expect(candidates.map((i) => i.id)).toEqual([a.itemId]);
    expect(candidates[0]!.classification?.categories[0]?.id).toBe('civil_claim');
    expect(candidates[0]!.classification?.facts.amountsKzt).toEqual([2_000_000]);
    // A re-classification by the same version replaces the verdict rather than adding a row.
    await saveClassification(
      t.store,
      a.itemId,
      classification({ candidate: false, score: 0.2, categories: [] }),
    );
    expect(await listItems(t.store, { candidatesOnly: true })).toEqual([]);
  });

  it('records crawl runs with per-source counts and marks abandoned runs interrupted', async () => {
    await upsertSources(t.store, [
      { id: 'demo-ru', name: 'Demo', kind: 'rss', lang: 'ru', config: { url: 'http://x' } },
    ]);
    expect((await listSources(t.store))[0]).toMatchObject({
      id: 'demo-ru',
      kind: 'rss',
      config: { url: 'http://x' },
    });
    const runId = await startCrawlRun(t.store, { since: null });
    await startSourceRun(t.store, runId, 'demo-ru');
    await updateSourceRun(
      t.store,
      runId,
      'demo-ru',
      { found: 5, newItems: 3, updated: 1, unchanged: 1, failed: 1 },
      ['404 http://x/a'],
      'succeeded',
    );
    await finishCrawlRun(t.store, runId, 'partial');
    const run = await getCrawlRun(t.store, runId);
    expect(run?.status).toBe('partial');
    expect(run?.sources[0]).toMatchObject({
      found: 5,
      newItems: 3,
      updated: 1,
      unchanged: 1,
      failed: 1,
      errors: ['404 http://x/a'],
    });

    const stale = await startCrawlRun(t.store, {});
    await t.store.db.updateTable('crawl_runs').set({ pid: 999_999_999 }).where('id', '=', stale).execute();
    expect(await closeAbandonedRuns(t.store, () => false)).toEqual([stale]);
    expect((await getCrawlRun(t.store, stale))?.status).toBe('interrupted');
  });

  it('keeps conditional-request validators', async () => {
    await saveFetchState(t.store, {
      url: 'http://x/feed',
      sourceId: 's',
      etag: '"abc"',
      lastModified: null,
      status: 200,
    });
    await saveFetchState(t.store, {
      url: 'http://x/feed',
      sourceId: 's',
      etag: '"def"',
      lastModified: 'Fri, 14 Aug 2020 10:00:00 GMT',
      status: 200,
    });
    expect(await getFetchState(t.store, 'http://x/feed')).toMatchObject({
      etag: '"def"',
      lastModified: 'Fri, 14 Aug 2020 10:00:00 GMT',
      status: 200,
    });
  });

  it('refuses a review decision made on a stale version and logs the one that won', async () => {
    const { itemId } = await saveArticle(t.store, article());
    const taskId = await createTask(t.store, {
      itemId,
      title: 'x',
      kind: 'news',
      lang: 'ru',
      month: '2020-08',
      topCategory: 'civil_claim',
      score: 0.9,
    });
    expect(
      await createTask(t.store, {
        itemId,
        title: 'x',
        kind: 'news',
        lang: 'ru',
        month: '2020-08',
        topCategory: null,
        score: 0,
      }),
    ).toBe(taskId);
    await changeTask(
      t.store,
      taskId,
      1,
      { status: 'rejected', reason: 'not about speech' },
      'aliya',
      'reject',
    );
    await expect(
      changeTask(t.store, taskId, 1, { status: 'confirmed' }, 'bolat', 'confirm'),
    ).rejects.toBeInstanceOf(ReviewConflict);
    const [task] = await listTasks(t.store);
    expect(task).toMatchObject({ status: 'rejected', decidedBy: 'aliya', version: 2, itemIds: [itemId] });
    const log = await listReviewLog(t.store, { taskId });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: 'aliya',
      action: 'reject',
      before: { status: 'pending' },
      after: { status: 'rejected' },
    });
  });

  it("keeps an account's review UI language, and hands it to its sessions", async () => {
    await saveUser(t.store, { name: 'aliya', role: 'reviewer', passwordHash: 'h' });
    const user = (await getUserByName(t.store, 'aliya'))!;
    expect(user.uiLang).toBeNull();
    expect(await setUserUiLang(t.store, user.id, 'kk')).toBe(true);
    await createSession(t.store, {
      tokenHash: 'token-hash',
      userId: user.id,
      csrfToken: 'csrf',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    expect((await getSession(t.store, 'token-hash'))!.user.uiLang).toBe('kk');
    // Saving the account again (a new password) keeps the language.
    await saveUser(t.store, { name: 'aliya', role: 'editor', passwordHash: 'h2' });
    expect((await getUserByName(t.store, 'aliya'))!.uiLang).toBe('kk');
    expect(await setUserUiLang(t.store, user.id, null)).toBe(true);
    expect((await getUserByName(t.store, 'aliya'))!.uiLang).toBeNull();
    expect(await setUserUiLang(t.store, user.id + 1000, 'ru')).toBe(false);
  });

  it('round-trips dataset entries with big amounts and adds nothing on a repeated upsert', async () => {
    expect(
      await upsertEntries(
        t.store,
        [entry(), entry({ id: '2020-08-002', category: 'criminal_charge', stage: 'charge' })],
        'import',
      ),
    ).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await upsertEntries(t.store, [entry()], 'import')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await upsertEntries(t.store, [entry({ awardedAmountKzt: 1_000_000 })], 'import')).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const stored = await getEntry(t.store, '2020-08-001');
    expect(stored).toMatchObject({ ...entry({ awardedAmountKzt: 1_000_000 }), version: 2, origin: 'import' });
    expect(
      (
        await listEntries(t.store, { fromMonth: '2020-08', toMonth: '2020-08', category: 'criminal_charge' })
      ).map((e) => e.id),
    ).toEqual(['2020-08-002']);
  });
});

describe('opening a database', () => {
  it('names the path when the file is not a database, and leaves it as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'not-a-db.sqlite');
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(100));
    await expect(openStore({ path, env: {} })).rejects.toThrow(
      new RegExp(`cannot open the database at ${path}`),
    );
  });

  it('migrates once: reopening an existing database applies nothing twice', async () => {
    const path = join(tempDir(), 'twice.sqlite');
    const a = await openStore({ path, env: {} });
    await saveArticle(a, article());
    await a.close();
    const b = await openStore({ path, env: {} });
    const rows = await b.db.selectFrom('schema_migrations').selectAll().execute();
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await listItems(b)).toHaveLength(1);
    await b.close();
  });
});
