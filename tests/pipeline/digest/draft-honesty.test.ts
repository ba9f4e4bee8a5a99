// A draft says what it does not know: a year the dataset holds nothing of is "no data for 2019", not "none",
// and a month whose candidates are still being reviewed says how many wait, at the top, in every language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDigest, importDataset } from '../../../pipeline/index.ts';
import { countUndecidedTasks } from '../../../storage/index.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';
import { seedReview } from '../../pipeline/review/review-fixtures.ts';

const dir = tempDir();
let t: TestStore;

beforeAll(async () => {
  t = await openTestStore('sqlite');
});
afterAll(async () => t?.close());

const md = (month: string, lang: 'en' | 'ru' | 'kk') =>
  draftDigest(t.store, { month, lang, layout: 'blocks', format: 'md', draftDate: '2020-09-01' }).then(String);

describe('an honest draft', () => {
  it('says "no data" for a previous year the dataset does not cover, and "none" for one it does', async () => {
    // Quirk: the first year of a dataset; then one entry of 2019 makes 2019 a year with data.
    const path = join(dir, 'first-year.csv');
    writeFileSync(
      path,
      [
        'id,month,category,stage,summary,lang,sources',
        'h-1,2020-08,threat,incident,Журналисту угрожали.,ru,https://example-news.kz/h1',
      ].join('\n'),
    );
    await importDataset(t.store, path);
    const en = await md('2020-08', 'en');
    expect(en).toContain('threats to journalists and media: 1 in January–August 2020; no data for 2019.');
    expect(en).not.toContain('none in the same period of 2019');
    expect(await md('2020-08', 'ru')).toContain('данных за 2019 год нет.');
    expect(await md('2020-08', 'kk')).toContain('2019 жыл бойынша деректер жоқ.');

    writeFileSync(
      path,
      [
        'id,month,category,stage,summary,lang,sources',
        'h-0,2019-11,blocking,incident,Сайт заблокирован.,ru,https://example-news.kz/h0',
      ].join('\n'),
    );
    await importDataset(t.store, path);
    expect(await md('2020-08', 'en')).toContain(
      'threats to journalists and media: 1 in January–August 2020; none in the same period of 2019.',
    );
  });

  it('says at the top how many candidates of the month still wait for a decision', async () => {
    await seedReview(t.store);
    const waiting = await countUndecidedTasks(t.store, '2024-03');
    expect(waiting).toBeGreaterThan(1);
    const en = await md('2024-03', 'en');
    const top = en.slice(0, en.indexOf('## '));
    expect(top).toContain(`Draft: ${waiting} candidates of March 2024 are still awaiting review`);
    const ru = await md('2024-03', 'ru');
    expect(ru.slice(0, ru.indexOf('## '))).toMatch(new RegExp(`Черновик: ${waiting} кандидат`));
    // A month without candidates says nothing of the kind.
    expect(await md('2020-08', 'en')).not.toContain('awaiting review');
  });
});
