// The classifier of a long-running process keeps up with the dataset, on SQLite and PostgreSQL: nothing is
// reloaded while the dataset is unchanged, a newly confirmed person is used from the next classification, an
// edit is seen through the entries' change time, a new day reloads, and concurrent refreshes share one load.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../../classifiers/index.ts';
import { createKnownNamesClassifier } from '../../../cli/classifier/known-names-classifier.ts';
import { deleteEntry, knownMediaSignature, upsertEntry } from '../../../storage/index.ts';
import { mediaDatasetEntry } from '../../helpers/media-dataset-entry.ts';
import { dialectLabel, openTestStore, TEST_DIALECTS } from '../../helpers/test-stores.ts';

const model = loadModel();
const TIP = 'Полиция Алматы допросила Бектурову о поездке в Талгар.';

const entry = (id: string, people: string[]) =>
  mediaDatasetEntry(id, people, [], { month: '2024-06', eventDate: '2024-06-11' });

describe.each(TEST_DIALECTS)('a classifier that keeps up with the dataset on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it(`reloads the names only when the dataset changed (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    await upsertEntry(store, entry('a', ['Жанар Ахметова']), 'review');
    const c = await createKnownNamesClassifier(store, model);
    const score = () => c.classify({ title: '', text: TIP, kind: 'news' }, c.detectLanguage(TIP));
    expect(score().candidate).toBe(false);
    expect(await c.refreshIfChanged()).toBeNull();

    await upsertEntry(store, entry('b', ['Асель Бектурова']), 'review');
    expect(await c.refreshIfChanged()).toEqual({ people: 2, outlets: 0, added: 1, rebuilt: true });
    expect(score().candidate).toBe(true);
    expect(await c.refreshIfChanged()).toBeNull();

    // An edit that renames the person moves the entries' change time; a deletion their count.
    const before = await knownMediaSignature(store);
    await new Promise((r) => setTimeout(r, 5));
    await upsertEntry(store, entry('b', ['Асель Жумагалиева']), 'review');
    expect(await knownMediaSignature(store)).not.toBe(before);
    expect((await c.refreshIfChanged())?.rebuilt).toBe(true);
    expect(score().candidate).toBe(false);
    await deleteEntry(store, 'b');
    expect(await c.refreshIfChanged()).toEqual({ people: 1, outlets: 0, added: 0, rebuilt: true });
  });

  it(`reloads on a new day, and concurrent refreshes share one load (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    let now = new Date('2024-06-11T23:59:00Z');
    const c = await createKnownNamesClassifier(store, model, { now: () => now });
    expect(await c.refreshIfChanged()).toBeNull();
    now = new Date('2024-06-12T00:01:00Z');
    expect(await c.refreshIfChanged()).toEqual({ people: 0, outlets: 0, added: 0, rebuilt: false });
    expect(await c.refreshIfChanged()).toBeNull();
    const first = c.refresh();
    expect(c.refresh()).toBe(first);
    expect(await c.refreshIfChanged()).toEqual(await first);
  });
});
