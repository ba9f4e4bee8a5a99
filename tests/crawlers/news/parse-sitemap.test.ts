// Sitemaps: an index pointing at monthly sitemaps, a plain urlset with lastmod, a news sitemap, gzip.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maybeGunzip, parseSitemap } from '../../../crawlers/news/parse-sitemap.ts';

describe('parseSitemap', () => {
  it('reads a sitemap index with lastmod per child', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://kaz.example.kz/sitemaps/2020-08.xml.gz</loc><lastmod>2020-08-24</lastmod></sitemap>
      <sitemap><loc>/sitemaps/2020-07.xml.gz</loc></sitemap></sitemapindex>`;
    const r = parseSitemap(xml, 'https://kaz.example.kz/sitemap-index.xml');
    expect(r.ok && r.value).toEqual({
      kind: 'index',
      sitemaps: [
        { url: 'https://kaz.example.kz/sitemaps/2020-08.xml.gz', lastmod: '2020-08-24T00:00:00.000Z' },
        { url: 'https://kaz.example.kz/sitemaps/2020-07.xml.gz', lastmod: null },
      ],
    });
  });

  it('reads a news sitemap: publication date and title', () => {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://kaz.example.kz/kk/article/1</loc><news:news><news:publication><news:name>Дала</news:name></news:publication>
      <news:publication_date>2020-08-15T14:30:00+06:00</news:publication_date><news:title>Тілші ұсталды</news:title></news:news></url></urlset>`;
    const r = parseSitemap(xml, 'https://kaz.example.kz/news-sitemap.xml');
    expect(r.ok && r.value).toEqual({
      kind: 'urlset',
      links: [
        {
          url: 'https://kaz.example.kz/kk/article/1',
          title: 'Тілші ұсталды',
          publishedAt: '2020-08-15T08:30:00.000Z',
          updatedAt: null,
          listed: true,
        },
      ],
    });
  });

  it('reads a gzipped urlset, taking lastmod as the change date', () => {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.kz/a/2</loc><lastmod>2020-08-19T12:25:00+06:00</lastmod></url></urlset>`;
    const bytes = maybeGunzip(gzipSync(xml));
    const r = parseSitemap(Buffer.from(bytes).toString('utf8'), 'https://e.kz/s.xml.gz');
    expect(r.ok && r.value.kind === 'urlset' && r.value.links[0]).toMatchObject({
      url: 'https://e.kz/a/2',
      updatedAt: '2020-08-19T06:25:00.000Z',
    });
    expect(maybeGunzip(new Uint8Array([60, 63]))).toEqual(new Uint8Array([60, 63]));
  });

  it('rejects an HTML page and a truncated sitemap', () => {
    expect(parseSitemap('<html><body>404</body></html>', 'https://e.kz/s.xml').ok).toBe(false);
    const r = parseSitemap('<urlset><url><loc>https://e.kz/1</loc></url>', 'https://e.kz/s.xml');
    expect(!r.ok && r.reason).toMatch(/malformed sitemap .*<urlset> is never closed/);
  });
});
