// Queueing a crawl for workers: `soz crawl --enqueue` on PostgreSQL records a queued run and one job per
// source; on SQLite it, and `soz worker`, refuse with the reason (SQLite crawls in one process). The court
// portal's jobs are a type of their own: a worker started with --jobs court takes them and leaves the news
// jobs to others, and the run stays open until those are done too.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, silentLogger } from '../../../core/index.ts';
import {
  type CourtSource,
  CrawlQueue,
  enqueueCrawl,
  loadCrawlConfig,
  parseNewsSources,
  runWorker,
  type SourceReport,
  workerSettings,
} from '../../../crawlers/index.ts';
import { getCrawlRun, listLeases, startSourceRun, updateSourceRun } from '../../../storage/index.ts';
import { testPostgres } from '../../helpers/test-postgres.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';
import { testClassifier } from '../test-classifier.ts';

const REGISTRY = {
  sources: [
    { id: 'queue-ru', kind: 'rss', lang: 'ru', url: 'http://127.0.0.1:9/rss.xml' },
    { id: 'queue-kk', kind: 'sitemap', lang: 'kk', url: 'http://127.0.0.1:9/sitemap.xml' },
    { id: 'queue-off', kind: 'rss', url: 'http://127.0.0.1:9/off.xml', enabled: false },
  ],
};

function soz(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, SOZ_DB: '', DATABASE_URL: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('soz crawl --enqueue and soz worker on SQLite', () => {
  const dir = tempDir('soz-enqueue-');
  const db = join(dir, 'local.sqlite');
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(REGISTRY));

  it('refuse, saying that SQLite crawls in one process', async () => {
    const enqueue = await soz(['--db', db, 'crawl', '--enqueue', '--sources', join(dir, 'sources.json')], {});
    expect(enqueue.code).toBe(2);
    expect(enqueue.stderr).toMatch(/--enqueue needs PostgreSQL: set DATABASE_URL .*local\.sqlite/);
    const worker = await soz(['--db', db, 'worker'], {});
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/soz worker needs PostgreSQL: set DATABASE_URL/);
  }, 60_000);
});

describe.skipIf(testPostgres().kind !== 'server')('queueing crawl jobs on PostgreSQL', () => {
  let t: TestStore;
  let queue: CrawlQueue;
  const settings = workerSettings({
    ...loadCrawlConfig(),
    workers: { pollSeconds: 0.5, leaseSeconds: 2, retryDelaySeconds: 0 },
  });

  beforeAll(async () => {
    t = await openTestStore('postgres');
    queue = await CrawlQueue.open({
      url: t.url!,
      settings,
      onError: (error) => {
        throw error;
      },
      connections: 1,
    });
  });
  afterAll(async () => {
    await queue?.close();
    await t?.close();
  });

  it('soz crawl --enqueue records a queued run and one job per enabled source, and crawls nothing', async () => {
    const dir = tempDir('soz-enqueue-');
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(REGISTRY));
    const r = await soz(['crawl', '--enqueue', '--sources', join(dir, 'sources.json')], {
      DATABASE_URL: t.url!,
    });
    expect(r.code, r.stderr).toBe(0);
    const m = /^crawl run #(\d+): queued 2 news and 0 court job\(s\) for soz worker$/m.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const run = (await getCrawlRun(t.store, Number(m![1])))!;
    expect(run.status).toBe('queued');
    expect(run.options.sources).toEqual(['queue-ru', 'queue-kk']);
    expect(run.sources).toEqual([]);
    expect(await queue.waiting('news')).toBe(2);
    expect(await queue.waiting('court')).toBe(0);
    // Taken and completed here, so the next test starts with an empty queue.
    for (let job = await queue.take('news'); job; job = await queue.take('news'))
      await queue.complete(job, { test: true });
  }, 60_000);

  it('soz schedule --now queues the jobs, and a second scheduler on the same database queues nothing', async () => {
    const dir = tempDir('soz-schedule-');
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(REGISTRY));
    const before = await queue.waiting('news');
    const start = () => {
      const child = spawn(
        process.execPath,
        [join(PROJECT_ROOT, 'bin/soz.mjs'), 'schedule', '--now', '--sources', join(dir, 'sources.json')],
        {
          cwd: PROJECT_ROOT,
          env: { ...process.env, SOZ_DB: '', DATABASE_URL: t.url! },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let log = '';
      child.stderr.on('data', (c: Buffer) => (log += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, log: () => log, exited };
    };
    const waitFor = async (what: RegExp, log: () => string) => {
      const end = Date.now() + 45_000;
      while (!what.test(log())) {
        if (Date.now() > end) throw new Error(`no ${what} in:\n${log()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const first = start();
    await waitFor(/crawl run #\d+: queued 2 job\(s\) for soz worker/, first.log);
    const second = start();
    await waitFor(/queued this crawl already; nothing queued here/, second.log);
    for (const s of [first, second]) s.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
    expect(await queue.waiting('news')).toBe(before + 2);
    for (let job = await queue.take('news'); job; job = await queue.take('news'))
      await queue.complete(job, { test: true });
  }, 90_000);

  it('a court worker takes the court job, not the news job, and the run waits for both', async () => {
    const news = parseNewsSources({ sources: [REGISTRY.sources[0]] }, 'test');
    const court: CourtSource[] = [
      { id: 'court-test', name: 'Court portal (test)', kind: 'court', url: 'http://127.0.0.1:9/' },
    ];
    const { runId } = await enqueueCrawl(t.store, queue, { news, court });
    const stop = new AbortController();
    const crawled: string[] = [];
    const worker = runWorker(t.store, {
      queue,
      kinds: ['court'],
      concurrency: 1,
      classifier: testClassifier,
      config: loadCrawlConfig(),
      logger: silentLogger,
      signal: stop.signal,
      court: { config: { sources: court } as never },
      crawlCourt: async (store, source, options) => {
        crawled.push(source.id);
        // What crawlCourtSource records for a finished source of a run.
        await startSourceRun(store, options.runId!, source.id);
        const counts = { found: 3, newItems: 3, updated: 0, unchanged: 0, failed: 0 };
        await updateSourceRun(store, options.runId!, source.id, counts, [], 'succeeded');
        const report: SourceReport = {
          sourceId: source.id,
          name: source.name,
          status: 'succeeded',
          ...counts,
          fetched: 3,
          errors: [],
        };
        return report;
      },
    });
    const deadline = Date.now() + 30_000;
    while ((await getCrawlRun(t.store, runId))!.sources.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    while ((await listLeases(t.store)).some((l) => l.name.startsWith('source:')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    stop.abort();
    const summary = await worker;
    expect(crawled).toEqual(['court-test']);
    expect(summary.jobs).toBe(1);
    const run = (await getCrawlRun(t.store, runId))!;
    expect(run.sources.map((s) => [s.sourceId, s.status])).toEqual([['court-test', 'succeeded']]);
    expect(run.status).toBe('queued');
    expect(await queue.waiting('news')).toBe(1);
    expect(await queue.unfinished('court')).toBe(0);
  }, 60_000);
});
