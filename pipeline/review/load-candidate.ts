// Everything the candidate page and `soz review show` need about one task, in a few queries.
import type { Classification } from '../../core/index.ts';
import {
  getItemsByIds,
  getTask,
  latestClassifications,
  listReviewLog,
  type ReviewLogEntry,
  type ReviewTask,
  type Store,
  type StoredItem,
  taskItemSimilarities,
} from '../../storage/index.ts';
import { draftFromCandidate, type EntryForm } from './entry-draft.ts';

export interface CandidateItem {
  readonly item: StoredItem;
  readonly classification: Classification | null;
  /** How close it was to the task when it joined (1 for the first item). */
  readonly similarity: number;
}

export interface Candidate {
  readonly task: ReviewTask;
  /** The task's head item first, then the other reports in id order. */
  readonly items: readonly CandidateItem[];
  readonly log: readonly ReviewLogEntry[];
  readonly draft: EntryForm;
}

export async function loadCandidate(store: Store, taskId: number): Promise<Candidate | null> {
  const task = await getTask(store, taskId);
  if (!task) return null;
  const items = await getItemsByIds(store, task.itemIds);
  const classes = await latestClassifications(store, task.itemIds);
  const sims = await taskItemSimilarities(store, taskId);
  const ordered = [...items].sort((a, b) =>
    a.id === task.firstItemId ? -1 : b.id === task.firstItemId ? 1 : a.id - b.id,
  );
  const withClass = ordered.map((item) => ({
    item,
    classification: classes.get(item.id) ?? null,
    similarity: sims.get(item.id) ?? 1,
  }));
  const head = withClass[0];
  const draft = draftFromCandidate({
    topCategory: task.topCategory,
    month: task.month,
    lang: head?.item.lang ?? task.lang,
    text: head?.item.text ?? '',
    publishedAt: head?.item.publishedAt ?? null,
    classification: head?.classification ?? null,
  });
  const log = await listReviewLog(store, { taskId });
  return { task, items: withClass, log, draft };
}
