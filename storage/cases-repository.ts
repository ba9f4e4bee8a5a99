// Cases and what joins them: their entries (dataset_entries.case_id), their numbers (case_numbers) and the
// court items found by those numbers (case_items). What a case's entries say (status, amounts, months) is
// derived by core's deriveCaseFacts and kept current by refreshCase, in the transaction that changed them.
import type { Selectable } from 'kysely';
import {
  type CaseEntryFacts,
  type CaseEvent,
  type CaseStatus,
  type CategoryId,
  deriveCaseFacts,
  EXIT,
  type LegalCase,
  normalizeCaseNumber,
  type Outcome,
  SozError,
  type Stage,
} from '../core/index.ts';
import { toNullableNumber, toNumber } from './dialect.ts';
import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';
import type { CasesTable } from './schema.ts';

type Db = Store['db'];

/** A case changed since the editor opened it (exit code 5 on the command line, 409 on the web). */
export class CaseConflict extends SozError {
  constructor(
    readonly caseId: string,
    readonly current: LegalCase,
  ) {
    super(
      `case ${caseId} was changed at ${current.updatedAt} (now version ${current.version}); reload it and apply your change again`,
      EXIT.conflict,
    );
    this.name = 'CaseConflict';
  }
}

function toCase(r: Selectable<CasesTable>, numbers: readonly string[]): LegalCase {
  const where = `cases ${r.id}`;
  return {
    id: r.id,
    title: r.title,
    category: r.category as CategoryId | null,
    status: r.status as CaseStatus,
    derivedStatus: r.derived_status as CaseStatus,
    statusOverride: r.status_override as CaseStatus | null,
    statusNote: r.status_note,
    claimants: fromJson(r.claimants_json, [], where),
    defendants: fromJson(r.defendants_json, [], where),
    court: r.court,
    region: r.region,
    caseNumbers: numbers,
    lawArticles: fromJson(r.law_articles_json, [], where),
    claimedAmountKzt: toNullableNumber(r.claimed_amount_kzt),
    awardedAmountKzt: toNullableNumber(r.awarded_amount_kzt),
    honorDignity: toNumber(r.honor_dignity) === 1,
    firstMonth: r.first_month,
    lastMonth: r.last_month,
    mergedInto: r.merged_into,
    version: toNumber(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function numbersOf(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('case_numbers')
      .select(['case_id', 'case_number'])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .orderBy('case_id')
      .orderBy('case_number')
      .execute();
    for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.case_number]);
  }
  return out;
}

export async function getCase(store: Store, id: string, db: Db = store.db): Promise<LegalCase | null> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toCase(row, (await numbersOf(db, [id])).get(id) ?? []);
}

export interface CaseFilter {
  readonly statuses?: readonly CaseStatus[];
  readonly ids?: readonly string[];
  /** Cases merged into others are hidden unless asked for. */
  readonly includeMerged?: boolean;
}

/** Cases, the most recently active first. */
export async function listCases(store: Store, f: CaseFilter = {}, db: Db = store.db): Promise<LegalCase[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = db.selectFrom('cases').selectAll();
  if (!f.includeMerged) q = q.where('merged_into', 'is', null);
  if (f.statuses) {
    if (f.statuses.length === 0) return [];
    q = q.where('status', 'in', [...f.statuses]);
  }
  if (f.ids) q = q.where('id', 'in', [...f.ids]);
  const rows = await q.orderBy('last_month', 'desc').orderBy('updated_at', 'desc').orderBy('id').execute();
  const numbers = await numbersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCase(r, numbers.get(r.id) ?? []));
}

/**
 * The parties and law articles of every open or closed (not merged) case, for matching a candidate's facts
 * against them: only the three columns, unsorted, without the case numbers, which listCases reads too
 * (5,000 cases at a million items: 500 ms per candidate page as listCases, docs/scale.md).
 */
export async function caseParties(
  store: Store,
): Promise<{ id: string; claimants: string[]; defendants: string[]; lawArticles: string[] }[]> {
  const rows = await store.db
    .selectFrom('cases')
    .select(['id', 'claimants_json', 'defendants_json', 'law_articles_json'])
    .where('merged_into', 'is', null)
    .execute();
  return rows.map((r) => {
    const where = `cases ${r.id}`;
    return {
      id: r.id,
      claimants: fromJson(r.claimants_json, [], where),
      defendants: fromJson(r.defendants_json, [], where),
      lawArticles: fromJson(r.law_articles_json, [], where),
    };
  });
}

export interface NewCase {
  readonly id: string;
  readonly title: string;
  readonly category: CategoryId | null;
  readonly claimants: readonly string[];
  readonly defendants: readonly string[];
  readonly court: string | null;
  readonly region: string | null;
  readonly lawArticles: readonly string[];
  readonly createdBy: string;
}

/** A free case id: `base`, else `base-2`, `base-3`, … */
export async function freeCaseId(store: Store, base: string, db: Db = store.db): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('cases')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', base), eb('id', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function insertCase(store: Store, c: NewCase, db: Db = store.db): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('cases')
    .values({
      id: c.id,
      title: c.title,
      category: c.category,
      status: 'pending',
      derived_status: 'pending',
      status_override: null,
      status_note: null,
      claimants_json: toJson(c.claimants),
      defendants_json: toJson(c.defendants),
      court: c.court,
      region: c.region,
      law_articles_json: toJson(c.lawArticles),
      claimed_amount_kzt: null,
      awarded_amount_kzt: null,
      honor_dignity: 0,
      first_month: null,
      last_month: null,
      merged_into: null,
      version: 1,
      created_by: c.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export type CaseChange = Partial<{
  title: string;
  category: CategoryId | null;
  claimants: readonly string[];
  defendants: readonly string[];
  court: string | null;
  region: string | null;
  lawArticles: readonly string[];
  /** The numbers an editor keeps on the case besides those of its entries. */
  editorCaseNumbers: readonly string[];
  statusOverride: CaseStatus | null;
  statusNote: string | null;
  mergedInto: string | null;
}>;

/**
 * Changes a case's own facts if it is still at `expectedVersion` (undefined: whatever it is now), bumps
 * its version and refreshes what is derived. Throws CaseConflict when someone changed it first.
 */
export async function changeCase(
  store: Store,
  id: string,
  expectedVersion: number | undefined,
  change: CaseChange,
  db: Db = store.db,
): Promise<LegalCase> {
  const before = await getCase(store, id, db);
  if (!before) throw new Error(`no case with id ${id}`);
  const version = expectedVersion ?? before.version;
  const set: Partial<Selectable<CasesTable>> = { version: version + 1, updated_at: nowIso() };
  if (change.title !== undefined) set.title = change.title;
  if (change.category !== undefined) set.category = change.category;
  if (change.claimants !== undefined) set.claimants_json = toJson(change.claimants);
  if (change.defendants !== undefined) set.defendants_json = toJson(change.defendants);
  if (change.court !== undefined) set.court = change.court;
  if (change.region !== undefined) set.region = change.region;
  if (change.lawArticles !== undefined) set.law_articles_json = toJson(change.lawArticles);
  if (change.statusOverride !== undefined) set.status_override = change.statusOverride;
  if (change.statusNote !== undefined) set.status_note = change.statusNote;
  if (change.mergedInto !== undefined) set.merged_into = change.mergedInto;
  const updated = await db
    .updateTable('cases')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new CaseConflict(id, (await getCase(store, id, db)) ?? before);
  if (change.editorCaseNumbers !== undefined) {
    await db.deleteFrom('case_numbers').where('case_id', '=', id).where('origin', '=', 'editor').execute();
    const own = await db.selectFrom('case_numbers').select('normalized').where('case_id', '=', id).execute();
    const have = new Set(own.map((r) => r.normalized));
    for (const n of change.editorCaseNumbers) {
      const normalized = normalizeCaseNumber(n);
      if (normalized === '' || have.has(normalized)) continue;
      have.add(normalized);
      await db
        .insertInto('case_numbers')
        .values({ case_id: id, normalized, case_number: n.trim(), origin: 'editor' })
        .execute();
    }
  }
  await refreshCase(store, id, db);
  return (await getCase(store, id, db))!;
}

/** The facts of a case's entries that its derived columns come from. */
export async function caseEntryFacts(
  store: Store,
  caseId: string,
  db: Db = store.db,
): Promise<(CaseEntryFacts & { caseNumber: string | null })[]> {
  const rows = await db
    .selectFrom('dataset_entries')
    .select([
      'id',
      'month',
      'event_date',
      'category',
      'stage',
      'in_court',
      'outcome',
      'claimed_amount_kzt',
      'awarded_amount_kzt',
      'is_honor_dignity',
      'law_article',
      'case_event',
      'case_number',
    ])
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    eventDate: r.event_date,
    category: r.category as CategoryId,
    stage: r.stage as Stage,
    inCourt: toNumber(r.in_court) === 1,
    outcome: r.outcome as Outcome | null,
    claimedAmountKzt: toNullableNumber(r.claimed_amount_kzt),
    awardedAmountKzt: toNullableNumber(r.awarded_amount_kzt),
    isHonorDignity: toNumber(r.is_honor_dignity) === 1,
    lawArticle: r.law_article,
    caseEvent: r.case_event as CaseEvent | null,
    caseNumber: r.case_number,
  }));
}

/**
 * Recomputes what a case's entries say — status (unless an editor set one), amounts, months, honour — and
 * the numbers taken from its entries, then joins the court items those numbers name.
 */
export async function refreshCase(store: Store, caseId: string, db: Db = store.db): Promise<void> {
  const row = await db
    .selectFrom('cases')
    .select(['status_override'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return;
  const entries = await caseEntryFacts(store, caseId, db);
  await syncEntryNumbers(caseId, entries, db);
  await joinItemsOfCase(store, caseId, db);
  const onPortal = await db
    .selectFrom('case_items')
    .select('item_id')
    .where('case_id', '=', caseId)
    .limit(1)
    .executeTakeFirst();
  const d = deriveCaseFacts(entries, onPortal !== undefined);
  await db
    .updateTable('cases')
    .set({
      derived_status: d.status,
      status: row.status_override ?? d.status,
      claimed_amount_kzt: d.claimedAmountKzt,
      awarded_amount_kzt: d.awardedAmountKzt,
      honor_dignity: d.honorDignity ? 1 : 0,
      first_month: d.firstMonth,
      last_month: d.lastMonth,
    })
    .where('id', '=', caseId)
    .execute();
}

/** The numbers taken from a case's entries, recomputed (an editor's own numbers stay). */
async function syncEntryNumbers(
  caseId: string,
  entries: readonly { caseNumber: string | null }[],
  db: Db,
): Promise<void> {
  await db.deleteFrom('case_numbers').where('case_id', '=', caseId).where('origin', '=', 'entry').execute();
  const kept = await db
    .selectFrom('case_numbers')
    .select('normalized')
    .where('case_id', '=', caseId)
    .execute();
  const have = new Set(kept.map((r) => r.normalized));
  for (const e of entries) {
    if (!e.caseNumber) continue;
    const normalized = normalizeCaseNumber(e.caseNumber);
    if (normalized === '' || have.has(normalized)) continue;
    have.add(normalized);
    await db
      .insertInto('case_numbers')
      .values({ case_id: caseId, normalized, case_number: e.caseNumber.trim(), origin: 'entry' })
      .execute();
  }
}

/** The cases each normalised number belongs to (a number may, by mistake, be on two). */
export async function casesByNumbers(
  store: Store,
  numbers: readonly string[],
  db: Db = store.db,
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(numbers.map(normalizeCaseNumber).filter((n) => n !== ''))];
  const out = new Map<string, string[]>();
  if (wanted.length === 0) return out;
  const rows = await db
    .selectFrom('case_numbers')
    .innerJoin('cases', 'cases.id', 'case_numbers.case_id')
    .select(['case_numbers.normalized', 'case_numbers.case_id'])
    .where('case_numbers.normalized', 'in', wanted)
    .where('cases.merged_into', 'is', null)
    .execute();
  for (const r of rows) out.set(r.normalized, [...(out.get(r.normalized) ?? []), r.case_id]);
  return out;
}

/** Court items that name one of the case's numbers and belong to no case yet join it. */
async function joinItemsOfCase(store: Store, caseId: string, db: Db): Promise<void> {
  const numbers = await db
    .selectFrom('case_numbers')
    .select(['case_number', 'normalized'])
    .where('case_id', '=', caseId)
    .execute();
  if (numbers.length === 0) return;
  const forms = [...new Set(numbers.flatMap((n) => [n.case_number, n.normalized]))];
  const items = await db
    .selectFrom('items')
    .select(['id', 'case_number'])
    .where('kind', '=', 'court')
    .where('case_number', 'in', forms)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('case_items as ci').select('ci.item_id').whereRef('ci.item_id', '=', 'items.id'),
        ),
      ),
    )
    .execute();
  if (items.length === 0) return;
  const owners = await casesByNumbers(
    store,
    items.map((i) => i.case_number ?? ''),
    db,
  );
  for (const it of items) {
    const cases = owners.get(normalizeCaseNumber(it.case_number ?? '')) ?? [];
    // A number on two cases is a mistake for an editor to settle: the item joins neither.
    if (cases.length === 1 && cases[0] === caseId)
      await linkItemToCase(store, toNumber(it.id), caseId, 'case_number', db);
  }
}

export async function linkItemToCase(
  store: Store,
  itemId: number,
  caseId: string,
  matchedBy: 'case_number' | 'reviewer',
  db: Db = store.db,
): Promise<void> {
  await db
    .insertInto('case_items')
    .values({ item_id: itemId, case_id: caseId, matched_by: matchedBy, added_at: nowIso() })
    .onConflict((oc) => oc.column('item_id').doUpdateSet({ case_id: caseId, matched_by: matchedBy }))
    .execute();
}

/**
 * Joins court items to the case their number names (when exactly one case has it). Returns the items
 * joined, with their case. Runs after a crawl batch is stored; news items are never joined here.
 */
export async function joinCourtItemsToCases(
  store: Store,
  itemIds: readonly number[],
  db: Db = store.db,
): Promise<{ itemId: number; caseId: string }[]> {
  if (itemIds.length === 0) return [];
  const joined: { itemId: number; caseId: string }[] = [];
  for (let i = 0; i < itemIds.length; i += 500) {
    const items = await db
      .selectFrom('items')
      .select(['id', 'case_number'])
      .where('id', 'in', itemIds.slice(i, i + 500))
      .where('kind', '=', 'court')
      .where('case_number', 'is not', null)
      .execute();
    if (items.length === 0) continue;
    const owners = await casesByNumbers(
      store,
      items.map((it) => it.case_number ?? ''),
      db,
    );
    if (owners.size === 0) continue;
    const already = new Set(
      (
        await db
          .selectFrom('case_items')
          .select('item_id')
          .where(
            'item_id',
            'in',
            items.map((it) => it.id),
          )
          .execute()
      ).map((r) => toNumber(r.item_id)),
    );
    for (const it of items) {
      const id = toNumber(it.id);
      const cases = owners.get(normalizeCaseNumber(it.case_number ?? '')) ?? [];
      if (already.has(id) || cases.length !== 1) continue;
      await linkItemToCase(store, id, cases[0]!, 'case_number', db);
      joined.push({ itemId: id, caseId: cases[0]! });
    }
  }
  for (const c of new Set(joined.map((j) => j.caseId))) await refreshCase(store, c, db);
  return joined;
}

/** The case each of the items has joined. */
export async function casesOfItems(
  store: Store,
  itemIds: readonly number[],
  db: Db = store.db,
): Promise<Map<number, { caseId: string; matchedBy: string }>> {
  const out = new Map<number, { caseId: string; matchedBy: string }>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('case_items')
    .select(['item_id', 'case_id', 'matched_by'])
    .where('item_id', 'in', [...itemIds])
    .execute();
  for (const r of rows) out.set(toNumber(r.item_id), { caseId: r.case_id, matchedBy: r.matched_by });
  return out;
}

/** The items joined to a case, oldest first. */
export async function caseItemIds(
  store: Store,
  caseId: string,
  db: Db = store.db,
): Promise<{ itemId: number; matchedBy: string; addedAt: string }[]> {
  const rows = await db
    .selectFrom('case_items')
    .select(['item_id', 'matched_by', 'added_at'])
    .where('case_id', '=', caseId)
    .orderBy('item_id')
    .execute();
  return rows.map((r) => ({ itemId: toNumber(r.item_id), matchedBy: r.matched_by, addedAt: r.added_at }));
}

/** Moves every joined item of one case to another (a merge). */
export async function moveCaseItems(
  store: Store,
  from: string,
  to: string,
  db: Db = store.db,
): Promise<void> {
  await db.updateTable('case_items').set({ case_id: to }).where('case_id', '=', from).execute();
}

/** Points entries at a case (or none), with their event in it; refreshes every case concerned. */
export async function setEntriesCase(
  store: Store,
  entryIds: readonly string[],
  caseId: string | null,
  event: CaseEvent | null | undefined,
  db: Db = store.db,
): Promise<void> {
  if (entryIds.length === 0) return;
  const before = await db
    .selectFrom('dataset_entries')
    .select(['id', 'case_id', 'version'])
    .where('id', 'in', [...entryIds])
    .execute();
  const now = nowIso();
  for (const r of before) {
    await db
      .updateTable('dataset_entries')
      .set({
        case_id: caseId,
        ...(event !== undefined ? { case_event: event } : {}),
        ...(caseId === null ? {} : { ongoing: 0 }),
        version: toNumber(r.version) + 1,
        updated_at: now,
      })
      .where('id', '=', r.id)
      .execute();
  }
  const touched = new Set([...before.map((r) => r.case_id), caseId].filter((c): c is string => !!c));
  for (const c of touched) await refreshCase(store, c, db);
}

/** Deletes a case that has no entries left (its numbers and item links go with it). */
export async function deleteEmptyCase(store: Store, caseId: string, db: Db = store.db): Promise<boolean> {
  const left = await db
    .selectFrom('dataset_entries')
    .select('id')
    .where('case_id', '=', caseId)
    .limit(1)
    .executeTakeFirst();
  if (left) return false;
  await db.deleteFrom('case_items').where('case_id', '=', caseId).execute();
  await db.deleteFrom('case_numbers').where('case_id', '=', caseId).execute();
  // Cases merged into this one keep pointing at it no more: they lead nowhere.
  await db.updateTable('cases').set({ merged_into: null }).where('merged_into', '=', caseId).execute();
  await db.deleteFrom('cases').where('id', '=', caseId).execute();
  return true;
}

/** The first month of each case, from its entries: what decides whether an entry of it is ongoing. */
export async function caseFirstMonths(
  store: Store,
  caseIds: readonly string[],
  db: Db = store.db,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('dataset_entries')
      .select((eb) => ['case_id', eb.fn.min('month').as('first')])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .groupBy('case_id')
      .execute();
    for (const r of rows) if (r.case_id && r.first) out.set(r.case_id, String(r.first));
  }
  return out;
}

/** The cases that exist among `ids` (for an import that names cases). */
export async function existingCaseIds(
  store: Store,
  ids: readonly string[],
  db: Db = store.db,
): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Every court item joined to a case, with its case. */
export async function allCaseItems(
  store: Store,
  db: Db = store.db,
): Promise<{ itemId: number; caseId: string; matchedBy: string }[]> {
  const rows = await db.selectFrom('case_items').select(['item_id', 'case_id', 'matched_by']).execute();
  return rows.map((r) => ({ itemId: toNumber(r.item_id), caseId: r.case_id, matchedBy: r.matched_by }));
}

/** Case actions logged between two instants (ISO, `from` inclusive, `to` exclusive). */
export async function caseLogBetween(
  store: Store,
  from: string,
  to: string,
  db: Db = store.db,
): Promise<{ caseId: string; action: string; actor: string; at: string }[]> {
  const rows = await db
    .selectFrom('review_log')
    .select(['case_id', 'action', 'actor', 'at'])
    .where('case_id', 'is not', null)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ caseId: r.case_id!, action: r.action, actor: r.actor, at: r.at }));
}
