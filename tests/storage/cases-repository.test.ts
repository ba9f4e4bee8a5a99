// The cases tables on SQLite and PostgreSQL: a case's derived columns follow its entries, its numbers come
// from its entries and its editors, court items join by number only when exactly one case has it, a change
// at a stale version is refused, and an empty case can be deleted with its links.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article, DatasetEntry } from '../../core/index.ts';
import {
  CaseConflict,
  casesByNumbers,
  casesOfItems,
  changeCase,
  deleteEmptyCase,
  getCase,
  getEntry,
  insertCase,
  joinCourtItemsToCases,
  listCases,
  MIGRATIONS,
  saveArticle,
  schemaVersion,
  setEntriesCase,
  upsertEntry,
} from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS } from '../helpers/test-stores.ts';

const entry = (id: string, month: string, over: Partial<DatasetEntry> = {}): DatasetEntry => ({
  id,
  month,
  eventDate: `${month}-10`,
  category: 'civil_claim',
  block: 'C',
  stage: 'charge',
  inCourt: false,
  outcome: null,
  claimedAmountKzt: 2_000_000,
  awardedAmountKzt: null,
  lawArticle: 'ГК 143',
  isHonorDignity: true,
  summary: 'Иск к газете.',
  lang: 'ru',
  sources: [`https://news.example.kz/${id}`],
  people: [],
  outlets: ['Газета'],
  actors: [],
  court: null,
  caseNumber: '7511-21-00-2/15',
  region: null,
  ongoing: false,
  ...over,
});

const newCase = (id: string) => ({
  id,
  title: `case ${id}`,
  category: 'civil_claim' as const,
  claimants: [],
  defendants: ['Газета'],
  court: null,
  region: null,
  lawArticles: ['ГК 143'],
  createdBy: 'test',
});

const courtItem = (n: number, caseNumber: string): Article => ({
  sourceId: 'court-portal',
  kind: 'court',
  url: `https://office.sud.example.kz/lawsuit/${n}`,
  canonicalUrl: `https://office.sud.example.kz/lawsuit/${n}`,
  title: `Дело № ${caseNumber}`,
  text: 'Карточка дела.',
  publishedAt: '2021-03-01',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2021-03-02T00:00:00Z',
  html: null,
  extractedBy: 'court',
  court: {
    caseNumber,
    court: null,
    region: null,
    judge: null,
    plaintiffs: [],
    defendants: [],
    category: null,
    actKind: null,
    registeredAt: null,
    decidedAt: null,
    closedHearing: false,
    outcome: null,
    claimedAmountKzt: null,
    awardedAmountKzt: null,
    history: [],
  },
});

describe.each(TEST_DIALECTS)('cases storage on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it('is migration 7, and keeps a case’s derived columns in step with its entries', async () => {
    const { store } = await ready;
    expect(MIGRATIONS.map((m) => m.version)).toContain(7);
    expect(await schemaVersion(store.db)).toBeGreaterThanOrEqual(7);
    await insertCase(store, newCase('k1'));
    await upsertEntry(store, entry('e1', '2021-01', { caseId: 'k1' }), 'import');
    await upsertEntry(
      store,
      entry('e2', '2021-03', {
        caseId: 'k1',
        stage: 'judicial_act',
        outcome: 'partial',
        awardedAmountKzt: 300_000,
      }),
      'import',
    );
    expect(await getCase(store, 'k1')).toMatchObject({
      status: 'partial',
      claimedAmountKzt: 2_000_000,
      awardedAmountKzt: 300_000,
      firstMonth: '2021-01',
      lastMonth: '2021-03',
      caseNumbers: ['7511-21-00-2/15'],
    });
    expect((await getEntry(store, 'e2'))!.ongoing).toBe(true);
    // Moving the first entry out makes the act the case's first: no longer ongoing.
    await setEntriesCase(store, ['e1'], null, null);
    expect((await getEntry(store, 'e2'))!.ongoing).toBe(false);
    expect((await getCase(store, 'k1'))!.firstMonth).toBe('2021-03');
  });

  it('joins a court item only to the one case that has its number', async () => {
    const { store } = await ready;
    await insertCase(store, newCase('k1'));
    await insertCase(store, newCase('k2'));
    await changeCase(store, 'k1', 1, { editorCaseNumbers: ['№ 7511-21-00-2а/15', '3500-21-00-2/9'] });
    await changeCase(store, 'k2', 1, { editorCaseNumbers: ['3500-21-00-2/9'] });
    const { itemId: one } = await saveArticle(store, courtItem(1, '7511-21-00-2a/15'));
    const { itemId: two } = await saveArticle(store, courtItem(2, '3500-21-00-2/9'));
    expect(await joinCourtItemsToCases(store, [one, two])).toEqual([{ itemId: one, caseId: 'k1' }]);
    expect((await casesOfItems(store, [one, two])).get(two)).toBeUndefined();
    expect([...(await casesByNumbers(store, ['3500-21-00-2/9'])).values()][0]!.sort()).toEqual(['k1', 'k2']);
    expect((await getCase(store, 'k1'))!.status).toBe('in_court');
  });

  it('refuses a change at a stale version, and deletes only an empty case', async () => {
    const { store } = await ready;
    await insertCase(store, newCase('k1'));
    await changeCase(store, 'k1', 1, { title: 'Первое название' });
    await expect(changeCase(store, 'k1', 1, { title: 'Второе' })).rejects.toBeInstanceOf(CaseConflict);
    expect((await getCase(store, 'k1'))!.title).toBe('Первое название');
    await upsertEntry(store, entry('e1', '2021-01', { caseId: 'k1' }), 'import');
    expect(await deleteEmptyCase(store, 'k1')).toBe(false);
    await setEntriesCase(store, ['e1'], null, null);
    expect(await deleteEmptyCase(store, 'k1')).toBe(true);
    expect(await listCases(store, { includeMerged: true })).toEqual([]);
  });
});
