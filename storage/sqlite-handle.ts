// The better-sqlite3 connection behind a SQLite store, for storage/ only (index.ts does not export this
// file). Kysely stays the API: every statement it runs is prepared once and cached here; the crawl's
// batch writes also use cached statements directly, while holding kysely's single connection.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import type { Store } from './open-store.ts';

/** Statements kept per connection (least recently used dropped first); a store runs a few dozen. */
const MAX_CACHED_STATEMENTS = 256;

/**
 * What kysely's SqliteDialect is given instead of the database: the same, except that a statement is
 * prepared once per distinct SQL text instead of once per query (preparing was a fifth of a crawl's
 * database time). Safe because kysely runs one query at a time on SQLite's single connection.
 */
export function cachingDatabase(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // refreshed as most recently used
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

const handles = new WeakMap<Store, BetterSqlite3.Database>();

export function registerSqlite(store: Store, sqlite: BetterSqlite3.Database): void {
  handles.set(store, sqlite);
}

/** Statements prepared once per connection, by name. */
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let mine = prepared.get(sqlite);
  if (!mine) {
    mine = new Map();
    prepared.set(sqlite, mine);
  }
  let stmt = mine.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    mine.set(sql, stmt);
  }
  return stmt;
}

/**
 * Runs `work` on the raw connection of a SQLite store opened by openStore, holding kysely's connection
 * meanwhile (so no kysely transaction is open on it), or returns `absent` for any other store.
 * `work` is synchronous: better-sqlite3 is, and a transaction inside it cannot interleave with others.
 */
export async function withSqlite<T, A>(
  store: Store,
  absent: A,
  work: (sqlite: BetterSqlite3.Database) => T,
): Promise<T | A> {
  const sqlite = handles.get(store);
  if (!sqlite) return absent;
  return store.db.connection().execute(async () => work(sqlite));
}
