// Cases in dataset files, on SQLite and PostgreSQL: a file naming case ids creates those cases, entries of
// a case are ongoing by their case (not by the file's flag), exports carry case_id and case_event and
// import back unchanged, and a file written before cases leaves the stored cases alone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SozError } from '../../../core/index.ts';
import { buildDigest, exportDataset, importDataset } from '../../../pipeline/index.ts';
import { getCase, getEntry, listEntries } from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore, tempDir } from '../../helpers/test-stores.ts';

const dir = tempDir();
const write = (name: string, rows: readonly object[]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return path;
};

// An invented criminal case over three months: the charge (July), a closed hearing (August, with the
// file's ongoing flag left false: the case decides), the verdict against the blogger (September).
const base = {
  people: ['Тимур Есенов'],
  outlets: [],
  actors: ['Департамент полиции'],
  lawArticle: 'УК 274',
  court: 'Суд № 2 г. Уральска',
  region: 'Западно-Казахстанская область',
  sources: ['https://zhaiyq.example.kz/news/blogger-esenov'],
};
const ROWS = [
  {
    ...base,
    id: '2020-07-esenov-charge',
    month: '2020-07',
    eventDate: '2020-07-09',
    category: 'criminal_charge',
    stage: 'charge',
    caseNumber: '2710-20-00-1/310',
    summary: 'Блогеру Тимуру Есенову предъявлено обвинение в распространении заведомо ложной информации.',
    case_id: 'esenov-274',
  },
  {
    ...base,
    id: '2020-08-esenov-hearing',
    month: '2020-08',
    eventDate: '2020-08-20',
    category: 'closed_session',
    stage: 'incident',
    summary: 'Суд по делу блогера Есенова проходит в закрытом режиме.',
    ongoing: false,
    case_id: 'esenov-274',
    case_event: 'closed_hearing',
  },
  {
    ...base,
    id: '2020-09-esenov-verdict',
    month: '2020-09',
    eventDate: '2020-09-15',
    category: 'criminal_charge',
    stage: 'judicial_act',
    inCourt: true,
    outcome: 'against_media',
    summary: 'Суд приговорил блогера Есенова к ограничению свободы.',
    caseId: 'esenov-274',
  },
];

describe.each(TEST_DIALECTS)('cases in dataset files on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  beforeEach(async () => t.reset());
  afterAll(async () => t.close());

  it('creates the cases a file names and derives ongoing and status from them', async () => {
    const result = await importDataset(t.store, write('cases.jsonl', ROWS));
    expect(result).toMatchObject({ inserted: 3 });
    const k = (await getCase(t.store, 'esenov-274'))!;
    expect(k).toMatchObject({
      status: 'decided_against_media',
      category: 'criminal_charge',
      caseNumbers: ['2710-20-00-1/310'],
      lawArticles: ['УК 274'],
      firstMonth: '2020-07',
      lastMonth: '2020-09',
      createdBy: 'import',
    });
    const entries = await listEntries(t.store, { caseId: 'esenov-274' });
    expect(entries.map((e) => [e.id, e.ongoing, e.caseEvent])).toEqual([
      ['2020-07-esenov-charge', false, null],
      ['2020-08-esenov-hearing', true, 'closed_hearing'],
      ['2020-09-esenov-verdict', true, null],
    ]);
    // August narrates the hearing as the case's update and counts it nowhere.
    const august = await buildDigest(t.store, {
      month: '2020-08',
      lang: 'en',
      layout: 'blocks',
      explain: true,
    });
    expect(august.explain!.find((l) => l.label === 'block B in the month')!.value).toBe(0);
    expect(august.explain!.find((l) => l.label === 'ongoing cases shown but not counted')!.ids).toEqual([
      '2020-08-esenov-hearing',
    ]);
  });

  it('exports case_id and case_event, and the export imports back unchanged (jsonl and csv)', async () => {
    await importDataset(t.store, write('cases.jsonl', ROWS));
    for (const format of ['jsonl', 'csv'] as const) {
      const { bytes } = await exportDataset(t.store, { kind: 'all' }, format);
      const text = bytes.toString('utf8');
      expect(text).toContain('esenov-274');
      expect(text).toContain('closed_hearing');
      if (format === 'csv') expect(text.split('\n')[0]).toMatch(/,case_id,case_event\r?$/);
      const path = join(dir, `export.${format}`);
      writeFileSync(path, bytes);
      expect(await importDataset(t.store, path)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    }
  });

  it('leaves stored cases alone when a file has no case columns, and detaches on an empty cell', async () => {
    await importDataset(t.store, write('cases.jsonl', ROWS));
    const old = ROWS.map(({ case_id, case_event, caseId, ...r }: Record<string, unknown>) => r);
    expect(await importDataset(t.store, write('old.jsonl', old))).toMatchObject({ unchanged: 3 });
    expect((await getEntry(t.store, '2020-09-esenov-verdict'))!.caseId).toBe('esenov-274');
    await importDataset(t.store, write('detach.jsonl', [{ ...old[2], case_id: '' }]));
    expect((await getEntry(t.store, '2020-09-esenov-verdict'))!.caseId).toBeNull();
    expect((await getCase(t.store, 'esenov-274'))!.status).toBe('in_court');
  });

  it('names the row and field of a bad case id or an event without a case, and imports nothing', async () => {
    const bad = write('bad.jsonl', [
      ROWS[0]!,
      { ...ROWS[1], case_id: 'has space' },
      { ...ROWS[2], caseId: undefined, case_event: 'appeal' },
      { ...ROWS[2], id: 'x', case_id: 'a', caseId: 'b' },
    ]);
    const error = (await importDataset(t.store, bad).catch((e: unknown) => e)) as SozError & {
      rowErrors: { row: number; field: string; message: string }[];
    };
    expect(error).toBeInstanceOf(SozError);
    expect(error.rowErrors.map((e) => [e.row, e.field])).toEqual([
      [2, 'case_id'],
      [3, 'case_event'],
      // Both spellings of one column in a row: the second is named.
      [4, 'case_id'],
    ]);
    expect(await listEntries(t.store)).toEqual([]);
  });
});
