// The queue's "most uncertain first" order on SQLite and PostgreSQL: each task is measured against the line of its
// language (the classifier decides Kazakh and Russian by calibrated lines of their own), a task of no language
// against the default line; lines that are not scores are refused with the field named.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateLines } from '../../core/index.ts';
import { createTask, queuePage, type Store, saveArticle } from '../../storage/index.ts';
import { dialectLabel, openTestStore, TEST_DIALECTS } from '../helpers/test-stores.ts';

const LINES: CandidateLines = { default: 0.3, byLang: { kk: 0.42, ru: 0.3 } };

/** Stores an article and opens a pending task it leads, with the task's language and score. */
async function task(store: Store, n: number, lang: string | null, score: number): Promise<number> {
  const { itemId } = await saveArticle(store, {
    sourceId: 'dala-news',
    kind: 'news',
    url: `https://dala-news.kz/news/${n}`,
    canonicalUrl: `https://dala-news.kz/news/${n}`,
    title: `Candidate ${n}`,
    text: `The court heard case ${n}.\n\nThe editors will appeal.`,
    publishedAt: '2024-03-10T08:00:00.000Z',
    author: null,
    section: null,
    langHint: null,
    fetchedAt: '2024-03-10T09:00:00.000Z',
    html: null,
    extractedBy: 'jsonld',
  });
  // No language stage here: the item gets the task's language, as the pipeline would have found it.
  await store.db.updateTable('items').set({ lang }).where('id', '=', itemId).execute();
  return createTask(store, {
    itemId,
    title: `Candidate ${n}`,
    kind: 'news',
    lang,
    month: '2024-03',
    topCategory: 'civil_claim',
    score,
  });
}

describe.each(TEST_DIALECTS)('the uncertain queue order on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it(`measures each task against its language's line (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    const enHalf = await task(store, 1, 'en', 0.5);
    const kkLow = await task(store, 2, 'kk', 0.3);
    const kkOnLine = await task(store, 3, 'kk', 0.42);
    const ruOnLine = await task(store, 4, 'ru', 0.3);
    const noLang = await task(store, 5, null, 0.35);
    const page = await queuePage(store, { status: 'pending', sort: 'uncertain', lines: LINES, limit: 10 });
    // Distances: kk 0.42 and ru 0.30 sit on their lines (0, by id), no language 0.05 from the default, the Kazakh
    // 0.30 0.12 below its line, English 0.5 0.2 above the default.
    expect(page.rows.map((r) => r.id)).toEqual([kkOnLine, ruOnLine, noLang, kkLow, enHalf]);
    expect(page.total).toBe(5);

    // Without lines of its own a language is measured against the default: the Kazakh 0.30 comes first then.
    const one = await queuePage(store, {
      status: 'pending',
      sort: 'uncertain',
      lines: { default: 0.3, byLang: {} },
      limit: 10,
    });
    expect(one.rows.map((r) => r.id)).toEqual([kkLow, ruOnLine, noLang, kkOnLine, enHalf]);

    // The language filter and paging keep the order.
    const kk = await queuePage(store, { lang: 'kk', sort: 'uncertain', lines: LINES, limit: 1, offset: 1 });
    expect(kk.rows.map((r) => r.id)).toEqual([kkLow]);
  });

  it('refuses missing lines and lines that are not scores, naming the field', async () => {
    const { store } = await ready;
    await task(store, 1, 'kk', 0.4);
    const page = (lines?: CandidateLines) =>
      queuePage(store, { sort: 'uncertain', limit: 10, ...(lines ? { lines } : {}) });
    await expect(page()).rejects.toThrow(/needs the candidate lines/);
    await expect(page({ default: 1.5, byLang: {} })).rejects.toThrow(/lines\.default is 1\.5, not a score/);
    await expect(page({ default: 0.3, byLang: { kk: Number.NaN } })).rejects.toThrow(
      /lines\.byLang\.kk is NaN, not a score from 0 to 1/,
    );
    await expect(page({ default: 0.3, byLang: { ru: -0.1 } })).rejects.toThrow(/lines\.byLang\.ru is -0\.1/);
  });
});
