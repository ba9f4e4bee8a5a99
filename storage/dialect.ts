// Every difference between SQLite and PostgreSQL lives here: column types for ids, binary data and big
// integers, and the shapes the drivers return numbers in.
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type RawBuilder, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectTraits {
  readonly name: DialectName;
  /** Adds an auto-incrementing integer primary key named `id`. */
  idColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  readonly binaryType: 'blob' | 'bytea';
  readonly bigintType: 'integer' | 'bigint';
  readonly realType: 'real' | 'double precision';
}

export function dialectTraits(name: DialectName): DialectTraits {
  if (name === 'sqlite') {
    return {
      name,
      idColumn: (t) =>
        t.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()),
      binaryType: 'blob',
      bigintType: 'integer',
      realType: 'real',
    };
  }
  return {
    name,
    idColumn: (t) =>
      t.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) =>
        c.primaryKey().generatedByDefaultAsIdentity(),
      ),
    binaryType: 'bytea',
    bigintType: 'bigint',
    realType: 'double precision',
  };
}

/** `count(*)` and bigint columns come back as strings from `pg` and as numbers elsewhere. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return 0;
}

export function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

/** PostgreSQL returns bytea as a Buffer, SQLite as a Buffer too, PGlite as a Uint8Array. */
export function toBytes(value: unknown): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return value;
  throw new Error(`unexpected binary column value of type ${typeof value}`);
}

/**
 * The database's clock in milliseconds since the epoch, as an SQL expression: leases and the shared host
 * limiter compare times written by workers on several machines, so they all read one clock.
 */
export function dbNowMs(name: DialectName): RawBuilder<number> {
  return name === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000.0 as integer)`;
}

/**
 * `INDEXED BY index` on SQLite, nothing on PostgreSQL: where SQLite, without statistics (nobody runs ANALYZE
 * on a monitoring database), prefers a unique index whose rows it must then read over a covering index
 * that answers alone (the known-link check, docs/scale.md). PostgreSQL's planner has statistics.
 */
export function indexedBy(name: DialectName, index: string): RawBuilder<unknown> {
  return name === 'sqlite' ? sql`indexed by ${sql.id(index)}` : sql``;
}
