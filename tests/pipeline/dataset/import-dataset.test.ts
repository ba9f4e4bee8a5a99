// Importing and exporting the dataset, on SQLite and PostgreSQL: validation that names row and field,
// all-or-nothing unless --skip-invalid, idempotent re-import, and exports that import back unchanged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SozError } from '../../../core/index.ts';
import { type DatasetFormat, exportDataset, formatDataset, importDataset } from '../../../pipeline/index.ts';
import { listEntries, type Store } from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore, tempDir } from '../../helpers/test-stores.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'dataset', 'reference-2020.jsonl');
const dir = tempDir();

const HEADER =
  'month,eventDate,category,stage,inCourt,outcome,claimedAmountKzt,isHonorDignity,summary,sources';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** What a round trip must keep: every entry field (not the storage bookkeeping). */
async function snapshot(store: Store) {
  return (await listEntries(store)).map(({ origin, reviewTaskId, version, createdAt, updatedAt, ...e }) => e);
}

async function importError(store: Store, path: string, options = {}): Promise<SozError> {
  const error = await importDataset(store, path, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SozError);
  return error as SozError;
}

describe.each(TEST_DIALECTS)('dataset import and export on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  beforeEach(async () => t.reset());
  afterAll(async () => t.close());

  it('carries the summary in three languages: summary_ru/kk/en out and in; an old file keeps the stored ones', async () => {
    // Quirk: one entry written in Kazakh with Russian and English translations, one in Russian with none.
    const path = file(
      'three-langs.csv',
      [
        'id,month,category,stage,summary,lang,summary_ru,summary_kk,summary_en,sources',
        'tr-1,2024-07,threat,incident,Журналиске қоқан-лоқы жасалды.,kk,Журналисту угрожали.,,A journalist was threatened.,https://example-news.kz/1',
        'tr-2,2024-07,blocking,incident,,ru,Сайт заблокирован.,,,https://example-news.kz/2',
      ].join('\n'),
    );
    await importDataset(t.store, path);
    const [one, two] = await listEntries(t.store);
    expect(one).toMatchObject({ summary: 'Журналиске қоқан-лоқы жасалды.', lang: 'kk' });
    expect(one!.translations).toEqual({ ru: 'Журналисту угрожали.', en: 'A journalist was threatened.' });
    // The summary of the entry's own language may come in its column alone.
    expect(two).toMatchObject({ summary: 'Сайт заблокирован.', lang: 'ru', translations: {} });

    const { bytes } = await exportDataset(t.store, { kind: 'all' }, 'csv');
    const lines = bytes.toString('utf8').split('\r\n');
    expect(lines[1]).toContain(
      ',kk,Журналисту угрожали.,Журналиске қоқан-лоқы жасалды.,A journalist was threatened.,',
    );

    // A file of the old shape (summary + lang, no translation columns) leaves the translations alone.
    const old = file(
      'old-shape.csv',
      [
        'id,month,category,stage,summary,lang,sources',
        'tr-1,2024-07,threat,incident,Журналиске қоқан-лоқы жасалды (түзетілді).,kk,https://example-news.kz/1',
      ].join('\n'),
    );
    await importDataset(t.store, old);
    const [again] = await listEntries(t.store);
    expect(again!.summary).toBe('Журналиске қоқан-лоқы жасалды (түзетілді).');
    expect(again!.translations).toEqual({ ru: 'Журналисту угрожали.', en: 'A journalist was threatened.' });
  });

  it('refuses a row whose summary and its own language column differ, naming row and field', async () => {
    const path = file(
      'differ.csv',
      [
        'id,month,category,stage,summary,lang,summary_ru,sources',
        'd-1,2024-07,threat,incident,Один текст.,ru,Другой текст.,https://example-news.kz/1',
      ].join('\n'),
    );
    const error = await importError(t.store, path);
    expect(error.message).toMatch(/row 2.*summary_ru.*differs from summary/s);
    expect(await listEntries(t.store)).toHaveLength(0);
  });

  it('imports the reference dataset once: importing the same file again adds nothing', async () => {
    const first = await importDataset(t.store, FIXTURE);
    expect(first).toMatchObject({ rows: 180, inserted: 180, updated: 0, unchanged: 0 });
    const second = await importDataset(t.store, FIXTURE);
    expect(second).toMatchObject({ rows: 180, inserted: 0, updated: 0, unchanged: 180 });
    const entries = await listEntries(t.store);
    expect(entries).toHaveLength(180);
    // Rows without an id got a content-derived one; identical counting-only rows stay distinct entries.
    const generated = entries.filter((e) => /^2020-0[1-7]-[0-9a-f]{16}$/.test(e.id));
    expect(generated.length).toBeGreaterThan(100);
    expect(entries.find((e) => e.id === '2020-08-akhmedyarov-privacy')).toMatchObject({
      block: 'C',
      stage: 'charge',
      inCourt: false,
      lawArticle: 'УК 147',
      people: ['Lukpan Akhmedyarov'],
    });
  });

  it('reports every invalid row by row number and field, and imports nothing', async () => {
    const path = file(
      'bad.csv',
      [
        HEADER,
        '2020-08,2020-08-03,civil_claim,charge,true,,1000000,true,Claim against a weekly,https://example-news.kz/a',
        '2020-08,2020-08-04,civil_claim,judgement,true,,,true,,',
        '2020-8,2020-08-31,criminal_charge,charge,maybe,,,false,,',
        '2020-08,2020-02-30,attack,incident,,for_media,,,,not-a-url',
      ].join('\n'),
    );
    const error = await importError(t.store, path);
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain(
      `${path}: row 3, field stage: "judgement" is not one of charge, judicial_act, incident`,
    );
    expect(error.message).toMatch(/3 invalid rows, nothing imported/);
    const all = (error as SozError & { rowErrors: { row: number; field: string }[] }).rowErrors;
    expect(all.map((e) => `${e.row}:${e.field}`)).toEqual([
      '3:stage',
      '4:month',
      '4:inCourt',
      '5:eventDate',
      '5:outcome',
      '5:sources',
    ]);
    expect(await listEntries(t.store)).toHaveLength(0);

    const skipped = await importDataset(t.store, path, { skipInvalid: true });
    expect(skipped).toMatchObject({ inserted: 1 });
    expect(new Set(skipped.skipped.map((e) => e.row))).toEqual(new Set([3, 4, 5]));
    expect(await listEntries(t.store)).toHaveLength(1);
  });

  it('checks fields against each other and against the taxonomy', async () => {
    const rows = [
      { month: '2020-08', category: 'obstruction', stage: 'charge' },
      { month: '2020-08', category: 'civil_claim', stage: 'incident' },
      { month: '2020-08', category: 'civil_claim', stage: 'charge', block: 'A' },
      { month: '2020-08', category: 'libel', stage: 'charge' },
      { month: '2020-08', category: 'civil_claim', stage: 'charge', claimedAmountKzt: '10.5 млн' },
      { month: '2020-08', category: 'civil_claim', stage: 'charge', colour: 'red' },
      { id: 'dup-1', month: '2020-08', category: 'threat', stage: 'incident' },
      { id: 'dup-1', month: '2020-08', category: 'attack', stage: 'incident' },
      { category: 'attack', stage: 'incident', lang: 'de' },
    ];
    const path = file('bad.jsonl', rows.map((r) => JSON.stringify(r)).join('\n'));
    const error = await importError(t.store, path);
    const all = (error as SozError & { rowErrors: { row: number; field: string; message: string }[] })
      .rowErrors;
    expect(all.map((e) => `${e.row}:${e.field}`)).toEqual([
      '1:stage',
      '2:stage',
      '3:block',
      '4:category',
      '5:claimedAmountKzt',
      '6:colour',
      '8:id',
      '9:month',
      '9:lang',
    ]);
    expect(all.find((e) => e.row === 8)!.message).toBe('"dup-1" is already used by row 7');
  });

  it('names the line of malformed JSON Lines and the file of an unknown format', async () => {
    const path = file(
      'broken.jsonl',
      `${JSON.stringify({ month: '2020-08', category: 'attack', stage: 'incident' })}\n{"month": \n`,
    );
    expect((await importError(t.store, path)).message).toMatch(/broken\.jsonl: row 2: not valid JSON/);
    const txt = file('entries.txt', 'month\n2020-08\n');
    expect((await importError(t.store, txt)).message).toMatch(/entries\.txt: unknown dataset format "\.txt"/);
  });

  it('reports the sheet row of an invalid XLSX row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('entries');
    sheet.addRow(['month', 'category', 'stage', 'claimedAmountKzt']);
    sheet.addRow(['2020-08', 'civil_claim', 'charge', 5_000_000]);
    sheet.addRow(['2020-08', 'civil_claim', 'charge', -3]);
    const path = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(path);
    expect((await importError(t.store, path)).message).toContain(
      'bad.xlsx: row 3, field claimedAmountKzt: -3 is not a whole number',
    );
  });

  it('reads a sheet typed by hand: real dates, numbers and booleans in cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('2020');
    sheet.addRow([
      'month',
      'eventDate',
      'category',
      'stage',
      'claimedAmountKzt',
      'isHonorDignity',
      'inCourt',
    ]);
    // Excel stores a typed "2020-08" as the first of the month, and "14.08.2020" as a date.
    sheet.addRow([
      new Date(Date.UTC(2020, 7, 1)),
      new Date(Date.UTC(2020, 7, 14)),
      'civil_claim',
      'charge',
      3_100_000,
      true,
      'да',
    ]);
    const path = join(dir, `typed-${dialect}.xlsx`);
    await wb.xlsx.writeFile(path);
    expect(await importDataset(t.store, path)).toMatchObject({ inserted: 1 });
    expect((await listEntries(t.store))[0]).toMatchObject({
      month: '2020-08',
      eventDate: '2020-08-14',
      claimedAmountKzt: 3_100_000,
      isHonorDignity: true,
      inCourt: true,
    });
  });

  it.each(['jsonl', 'json', 'csv', 'xlsx'] as DatasetFormat[])(
    'exports %s that imports back unchanged',
    async (format) => {
      await importDataset(t.store, FIXTURE);
      const before = await snapshot(t.store);
      const { count, bytes } = await exportDataset(t.store, { kind: 'all' }, format);
      expect(count).toBe(180);
      const path = join(dir, `round-trip-${dialect}.${format}`);
      writeFileSync(path, bytes);
      // Into the same store: nothing changes.
      expect(await importDataset(t.store, path)).toMatchObject({ inserted: 0, updated: 0, unchanged: 180 });
      // Into an empty store: the same entries, field for field.
      await t.reset();
      expect(await importDataset(t.store, path)).toMatchObject({ inserted: 180 });
      expect(await snapshot(t.store)).toEqual(before);
    },
  );

  it('exports a month, a year or a date range', async () => {
    await importDataset(t.store, FIXTURE);
    const lines = async (range: Parameters<typeof exportDataset>[1]) =>
      (await exportDataset(t.store, range, 'jsonl')).bytes.toString('utf8').trim().split('\n');
    const august = await lines({ kind: 'month', month: '2020-08' });
    expect(august).toHaveLength(20);
    expect(august.every((l) => JSON.parse(l).month === '2020-08')).toBe(true);
    expect(await lines({ kind: 'year', year: 2019 })).toHaveLength(30);
    const mid = await lines({ kind: 'dates', from: '2020-08-10', to: '2020-08-20' });
    expect(
      mid.map((l) => JSON.parse(l).eventDate).every((d: string) => d >= '2020-08-10' && d <= '2020-08-20'),
    ).toBe(true);
    expect(mid.length).toBeGreaterThan(3);
  });
});

describe('formatDataset', () => {
  it('writes CSV that quotes commas, quotes and line breaks, and joins lists with " | "', async () => {
    const csv = (
      await formatDataset(
        [
          {
            id: 'x-1',
            month: '2020-08',
            eventDate: '2020-08-14',
            category: 'regulation',
            block: 'B',
            stage: 'incident',
            inCourt: false,
            outcome: null,
            claimedAmountKzt: null,
            awardedAmountKzt: null,
            lawArticle: null,
            isHonorDignity: false,
            summary: 'Rules, marks and "press areas"\nsecond paragraph',
            lang: 'en',
            sources: ['https://example-legal.kz/a', 'https://example-news.kz/b?x=1,2'],
            people: [],
            outlets: [],
            actors: ['Ministry'],
            court: null,
            caseNumber: null,
            region: 'Nur-Sultan',
            ongoing: false,
          },
        ],
        'csv',
      )
    ).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'id,month,eventDate,category,block,stage,inCourt,outcome,claimedAmountKzt,awardedAmountKzt,lawArticle,isHonorDignity,summary,lang,summary_ru,summary_kk,summary_en,sources,people,outlets,actors,court,caseNumber,region,ongoing,case_id,case_event',
    );
    expect(csv).toContain('"Rules, marks and ""press areas""\nsecond paragraph"');
    expect(csv).toContain('"https://example-legal.kz/a | https://example-news.kz/b?x=1,2"');
  });
});
