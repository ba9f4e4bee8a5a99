// Review decisions on both databases: promotion to the dataset, rejection, merging, deferral, splitting,
// undo, entry edits; version conflicts leave everything as the first reviewer left it.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyDecided,
  confirmCandidate,
  deferCandidate,
  EntryConflict,
  editEntry,
  hashPassword,
  mergeCandidate,
  ReviewForbidden,
  rejectCandidate,
  splitCandidate,
  undoDecision,
  verifyPassword,
} from '../../../pipeline/index.ts';
import {
  adjacentPendingTasks,
  createSession,
  getEntry,
  getSession,
  getTask,
  getUserByName,
  listLabels,
  listReviewLog,
  queueFacets,
  queuePage,
  ReviewConflict,
  saveUser,
} from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS } from '../../helpers/test-stores.ts';
import {
  BLOCKING_LATE,
  CLAIM_KK,
  CLAIM_RU_1,
  CLAIM_RU_2,
  CONFIRMED_BLOCKING_ENTRY_ID,
  FRAUD_NEWS,
  seedReview,
} from './review-fixtures.ts';

describe.each(TEST_DIALECTS)('review decisions on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it('confirms a clustered candidate into one entry with every report as a source, labels and log', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    expect(seeded.tasks[CLAIM_KK.key]).toBe(taskId);
    const { task, entry } = await confirmCandidate(store, {
      taskId,
      expectedVersion: 1,
      actor: 'aliya',
      form: {
        category: 'civil_claim',
        claimedAmountKzt: '10 000 000',
        awardedAmountKzt: '500 000',
        isHonorDignity: 'yes',
        stage: 'charge',
        summary: 'Замакима Талдыкоргана требует с газеты 10 млн тенге.',
      },
    });
    expect(task.status).toBe('confirmed');
    expect(entry.id).toBe(`2024-03-r${taskId}`);
    expect(entry).toMatchObject({
      category: 'civil_claim',
      block: 'C',
      stage: 'charge',
      claimedAmountKzt: 10_000_000,
      awardedAmountKzt: 500_000,
      caseNumber: '1910-24-00-2/1234',
      lawArticle: 'ГК 143',
      isHonorDignity: true,
      reviewTaskId: taskId,
    });
    expect([...entry.sources].sort()).toEqual([CLAIM_RU_1.url, CLAIM_RU_2.url, CLAIM_KK.url].sort());
    const labels = await listLabels(store);
    expect(labels.filter((l) => l.category === 'civil_claim' && l.candidate)).toHaveLength(3);
    const actions = (await listReviewLog(store, { taskId })).map((l) => `${l.actor}:${l.action}`);
    expect(actions).toEqual([
      'pipeline:cluster-join',
      'pipeline:cluster-join',
      'aliya:confirm',
      'aliya:entry-create',
      // A confirmed claim opens its case (tests/pipeline/cases/ follow cases further).
      'aliya:case-create',
    ]);
    expect(entry.caseId).toBe(`c-2024-03-r${taskId}`);
  });

  it('suggests the top category, and takes a corrected one: the block follows it', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    const { entry: suggested } = await confirmCandidate(store, { taskId, actor: 'aliya', form: {} });
    expect(suggested).toMatchObject({
      category: 'pressure',
      block: 'A',
      stage: 'incident',
      claimedAmountKzt: null,
    });
    await undoDecision(store, { taskId, actor: 'aliya', role: 'reviewer' });
    const { entry } = await confirmCandidate(store, {
      taskId,
      actor: 'aliya',
      form: { category: 'civil_claim', stage: 'charge', claimedAmountKzt: '10000000' },
    });
    expect(entry).toMatchObject({ category: 'civil_claim', block: 'C', claimedAmountKzt: 10_000_000 });
  });

  it('names the bad field and stores nothing when the form is wrong', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    await expect(
      confirmCandidate(store, { taskId, actor: 'aliya', form: { claimedAmountKzt: 'десять миллионов' } }),
    ).rejects.toThrow(/claimedAmountKzt: "десять миллионов" is not a whole number/);
    await expect(
      confirmCandidate(store, { taskId, actor: 'aliya', form: { category: 'libel' } }),
    ).rejects.toThrow(/category: "libel"/);
    expect((await getTask(store, taskId))!.status).toBe('pending');
    expect(await getEntry(store, `2024-03-r${taskId}`)).toBeNull();
  });

  it('gives the second of two reviewers a conflict and keeps the first decision', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    await confirmCandidate(store, { taskId, expectedVersion: 1, actor: 'aliya', form: {} });
    await expect(
      rejectCandidate(store, { taskId, expectedVersion: 1, actor: 'bolat', reason: 'не о свободе слова' }),
    ).rejects.toBeInstanceOf(ReviewConflict);
    await expect(
      rejectCandidate(store, { taskId, actor: 'bolat', reason: 'не о свободе слова' }),
    ).rejects.toBeInstanceOf(AlreadyDecided);
    const task = (await getTask(store, taskId))!;
    expect(task).toMatchObject({ status: 'confirmed', decidedBy: 'aliya', version: 2 });
    expect((await listLabels(store)).every((l) => l.candidate)).toBe(true);
  });

  it('rejects with a reason and stores "not a candidate" labels', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[FRAUD_NEWS.key]!;
    await expect(rejectCandidate(store, { taskId, actor: 'bolat', reason: '  ' })).rejects.toThrow(/reason/);
    const task = await rejectCandidate(store, {
      taskId,
      actor: 'bolat',
      reason: 'обычная уголовная хроника',
    });
    expect(task).toMatchObject({ status: 'rejected', reason: 'обычная уголовная хроника' });
    const label = (await listLabels(store)).find((l) => l.itemId === seeded.items[FRAUD_NEWS.key]);
    expect(label).toMatchObject({ candidate: false, category: null });
  });

  it('merges a late report into an existing entry, and an unknown entry changes nothing', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[BLOCKING_LATE.key]!;
    await expect(mergeCandidate(store, { taskId, actor: 'aliya', entryId: 'no-such-entry' })).rejects.toThrow(
      /no dataset entry with id no-such-entry/,
    );
    expect((await getTask(store, taskId))!).toMatchObject({ status: 'pending', version: 1 });
    const { entry } = await mergeCandidate(store, {
      taskId,
      expectedVersion: 1,
      actor: 'aliya',
      entryId: CONFIRMED_BLOCKING_ENTRY_ID,
    });
    expect(entry.sources).toEqual(['https://ashyq-alan.example.kz/news/my-zablokirovany', BLOCKING_LATE.url]);
    expect((await getTask(store, taskId))!).toMatchObject({
      status: 'duplicate',
      entryId: CONFIRMED_BLOCKING_ENTRY_ID,
    });
    const log = await listReviewLog(store, { entryId: CONFIRMED_BLOCKING_ENTRY_ID });
    expect(log.map((l) => l.action)).toContain('entry-add-sources');
  });

  it('lets a reviewer undo only their own decision, an editor anyone’s; undo removes the entry and labels', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    const { entry } = await confirmCandidate(store, { taskId, actor: 'aliya', form: {} });
    await expect(undoDecision(store, { taskId, actor: 'bolat', role: 'reviewer' })).rejects.toBeInstanceOf(
      ReviewForbidden,
    );
    const task = await undoDecision(store, { taskId, actor: 'dana', role: 'editor' });
    expect(task).toMatchObject({ status: 'pending', entryId: null });
    expect(await getEntry(store, entry.id)).toBeNull();
    expect(await listLabels(store)).toEqual([]);
    expect((await listReviewLog(store, { taskId })).map((l) => l.action).slice(-2)).toEqual([
      'entry-delete',
      'undo',
    ]);

    const late = seeded.tasks[BLOCKING_LATE.key]!;
    await mergeCandidate(store, { taskId: late, actor: 'bolat', entryId: CONFIRMED_BLOCKING_ENTRY_ID });
    await undoDecision(store, { taskId: late, actor: 'bolat', role: 'reviewer' });
    expect((await getEntry(store, CONFIRMED_BLOCKING_ENTRY_ID))!.sources).toEqual([
      'https://ashyq-alan.example.kz/news/my-zablokirovany',
    ]);
  });

  it('defers, then splits a wrong cluster into two candidates', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const taskId = seeded.tasks[CLAIM_RU_1.key]!;
    const deferred = await deferCandidate(store, {
      taskId,
      expectedVersion: 1,
      actor: 'aliya',
      reason: 'ждём решения суда',
    });
    expect(deferred.status).toBe('deferred');
    const kk = seeded.items[CLAIM_KK.key]!;
    await expect(
      splitCandidate(store, { taskId, expectedVersion: 1, actor: 'aliya', itemIds: [kk] }),
    ).rejects.toBeInstanceOf(ReviewConflict);
    const { task, newTask } = await splitCandidate(store, {
      taskId,
      expectedVersion: 2,
      actor: 'aliya',
      itemIds: [kk],
    });
    expect(newTask.itemIds).toEqual([kk]);
    expect(newTask).toMatchObject({ status: 'pending', title: CLAIM_KK.title });
    expect(task.itemIds).not.toContain(kk);
    expect(task.itemIds).toHaveLength(2);
    await expect(splitCandidate(store, { taskId, actor: 'aliya', itemIds: task.itemIds })).rejects.toThrow(
      /leave at least one/,
    );
  });

  it('lets only editors edit an entry, at the version they saw', async () => {
    const { store } = await ready;
    await seedReview(store);
    const base = { entryId: CONFIRMED_BLOCKING_ENTRY_ID, actor: 'dana', form: { region: 'Алматы' } };
    await expect(editEntry(store, { ...base, expectedVersion: 1, role: 'reviewer' })).rejects.toBeInstanceOf(
      ReviewForbidden,
    );
    const after = await editEntry(store, { ...base, expectedVersion: 1, role: 'editor' });
    expect(after).toMatchObject({ region: 'Алматы', version: 2 });
    await expect(editEntry(store, { ...base, expectedVersion: 1, role: 'editor' })).rejects.toBeInstanceOf(
      EntryConflict,
    );
    await expect(
      editEntry(store, { ...base, expectedVersion: 2, role: 'editor', sources: 'javascript:alert(1)' }),
    ).rejects.toThrow(/not an http\(s\) URL/);
  });

  it('stores accounts with scrypt hashes and finds live sessions only', async () => {
    const { store } = await ready;
    const hash = await hashPassword('долгий пароль 1');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await saveUser(store, { name: 'aliya', role: 'reviewer', passwordHash: hash })).toBe('created');
    const user = (await getUserByName(store, 'aliya'))!;
    expect(await verifyPassword('долгий пароль 1', user.passwordHash)).toBe(true);
    expect(await verifyPassword('долгий пароль 2', user.passwordHash)).toBe(false);
    await createSession(store, {
      tokenHash: 'live',
      userId: user.id,
      csrfToken: 'c1',
      expiresAt: '2999-01-01T00:00:00Z',
    });
    await createSession(store, {
      tokenHash: 'old',
      userId: user.id,
      csrfToken: 'c2',
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect((await getSession(store, 'live'))?.user.name).toBe('aliya');
    expect(await getSession(store, 'old')).toBeNull();
  });

  it('pages and filters the queue, offers its filter choices, and finds neighbours for j/k', async () => {
    const { store } = await ready;
    const seeded = await seedReview(store);
    const all = await queuePage(store, { status: 'pending', limit: 3 });
    expect(all.total).toBe(8);
    expect(all.rows.map((r) => r.score)).toEqual([0.91, 0.8, 0.79]);
    expect(all.rows[0]!.sources.map((s) => s.sourceId)).toEqual(['dala-news', 'zhetysu-info', 'qazaq-uni']);
    const second = await queuePage(store, { status: 'pending', limit: 3, offset: 3 });
    expect(second.rows[0]!.score).toBe(0.74);
    const kk = await queuePage(store, { status: 'pending', lang: 'kk', limit: 50 });
    expect(kk.rows.map((r) => r.title).sort()).toEqual(
      [CLAIM_RU_1.title, 'Тілшіні мәслихат сессиясына кіргізбеді'].sort(),
    );
    const src = await queuePage(store, {
      status: 'pending',
      sourceId: 'qazaq-uni',
      category: 'pressure',
      limit: 50,
    });
    expect(src.total).toBe(1);
    const byDate = await queuePage(store, { status: 'pending', sort: 'date', limit: 1 });
    expect(byDate.rows[0]!.publishedAt).toBe(BLOCKING_LATE.publishedAt);
    const facets = await queueFacets(store);
    expect(facets.months).toEqual(['2024-03', '2024-02']);
    expect(facets.langs).toEqual(['kk', 'ru']);
    expect(facets.categories).toContain('detention');
    const head = (await getTask(store, seeded.tasks[CLAIM_RU_1.key]!))!;
    expect(await adjacentPendingTasks(store, head)).toEqual({ previous: null, next: all.rows[1]!.id });
  });
});
