// The review decisions other than promotion: reject (a training label "not a candidate"), defer, split a
// wrong cluster, undo a decision (editors: anyone's; reviewers: their own), and an editor's correction of
// a confirmed entry. Each is version-checked and logged in one transaction.
import type { DatasetEntry } from '../../core/index.ts';
import {
  appendReviewLog,
  changeTask,
  deleteEntry,
  deleteLabels,
  getEntry,
  getTask,
  moveItemsToNewTask,
  ReviewConflict,
  type ReviewTask,
  type Store,
  type StoredEntry,
  saveLabel,
  taskItemUrls,
  tasksMergedInto,
  type UserRole,
  upsertEntry,
} from '../../storage/index.ts';
import { dropCaseIfEmpty } from '../cases/case-decisions.ts';
import { decodeTaskFingerprint, encodeTaskFingerprint } from '../cluster/task-fingerprint.ts';
import { assertOpen, type DecisionBase } from '../promote-entry.ts';
import { topCategoryOf } from '../queue-candidate.ts';
import { formFromEntry, parseEntryForm } from './entry-draft.ts';
import { loadCandidate } from './load-candidate.ts';
import { EntryConflict, ReviewForbidden, reviewInputError } from './review-errors.ts';

export async function rejectCandidate(
  store: Store,
  d: DecisionBase & { readonly reason: string },
): Promise<ReviewTask> {
  const reason = d.reason.trim();
  if (reason === '') throw reviewInputError('reason: say why the candidate is rejected', 'reasonMissing');
  const seen = assertOpen(await getTask(store, d.taskId), d.taskId, d.expectedVersion);
  return store.db.transaction().execute(async (trx) => {
    const task = await changeTask(
      store,
      d.taskId,
      d.expectedVersion ?? seen.version,
      { status: 'rejected', reason, entryId: null },
      d.actor,
      'reject',
      trx,
    );
    for (const itemId of task.itemIds) {
      await saveLabel(store, { itemId, candidate: false, category: null, decidedBy: d.actor }, trx);
    }
    return task;
  });
}

export async function deferCandidate(
  store: Store,
  d: DecisionBase & { readonly reason?: string },
): Promise<ReviewTask> {
  const seen = assertOpen(await getTask(store, d.taskId), d.taskId, d.expectedVersion);
  return changeTask(
    store,
    d.taskId,
    d.expectedVersion ?? seen.version,
    { status: 'deferred', reason: d.reason?.trim() || null },
    d.actor,
    'defer',
  );
}

/** Moves the given items out of a cluster into a new pending candidate; returns both tasks. */
export async function splitCandidate(
  store: Store,
  d: DecisionBase & { readonly itemIds: readonly number[] },
): Promise<{ task: ReviewTask; newTask: ReviewTask }> {
  const candidate = await loadCandidate(store, d.taskId);
  const seen = assertOpen(candidate?.task ?? null, d.taskId, d.expectedVersion);
  const ids = [...new Set(d.itemIds)];
  if (ids.length === 0) throw reviewInputError('items: choose the reports to split off', 'splitNone');
  const moving = candidate!.items.filter((i) => ids.includes(i.item.id));
  const staying = candidate!.items.filter((i) => !ids.includes(i.item.id));
  if (moving.length !== ids.length) {
    throw reviewInputError(
      `items: candidate ${d.taskId} holds items ${seen.itemIds.join(', ')}, not ${ids.join(', ')}`,
      'splitForeign',
      { taskId: d.taskId },
    );
  }
  if (staying.length === 0)
    throw reviewInputError('items: leave at least one report in the candidate', 'splitAll');
  const fp = decodeTaskFingerprint(seen.fingerprint);
  const part = (keep: readonly number[]) =>
    fp ? encodeTaskFingerprint(fp.items.filter((i) => keep.includes(i.itemId))) : null;
  const bestOf = (xs: typeof moving) => Math.max(0, ...xs.map((x) => x.classification?.score ?? 0));
  const headOf = moving[0]!;
  return store.db.transaction().execute(async (trx) => {
    const task = await changeTask(
      store,
      d.taskId,
      d.expectedVersion ?? seen.version,
      { title: staying[0]!.item.title, score: bestOf(staying) },
      d.actor,
      'split',
      trx,
    );
    const newId = await moveItemsToNewTask(
      store,
      d.taskId,
      ids,
      {
        title: headOf.item.title,
        lang: headOf.item.lang,
        score: bestOf(moving),
        topCategory: (headOf.classification && topCategoryOf(headOf.classification)) ?? seen.topCategory,
        fingerprint: part(ids),
      },
      {
        title: staying[0]!.item.title,
        fingerprint: part(staying.map((s) => s.item.id)),
        score: bestOf(staying),
      },
      trx,
    );
    const newTask = (await getTask(store, newId, trx))!;
    const after = (await getTask(store, d.taskId, trx))!;
    await appendReviewLog(
      store,
      {
        taskId: newId,
        entryId: null,
        actor: d.actor,
        action: 'split-from',
        before: { taskId: d.taskId },
        after: newTask,
      },
      trx,
    );
    await appendReviewLog(
      store,
      { taskId: d.taskId, entryId: null, actor: d.actor, action: 'split-off', before: task, after },
      trx,
    );
    return { task: after, newTask };
  });
}

/**
 * Reopens a decided candidate. A confirmed one loses the entry it created (unless other candidates were
 * merged into that entry since: undo those first); a merged one gives its URLs back. Labels are withdrawn.
 */
export async function undoDecision(
  store: Store,
  d: DecisionBase & { readonly role: UserRole },
): Promise<ReviewTask> {
  const seen = await getTask(store, d.taskId);
  if (!seen) throw reviewInputError(`no candidate with id ${d.taskId}`, 'noCandidate', { taskId: d.taskId });
  if (d.expectedVersion !== undefined && seen.version !== d.expectedVersion)
    throw new ReviewConflict(d.taskId, seen);
  if (seen.status === 'pending')
    throw reviewInputError(`candidate ${d.taskId} is pending: there is no decision to undo`, 'undoPending', {
      taskId: d.taskId,
    });
  if (d.role !== 'editor' && seen.decidedBy !== d.actor) {
    throw new ReviewForbidden(
      `only an editor can undo ${seen.decidedBy ?? 'another reviewer'}'s decision on candidate ${d.taskId}`,
      { key: 'undoForbidden', vars: { by: seen.decidedBy ?? '—', taskId: d.taskId } },
    );
  }
  return store.db.transaction().execute(async (trx) => {
    const entryId = seen.entryId;
    if (entryId && seen.status === 'confirmed') {
      const merged = await tasksMergedInto(store, entryId, d.taskId, trx);
      if (merged.length > 0) {
        throw reviewInputError(
          `entry ${entryId} also holds candidate(s) ${merged.join(', ')} merged into it; undo those merges first`,
          'undoMerged',
          { entryId, tasks: merged.join(', ') },
        );
      }
      const before = await getEntry(store, entryId, trx);
      if (before && before.reviewTaskId === d.taskId) {
        await deleteEntry(store, entryId, trx);
        await appendReviewLog(
          store,
          { taskId: d.taskId, entryId, actor: d.actor, action: 'entry-delete', before, after: null },
          trx,
        );
        if (before.caseId) await dropCaseIfEmpty(store, before.caseId, d.actor, d.taskId, trx);
      }
    } else if (entryId && seen.status === 'duplicate') {
      const before = await getEntry(store, entryId, trx);
      if (before) {
        const mine = new Set((await taskItemUrls(store, d.taskId, trx)).map((u) => u.url));
        const kept = before.sources.filter((s) => !mine.has(s));
        await upsertEntry(store, { ...before, sources: kept }, before.origin, before.reviewTaskId, trx);
        const after = await getEntry(store, entryId, trx);
        await appendReviewLog(
          store,
          { taskId: d.taskId, entryId, actor: d.actor, action: 'entry-remove-sources', before, after },
          trx,
        );
      }
    }
    const task = await changeTask(
      store,
      d.taskId,
      seen.version,
      { status: 'pending', entryId: null, reason: null },
      d.actor,
      'undo',
      trx,
    );
    await deleteLabels(store, task.itemIds, trx);
    return task;
  });
}

/** An editor's correction of a confirmed entry, checked against the version the editor saw. */
export async function editEntry(
  store: Store,
  e: {
    readonly entryId: string;
    readonly expectedVersion: number;
    readonly actor: string;
    readonly role: UserRole;
    readonly form: Partial<Record<string, string>>;
    /** One URL a line; absent keeps the sources. */
    readonly sources?: string;
  },
): Promise<StoredEntry> {
  if (e.role !== 'editor')
    throw new ReviewForbidden('only editors can change confirmed entries', { key: 'editForbidden' });
  return store.db.transaction().execute(async (trx) => {
    const before = await getEntry(store, e.entryId, trx);
    if (!before)
      throw reviewInputError(`no dataset entry with id ${e.entryId}`, 'noEntry', { entryId: e.entryId });
    if (before.version !== e.expectedVersion) {
      throw new EntryConflict(
        `entry ${e.entryId} was changed at ${before.updatedAt} (now version ${before.version}, you edited ${e.expectedVersion}); reload it and apply your change again`,
        {
          key: 'entryChanged',
          vars: {
            entryId: e.entryId,
            at: before.updatedAt,
            version: before.version,
            edited: e.expectedVersion,
          },
        },
      );
    }
    const parsed = parseEntryForm(formFromEntry(before), e.form);
    const sources =
      e.sources === undefined
        ? before.sources
        : e.sources
            .split(/\s*\n\s*/)
            .map((s) => s.trim())
            .filter(Boolean);
    for (const s of sources) {
      if (!/^https?:\/\/\S+$/.test(s))
        throw reviewInputError(`sources: "${s}" is not an http(s) URL`, 'sourceNotUrl', { value: s });
    }
    if (sources.length === 0)
      throw reviewInputError('sources: an entry needs at least one source URL', 'noSources');
    const entry: DatasetEntry = { id: before.id, ...parsed, sources };
    await upsertEntry(store, entry, before.origin, before.reviewTaskId, trx);
    const after = (await getEntry(store, e.entryId, trx))!;
    await appendReviewLog(
      store,
      {
        taskId: before.reviewTaskId,
        entryId: e.entryId,
        actor: e.actor,
        action: 'entry-edit',
        before,
        after,
      },
      trx,
    );
    return after;
  });
}
