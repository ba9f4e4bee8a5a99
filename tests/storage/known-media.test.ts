// loadKnownMedia on SQLite and PostgreSQL: the people and outlets of dataset entries, each once, and what the
// classifier does with them (a headline naming only a known journalist becomes a candidate).
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import { loadKnownMedia, upsertEntry } from '../../storage/index.ts';
import { mediaDatasetEntry } from '../helpers/media-dataset-entry.ts';
import { dialectLabel, openTestStore, TEST_DIALECTS } from '../helpers/test-stores.ts';

const entry = (id: string, people: string[], outlets: string[]) =>
  mediaDatasetEntry(id, people, outlets, {
    category: 'detention',
    summary: 'Корреспондента задержали у здания акимата во время прямого эфира.',
    sources: [`https://dala-news.kz/news/${id}`],
    region: 'Уральск',
  });

describe.each(TEST_DIALECTS)('known media from the dataset on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it(`lists each person and outlet once (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    expect(await loadKnownMedia(store)).toEqual({ people: [], outlets: [], cases: {} });
    await upsertEntry(
      store,
      entry('a', ['Айжан Тулегенова', ' Марат Есенов '], ['Степной вестник']),
      'review',
    );
    await upsertEntry(store, entry('b', ['Айжан Тулегенова'], []), 'review');
    expect(await loadKnownMedia(store)).toEqual({
      people: ['Айжан Тулегенова', 'Марат Есенов'],
      outlets: ['Степной вестник'],
      cases: { 'Айжан Тулегенова': 'detention', 'Марат Есенов': 'detention' },
    });
  });

  it(`gives each person the category of their latest entry (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    await upsertEntry(store, entry('a', ['Айжан Тулегенова'], []), 'review');
    await upsertEntry(
      store,
      { ...entry('b', ['Айжан Тулегенова'], []), month: '2024-07', category: 'criminal_charge' },
      'review',
    );
    expect((await loadKnownMedia(store)).cases).toEqual({ 'Айжан Тулегенова': 'criminal_charge' });
  });

  it(`names a known journalist as a target for the classifier (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    await upsertEntry(store, entry('a', ['Айжан Тулегенова'], []), 'review');
    const classifier = createClassifier({ knownMedia: await loadKnownMedia(store) });
    const text = 'Тулегенову вызвали в полицию для дачи показаний.';
    const c = classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));
    expect(c.candidate).toBe(true);
    const unknown = 'Жаксыбекову вызвали в полицию для дачи показаний.';
    expect(
      classifier.classify({ title: '', text: unknown, kind: 'news' }, classifier.detectLanguage(unknown))
        .candidate,
    ).toBe(false);
  });
});
