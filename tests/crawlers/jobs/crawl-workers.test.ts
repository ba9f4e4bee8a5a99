// Crawl workers on one PostgreSQL server (the run's embedded one): `soz crawl --enqueue` queues one job per
// outlet of a fleet of ten imitation outlets on four hosts (one outlet slow, one failing), two `soz worker`
// processes run them, and the one crawling the slow outlet is killed with SIGKILL in the middle of it. The
// other hands the dead worker's jobs back and finishes them: every article is stored once, nothing a dead
// worker stored is fetched again, no candidate is left out of the review queue, the run is closed, and at
// no host were there ever more requests in flight, or more starts in a second, than config/crawl.json allows.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import {
  CrawlQueue,
  enqueueCrawl,
  loadCrawlConfig,
  parseNewsSources,
  workerSettings,
} from '../../../crawlers/index.ts';
import { type OutletFleet, startOutletFleet } from '../../../imitation/index.ts';
import {
  candidatesWithoutTask,
  getCrawlRun,
  listCrawlRuns,
  listItems,
  listLeases,
} from '../../../storage/index.ts';
import { testPostgres } from '../../helpers/test-postgres.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';

const RATE = 10; // requests per second per host
const HOST_CONCURRENCY = 2;
const SLOW = 2; // outlet index 2 (fleet-03): 400 ms a response
const FAILING = 9; // outlet index 9 (fleet-10): 503 on everything
const OUTLETS = 10;
const ARTICLES = 10;

interface Worker {
  readonly child: ChildProcess;
  readonly log: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const onServer = testPostgres().kind === 'server';

describe.skipIf(!onServer)('two crawl workers, ten outlets, one worker killed mid-job', () => {
  let t: TestStore;
  let fleet: OutletFleet;
  let dir: string;
  const workers: Worker[] = [];
  let killedPid = 0;
  let storedBeforeKill: string[] = [];
  let runId = 0;

  const env = () => ({ ...process.env, DATABASE_URL: t.url!, SOZ_DB: '', CRAWLEE_LOG_LEVEL: 'WARNING' });
  const startWorker = (): Worker => {
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'bin/soz.mjs'),
        'worker',
        '--concurrency',
        '2',
        '--crawl-config',
        join(dir, 'crawl.json'),
      ],
      { cwd: PROJECT_ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const log: string[] = [];
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      log.push(...lines);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, log, exited };
  };
  // Generous: on a loaded 2-core machine two workers starting under tsx can take a minute before the first fetch.
  const until = async (what: string, test: () => Promise<boolean> | boolean, timeoutMs = 240_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > end) {
        const logs = workers.map((w, i) => `worker ${i}:\n${w.log.slice(-30).join('\n')}`).join('\n');
        throw new Error(`timed out waiting for ${what}\n${logs}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const articleFetches = (url: string) =>
    fleet.requests.filter((r) => r.status === 200 && `${r.host}${r.path}` === url).length;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    dir = tempDir('soz-workers-');
    fleet = await startOutletFleet({
      outlets: OUTLETS,
      hosts: 4,
      articlesPerOutlet: ARTICLES,
      slow: { [SLOW]: 400 },
      failing: [FAILING],
    });
    const config = {
      ...loadCrawlConfig(),
      ratePerSecond: RATE,
      hostConcurrency: HOST_CONCURRENCY,
      requestTimeoutMs: 3000,
      maxRetries: 1,
      backoffBaseMs: 50,
      storeBatchSize: 3,
      storeBatchMaxWaitMs: 300,
      workers: { leaseSeconds: 4, pollSeconds: 0.5, retryDelaySeconds: 0, retryLimit: 3, newsJobMinutes: 5 },
    };
    writeFileSync(join(dir, 'crawl.json'), JSON.stringify(config));
    // Queued as `soz crawl --enqueue` does (crawl-enqueue.test.ts runs the command itself), with this
    // test's retry settings: a job handed back is tried again at once, not after the default 30 s.
    const queue = await CrawlQueue.open({
      url: t.url!,
      settings: workerSettings(config),
      onError: (error) => {
        throw error;
      },
      connections: 1,
    });
    try {
      const news = parseNewsSources(fleet.registry, 'fleet registry');
      runId = (await enqueueCrawl(t.store, queue, { news, court: [] })).runId;
    } finally {
      await queue.close();
    }

    workers.push(startWorker(), startWorker());
    // The slow outlet's worker, once it has fetched a few of its pages, is killed where it stands.
    const slowLease = async () =>
      (await listLeases(t.store)).find((l) => l.name === `source:${fleet.sourceId(SLOW)}`);
    await until('the slow outlet to be crawled halfway', async () => {
      const served = fleet.articleUrls(SLOW).filter((u) => articleFetches(u) > 0).length;
      return served >= 3 && (await slowLease()) !== undefined;
    });
    const lease = (await slowLease())!;
    killedPid = Number(lease.holder.split(':')[1]);
    const victim = workers.find((w) => w.child.pid === killedPid);
    expect(victim, `lease holder ${lease.holder}`).toBeDefined();
    victim!.child.kill('SIGKILL');
    await victim!.exited;
    storedBeforeKill = (await listItems(t.store)).map((i) => i.url);

    await until('the run to close', async () => (await getCrawlRun(t.store, runId))?.status !== 'queued');
    const survivor = workers.find((w) => w.child.pid !== killedPid)!;
    survivor.child.kill('SIGTERM');
  }, 420_000);

  afterAll(async () => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await fleet?.close();
    await t?.close();
  });

  it('the killed worker was mid-job: it had stored part of the slow outlet, not all of it', () => {
    const slowStored = storedBeforeKill.filter((u) => fleet.articleUrls(SLOW).includes(u));
    expect(slowStored.length).toBeLessThan(ARTICLES);
  });

  it('stores every article of the nine working outlets exactly once', async () => {
    const expected = Array.from({ length: OUTLETS }, (_, i) => i)
      .filter((i) => i !== FAILING)
      .flatMap((i) => fleet.articleUrls(i))
      .sort();
    const items = await listItems(t.store);
    expect(items.map((i) => i.url).sort()).toEqual(expected);
    expect(new Set(items.map((i) => i.canonicalUrl)).size).toBe(expected.length);
    // Nothing the dead worker had stored was fetched again; a page it fetched but never stored may have been.
    for (const url of storedBeforeKill) expect(articleFetches(url), url).toBe(1);
    for (const url of expected) expect(articleFetches(url), url).toBeLessThanOrEqual(2);
    // Every candidate is in the review queue, also those of the dead worker's last batch.
    expect(items.some((i) => i.classification?.candidate)).toBe(true);
    expect(await candidatesWithoutTask(t.store)).toEqual([]);
  });

  it('closes the run once every source is done: partial, the failing outlet failed, no source left running', async () => {
    const run = (await getCrawlRun(t.store, runId))!;
    expect(run.status).toBe('partial');
    expect(run.sources).toHaveLength(OUTLETS);
    for (const s of run.sources) {
      expect(s.status, s.sourceId).toBe(s.sourceId === fleet.sourceId(FAILING) ? 'failed' : 'succeeded');
    }
    expect(run.sources.find((s) => s.sourceId === fleet.sourceId(FAILING))!.errors.join(' ')).toMatch(
      /HTTP 503/,
    );
    expect(
      (await listCrawlRuns(t.store)).filter((r) => r.status === 'queued' || r.status === 'running'),
    ).toEqual([]);
    const queue = await CrawlQueue.open({
      url: t.url!,
      settings: workerSettings(loadCrawlConfig()),
      onError: (error) => {
        throw error;
      },
      connections: 1,
    });
    try {
      expect(await queue.unfinished('news')).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('the survivor handed the dead worker’s job back and finished it, then stopped cleanly on SIGTERM', async () => {
    const survivor = workers.find((w) => w.child.pid !== killedPid)!;
    const { code } = await survivor.exited;
    expect(code).toBe(0);
    const log = survivor.log.join('\n');
    expect(log).toMatch(
      new RegExp(
        `${fleet.sourceId(SLOW)} \\(run #${runId}\\): worker \\S+:${killedPid}:\\S+ stopped answering; job handed back`,
      ),
    );
    expect(log).toMatch(
      new RegExp(`finished news ${fleet.sourceId(SLOW)} \\(run #${runId}, job \\w+, attempt 2\\): succeeded`),
    );
    expect(log).toMatch(/stopped after \d+ job\(s\)/);
    expect(await listLeases(t.store)).toEqual([]);
  });

  it('kept every host within its limits across both workers, counted at the servers', () => {
    // The most requests that arrived within any `ms` milliseconds.
    const busiest = (arrivals: readonly number[], ms: number) => {
      let most = 0;
      for (let i = 0, j = 0; i < arrivals.length; i++) {
        while (arrivals[i]! - arrivals[j]! >= ms) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    };
    const figures = fleet.stats().map((h) => ({
      host: h.url,
      requests: h.arrivals.length,
      maxInFlight: h.maxInFlight,
      busiestSecond: busiest(h.arrivals, 1000),
      busiest3Seconds: busiest(h.arrivals, 3000),
    }));
    process.stdout.write(`[workers] per host: ${JSON.stringify(figures)}\n`);
    for (const f of figures) {
      // Held in the database from before the request is sent until its response is read: exact.
      expect(f.maxInFlight, f.host).toBeLessThanOrEqual(HOST_CONCURRENCY);
      // Starts are granted RATE a second on the database's clock (one more where a late start keeps its
      // schedule: the limiter's slack); each then takes a varying few milliseconds to reach the server, which
      // a busy machine can stretch: some allowance at the edges of a window, the same for one second or three.
      expect(f.busiestSecond, f.host).toBeLessThanOrEqual(RATE + 3);
      expect(f.busiest3Seconds, f.host).toBeLessThanOrEqual(3 * RATE + 3);
    }
    // Both workers did share the hosts: the limit was tested, not avoided.
    expect(Math.max(...figures.map((f) => f.maxInFlight))).toBe(HOST_CONCURRENCY);
  });
});
