// saveArticlesWithClassifications: a crawl batch of articles and their verdicts in one transaction, on
// SQLite and PostgreSQL. Quirks covered: a batch mixing a new, a changed and an unchanged page; an
// unchanged page gets no new verdict; a failing batch leaves nothing behind (all or nothing).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Article, type Classification, EMPTY_FACTS } from '../../core/index.ts';
import {
  countItems,
  getItemByUrl,
  latestClassifications,
  saveArticle,
  saveArticlesWithClassifications,
} from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../helpers/test-stores.ts';

const article = (n: number, over: Partial<Article> = {}): Article => ({
  sourceId: 'demo-kk',
  kind: 'news',
  url: `http://127.0.0.1/kk/news/${n}`,
  canonicalUrl: `http://127.0.0.1/kk/news/${n}`,
  title: `Тілшіге қатысты сот шешімі №${n}`,
  text: 'Бірінші абзац: аудандық сот талапты қарады.\n\nЕкінші абзац: редакция шешімге шағымданбақ.',
  publishedAt: '2020-08-14T10:00:00.000Z',
  author: 'Асель Нұрланқызы',
  section: 'Қоғам',
  langHint: 'kk',
  fetchedAt: '2020-08-14T12:00:00.000Z',
  html: '<html><body><p>Бірінші абзац.</p></body></html>',
  extractedBy: 'generic',
  ...over,
});

const verdict = (score: number): Classification => ({
  modelVersion: 'batch-test',
  lang: 'kk',
  script: 'cyrl',
  candidate: score > 0.5,
  score,
  categories: score > 0.5 ? [{ id: 'civil_claim', score, evidence: [] }] : [],
  facts: EMPTY_FACTS,
});

const kk = { lang: 'kk' as const, script: 'cyrl' as const, confidence: 0.9 };

describe.each(TEST_DIALECTS)('saving a batch of articles on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => t.reset());

  it('stores new, updated and unchanged articles and classifies only the new and changed', async () => {
    await saveArticle(t.store, article(1));
    await saveArticle(t.store, article(2));
    const classified: string[] = [];
    const results = await saveArticlesWithClassifications(
      t.store,
      [
        { article: article(1), language: kk },
        {
          article: article(2, { text: 'Жаңартылған мәтін: сот талапты ішінара қанағаттандырды.' }),
          language: kk,
        },
        { article: article(3), language: kk },
      ],
      ({ article: a }, _id, status) => {
        classified.push(`${a.url}:${status}`);
        return verdict(a.url.endsWith('/3') ? 0.9 : 0.2);
      },
    );
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'updated', 'new']);
    expect(classified).toEqual(['http://127.0.0.1/kk/news/2:updated', 'http://127.0.0.1/kk/news/3:new']);
    expect(results[0]!.classification).toBeNull();
    const third = await getItemByUrl(t.store, 'http://127.0.0.1/kk/news/3');
    expect(third?.id).toBe(results[2]!.itemId);
    expect(third?.lang).toBe('kk');
    const latest = await latestClassifications(
      t.store,
      results.map((r) => r.itemId),
    );
    expect(latest.has(results[0]!.itemId)).toBe(false);
    expect(latest.get(results[1]!.itemId)?.score).toBeCloseTo(0.2);
    expect(latest.get(results[2]!.itemId)?.candidate).toBe(true);
    expect((await getItemByUrl(t.store, 'http://127.0.0.1/kk/news/2'))?.revision).toBe(2);
  });

  it('stores two links to one canonical page as one item, and replaces the verdict of a changed page', async () => {
    const first = await saveArticlesWithClassifications(
      t.store,
      [{ article: article(5), language: kk }],
      () => verdict(0.9),
    );
    const results = await saveArticlesWithClassifications(
      t.store,
      [
        { article: article(5, { text: 'Түзетілген мәтін: сот шешімінің күші жойылды.' }), language: kk },
        { article: article(6), language: kk },
        // An AMP or tracking-parameter URL that names the same canonical page as the one just above.
        { article: article(6, { url: 'http://127.0.0.1/kk/news/6?amp=1' }), language: kk },
      ],
      () => verdict(0.3),
    );
    expect(results.map((r) => r.status)).toEqual(['updated', 'new', 'unchanged']);
    expect(results[0]!.itemId).toBe(first[0]!.itemId);
    expect(results[2]!.itemId).toBe(results[1]!.itemId);
    expect(await countItems(t.store)).toBe(2);
    const latest = await latestClassifications(t.store, [first[0]!.itemId]);
    expect(latest.get(first[0]!.itemId)?.score).toBeCloseTo(0.3);
    expect(latest.get(first[0]!.itemId)?.candidate).toBe(false);
  });

  it('keeps nothing of a batch whose classification fails midway', async () => {
    await expect(
      saveArticlesWithClassifications(
        t.store,
        [1, 2, 3].map((n) => ({ article: article(n), language: kk })),
        ({ article: a }) => {
          if (a.url.endsWith('/3')) throw new Error('classifier broke on page 3');
          return verdict(0.3);
        },
      ),
    ).rejects.toThrow('classifier broke on page 3');
    expect(await countItems(t.store)).toBe(0);
  });
});
