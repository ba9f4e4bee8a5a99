// The CLI's contract with its users: clear one-line errors, meaningful exit codes, stdout kept for data.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT, PROJECT_ROOT } from '../../core/index.ts';
import { tempDir } from '../helpers/test-stores.ts';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'soz.mjs');

async function soz(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, SOZ_DB: '', DATABASE_URL: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('soz command line', () => {
  it('lists the commands with --help and exits 0', async () => {
    const r = await soz(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Usage: soz \[--db PATH\] <command>/);
    expect(r.stdout).toMatch(/\bdb\b/);
  });

  it('rejects an unknown subcommand with one line on stderr and exit code 2', async () => {
    const r = await soz(['frobnicate']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('rejects an unknown option naming it', async () => {
    const r = await soz(['db', 'info', '--colour']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/'--colour'/);
  });

  it('names the file when the database path is not a database, and leaves the file untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.sqlite');
    const content = 'minutes of the editorial meeting\n'.repeat(200);
    writeFileSync(path, content);
    const r = await soz(['--db', path, 'db', 'info']);
    expect(r.code).toBe(EXIT.database);
    expect(r.stderr).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('prints machine-readable output on stdout only, honouring --db', async () => {
    const path = join(tempDir(), 'fresh.sqlite');
    const r = await soz(['--db', path, 'db', 'info', '--json']);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout)).toMatchObject({
      location: path,
      dialect: 'sqlite',
      schemaVersion: expect.any(Number),
      items: 0,
    });
  });
});
