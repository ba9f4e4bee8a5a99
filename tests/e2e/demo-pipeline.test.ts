// The demo pipeline end to end: the imitation outlets on 127.0.0.1 → crawl → items → languages →
// classifications → review candidates, plus the digest of the bundled confirmed entries. Asserts what was
// stored, not what was printed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../../cli/demo/run-demo.ts';
import { silentLogger } from '../../core/index.ts';
import { NEWS_ARTICLES } from '../../imitation/index.ts';
import { listEntries, listItems, listTasks, openStore, type Store } from '../../storage/index.ts';
import { tempDir } from '../helpers/test-stores.ts';

// The demo crawls from the first of the demo month: an outlet's older story is (rightly) left out.
const IN_MONTH = NEWS_ARTICLES.filter((a) => new Date(a.publishedAt) >= new Date('2020-08-01T00:00:00Z'));

describe('the demo pipeline (news outlets)', () => {
  let result: DemoResult;
  let store: Store;
  const dbPath = join(tempDir(), 'demo.sqlite');

  beforeAll(async () => {
    result = await runDemo({ dbPath, logger: silentLogger, court: false });
    store = await openStore({ path: dbPath, env: {} });
  }, 180_000);
  afterAll(async () => store?.close());

  it('stores every article of the imitation outlets once, with its language', async () => {
    const items = await listItems(store);
    expect(IN_MONTH.length).toBeLessThan(NEWS_ARTICLES.length);
    expect(items).toHaveLength(IN_MONTH.length);
    for (const article of IN_MONTH) {
      const item = items.find((i) => i.title === article.title);
      expect(item, `${article.outlet} ${article.id} stored`).toBeDefined();
      expect(item!.lang, `language of «${article.title}»`).toBe(article.lang);
      expect(item!.text).toContain(article.paragraphs[0]!.slice(0, 40));
    }
  });

  it('classifies every item and makes candidates of the violation stories only', async () => {
    const items = await listItems(store);
    for (const item of items) {
      const article = IN_MONTH.find((a) => a.title === item.title);
      expect(article, `«${item.title}» is an imitation story`).toBeDefined();
      if (!article) continue;
      expect(item.classification, `classification of «${item.title}»`).not.toBeNull();
      expect(item.classification!.candidate, `candidate? «${item.title}»`).toBe(article.violation);
      if (article.violation) expect(item.classification!.categories[0]?.evidence.length).toBeGreaterThan(0);
    }
  });

  it('queues the candidates for review and confirms none of them', async () => {
    const tasks = await listTasks(store);
    const violations = IN_MONTH.filter((a) => a.violation).length;
    // One event told by two outlets (ru and kk) may be one candidate with two sources.
    expect(tasks.length).toBeGreaterThanOrEqual(violations - 1);
    expect(tasks.length).toBeLessThanOrEqual(violations);
    expect(tasks.every((t) => t.status === 'pending')).toBe(true);
    expect(tasks.reduce((n, t) => n + t.itemIds.length, 0)).toBe(violations);
  });

  it('drafts the digest of the demo month from the bundled confirmed entries only', async () => {
    const entries = await listEntries(store, { fromMonth: '2020-08', toMonth: '2020-08' });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.origin === 'import')).toBe(true);
    expect(existsSync(result.digestPath)).toBe(true);
    expect(readFileSync(result.digestPath, 'utf8')).toMatch(/August 2020/);
    expect(result.summary.candidates).toBe(IN_MONTH.filter((a) => a.violation).length);
  });
});
