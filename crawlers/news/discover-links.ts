// Discovery for one source: its feeds, sitemaps or listing pages → article links, using conditional
// requests. The validators (ETag / Last-Modified) are returned, not saved: the caller saves them only
// once every article found has been handled, so that a crawl killed midway rediscovers what it missed.
import type { StageResult } from '../../core/index.ts';
import { decodePage, parseNewsDate } from '../../pipeline/index.ts';
import { getFetchState, type Store } from '../../storage/index.ts';
import type { FetchOutcome, PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { NewsSource } from '../sources/news-source.ts';
import { decodeXml } from './decode-xml.ts';
import type { DiscoveredLink } from './discovered-link.ts';
import { parseFeed } from './parse-feed.ts';
import { parseListing } from './parse-listing.ts';
import { maybeGunzip, type ParsedSitemap, parseSitemap } from './parse-sitemap.ts';

export interface Validator {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly status: number;
}

export interface Discovery {
  readonly links: DiscoveredLink[];
  readonly validators: Validator[];
  readonly errors: string[];
  /** Entry points fetched or confirmed unchanged (304); 0 means the source could not be read at all. */
  readonly entryPointsOk: number;
  /** Every failing entry point was refused by robots.txt. */
  readonly blocked: boolean;
  /** Entry points (feeds, sitemaps, first listing pages) that answered 304: their links are not known. */
  readonly notModified: number;
}

export interface DiscoverOptions {
  /** Where conditional-request validators are read; without it every request is unconditional. */
  readonly store?: Store;
  readonly fetcher: PoliteFetcher;
  readonly since: string | null;
  /** Of the given URLs, those already stored (stops listing pagination early). */
  readonly known: (urls: readonly string[]) => Promise<Set<string>>;
  readonly signal?: AbortSignal;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const SITEMAP_ACCEPT = 'application/xml, text/xml;q=0.9, application/x-gzip;q=0.8, */*;q=0.5';

export async function discoverLinks(source: NewsSource, opts: DiscoverOptions): Promise<Discovery> {
  const d = {
    links: [] as DiscoveredLink[],
    validators: [] as Validator[],
    errors: [] as string[],
    entryPointsOk: 0,
    notModified: 0,
  };
  let blockedCount = 0;
  const get = async (url: string, accept: string, conditional: boolean) => {
    const state = conditional && opts.store ? await getFetchState(opts.store, url) : null;
    const outcome = await opts.fetcher.fetch({
      url,
      sourceId: source.id,
      rate: source.rate,
      concurrency: source.concurrency,
      accept,
      etag: state?.etag,
      lastModified: state?.lastModified,
      signal: opts.signal,
    });
    if (!outcome.ok && outcome.blocked) blockedCount += 1;
    if (outcome.ok && !outcome.notModified) {
      const h = outcome.page.headers;
      d.validators.push({ url, etag: h.etag ?? null, lastModified: h['last-modified'] ?? null, status: 200 });
    }
    return outcome;
  };
  const reportFailure = (url: string, outcome: Extract<FetchOutcome, { ok: false }>) =>
    d.errors.push(`${url}: ${outcome.reason}`);
  const reportRejected = (r: StageResult<unknown>) => {
    if (!r.ok) d.errors.push(r.reason);
  };

  for (const entry of source.urls) {
    if (opts.signal?.aborted) break;
    if (source.kind === 'rss' || source.kind === 'atom') {
      const outcome = await get(entry, FEED_ACCEPT, true);
      if (!outcome.ok) {
        reportFailure(entry, outcome);
        continue;
      }
      if (outcome.notModified) {
        d.entryPointsOk += 1;
        d.notModified += 1;
        continue;
      }
      const parsed = parseFeed(decodeXml(outcome.page), outcome.page.finalUrl);
      if (!parsed.ok) {
        reportRejected(parsed);
        continue;
      }
      d.entryPointsOk += 1;
      d.links.push(...parsed.value);
    } else if (source.kind === 'sitemap') {
      const ok = await discoverSitemap(entry, 0);
      if (ok) d.entryPointsOk += 1;
    } else {
      const ok = await discoverListing(entry);
      if (ok) d.entryPointsOk += 1;
    }
  }
  return { ...d, blocked: d.entryPointsOk === 0 && blockedCount > 0 && blockedCount === d.errors.length };

  async function discoverSitemap(url: string, depth: number): Promise<boolean> {
    let sitemapsRead = 0;
    const queue: { url: string; depth: number }[] = [{ url, depth }];
    let entryOk = false;
    while (queue.length > 0 && sitemapsRead < opts.fetcher.config.maxSitemaps) {
      const next = queue.shift()!;
      sitemapsRead += 1;
      const outcome = await get(next.url, SITEMAP_ACCEPT, true);
      if (!outcome.ok) {
        reportFailure(next.url, outcome);
        continue;
      }
      if (next.url === url) entryOk = true;
      if (outcome.notModified) {
        if (next.url === url) d.notModified += 1;
        continue;
      }
      let xml: string;
      try {
        xml = decodeXml(outcome.page, maybeGunzip(outcome.page.body));
      } catch (error) {
        d.errors.push(`${next.url}: cannot gunzip (${(error as Error).message})`);
        continue;
      }
      const parsed: StageResult<ParsedSitemap> = parseSitemap(xml, next.url);
      if (!parsed.ok) {
        if (next.url === url) entryOk = false;
        reportRejected(parsed);
        continue;
      }
      if (parsed.value.kind === 'index') {
        if (next.depth >= 2) continue;
        for (const child of parsed.value.sitemaps) {
          // An index lists every month ever published; only sitemaps changed since the cut-off matter.
          if (opts.since && child.lastmod && child.lastmod < opts.since) continue;
          queue.push({ url: child.url, depth: next.depth + 1 });
        }
      } else d.links.push(...parsed.value.links);
    }
    return entryOk;
  }

  async function discoverListing(first: string): Promise<boolean> {
    const pattern = source.listing?.linkPattern ?? source.articlePattern;
    const cfg = opts.fetcher.config;
    const maxPages = source.listing?.maxPages ?? cfg.maxListingPages;
    let url: string | null = first;
    const visited = new Set<string>();
    for (let page = 1; url && page <= maxPages && !visited.has(url); page++) {
      visited.add(url);
      // Only the first page is asked conditionally: if it has not changed, neither have the older ones.
      const outcome = await get(url, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', page === 1);
      if (!outcome.ok) {
        reportFailure(url, outcome);
        return page > 1;
      }
      if (outcome.notModified) {
        d.notModified += 1;
        return true;
      }
      const decoded = decodePage(outcome.page);
      const parsed = parseListing(decoded.html, outcome.page.finalUrl, {
        linkPattern: pattern ? new RegExp(pattern) : null,
        nextSelector: source.listing?.nextSelector,
        nextPageTexts: cfg.nextPageTexts,
        skipLinkPatterns: cfg.skipLinkPatterns,
        parseDate: (text) => parseNewsDate(text),
      });
      d.links.push(...parsed.links);
      // Stop paging once a page holds nothing new: everything older is known or before the cut-off.
      const fresh = parsed.links.filter((l) => !opts.since || !l.publishedAt || l.publishedAt >= opts.since);
      const known = await opts.known(fresh.map((l) => l.url));
      if (fresh.length === 0 || fresh.every((l) => known.has(l.url))) break;
      url = parsed.nextPage;
    }
    return true;
  }
}
