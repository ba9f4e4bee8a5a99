// Cases on both databases: one lawsuit followed over three months through review decisions, proposals,
// the court item that joins by number, the derived status and `ongoing`, the digest of each month, and
// editors' corrections (status, merge, split, detach) with their log.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  attachEntry,
  buildDigest,
  confirmCandidate,
  detachEntry,
  draftDigest,
  editCase,
  loadCandidate,
  loadCasesOfMonth,
  loadCaseView,
  mergeCases,
  proposeCases,
  ReviewForbidden,
  setCaseStatus,
  setEntryEvent,
  splitCase,
  undoDecision,
} from '../../../pipeline/index.ts';
import {
  CaseConflict,
  casesOfItems,
  getCase,
  getEntry,
  getItemByUrl,
  listCases,
  listReviewLog,
  upsertEntry,
} from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS } from '../../helpers/test-stores.ts';
import {
  CASE_NUMBER,
  CLAIM_FILED,
  CLOSED_HEARING,
  DECISION,
  ingestStory,
  OTHER_CLAIM,
} from './case-fixtures.ts';

describe.each(TEST_DIALECTS)('cases on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  /** Months 1–3 as reviewers decide them; returns the entry ids and the case id. */
  async function followTheCase() {
    const { store } = await ready;
    const [claimTask] = await ingestStory(store, [CLAIM_FILED]);
    const claim = await confirmCandidate(store, {
      taskId: claimTask!,
      actor: 'aliya',
      form: {
        summary: 'Аким района подал иск к порталу «Жаңа толқын» и блогеру Нурлану Абенову на 5 млн тенге.',
      },
    });
    const caseId = claim.entry.caseId!;

    const [hearingTask, otherTask] = await ingestStory(store, [CLOSED_HEARING, OTHER_CLAIM]);
    const hearing = await confirmCandidate(store, {
      taskId: hearingTask!,
      actor: 'bolat',
      caseId,
      form: { summary: 'Иск акима к «Жаңа толқын» рассмотрен в закрытом заседании, журналистов не пустили.' },
    });

    const [decisionTask] = await ingestStory(store, [DECISION]);
    const decision = await confirmCandidate(store, {
      taskId: decisionTask!,
      actor: 'aliya',
      form: { summary: 'Суд отказал акиму в иске к порталу «Жаңа толқын» и блогеру Абенову.' },
    });
    return { store, caseId, claim, hearing, decision, otherTask: otherTask!, decisionTask: decisionTask! };
  }

  it('opens a case with the claim, attaches the hearing and joins the decision by number', async () => {
    const { store, caseId, claim, hearing, decision } = await followTheCase();
    expect(caseId).toBe(`c-${claim.entry.id}`);
    expect(claim.entry).toMatchObject({ category: 'civil_claim', stage: 'charge', ongoing: false });
    expect(hearing.entry).toMatchObject({ category: 'closed_session', caseId, ongoing: true });
    expect(decision.entry).toMatchObject({
      caseId,
      stage: 'judicial_act',
      outcome: 'for_media',
      awardedAmountKzt: 0,
      claimedAmountKzt: 5_000_000,
      caseNumber: CASE_NUMBER,
      isHonorDignity: true,
      inCourt: true,
      ongoing: true,
    });
    const legal = (await getCase(store, caseId))!;
    expect(legal).toMatchObject({
      status: 'decided_for_media',
      derivedStatus: 'decided_for_media',
      claimedAmountKzt: 5_000_000,
      awardedAmountKzt: 0,
      honorDignity: true,
      firstMonth: '2024-04',
      lastMonth: '2024-06',
      caseNumbers: [CASE_NUMBER],
      lawArticles: ['ГК 143'],
      court: 'Карагандинский районный суд',
    });
    // The court record says who sued whom: the plaintiff, listed among the news report's people, moves to
    // the claimants; the defendants it names under other spellings are not added twice.
    expect(legal.claimants).toEqual(['аким Бухар-Жырауского района', 'Сапаров Ержан Болатович']);
    expect(legal.defendants).toEqual(['Жаңа толқын', 'Нурлан Абенов']);
    const view = await loadCaseView(store, caseId);
    expect(view.timeline.filter((r) => r.kind === 'entry').map((r) => r.kind === 'entry' && r.event)).toEqual(
      ['charge', 'closed_hearing', 'judicial_act'],
    );
    expect(
      view.timeline.filter((r) => r.kind === 'entry').map((r) => r.kind === 'entry' && r.statusAfter),
    ).toEqual(
      // The claim was filed with the court: in court from the start.
      ['in_court', 'in_court', 'decided_for_media'],
    );
    expect(view.timeline.filter((r) => r.kind === 'portal').map((r) => r.date)).toEqual([
      '2024-04-10',
      '2024-05-14',
      '2024-06-18',
    ]);
    expect(view.sources.map((s) => s.url)).toContain(DECISION.article.url);
    const actions = view.log.map((l) => `${l.actor}:${l.action}`);
    expect(actions).toEqual(['aliya:case-create', 'bolat:case-attach', 'aliya:case-attach']);
  });

  it('joins a court item to its case by number as soon as it is stored, and proposes that case', async () => {
    const { store } = await ready;
    const [claimTask] = await ingestStory(store, [CLAIM_FILED]);
    const { entry } = await confirmCandidate(store, { taskId: claimTask!, actor: 'aliya', form: {} });
    const [decisionTask] = await ingestStory(store, [DECISION]);
    const item = (await getItemByUrl(store, DECISION.article.url))!;
    expect((await casesOfItems(store, [item.id])).get(item.id)).toEqual({
      caseId: entry.caseId,
      matchedBy: 'case_number',
    });
    // Already on the portal: in court, before anyone reviewed the decision.
    expect((await getCase(store, entry.caseId!))!.status).toBe('in_court');
    const proposals = await proposeCases(store, (await loadCandidate(store, decisionTask!))!);
    expect(proposals.map((p) => [p.legalCase.id, p.reasons])).toEqual([
      [entry.caseId, ['court_item', 'case_number', 'people_article']],
    ]);
  });

  it('proposes a case by the same person and article when no number is named, and not a stranger’s', async () => {
    const { store } = await ready;
    const [claimTask] = await ingestStory(store, [CLAIM_FILED]);
    const { entry } = await confirmCandidate(store, { taskId: claimTask!, actor: 'aliya', form: {} });
    const withoutNumber = {
      ...CLOSED_HEARING,
      article: {
        ...CLOSED_HEARING.article,
        url: `${CLOSED_HEARING.article.url}-2`,
        canonicalUrl: `${CLOSED_HEARING.article.url}-2`,
        title: '«Жаңа толқын» ісі жабық отырыста қаралды',
        text: 'Аудан әкімі Ержан Сапаровтың блогер Нұрлан Әбеновке қойған талап арызы жабық отырыста қаралды.',
      },
      classification: {
        ...CLOSED_HEARING.classification,
        facts: { ...CLOSED_HEARING.classification.facts, caseNumbers: [], lawArticles: ['143-бабы АК'] },
      },
    };
    const [hearing, other] = await ingestStory(store, [withoutNumber, OTHER_CLAIM]);
    const proposals = await proposeCases(store, (await loadCandidate(store, hearing!))!);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ legalCase: { id: entry.caseId }, reasons: ['people_article'] });
    // «Нұрлан Әбенов» in Kazakh meets «Нурлан Абенов»; the article meets «ГК 143».
    expect(proposals[0]!.matched).toEqual(expect.arrayContaining(['Нұрлан Әбенов', '143-бабы АК']));
    expect(await proposeCases(store, (await loadCandidate(store, other!))!)).toEqual([]);
  });

  it('derives ongoing from the case and narrates later entries as its updates, counting the act of the month', async () => {
    const { store } = await followTheCase();
    const md = async (
      month: string,
      layout: 'classic' | 'blocks' = 'classic',
      lang: 'en' | 'ru' | 'kk' = 'en',
    ) => String(await draftDigest(store, { month, lang, layout, format: 'md', draftDate: '2024-07-01' }));

    const april = await md('2024-04');
    expect(april).toContain('- 1 claim or suit in civil procedure.');
    expect(april).toContain('No judicial acts were issued');
    expect(april).not.toContain('update of a case');

    const may = await md('2024-05');
    expect(may).toContain('- 0 claims and suits in civil procedure.');
    expect(may).toMatch(/журналистов не пустили[^\n]*_\(update of a case first counted in April 2024\)_/);
    const mayDoc = await buildDigest(store, { month: '2024-05', lang: 'en', explain: true });
    const ongoing = mayDoc.explain!.find((l) => l.label === 'ongoing cases shown but not counted')!;
    expect(ongoing.ids).toHaveLength(1);
    expect(await md('2024-05', 'classic', 'ru')).toContain(
      '(продолжение дела, впервые учтённого в апреле 2024 года)',
    );
    expect(await md('2024-05', 'classic', 'kk')).toContain('2024 жылғы сәуір айында есептелген');

    const june = await md('2024-06');
    expect(june).toContain('1 judicial act was issued');
    expect(june).toContain('One of them was in favor of the media, journalists and citizens.');
    expect(june).toContain('- 0 claims and suits in civil procedure.');
    // The 5 million claimed are counted once, on the claim; the decision restating them adds nothing.
    expect(june).toContain(
      'Claims for compensation for non-pecuniary damage amounted to 5 million tenge. The courts collected 0 tenge.',
    );
    expect(june).toMatch(/в иске к порталу[^\n]*_\(update of a case first counted in April 2024\)_/);
    const juneDoc = await buildDigest(store, { month: '2024-06', lang: 'en', explain: true });
    const acts = juneDoc.explain!.find(
      (l) => l.label === 'judicial acts on honour, dignity and business reputation in the month',
    )!;
    expect(acts.value).toBe(1);
    const favour = juneDoc.explain!.find((l) => l.label === 'of them in favour of the media')!;
    expect(favour.value).toBe(1);
    const ytdCivil = juneDoc.explain!.find((l) => l.label === 'civil claims since January')!;
    expect(ytdCivil.value).toBe(1);
    // The blocks layout counts cases: the decision of a case counted in April is not a new legal case.
    const blocks = await md('2024-06', 'blocks');
    expect(blocks).toContain(
      'No reports of pretrial and court claims and lawsuits against journalists, media outlets and citizens (ongoing cases not counted).',
    );
    expect(blocks).toContain('- Claims and lawsuits over expression: 1 in January–June 2024;');
  });

  it('lists open cases with what changed in the month', async () => {
    const { store, caseId } = await followTheCase();
    const may = await loadCasesOfMonth(store, '2024-05');
    const mine = may.find((c) => c.legalCase.id === caseId)!;
    expect(mine.changed).toBe(true);
    expect(mine.entries.map((e) => e.event)).toEqual(['closed_hearing']);
    expect(mine.portalEvents).toEqual([{ date: '2024-05-14', text: 'Судебное заседание (закрытое)' }]);
    // Decided in June: no longer open, but listed in June as changed; not listed as open in July.
    expect((await loadCasesOfMonth(store, '2024-06')).map((c) => c.legalCase.id)).toContain(caseId);
    expect((await loadCasesOfMonth(store, '2024-07')).map((c) => c.legalCase.id)).not.toContain(caseId);
    expect((await loadCasesOfMonth(store, '2024-07', 'all')).map((c) => c.legalCase.id)).toContain(caseId);
  });

  it('lets editors set and clear a status, correct facts and events, and refuses reviewers', async () => {
    const { store, caseId, hearing } = await followTheCase();
    await expect(
      setCaseStatus(store, { caseId, actor: 'aliya', role: 'reviewer', status: 'appealed' }),
    ).rejects.toBeInstanceOf(ReviewForbidden);
    const k = (await getCase(store, caseId))!;
    const set = await setCaseStatus(store, {
      caseId,
      actor: 'erlan',
      role: 'editor',
      status: 'appealed',
      note: 'истец подал апелляцию 1 июля',
      expectedVersion: k.version,
    });
    expect(set).toMatchObject({
      status: 'appealed',
      derivedStatus: 'decided_for_media',
      statusNote: 'истец подал апелляцию 1 июля',
    });
    await expect(
      editCase(store, {
        caseId,
        actor: 'erlan',
        role: 'editor',
        expectedVersion: k.version,
        form: { title: 'x' },
      }),
    ).rejects.toBeInstanceOf(CaseConflict);
    const edited = await editCase(store, {
      caseId,
      actor: 'erlan',
      role: 'editor',
      form: { title: 'Сапаров против «Жаңа толқын»', caseNumbers: `${CASE_NUMBER}; 3500-24-00-2а/77` },
    });
    expect(edited.title).toBe('Сапаров против «Жаңа толқын»');
    expect([...edited.caseNumbers].sort()).toEqual([CASE_NUMBER, '3500-24-00-2а/77'].sort());
    const cleared = await setCaseStatus(store, { caseId, actor: 'erlan', role: 'editor', status: 'derived' });
    expect(cleared).toMatchObject({ status: 'decided_for_media', statusOverride: null });
    // Saying the hearing was the appeal changes the derived status from that point on.
    await setEntryEvent(store, {
      entryId: hearing.entry.id,
      actor: 'erlan',
      role: 'editor',
      event: 'hearing',
    });
    expect((await getEntry(store, hearing.entry.id))!.caseEvent).toBe('hearing');
    const log = (await listReviewLog(store, { caseId })).map((l) => l.action);
    expect(log).toEqual(expect.arrayContaining(['case-status', 'case-edit', 'case-event']));
  });

  it('splits entries into a case of their own and merges them back; detaching the last entry deletes a case', async () => {
    const { store, caseId, hearing, decision } = await followTheCase();
    const split = await splitCase(store, {
      caseId,
      actor: 'erlan',
      role: 'editor',
      entryIds: [hearing.entry.id],
    });
    expect(split.id).toBe(`c-${hearing.entry.id}`);
    expect((await getEntry(store, hearing.entry.id))!).toMatchObject({ caseId: split.id, ongoing: false });
    expect((await getCase(store, caseId))!.lastMonth).toBe('2024-06');
    await expect(
      splitCase(store, { caseId: split.id, actor: 'erlan', role: 'editor', entryIds: [hearing.entry.id] }),
    ).rejects.toThrow(/leave at least one entry/);

    const merged = await mergeCases(store, { from: split.id, into: caseId, actor: 'erlan', role: 'editor' });
    expect(merged.id).toBe(caseId);
    expect((await getEntry(store, hearing.entry.id))!).toMatchObject({ caseId, ongoing: true });
    // The merged case redirects; lists leave it out.
    expect((await getCase(store, split.id))!.mergedInto).toBe(caseId);
    expect((await loadCaseView(store, split.id)).legalCase.id).toBe(caseId);
    expect((await listCases(store)).map((c) => c.id)).toEqual([caseId]);

    await detachEntry(store, { entryId: decision.entry.id, actor: 'erlan', role: 'editor' });
    expect((await getEntry(store, decision.entry.id))!.caseId).toBeNull();
    expect((await getCase(store, caseId))!.status).toBe('in_court');
    await attachEntry(store, {
      caseId,
      entryId: decision.entry.id,
      actor: 'erlan',
      role: 'editor',
      event: 'judicial_act',
    });
    expect((await getCase(store, caseId))!.status).toBe('decided_for_media');
  });

  it('undoing the confirmation that opened a case deletes the case when nothing else is in it', async () => {
    const { store } = await ready;
    const [claimTask] = await ingestStory(store, [CLAIM_FILED]);
    const { entry } = await confirmCandidate(store, { taskId: claimTask!, actor: 'aliya', form: {} });
    await undoDecision(store, { taskId: claimTask!, actor: 'aliya', role: 'reviewer' });
    expect(await getCase(store, entry.caseId!)).toBeNull();
    expect((await listReviewLog(store, { caseId: entry.caseId! })).map((l) => l.action)).toEqual([
      'case-create',
      'case-delete',
    ]);
  });

  it('keeps an entry of no case as recorded, and confirming "none" or an unknown case id says so', async () => {
    const { store } = await ready;
    const [claimTask] = await ingestStory(store, [CLAIM_FILED]);
    await expect(
      confirmCandidate(store, { taskId: claimTask!, actor: 'aliya', caseId: 'c-nothing', form: {} }),
    ).rejects.toThrow(/there is no case c-nothing/);
    const { entry } = await confirmCandidate(store, {
      taskId: claimTask!,
      actor: 'aliya',
      caseId: 'none',
      form: { ongoing: 'yes' },
    });
    expect(entry).toMatchObject({ caseId: null, ongoing: true });
    expect(await listCases(store)).toEqual([]);
    // An entry without a case stays as imported, ongoing flag included.
    await upsertEntry(store, { ...entry, id: 'x-1', caseId: undefined }, 'import');
    expect((await getEntry(store, 'x-1'))!.ongoing).toBe(true);
  });
});
