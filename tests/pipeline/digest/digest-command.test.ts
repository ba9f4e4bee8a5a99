// `soz digest` on the command line: defaults, files, and one-line errors with exit code 2.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { EXIT, PROJECT_ROOT } from '../../../core/index.ts';
import { captureOutput } from '../../helpers/capture-output.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'dataset', 'reference-2020.jsonl');
const dir = tempDir();
const db = join(dir, 'soz.sqlite');

beforeAll(async () => {
  captureOutput();
  expect(await main(['--db', db, 'dataset', 'import', FIXTURE])).toBe(EXIT.ok);
  vi.restoreAllMocks();
});
afterEach(() => vi.restoreAllMocks());

describe('soz digest', () => {
  it('prints Russian classic markdown by default', async () => {
    const io = captureOutput();
    expect(await main(['--db', db, 'digest', '--month', '2020-08', '--date', '2020-09-01'])).toBe(EXIT.ok);
    expect(io.out()).toContain('вынесено 8 судебных актов');
    expect(io.out()).toContain('1 сентября 2020 г.');
  });

  it('writes html and docx to --out', async () => {
    const html = join(dir, 'august.html');
    const docx = join(dir, 'august.docx');
    captureOutput();
    expect(
      await main([
        '--db',
        db,
        'digest',
        '--month',
        '2020-08',
        '--lang',
        'kk',
        '--format',
        'html',
        '--out',
        html,
      ]),
    ).toBe(EXIT.ok);
    expect(
      await main([
        '--db',
        db,
        'digest',
        '--month',
        '2020-08',
        '--layout',
        'blocks',
        '--format',
        'docx',
        '--out',
        docx,
      ]),
    ).toBe(EXIT.ok);
    expect(readFileSync(html, 'utf8')).toContain('<svg');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [['--month', '2020-13'], /--month: "2020-13" is not a month in the form YYYY-MM/],
    [['--month', 'August'], /--month: "August" is not a month/],
    [['--month', '2020-08', '--lang', 'de'], /--lang: "de" is not one of ru, en, kk/],
    [['--month', '2020-08', '--layout', 'modern'], /--layout: "modern" is not one of classic, blocks/],
    [['--month', '2020-08', '--format', 'pdf'], /--format: "pdf" is not one of md, html, docx/],
    [['--month', '2020-08', '--format', 'docx'], /--format docx needs --out FILE/],
    [[], /--month is required/],
  ])('rejects %j with one line and exit code 2', async (args, message) => {
    const io = captureOutput();
    const out = join(dir, 'never.docx');
    expect(await main(['--db', db, 'digest', ...args])).toBe(EXIT.usage);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
