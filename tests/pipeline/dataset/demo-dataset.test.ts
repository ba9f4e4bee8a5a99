// The bundled demo month (config/demo/dataset.jsonl): every row valid, all three blocks and languages, and
// a draft whose figures follow from it (the ongoing claim shown, not counted).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR } from '../../../core/index.ts';
import { draftDigest, importDataset, readDatasetFile, validateDatasetRows } from '../../../pipeline/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';

const DEMO = join(CONFIG_DIR, 'demo', 'dataset.jsonl');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('sqlite');
});
afterAll(async () => t.close());

describe('the demo dataset', () => {
  it('is valid and covers the three blocks and languages of August 2020', async () => {
    const { entries, errors } = validateDatasetRows(await readDatasetFile(DEMO));
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => e.month))).toEqual(new Set(['2020-08']));
    expect(new Set(entries.map((e) => e.block))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(entries.map((e) => e.lang))).toEqual(new Set(['ru', 'kk', 'en']));
    expect(entries.every((e) => e.sources.length > 0 && e.summary.length > 40)).toBe(true);
  });

  it('drafts a report whose figures follow from it', async () => {
    await importDataset(t.store, DEMO);
    const text = String(
      await draftDigest(t.store, { month: '2020-08', lang: 'en', draftDate: '2020-09-01' }),
    );
    expect(text).toContain('2 judicial acts were issued');
    expect(text).toContain('One of them was in favor of the media');
    expect(text).toContain('- 1 criminal charge, none of them in court.');
    expect(text).toContain('- 1 claim or suit in civil procedure. It was a claim for protection of honor');
    // The ongoing claim's 20 million is not added to the 5 million claimed this year.
    expect(text).toContain('amounted to 5 million tenge. The courts collected 150 thousand tenge.');
    expect(text).toContain('(ongoing case, counted in an earlier month)');
  });
});
