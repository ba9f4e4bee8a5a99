// `soz sources add / health` and the global options as a user types them: a child process (bin/soz.mjs, and
// `npm run` for the README's forms) against the imitation outlets on 127.0.0.1. The registry is a commented
// JSONC file, as config/sources.json is: adding an outlet must keep its comments and the other entries'
// order, and the entry it writes must crawl right after.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { type NewsSites, startNewsSites } from '../../../imitation/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

type Run = { code: number; stdout: string; stderr: string };

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      // stdin is a pipe, never a TTY: the confirmation question cannot be asked.
      { cwd: PROJECT_ROOT, timeout: 120_000, env: { ...process.env, CRAWLEE_LOG_LEVEL: 'WARNING' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const soz = (args: string[]) => run(process.execPath, [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args]);
const npm = (args: string[]) => run('npm', ['run', '--silent', ...args]);
const jsonLines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** A registry written by hand: comments above, between and inside entries, a trailing comma. */
function commentedRegistry(sites: NewsSites): string {
  return `// Soz Monitor news sources (test copy). Comments must survive \`soz sources add\`.
{
  /* Kazakh-language outlets first */
  "sources": [
    // Дала үні: a sitemap index with a news sitemap
    { "id": "demo-dala", "name": "Дала үні (imitation)", "kind": "sitemap", "lang": "kk",
      "url": "${sites.urls.dala}/sitemap-index.xml", "rate": 20, "concurrency": 2,
      "articlePattern": "/kk/article/[0-9a-z-]+$" },
    // Zharshy: no feed, a paginated listing
    { "id": "demo-zharshy", "name": "Zharshy (imitation)", "kind": "listing",
      "url": "${sites.urls.zharshy}/news/", "rate": 20 }, // keep this one last-but-new
  ]
}
`;
}

describe('soz sources add', () => {
  let sites: NewsSites;
  const dir = tempDir('soz-sources-cli-');
  const db = join(dir, 'soz.sqlite');
  const registry = join(dir, 'sources.json');
  let original: string;

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    original = commentedRegistry(sites);
    writeFileSync(registry, original);
  });
  afterAll(async () => {
    await sites?.close();
  });

  it('without --yes and without a terminal writes nothing, and says how to confirm', async () => {
    const r = await soz(['sources', 'add', `${sites.urls.vestnik}/`, '--sources', registry, '--rate', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/entry: \{"id":/);
    expect(r.stderr).toMatch(/not written \(pass --yes/);
    expect(readFileSync(registry, 'utf8')).toBe(original);
  }, 120_000);

  it('with --yes writes the entry keeping comments and order, and the entry crawls right after', async () => {
    const r = await soz([
      'sources',
      'add',
      `${sites.urls.vestnik}/`,
      '--id',
      'added-vestnik',
      '--sources',
      registry,
      '--yes',
      '--rate',
      '50',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ /);
    expect(r.stderr).toMatch(/sources\.json: added source "added-vestnik"/);
    const text = readFileSync(registry, 'utf8');
    // Everything before the new entry is byte for byte what was there (comments, layout, trailing comma).
    expect(text.startsWith(original.slice(0, original.indexOf('  ]')))).toBe(true);
    for (const comment of [
      '// Soz Monitor news sources (test copy).',
      '/* Kazakh-language outlets first */',
      '// Дала үні: a sitemap index',
      '// keep this one last-but-new',
    ])
      expect(text).toContain(comment);
    const list = await soz(['sources', 'list', '--json', '--sources', registry]);
    expect(jsonLines(list.stdout).map((s) => s.id)).toEqual(['demo-dala', 'demo-zharshy', 'added-vestnik']);
    expect(jsonLines(list.stdout)[2]).toMatchObject({ kind: 'rss', lang: 'ru' });

    const crawl = await soz(['crawl', '--db', db, '--sources', registry, '--source', 'added-vestnik']);
    expect(crawl.code, crawl.stderr).toBe(0);
    expect(crawl.stdout).toMatch(/^added-vestnik: succeeded — found \d+, new [1-9]\d*, /);
  }, 420_000);

  it('names a bad URL, and refuses an id that exists naming the file; nothing written', async () => {
    const before = readFileSync(registry, 'utf8');
    const bad = await soz(['sources', 'add', 'vestnik.example/news', '--sources', registry, '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^soz: .*"vestnik\.example\/news" is not an absolute URL/);
    const taken = await soz([
      'sources',
      'add',
      `${sites.urls.zharshy}/`,
      '--id',
      'demo-zharshy',
      '--sources',
      registry,
      '--yes',
    ]);
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim()).toBe(`soz: ${registry}: a source with id "demo-zharshy" already exists`);
    // No --id: the id proposed from the host may collide with the one just added; still named, not written.
    const again = await soz([
      'sources',
      'add',
      `${sites.urls.vestnik}/`,
      '--id',
      'added-vestnik',
      '--sources',
      registry,
      '--yes',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(registry);
    expect(readFileSync(registry, 'utf8')).toBe(before);
  }, 120_000);
});

describe('soz sources health, and global options after the command', () => {
  let sites: NewsSites;
  const dir = tempDir('soz-health-cli-');
  const db = join(dir, 'health.sqlite');
  const registry = join(dir, 'sources.json');

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    writeFileSync(registry, sites.sourcesJson());
  });
  afterAll(async () => {
    await sites?.close();
  });

  it('flags the outlet redesigned between two crawls (--db after the command)', async () => {
    // --since: the imitation's articles are from 2020; by default a crawl reads back to its last run only.
    const crawl = [
      'crawl',
      '--sources',
      registry,
      '--source',
      'demo-vestnik',
      '--since',
      '2020-08-01',
      '--db',
      db,
    ];
    const first = await soz(crawl);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
    sites.redesign();
    const second = await soz(crawl);
    expect(second.code, second.stderr).toBe(0);
    const health = await soz(['sources', 'health', '--json', '--sources', registry, '--db', db]);
    expect(health.code, health.stderr).toBe(0);
    const rows = jsonLines(health.stdout);
    const vestnik = rows.find((r) => r.sourceId === 'demo-vestnik');
    expect(vestnik.flags.map((f: { kind: string }) => f.kind)).toContain('extraction');
    const extraction = vestnik.flags.find((f: { kind: string }) => f.kind === 'extraction');
    expect(extraction.message).toMatch(/selectors/);
    expect(extraction.figures).toMatchObject({ was: 'selectors', before: 1 });
    // The sources never crawled are listed too.
    expect(rows.find((r) => r.sourceId === 'demo-dala')).toMatchObject({ status: 'never crawled' });
    const text = await soz(['sources', 'health', '--sources', registry, '--db', db]);
    expect(text.stdout).toMatch(/^\s+CHANGED \(extraction\): bodies were found by selectors/m);
  }, 420_000);

  it('reads --db, --json and --help wherever they stand', async () => {
    const after = await soz(['items', 'list', '--json', '--db', db]);
    expect(after.code, after.stderr).toBe(0);
    const items = jsonLines(after.stdout);
    expect(items.length).toBeGreaterThan(5);
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['demo-vestnik']));
    const before = await soz(['--db', db, '--json', 'items', 'list']);
    expect(before.stdout).toBe(after.stdout);
    const eq = await soz(['items', 'list', '--json', `--db=${db}`]);
    expect(eq.stdout).toBe(after.stdout);

    const help = await soz(['sources', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^soz sources: /);
    expect(help.stdout).toMatch(/^ {2}health\s/m);
    const subHelp = await soz(['sources', 'add', '--help', '--db', db]);
    expect(subHelp.code).toBe(0);
    expect(subHelp.stdout).toMatch(/^Usage: soz sources add URL/m);
    const bare = await soz(['sources']);
    expect(bare.code).toBe(2);
  }, 120_000);

  it("takes the README's `npm run <script> -- …` forms with the options after the command", async () => {
    const list = await npm(['soz', '--', 'items', 'list', '--json', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    expect(jsonLines(list.stdout).length).toBeGreaterThan(5);
    const crawl = await npm([
      'crawl',
      '--',
      '--db',
      db,
      '--sources',
      registry,
      '--source',
      'demo-zharshy',
      '--since',
      '2020-08-01',
    ]);
    expect(crawl.code, crawl.stderr).toBe(0);
    expect(crawl.stdout).toMatch(/^demo-zharshy: succeeded/m);
    const health = await npm(['soz', '--', 'sources', 'health', '--json', '--sources', registry, '--db', db]);
    expect(jsonLines(health.stdout).find((r) => r.sourceId === 'demo-zharshy')?.runId).toBeGreaterThan(0);
    const help = await npm(['soz', '--', 'sources', 'health', '--help']);
    expect(help.stdout).toMatch(/^Usage: soz \[--db PATH\] sources health/m);
  }, 420_000);
});
