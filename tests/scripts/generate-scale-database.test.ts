// The scale benchmark's generator at a tiny N, on both dialects: the shares the issue names (15% court,
// 10% candidates, 30,000 entries and 5,000 cases per million), ten years of months, growth over time, and
// that what it writes is what the review queue, the entries and the crawler's known-link check read.
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIRST_YEAR,
  generateScaleDatabase,
  MONTHS,
  monthOf,
  seededRandom,
} from '../../scripts/scale/generate-scale-database.ts';
import { entryMonths, knownUrls, listEntries, queuePage, toNumber } from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS } from '../helpers/test-stores.ts';

const N = 20_000;

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe.each(TEST_DIALECTS)('the scale generator on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());

  it('writes the shares the benchmark promises, over ten years', async () => {
    const { store } = await ready;
    const progress: string[] = [];
    const counts = await generateScaleDatabase(store, { items: N, onProgress: (t) => progress.push(t) });
    const count = async (
      table: 'items' | 'review_tasks' | 'review_task_items' | 'dataset_entries' | 'cases',
    ) =>
      toNumber(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('items')).toBe(N);
    expect(counts.court / N).toBeGreaterThan(0.13);
    expect(counts.court / N).toBeLessThan(0.17);
    const court = await store.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('kind', '=', 'court')
      .executeTakeFirstOrThrow();
    expect(toNumber(court.n)).toBe(counts.court);
    expect(await count('review_task_items')).toBe(N / 10);
    expect(await count('review_tasks')).toBe(counts.tasks);
    expect(counts.tasks).toBeLessThan(N / 10);
    expect(await count('dataset_entries')).toBe((N * 30_000) / 1_000_000);
    expect(await count('cases')).toBe((N * 5_000) / 1_000_000);
    expect(progress).toContain('items');

    // Ten years, more items per month at the end than at the start.
    const months = await store.db
      .selectFrom('items')
      .select([(eb) => eb.fn.min('published_at').as('first'), (eb) => eb.fn.max('published_at').as('last')])
      .executeTakeFirstOrThrow();
    expect(String(months.first).slice(0, 7)).toBe(`${FIRST_YEAR}-01`);
    expect(String(months.last).slice(0, 7)).toBe(monthOf(MONTHS - 1));
    const inMonth = async (m: string) =>
      toNumber(
        (
          await store.db
            .selectFrom('items')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('published_at', '>=', m)
            .where('published_at', '<', `${m}-99`)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await inMonth(monthOf(MONTHS - 1))).toBeGreaterThan((await inMonth(monthOf(0))) * 2);

    // The review stage and the crawler read it as they read real data.
    const pending = await queuePage(store, { status: 'pending', limit: 10 });
    expect(pending.total).toBe(counts.pending);
    expect(pending.rows[0]?.sources.length).toBeGreaterThan(0);
    const years = await entryMonths(store);
    expect(years.length).toBeGreaterThan(100);
    const entries = await listEntries(store, { fromMonth: '2020-01', toMonth: '2020-12' });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.sources.length > 0)).toBe(true);
    const last = await store.db
      .selectFrom('items')
      .select('url')
      .where('id', '=', N)
      .executeTakeFirstOrThrow();
    const known = await knownUrls(store, [last.url, 'https://nowhere.kz/x']);
    expect([...known]).toEqual([last.url]);
  });
});
