// Opens the database: SQLite (better-sqlite3) by default, PostgreSQL when DATABASE_URL is set, or any
// kysely dialect handed in (PGlite in tests). Migrations run on open.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { DEFAULT_DB_PATH, databaseError, describeError } from '../core/index.ts';
import { type DialectName, type DialectTraits, dialectTraits } from './dialect.ts';
import { migrate } from './migrations/index.ts';
import type { Schema } from './schema.ts';
import { cachingDatabase, registerSqlite } from './sqlite-handle.ts';

export interface Store {
  readonly db: Kysely<Schema>;
  readonly traits: DialectTraits;
  /** Where the data lives, for messages: a file path or a redacted URL. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A SQLite file path (`--db`); wins over SOZ_DB and DATABASE_URL. */
  readonly path?: string;
  /** A PostgreSQL URL; defaults to DATABASE_URL. */
  readonly url?: string;
  /** A ready kysely dialect (PGlite in tests), with its name. */
  readonly dialect?: { readonly kysely: Dialect; readonly name: DialectName; readonly location?: string };
  readonly env?: NodeJS.ProcessEnv;
}

/** Which database the options and environment point at, without opening it. */
export function resolveLocation(
  options: OpenStoreOptions = {},
): { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } {
  const env = options.env ?? process.env;
  if (options.path) return { kind: 'sqlite', path: resolve(options.path) };
  if (options.url) return { kind: 'postgres', url: options.url };
  if (env.SOZ_DB) return { kind: 'sqlite', path: resolve(env.SOZ_DB) };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'sqlite', path: resolve(DEFAULT_DB_PATH) };
}

export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let dialect: Dialect;
  let name: DialectName;
  let location: string;
  let sqlite: Awaited<ReturnType<typeof openSqliteFile>> | null = null;
  if (options.dialect) {
    dialect = options.dialect.kysely;
    name = options.dialect.name;
    location = options.dialect.location ?? `${name} (in-process)`;
  } else {
    const where = resolveLocation(options);
    if (where.kind === 'sqlite') {
      name = 'sqlite';
      location = where.path;
      sqlite = await openSqliteFile(where.path);
      dialect = new SqliteDialect({ database: cachingDatabase(sqlite) });
    } else {
      name = 'postgres';
      location = redactUrl(where.url);
      const pg = await import('pg');
      const Pool = pg.default.Pool;
      dialect = new PostgresDialect({ pool: new Pool({ connectionString: where.url, max: 5 }) });
    }
  }
  const db = new Kysely<Schema>({ dialect });
  const traits = dialectTraits(name);
  try {
    await migrate(db as Kysely<unknown>, traits);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw databaseError(`cannot open the database at ${location}: ${describeError(error)}`, error);
  }
  const store: Store = { db, traits, location, close: () => db.destroy() };
  if (sqlite) registerSqlite(store, sqlite);
  return store;
}

async function openSqliteFile(path: string) {
  const { default: Database } = await import('better-sqlite3');
  try {
    mkdirSync(dirname(path), { recursive: true });
    const sqlite = new Database(path, { fileMustExist: false });
    // WAL lets the review server read while a crawl writes; busy_timeout rides out short write locks.
    sqlite.pragma('journal_mode = WAL');
    // With WAL, NORMAL still survives a killed process (the crawl's SIGKILL test); it only risks the last
    // transactions on a power cut, and makes each commit several times cheaper.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    return sqlite;
  } catch (error) {
    throw databaseError(`cannot open the database at ${path}: ${describeError(error)}`, error);
  }
}
