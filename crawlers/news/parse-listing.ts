// A listing page (a section front, "all news", page N): the article links on it, their dates when the
// listing shows them, and the next page. Menus, footers and sidebars are not searched for articles.
import * as cheerio from 'cheerio';
import type { CrawlConfig } from '../fetch/crawl-config.ts';
import { absoluteUrl, type DiscoveredLink } from './discovered-link.ts';

export interface ParsedListing {
  readonly links: readonly DiscoveredLink[];
  readonly nextPage: string | null;
}

export interface ListingRules {
  readonly linkPattern: RegExp | null;
  readonly nextSelector?: string;
  readonly nextPageTexts: CrawlConfig['nextPageTexts'];
  readonly skipLinkPatterns: CrawlConfig['skipLinkPatterns'];
  readonly parseDate: (text: string) => string | null;
}

const CHROME =
  'header, nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], .menu, .sidebar';

export function parseListing(html: string, pageUrl: string, rules: ListingRules): ParsedListing {
  const $ = cheerio.load(html, { xml: { xmlMode: false } });
  const host = new URL(pageUrl).host;
  const seen = new Set<string>();
  const links: DiscoveredLink[] = [];
  const nextPage = findNext($, pageUrl, rules);
  $('a[href]').each((_, el) => {
    const a = $(el);
    if (a.closest(CHROME).length > 0) return;
    const url = absoluteUrl(a.attr('href'), pageUrl);
    if (!url || seen.has(url) || url === nextPage) return;
    const u = new URL(url);
    if (rules.linkPattern) {
      if (!rules.linkPattern.test(url)) return;
    } else {
      // Without a pattern: same host, a path deep enough to be an article, not a tag/author/page link.
      if (u.host !== host || u.search !== '') return;
      if (rules.skipLinkPatterns.some((p) => url.includes(p))) return;
      const segments = u.pathname.split('/').filter(Boolean);
      if (segments.length < 2 && !/\.html?$/.test(u.pathname)) return;
      if (a.text().trim().length < 15) return;
    }
    seen.add(url);
    const item = a.closest('li, article, .item, .news-item, tr, div');
    const timeEl = item.find('time').first();
    // A container as big as the page would lend every link the first date on it.
    const itemText = item.text();
    const dateText = timeEl.attr('datetime') ?? (timeEl.text() || (itemText.length < 600 ? itemText : ''));
    const publishedAt = rules.parseDate(dateText);
    links.push({
      url,
      title: a.text().replace(/\s+/g, ' ').trim() || null,
      publishedAt,
      updatedAt: null,
      // A news item of the listing: dated, inside an <article>, or matching the source's own pattern. A
      // bare link found by the generic rules is not, and its page must prove itself an article.
      listed: rules.linkPattern !== null || publishedAt !== null || a.closest('article').length > 0,
    });
  });
  return { links, nextPage };
}

function findNext($: cheerio.CheerioAPI, pageUrl: string, rules: ListingRules): string | null {
  const candidates = [
    rules.nextSelector ? $(rules.nextSelector).first() : null,
    $('link[rel="next"]').first(),
    $('a[rel="next"]').first(),
  ];
  for (const c of candidates) {
    const url = c && c.length > 0 ? absoluteUrl(c.attr('href'), pageUrl) : null;
    if (url && url !== pageUrl) return url;
  }
  let found: string | null = null;
  $('a[href]').each((_, el) => {
    if (found) return;
    const a = $(el);
    const text = `${a.text()} ${a.attr('aria-label') ?? ''} ${a.attr('title') ?? ''}`.trim().toLowerCase();
    if (
      !text ||
      !rules.nextPageTexts.some((t) => text === t || text.startsWith(`${t} `) || text.endsWith(` ${t}`))
    )
      return;
    const url = absoluteUrl(a.attr('href'), pageUrl);
    if (url && url !== pageUrl) found = url;
  });
  return found;
}
