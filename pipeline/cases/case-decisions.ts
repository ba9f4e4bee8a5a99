// How cases come about and change. A reviewer's confirmation places the new entry in a case: the one its
// court item joined, the one the reviewer chose ("update of case …"), or a new one for a charge or claim.
// Editors correct cases: their facts and title, a status of their own, which entries belong, merges and
// splits. Every change is logged (review_log with the case id) in the transaction that makes it.
import {
  CASE_EVENTS,
  CASE_ID_LIMIT,
  CASE_STATUSES,
  type CaseEvent,
  type CaseStatus,
  type CourtRecord,
  type DatasetEntry,
  inputError,
  isCaseEvent,
  isCaseStatus,
  type LegalCase,
} from '../../core/index.ts';
import {
  appendReviewLog,
  type CaseChange,
  CaseConflict,
  changeCase,
  deleteEmptyCase,
  freeCaseId,
  getCase,
  getEntry,
  insertCase,
  linkItemToCase,
  listEntries,
  moveCaseItems,
  refreshCase,
  type Store,
  setEntriesCase,
  type UserRole,
} from '../../storage/index.ts';
import { ReviewForbidden } from '../review/review-errors.ts';
import { additionsFromEntry, caseTitle, newCaseFacts } from './case-facts.ts';

type Db = Store['db'];

/** '' = automatic, 'none', 'new', or the id of a case. */
export type CaseChoice = string;

/** The id a new case gets from the entry that opens it: readable, and unique (a suffix when taken). */
export const caseIdBaseFor = (entryId: string) => `c-${entryId}`.slice(0, CASE_ID_LIMIT - 4);

/** A case by id, following merges to the case it now lives in; an input error naming the id otherwise. */
export async function liveCase(store: Store, id: string, db: Db = store.db): Promise<LegalCase> {
  let c = await getCase(store, id.trim(), db);
  const seen = new Set<string>();
  while (c?.mergedInto && !seen.has(c.id)) {
    seen.add(c.id);
    c = await getCase(store, c.mergedInto, db);
  }
  if (!c) throw inputError(`case: there is no case ${id} (see soz cases list)`);
  return c;
}

export function parseCaseEvent(value: string | null | undefined): CaseEvent | null {
  const v = (value ?? '').trim();
  if (v === '' || v === 'auto') return null;
  if (!isCaseEvent(v)) throw inputError(`caseEvent: "${v}" is not one of auto, ${CASE_EVENTS.join(', ')}`);
  return v;
}

export interface CasePlacement {
  readonly caseId: string | null;
  readonly created: boolean;
}

/**
 * Decides the case of an entry being confirmed, creating it when needed (before the entry is stored).
 * Automatic: the case its court item joined by number; else a new case for a block C entry (a charge,
 * claim or decision opens one); else none.
 */
export async function caseForNewEntry(
  store: Store,
  a: {
    readonly choice: CaseChoice | undefined;
    readonly entry: Omit<DatasetEntry, 'sources'>;
    readonly joinedCaseId: string | null;
    readonly court: CourtRecord | null;
    readonly actor: string;
  },
  db: Db,
): Promise<CasePlacement> {
  const choice = (a.choice ?? '').trim();
  if (choice === 'none') return { caseId: null, created: false };
  if (choice !== '' && choice !== 'new')
    return { caseId: (await liveCase(store, choice, db)).id, created: false };
  if (choice === '' && a.joinedCaseId) {
    const joined = await getCase(store, a.joinedCaseId, db);
    if (joined) return { caseId: (await liveCase(store, joined.id, db)).id, created: false };
  }
  if (choice === '' && a.entry.block !== 'C') return { caseId: null, created: false };
  const id = await freeCaseId(store, caseIdBaseFor(a.entry.id), db);
  await insertCase(store, newCaseFacts(a.entry, id, a.actor, a.court), db);
  return { caseId: id, created: true };
}

/**
 * After the entry is stored in its case: the case takes what the entry adds (article, court, parties of
 * a court record), the task's court items join it, and the log says what happened.
 */
export async function recordEntryInCase(
  store: Store,
  a: {
    readonly placement: CasePlacement;
    readonly entry: DatasetEntry;
    readonly court: CourtRecord | null;
    readonly courtItemIds: readonly number[];
    readonly taskId: number | null;
    readonly actor: string;
  },
  db: Db,
): Promise<void> {
  const caseId = a.placement.caseId;
  if (!caseId) return;
  const before = await getCase(store, caseId, db);
  if (!before) return;
  if (!a.placement.created) {
    const add = additionsFromEntry(before, a.entry, a.court);
    if (Object.keys(add).length > 0) await changeCase(store, caseId, undefined, add, db);
  }
  for (const itemId of a.courtItemIds) await linkItemToCase(store, itemId, caseId, 'reviewer', db);
  await refreshCase(store, caseId, db);
  const after = await getCase(store, caseId, db);
  await appendReviewLog(
    store,
    {
      taskId: a.taskId,
      entryId: a.entry.id,
      caseId,
      actor: a.actor,
      action: a.placement.created ? 'case-create' : 'case-attach',
      before: a.placement.created ? null : before,
      after,
    },
    db,
  );
}

/** After an entry left a case (undo, detach): an empty case is deleted, and the log says so. */
export async function dropCaseIfEmpty(
  store: Store,
  caseId: string,
  actor: string,
  taskId: number | null,
  db: Db,
): Promise<boolean> {
  const before = await getCase(store, caseId, db);
  if (!before || !(await deleteEmptyCase(store, caseId, db))) return false;
  await appendReviewLog(
    store,
    { taskId, entryId: null, caseId, actor, action: 'case-delete', before, after: null },
    db,
  );
  return true;
}

function mustBeEditor(role: UserRole, what: string) {
  if (role !== 'editor') throw new ReviewForbidden(`only editors can ${what}`);
}

interface EditorAction {
  readonly actor: string;
  readonly role: UserRole;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());

/**
 * An editor's correction of a case's own facts. `form` holds text fields (lists separated by ';' or new
 * lines): title, claimants, defendants, court, region, lawArticles, caseNumbers; absent fields stay.
 */
export async function editCase(
  store: Store,
  e: EditorAction & {
    readonly caseId: string;
    readonly expectedVersion?: number;
    readonly form: Partial<Record<string, string>>;
  },
): Promise<LegalCase> {
  mustBeEditor(e.role, 'correct cases');
  const f = e.form;
  const change: { -readonly [K in keyof CaseChange]: CaseChange[K] } = {};
  if (f.title !== undefined) {
    if (f.title.trim() === '') throw inputError('title: a case needs a title');
    change.title = f.title.trim();
  }
  if (f.claimants !== undefined) change.claimants = list(f.claimants);
  if (f.defendants !== undefined) change.defendants = list(f.defendants);
  if (f.court !== undefined) change.court = text(f.court) ?? null;
  if (f.region !== undefined) change.region = text(f.region) ?? null;
  if (f.lawArticles !== undefined) change.lawArticles = list(f.lawArticles);
  return store.db.transaction().execute(async (trx) => {
    const before = await liveCase(store, e.caseId, trx);
    if (f.caseNumbers !== undefined) {
      // The numbers of its entries stay (they come back with them); the others are the editor's.
      const fromEntries = new Set(
        (await listEntries(store, { caseId: before.id }, trx)).map((x) => x.caseNumber).filter(Boolean),
      );
      change.editorCaseNumbers = list(f.caseNumbers).filter((n) => !fromEntries.has(n));
    }
    const after = await changeCase(store, before.id, e.expectedVersion, change, trx);
    await appendReviewLog(
      store,
      { taskId: null, entryId: null, caseId: before.id, actor: e.actor, action: 'case-edit', before, after },
      trx,
    );
    return after;
  });
}

/** An editor sets the case's status (null: derive it from the entries again), with a note why. */
export async function setCaseStatus(
  store: Store,
  e: EditorAction & {
    readonly caseId: string;
    readonly expectedVersion?: number;
    readonly status: string | null;
    readonly note?: string;
  },
): Promise<LegalCase> {
  mustBeEditor(e.role, 'set the status of a case');
  const raw = e.status?.trim() ?? '';
  const status: CaseStatus | null = raw === '' || raw === 'derived' ? null : isCaseStatus(raw) ? raw : null;
  if (raw !== '' && raw !== 'derived' && status === null)
    throw inputError(`status: "${raw}" is not one of derived, ${CASE_STATUSES.join(', ')}`);
  return store.db.transaction().execute(async (trx) => {
    const before = await liveCase(store, e.caseId, trx);
    const after = await changeCase(
      store,
      before.id,
      e.expectedVersion,
      { statusOverride: status, statusNote: status ? (text(e.note) ?? null) : null },
      trx,
    );
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: null,
        caseId: before.id,
        actor: e.actor,
        action: 'case-status',
        before,
        after,
      },
      trx,
    );
    return after;
  });
}

/** An editor attaches a confirmed entry to a case (moving it from another, if it had one). */
export async function attachEntry(
  store: Store,
  e: EditorAction & { readonly caseId: string; readonly entryId: string; readonly event?: string | null },
): Promise<LegalCase> {
  mustBeEditor(e.role, 'move confirmed entries between cases');
  const event = parseCaseEvent(e.event);
  return store.db.transaction().execute(async (trx) => {
    const target = await liveCase(store, e.caseId, trx);
    const entry = await getEntry(store, e.entryId.trim(), trx);
    if (!entry) throw inputError(`entry: there is no entry ${e.entryId}`);
    const from = entry.caseId ?? null;
    await setEntriesCase(store, [entry.id], target.id, event, trx);
    const add = additionsFromEntry(target, entry);
    if (Object.keys(add).length > 0) await changeCase(store, target.id, undefined, add, trx);
    const after = await getCase(store, target.id, trx);
    await appendReviewLog(
      store,
      {
        taskId: entry.reviewTaskId,
        entryId: entry.id,
        caseId: target.id,
        actor: e.actor,
        action: 'case-attach',
        before: { caseId: from },
        after,
      },
      trx,
    );
    if (from && from !== target.id) await dropCaseIfEmpty(store, from, e.actor, null, trx);
    return after!;
  });
}

/** An editor takes an entry out of its case; a case left without entries is deleted. */
export async function detachEntry(
  store: Store,
  e: EditorAction & { readonly entryId: string },
): Promise<void> {
  mustBeEditor(e.role, 'take entries out of cases');
  await store.db.transaction().execute(async (trx) => {
    const entry = await getEntry(store, e.entryId.trim(), trx);
    if (!entry) throw inputError(`entry: there is no entry ${e.entryId}`);
    if (!entry.caseId) throw inputError(`entry ${entry.id} belongs to no case`);
    const before = await getCase(store, entry.caseId, trx);
    await setEntriesCase(store, [entry.id], null, null, trx);
    await appendReviewLog(
      store,
      {
        taskId: entry.reviewTaskId,
        entryId: entry.id,
        caseId: entry.caseId,
        actor: e.actor,
        action: 'case-detach',
        before,
        after: await getCase(store, entry.caseId, trx),
      },
      trx,
    );
    await dropCaseIfEmpty(store, entry.caseId, e.actor, null, trx);
  });
}

/** An editor says what an entry is in its case's timeline (null: derive it again). */
export async function setEntryEvent(
  store: Store,
  e: EditorAction & { readonly entryId: string; readonly event: string | null },
): Promise<void> {
  mustBeEditor(e.role, 'change the timeline of a case');
  const event = parseCaseEvent(e.event);
  await store.db.transaction().execute(async (trx) => {
    const entry = await getEntry(store, e.entryId.trim(), trx);
    if (!entry) throw inputError(`entry: there is no entry ${e.entryId}`);
    if (!entry.caseId) throw inputError(`entry ${entry.id} belongs to no case`);
    const before = await getCase(store, entry.caseId, trx);
    await setEntriesCase(store, [entry.id], entry.caseId, event, trx);
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: entry.id,
        caseId: entry.caseId,
        actor: e.actor,
        action: 'case-event',
        before: { caseEvent: entry.caseEvent ?? null, status: before?.status },
        after: { caseEvent: event, status: (await getCase(store, entry.caseId, trx))?.status },
      },
      trx,
    );
  });
}

const union = (a: readonly string[], b: readonly string[]) => {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()))];
};

/**
 * Merges case `from` into case `into` (the same matter recorded twice): its entries, court items and
 * numbers move, its parties and articles are added, and `from` only redirects to `into` from then on.
 */
export async function mergeCases(
  store: Store,
  e: EditorAction & { readonly from: string; readonly into: string; readonly expectedVersion?: number },
): Promise<LegalCase> {
  mustBeEditor(e.role, 'merge cases');
  return store.db.transaction().execute(async (trx) => {
    const from = await liveCase(store, e.from, trx);
    const into = await liveCase(store, e.into, trx);
    if (from.id === into.id) throw inputError(`case ${from.id} cannot be merged into itself`);
    const entries = await listEntries(store, { caseId: from.id }, trx);
    const entryNumbers = new Set(entries.map((x) => x.caseNumber).filter(Boolean));
    await setEntriesCase(
      store,
      entries.map((x) => x.id),
      into.id,
      undefined,
      trx,
    );
    await moveCaseItems(store, from.id, into.id, trx);
    const beforeInto = await getCase(store, into.id, trx);
    const after = await changeCase(
      store,
      into.id,
      undefined,
      {
        claimants: union(into.claimants, from.claimants),
        defendants: union(into.defendants, from.defendants),
        lawArticles: union(into.lawArticles, from.lawArticles),
        court: into.court ?? from.court,
        region: into.region ?? from.region,
        editorCaseNumbers: union(
          into.caseNumbers,
          from.caseNumbers.filter((n) => !entryNumbers.has(n)),
        ),
      },
      trx,
    );
    const fromAfter = await changeCase(store, from.id, e.expectedVersion, { mergedInto: into.id }, trx);
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: null,
        caseId: from.id,
        actor: e.actor,
        action: 'case-merge-from',
        before: from,
        after: fromAfter,
      },
      trx,
    );
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: null,
        caseId: into.id,
        actor: e.actor,
        action: 'case-merge-into',
        before: beforeInto,
        after,
      },
      trx,
    );
    return after;
  });
}

/** Moves some entries of a case into a new case of their own (two matters recorded as one). */
export async function splitCase(
  store: Store,
  e: EditorAction & {
    readonly caseId: string;
    readonly entryIds: readonly string[];
    readonly expectedVersion?: number;
  },
): Promise<LegalCase> {
  mustBeEditor(e.role, 'split cases');
  const ids = [...new Set(e.entryIds.map((x) => x.trim()).filter(Boolean))];
  if (ids.length === 0) throw inputError('entries: choose the entries to split off');
  return store.db.transaction().execute(async (trx) => {
    const source = await liveCase(store, e.caseId, trx);
    if (e.expectedVersion !== undefined && source.version !== e.expectedVersion)
      throw new CaseConflict(source.id, source);
    const entries = await listEntries(store, { caseId: source.id }, trx);
    const moving = entries.filter((x) => ids.includes(x.id));
    if (moving.length !== ids.length) {
      const unknown = ids.filter((id) => !moving.some((m) => m.id === id));
      throw inputError(`entries: ${unknown.join(', ')} not in case ${source.id}`);
    }
    if (moving.length === entries.length) throw inputError('entries: leave at least one entry in the case');
    const head = moving[0]!;
    const id = await freeCaseId(store, caseIdBaseFor(head.id), trx);
    const facts = newCaseFacts(head, id, e.actor);
    await insertCase(
      store,
      {
        ...facts,
        claimants: facts.claimants.length ? facts.claimants : source.claimants,
        defendants: facts.defendants.length ? facts.defendants : source.defendants,
        title: caseTitle({
          claimants: facts.claimants.length ? facts.claimants : source.claimants,
          defendants: facts.defendants.length ? facts.defendants : source.defendants,
          lawArticles: facts.lawArticles,
          summary: head.summary,
        }),
      },
      trx,
    );
    await setEntriesCase(store, ids, id, undefined, trx);
    const created = (await getCase(store, id, trx))!;
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: null,
        caseId: id,
        actor: e.actor,
        action: 'case-split-from',
        before: { caseId: source.id, entries: ids },
        after: created,
      },
      trx,
    );
    await appendReviewLog(
      store,
      {
        taskId: null,
        entryId: null,
        caseId: source.id,
        actor: e.actor,
        action: 'case-split-off',
        before: source,
        after: { ...(await getCase(store, source.id, trx)), splitInto: id, entries: ids },
      },
      trx,
    );
    return created;
  });
}
