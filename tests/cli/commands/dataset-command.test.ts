// `soz dataset missing-translations`, in-process: what an editor still has to translate before a draft in a
// language is final, as lines or JSON, and a clear error for a language the report is not published in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { EXIT } from '../../../core/index.ts';
import { captureOutput } from '../../helpers/capture-output.ts';
import { tempDir } from '../../helpers/test-stores.ts';

afterEach(() => vi.restoreAllMocks());

let db: string;
const soz = async (...args: string[]) => {
  const io = captureOutput();
  const code = await main(['--db', db, ...args]);
  vi.restoreAllMocks();
  return { code, out: io.out(), err: io.err() };
};

beforeEach(async () => {
  const dir = tempDir();
  db = join(dir, 'soz.sqlite');
  // Quirk: one entry written in English (nothing to translate into English), one Russian with an English
  // translation, one Kazakh without, and a counting-only row with no summary (never narrated).
  const file = join(dir, 'month.csv');
  writeFileSync(
    file,
    [
      'id,month,category,stage,summary,lang,summary_en,sources',
      'm-1,2024-07,threat,incident,A reporter was threatened.,en,,https://example-news.kz/1',
      'm-2,2024-07,blocking,incident,Сайт заблокирован.,ru,The site was blocked.,https://example-news.kz/2',
      'm-3,2024-07,obstruction,incident,Тілшіні сотқа кіргізбеді.,kk,,https://example-news.kz/3',
      'm-4,2024-07,info_denial,incident,,ru,,',
    ].join('\n'),
  );
  expect((await soz('dataset', 'import', file)).code).toBe(EXIT.ok);
});

describe('soz dataset missing-translations', () => {
  it('lists the narrated entries with no summary in the language', async () => {
    const en = await soz('dataset', 'missing-translations', '--month', '2024-07', '--lang', 'en');
    expect(en.code).toBe(EXIT.ok);
    expect(en.out).toContain('2024-07: 1 of 4 entries have no summary in en:');
    expect(en.out).toContain('m-3 (kk): Тілшіні сотқа кіргізбеді.');
    const ru = await soz('dataset', 'missing-translations', '--month', '2024-07', '--lang', 'ru', '--json');
    const rows = ru.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['m-1', 'm-3']);
    expect(rows[0]).toEqual({
      id: 'm-1',
      month: '2024-07',
      lang: 'en',
      summary: 'A reporter was threatened.',
    });
  });

  it('refuses a language the report is not published in', async () => {
    const r = await soz('dataset', 'missing-translations', '--month', '2024-07', '--lang', 'de');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('--lang: "de" is not one of ru, kk, en');
  });
});
