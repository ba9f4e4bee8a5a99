// A crawl over the imitation outlets with every fault switched on: each fault is reported with its
// reason while the other pages and sources are crawled; the run and its counts are recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlReport, runCrawl, withCrawlConfig } from '../../crawlers/index.ts';
import { NEWS_SITE_FAULTS as F, type NewsSites, startNewsSites } from '../../imitation/index.ts';
import { getCrawlRun, listItems } from '../../storage/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import { testClassifier } from './test-classifier.ts';

// Short timeouts and backoff so the faulty pages cost seconds, not minutes; a 300 kB page cap.
const config = withCrawlConfig({
  requestTimeoutMs: 1500,
  maxRetries: 1,
  backoffBaseMs: 50,
  maxPageBytes: 300_000,
});

describe('runCrawl over the imitation outlets with faults', () => {
  let sites: NewsSites;
  let t: TestStore;
  let report: CrawlReport;
  const source = (id: string) => report.sources.find((s) => s.sourceId === id)!;
  const served = (site: string, path: string) =>
    sites.requests.filter((r) => r.site === site && r.path === path);

  beforeAll(async () => {
    sites = await startNewsSites({ oversizeBytes: 400_000 });
    t = await openTestStore('sqlite');
    report = await runCrawl(t.store, { sources: sites.sources, classifier: testClassifier, config });
  });
  afterAll(async () => {
    await t?.close();
    await sites?.close();
  });

  it('stores every readable article of the three outlets, extracted and classified', async () => {
    expect(source('demo-vestnik')).toMatchObject({ status: 'succeeded', newItems: 9 });
    expect(source('demo-dala')).toMatchObject({ status: 'succeeded', newItems: 7 });
    expect(source('demo-zharshy')).toMatchObject({ status: 'succeeded', newItems: 9 });
    const items = await listItems(t.store);
    expect(items).toHaveLength(25);
    expect(new Set(items.map((i) => i.canonicalUrl)).size).toBe(25);
    expect(items.filter((i) => i.classification?.candidate).length).toBeGreaterThan(3);
    // The Oral detention is told by a Russian and a Kazakh outlet: both are stored, for clustering.
    const oral = items.filter((i) => /Уральске задержали|Оралда .* ұсталды/.test(i.title));
    expect(oral.map((i) => i.sourceId).sort()).toEqual(['demo-dala', 'demo-vestnik']);
  });

  it('gives undated listing articles the date the listing shows', async () => {
    const items = await listItems(t.store, { sourceIds: ['demo-zharshy'] });
    const blogger = items.find((i) => i.title.startsWith('На блогера'))!;
    expect(blogger.publishedAt).toBe('2020-08-24T09:40:00.000Z');
  });

  it('keeps menus, most-read lists, related links and comments out of the text', async () => {
    for (const item of await listItems(t.store)) {
      expect(item.text).not.toMatch(
        /Самое читаемое|Көп оқылған|Популярное за неделю|Давно пора было|Дұрыс жазылған|Good reporting|Поделиться|Бөлісу/,
      );
    }
  });

  it('500 then recovery: the page is retried and stored, with no error reported', async () => {
    expect(served('vestnik', F.vestnikFlaky).map((r) => r.status)).toEqual([500, 200]);
    expect(source('demo-vestnik').errors.join(' ')).not.toContain(F.vestnikFlaky);
  });

  it('429 with Retry-After: the retry waits the second it was told to', async () => {
    const hits = served('vestnik', F.vestnikThrottled);
    expect(hits.map((r) => r.status)).toEqual([429, 200]);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('a timeout is retried, then reported; the source still succeeds', async () => {
    expect(served('vestnik', F.vestnikSlow)).toHaveLength(2);
    expect(source('demo-vestnik').errors.join(' ')).toMatch(
      /medlennaya-stranica\.html: timeout after 1500 ms/,
    );
    expect(source('demo-vestnik').failed).toBe(2);
  });

  it('404 is reported and not retried', async () => {
    expect(served('vestnik', F.vestnikDeleted).map((r) => r.status)).toEqual([404]);
    expect(source('demo-vestnik').errors.join(' ')).toMatch(/udalennaya-novost\.html: HTTP 404/);
  });

  it('a redirect loop is detected and reported', async () => {
    expect(source('demo-dala').errors.join(' ')).toMatch(/qaita-bagyttau: redirect loop/);
    expect(served('dala', F.dalaLoopA).length).toBeLessThanOrEqual(2);
  });

  it('an oversized page is cut off at the cap and reported', async () => {
    expect(source('demo-dala').errors.join(' ')).toMatch(/uzyn-material: page larger than 300000 bytes/);
  });

  it('a page disallowed by robots.txt is never requested, and reported', async () => {
    expect(served('zharshy', F.zharshyPrivate)).toHaveLength(0);
    expect(source('demo-zharshy').errors.join(' ')).toMatch(/disallowed by robots\.txt: \/private\//);
  });

  it('a malformed feed fails its source only, with the reason', async () => {
    expect(source('demo-akzhaiyk').status).toBe('failed');
    expect(source('demo-akzhaiyk').errors[0]).toMatch(/malformed feed at .*rss\.xml: line 5/);
  });

  it('an HTML page where the feed was expected fails its source only, with the reason', async () => {
    expect(source('demo-moved-feed').status).toBe('failed');
    expect(source('demo-moved-feed').errors[0]).toMatch(/expected a feed at .*\/feed\/, got an HTML page/);
    expect(report.status).toBe('partial');
  });

  it('identifies itself honestly on every request', () => {
    expect(sites.requests.length).toBeGreaterThan(30);
    for (const r of sites.requests) expect(r.userAgent).toMatch(/^SozMonitor\/.*\+https?:\/\//);
  });

  it('records the run with the same counts and reasons as the report', async () => {
    const run = await getCrawlRun(t.store, report.runId);
    expect(run?.status).toBe('partial');
    const vestnik = run!.sources.find((s) => s.sourceId === 'demo-vestnik')!;
    expect(vestnik).toMatchObject({ status: 'succeeded', newItems: 9, failed: 2 });
    expect(vestnik.errors).toEqual(source('demo-vestnik').errors);
  });

  it('next run tries again only the page that timed out, not the known ones nor the 404', async () => {
    const before = sites.requests.length;
    const second = await runCrawl(t.store, { sources: sites.sources, classifier: testClassifier, config });
    const articles = sites.requests
      .slice(before)
      .filter((r) => !/robots|rss|sitemap|news\/$|feed/.test(r.path));
    expect(articles.map((r) => r.path)).toEqual([F.vestnikSlow, F.vestnikSlow]);
    expect(second.sources.find((s) => s.sourceId === 'demo-vestnik')).toMatchObject({
      newItems: 0,
      failed: 1,
    });
  });
});
