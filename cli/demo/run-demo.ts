// The demo: the bundled imitation outlets and court portal on 127.0.0.1, crawled into a fresh SQLite
// database, classified and queued for review (nothing auto-confirmed), then the digest of the demo month
// drafted from a small bundled set of confirmed entries.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createClassifier } from '../../classifiers/index.ts';
import { CONFIG_DIR, describeError, EXIT, type Logger, SozError } from '../../core/index.ts';
import {
  type ChromiumChoice,
  type CourtSourceReport,
  crawlCourtSource,
  defaultCourtSessionPath,
  findChromium,
  runCrawl,
  type SourceReport,
  storageStateFromCookieHeader,
  writeStorageState,
} from '../../crawlers/index.ts';
import { startCourtPortal, startNewsSites } from '../../imitation/index.ts';
import { draftDigest, importDataset } from '../../pipeline/index.ts';
import { listSources, openStore, type Store } from '../../storage/index.ts';
import { type DemoSummary, summarizeDemo } from './summarize-demo.ts';

export const DEMO_MONTH = '2020-08';
export const DEMO_DATASET = join(CONFIG_DIR, 'demo', 'dataset.jsonl');
export const DEFAULT_DEMO_DB = './data/demo.sqlite';

export interface DemoOptions {
  readonly dbPath: string;
  readonly logger: Logger;
  /** Crawl the court portal too (needs Chromium). */
  readonly court?: boolean;
  readonly onProgress?: (done: number, total: number, note: string) => void;
  readonly signal?: AbortSignal;
}

export interface DemoResult {
  readonly dbPath: string;
  readonly sources: readonly SourceReport[];
  readonly summary: DemoSummary;
  readonly digestPath: string;
  readonly digest: string;
  /** The Chromium the court portal was crawled with (or why there was none); null with --no-court. */
  readonly browser: { readonly choice: ChromiumChoice } | { readonly error: string } | null;
}

/**
 * The demo always starts from an empty database; it refuses to wipe one that holds anything but its own
 * imitation sources, so that pointing it at a real database by mistake loses nothing.
 */
async function freshDemoDatabase(path: string): Promise<Store> {
  if (existsSync(path)) {
    const existing = await openStore({ path, env: {} });
    const foreign = (await listSources(existing)).filter((s) => !s.id.startsWith('demo-'));
    await existing.close();
    if (foreign.length > 0) {
      throw new SozError(
        `${path} holds real sources (${foreign
          .map((s) => s.id)
          .slice(0, 3)
          .join(', ')}…); the demo needs its own database: use --db data/demo.sqlite`,
        EXIT.usage,
      );
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
  mkdirSync(dirname(path), { recursive: true });
  return openStore({ path, env: {} });
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.logger;
  const dbPath = resolve(options.dbPath);
  const store = await freshDemoDatabase(dbPath);
  const sites = await startNewsSites({ faults: false });
  const portal = options.court === false ? null : await startCourtPortal();
  try {
    log.info(`demo: imitation outlets at ${Object.values(sites.urls).join(', ')}`);
    if (portal) log.info(`demo: imitation court portal at ${portal.url}`);
    const classifier = createClassifier();
    // Only the working outlets: the faulty ones are for the tests.
    const newsSources = sites.sources.filter((s) => !/broken|HTML instead/i.test(s.name));
    let done = 0;
    let total = 0;
    const crawl = await runCrawl(store, {
      sources: newsSources,
      classifier,
      since: `${DEMO_MONTH}-01T00:00:00.000Z`,
      signal: options.signal,
      onProgress: (e) => {
        if (e.type === 'discovered') total += e.toFetch;
        if (e.type === 'article') done++;
        options.onProgress?.(done, total, e.type === 'source-done' ? e.report.sourceId : e.sourceId);
      },
    });
    const reports: SourceReport[] = [...crawl.sources];
    let browser: DemoResult['browser'] = null;
    if (portal) {
      // The same choice the court crawler makes just below (findChromium is deterministic for one environment).
      browser = await findChromium().then(
        (choice) => ({ choice }),
        (error: unknown) => ({ error: describeError(error) }),
      );
      // As a person would with `soz court session`: pass the imitation's check once, save the session beside
      // the database, and let the crawl reuse it.
      const cookie = portal.createPassedSession();
      const storageStatePath = defaultCourtSessionPath(dbPath);
      writeStorageState(
        storageStatePath,
        storageStateFromCookieHeader(`${cookie.name}=${cookie.value}`, portal.url),
      );
      const court: CourtSourceReport = await crawlCourtSource(
        store,
        {
          id: 'demo-court',
          name: 'Судебный кабинет (imitation)',
          kind: 'court',
          url: portal.url,
          lang: 'ru',
        },
        {
          classifier,
          signal: options.signal,
          storageStatePath,
          diagnosticsDir: join(dirname(dbPath), 'court-diagnostics'),
        },
      );
      reports.push(court);
    }
    const summary = await summarizeDemo(store);
    const imported = await importDataset(store, DEMO_DATASET);
    log.info(
      `demo: imported ${imported.inserted} confirmed entries of ${DEMO_MONTH} from config/demo/dataset.jsonl`,
    );
    const digest = String(
      await draftDigest(store, { month: DEMO_MONTH, lang: 'en', layout: 'classic', format: 'md' }),
    );
    const digestPath = join(dirname(dbPath), `demo-digest-${DEMO_MONTH}.md`);
    writeFileSync(digestPath, digest);
    return { dbPath, sources: reports, summary, digestPath, digest, browser };
  } finally {
    await portal?.close();
    await sites.close();
    await store.close();
  }
}
