// `soz crawl`, `soz items list`, `soz sources` as a user runs them: a child process against the imitation
// outlets, with the real classifier; bad input is one line on stderr, a non-zero exit and no database.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { type NewsSites, startNewsSites } from '../../../imitation/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

function soz(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('soz crawl / items / sources', () => {
  let sites: NewsSites;
  const dir = tempDir('soz-cli-');
  const db = join(dir, 'soz.sqlite');
  const sourcesFile = join(dir, 'sources.json');

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    writeFileSync(sourcesFile, sites.sourcesJson());
  });
  afterAll(async () => {
    await sites?.close();
  });

  it('rejects an unknown source id in one line, without creating the database', async () => {
    const r = await soz(['--db', db, 'crawl', '--sources', sourcesFile, '--source', 'no-such-outlet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^soz: unknown source "no-such-outlet" \(not in .*sources\.json; known: demo-vestnik/,
      ),
    ]);
    expect(existsSync(db)).toBe(false);
  });

  it('rejects a corrupt sources file naming file and line, without creating the database', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{"sources": [\n  {"id": "x", "kind": "rss", "url": "https://e.kz/rss"},\n  {"id": "y" "kind": "rss"}\n]}\n',
    );
    const r = await soz(['--db', db, 'crawl', '--sources', bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^soz: .*bad\.json:3: not valid JSON/);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({ sources: [{ id: 'x', kind: 'rss', url: 'https://e.kz/rss', rate: -1 }] }),
    );
    const r2 = await soz(['--db', db, 'crawl', '--sources', invalid]);
    expect(r2.stderr.trim()).toMatch(/invalid\.json: source "x", field "rate": must be a positive number/);
    expect(existsSync(db)).toBe(false);
  });

  it('crawls, printing one line per source, and lists the items as JSON', async () => {
    const r = await soz([
      '--db',
      db,
      'crawl',
      '--sources',
      sourcesFile,
      '--source',
      'demo-dala',
      '--source',
      'demo-zharshy',
    ]);
    expect(r.code).toBe(0);
    // The shipped config/crawl.json still names the placeholder contact: the crawl says so, and goes on.
    expect(r.stderr).toMatch(/User-Agent's contact https:\/\/soz-monitor\.example\/crawler reaches no one/);
    expect(r.stdout.trim().split('\n')).toEqual([
      // Each outlet now carries one news brief too: stored, and counted apart as "short".
      'demo-dala: succeeded — found 7, new 7, updated 0, unchanged 0, failed 0, short 1',
      'demo-zharshy: succeeded — found 9, new 9, updated 0, unchanged 0, failed 0, short 1',
    ]);
    const list = await soz(['--db', db, 'items', 'list', '--json', '--source', 'demo-dala']);
    const items = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items).toHaveLength(7);
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'candidate',
        'categories',
        'id',
        'lang',
        'publishedAt',
        'script',
        'source',
        'textLength',
        'title',
        'url',
      ].sort(),
    );
    const oral = items.find((i) => i.title.startsWith('Оралда'));
    expect(oral).toMatchObject({
      source: 'demo-dala',
      lang: 'kk',
      script: 'cyrl',
      publishedAt: '2020-08-15T08:30:00.000Z',
    });
    const since = await soz(['--db', db, 'items', 'list', '--json', '--since', '2020-08-20']);
    expect(
      since.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).publishedAt >= '2020-08-20'),
    ).not.toContain(false);
  }, 120_000);

  it('fails (exit 1) when every source fails', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({ sources: [{ id: 'gone', kind: 'rss', url: `${sites.urls.faulty}/rss-gone.xml` }] }),
    );
    const r = await soz(['--db', db, 'crawl', '--sources', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^gone: failed — found 0, .* \(.*rss-gone\.xml: HTTP 404\)/);
  }, 120_000);

  it('lists and checks sources', async () => {
    const list = await soz(['sources', 'list', '--sources', sourcesFile]);
    expect(list.stdout).toMatch(/^demo-vestnik\s+rss\s+ru\s+http:\/\/127\.0\.0\.1/m);
    const check = await soz(['sources', 'check', '--sources', sourcesFile, 'demo-vestnik']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /^demo-vestnik: ok — entry points 1\/1, 9 article links; newest: "В министерстве информации/,
    );
  }, 120_000);
});
