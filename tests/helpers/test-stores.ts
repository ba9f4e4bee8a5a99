// Opens the stores a suite runs against: a temporary SQLite file, and PostgreSQL (a real server when
// DATABASE_URL is set, otherwise PGlite in-process; one instance per test file, since each costs ~500 MB).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../storage/index.ts';

export type TestDialect = 'sqlite' | 'postgres';
export const TEST_DIALECTS: readonly TestDialect[] = ['sqlite', 'postgres'];

export interface TestStore {
  readonly store: Store;
  /** Removes every row, keeping the schema, so tests in one file can share the instance. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'case_items',
  'case_numbers',
  'cases',
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
  let cleanup: () => Promise<void> = async () => {};
  if (dialect === 'sqlite') {
    const dir = tempDir();
    store = await openStore({ path: join(dir, 'test.sqlite'), env: {} });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else if (process.env.DATABASE_URL) {
    store = await openStore({ url: process.env.DATABASE_URL, env: {} });
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
    reset,
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}
