// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → article links. A document that is not a feed (an HTML page
// served where the feed used to be, broken XML) is a rejection with a reason, not an empty list.
import * as cheerio from 'cheerio';
import { accept, reject, type StageResult } from '../../core/index.ts';
import { absoluteUrl, type DiscoveredLink, isoDate } from './discovered-link.ts';

export function parseFeed(xml: string, feedUrl: string): StageResult<DiscoveredLink[]> {
  const head = xml.slice(0, 2000).trimStart().toLowerCase();
  if (
    /^(<!doctype html|<html)/.test(head) ||
    (/<html[\s>]/.test(head) && !/<(rss|feed|rdf:rdf)[\s>]/.test(head))
  ) {
    return reject('discover', `expected a feed at ${feedUrl}, got an HTML page`);
  }
  const wellFormed = checkWellFormed(xml);
  if (wellFormed) return reject('discover', `malformed feed at ${feedUrl}: ${wellFormed}`);
  const $ = cheerio.load(xml, { xml: true });
  const root = $.root().children().first();
  const rootName = (root.prop('tagName') ?? '').toLowerCase();
  const links: DiscoveredLink[] = [];
  if (rootName === 'rss' || rootName === 'rdf:rdf') {
    $('item').each((_, el) => {
      const item = $(el);
      const href =
        item.children('link').first().text() ||
        item.attr('rdf:about') ||
        item.children('guid').first().text();
      const url = absoluteUrl(href, feedUrl);
      if (!url) return;
      links.push({
        url,
        title: item.children('title').first().text().trim() || null,
        publishedAt: isoDate(
          item.children('pubDate').first().text() || item.children('dc\\:date').first().text(),
        ),
        updatedAt: null,
        listed: true,
        summary: plainText(
          item.children('content\\:encoded').first().text() || item.children('description').first().text(),
        ),
      });
    });
  } else if (rootName === 'feed') {
    $('entry').each((_, el) => {
      const entry = $(el);
      const linkEl =
        entry.children('link[rel="alternate"]').first().length > 0
          ? entry.children('link[rel="alternate"]').first()
          : entry.children('link').not('[rel]').first();
      const url = absoluteUrl(linkEl.attr('href'), feedUrl);
      if (!url) return;
      links.push({
        url,
        title: entry.children('title').first().text().trim() || null,
        publishedAt: isoDate(
          entry.children('published').first().text() || entry.children('updated').first().text(),
        ),
        updatedAt: isoDate(entry.children('updated').first().text()),
        listed: true,
        summary: plainText(
          entry.children('content').first().text() || entry.children('summary').first().text(),
        ),
      });
    });
  } else {
    return reject('discover', `not a feed at ${feedUrl}: root element <${rootName || '?'}>`);
  }
  return accept(links);
}

/** A feed's description (HTML, escaped or in CDATA) as plain text; null when empty. */
function plainText(html: string): string | null {
  if (!html.trim()) return null;
  const text = /[<&]/.test(html)
    ? cheerio
        .load(html.replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '$&\n'), { xml: { xmlMode: false } })
        .root()
        .text()
    : html;
  const cleaned = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return cleaned || null;
}

/**
 * A cheap well-formedness check (cheerio's XML mode silently repairs broken documents): tags must nest.
 * Returns a description of the first problem, or null.
 */
export function checkWellFormed(xml: string): string | null {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (!m[2]) continue;
    const name = m[2];
    if (m[4] === '/') continue;
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== name) {
        const line = xml.slice(0, m.index).split('\n').length;
        return `line ${line}: </${name}> closes <${open ?? 'nothing'}>`;
      }
    } else stack.push(name);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed (truncated?)`;
  return null;
}
