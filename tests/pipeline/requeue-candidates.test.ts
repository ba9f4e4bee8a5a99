// A crawl killed between storing a batch and queueing its candidates must lose no candidate: the next run
// queues what was stored but never queued.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Article, type Classification, EMPTY_FACTS } from '../../core/index.ts';
import { requeueCandidates } from '../../pipeline/index.ts';
import { listTasks, saveArticle, saveClassification } from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../helpers/test-stores.ts';

const article = (n: number, title: string, text: string): Article => ({
  sourceId: 'demo-vestnik',
  kind: 'news',
  url: `http://127.0.0.1/news/${n}.html`,
  canonicalUrl: `http://127.0.0.1/news/${n}.html`,
  title,
  text,
  publishedAt: '2020-08-15T07:05:00.000Z',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2020-08-15T09:00:00.000Z',
  html: null,
  extractedBy: 'selectors',
});

const verdict = (candidate: boolean): Classification => ({
  modelVersion: 'test',
  lang: 'ru',
  script: 'cyrl',
  candidate,
  score: candidate ? 0.9 : 0.1,
  categories: candidate ? [{ id: 'detention', score: 0.9, evidence: [] }] : [],
  facts: EMPTY_FACTS,
});

describe.each(TEST_DIALECTS)('requeueCandidates on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => t.reset());

  it('queues stored candidates that have no review task, once, and leaves ordinary news alone', async () => {
    // What a killed run leaves: classified and committed, never queued.
    const detained = await saveArticle(
      t.store,
      article(
        1,
        'В Уральске задержали журналистку',
        'Корреспондента доставили в отдел полиции во время эфира.',
      ),
    );
    await saveClassification(t.store, detained.itemId, verdict(true));
    const weather = await saveArticle(
      t.store,
      article(2, 'Жара в Шымкенте', 'Синоптики обещают до сорока градусов.'),
    );
    await saveClassification(t.store, weather.itemId, verdict(false));

    expect(await requeueCandidates(t.store)).toBe(1);
    const tasks = await listTasks(t.store);
    expect(tasks.map((task) => task.itemIds)).toEqual([[detained.itemId]]);
    expect(await requeueCandidates(t.store)).toBe(0);
    expect(await listTasks(t.store)).toHaveLength(1);
  });

  it('follows the newest verdict: an item re-classified as not a candidate is not queued', async () => {
    const item = await saveArticle(
      t.store,
      article(3, 'Блогера вызвали на допрос', 'Полиция вызвала блогера.'),
    );
    await saveClassification(t.store, item.itemId, verdict(true));
    await saveClassification(t.store, item.itemId, { ...verdict(false), modelVersion: 'test-2' });
    expect(await requeueCandidates(t.store)).toBe(0);
  });
});
