// `soz db migrate --to postgres://…`: copies a SQLite database into PostgreSQL — every table, rows with
// their ids — in one transaction (the target ends up complete or untouched), moves the target's id
// sequences past the copied ids, and checks the row count of every table on both sides. Tables are found
// in the database itself, not listed here, so tables that later migrations add are copied too.
import { type Kysely, sql } from 'kysely';
import { databaseError, EXIT, inputError, SozError } from '../core/index.ts';
import { toNumber } from './dialect.ts';
import { schemaVersion } from './migrations/index.ts';
import type { Store } from './open-store.ts';

// biome-ignore lint/suspicious/noExplicitAny: tables are discovered at run time, not typed
type AnyDb = Kysely<any>;

export interface TableCount {
  readonly table: string;
  readonly source: number;
  readonly target: number;
}

export interface CopyReport {
  readonly schemaVersion: number;
  /** Per table, in the order copied (referenced tables first). */
  readonly tables: readonly TableCount[];
  /** Identity columns moved past the copied ids: the next id each table will give. */
  readonly sequences: readonly { readonly table: string; readonly nextId: number }[];
}

export interface CopyOptions {
  /** Empty the target's tables first instead of refusing a target that holds rows. */
  readonly replace?: boolean;
  /** Rows per statement (default: as many as fit 30,000 parameters, at most 500). */
  readonly batchRows?: number;
  readonly onTable?: (table: string, rows: number) => void;
}

/** The tables of a SQLite database in an order where every table comes after those it references. */
async function sqliteTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name <> 'schema_migrations'
    order by name`.execute(db);
  const names = rows.map((r) => r.name);
  const refs = new Map<string, Set<string>>();
  for (const name of names) {
    const fk = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    refs.set(name, new Set(fk.rows.map((r) => r.table).filter((t) => t !== name && names.includes(t))));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.filter((n) => !placed.has(n) && [...refs.get(n)!].every((r) => placed.has(r)));
    if (next.length === 0)
      throw new Error(`circular foreign keys among ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const n of next) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return ordered;
}

async function sqliteColumns(db: AnyDb, table: string): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  return rows.map((r) => r.name);
}

async function postgresColumns(db: AnyDb): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return toNumber(rows[0]?.n);
}

/** PostgreSQL text cannot hold U+0000, which SQLite stores without complaint: named before anything is written. */
function checkRow(table: string, row: Record<string, unknown>, rowid: unknown): void {
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw inputError(
        `${table} row ${String(row.id ?? rowid)}, column ${column}: the text holds a NUL character (U+0000), which PostgreSQL cannot store; remove it in the SQLite database and migrate again`,
      );
    }
  }
}

export async function copySqliteToPostgres(
  source: Store,
  target: Store,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (source.traits.name !== 'sqlite')
    throw inputError(`the source must be a SQLite database, not ${source.location}`);
  if (target.traits.name !== 'postgres')
    throw inputError(`the target must be PostgreSQL, not ${target.location}`);
  const from = source.db as AnyDb;
  const to = target.db as AnyDb;
  const version = await schemaVersion(from);
  const targetVersion = await schemaVersion(to);
  if (version !== targetVersion) {
    throw databaseError(
      `schema versions differ: ${source.location} is at v${version}, ${target.location} at v${targetVersion}`,
    );
  }
  const tables = await sqliteTables(from);
  const targetColumns = await postgresColumns(to);
  const plan: { table: string; columns: string[] }[] = [];
  for (const table of tables) {
    const columns = await sqliteColumns(from, table);
    const there = targetColumns.get(table);
    if (!there) throw databaseError(`${target.location} has no table ${table}`);
    const missing = columns.filter((c) => !there.includes(c));
    if (missing.length > 0)
      throw databaseError(`${target.location}: table ${table} lacks column(s) ${missing.join(', ')}`);
    plan.push({ table, columns });
  }

  const occupied: string[] = [];
  for (const { table } of plan) {
    const n = await countRows(to, table);
    if (n > 0) occupied.push(`${table} ${n}`);
  }
  if (occupied.length > 0 && !options.replace) {
    throw new SozError(
      `${target.location} is not empty (${occupied.join(', ')}); nothing was copied. Give --replace to empty those tables first, or migrate into an empty database`,
      EXIT.usage,
    );
  }

  const sequences: { table: string; nextId: number }[] = [];
  await to.transaction().execute(async (trx) => {
    if (occupied.length > 0) {
      await sql`truncate ${sql.join(plan.map((p) => sql.table(p.table)))} restart identity`.execute(trx);
    }
    for (const { table, columns } of plan) {
      const perBatch = options.batchRows ?? Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
      let after: unknown = null;
      let copied = 0;
      for (;;) {
        const page = await sql<Record<string, unknown> & { __rowid: unknown }>`
          select rowid as __rowid, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
          where ${after === null ? sql`1 = 1` : sql`rowid > ${after}`}
          order by rowid limit ${perBatch}`.execute(from);
        if (page.rows.length === 0) break;
        const rows = page.rows.map(({ __rowid, ...row }) => {
          checkRow(table, row, __rowid);
          return row;
        });
        await trx.insertInto(table).values(rows).execute();
        copied += rows.length;
        after = page.rows[page.rows.length - 1]!.__rowid;
        if (page.rows.length < perBatch) break;
      }
      options.onTable?.(table, copied);
    }
    // Identity columns ("generated by default") keep their own counter: it must start past the copied ids.
    const identity = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(
      trx,
    );
    for (const { table_name, column_name } of identity.rows) {
      if (!plan.some((p) => p.table === table_name)) continue;
      const { rows } = await sql<{ next: unknown }>`
        select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
                      coalesce(max(${sql.ref(column_name)}), 0) + 1, false) as next
        from ${sql.table(table_name)}`.execute(trx);
      sequences.push({ table: table_name, nextId: toNumber(rows[0]?.next) });
    }
  });

  const counts: TableCount[] = [];
  for (const { table } of plan) {
    counts.push({ table, source: await countRows(from, table), target: await countRows(to, table) });
  }
  const wrong = counts.filter((c) => c.source !== c.target);
  if (wrong.length > 0) {
    throw databaseError(
      `row counts differ after the copy: ${wrong.map((c) => `${c.table} ${c.source} → ${c.target}`).join(', ')}`,
    );
  }
  return { schemaVersion: version, tables: counts, sequences };
}
