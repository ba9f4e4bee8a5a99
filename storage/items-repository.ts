import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import { type Selectable, sql } from 'kysely';
import type { Article, Classification, CourtRecord, ItemKind, LanguageResult } from '../core/index.ts';
import { contentHash, EMPTY_FACTS } from '../core/index.ts';
import { classificationRow, saveClassification, saveClassifications } from './classifications-repository.ts';
import { indexedBy, toBytes, toNullableNumber, toNumber } from './dialect.ts';
import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';
import type { ClassificationsTable, ItemsTable } from './schema.ts';
import { statement, withSqlite } from './sqlite-handle.ts';

const gzipAsync = promisify(gzip);

export type SaveStatus = 'new' | 'updated' | 'unchanged';

export interface StoredItem {
  readonly id: number;
  readonly sourceId: string;
  readonly kind: ItemKind;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly fetchedAt: string;
  readonly updatedAt: string;
  readonly author: string | null;
  readonly section: string | null;
  readonly lang: string | null;
  readonly script: string | null;
  readonly langConfidence: number | null;
  readonly contentHash: string;
  readonly extractedBy: string;
  readonly caseNumber: string | null;
  readonly court: CourtRecord | null;
  readonly revision: number;
  /** A news brief under the extraction threshold, kept because the outlet lists it as news. */
  readonly short: boolean;
  readonly bodyNote: string | null;
}

/** Of the given URLs, those already stored (as an item's URL or canonical URL). */
export async function knownUrls(store: Store, urls: readonly string[]): Promise<Set<string>> {
  return new Set((await knownUrlsFetchedAt(store, urls)).keys());
}

/** URLs per statement of the known-link check: 5,000 bound parameters fit SQLite's and PostgreSQL's limits. */
const KNOWN_URL_CHUNK = 5000;

/**
 * Of the given URLs, those already stored (as an item's URL or canonical URL), with when that item was
 * last fetched (the newest, should two items claim the URL): a sitemap's 5,000 entries in two statements,
 * one per covering index (url, fetched_at) and (canonical_url, fetched_at) of migration 015. `url IN (…) OR canonical_url IN (…)` in one statement probed both indexes for every URL
 * and merged the row ids (SQLite's MULTI-INDEX OR): 4× slower on a million items (docs/scale.md).
 */
export async function knownUrlsFetchedAt(
  store: Store,
  urls: readonly string[],
): Promise<Map<string, string>> {
  const fetchedAt = new Map<string, string>();
  const note = (url: string, at: string) => {
    const seen = fetchedAt.get(url);
    if (seen === undefined || at > seen) fetchedAt.set(url, at);
  };
  const unique = [...new Set(urls)];
  for (let i = 0; i < unique.length; i += KNOWN_URL_CHUNK) {
    const chunk = unique.slice(i, i + KNOWN_URL_CHUNK);
    // Each statement reads only its index's columns, so neither touches the items' rows.
    const byUrl = await store.db
      .selectFrom('items')
      .select(['url', 'fetched_at'])
      .where('url', 'in', chunk)
      .execute();
    for (const r of byUrl) note(r.url, r.fetched_at);
    // Raw for the SQLite index hint: without statistics it picks canonical_url's unique index and reads rows.
    const byCanonical = await sql<{ canonical_url: string; fetched_at: string }>`
      select canonical_url, fetched_at from items ${indexedBy(store.traits.name, 'items_canonical_fetched')}
      where canonical_url in (${sql.join(chunk)})`.execute(store.db);
    for (const r of byCanonical.rows) note(r.canonical_url, r.fetched_at);
  }
  const out = new Map<string, string>();
  for (const u of urls) {
    const at = fetchedAt.get(u);
    if (at !== undefined) out.set(u, at);
  }
  return out;
}

/**
 * Stores an extracted article. A known canonical URL with the same content is `unchanged`; with new
 * content it is `updated` in place (the old text kept as a revision), never a second item.
 */
export async function saveArticle(
  store: Store,
  article: Article,
  language?: LanguageResult,
): Promise<{ itemId: number; status: SaveStatus }> {
  const prepared = await prepareArticle(article);
  return store.db.transaction().execute((trx) => saveArticleIn(trx, article, language, prepared));
}

export interface ArticleToSave {
  readonly article: Article;
  readonly language?: LanguageResult;
}

export type ClassifyForSave = (
  entry: ArticleToSave,
  itemId: number,
  status: SaveStatus,
) => Classification | null;

/**
 * Stores several articles and, for each one that is new or changed, the classification `classify`
 * gives it (null: none), all in ONE transaction: one commit for a batch of a source's pages instead of
 * two per page. All or nothing, so a crash leaves either the whole batch with its verdicts or none of it.
 */
export async function saveArticlesWithClassifications(
  store: Store,
  entries: readonly ArticleToSave[],
  classify: ClassifyForSave,
): Promise<SavedWithClassification[]> {
  if (entries.length === 0) return [];
  // Hashing and gzip happen before the transaction, so it holds the database no longer than the writes
  // (gzip in libuv's thread pool: it cost the crawl's main thread more than the whole insert).
  const prepared = await Promise.all(entries.map((e) => prepareArticle(e.article)));
  const onSqlite = await withSqlite(store, null, (sqlite) =>
    saveBatchOnSqlite(sqlite, entries, prepared, classify),
  );
  if (onSqlite) return onSqlite;
  const canonical = entries.map((e) => e.article.canonicalUrl);
  const oneEach = new Set(canonical).size === canonical.length;
  return store.db.transaction().execute(async (trx) => {
    const saved: { itemId: number; status: SaveStatus }[] = [];
    if (oneEach) {
      // The usual batch (distinct pages): one look-up and one multi-row insert instead of two statements
      // a page (each statement is prepared anew by the driver: that, not the commit, was the main cost).
      const existing = new Map<string, ExistingRow>();
      for (let i = 0; i < canonical.length; i += CHUNK) {
        const rows = await trx
          .selectFrom('items')
          .select(EXISTING_COLUMNS)
          .where('canonical_url', 'in', canonical.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) existing.set(r.canonical_url, r);
      }
      const now = nowIso();
      const fresh: number[] = [];
      for (let i = 0; i < entries.length; i++) {
        const row = existing.get(canonical[i]!);
        if (row) {
          saved.push(await updateExisting(trx, row, entries[i]!.article, entries[i]!.language, prepared[i]!));
        } else {
          fresh.push(i);
          saved.push({ itemId: 0, status: 'new' });
        }
      }
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const part = fresh.slice(i, i + CHUNK);
        const rows = await trx
          .insertInto('items')
          .values(
            part.map((k) => ({
              ...itemFields(entries[k]!.article, entries[k]!.language, prepared[k]!),
              updated_at: now,
              revision: 1,
            })),
          )
          .returning(['id', 'canonical_url'])
          .execute();
        const ids = new Map(rows.map((r) => [r.canonical_url, toNumber(r.id)]));
        for (const k of part) saved[k] = { itemId: ids.get(canonical[k]!)!, status: 'new' };
      }
    } else {
      // Two links to one canonical page in a batch: one at a time, so the second sees the first.
      for (let i = 0; i < entries.length; i++)
        saved.push(await saveArticleIn(trx, entries[i]!.article, entries[i]!.language, prepared[i]!));
    }
    const out = saved.map(({ itemId, status }, i) => ({
      itemId,
      status,
      classification: status === 'unchanged' ? null : classify(entries[i]!, itemId, status),
    }));
    const verdicts = out.flatMap((o) =>
      o.classification ? [{ itemId: o.itemId, c: o.classification }] : [],
    );
    // Distinct items (distinct canonical URLs), so one multi-row upsert never touches a row twice.
    if (oneEach) {
      for (let i = 0; i < verdicts.length; i += CHUNK)
        await saveClassifications(store, verdicts.slice(i, i + CHUNK), trx);
    } else {
      for (const v of verdicts) await saveClassification(store, v.itemId, v.c, trx);
    }
    return out;
  });
}

export interface SavedWithClassification {
  readonly itemId: number;
  readonly status: SaveStatus;
  readonly classification: Classification | null;
}

/**
 * The same batch on SQLite, with statements prepared once per connection (kysely compiling and the
 * driver preparing a 50-row insert again for every batch cost more than the insert itself). One
 * transaction, article by article, so two links to one canonical page see each other.
 */
function saveBatchOnSqlite(
  sqlite: BetterSqlite3.Database,
  entries: readonly ArticleToSave[],
  prepared: readonly Prepared[],
  classify: ClassifyForSave,
): SavedWithClassification[] {
  const find = statement(sqlite, `select ${EXISTING_COLUMNS.join(', ')} from items where canonical_url = ?`);
  const insert = statement(
    sqlite,
    `insert into items (${ITEM_FIELDS.join(', ')}, updated_at, revision) values (${ITEM_FIELDS.map(() => '?').join(', ')}, ?, 1)`,
  );
  const keepRevision = statement(
    sqlite,
    'insert into item_revisions (item_id, revision, content_hash, title, text, fetched_at) values (?, ?, ?, ?, ?, ?)',
  );
  const update = statement(
    sqlite,
    `update items set ${ITEM_FIELDS.map((f) => `${f} = ?`).join(', ')}, updated_at = ?, revision = ? where id = ?`,
  );
  const verdict = statement(sqlite, UPSERT_CLASSIFICATION_SQL);
  return sqlite.transaction(() => {
    const out: SavedWithClassification[] = [];
    const now = nowIso();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const fields = itemFields(entry.article, entry.language, prepared[i]!);
      const values = ITEM_FIELDS.map((f) => fields[f] ?? null);
      const existing = find.get(entry.article.canonicalUrl) as ExistingRow | undefined;
      let itemId: number;
      let status: SaveStatus;
      if (!existing) {
        itemId = toNumber(insert.run(...values, now).lastInsertRowid);
        status = 'new';
      } else {
        itemId = toNumber(existing.id);
        if (existing.content_hash === prepared[i]!.hash) {
          out.push({ itemId, status: 'unchanged', classification: null });
          continue;
        }
        const revision = toNumber(existing.revision);
        keepRevision.run(
          itemId,
          revision,
          existing.content_hash,
          existing.title,
          existing.text,
          existing.fetched_at,
        );
        update.run(...values, now, revision + 1, itemId);
        status = 'updated';
      }
      const c = classify(entry, itemId, status);
      if (c) verdict.run(...classificationValues(itemId, c, now));
      out.push({ itemId, status, classification: c });
    }
    return out;
  })();
}

const CLASSIFICATION_COLUMNS = [
  'item_id',
  'model_version',
  'lang',
  'script',
  'candidate',
  'score',
  'categories_json',
  'facts_json',
  'created_at',
] as const satisfies readonly (keyof ReturnType<typeof classificationRow>)[];

/** saveClassification's upsert: a verdict of the same model version on the same item replaces it. */
const UPSERT_CLASSIFICATION_SQL = (() => {
  const columns = CLASSIFICATION_COLUMNS.join(', ');
  const params = CLASSIFICATION_COLUMNS.map(() => '?').join(', ');
  const replaced = CLASSIFICATION_COLUMNS.filter((c) => c !== 'item_id' && c !== 'model_version')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `insert into classifications (${columns}) values (${params}) on conflict (item_id, model_version) do update set ${replaced}`;
})();

function classificationValues(itemId: number, c: Classification, createdAt: string) {
  const row = classificationRow(itemId, c, createdAt);
  return CLASSIFICATION_COLUMNS.map((k) => row[k]);
}

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 100;

const EXISTING_COLUMNS = [
  'id',
  'canonical_url',
  'content_hash',
  'revision',
  'title',
  'text',
  'fetched_at',
] as const;

interface ExistingRow {
  readonly id: number | string | bigint;
  readonly canonical_url: string;
  readonly content_hash: string;
  readonly revision: number | string | bigint;
  readonly title: string;
  readonly text: string;
  readonly fetched_at: string;
}

type Db = Store['db'];

interface Prepared {
  readonly hash: string;
  readonly html: Buffer | null;
}

async function prepareArticle(article: Article): Promise<Prepared> {
  return {
    hash: contentHash(article.title, article.text),
    html: article.html === null ? null : await gzipAsync(Buffer.from(article.html, 'utf8')),
  };
}

async function saveArticleIn(
  trx: Db,
  article: Article,
  language: LanguageResult | undefined,
  prepared: Prepared,
): Promise<{ itemId: number; status: SaveStatus }> {
  const existing = await trx
    .selectFrom('items')
    .select(EXISTING_COLUMNS)
    .where('canonical_url', '=', article.canonicalUrl)
    .executeTakeFirst();
  if (existing) return updateExisting(trx, existing, article, language, prepared);
  const row = await trx
    .insertInto('items')
    .values({ ...itemFields(article, language, prepared), updated_at: nowIso(), revision: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { itemId: toNumber(row.id), status: 'new' as const };
}

/** The columns itemFields fills, in a fixed order (for positional parameters). */
const ITEM_FIELDS = [
  'source_id',
  'kind',
  'url',
  'canonical_url',
  'title',
  'text',
  'published_at',
  'fetched_at',
  'author',
  'section',
  'lang',
  'script',
  'lang_confidence',
  'content_hash',
  'raw_html_gz',
  'extracted_by',
  'case_number',
  'court_json',
  'short',
  'body_note',
] as const satisfies readonly (keyof ReturnType<typeof itemFields>)[];
// Every field itemFields fills is in ITEM_FIELDS (a compile error otherwise).
const ALL_ITEM_FIELDS: Exclude<
  keyof ReturnType<typeof itemFields>,
  (typeof ITEM_FIELDS)[number]
> extends never
  ? true
  : never = true;
void ALL_ITEM_FIELDS;

function itemFields(article: Article, language: LanguageResult | undefined, { hash, html }: Prepared) {
  return {
    source_id: article.sourceId,
    kind: article.kind,
    url: article.url,
    canonical_url: article.canonicalUrl,
    title: article.title,
    text: article.text,
    published_at: article.publishedAt,
    fetched_at: article.fetchedAt,
    author: article.author,
    section: article.section,
    lang: language?.lang ?? article.langHint,
    script: language?.script ?? null,
    lang_confidence: language?.confidence ?? null,
    content_hash: hash,
    raw_html_gz: html,
    extracted_by: article.extractedBy,
    case_number: article.court?.caseNumber ?? null,
    court_json: article.court ? toJson(article.court) : null,
    short: article.short ? 1 : 0,
    body_note: article.bodyNote ?? null,
  };
}

/** A known canonical URL: unchanged, or updated in place with the old text kept as a revision. */
async function updateExisting(
  trx: Db,
  existing: ExistingRow,
  article: Article,
  language: LanguageResult | undefined,
  prepared: Prepared,
): Promise<{ itemId: number; status: SaveStatus }> {
  const itemId = toNumber(existing.id);
  if (existing.content_hash === prepared.hash) return { itemId, status: 'unchanged' as const };
  const revision = toNumber(existing.revision);
  await trx
    .insertInto('item_revisions')
    .values({
      item_id: itemId,
      revision,
      content_hash: existing.content_hash,
      title: existing.title,
      text: existing.text,
      fetched_at: existing.fetched_at,
    })
    .execute();
  await trx
    .updateTable('items')
    .set({ ...itemFields(article, language, prepared), updated_at: nowIso(), revision: revision + 1 })
    .where('id', '=', itemId)
    .execute();
  // A task led by this item keeps a copy of its date for the queue's date sort (migration 015).
  await trx
    .updateTable('review_tasks')
    .set({ published_at: article.publishedAt })
    .where('id', 'in', (eb) =>
      eb.selectFrom('review_task_items').select('task_id').where('item_id', '=', itemId),
    )
    .where('first_item_id', '=', itemId)
    .execute();
  return { itemId, status: 'updated' as const };
}

export async function setItemLanguage(store: Store, itemId: number, language: LanguageResult): Promise<void> {
  await store.db
    .updateTable('items')
    .set({ lang: language.lang, script: language.script, lang_confidence: language.confidence })
    .where('id', '=', itemId)
    .execute();
}

type ItemRow = Omit<Selectable<ItemsTable>, 'raw_html_gz'>;

function toItem(r: ItemRow): StoredItem {
  return {
    id: toNumber(r.id),
    sourceId: r.source_id,
    kind: r.kind as ItemKind,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    text: r.text,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
    author: r.author,
    section: r.section,
    lang: r.lang,
    script: r.script,
    langConfidence: toNullableNumber(r.lang_confidence),
    contentHash: r.content_hash,
    extractedBy: r.extracted_by,
    caseNumber: r.case_number,
    court: fromJson<CourtRecord | null>(r.court_json, null, `items.court_json of item ${r.id}`),
    revision: toNumber(r.revision),
    short: toNumber(r.short) === 1,
    bodyNote: r.body_note,
  };
}

const ITEM_COLUMNS = [
  'id',
  'source_id',
  'kind',
  'url',
  'canonical_url',
  'title',
  'text',
  'published_at',
  'fetched_at',
  'updated_at',
  'author',
  'section',
  'lang',
  'script',
  'lang_confidence',
  'content_hash',
  'extracted_by',
  'case_number',
  'court_json',
  'revision',
  'short',
  'body_note',
] as const;

export async function getItem(store: Store, itemId: number): Promise<StoredItem | null> {
  const row = await store.db
    .selectFrom('items')
    .select(ITEM_COLUMNS)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function getItemByUrl(store: Store, url: string): Promise<StoredItem | null> {
  const row = await store.db
    .selectFrom('items')
    .select(ITEM_COLUMNS)
    .where((eb) => eb.or([eb('canonical_url', '=', url), eb('url', '=', url)]))
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** A source's court item by its case number (the court crawler's key between nights, whatever the card's address). */
export async function getCourtItemByCaseNumber(
  store: Store,
  sourceId: string,
  caseNumber: string,
): Promise<StoredItem | null> {
  const row = await store.db
    .selectFrom('items')
    .select(ITEM_COLUMNS)
    .where('case_number', '=', caseNumber)
    .where('source_id', '=', sourceId)
    .where('kind', '=', 'court')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function getItemsByIds(store: Store, ids: readonly number[]): Promise<StoredItem[]> {
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom('items')
    .select(ITEM_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toItem);
}

/** The page an item was extracted from, for re-extraction with a better extractor. */
export async function getRawHtml(store: Store, itemId: number): Promise<string | null> {
  const row = await store.db
    .selectFrom('items')
    .select('raw_html_gz')
    .where('id', '=', itemId)
    .executeTakeFirst();
  const bytes = toBytes(row?.raw_html_gz ?? null);
  return bytes ? gunzipSync(bytes).toString('utf8') : null;
}

export interface ItemFilter {
  readonly sourceIds?: readonly string[];
  readonly since?: string;
  readonly kind?: ItemKind;
  readonly candidatesOnly?: boolean;
  readonly limit?: number;
}

export interface ItemSummary extends StoredItem {
  readonly classification: Classification | null;
}

/** Items with their newest classification, newest first. */
export async function listItems(store: Store, filter: ItemFilter = {}): Promise<ItemSummary[]> {
  let q = store.db.selectFrom('items').select(ITEM_COLUMNS);
  if (filter.sourceIds?.length) q = q.where('source_id', 'in', [...filter.sourceIds]);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.since) {
    const since = filter.since;
    q = q.where((eb) =>
      eb.or([
        eb('published_at', '>=', since),
        eb.and([eb('published_at', 'is', null), eb('fetched_at', '>=', since)]),
      ]),
    );
  }
  if (filter.candidatesOnly) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('classifications as c')
          .select('c.id')
          .whereRef('c.item_id', '=', 'items.id')
          .where('c.candidate', '=', 1)
          .where(
            'c.id',
            '=',
            eb
              .selectFrom('classifications as c2')
              .select((e) => e.fn.max('c2.id').as('m'))
              .whereRef('c2.item_id', '=', 'items.id'),
          ),
      ),
    );
  }
  q = q.orderBy('published_at', 'desc').orderBy('id', 'desc');
  if (filter.limit) q = q.limit(filter.limit);
  const rows = await q.execute();
  const items = rows.map(toItem);
  const latest = await latestClassifications(
    store,
    items.map((i) => i.id),
  );
  return items.map((i) => ({ ...i, classification: latest.get(i.id) ?? null }));
}

/** The newest classification of each item. */
export async function latestClassifications(
  store: Store,
  itemIds: readonly number[],
): Promise<Map<number, Classification>> {
  const out = new Map<number, Classification>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await store.db
      .selectFrom('classifications')
      .selectAll()
      .where('item_id', 'in', chunk)
      .orderBy('id', 'asc')
      .execute();
    for (const r of rows) out.set(toNumber(r.item_id), rowToClassification(r));
  }
  return out;
}

export function rowToClassification(r: Selectable<ClassificationsTable>): Classification {
  return {
    modelVersion: r.model_version,
    lang: r.lang as Classification['lang'],
    script: r.script as Classification['script'],
    candidate: toNumber(r.candidate) === 1,
    score: toNumber(r.score),
    categories: fromJson(r.categories_json, [], `classifications.categories_json of ${r.id}`),
    facts: fromJson(r.facts_json, emptyFacts(), `classifications.facts_json of ${r.id}`),
  };
}

export function emptyFacts(): Classification['facts'] {
  return EMPTY_FACTS;
}

export async function countItems(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n);
}
