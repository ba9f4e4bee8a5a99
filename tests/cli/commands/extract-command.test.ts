// `soz extract`: one JSON line per HTML file, folders searched, a missing file named in a one-line error.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT, PROJECT_ROOT } from '../../../core/index.ts';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'soz.mjs');
const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'extract');

async function soz(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, SOZ_DB: '', DATABASE_URL: '' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('soz extract', () => {
  it('prints one JSON line with the article fields for an HTML file, honouring --url', async () => {
    const file = join(FIXTURES, 'kk-no-article-tag.html');
    const r = await soz(['extract', file, '--url', 'https://dala.example.kz/kk/news/x']);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    expect(Object.keys(o)).toEqual(['file', 'url', 'title', 'text', 'publishedAt', 'author', 'lang']);
    expect(o).toMatchObject({
      file,
      url: 'https://dala.example.kz/kk/news/aktobe-tilshi-sotka',
      title: 'Ақтөбеде тілші сотқа шақырылды',
      publishedAt: '2020-08-14T03:15:00.000Z',
      lang: 'kk',
    });
    expect(o.text).toContain('Сот отырысы келесі аптаға белгіленді.');
  });

  it('walks a folder: one line per HTML file, rejected pages marked with their reason', async () => {
    const r = await soz(['extract', FIXTURES]);
    expect(r.code).toBe(EXIT.ok);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(11);
    const listing = rows.find((o) => o.file.endsWith('ru-listing.html'));
    expect(listing.rejected).toMatch(/listing/);
    expect(listing.text).toBeNull();
    const cp1251 = rows.find((o) => o.file.endsWith('ru-windows-1251.html'));
    expect(cp1251.text).toContain('Ольгу Ерёменко');
    expect(r.stderr).toContain('ru-listing.html');
  });

  it('names a missing file in a one-line error and prints nothing on stdout', async () => {
    const missing = join(FIXTURES, 'no-such-page.html');
    const r = await soz(['extract', join(FIXTURES, 'en-microdata.html'), missing]);
    expect(r.code).toBe(EXIT.input);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(missing);
  });

  it('rejects a relative --url', async () => {
    const r = await soz(['extract', join(FIXTURES, 'en-microdata.html'), '--url', 'news/1']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('--url');
  });
});
