// The rebuild of the real dev set's cache from the committed manifest and saved search answers. The texts below are
// our own writing, shaped like the tool's `pages` answers; no third-party text is used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGathered, entryId } from '../../evaluation/add-gathered.ts';
import { buildRealDev, queriesToRun } from '../../evaluation/build-real-dev.ts';
import { normalizeExcerptText, sha256 } from '../../evaluation/excerpt-text.ts';
import { excludedPages } from '../../evaluation/excluded-pages.ts';
import { type ManifestEntry, manifestLine } from '../../evaluation/real-dev-manifest.ts';
import { mixedGroups, parseGroups } from '../../evaluation/real-dev-split.ts';
import { answerPath, readAnswer } from '../../evaluation/search-answers.ts';
import { partOf } from '../../evaluation/split-real-dev.ts';

const QUERY = 'корреспондента задержали у акимата';
const URL_A = 'https://news.example.kz/2031/detained-reporter';
const URL_B = 'https://other.example.kz/press-day';
// Our own wording: a headline, a blank line, then a paragraph (the normaliser folds "\n\n" into "\n").
const TEXT_A =
  'Корреспондента задержали у акимата\n\nВ среду полицейские доставили в отдел корреспондента местной газеты, который снимал пикет у здания акимата.';
const TEXT_B = 'В районе отметили День работников СМИ: заместитель акима вручил журналистам грамоты.';

function entryFor(
  url: string,
  text: string,
  first: string,
  extra: Partial<ManifestEntry> = {},
): ManifestEntry {
  const norm = normalizeExcerptText(text);
  const start = norm.indexOf(first);
  const nl = norm.indexOf('\n', start);
  const end = nl < 0 ? norm.length : nl;
  return {
    id: entryId(url, start, end),
    url,
    query: QUERY,
    rank: 1,
    start,
    end,
    sha256: sha256(norm.slice(start, end)),
    lang: 'ru',
    script: 'cyrl',
    kind: 'paragraph',
    source: 'news',
    candidate: true,
    category: 'detention',
    alsoFits: null,
    labeller: 'test',
    reason: 'fixture',
    ...extra,
  };
}

function saveAnswer(dir: string, query: string, results: { url: string; excerpt: string }[]): void {
  // The answer exactly as the tool prints it, with fields the build does not read.
  const answer = {
    corpus: 'pages',
    query,
    count: results.length,
    results: results.map((r, i) => ({ rank: i + 1, ...r })),
    note: 'reference only',
  };
  writeFileSync(answerPath(query, dir), JSON.stringify(answer));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'real-dev-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('buildRealDev', () => {
  const headline = entryFor(URL_A, TEXT_A, 'Корреспондента задержали', { kind: 'headline' });
  const paragraph = entryFor(URL_A, TEXT_A, 'В среду полицейские');

  it('verifies each excerpt by its hash and writes its text', () => {
    saveAnswer(dir, QUERY, [{ url: URL_A, excerpt: TEXT_A }]);
    const report = buildRealDev([headline, paragraph], { responsesDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.excerpts.map((e) => e.text)).toEqual([
      'Корреспондента задержали у акимата',
      'В среду полицейские доставили в отдел корреспондента местной газеты, который снимал пикет у здания акимата.',
    ]);
  });

  it('still verifies an answer that differs only in spacing (non-breaking spaces, CRLF, doubled blanks)', () => {
    const spaced = TEXT_A.replace('у акимата\n\n', 'у\u00a0акимата \r\n\r\n').replace(
      'В среду ',
      'В  среду ',
    );
    saveAnswer(dir, QUERY, [{ url: `http://www.${URL_A.slice('https://'.length)}/`, excerpt: spaced }]);
    const report = buildRealDev([headline, paragraph], { responsesDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.excerpts).toHaveLength(2);
  });

  it('skips a result the tool gives without an address (no entry can name its page)', () => {
    writeFileSync(
      answerPath(QUERY, dir),
      JSON.stringify({
        corpus: 'pages',
        query: QUERY,
        count: 2,
        results: [
          { rank: 1, url: URL_A, excerpt: TEXT_A },
          { rank: 2, excerpt: TEXT_B },
        ],
      }),
    );
    expect(readAnswer(QUERY, dir)?.results.map((r) => r.url)).toEqual([URL_A]);
    expect(buildRealDev([headline, paragraph], { responsesDir: dir }).problems).toEqual([]);
    writeFileSync(
      answerPath(QUERY, dir),
      JSON.stringify({ query: QUERY, results: [{ rank: 1, url: URL_A }] }),
    );
    expect(() => readAnswer(QUERY, dir)).toThrow('results[0] needs "url" and "excerpt" strings');
  });

  it('reports a changed text as changed and writes nothing for it', () => {
    saveAnswer(dir, QUERY, [
      { url: URL_A, excerpt: TEXT_A.replace('в среду', 'во вторник').replace('В среду', 'Во вторник') },
    ]);
    const report = buildRealDev([headline, paragraph], { responsesDir: dir });
    expect(report.excerpts.map((e) => e.id)).toEqual([headline.id]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        id: paragraph.id,
        kind: 'changed',
        detail: expect.stringContaining('differs'),
      }),
    ]);
    expect(report.missingQueries).toEqual([]);
  });

  it('lists a missing answer as a query to run, with its corpus and the file to save it in', () => {
    const report = buildRealDev([headline, paragraph], { responsesDir: dir });
    expect(report.excerpts).toEqual([]);
    expect(report.problems.map((p) => p.kind)).toEqual(['no-answer', 'no-answer']);
    expect(queriesToRun([headline, paragraph], report, dir)).toEqual([
      { corpus: 'pages', query: QUERY, file: answerPath(QUERY, dir), entries: 2 },
    ]);
  });

  it('lists the query again when its saved answer lacks a page the manifest needs', () => {
    const other = entryFor(URL_B, TEXT_B, 'В районе', { candidate: false, category: null });
    saveAnswer(dir, QUERY, [{ url: URL_A, excerpt: TEXT_A }]);
    const report = buildRealDev([headline, other], { responsesDir: dir });
    expect(report.problems).toEqual([expect.objectContaining({ id: other.id, kind: 'no-result' })]);
    expect(report.missingQueries).toEqual([QUERY]);
  });

  it('refuses an entry whose page is now reserved for independent evaluation', () => {
    saveAnswer(dir, QUERY, [{ url: URL_A, excerpt: TEXT_A }]);
    const report = buildRealDev([headline, paragraph], { responsesDir: dir, excluded: new Set([URL_A]) });
    expect(report.excerpts).toEqual([]);
    expect(report.problems.map((p) => p.kind)).toEqual(['excluded', 'excluded']);
  });
});

describe('excludedPages', () => {
  it('takes the pages a checker script names as excluded, and fails loudly when the script is missing', () => {
    // A stand-in for ../shared/scripts/excluded-page.mjs with the same output format ("ok URL" / "excluded URL").
    const script = join(dir, 'checker.mjs');
    writeFileSync(
      script,
      "let bad = false; for (const u of process.argv.slice(2)) { const x = u.includes('reserved'); bad ||= x; console.log((x ? 'excluded ' : 'ok ') + u); } process.exit(bad ? 1 : 0);\n",
    );
    const urls = ['https://a.example.kz/reserved-1', 'https://a.example.kz/free'];
    expect([...excludedPages(urls, script)]).toEqual(['https://a.example.kz/reserved-1']);
    expect(() => excludedPages(urls, join(dir, 'absent.mjs'))).toThrow(/absent\.mjs is missing/);
  });
});

describe('addGathered', () => {
  it('drops a result on an excluded page, appends the others and saves their answer', () => {
    const manifest = join(dir, 'manifest.jsonl');
    const first = entryFor(URL_B, TEXT_B, 'В районе', {
      candidate: false,
      category: null,
      query: 'другой запрос',
    });
    writeFileSync(manifest, `${manifestLine(first)}\n`);
    const batch = join(dir, 'batch.jsonl');
    const line = (url: string) =>
      JSON.stringify({
        q: QUERY,
        rank: 1,
        url,
        lang: 'ru',
        src: 'news',
        x: TEXT_A,
        items: [{ f: 'Корреспондента задержали', k: 'h', c: 'detention', r: 'headline: reporter detained' }],
      });
    writeFileSync(batch, `${line('https://reserved.example.kz/x')}\n${line(URL_A)}\n`);
    const report = addGathered(batch, manifest, {
      labeller: 'test',
      responsesDir: dir,
      excluded: (urls) => new Set(urls.filter((u) => u.includes('reserved'))),
    });
    expect(report.skipped).toEqual([expect.stringContaining('reserved for independent evaluation')]);
    expect(report.added.map((e) => [e.url, e.category, e.kind])).toEqual([[URL_A, 'detention', 'headline']]);
    const lines = readFileSync(manifest, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(manifestLine(first)); // the old line is untouched: the manifest is append-only
    expect(lines).toHaveLength(2);
    expect(readAnswer(QUERY, dir)?.results.map((r) => r.url)).toEqual([URL_A]);
  });
});

describe('partOf', () => {
  it('puts every excerpt of one event group on the same side, whatever its page', () => {
    const sides = new Set(
      ['https://a.example.kz/1', 'https://b.example.kz/2', 'https://c.example.kz/3'].map((url) =>
        partOf({ url, group: 'astana-rally-2031' }),
      ),
    );
    expect(sides.size).toBe(1);
  });

  it('holds out about one page in three, the same way on every run, and keeps an explicit part', () => {
    const urls = Array.from({ length: 300 }, (_, i) => `https://news.example.kz/item/${i}`);
    const held = urls.filter((url) => partOf({ url }) === 'heldout').length;
    expect(held).toBeGreaterThan(70);
    expect(held).toBeLessThan(130);
    expect(urls.map((url) => partOf({ url }))).toEqual(urls.map((url) => partOf({ url })));
    expect(partOf({ url: urls[0]!, part: 'tuning' })).toBe('tuning');
  });
});

describe('event groups', () => {
  it('joins pages to an event through the groups file, so the split keeps them together', () => {
    const groups = parseGroups(
      JSON.stringify({ 'rally-2031': ['https://a.example.kz/1', 'https://b.example.kz/2'] }),
      'groups.json',
    );
    expect(partOf({ url: 'https://a.example.kz/1' }, groups)).toBe(
      partOf({ url: 'https://c.example.kz/3', group: 'rally-2031' }, groups),
    );
    expect(partOf({ url: 'https://b.example.kz/2' }, groups)).toBe(
      partOf({ url: 'https://a.example.kz/1' }, groups),
    );
  });

  it('names a page listed under two groups, and a page whose excerpts disagree on their group', () => {
    expect(() =>
      parseGroups(
        JSON.stringify({ one: ['https://a.example.kz/1'], two: ['https://a.example.kz/1'] }),
        'g.json',
      ),
    ).toThrow(/g\.json: https:\/\/a\.example\.kz\/1 is in two groups, one and two/);
    const a = entryFor(URL_A, TEXT_A, 'Корреспондента', { group: 'one' });
    const b = entryFor(URL_A, TEXT_A, 'В среду');
    expect([...mixedGroups([a, b], new Map())]).toEqual([[URL_A, ['(none)', 'one']]]);
    expect(mixedGroups([a, b], new Map([[URL_A, 'one']])).size).toBe(0);
  });
});
