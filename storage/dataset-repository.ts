import type { Selectable } from 'kysely';
import {
  type Block,
  type CaseEvent,
  type CategoryId,
  type DatasetEntry,
  type Lang,
  type Outcome,
  ongoingInCase,
  REPORT_LANGS,
  type ReportLang,
  type Stage,
  type SummaryTranslations,
} from '../core/index.ts';
import { caseFirstMonths, refreshCase } from './cases-repository.ts';
import { toNullableNumber, toNumber } from './dialect.ts';
import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';
import type { DatasetEntriesTable } from './schema.ts';

export interface StoredEntry extends DatasetEntry {
  readonly origin: 'review' | 'import';
  readonly reviewTaskId: number | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * `caseFirst` is the first month of the entry's case: an entry of a case is ongoing when its case began in
 * an earlier month (derived); an entry without a case keeps the flag it was recorded with.
 */
function toEntry(
  r: Selectable<DatasetEntriesTable>,
  sources: string[],
  caseFirst: ReadonlyMap<string, string>,
): StoredEntry {
  const where = `dataset_entries ${r.id}`;
  return {
    id: r.id,
    month: r.month,
    eventDate: r.event_date,
    category: r.category as CategoryId,
    block: r.block as Block,
    stage: r.stage as Stage,
    inCourt: toNumber(r.in_court) === 1,
    outcome: r.outcome as Outcome | null,
    claimedAmountKzt: toNullableNumber(r.claimed_amount_kzt),
    awardedAmountKzt: toNullableNumber(r.awarded_amount_kzt),
    lawArticle: r.law_article,
    isHonorDignity: toNumber(r.is_honor_dignity) === 1,
    summary: r.summary,
    lang: r.lang as Lang,
    sources,
    people: fromJson(r.people_json, [], where),
    outlets: fromJson(r.outlets_json, [], where),
    actors: fromJson(r.actors_json, [], where),
    court: r.court,
    caseNumber: r.case_number,
    region: r.region,
    ongoing: r.case_id ? ongoingInCase(r.month, caseFirst.get(r.case_id) ?? null) : toNumber(r.ongoing) === 1,
    caseId: r.case_id,
    caseEvent: r.case_event as CaseEvent | null,
    translations: cleanTranslations(fromJson<SummaryTranslations>(r.translations_json, {}, where), r.lang),
    origin: r.origin as 'review' | 'import',
    reviewTaskId: toNullableNumber(r.review_task_id),
    version: toNumber(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function entryColumns(e: DatasetEntry) {
  return {
    month: e.month,
    event_date: e.eventDate,
    category: e.category,
    block: e.block,
    stage: e.stage,
    in_court: e.inCourt ? 1 : 0,
    outcome: e.outcome,
    claimed_amount_kzt: e.claimedAmountKzt,
    awarded_amount_kzt: e.awardedAmountKzt,
    law_article: e.lawArticle,
    is_honor_dignity: e.isHonorDignity ? 1 : 0,
    summary: e.summary,
    lang: e.lang,
    people_json: toJson(e.people),
    outlets_json: toJson(e.outlets),
    actors_json: toJson(e.actors),
    court: e.court,
    case_number: e.caseNumber,
    region: e.region,
    // An entry of a case has its `ongoing` derived from the case when read; the column keeps 0 for it.
    ongoing: !e.caseId && e.ongoing ? 1 : 0,
    case_id: e.caseId ?? null,
    case_event: e.caseId ? (e.caseEvent ?? null) : null,
    translations_json: toJson(cleanTranslations(e.translations ?? {}, e.lang)),
  };
}

/** Translations worth keeping: non-empty, trimmed, in a report language other than the summary's own. */
function cleanTranslations(t: SummaryTranslations, lang: string): SummaryTranslations {
  const out: Partial<Record<ReportLang, string>> = {};
  for (const l of REPORT_LANGS) {
    const v = t[l]?.trim();
    if (v && l !== lang) out[l] = v;
  }
  return out;
}

type Db = Store['db'];

async function writeSources(db: Db, entryId: string, urls: readonly string[]): Promise<void> {
  await db.deleteFrom('dataset_entry_sources').where('entry_id', '=', entryId).execute();
  const unique = [...new Set(urls)];
  for (const [position, url] of unique.entries()) {
    const item = await db
      .selectFrom('items')
      .select('id')
      .where((eb) => eb.or([eb('canonical_url', '=', url), eb('url', '=', url)]))
      .executeTakeFirst();
    await db
      .insertInto('dataset_entry_sources')
      .values({ entry_id: entryId, position, url, item_id: item ? toNumber(item.id) : null })
      .execute();
  }
}

/**
 * Inserts an entry, or replaces the stored one with the same id. Returns whether it was new, so that a
 * re-import of the same file adds nothing twice.
 */
export async function upsertEntry(
  store: Store,
  given: DatasetEntry,
  origin: 'review' | 'import',
  reviewTaskId: number | null = null,
  db: Db = store.db,
  options: { readonly deferCaseRefresh?: Set<string> } = {},
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const existing = await getEntry(store, given.id, db);
  const now = nowIso();
  // A file without the case columns leaves the stored case as it is.
  let entry: DatasetEntry =
    given.caseId === undefined
      ? { ...given, caseId: existing?.caseId ?? null, caseEvent: existing?.caseEvent ?? null }
      : given;
  // So does a file without the translation columns leave the stored translations.
  if (entry.translations === undefined && existing) entry = { ...entry, translations: existing.translations };
  const cases = [existing?.caseId, entry.caseId].filter((c): c is string => !!c);
  const refresh = async () => {
    for (const c of new Set(cases)) {
      if (options.deferCaseRefresh) options.deferCaseRefresh.add(c);
      else await refreshCase(store, c, db);
    }
  };
  if (!existing) {
    await db
      .insertInto('dataset_entries')
      .values({
        id: entry.id,
        ...entryColumns(entry),
        origin,
        review_task_id: reviewTaskId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeSources(db, entry.id, entry.sources);
    await refresh();
    return 'inserted';
  }
  const before = JSON.stringify({ ...entryColumns(existing), sources: existing.sources });
  const after = JSON.stringify({ ...entryColumns(entry), sources: [...new Set(entry.sources)] });
  if (before === after) return 'unchanged';
  await db
    .updateTable('dataset_entries')
    .set({ ...entryColumns(entry), version: existing.version + 1, updated_at: now })
    .where('id', '=', entry.id)
    .execute();
  await writeSources(db, entry.id, entry.sources);
  await refresh();
  return 'updated';
}

/**
 * Inserts or updates many entries in one transaction: all or nothing. `before` runs first in that
 * transaction (an import creates the cases its rows name there).
 */
export async function upsertEntries(
  store: Store,
  entries: readonly DatasetEntry[],
  origin: 'review' | 'import',
  before?: (db: Db) => Promise<void>,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await store.db.transaction().execute(async (trx) => {
    if (before) await before(trx);
    const cases = new Set<string>();
    for (const e of entries)
      counts[await upsertEntry(store, e, origin, null, trx, { deferCaseRefresh: cases })]++;
    for (const c of cases) await refreshCase(store, c, trx);
  });
  return counts;
}

export async function getEntry(store: Store, id: string, db: Db = store.db): Promise<StoredEntry | null> {
  const row = await db.selectFrom('dataset_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const sources = await db
    .selectFrom('dataset_entry_sources')
    .select('url')
    .where('entry_id', '=', id)
    .orderBy('position')
    .execute();
  const firsts = row.case_id ? await caseFirstMonths(store, [row.case_id], db) : new Map<string, string>();
  return toEntry(
    row,
    sources.map((s) => s.url),
    firsts,
  );
}

export interface EntryFilter {
  /** Inclusive months, YYYY-MM. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly category?: CategoryId;
  /** The entries of one case. */
  readonly caseId?: string;
}

/** Entries ordered by month, event date and id. */
export async function listEntries(
  store: Store,
  filter: EntryFilter = {},
  db: Db = store.db,
): Promise<StoredEntry[]> {
  let q = db.selectFrom('dataset_entries').selectAll();
  if (filter.fromMonth) q = q.where('month', '>=', filter.fromMonth);
  if (filter.toMonth) q = q.where('month', '<=', filter.toMonth);
  if (filter.fromDate) q = q.where('event_date', '>=', filter.fromDate);
  if (filter.toDate) q = q.where('event_date', '<=', filter.toDate);
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  const rows = await q.orderBy('month').orderBy('event_date').orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const byEntry = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const srcs = await db
      .selectFrom('dataset_entry_sources')
      .select(['entry_id', 'url'])
      .where('entry_id', 'in', chunk)
      .orderBy('entry_id')
      .orderBy('position')
      .execute();
    for (const s of srcs) byEntry.set(s.entry_id, [...(byEntry.get(s.entry_id) ?? []), s.url]);
  }
  const firsts = await caseFirstMonths(
    store,
    rows.flatMap((r) => (r.case_id ? [r.case_id] : [])),
    db,
  );
  return rows.map((r) => toEntry(r, byEntry.get(r.id) ?? [], firsts));
}

export async function deleteEntry(store: Store, id: string, db: Db = store.db): Promise<void> {
  const row = await db
    .selectFrom('dataset_entries')
    .select('case_id')
    .where('id', '=', id)
    .executeTakeFirst();
  await db.deleteFrom('dataset_entry_sources').where('entry_id', '=', id).execute();
  await db.deleteFrom('dataset_entries').where('id', '=', id).execute();
  if (row?.case_id) await refreshCase(store, row.case_id, db);
}
