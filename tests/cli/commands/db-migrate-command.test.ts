// `soz db migrate --to postgres://…` on the demo database, as a team moving from a laptop to a server does
// it: `soz demo` (court portal included) into SQLite, then the copy into an empty PostgreSQL database. Every
// table has the same rows on both sides (counted here, not only by the command), ids and contents kept; new
// rows continue after the copied ids; a second copy into the now full database is refused, and --replace
// copies again over it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { openStore, type Store, saveArticle } from '../../../storage/index.ts';
import { testPostgres } from '../../helpers/test-postgres.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';

function soz(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, SOZ_DB: '', DATABASE_URL: '' },
        timeout: 240_000,
        maxBuffer: 10_000_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every table's rows, in a canonical form (bytes as hex), by table. */
async function dump(store: Store, tables: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: any table of the schema
    const rows = await (store.db as any).selectFrom(table).selectAll().execute();
    out[table] = rows
      .map((r: Record<string, unknown>) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r)
              .sort(([a], [b]) => a.localeCompare(b))
              // pg gives bigint columns as strings and bytea as Buffers: compared as text and hex.
              .map(([k, v]) => [
                k,
                v instanceof Uint8Array
                  ? Buffer.from(v).toString('hex')
                  : typeof v === 'number' || typeof v === 'bigint'
                    ? String(v)
                    : v,
              ]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

describe.skipIf(testPostgres().kind !== 'server')('soz db migrate: the demo database into PostgreSQL', () => {
  const dbPath = join(tempDir('soz-migrate-'), 'demo.sqlite');
  let target: TestStore;
  let first: Awaited<ReturnType<typeof soz>>;

  beforeAll(async () => {
    const demo = await soz(['--db', dbPath, 'demo']);
    expect(demo.code, demo.stderr.slice(-3000)).toBe(0);
    target = await openTestStore('postgres');
    first = await soz(['--db', dbPath, 'db', 'migrate', '--to', target.url!]);
  }, 300_000);
  afterAll(async () => target?.close());

  it('copies every table with equal counts, and prints them', async () => {
    expect(first.code, first.stderr).toBe(0);
    process.stdout.write(`[db migrate] the demo database:\n${first.stdout}`);
    const source = await openStore({ path: dbPath, env: {} });
    try {
      const lines = first.stdout.split('\n').filter((l) => / ok$/.test(l));
      const printed = Object.fromEntries(
        lines.map((l) => {
          const [table, sqlite, pg] = l.trim().split(/\s+/);
          return [table!, [Number(sqlite), Number(pg)]];
        }),
      );
      // Every table of the schema is there (migrations' tables included), with the demo's data in it.
      for (const table of [
        'items',
        'classifications',
        'review_tasks',
        'review_task_items',
        'dataset_entries',
        'dataset_entry_sources',
        'crawl_runs',
        'crawl_run_sources',
      ])
        expect(printed[table]?.[0], table).toBeGreaterThan(0);
      for (const [table, [sqlite, pg]] of Object.entries(printed)) {
        const count = async (s: Store) => (await dump(s, [table]))[table]!.length;
        expect([sqlite, pg], table).toEqual([await count(source), await count(target.store)]);
      }
      expect(first.stdout).toMatch(/\d+ tables, \d+ rows, equal counts on both sides/);
      // Court items too: the demo crawled the imitation portal.
      const court = await target.store.db
        .selectFrom('items')
        .select('id')
        .where('kind', '=', 'court')
        .execute();
      expect(court.length).toBeGreaterThan(0);
      // Not only counts: every row of every table is the same, ids included.
      const tables = Object.keys(printed);
      expect(await dump(target.store, tables)).toEqual(await dump(source, tables));
    } finally {
      await source.close();
    }
  });

  it('continues ids after the copied ones', async () => {
    const max = await target.store.db
      .selectFrom('items')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    const saved = await saveArticle(target.store, {
      sourceId: 'after-migration',
      kind: 'news',
      url: 'http://127.0.0.1/after-migration/1',
      canonicalUrl: 'http://127.0.0.1/after-migration/1',
      title: 'Первая новость после переезда',
      text: 'Текст новости, сохранённой в PostgreSQL после переноса базы.',
      publishedAt: '2020-09-01T10:00:00.000Z',
      author: null,
      section: null,
      langHint: 'ru',
      fetchedAt: '2020-09-01T12:00:00.000Z',
      html: null,
      extractedBy: 'generic',
    });
    expect(saved.status).toBe('new');
    expect(saved.itemId).toBe(Number(max.max) + 1);
  });

  it('refuses a target that holds rows, and with --replace copies over it', async () => {
    const again = await soz(['--db', dbPath, 'db', 'migrate', '--to', target.url!]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty \(.*items \d+.*\); nothing was copied\. Give --replace/);
    const replaced = await soz(['--db', dbPath, 'db', 'migrate', '--to', target.url!, '--replace', '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const report = JSON.parse(replaced.stdout) as {
      tables: { table: string; source: number; target: number }[];
    };
    for (const t of report.tables) expect(t.target, t.table).toBe(t.source);
    // The row added after the first copy is gone: the target is the SQLite database again.
    const extra = await target.store.db
      .selectFrom('items')
      .select('id')
      .where('source_id', '=', 'after-migration')
      .execute();
    expect(extra).toEqual([]);
  });
});
