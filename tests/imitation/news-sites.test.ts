// The imitation outlets serve what their real models serve: a windows-1251 RSS feed, gzipped sitemaps
// and JSON-LD, listing pages without structured data, answers to conditional requests, and the faults.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NEWS_SITE_FAULTS as F,
  NEWS_ARTICLES,
  type NewsSites,
  startNewsSites,
} from '../../imitation/index.ts';

describe('startNewsSites', () => {
  let sites: NewsSites;
  beforeAll(async () => {
    sites = await startNewsSites({ oversizeBytes: 200_000 });
  });
  afterAll(async () => {
    await sites?.close();
  });
  const get = (site: keyof NewsSites['urls'], path: string, headers: Record<string, string> = {}) =>
    fetch(`${sites.urls[site]}${path}`, { headers, redirect: 'manual' });

  it('serves each outlet on its own 127.0.0.1 port, with the demo registry pointed at them', () => {
    for (const url of Object.values(sites.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sites.sources.find((s) => s.id === 'demo-dala')?.urls).toEqual([
      `${sites.urls.dala}/sitemap-index.xml`,
    ]);
    expect(JSON.parse(sites.sourcesJson()).sources).toHaveLength(5);
  });

  it('the Russian outlet: RSS in windows-1251, article pages declaring it only in http-equiv', async () => {
    const feed = await get('vestnik', '/rss/news.xml');
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=windows-1251');
    const bytes = Buffer.from(await feed.arrayBuffer());
    expect(bytes.includes(Buffer.from('задержали', 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'win1251')).toContain('В Уральске задержали журналистку');
    const page = await get('vestnik', '/news/10467-v-uralske-zaderzhali-zhurnalistku-vo-vremya-mitinga.html');
    expect(page.headers.get('content-type')).toBe('text/html');
    const html = iconv.decode(Buffer.from(await page.arrayBuffer()), 'win1251');
    expect(html).toContain('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">');
    expect(html).toMatch(/Читайте также.*Комментарии.*Самое читаемое/s);
  });

  it('the Kazakh outlet: sitemap index, gzipped monthly sitemap, news sitemap, JSON-LD articleBody', async () => {
    const index = await (await get('dala', '/sitemap-index.xml')).text();
    expect(index).toContain('/sitemaps/2020-08.xml.gz');
    const gz = Buffer.from(await (await get('dala', '/sitemaps/2020-08.xml.gz')).arrayBuffer());
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(await (await get('dala', '/news-sitemap.xml')).text()).toContain('<news:publication_date>');
    const html = await (await get('dala', '/kk/article/2020-08-15-oral-tilshi')).text();
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.articleBody).toContain('Айгүл Сәрсенованы ұстады');
  });

  it('the listing outlet: paginated pages, no structured data, robots.txt disallowing /private/', async () => {
    const first = await (await get('zharshy', '/news/')).text();
    expect(first).toContain('/news/page/2/');
    expect(first).not.toContain('ld+json');
    expect(first).toContain(F.zharshyPrivate);
    expect(await (await get('zharshy', '/robots.txt')).text()).toContain('Disallow: /private/');
    expect((await get('zharshy', '/news/page/3/')).status).toBe(200);
    expect((await get('zharshy', '/news/page/4/')).status).toBe(404);
  });

  it('answers a repeated conditional request for a feed with 304', async () => {
    const first = await get('vestnik', '/rss/news.xml');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await get('vestnik', '/rss/news.xml', { 'if-none-match': etag })).status).toBe(304);
  });

  it('one event, two outlets, two languages: the Oral detention', () => {
    const oral = NEWS_ARTICLES.filter((a) => a.publishedAt.startsWith('2020-08-15') && a.violation);
    expect(oral.map((a) => [a.outlet, a.lang])).toEqual([
      ['vestnik', 'ru'],
      ['dala', 'kk'],
    ]);
    expect(NEWS_ARTICLES.filter((a) => a.violation).length).toBeGreaterThanOrEqual(7);
    expect(NEWS_ARTICLES.filter((a) => !a.violation).length).toBeGreaterThanOrEqual(10);
    expect(new Set(NEWS_ARTICLES.map((a) => a.lang))).toEqual(new Set(['ru', 'kk', 'en']));
  });

  it('serves the faults: 500 once, 429 with Retry-After once, 404, a redirect loop, an oversized page', async () => {
    expect((await get('vestnik', F.vestnikFlaky)).status).toBe(500);
    expect((await get('vestnik', F.vestnikFlaky)).status).toBe(200);
    const throttled = await get('vestnik', F.vestnikThrottled);
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await get('vestnik', F.vestnikDeleted)).status).toBe(404);
    const loop = await get('dala', F.dalaLoopA);
    expect([loop.status, loop.headers.get('location')]).toEqual([302, F.dalaLoopB]);
    expect(Number((await get('dala', F.dalaHuge)).headers.get('content-length'))).toBeGreaterThan(200_000);
    expect(await (await get('faulty', '/feed/')).text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('logs every request with its status and whether it was conditional', () => {
    expect(
      sites.requests.some(
        (r) => r.site === 'vestnik' && r.path === '/rss/news.xml' && r.conditional && r.status === 304,
      ),
    ).toBe(true);
    expect(sites.articleRequests().every((r) => !r.path.endsWith('.xml'))).toBe(true);
  });
});
