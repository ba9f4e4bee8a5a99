// ingestArticles (a crawl's batch) against ingestArticle (one at a time): same statuses, same verdicts,
// same review tasks; candidates reprinted on two pages join one task, as they do one at a time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../core/index.ts';
import { ingestArticle, ingestArticles } from '../../../pipeline/index.ts';
import { listTasks } from '../../../storage/index.ts';
import { testClassifier } from '../../crawlers/test-classifier.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-stores.ts';

const DETENTION =
  'В Шымкенте полиция задержала журналиста Ерлана Абенова 14 августа 2020 года после публикации о закупках акимата. ' +
  'Редакция сообщила, что у него изъяли телефон и диктофон. Адвокат назвал задержание незаконным и подал жалобу прокурору.';

const article = (n: number, text: string): Article => ({
  sourceId: 'demo-ru',
  kind: 'news',
  url: `http://127.0.0.1/ru/news/${n}`,
  canonicalUrl: `http://127.0.0.1/ru/news/${n}`,
  title: `Новость №${n}`,
  text,
  publishedAt: '2020-08-14T10:00:00.000Z',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2020-08-14T12:00:00.000Z',
  html: null,
  extractedBy: 'generic',
});

describe.each(TEST_DIALECTS)('ingestArticles on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => t.reset());

  it('gives the results ingestArticle would, in order, and clusters reprints into one task', async () => {
    const plain = article(1, 'Городской парк открылся после ремонта, жителям показали новые аллеи.');
    await ingestArticle(t.store, plain, testClassifier);
    const results = await ingestArticles(
      t.store,
      [plain, article(2, DETENTION), article(3, `${DETENTION} Подробности уточняются.`)],
      testClassifier,
    );
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'new', 'new']);
    expect(results[0]!.classification).toBeUndefined();
    expect(results[1]!.classification?.candidate).toBe(true);
    expect(results[1]!.language.lang).toBe('ru');
    expect(results[1]!.taskId).toBeDefined();
    expect(results[2]!.taskId).toBe(results[1]!.taskId);
    expect(await listTasks(t.store, {})).toHaveLength(1);
  });
});
