// Migration 15 on SQLite and PostgreSQL: a task carries its first item's publication date and source, filled
// in for tasks that existed before the migration, kept in step when the head changes (a split cluster) or the
// head's date is corrected by a re-fetch, and read by the queue's date sort and decided-status filters.
import type { Kysely } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../core/index.ts';
import {
  addItemToTask,
  createTask,
  moveItemsToNewTask,
  queueFacets,
  queuePage,
  type Store,
  saveArticle,
  schemaVersion,
} from '../../storage/index.ts';
import { migrate } from '../../storage/migrations/index.ts';
import { dialectLabel, openTestStore, TEST_DIALECTS } from '../helpers/test-stores.ts';

const article = (n: number, over: Partial<Article> = {}): Article => ({
  sourceId: 'dala-news',
  kind: 'news',
  url: `https://dala-news.kz/news/${n}`,
  canonicalUrl: `https://dala-news.kz/news/${n}`,
  title: `Редакцию оштрафовали за публикацию ${n}`,
  text: `Суд рассмотрел дело номер ${n}.\n\nРедакция намерена обжаловать решение.`,
  publishedAt: '2024-03-10T08:00:00.000Z',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2024-03-10T09:00:00.000Z',
  html: null,
  extractedBy: 'jsonld',
  ...over,
});

/** Stores an article and opens a task it leads; returns both ids. */
async function task(
  store: Store,
  n: number,
  over: Partial<Article> & { score?: number; lang?: 'ru' | 'kk' | 'en' } = {},
): Promise<{ itemId: number; taskId: number }> {
  const { itemId } = await saveArticle(store, article(n, over));
  // No language stage here: the item gets the task's language, as the pipeline would have found it.
  await store.db
    .updateTable('items')
    .set({ lang: over.lang ?? 'ru' })
    .where('id', '=', itemId)
    .execute();
  const taskId = await createTask(store, {
    itemId,
    title: `Кандидат ${n}`,
    kind: 'news',
    lang: over.lang ?? 'ru',
    month: (over.publishedAt ?? '2024-03').slice(0, 7),
    topCategory: 'civil_claim',
    score: over.score ?? 0.5,
  });
  return { itemId, taskId };
}

async function setStatus(store: Store, taskIds: number[], status: string) {
  await store.db.updateTable('review_tasks').set({ status }).where('id', 'in', taskIds).execute();
}

async function heads(store: Store) {
  const rows = await store.db
    .selectFrom('review_tasks')
    .select(['id', 'published_at', 'source_id'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), publishedAt: r.published_at, sourceId: r.source_id }));
}

describe.each(TEST_DIALECTS)('review task head (migration 15) on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it(`backfills the date and source of tasks made before it (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    const a = await task(store, 1, { publishedAt: '2019-05-02T10:00:00.000Z', sourceId: 'qazaq-uni' });
    const b = await task(store, 2, { publishedAt: null });
    const expected = await heads(store);
    expect(expected.find((h) => h.id === a.taskId)).toEqual({
      id: a.taskId,
      publishedAt: '2019-05-02T10:00:00.000Z',
      sourceId: 'qazaq-uni',
    });
    // Back to the schema of version 14: the columns and indexes gone, the migration unrecorded.
    for (const index of [
      'review_tasks_status_published',
      'review_tasks_status_lang',
      'review_tasks_status_source',
    ])
      await store.db.schema.dropIndex(index).execute();
    await store.db.schema.alterTable('review_tasks').dropColumn('published_at').execute();
    await store.db.schema.alterTable('review_tasks').dropColumn('source_id').execute();
    await store.db.schema.dropIndex('items_url_fetched').execute();
    await store.db.schema.dropIndex('items_canonical_fetched').execute();
    await store.db.schema.createIndex('items_url').on('items').column('url').execute();
    await store.db.deleteFrom('schema_migrations').where('version', '=', 15).execute();
    expect(await schemaVersion(store.db)).toBe(14);

    expect(await migrate(store.db as unknown as Kysely<unknown>, store.traits)).toEqual([15]);
    expect(await heads(store)).toEqual(expected);
    expect(expected.find((h) => h.id === b.taskId)).toEqual({
      id: b.taskId,
      publishedAt: null,
      sourceId: 'dala-news',
    });
  });

  it('keeps the copies in step when a cluster is split and when a re-fetch corrects the head’s date', async () => {
    const { store } = await ready;
    const head = await task(store, 1, { publishedAt: '2024-03-01T06:00:00.000Z' });
    const second = await saveArticle(
      store,
      article(2, { sourceId: 'zhetysu-info', publishedAt: '2024-03-04T06:00:00.000Z' }),
    );
    await addItemToTask(store, head.taskId, second.itemId, 0.8);
    const newId = await moveItemsToNewTask(
      store,
      head.taskId,
      [head.itemId],
      { title: 'split', lang: 'ru', score: 0.6, topCategory: 'civil_claim', fingerprint: null },
      { title: 'rest', fingerprint: null, score: 0.5 },
    );
    const after = await heads(store);
    expect(after.find((h) => h.id === head.taskId)).toMatchObject({
      publishedAt: '2024-03-04T06:00:00.000Z',
      sourceId: 'zhetysu-info',
    });
    expect(after.find((h) => h.id === newId)).toMatchObject({
      publishedAt: '2024-03-01T06:00:00.000Z',
      sourceId: 'dala-news',
    });
    // The outlet corrected the date of the report that now heads the old task; the text changed with it.
    await saveArticle(
      store,
      article(2, {
        sourceId: 'zhetysu-info',
        publishedAt: '2024-03-03T18:30:00.000Z',
        text: 'Суд рассмотрел дело номер 2.\n\nОбновлено: редакция подала жалобу.',
      }),
    );
    expect((await heads(store)).find((h) => h.id === head.taskId)!.publishedAt).toBe(
      '2024-03-03T18:30:00.000Z',
    );
  });

  it('sorts each archive status by the leading report’s date, newest first, ties by id', async () => {
    const { store } = await ready;
    const dates = [
      '2017-06-01T10:00:00.000Z',
      '2023-01-15T10:00:00.000Z',
      '2019-11-30T10:00:00.000Z',
      '2023-01-15T10:00:00.000Z',
      '2021-02-02T10:00:00.000Z',
    ];
    for (const status of ['rejected', 'confirmed', 'deferred', 'duplicate'] as const) {
      await (await ready).reset();
      const ids: number[] = [];
      for (const [k, d] of dates.entries()) ids.push((await task(store, k + 1, { publishedAt: d })).taskId);
      const open = await task(store, 99, { publishedAt: '2025-01-01T00:00:00.000Z' });
      await setStatus(store, ids, status);
      const page = await queuePage(store, { status, sort: 'date', limit: 3 });
      expect(page.total).toBe(5);
      expect(page.rows.map((r) => r.id)).toEqual([ids[3], ids[1], ids[4]]);
      expect(page.rows.map((r) => r.publishedAt)).toEqual([dates[3], dates[1], dates[4]]);
      const rest = await queuePage(store, { status, sort: 'date', limit: 3, offset: 3 });
      expect(rest.rows.map((r) => r.id)).toEqual([ids[2], ids[0]]);
      expect(rest.rows.map((r) => r.id)).not.toContain(open.taskId);
    }
  });

  it('filters decided tasks by their leading report, open ones by any report, and offers the choices', async () => {
    const { store } = await ready;
    const ru = await task(store, 1, { lang: 'ru', score: 0.9 });
    const kkItem = await saveArticle(store, article(2, { sourceId: 'qazaq-uni', langHint: 'kk' }));
    await store.db.updateTable('items').set({ lang: 'kk' }).where('id', '=', kkItem.itemId).execute();
    await addItemToTask(store, ru.taskId, kkItem.itemId, 0.8);
    const kk = await task(store, 3, { lang: 'kk', sourceId: 'qazaq-uni', score: 0.7 });
    // Open: the ru-led cluster matches kk and qazaq-uni through its second report.
    const openKk = await queuePage(store, { status: 'pending', lang: 'kk', limit: 10 });
    expect(openKk.rows.map((r) => r.id)).toEqual([ru.taskId, kk.taskId]);
    const pendingFacets = await queueFacets(store, 'pending');
    expect(pendingFacets.langs).toEqual(['kk', 'ru']);
    expect(pendingFacets.sources).toEqual(['dala-news', 'qazaq-uni']);
    await setStatus(store, [ru.taskId, kk.taskId], 'confirmed');
    const decidedKk = await queuePage(store, { status: 'confirmed', lang: 'kk', limit: 10 });
    expect(decidedKk.rows.map((r) => r.id)).toEqual([kk.taskId]);
    expect(decidedKk.total).toBe(1);
    const bySource = await queuePage(store, {
      status: 'confirmed',
      sourceId: 'dala-news',
      sort: 'date',
      limit: 10,
    });
    expect(bySource.rows.map((r) => r.id)).toEqual([ru.taskId]);
    const facets = await queueFacets(store, 'confirmed');
    expect(facets).toMatchObject({ langs: ['kk', 'ru'], months: ['2024-03'], categories: ['civil_claim'] });
    expect(facets.sources).toEqual(['dala-news', 'qazaq-uni']);
    expect((await queueFacets(store, 'pending')).sources).toEqual([]);
  });
});
