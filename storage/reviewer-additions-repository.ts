// Reports reviewers added by URL, and what the Classifier page and `soz review stats` read: reviewers'
// decisions over a period with the classifier's verdicts on the same items, and rejections by reason.
import type { Selectable } from 'kysely';
import type { CategoryScore } from '../core/index.ts';
import { toNumber } from './dialect.ts';
import { fromJson, nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';
import type { ReviewerAdditionsTable } from './schema.ts';

type Db = Store['db'];

export interface ReviewerAddition {
  readonly itemId: number;
  readonly url: string;
  readonly note: string | null;
  readonly addedBy: string;
  readonly addedAt: string;
  /** The classifier's verdict when the report was added. */
  readonly classifierScore: number;
  readonly classifierCandidate: boolean;
  readonly modelVersion: string;
}

export async function recordReviewerAddition(
  store: Store,
  a: Omit<ReviewerAddition, 'addedAt'> & { readonly addedAt?: string },
  db: Db = store.db,
): Promise<void> {
  await db
    .insertInto('reviewer_additions')
    .values({
      item_id: a.itemId,
      url: a.url,
      note: a.note,
      added_by: a.addedBy,
      added_at: a.addedAt ?? nowIso(),
      classifier_score: a.classifierScore,
      classifier_candidate: a.classifierCandidate ? 1 : 0,
      model_version: a.modelVersion,
    })
    .execute();
}

function additionOf(r: Selectable<ReviewerAdditionsTable>): ReviewerAddition {
  return {
    itemId: toNumber(r.item_id),
    url: r.url,
    note: r.note,
    addedBy: r.added_by,
    addedAt: r.added_at,
    classifierScore: toNumber(r.classifier_score),
    classifierCandidate: toNumber(r.classifier_candidate) === 1,
    modelVersion: r.model_version,
  };
}

export async function getReviewerAddition(store: Store, itemId: number): Promise<ReviewerAddition | null> {
  const r = await store.db
    .selectFrom('reviewer_additions')
    .selectAll()
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return r ? additionOf(r) : null;
}

/** A reviewer's decision on an item with the classifier's verdicts on it, oldest first. */
export interface DecidedItem {
  readonly itemId: number;
  readonly lang: string | null;
  /** The reviewer's decision: a violation (confirmed) or not (rejected). */
  readonly confirmed: boolean;
  readonly category: string | null;
  readonly decidedAt: string;
  readonly addition: { readonly score: number; readonly candidate: boolean; readonly addedBy: string } | null;
  readonly classifications: readonly {
    readonly candidate: boolean;
    readonly score: number;
    readonly categories: readonly CategoryScore[];
    readonly modelVersion: string;
    readonly createdAt: string;
  }[];
}

/** Items reviewers decided on since `since` (ISO), each with every classification it had. */
export async function decidedItemsSince(store: Store, since: string): Promise<DecidedItem[]> {
  const rows = await store.db
    .selectFrom('labels')
    .innerJoin('items', 'items.id', 'labels.item_id')
    .leftJoin('reviewer_additions as ra', 'ra.item_id', 'labels.item_id')
    .select([
      'labels.item_id',
      'labels.candidate',
      'labels.category',
      'labels.decided_at',
      'items.lang',
      'ra.classifier_score',
      'ra.classifier_candidate',
      'ra.added_by',
    ])
    .where('labels.decided_at', '>=', since)
    .orderBy('labels.decided_at')
    .orderBy('labels.item_id')
    .execute();
  const ids = rows.map((r) => toNumber(r.item_id));
  const byItem = new Map<number, DecidedItem['classifications'][number][]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const cs = await store.db
      .selectFrom('classifications')
      .select(['item_id', 'candidate', 'score', 'categories_json', 'model_version', 'created_at', 'id'])
      .where('item_id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const c of cs) {
      const list = byItem.get(toNumber(c.item_id)) ?? [];
      list.push({
        candidate: toNumber(c.candidate) === 1,
        score: toNumber(c.score),
        categories: fromJson(c.categories_json, [], `classifications.categories_json of ${c.id}`),
        modelVersion: c.model_version,
        createdAt: c.created_at,
      });
      byItem.set(toNumber(c.item_id), list);
    }
  }
  return rows.map((r) => ({
    itemId: toNumber(r.item_id),
    lang: r.lang,
    confirmed: toNumber(r.candidate) === 1,
    category: r.category,
    decidedAt: r.decided_at,
    addition:
      r.added_by === null
        ? null
        : {
            score: toNumber(r.classifier_score),
            candidate: toNumber(r.classifier_candidate) === 1,
            addedBy: r.added_by,
          },
    classifications: byItem.get(toNumber(r.item_id)) ?? [],
  }));
}

/** Rejected tasks decided since `since`, counted by the reason given. */
export async function rejectionReasonsSince(
  store: Store,
  since: string,
): Promise<{ reason: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('review_tasks')
    .select(['reason', (eb) => eb.fn.countAll().as('n')])
    .where('status', '=', 'rejected')
    .where('decided_at', '>=', since)
    .groupBy('reason')
    .execute();
  return rows
    .map((r) => ({ reason: r.reason ?? '', count: toNumber(r.n) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Reports added by reviewers since `since`, newest first. */
export async function additionsSince(store: Store, since: string): Promise<ReviewerAddition[]> {
  const rows = await store.db
    .selectFrom('reviewer_additions')
    .selectAll()
    .where('added_at', '>=', since)
    .orderBy('added_at', 'desc')
    .execute();
  return rows.map(additionOf);
}
