// copySqliteToPostgres with bad input: a text PostgreSQL cannot hold (U+0000, which SQLite keeps) is named by
// table, row and column, and the target is left as it was (one transaction); the SQLite file is untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../core/index.ts';
import { copySqliteToPostgres, countItems, saveArticle } from '../../storage/index.ts';
import { testPostgres } from '../helpers/test-postgres.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';

const article = (n: number, text: string): Article => ({
  sourceId: 'copy-test',
  kind: 'news',
  url: `http://127.0.0.1/copy/${n}`,
  canonicalUrl: `http://127.0.0.1/copy/${n}`,
  title: `Заметка ${n}`,
  text,
  publishedAt: '2020-08-14T10:00:00.000Z',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2020-08-14T12:00:00.000Z',
  html: null,
  extractedBy: 'generic',
});

describe.skipIf(testPostgres().kind !== 'server')('copying SQLite into PostgreSQL, bad input', () => {
  let sqlite: TestStore;
  let pg: TestStore;
  beforeAll(async () => {
    sqlite = await openTestStore('sqlite');
    pg = await openTestStore('postgres');
  });
  afterAll(async () => {
    await sqlite?.close();
    await pg?.close();
  });

  it('names the row and column of a NUL character, and copies nothing', async () => {
    await saveArticle(sqlite.store, article(1, 'Обычный текст заметки.'));
    const bad = await saveArticle(
      sqlite.store,
      article(2, 'Текст с нулевым\u0000символом из старой вёрстки.'),
    );
    await expect(copySqliteToPostgres(sqlite.store, pg.store)).rejects.toThrow(
      new RegExp(`items row ${bad.itemId}, column text: the text holds a NUL character`),
    );
    expect(await countItems(pg.store)).toBe(0);
    expect(await countItems(sqlite.store)).toBe(2);
  });

  it('refuses to copy from PostgreSQL or into SQLite', async () => {
    await expect(copySqliteToPostgres(pg.store, sqlite.store)).rejects.toThrow(
      /the source must be a SQLite database/,
    );
  });
});
