// A crawl killed with SIGKILL in the middle, then run again: nothing is lost (every article ends up
// stored), nothing is duplicated, and the killed run is closed as interrupted.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/index.ts';
import { type NewsSites, startNewsSites } from '../../imitation/index.ts';
import { listCrawlRuns, listItems, openStore } from '../../storage/index.ts';
import { tempDir } from '../helpers/test-stores.ts';

function runChild(
  db: string,
  sources: string,
  killAfterArticles?: number,
): Promise<{ lines: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tests/crawlers/crawl-child.ts'), db, sources],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CRAWLEE_LOG_LEVEL: 'WARNING' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const articles = lines.filter((l) => l.startsWith('article ')).length;
        if (killAfterArticles !== undefined && articles >= killAfterArticles) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ lines, signal }));
  });
}

describe('a crawl killed midway and restarted', () => {
  let sites: NewsSites;
  const db = join(tempDir(), 'killed.sqlite');

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
  });
  afterAll(async () => {
    await sites?.close();
  });

  it('loses nothing and duplicates nothing', async () => {
    const killed = await runChild(db, sites.sourcesJson(), 7);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lines.some((l) => l.startsWith('done'))).toBe(false);

    let store = await openStore({ path: db, env: {} });
    const partial = await listItems(store);
    await store.close();
    expect(partial.length).toBeGreaterThanOrEqual(6);
    expect(partial.length).toBeLessThan(25);

    const resumed = await runChild(db, sites.sourcesJson());
    expect(resumed.lines, resumed.lines.join('\n')).toContain('done succeeded');
    // Articles stored before the kill are not fetched again.
    const refetched = resumed.lines.filter((l) => l.startsWith('article ')).map((l) => l.split(' ')[2]);
    for (const item of partial) expect(refetched).not.toContain(item.url);

    store = await openStore({ path: db, env: {} });
    const items = await listItems(store);
    const runs = await listCrawlRuns(store);
    await store.close();
    // 22 articles and the three outlets' briefs.
    expect(items).toHaveLength(25);
    expect(new Set(items.map((i) => i.canonicalUrl)).size).toBe(25);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'interrupted']);
  });
});
