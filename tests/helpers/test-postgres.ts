// The PostgreSQL the "postgres" suites run against, as postgres-global-setup.ts provides it, and a fresh
// database on it for one store: created from the server's admin URL, dropped again when the store closes.
import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';

export type TestPostgres =
  | {
      readonly kind: 'server';
      readonly adminUrl: string;
      readonly label: string;
      /** Started by the tests (embedded): ours to log in; a server of DATABASE_URL is only used. */
      readonly owned: boolean;
    }
  | { readonly kind: 'pglite'; readonly label: string };

declare module 'vitest' {
  export interface ProvidedContext {
    sozTestPostgres: TestPostgres;
  }
}

export const TEST_DATABASE_PREFIX = 'soz_test_';
/** In the server's admin database: one row per test database created (the run's closing line counts them). */
export const TEST_LOG_TABLE = 'soz_test_databases';

/** What the global setup started; PGlite when run without it (a single file run outside the config). */
export function testPostgres(): TestPostgres {
  try {
    return inject('sozTestPostgres') ?? { kind: 'pglite', label: 'PGlite' };
  } catch {
    return { kind: 'pglite', label: 'PGlite' };
  }
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

let created = 0;

async function admin(adminUrl: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return client;
}

/** A new, empty database on the test server, named after this process; `drop()` removes it. */
export async function createTestDatabase(server: {
  readonly adminUrl: string;
  readonly owned: boolean;
}): Promise<TestDatabase> {
  const { adminUrl } = server;
  created += 1;
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${created}_${randomBytes(3).toString('hex')}`;
  const client = await admin(adminUrl);
  try {
    await client.query(`create database "${name}"`);
    const file = (expect.getState().testPath ?? 'unknown').replace(/^.*\/tests\//, 'tests/');
    if (server.owned) {
      await client.query(`insert into ${TEST_LOG_TABLE} (name, file) values ($1, $2)`, [name, file]);
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    drop: async () => {
      const c = await admin(adminUrl);
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
