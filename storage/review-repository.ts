import { type Selectable, sql } from 'kysely';
import type { ItemKind } from '../core/index.ts';
import { toNullableNumber, toNumber } from './dialect.ts';
import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';
import type { ReviewTasksTable } from './schema.ts';

export type TaskStatus = 'pending' | 'confirmed' | 'rejected' | 'duplicate' | 'deferred';

export interface ReviewTask {
  readonly id: number;
  readonly status: TaskStatus;
  readonly topCategory: string | null;
  readonly score: number;
  readonly lang: string | null;
  readonly kind: ItemKind;
  readonly month: string | null;
  readonly title: string;
  readonly firstItemId: number;
  readonly fingerprint: string | null;
  readonly entryId: string | null;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  /** Bumped on every change: a decision names the version it saw, so that a second reviewer cannot overwrite. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly itemIds: readonly number[];
}

export interface ReviewLogEntry {
  readonly id: number;
  readonly taskId: number | null;
  readonly entryId: string | null;
  /** The case the action changed, if any. */
  readonly caseId?: string | null;
  readonly actor: string;
  readonly action: string;
  readonly at: string;
  readonly before: unknown;
  readonly after: unknown;
}

type Db = Store['db'];

function toTask(r: Selectable<ReviewTasksTable>, itemIds: number[]): ReviewTask {
  return {
    id: toNumber(r.id),
    status: r.status as TaskStatus,
    topCategory: r.top_category,
    score: toNumber(r.score),
    lang: r.lang,
    kind: r.kind as ItemKind,
    month: r.month,
    title: r.title,
    firstItemId: toNumber(r.first_item_id),
    fingerprint: r.fingerprint,
    entryId: r.entry_id,
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    version: toNumber(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    itemIds,
  };
}

export interface NewTask {
  readonly itemId: number;
  readonly title: string;
  readonly kind: ItemKind;
  readonly lang: string | null;
  readonly month: string | null;
  readonly topCategory: string | null;
  readonly score: number;
  readonly fingerprint?: string | null;
}

/**
 * The task's copies of its first item's publication date and source (migration 015), as subqueries so that
 * they are read in the same statement that sets first_item_id and cannot disagree with it.
 */
export function headColumns(firstItemId: number) {
  return {
    published_at: sql<string | null>`(select i.published_at from items i where i.id = ${firstItemId})`,
    source_id: sql<string | null>`(select i.source_id from items i where i.id = ${firstItemId})`,
  };
}

/** The row of a new pending task (a candidate, or the part split off a wrong cluster). */
export function pendingTaskRow(t: NewTask, now: string) {
  return {
    ...headColumns(t.itemId),
    status: 'pending',
    top_category: t.topCategory,
    score: t.score,
    lang: t.lang,
    kind: t.kind,
    month: t.month,
    title: t.title,
    first_item_id: t.itemId,
    fingerprint: t.fingerprint ?? null,
    entry_id: null,
    reason: null,
    decided_by: null,
    decided_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** The task an item belongs to, if any. */
export async function taskOfItem(store: Store, itemId: number, db: Db = store.db): Promise<number | null> {
  const row = await db
    .selectFrom('review_task_items')
    .select('task_id')
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? toNumber(row.task_id) : null;
}

/** Opens a pending task for a candidate item (once: an item already queued keeps its task). */
export async function createTask(store: Store, t: NewTask, db: Db = store.db): Promise<number> {
  const existing = await taskOfItem(store, t.itemId, db);
  if (existing !== null) return existing;
  const now = nowIso();
  const row = await db
    .insertInto('review_tasks')
    .values(pendingTaskRow(t, now))
    .returning('id')
    .executeTakeFirstOrThrow();
  const taskId = toNumber(row.id);
  await db
    .insertInto('review_task_items')
    .values({ task_id: taskId, item_id: t.itemId, similarity: 1, added_at: now })
    .execute();
  return taskId;
}

/** Adds an item to an existing task (a near-duplicate report of the same event). */
export async function addItemToTask(
  store: Store,
  taskId: number,
  itemId: number,
  similarity: number,
  db: Db = store.db,
): Promise<void> {
  await db
    .insertInto('review_task_items')
    .values({ task_id: taskId, item_id: itemId, similarity, added_at: nowIso() })
    .onConflict((oc) => oc.column('item_id').doNothing())
    .execute();
}

export async function getTask(store: Store, taskId: number, db: Db = store.db): Promise<ReviewTask | null> {
  const row = await db.selectFrom('review_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom('review_task_items')
    .select('item_id')
    .where('task_id', '=', taskId)
    .orderBy('item_id')
    .execute();
  return toTask(
    row,
    items.map((i) => toNumber(i.item_id)),
  );
}

export interface TaskFilter {
  readonly status?: TaskStatus;
  readonly category?: string;
  readonly lang?: string;
  readonly kind?: ItemKind;
  readonly month?: string;
  readonly sourceId?: string;
  readonly sort?: 'score' | 'date';
  readonly limit?: number;
  readonly offset?: number;
}

function filtered(db: Db, f: TaskFilter) {
  let q = db.selectFrom('review_tasks');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('top_category', '=', f.category);
  if (f.lang) q = q.where('lang', '=', f.lang);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.month) q = q.where('month', '=', f.month);
  if (f.sourceId) {
    const sourceId = f.sourceId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_task_items as rti')
          .innerJoin('items as i', 'i.id', 'rti.item_id')
          .select('rti.item_id')
          .whereRef('rti.task_id', '=', 'review_tasks.id')
          .where('i.source_id', '=', sourceId),
      ),
    );
  }
  return q;
}

export async function listTasks(store: Store, f: TaskFilter = {}): Promise<ReviewTask[]> {
  let q = filtered(store.db, f).selectAll();
  q =
    f.sort === 'date'
      ? q.orderBy('created_at', 'desc').orderBy('id', 'desc')
      : q.orderBy('score', 'desc').orderBy('id');
  if (f.limit !== undefined) q = q.limit(f.limit);
  if (f.offset) q = q.offset(f.offset);
  const rows = await q.execute();
  const ids = rows.map((r) => toNumber(r.id));
  const byTask = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const links = await store.db
      .selectFrom('review_task_items')
      .select(['task_id', 'item_id'])
      .where('task_id', 'in', chunk)
      .execute();
    for (const l of links) {
      const k = toNumber(l.task_id);
      byTask.set(k, [...(byTask.get(k) ?? []), toNumber(l.item_id)]);
    }
  }
  return rows.map((r) =>
    toTask(
      r,
      (byTask.get(toNumber(r.id)) ?? []).sort((a, b) => a - b),
    ),
  );
}

export async function countTasks(store: Store, f: TaskFilter = {}): Promise<number> {
  const row = await filtered(store.db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n);
}

export class ReviewConflict extends Error {
  constructor(
    readonly taskId: number,
    readonly current: ReviewTask,
  ) {
    super(
      `candidate ${taskId} was changed by ${current.decidedBy ?? 'another reviewer'} at ${current.updatedAt} (now ${current.status}); reload it before deciding`,
    );
    this.name = 'ReviewConflict';
  }
}

export type TaskChange = Partial<{
  status: TaskStatus;
  topCategory: string | null;
  entryId: string | null;
  reason: string | null;
  title: string;
  score: number;
}>;

/**
 * Applies a change to a task if it is still at `expectedVersion`, and logs it, in one transaction.
 * Throws ReviewConflict when someone else changed it first: nothing is overwritten.
 */
export async function changeTask(
  store: Store,
  taskId: number,
  expectedVersion: number,
  change: TaskChange,
  actor: string,
  action: string,
  db: Db = store.db,
): Promise<ReviewTask> {
  const before = await getTask(store, taskId, db);
  if (!before) throw new Error(`no candidate with id ${taskId}`);
  const now = nowIso();
  const set: Partial<Selectable<ReviewTasksTable>> = {
    version: expectedVersion + 1,
    updated_at: now,
    decided_by: actor,
    decided_at: now,
  };
  if (change.status !== undefined) set.status = change.status;
  if (change.topCategory !== undefined) set.top_category = change.topCategory;
  if (change.entryId !== undefined) set.entry_id = change.entryId;
  if (change.reason !== undefined) set.reason = change.reason;
  if (change.title !== undefined) set.title = change.title;
  if (change.score !== undefined) set.score = change.score;
  // RETURNING rather than the affected-row count: not every driver (PGlite) reports the count.
  const updated = await db
    .updateTable('review_tasks')
    .set(set)
    .where('id', '=', taskId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const current = await getTask(store, taskId, db);
    throw new ReviewConflict(taskId, current ?? before);
  }
  const after = (await getTask(store, taskId, db))!;
  await appendReviewLog(store, { taskId, entryId: after.entryId, actor, action, before, after }, db);
  return after;
}

/** The review log is append-only: there is no update or delete for it. */
export async function appendReviewLog(
  store: Store,
  e: {
    taskId: number | null;
    entryId: string | null;
    caseId?: string | null;
    actor: string;
    action: string;
    before: unknown;
    after: unknown;
  },
  db: Db = store.db,
): Promise<void> {
  await db
    .insertInto('review_log')
    .values({
      task_id: e.taskId,
      entry_id: e.entryId,
      case_id: e.caseId ?? null,
      actor: e.actor,
      action: e.action,
      at: nowIso(),
      before_json: e.before === undefined ? null : toJson(e.before),
      after_json: e.after === undefined ? null : toJson(e.after),
    })
    .execute();
}

export async function listReviewLog(
  store: Store,
  f: { taskId?: number; entryId?: string; caseId?: string } = {},
): Promise<ReviewLogEntry[]> {
  let q = store.db.selectFrom('review_log').selectAll();
  if (f.taskId !== undefined) q = q.where('task_id', '=', f.taskId);
  if (f.entryId !== undefined) q = q.where('entry_id', '=', f.entryId);
  if (f.caseId !== undefined) q = q.where('case_id', '=', f.caseId);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    taskId: toNullableNumber(r.task_id),
    entryId: r.entry_id,
    caseId: r.case_id,
    actor: r.actor,
    action: r.action,
    at: r.at,
    before: fromJson(r.before_json, null, `review_log ${r.id}`),
    after: fromJson(r.after_json, null, `review_log ${r.id}`),
  }));
}

/** A reviewer's decision on an item, kept as a training label for `soz train`. */
export async function saveLabel(
  store: Store,
  label: { itemId: number; candidate: boolean; category: string | null; decidedBy: string },
  db: Db = store.db,
): Promise<void> {
  const values = {
    item_id: label.itemId,
    candidate: label.candidate ? 1 : 0,
    category: label.category,
    decided_by: label.decidedBy,
    decided_at: nowIso(),
  };
  await db
    .insertInto('labels')
    .values(values)
    .onConflict((oc) =>
      oc.column('item_id').doUpdateSet({
        candidate: values.candidate,
        category: values.category,
        decided_by: values.decided_by,
        decided_at: values.decided_at,
      }),
    )
    .execute();
}

export async function listLabels(store: Store): Promise<
  {
    itemId: number;
    candidate: boolean;
    category: string | null;
    title: string;
    text: string;
    lang: string | null;
    decidedAt: string;
  }[]
> {
  const rows = await store.db
    .selectFrom('labels')
    .innerJoin('items', 'items.id', 'labels.item_id')
    .select([
      'labels.item_id',
      'labels.candidate',
      'labels.category',
      'items.title',
      'items.text',
      'items.lang',
      'labels.decided_at',
    ])
    .orderBy('labels.item_id')
    .execute();
  return rows.map((r) => ({
    itemId: toNumber(r.item_id),
    candidate: toNumber(r.candidate) === 1,
    category: r.category,
    title: r.title,
    text: r.text,
    lang: r.lang,
    decidedAt: r.decided_at,
  }));
}

/**
 * Items whose newest classification says candidate but that belong to no review task: what a crawl killed
 * between storing a batch and queueing its candidates leaves behind.
 */
export async function candidatesWithoutTask(store: Store, limit = 5_000): Promise<number[]> {
  const rows = await store.db
    .selectFrom('items')
    .select('items.id')
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb
              .selectFrom('review_task_items as rti')
              .select('rti.item_id')
              .whereRef('rti.item_id', '=', 'items.id'),
          ),
        ),
        eb(
          eb
            .selectFrom('classifications as c')
            .select('c.candidate')
            .whereRef('c.item_id', '=', 'items.id')
            .orderBy('c.id', 'desc')
            .limit(1),
          '=',
          1,
        ),
      ]),
    )
    .orderBy('items.id')
    .limit(limit)
    .execute();
  return rows.map((r) => toNumber(r.id));
}
