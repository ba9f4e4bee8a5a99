// Review → dataset. Confirming a candidate writes a dataset entry whose sources are every report in its
// cluster; merging a candidate into an existing entry adds its reports as further sources. Both record the
// decision on the task (version-checked: a second reviewer gets ReviewConflict, nothing is overwritten),
// log the entry's before and after, and store a training label per item, in one transaction.
import type { DatasetEntry } from '../core/index.ts';
import {
  appendReviewLog,
  changeTask,
  getEntry,
  ReviewConflict,
  type ReviewTask,
  type Store,
  type StoredEntry,
  saveLabel,
  taskItemUrls,
  upsertEntry,
} from '../storage/index.ts';
import { caseForNewEntry, parseCaseEvent, recordEntryInCase } from './cases/case-decisions.ts';
import { suggestCase } from './cases/case-suggestion.ts';
import { parseEntryForm } from './review/entry-draft.ts';
import { loadCandidate } from './review/load-candidate.ts';
import { AlreadyDecided, reviewInputError } from './review/review-errors.ts';

export interface DecisionBase {
  readonly taskId: number;
  /** The task version the reviewer saw; omitted (CLI) means "whatever it is now". */
  readonly expectedVersion?: number;
  readonly actor: string;
}

type Db = Store['db'];

/** The entry id a confirmed task gets: its month and task id, readable and unique. */
export const entryIdFor = (month: string, taskId: number) => `${month}-r${taskId}`;

/** Throws unless the task exists, is still open, and (when given) still at the version the reviewer saw. */
export function assertOpen(
  task: ReviewTask | null,
  taskId: number,
  expectedVersion: number | undefined,
): ReviewTask {
  if (!task) throw reviewInputError(`no candidate with id ${taskId}`, 'noCandidate', { taskId });
  if (expectedVersion !== undefined && task.version !== expectedVersion)
    throw new ReviewConflict(taskId, task);
  if (task.status !== 'pending' && task.status !== 'deferred') {
    throw new AlreadyDecided(
      `candidate ${taskId} is already ${task.status}${task.decidedBy ? ` by ${task.decidedBy}` : ''}${task.decidedAt ? ` at ${task.decidedAt}` : ''}${task.entryId ? ` (entry ${task.entryId})` : ''}; an editor can undo that decision first`,
      {
        key: 'alreadyDecided',
        vars: { taskId, status: task.status, by: task.decidedBy ?? '—', at: task.decidedAt ?? '' },
      },
    );
  }
  return task;
}

async function labelItems(store: Store, db: Db, itemIds: readonly number[], category: string, actor: string) {
  for (const itemId of itemIds)
    await saveLabel(store, { itemId, candidate: true, category, decidedBy: actor }, db);
}

/**
 * Confirms a candidate: `form` holds the reviewer's corrections over the suggested entry form. `caseId`
 * places the entry in a case ('' or absent: automatic — the case its court item joined, else a new one for
 * a block C entry; 'new'; 'none'; or a case's id: "update of case …"), `caseEvent` says what it is there.
 */
export async function confirmCandidate(
  store: Store,
  d: DecisionBase & {
    readonly form: Partial<Record<string, string>>;
    readonly caseId?: string;
    readonly caseEvent?: string;
  },
): Promise<{ task: ReviewTask; entry: StoredEntry }> {
  const candidate = await loadCandidate(store, d.taskId);
  const seen = assertOpen(candidate?.task ?? null, d.taskId, d.expectedVersion);
  const courtItems = candidate!.items.filter((i) => i.item.court !== null);
  const choice = (d.caseId ?? '').trim();
  // A court record's facts and the chosen case's fill what the suggestion leaves empty.
  const suggestion = await suggestCase(store, candidate!, choice);
  const joinedCaseId = suggestion.joinedCase?.id ?? null;
  const parsed = parseEntryForm(suggestion.draft, d.form);
  const caseEvent = parseCaseEvent(d.caseEvent);
  const court = courtItems[0]?.item.court ?? null;
  const version = d.expectedVersion ?? seen.version;
  return store.db.transaction().execute(async (trx) => {
    const urls = await taskItemUrls(store, d.taskId, trx);
    const entryId = entryIdFor(parsed.month, d.taskId);
    const placement = await caseForNewEntry(
      store,
      { choice, entry: { id: entryId, ...parsed }, joinedCaseId, court, actor: d.actor },
      trx,
    );
    const task = await changeTask(
      store,
      d.taskId,
      version,
      { status: 'confirmed', entryId, topCategory: parsed.category, reason: null },
      d.actor,
      'confirm',
      trx,
    );
    const before = await getEntry(store, entryId, trx);
    const entry: DatasetEntry = {
      id: entryId,
      ...parsed,
      sources: urls.map((u) => u.url),
      caseId: placement.caseId,
      caseEvent: placement.caseId ? caseEvent : null,
    };
    await upsertEntry(store, entry, 'review', d.taskId, trx);
    const after = (await getEntry(store, entryId, trx))!;
    await appendReviewLog(
      store,
      { taskId: d.taskId, entryId, actor: d.actor, action: 'entry-create', before, after },
      trx,
    );
    await recordEntryInCase(
      store,
      {
        placement,
        entry: after,
        court,
        courtItemIds: courtItems.map((i) => i.item.id),
        taskId: d.taskId,
        actor: d.actor,
      },
      trx,
    );
    await labelItems(
      store,
      trx,
      urls.map((u) => u.itemId),
      parsed.category,
      d.actor,
    );
    return { task, entry: (await getEntry(store, entryId, trx))! };
  });
}

/** Marks a candidate as another report of an existing entry: its URLs become more sources of that entry. */
export async function mergeCandidate(
  store: Store,
  d: DecisionBase & { readonly entryId: string },
): Promise<{ task: ReviewTask; entry: StoredEntry }> {
  const candidate = await loadCandidate(store, d.taskId);
  const seen = assertOpen(candidate?.task ?? null, d.taskId, d.expectedVersion);
  const version = d.expectedVersion ?? seen.version;
  return store.db.transaction().execute(async (trx) => {
    const before = await getEntry(store, d.entryId, trx);
    if (!before)
      throw reviewInputError(
        `no dataset entry with id ${d.entryId} to merge candidate ${d.taskId} into`,
        'noMergeTarget',
        { entryId: d.entryId, taskId: d.taskId },
      );
    const task = await changeTask(
      store,
      d.taskId,
      version,
      { status: 'duplicate', entryId: d.entryId, reason: `duplicate of ${d.entryId}` },
      d.actor,
      'merge',
      trx,
    );
    const urls = await taskItemUrls(store, d.taskId, trx);
    await upsertEntry(
      store,
      { ...before, sources: [...before.sources, ...urls.map((u) => u.url)] },
      before.origin,
      before.reviewTaskId,
      trx,
    );
    const after = (await getEntry(store, d.entryId, trx))!;
    await appendReviewLog(
      store,
      { taskId: d.taskId, entryId: d.entryId, actor: d.actor, action: 'entry-add-sources', before, after },
      trx,
    );
    await labelItems(
      store,
      trx,
      urls.map((u) => u.itemId),
      before.category,
      d.actor,
    );
    return { task, entry: after };
  });
}
