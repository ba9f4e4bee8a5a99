// `soz dataset import|export` on the command line: summaries on stdout, one-line errors, exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { EXIT, PROJECT_ROOT } from '../../../core/index.ts';
import { captureOutput } from '../../helpers/capture-output.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'dataset', 'reference-2020.jsonl');

afterEach(() => vi.restoreAllMocks());

describe('soz dataset', () => {
  it('imports, re-imports without duplicates, and exports a month as CSV to stdout', async () => {
    const dir = tempDir();
    const db = join(dir, 'soz.sqlite');
    let io = captureOutput();
    expect(await main(['--db', db, 'dataset', 'import', FIXTURE])).toBe(EXIT.ok);
    expect(io.out()).toContain('180 rows: 180 inserted, 0 updated, 0 unchanged');
    vi.restoreAllMocks();
    io = captureOutput();
    expect(await main(['--db', db, 'dataset', 'import', FIXTURE, '--json'])).toBe(EXIT.ok);
    expect(JSON.parse(io.out())).toMatchObject({ rows: 180, inserted: 0, unchanged: 180, skipped: 0 });
    vi.restoreAllMocks();
    io = captureOutput();
    expect(await main(['--db', db, 'dataset', 'export', '--month', '2020-08', '--format', 'csv'])).toBe(
      EXIT.ok,
    );
    const lines = io.out().trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,month,eventDate,category,block,stage,/);
    expect(lines).toHaveLength(21);
    vi.restoreAllMocks();
    const xlsx = join(dir, 'year.xlsx');
    io = captureOutput();
    expect(
      await main(['--db', db, 'dataset', 'export', '--year', '2019', '--format', 'xlsx', '--out', xlsx]),
    ).toBe(EXIT.ok);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(io.err()).toContain('30 entries written to');
  });

  it('exits 3 with the row and field of the first error, and 2 for bad options', async () => {
    const dir = tempDir();
    const db = join(dir, 'soz.sqlite');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ month: '2020-08', category: 'attack', stage: 'charge' })}\n`);
    let io = captureOutput();
    expect(await main(['--db', db, 'dataset', 'import', bad])).toBe(EXIT.input);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toContain(
      'bad.jsonl: row 1, field stage: category attack (block A) needs stage incident',
    );
    vi.restoreAllMocks();
    for (const args of [
      ['export', '--format', 'pdf'],
      ['export', '--format', 'xlsx'],
      ['export', '--month', '2020-8', '--format', 'csv'],
      ['export', '--month', '2020-08', '--year', '2020', '--format', 'csv'],
      ['import'],
    ]) {
      io = captureOutput();
      expect(await main(['--db', db, 'dataset', ...args])).toBe(EXIT.usage);
      expect(io.err().trim().split('\n')).toHaveLength(1);
      vi.restoreAllMocks();
    }
  });
});
