// Incremental crawling on both databases: a second crawl of an unchanged site asks only conditional
// questions and fetches no article page; a story the outlet corrects is fetched again and stored as an
// update of the same item, its old text kept as a revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl, withCrawlConfig } from '../../crawlers/index.ts';
import { type NewsSites, startNewsSites } from '../../imitation/index.ts';
import { getItemByUrl, listItems } from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../helpers/test-stores.ts';
import { testClassifier } from './test-classifier.ts';

describe.each(TEST_DIALECTS)('incremental crawl (%s)', (dialect) => {
  let sites: NewsSites;
  let t: TestStore;
  const config = withCrawlConfig({ requestTimeoutMs: 5000, backoffBaseMs: 50 });
  const crawl = () => runCrawl(t.store, { sources: sites.sources, classifier: testClassifier, config });

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    t = await openTestStore(dialect);
  });
  afterAll(async () => {
    await t?.close();
    await sites?.close();
  });

  it('first crawl stores everything and succeeds for every source', async () => {
    const report = await crawl();
    expect(report.status).toBe('succeeded');
    expect(report.sources.map((s) => [s.sourceId, s.newItems, s.failed])).toEqual([
      ['demo-vestnik', 9, 0],
      ['demo-dala', 7, 0],
      ['demo-zharshy', 9, 0],
    ]);
    expect(sites.articleRequests()).toHaveLength(25);
  });

  it('second crawl of the unchanged sites fetches no article page', async () => {
    const before = sites.requests.length;
    const report = await crawl();
    const asked = sites.requests.slice(before);
    expect(asked.filter((r) => sites.articleRequests().includes(r))).toEqual([]);
    // Feeds, sitemap index and first listing page are asked conditionally and answer 304.
    const entry = asked.filter((r) => /rss\/news\.xml|sitemap-index\.xml|^\/news\/$/.test(r.path));
    expect(entry.map((r) => [r.path, r.conditional, r.status])).toEqual(
      expect.arrayContaining([
        ['/rss/news.xml', true, 304],
        ['/sitemap-index.xml', true, 304],
        ['/news/', true, 304],
      ]),
    );
    expect(report.sources.every((s) => s.newItems === 0 && s.updated === 0 && s.failed === 0)).toBe(true);
    expect(await listItems(t.store)).toHaveLength(25);
  });

  it('a corrected story is fetched again and stored as an update, not a new item', async () => {
    sites.editArticle('2020-08-18-sait-buggattaldy', 'Редакция кейін сайттың қайта ашылғанын хабарлады.');
    const before = sites.requests.length;
    const report = await crawl();
    const dala = report.sources.find((s) => s.sourceId === 'demo-dala')!;
    expect(dala).toMatchObject({ newItems: 0, updated: 1 });
    const fetched = sites.requests.slice(before).filter((r) => sites.articleRequests().includes(r));
    expect(fetched.map((r) => r.path)).toEqual(['/kk/article/2020-08-18-sait-buggattaldy']);
    const item = await getItemByUrl(t.store, `${sites.urls.dala}/kk/article/2020-08-18-sait-buggattaldy`);
    expect(item?.revision).toBe(2);
    expect(item?.text).toContain('қайта ашылғанын');
    expect(await listItems(t.store)).toHaveLength(25);
  });
});
