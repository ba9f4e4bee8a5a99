// Sitemaps (sitemaps.org), sitemap indexes and Google news sitemaps, plain or gzipped.
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { accept, reject, type StageResult } from '../../core/index.ts';
import { absoluteUrl, type DiscoveredLink, isoDate } from './discovered-link.ts';
import { checkWellFormed } from './parse-feed.ts';

export type ParsedSitemap =
  | { readonly kind: 'index'; readonly sitemaps: readonly { url: string; lastmod: string | null }[] }
  | { readonly kind: 'urlset'; readonly links: readonly DiscoveredLink[] };

/** Gunzips when the bytes are gzip (by magic number, since servers label .xml.gz every which way). */
export function maybeGunzip(body: Uint8Array): Uint8Array {
  if (body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body);
  return body;
}

export function parseSitemap(xml: string, sitemapUrl: string): StageResult<ParsedSitemap> {
  const head = xml.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html)/.test(head))
    return reject('discover', `expected a sitemap at ${sitemapUrl}, got an HTML page`);
  const problem = checkWellFormed(xml);
  if (problem) return reject('discover', `malformed sitemap at ${sitemapUrl}: ${problem}`);
  const $ = cheerio.load(xml, { xml: true });
  const rootName = ($.root().children().first().prop('tagName') ?? '').toLowerCase();
  if (rootName === 'sitemapindex') {
    const sitemaps: { url: string; lastmod: string | null }[] = [];
    $('sitemap').each((_, el) => {
      const url = absoluteUrl($(el).children('loc').text(), sitemapUrl);
      if (url) sitemaps.push({ url, lastmod: isoDate($(el).children('lastmod').text()) });
    });
    return accept({ kind: 'index', sitemaps });
  }
  if (rootName === 'urlset') {
    const links: DiscoveredLink[] = [];
    $('url').each((_, el) => {
      const node = $(el);
      const url = absoluteUrl(node.children('loc').text(), sitemapUrl);
      if (!url) return;
      const news = node.children('news\\:news');
      const lastmod = isoDate(node.children('lastmod').text());
      links.push({
        url,
        title: news.find('news\\:title').text().trim() || null,
        publishedAt: isoDate(news.find('news\\:publication_date').text()) ?? lastmod,
        updatedAt: lastmod,
      });
    });
    return accept({ kind: 'urlset', links });
  }
  return reject('discover', `not a sitemap at ${sitemapUrl}: root element <${rootName || '?'}>`);
}
