// `npm run bench:scale [-- --items N] [--db sqlite|postgres|both] [--keep DIR] [--quick]`: builds a synthetic
// database of N items over ten years (scripts/scale/generate-scale-database.ts) on SQLite and on a real
// PostgreSQL server (DATABASE_URL's server, else an embedded one), and times what a growing archive slows:
// every queue filter and sort (the functions the review server calls for /queue), a candidate page's
// loads, the monthly digest in each layout, a year's export, the crawler's known-link check for 5,000
// links, the database's size, and each command's memory. The same is measured at 10,000 items in the same
// run, and every figure is printed with its ratio to that baseline, so growth is visible.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { suggestCase } from '../pipeline/cases/case-suggestion.ts';
import { DIGEST_LAYOUTS, draftDigest, exportDataset } from '../pipeline/index.ts';
import { loadCandidate } from '../pipeline/review/load-candidate.ts';
import {
  adjacentPendingTasks,
  entryIdsOfMonths,
  getEntry,
  knownUrlsFetchedAt,
  openStore,
  queueFacets,
  queuePage,
  type Store,
} from '../storage/index.ts';
import { startEmbeddedPostgres } from '../tests/helpers/embedded-postgres.ts';
import {
  COURT_SOURCE,
  generateScaleDatabase,
  MONTHS,
  monthOf,
  NEWS_SOURCES,
} from './scale/generate-scale-database.ts';

interface Args {
  items: number;
  db: ('sqlite' | 'postgres')[];
  keep: string | null;
  runs: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { items: 1_000_000, db: ['sqlite', 'postgres'], keep: null, runs: 20 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    if (k === '--items') {
      a.items = Number(v().replace(/_/g, ''));
      if (!Number.isInteger(a.items) || a.items < 1000) throw new Error('--items: a whole number ≥ 1000');
    } else if (k === '--db') {
      const d = v();
      if (d === 'both') a.db = ['sqlite', 'postgres'];
      else if (d === 'sqlite' || d === 'postgres') a.db = [d];
      else throw new Error(`--db: "${d}" is not one of sqlite, postgres, both`);
    } else if (k === '--keep') a.keep = resolve(v());
    else if (k === '--quick') {
      a.items = 30_000;
      a.runs = 5;
    } else if (k === '--runs') a.runs = Number(v());
    else
      throw new Error(`unknown option ${k} (try --items N, --db sqlite|postgres|both, --keep DIR, --quick)`);
  }
  return a;
}

const BASELINE = 10_000;
const TARGETS: Record<string, number> = {
  queue: 200,
  candidate: 200,
  digest: 2000,
  export: 10_000,
  known: 200,
};

interface Figure {
  readonly name: string;
  readonly group: keyof typeof TARGETS | 'generate' | 'size';
  /** p95 in ms for repeated reads, the one time for long commands; bytes for sizes. */
  readonly value: number;
  readonly unit: 'ms' | 'MB';
  readonly rssMb?: number;
  readonly heapMb?: number;
}

/** Times fn `runs` times (after one warm-up) and samples memory meanwhile; returns the p95 and the peaks. */
async function measure(runs: number, fn: (i: number) => Promise<unknown>) {
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const times: number[] = [];
  try {
    await fn(-1);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
    }
  } finally {
    clearInterval(timer);
  }
  times.sort((x, y) => x - y);
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
  return { p95, rssMb: rss / 2 ** 20, heapMb: (heap - before.heapUsed) / 2 ** 20 };
}

async function measureStore(store: Store, items: number, runs: number): Promise<Figure[]> {
  const out: Figure[] = [];
  const add = (name: string, group: Figure['group'], m: { p95: number; rssMb: number; heapMb: number }) => {
    out.push({ name, group, value: m.p95, unit: 'ms', rssMb: m.rssMb, heapMb: m.heapMb });
    console.log(`    ${items}: ${name}: ${m.p95.toFixed(1)} ms`);
  };
  const lastMonth = monthOf(MONTHS - 1);
  const facets = await queueFacets(store, 'pending');
  const pendingTotal = (await queuePage(store, { status: 'pending', limit: 1 })).total;
  const pageSize = 50;
  const lastPage = Math.max(0, Math.floor((pendingTotal - 1) / pageSize));
  // Every filter the queue page offers, each in both sorts; what the server runs for GET /queue.
  const filters: [
    string,
    Parameters<typeof queuePage>[1] extends infer F ? Omit<F & object, 'limit'> : never,
  ][] = [
    ['pending', { status: 'pending' }],
    ['pending, last page', { status: 'pending', offset: lastPage * pageSize }],
    ['category civil_claim', { status: 'pending', category: 'civil_claim' }],
    ['lang kk', { status: 'pending', lang: 'kk' }],
    ['kind court', { status: 'pending', kind: 'court' }],
    ['month', { status: 'pending', month: facets.months[0] ?? lastMonth }],
    ['source', { status: 'pending', sourceId: NEWS_SOURCES[5]! }],
    ['source court-portal', { status: 'pending', sourceId: COURT_SOURCE }],
    ['lang en + kind news', { status: 'pending', lang: 'en', kind: 'news' }],
    ['rejected (decade)', { status: 'rejected' }],
    ['confirmed, lang kk', { status: 'confirmed', lang: 'kk' }],
    ['deferred, source', { status: 'deferred', sourceId: NEWS_SOURCES[0]! }],
  ];
  for (const [label, f] of filters)
    for (const sort of ['score', 'date'] as const) {
      const m = await measure(runs, async () => {
        await queuePage(store, { ...f, sort, limit: pageSize });
        await queueFacets(store, f.status);
      });
      add(`queue: ${label}, by ${sort}`, 'queue', m);
    }

  const pending = (await queuePage(store, { status: 'pending', limit: runs + 1 })).rows;
  add(
    'candidate page loads',
    'candidate',
    await measure(runs, async (i) => {
      const task = pending[Math.max(0, i) % pending.length]!;
      const loaded = await loadCandidate(store, task.id);
      if (!loaded) throw new Error(`candidate ${task.id} did not load`);
      await suggestCase(store, loaded, '', true);
      if (loaded.task.entryId) await getEntry(store, loaded.task.entryId);
      await entryIdsOfMonths(store, loaded.task.month ? [loaded.task.month] : []);
      await adjacentPendingTasks(store, loaded.task);
    }),
  );

  const digestMonth = monthOf(MONTHS - 3); // the newest month whose candidates are all decided
  for (const layout of DIGEST_LAYOUTS)
    for (const format of ['md', 'docx'] as const)
      add(
        `digest ${digestMonth} ${layout} ${format}`,
        'digest',
        await measure(Math.min(runs, 3), () =>
          draftDigest(store, { month: digestMonth, layout, format, draftDate: '2026-01-01' }),
        ),
      );
  const year = Number(digestMonth.slice(0, 4));
  for (const format of ['csv', 'xlsx'] as const)
    add(
      `export ${year} ${format}`,
      'export',
      await measure(Math.min(runs, 2), async () => {
        const r = await exportDataset(store, { kind: 'year', year }, format);
        if (r.count === 0) throw new Error(`export ${year} found no entries`);
      }),
    );

  // A sitemap's 5,000 links: half already stored (items spread over the whole table, news and court), half
  // new, as the incremental crawl checks them. (Before, the stored half was guessed from court URLs and only
  // 371 of the 2,500 were in fact stored.)
  const storedIds = Array.from({ length: 2500 }, (_, k) => 1 + Math.floor((k * items) / 2500));
  const stored = (
    await store.db.selectFrom('items').select('url').where('id', 'in', storedIds).execute()
  ).map((r) => r.url);
  if (stored.length !== storedIds.length) throw new Error(`found ${stored.length} of 2,500 stored links`);
  const links = Array.from({ length: 5000 }, (_, k) =>
    k % 2 === 0 ? stored[k / 2]! : `https://${NEWS_SOURCES[k % 40]}.kz/new/${k}`,
  );
  add('known-link check, 5,000 links', 'known', await measure(runs, () => knownUrlsFetchedAt(store, links)));
  return out;
}

async function sizeMb(store: Store, file: string | null): Promise<number> {
  if (file) {
    let bytes = 0;
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
    return bytes / 2 ** 20;
  }
  const r = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(store.db);
  return Number(r.rows[0]!.n) / 2 ** 20;
}

async function runSize(
  db: 'sqlite' | 'postgres',
  items: number,
  args: Args,
  dir: string,
  pg: { urlOf(name: string): string; admin: AdminClient } | null,
): Promise<Figure[]> {
  const name = `soz_scale_${items}`;
  let store: Store;
  let file: string | null = null;
  // A database a previous run kept in --keep DIR, complete (its last table written), is measured again
  // rather than rebuilt: the way to measure a fix without waiting for the generation.
  let reuse = false;
  if (db === 'sqlite') {
    file = join(dir, `${name}.db`);
    reuse = args.keep !== null && existsSync(file);
    if (!reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    store = await openStore({ path: file });
  } else {
    const exists = (await pg!.admin.query(`select 1 from pg_database where datname = '${name}'`)) as {
      rowCount: number;
    };
    reuse = args.keep !== null && exists.rowCount > 0;
    if (!reuse) {
      await pg!.admin.query(`drop database if exists "${name}"`);
      await pg!.admin.query(`create database "${name}"`);
    }
    store = await openStore({ url: pg!.urlOf(name) });
  }
  if (reuse) {
    const done = await store.db
      .selectFrom('dataset_entry_sources')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(done.n) === 0) {
      await store.close();
      throw new Error(
        `${file ?? name} in ${args.keep} is incomplete (its generation was interrupted): remove it`,
      );
    }
    console.log(`  ${db} ${items}: reusing the database kept in ${args.keep}`);
  }
  try {
    const t0 = performance.now();
    let lastPrint = 0;
    const gen = await measure(0, async (i) => {
      if (i !== -1 || reuse) return;
      const counts = await generateScaleDatabase(store, {
        items,
        onProgress: (table, done, total) => {
          const now = performance.now();
          if (now - lastPrint > 5000 || done === total) {
            lastPrint = now;
            process.stdout.write(
              `  ${db} ${items}: ${table} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${((now - t0) / 1000).toFixed(0)} s)\n`,
            );
          }
        },
      });
      console.log(`  ${db} ${items}: ${JSON.stringify(counts)}`);
    });
    const genMs = performance.now() - t0;
    const figures: Figure[] = reuse
      ? []
      : [
          {
            name: 'generate (bulk insert)',
            group: 'generate',
            value: genMs,
            unit: 'ms',
            rssMb: gen.rssMb,
            heapMb: gen.heapMb,
          },
        ];
    if (db === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
    const mb = await sizeMb(store, file);
    figures.push({ name: 'database size', group: 'size', value: mb, unit: 'MB' });
    figures.push({
      name: 'database size per million items',
      group: 'size',
      value: (mb * 1_000_000) / items,
      unit: 'MB',
    });
    figures.push(...(await measureStore(store, items, args.runs)));
    return figures;
  } finally {
    await store.close();
    if (!args.keep) {
      if (file) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      else await pg!.admin.query(`drop database if exists "${name}"`);
    }
  }
}

type AdminClient = { query(text: string): Promise<unknown>; end(): Promise<void> };

/** A plain client on the server's admin database, for CREATE DATABASE (no migrations there). */
async function adminClient(url: string): Promise<AdminClient> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  return client;
}

function report(db: string, base: Figure[], big: Figure[] | null, items: number) {
  console.log(
    `\n${db}: ${BASELINE.toLocaleString('en')} items${big ? ` and ${items.toLocaleString('en')}` : ''}`,
  );
  const head = big
    ? `${'measure'.padEnd(44)} ${'10k'.padStart(9)} ${`${items / 1000}k`.padStart(9)} ${'ratio'.padStart(7)}  target   RSS MB  heap MB`
    : `${'measure'.padEnd(44)} ${'10k'.padStart(9)}  target   RSS MB  heap MB`;
  console.log(head);
  let missed = 0;
  for (const b of base) {
    const f = big ? big.find((x) => x.name === b.name) : b;
    if (!f) continue; // generation, when the large database was reused
    const target = TARGETS[f.group];
    const ok = target === undefined ? '' : f.value <= target ? `ok <${target}` : `MISS >${target}`;
    if (target !== undefined && f.value > target) missed++;
    const v = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}${f.unit === 'MB' ? 'MB' : ''}`.padStart(9);
    const mem =
      f.rssMb === undefined ? '' : `${f.rssMb.toFixed(0).padStart(7)} ${f.heapMb!.toFixed(0).padStart(8)}`;
    console.log(
      big
        ? `${f.name.padEnd(44)} ${v(b.value)} ${v(f.value)} ${`${(f.value / b.value).toFixed(1)}×`.padStart(7)}  ${ok.padEnd(9)}${mem}`
        : `${f.name.padEnd(44)} ${v(b.value)}  ${ok.padEnd(9)}${mem}`,
    );
  }
  console.log(missed === 0 ? `${db}: every target met` : `${db}: ${missed} target(s) missed`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'soz-scale-'));
  mkdirSync(dir, { recursive: true });
  const sizes = args.items > BASELINE ? [BASELINE, args.items] : [BASELINE];
  try {
    for (const db of args.db) {
      let pg: { urlOf(name: string): string; admin: AdminClient } | null = null;
      let stop: (() => Promise<void>) | null = null;
      if (db === 'postgres') {
        const env = process.env.DATABASE_URL;
        if (env) {
          const u = new URL(env);
          pg = {
            urlOf: (name) => Object.assign(new URL(env), { pathname: `/${name}` }).toString(),
            admin: await adminClient(env),
          };
          console.log(`PostgreSQL at ${u.host} (DATABASE_URL)`);
        } else {
          const server = await startEmbeddedPostgres({ maxConnections: 20 });
          console.log(
            `PostgreSQL ${server.version} embedded, started in ${server.startSeconds.toFixed(1)} s`,
          );
          pg = { urlOf: (n) => server.urlOf(n), admin: await adminClient(server.adminUrl) };
          stop = () => server.stop();
        }
      }
      try {
        const results: Figure[][] = [];
        for (const n of sizes) {
          console.log(`${db}: generating ${n.toLocaleString('en')} items`);
          results.push(await runSize(db, n, args, dir, pg));
        }
        report(db, results[0]!, results[1] ?? null, args.items);
      } finally {
        await pg?.admin.end();
        await stop?.();
      }
    }
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`\ndatabases kept in ${dir}: ${readdirSync(dir).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
