// Looks at the database the options point at without changing it (for `soz doctor`): which one it is, whether
// it can be reached, and its schema version against the newest this program knows. Unlike openStore, it never
// creates a file and never migrates.
import { existsSync, statSync } from 'node:fs';
import { describeError } from '../core/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { type OpenStoreOptions, redactUrl, resolveLocation } from './open-store.ts';

export interface DatabaseProbe {
  readonly kind: 'sqlite' | 'postgres';
  /** The file path, or the URL without its password. */
  readonly location: string;
  /** Why this database: --db, SOZ_DB, DATABASE_URL or the default. */
  readonly chosenBy: '--db' | 'SOZ_DB' | 'DATABASE_URL' | 'url' | 'default';
  /** False for a SQLite file not created yet (the first command creates it). */
  readonly exists: boolean;
  readonly reachable: boolean;
  /** 0 for a reachable database without our schema yet; null when it could not be read. */
  readonly schemaVersion: number | null;
  /** The newest migration this program has. */
  readonly knownVersion: number;
  readonly error?: string;
}

const KNOWN_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

function chosenBy(options: OpenStoreOptions): DatabaseProbe['chosenBy'] {
  const env = options.env ?? process.env;
  if (options.path) return '--db';
  if (options.url) return 'url';
  if (env.SOZ_DB) return 'SOZ_DB';
  if (env.DATABASE_URL) return 'DATABASE_URL';
  return 'default';
}

export async function probeDatabase(
  options: OpenStoreOptions = {},
  timeoutMs = 5000,
): Promise<DatabaseProbe> {
  const where = resolveLocation(options);
  const base = { chosenBy: chosenBy(options), knownVersion: KNOWN_VERSION };
  if (where.kind === 'sqlite') {
    const common = { ...base, kind: 'sqlite' as const, location: where.path };
    if (!existsSync(where.path)) return { ...common, exists: false, reachable: true, schemaVersion: null };
    if (statSync(where.path).isDirectory()) {
      return { ...common, exists: true, reachable: false, schemaVersion: null, error: 'is a folder' };
    }
    const { default: Database } = await import('better-sqlite3');
    let db: InstanceType<typeof Database> | null = null;
    try {
      db = new Database(where.path, { readonly: true, fileMustExist: true, timeout: timeoutMs });
      const table = db
        .prepare("select name from sqlite_master where type = 'table' and name = 'schema_migrations'")
        .get();
      const row = table
        ? (db.prepare('select max(version) as v from schema_migrations').get() as { v: number | null })
        : null;
      return { ...common, exists: true, reachable: true, schemaVersion: Number(row?.v ?? 0) };
    } catch (error) {
      return { ...common, exists: true, reachable: false, schemaVersion: null, error: describeError(error) };
    } finally {
      db?.close();
    }
  }
  const common = { ...base, kind: 'postgres' as const, location: redactUrl(where.url), exists: true };
  const pg = await import('pg');
  const client = new pg.default.Client({
    connectionString: where.url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A failed connection also emits 'error' on the client; the awaited connect() below reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const exists = await client.query<{ t: string | null }>(
      "select to_regclass('schema_migrations')::text as t",
    );
    if (!exists.rows[0]?.t) return { ...common, reachable: true, schemaVersion: 0 };
    const { rows } = await client.query<{ v: string | number | null }>(
      'select max(version) as v from schema_migrations',
    );
    return { ...common, reachable: true, schemaVersion: Number(rows[0]?.v ?? 0) };
  } catch (error) {
    return { ...common, reachable: false, schemaVersion: null, error: describeError(error) };
  } finally {
    // Closing a connection that never opened fails too; the probe's answer is already decided.
    await client.end().catch(() => undefined);
  }
}
