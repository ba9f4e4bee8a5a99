// What the review stage needs beyond review-repository.ts: the queue page in two queries, its filter
// choices, cluster fingerprints of open tasks, splitting a cluster, and withdrawing labels on undo.
import { type RawBuilder, sql } from 'kysely';
import type { CandidateLines, ItemKind } from '../core/index.ts';
import { toNumber } from './dialect.ts';
import { nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';
import { headColumns, pendingTaskRow, type TaskStatus } from './review-repository.ts';

type Db = Store['db'];

export interface QueueFilter {
  readonly status?: TaskStatus;
  readonly category?: string;
  /**
   * Matches an open task (pending, deferred) when any of its items is in this language; a decided one
   * (confirmed, rejected, duplicate) by its leading report's language: see DECIDED below.
   */
  readonly lang?: string;
  readonly kind?: ItemKind;
  readonly month?: string;
  /** Like `lang`: any item of an open task, the leading report of a decided one. */
  readonly sourceId?: string;
  /** 'uncertain': scores closest to the line of the task's language (`lines`) first. */
  readonly sort?: 'score' | 'date' | 'uncertain';
  /** The lines the classifier in use decides each language by; required by the 'uncertain' order. */
  readonly lines?: CandidateLines;
  readonly limit: number;
  readonly offset?: number;
}

export interface QueueSource {
  readonly itemId: number;
  readonly sourceId: string;
  readonly url: string;
  readonly lang: string | null;
  readonly publishedAt: string | null;
  /** The reviewer who added this report by URL, if one did. */
  readonly addedBy: string | null;
}

export interface QueueRow {
  readonly id: number;
  readonly status: TaskStatus;
  readonly title: string;
  readonly topCategory: string | null;
  readonly score: number;
  readonly lang: string | null;
  readonly kind: ItemKind;
  readonly month: string | null;
  readonly entryId: string | null;
  readonly decidedBy: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly firstItemId: number;
  readonly sources: readonly QueueSource[];
}

/**
 * Statuses whose language and source filters read the task's own copies of its leading report's language
 * and source (review_tasks.lang, review_tasks.source_id, indexed after the status by migration 015) rather
 * than every item of every task: a decade of decided tasks is 30,000–60,000 at a million items, and looking
 * up each one's items cost 1.6–1.8 s per page (docs/scale.md). A decided cluster whose other reports alone
 * are in the language is missed there; the open queue, where the work is, keeps the exact match.
 */
const DECIDED: readonly TaskStatus[] = ['confirmed', 'rejected', 'duplicate'];

function filteredTasks(db: Db, f: Omit<QueueFilter, 'limit'>) {
  let q = db.selectFrom('review_tasks');
  if (f.status) q = q.where('review_tasks.status', '=', f.status);
  if (f.category) q = q.where('review_tasks.top_category', '=', f.category);
  if (f.kind) q = q.where('review_tasks.kind', '=', f.kind);
  if (f.month) q = q.where('review_tasks.month', '=', f.month);
  const { lang, sourceId } = f;
  if ((lang || sourceId) && f.status && DECIDED.includes(f.status)) {
    if (lang) q = q.where('review_tasks.lang', '=', lang);
    if (sourceId) q = q.where('review_tasks.source_id', '=', sourceId);
  } else if (lang || sourceId) {
    // IN (an uncorrelated subquery) rather than EXISTS: SQLite builds the set of matching tasks once
    // instead of probing the source's items for each of 10,000 tasks. The set is built from the tasks of
    // the other filters (the status first), not from every item of the language or source: on a million
    // items a source has 150,000 of them, the pending queue a few thousand tasks (docs/scale.md).
    q = q.where('review_tasks.id', 'in', (eb) =>
      eb
        .selectFrom('review_task_items as rti')
        .innerJoin('review_tasks as t', 't.id', 'rti.task_id')
        .innerJoin('items as i', 'i.id', 'rti.item_id')
        .select('rti.task_id')
        .$if(f.status !== undefined, (s) => s.where('t.status', '=', f.status!))
        .$if(f.category !== undefined, (s) => s.where('t.top_category', '=', f.category!))
        .$if(f.kind !== undefined, (s) => s.where('t.kind', '=', f.kind!))
        .$if(f.month !== undefined, (s) => s.where('t.month', '=', f.month!))
        .$if(lang !== undefined, (s) => s.where('i.lang', '=', lang!))
        .$if(sourceId !== undefined, (s) => s.where('i.source_id', '=', sourceId!)),
    );
  }
  return q;
}

/** A line outside 0..1 (or not a number) would sort the queue by nonsense without a word: refuse it. */
function checkedLine(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new Error(`the "uncertain" queue order: ${field} is ${String(value)}, not a score from 0 to 1`);
  return value;
}

/**
 * How far a task's score is from its language's line; a task of no known language (lang NULL) or of a language
 * without a line of its own is measured against the default. Each branch subtracts on its own rather than
 * `score - CASE … END`: PostgreSQL types a CASE whose results are all bound parameters as text, while
 * `score - $n` takes the score's type in both dialects.
 */
function distanceFromLine(lines: CandidateLines | undefined): RawBuilder<number> {
  if (lines === undefined) throw new Error('the "uncertain" queue order needs the candidate lines');
  const from = (line: number) => sql<number>`abs(review_tasks.score - ${line})`;
  const fallback = from(checkedLine(lines.default, 'lines.default'));
  const branches = Object.entries(lines.byLang).map(
    ([lang, line]) => sql`when ${lang} then ${from(checkedLine(line, `lines.byLang.${lang}`))}`,
  );
  if (branches.length === 0) return fallback;
  return sql<number>`case review_tasks.lang ${sql.join(branches, sql` `)} else ${fallback} end`;
}

/** One page of the queue with each task's sources, and the total matching the filter. */
export async function queuePage(store: Store, f: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
  // The date is the leading report's, copied onto the task (migration 015) so that the date sort walks
  // the (status, published_at, id) index instead of joining and sorting every task of the status.
  let q = filteredTasks(store.db, f).select([
    'review_tasks.id',
    'review_tasks.status',
    'review_tasks.title',
    'review_tasks.top_category',
    'review_tasks.score',
    'review_tasks.lang',
    'review_tasks.kind',
    'review_tasks.month',
    'review_tasks.entry_id',
    'review_tasks.decided_by',
    'review_tasks.version',
    'review_tasks.created_at',
    'review_tasks.first_item_id',
    'review_tasks.published_at',
  ]);
  if (f.sort === 'date')
    q = q.orderBy('review_tasks.published_at', 'desc').orderBy('review_tasks.id', 'desc');
  else if (f.sort === 'uncertain') q = q.orderBy(distanceFromLine(f.lines)).orderBy('review_tasks.id');
  else q = q.orderBy('review_tasks.score', 'desc').orderBy('review_tasks.id');
  const rows = await q
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
  const countRow = await filteredTasks(store.db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const ids = rows.map((r) => toNumber(r.id));
  const sources = new Map<number, QueueSource[]>();
  if (ids.length > 0) {
    const links = await store.db
      .selectFrom('review_task_items as rti')
      .innerJoin('items as i', 'i.id', 'rti.item_id')
      .leftJoin('reviewer_additions as ra', 'ra.item_id', 'i.id')
      .select([
        'rti.task_id',
        'i.id',
        'i.source_id',
        'i.url',
        'i.canonical_url',
        'i.lang',
        'i.published_at',
        'ra.added_by',
      ])
      .where('rti.task_id', 'in', ids)
      .orderBy('rti.task_id')
      .orderBy('i.id')
      .execute();
    for (const l of links) {
      const k = toNumber(l.task_id);
      const list = sources.get(k) ?? [];
      list.push({
        itemId: toNumber(l.id),
        sourceId: l.source_id,
        url: l.canonical_url || l.url,
        lang: l.lang,
        publishedAt: l.published_at,
        addedBy: l.added_by,
      });
      sources.set(k, list);
    }
  }
  return {
    total: toNumber(countRow?.n),
    rows: rows.map((r) => ({
      id: toNumber(r.id),
      status: r.status as TaskStatus,
      title: r.title,
      topCategory: r.top_category,
      score: toNumber(r.score),
      lang: r.lang,
      kind: r.kind as ItemKind,
      month: r.month,
      entryId: r.entry_id,
      decidedBy: r.decided_by,
      version: toNumber(r.version),
      createdAt: r.created_at,
      publishedAt: r.published_at,
      firstItemId: toNumber(r.first_item_id),
      sources: sources.get(toNumber(r.id)) ?? [],
    })),
  };
}

export interface QueueFacets {
  readonly categories: string[];
  readonly langs: string[];
  readonly sources: string[];
  readonly months: string[];
}

/**
 * The values the queue's filters offer, among the tasks of one status: categories and months (index ranges
 * after the status), and the languages and sources the filters match — a decided task's own (its leading
 * report's, indexed by migration 015), an open task's items' (a few thousand tasks). Not `DISTINCT` over
 * items: PostgreSQL has no skip scan, and that read the whole table (a million rows) for every queue page.
 * Not the sources table either: reports added by URL carry sources of their own (`added:host`). Four small
 * statements rather than one UNION ALL: PostgreSQL costs the union high enough to plan it in parallel, and
 * starting the workers took 80–200 ms of the 2-core machine's time on every page (docs/scale.md).
 */
export async function queueFacets(store: Store, status: TaskStatus = 'pending'): Promise<QueueFacets> {
  const db = store.db;
  const ofStatus = (column: 'top_category' | 'month' | 'lang' | 'source_id') =>
    db
      .selectFrom('review_tasks')
      .select(sql<string | null>`${sql.ref(column)}`.as('value'))
      .where('status', '=', status)
      .groupBy(column)
      .execute();
  const ofItems = (column: 'lang' | 'source_id') =>
    db
      .selectFrom('review_task_items as rti')
      .innerJoin('review_tasks as t', 't.id', 'rti.task_id')
      .innerJoin('items as i', 'i.id', 'rti.item_id')
      .select(sql<string | null>`${sql.ref(`i.${column}`)}`.as('value'))
      .where('t.status', '=', status)
      .groupBy(`i.${column}`)
      .execute();
  const decided = DECIDED.includes(status);
  const rows = {
    category: await ofStatus('top_category'),
    month: await ofStatus('month'),
    lang: decided ? await ofStatus('lang') : await ofItems('lang'),
    source: decided ? await ofStatus('source_id') : await ofItems('source_id'),
  };
  const of = (facet: keyof typeof rows) =>
    rows[facet]
      .map((r) => r.value)
      .filter((x): x is string => !!x)
      .sort();
  return {
    categories: of('category'),
    months: of('month').reverse(),
    langs: of('lang'),
    sources: of('source'),
  };
}

/** Fingerprints of the open (pending or deferred) tasks of a kind in the given months, for clustering. */
export async function openTaskFingerprints(
  store: Store,
  f: { kind: ItemKind; months: readonly string[] },
  db: Db = store.db,
): Promise<{ taskId: number; fingerprint: string | null; score: number }[]> {
  if (f.months.length === 0) return [];
  const rows = await db
    .selectFrom('review_tasks')
    .select(['id', 'fingerprint', 'score'])
    .where('status', 'in', ['pending', 'deferred'])
    .where('kind', '=', f.kind)
    .where('month', 'in', [...f.months])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ taskId: toNumber(r.id), fingerprint: r.fingerprint, score: toNumber(r.score) }));
}

/**
 * Records a task's cluster fingerprint and score. Not a decision: the version is left alone so that a
 * reviewer looking at the task is not told of a conflict because another outlet's report joined.
 */
export async function setTaskCluster(
  store: Store,
  taskId: number,
  c: { fingerprint: string; score: number },
  db: Db = store.db,
): Promise<void> {
  await db
    .updateTable('review_tasks')
    .set({ fingerprint: c.fingerprint, score: c.score, updated_at: nowIso() })
    .where('id', '=', taskId)
    .execute();
}

/**
 * Moves some items of a task into a new pending task (a wrong cluster split). The first of the moved items
 * heads the new task; the old task's head moves to its first remaining item. Returns the new task's id.
 */
export async function moveItemsToNewTask(
  store: Store,
  fromTaskId: number,
  itemIds: readonly number[],
  head: {
    title: string;
    lang: string | null;
    score: number;
    topCategory: string | null;
    fingerprint: string | null;
  },
  rest: { title: string; fingerprint: string | null; score: number },
  db: Db = store.db,
): Promise<number> {
  const from = await db
    .selectFrom('review_tasks')
    .selectAll()
    .where('id', '=', fromTaskId)
    .executeTakeFirst();
  if (!from) throw new Error(`no candidate with id ${fromTaskId}`);
  const links = await db
    .selectFrom('review_task_items')
    .select('item_id')
    .where('task_id', '=', fromTaskId)
    .orderBy('item_id')
    .execute();
  const all = links.map((l) => toNumber(l.item_id));
  const moving = all.filter((id) => itemIds.includes(id));
  const staying = all.filter((id) => !itemIds.includes(id));
  if (moving.length !== itemIds.length) {
    throw new Error(
      `candidate ${fromTaskId} does not hold item(s) ${itemIds.filter((i) => !all.includes(i)).join(', ')}`,
    );
  }
  if (staying.length === 0)
    throw new Error(`splitting off every item of candidate ${fromTaskId} would leave it empty`);
  const now = nowIso();
  const row = await db
    .insertInto('review_tasks')
    .values(
      pendingTaskRow(
        {
          itemId: moving[0]!,
          title: head.title,
          kind: from.kind as ItemKind,
          lang: head.lang,
          month: from.month,
          topCategory: head.topCategory,
          score: head.score,
          fingerprint: head.fingerprint,
        },
        now,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const newId = toNumber(row.id);
  await db
    .updateTable('review_task_items')
    .set({ task_id: newId, similarity: 1, added_at: now })
    .where('task_id', '=', fromTaskId)
    .where('item_id', 'in', moving)
    .execute();
  await db
    .updateTable('review_tasks')
    .set({
      first_item_id: staying[0]!,
      ...headColumns(staying[0]!),
      title: rest.title,
      fingerprint: rest.fingerprint,
      score: rest.score,
    })
    .where('id', '=', fromTaskId)
    .execute();
  return newId;
}

/** Similarity with which each item joined a task. */
export async function taskItemSimilarities(store: Store, taskId: number): Promise<Map<number, number>> {
  const rows = await store.db
    .selectFrom('review_task_items')
    .select(['item_id', 'similarity'])
    .where('task_id', '=', taskId)
    .execute();
  return new Map(rows.map((r) => [toNumber(r.item_id), toNumber(r.similarity)]));
}

/** Withdraws training labels when a decision is undone. */
export async function deleteLabels(
  store: Store,
  itemIds: readonly number[],
  db: Db = store.db,
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .deleteFrom('labels')
    .where('item_id', 'in', [...itemIds])
    .execute();
}

/** Ids of tasks (other than one) merged into an entry, which an undo of the entry's creation must respect. */
export async function tasksMergedInto(
  store: Store,
  entryId: string,
  exceptTaskId: number,
  db: Db = store.db,
): Promise<number[]> {
  const rows = await db
    .selectFrom('review_tasks')
    .select('id')
    .where('entry_id', '=', entryId)
    .where('id', '<>', exceptTaskId)
    .where('status', '=', 'duplicate')
    .execute();
  return rows.map((r) => toNumber(r.id));
}

/** Months that have confirmed entries, newest first, with their counts. */
export async function entryMonths(store: Store): Promise<{ month: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('dataset_entries')
    .select(['month', (eb) => eb.fn.countAll().as('n')])
    .groupBy('month')
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => ({ month: r.month, count: toNumber(r.n) }));
}

/** The URLs (canonical where known) of a task's items, read inside a decision's transaction. */
export async function taskItemUrls(
  store: Store,
  taskId: number,
  db: Db = store.db,
): Promise<{ itemId: number; url: string }[]> {
  const rows = await db
    .selectFrom('review_task_items as rti')
    .innerJoin('items as i', 'i.id', 'rti.item_id')
    .select(['i.id', 'i.url', 'i.canonical_url'])
    .where('rti.task_id', '=', taskId)
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ itemId: toNumber(r.id), url: r.canonical_url || r.url }));
}

/** The pending tasks just before and after one in the queue's score order, for j/k on the candidate page. */
export async function adjacentPendingTasks(
  store: Store,
  task: { id: number; score: number },
): Promise<{ previous: number | null; next: number | null }> {
  const next = await store.db
    .selectFrom('review_tasks')
    .select('id')
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([eb('score', '<', task.score), eb.and([eb('score', '=', task.score), eb('id', '>', task.id)])]),
    )
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const previous = await store.db
    .selectFrom('review_tasks')
    .select('id')
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([eb('score', '>', task.score), eb.and([eb('score', '=', task.score), eb('id', '<', task.id)])]),
    )
    .orderBy('score')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { previous: previous ? toNumber(previous.id) : null, next: next ? toNumber(next.id) : null };
}

/** Entries of a month, lightweight, for the merge form's suggestions. */
export async function entryIdsOfMonths(
  store: Store,
  months: readonly string[],
): Promise<{ id: string; category: string; summary: string }[]> {
  if (months.length === 0) return [];
  const rows = await store.db
    .selectFrom('dataset_entries')
    .select(['id', 'category', 'summary'])
    .where('month', 'in', [...months])
    .orderBy('id')
    .limit(500)
    .execute();
  return rows;
}

/** Candidates of a month still waiting for a decision (pending or deferred): the digest says so at its top. */
export async function countUndecidedTasks(store: Store, month: string): Promise<number> {
  const row = await store.db
    .selectFrom('review_tasks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('month', '=', month)
    .where('status', 'in', ['pending', 'deferred'])
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
