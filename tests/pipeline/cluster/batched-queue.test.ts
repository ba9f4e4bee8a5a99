// queueCandidates (a crawl batch in one transaction, open tasks read once) must cluster exactly as
// queueing the same candidates one by one: same joins, same tasks, same fingerprints and scores, same
// log. Quirks covered: a candidate joining a task created earlier in the same batch, a Kazakh report
// joining it after a Russian one, an item queued twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueCandidate, queueCandidates } from '../../../pipeline/index.ts';
import { getTask, listReviewLog, type Store, saveArticle } from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-stores.ts';
import {
  articleOf,
  CLAIM_KK,
  CLAIM_RU_1,
  CLAIM_RU_2,
  classificationOf,
  DETENTION_AKTOBE,
  DETENTION_SHYMKENT,
  type FixtureReport,
  FRAUD_NEWS,
} from '../review/review-fixtures.ts';

const BATCH: readonly FixtureReport[] = [
  CLAIM_RU_1,
  DETENTION_SHYMKENT,
  CLAIM_RU_2,
  FRAUD_NEWS,
  CLAIM_KK,
  DETENTION_AKTOBE,
];

async function saveAll(store: Store) {
  const out = [];
  for (const r of BATCH) {
    const article = articleOf(r);
    const { itemId } = await saveArticle(store, article, { lang: r.lang, script: 'cyrl', confidence: 0.99 });
    out.push({ itemId, article, classification: classificationOf(r) });
  }
  return out;
}

/**
 * What queueing left behind, with task ids replaced by the order the tasks were first seen and item ids
 * by the report's place in the batch (ids go on counting after a reset).
 */
async function outcome(
  store: Store,
  itemIds: readonly number[],
  queued: readonly { taskId: number; joined: boolean }[],
) {
  const order = [...new Set(queued.map((q) => q.taskId))];
  const tasks = [];
  for (const id of order) {
    const task = await getTask(store, id);
    const log = await listReviewLog(store, { taskId: id });
    tasks.push({
      items: task?.itemIds.length,
      score: task?.score,
      fingerprint: task?.fingerprint?.replace(
        /"itemId":(\d+)/g,
        (_m, id) => `"item":${itemIds.indexOf(Number(id))}`,
      ),
      log: log.map((l) => l.action),
    });
  }
  return { joins: queued.map((q) => [order.indexOf(q.taskId), q.joined]), tasks };
}

describe.each(TEST_DIALECTS)('queueing a batch of candidates on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => t.reset());

  it('clusters exactly as queueing them one by one', async () => {
    const single = await saveAll(t.store);
    const one: { taskId: number; joined: boolean }[] = [];
    for (const c of single) one.push(await queueCandidate(t.store, c.itemId, c.article, c.classification));
    const expected = await outcome(
      t.store,
      single.map((c) => c.itemId),
      one,
    );
    // The fixtures do exercise joining: three reports of one claim become one task.
    expect(expected.joins.filter(([, joined]) => joined).length).toBeGreaterThanOrEqual(2);

    await t.reset();
    const batch = await saveAll(t.store);
    const queued = await queueCandidates(t.store, batch);
    expect(
      await outcome(
        t.store,
        batch.map((c) => c.itemId),
        queued,
      ),
    ).toEqual(expected);

    // Queued again (a rerun after a crash): every item keeps its task, nothing joins twice.
    const again = await queueCandidates(t.store, batch);
    expect(again.map((q) => q.taskId)).toEqual(queued.map((q) => q.taskId));
    expect(again.every((q) => !q.joined)).toBe(true);
  });
});
