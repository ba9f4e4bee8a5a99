// Discovery against the imitation outlets: listing pagination stops at the date cut-off; a sitemap index
// skips monthly sitemaps older than the cut-off; validators are returned for conditional requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher, withCrawlConfig } from '../../../crawlers/index.ts';
import { discoverLinks } from '../../../crawlers/news/discover-links.ts';
import { type NewsSites, startNewsSites } from '../../../imitation/index.ts';

describe('discoverLinks', () => {
  let sites: NewsSites;
  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
  });
  afterAll(async () => {
    await sites?.close();
  });
  const source = (id: string) => sites.sources.find((s) => s.id === id)!;
  const fetcher = () => new PoliteFetcher(withCrawlConfig({ ratePerSecond: 100 }));
  const noneKnown = async () => new Set<string>();

  it('follows listing pages to the last one when there is no cut-off', async () => {
    const before = sites.requests.length;
    const d = await discoverLinks(source('demo-zharshy'), {
      fetcher: fetcher(),
      since: null,
      known: noneKnown,
    });
    expect(d.links).toHaveLength(9); // eight articles and one brief
    const pages = sites.requests
      .slice(before)
      .filter((r) => r.site === 'zharshy' && r.path.startsWith('/news/'));
    expect(pages.map((r) => r.path)).toEqual(['/news/', '/news/page/2/', '/news/page/3/']);
    expect(d.validators.map((v) => v.url)).toContain(`${sites.urls.zharshy}/news/`);
  });

  it('stops paging once a page holds nothing newer than the cut-off', async () => {
    const before = sites.requests.length;
    // Page 1 holds 24, 23 and 22 August; page 2 holds the brief of 21 August (12:30 UTC), an article of
    // 21 August and one of 20 August: all before the cut-off.
    const d = await discoverLinks(source('demo-zharshy'), {
      fetcher: fetcher(),
      since: '2020-08-21T13:00:00.000Z',
      known: noneKnown,
    });
    const pages = sites.requests
      .slice(before)
      .filter((r) => r.site === 'zharshy' && r.path.startsWith('/news/'));
    expect(pages.map((r) => r.path)).toEqual(['/news/', '/news/page/2/']);
    expect(d.links.filter((l) => l.publishedAt! >= '2020-08-21T13:00:00.000Z')).toHaveLength(3);
  });

  it('stops paging once every link on a page is already known', async () => {
    const before = sites.requests.length;
    const all = async (urls: readonly string[]) => new Set(urls);
    await discoverLinks(source('demo-zharshy'), { fetcher: fetcher(), since: null, known: all });
    const pages = sites.requests
      .slice(before)
      .filter((r) => r.site === 'zharshy' && r.path.startsWith('/news/'));
    expect(pages.map((r) => r.path)).toEqual(['/news/']);
  });

  it('skips monthly sitemaps older than the cut-off', async () => {
    const before = sites.requests.length;
    const d = await discoverLinks(source('demo-dala'), {
      fetcher: fetcher(),
      since: '2020-08-10T00:00:00.000Z',
      known: noneKnown,
    });
    const paths = sites.requests.slice(before).map((r) => r.path);
    expect(paths).toContain('/sitemaps/2020-08.xml.gz');
    expect(paths).not.toContain('/sitemaps/2020-07.xml.gz');
    expect(new Set(d.links.map((l) => l.url)).size).toBe(6); // five articles of August and one brief
  });
});
