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

/** The parts of a parsed XML node read here (cheerio's DOM: elements, text and CDATA). */
interface XmlNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly children?: readonly XmlNode[];
}

export function parseSitemap(xml: string, sitemapUrl: string): StageResult<ParsedSitemap> {
  const head = xml.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html)/.test(head))
    return reject('discover', `expected a sitemap at ${sitemapUrl}, got an HTML page`);
  const problem = checkWellFormed(xml);
  if (problem) return reject('discover', `malformed sitemap at ${sitemapUrl}: ${problem}`);
  // The parsed tree is walked directly: a CSS selector per <url> cost more than parsing the whole
  // document (a news site's sitemap lists thousands of URLs, read at the start of every crawl).
  const $ = cheerio.load(xml, { xml: true });
  const root = ($.root()[0] as unknown as XmlNode).children?.find(isElement);
  const rootName = nameOf(root);
  if (rootName === 'sitemapindex') {
    const sitemaps: { url: string; lastmod: string | null }[] = [];
    for (const el of elementsNamed(root!, 'sitemap')) {
      const url = absoluteUrl(textOf(childNamed(el, 'loc')), sitemapUrl);
      if (url) sitemaps.push({ url, lastmod: isoDate(textOf(childNamed(el, 'lastmod'))) });
    }
    return accept({ kind: 'index', sitemaps });
  }
  if (rootName === 'urlset') {
    const links: DiscoveredLink[] = [];
    for (const el of elementsNamed(root!, 'url')) {
      const url = absoluteUrl(textOf(childNamed(el, 'loc')), sitemapUrl);
      if (!url) continue;
      const news = childNamed(el, 'news:news');
      const lastmod = isoDate(textOf(childNamed(el, 'lastmod')));
      links.push({
        url,
        title: textOf(news && descendantNamed(news, 'news:title')).trim() || null,
        publishedAt: isoDate(textOf(news && descendantNamed(news, 'news:publication_date'))) ?? lastmod,
        updatedAt: lastmod,
        // A news sitemap lists only news; a plain one lists every page (the source's articlePattern decides).
        listed: news !== undefined,
      });
    }
    return accept({ kind: 'urlset', links });
  }
  return reject('discover', `not a sitemap at ${sitemapUrl}: root element <${rootName || '?'}>`);
}

const isElement = (n: XmlNode) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const nameOf = (n: XmlNode | undefined) => (n?.name ?? '').toLowerCase();

/** Elements named `name` below `node` (not looking inside a match: sitemap entries do not nest). */
function elementsNamed(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children ?? []) {
    if (!isElement(c)) continue;
    if (nameOf(c) === name) out.push(c);
    else elementsNamed(c, name, out);
  }
  return out;
}

function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return node.children?.find((c) => isElement(c) && nameOf(c) === name);
}

function descendantNamed(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children ?? []) {
    if (!isElement(c)) continue;
    if (nameOf(c) === name) return c;
    const deeper = descendantNamed(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** All text below a node, CDATA included (what cheerio's .text() gives). */
function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.data ?? '';
  let s = '';
  for (const c of node.children ?? []) if (c.type !== 'comment') s += textOf(c);
  return s;
}
