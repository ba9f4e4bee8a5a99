// `soz sources add URL`: from an outlet's home page to a registry entry. Looks for what the outlet
// publishes for machines, best first: feeds (<link rel="alternate"> on the home page, then common paths),
// sitemaps (robots.txt `Sitemap:` lines, then common paths; a news sitemap preferred), else a listing page
// with pagination reached from the home page. Then reads a few of the articles found, politely, and
// extracts them as the crawl would, so a person sees what the entry will give before it is written.
import * as cheerio from 'cheerio';
import type { Lang, TextClassifier } from '../../core/index.ts';
import { decodePage, extractArticle, parseNewsDate } from '../../pipeline/index.ts';
import type { CrawlConfig } from '../fetch/crawl-config.ts';
import type { FetchOutcome, PoliteFetcher } from '../fetch/polite-fetcher.ts';
import { linkHints } from '../news/crawl-source.ts';
import { decodeXml } from '../news/decode-xml.ts';
import { discoverLinks } from '../news/discover-links.ts';
import { absoluteUrl } from '../news/discovered-link.ts';
import { parseFeed } from '../news/parse-feed.ts';
import { parseListing } from '../news/parse-listing.ts';
import { maybeGunzip, parseSitemap } from '../news/parse-sitemap.ts';
import type { NewsSource, NewsSourceKind } from './news-source.ts';

export interface OnboardOptions {
  readonly fetcher: PoliteFetcher;
  readonly classifier: TextClassifier;
  readonly id?: string;
  readonly lang?: Lang;
  /** Articles read and shown (default 3). */
  readonly samples?: number;
  readonly signal?: AbortSignal;
  readonly now?: Date;
}

export interface OnboardSample {
  readonly url: string;
  readonly ok: boolean;
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly firstWords: string;
  readonly length: number;
  readonly lang: string | null;
  readonly extractedBy: string | null;
  readonly short: boolean;
  /** Why the page was not extracted, or the note on how its body was found. */
  readonly note: string | null;
}

export interface OnboardResult {
  /** The registry entry, as it will be written (null when nothing usable was found). */
  readonly entry: Record<string, unknown> | null;
  /** How the entry point was found, step by step, for the person deciding. */
  readonly trail: readonly string[];
  readonly links: number;
  readonly samples: readonly OnboardSample[];
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export async function onboardSource(homeUrl: string, opts: OnboardOptions): Promise<OnboardResult> {
  const { fetcher } = opts;
  const cfg = fetcher.config.onboarding ?? DEFAULT_ONBOARDING;
  const trail: string[] = [];
  const home = new URL(homeUrl);
  const origin = home.origin;
  const get = (url: string, accept?: string): Promise<FetchOutcome> =>
    fetcher.fetch({ url, sourceId: 'onboarding', accept, signal: opts.signal });

  const homeOutcome = await get(home.href, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
  if (!homeOutcome.ok) {
    trail.push(`home page ${home.href}: ${homeOutcome.reason}`);
    return { entry: null, trail, links: 0, samples: [] };
  }
  if (homeOutcome.notModified) throw new Error('unexpected 304 for an unconditional request');
  const homePage = decodePage(homeOutcome.page);
  const homeBase = homeOutcome.page.finalUrl;
  const $ = cheerio.load(homePage.html, { xml: { xmlMode: false } });
  // The site's name: og:site_name, else the part of the home page's title that is not "Home".
  const titleParts = $('title')
    .first()
    .text()
    .split(/\s+(?:[—|–:-]|::)\s+/)
    .map((p) => p.trim())
    .filter((p) => p && !cfg.homeWords.includes(p.toLowerCase()));
  const siteName =
    $('meta[property="og:site_name"]').attr('content')?.trim() || titleParts[0] || home.hostname;

  // 1. Feeds: announced on the home page, then at the paths CMSs use.
  const announced = $('link[rel~="alternate"]')
    .filter((_, el) => /rss|atom|xml/i.test($(el).attr('type') ?? ''))
    .map((_, el) => absoluteUrl($(el).attr('href'), homeBase))
    .get()
    .filter((u): u is string => u !== null && !/comments?/i.test(u));
  if (announced.length > 0)
    trail.push(`home page announces ${announced.length} feed(s): ${announced.join(', ')}`);
  else trail.push('home page announces no feed');
  const feedCandidates = unique([...announced, ...cfg.feedPaths.map((p) => new URL(p, origin).href)]);
  let chosen: { kind: NewsSourceKind; urls: string[]; how: string } | null = null;
  for (const url of feedCandidates) {
    if (opts.signal?.aborted) break;
    const o = await get(url, FEED_ACCEPT);
    if (!o.ok || o.notModified) {
      if (announced.includes(url)) trail.push(`${url}: ${o.ok ? 'not modified' : o.reason}`);
      continue;
    }
    const parsed = parseFeed(decodeXml(o.page), o.page.finalUrl);
    if (!parsed.ok) {
      if (announced.includes(url)) trail.push(parsed.reason);
      continue;
    }
    if (parsed.value.length === 0) {
      trail.push(`${url}: a feed with no items`);
      continue;
    }
    const atom = /<feed[\s>]/.test(decodeXml(o.page).slice(0, 2000));
    chosen = {
      kind: atom ? 'atom' : 'rss',
      urls: [o.page.finalUrl],
      how: `${announced.includes(url) ? 'feed announced on the home page' : 'feed at a common path'}: ${o.page.finalUrl} (${parsed.value.length} items)`,
    };
    break;
  }

  // 2. Sitemaps: robots.txt first, then common paths; a news sitemap (or an index naming one) is best.
  if (!chosen) {
    trail.push('no working feed found');
    const fromRobots: string[] = [];
    const robots = await get(new URL('/robots.txt', origin).href, 'text/plain');
    if (robots.ok && !robots.notModified) {
      const text = Buffer.from(robots.page.body).toString('utf8');
      for (const m of text.matchAll(/^\s*sitemap:\s*(\S+)/gim)) {
        const u = absoluteUrl(m[1], origin);
        if (u) fromRobots.push(u);
      }
    }
    trail.push(
      fromRobots.length > 0 ? `robots.txt names ${fromRobots.join(', ')}` : 'robots.txt names no sitemap',
    );
    const candidates = unique([
      ...fromRobots.sort((a, b) => Number(/news/i.test(b)) - Number(/news/i.test(a))),
      ...cfg.sitemapPaths.map((p) => new URL(p, origin).href),
    ]);
    for (const url of candidates) {
      if (opts.signal?.aborted) break;
      const o = await get(url, 'application/xml, text/xml;q=0.9, */*;q=0.5');
      if (!o.ok || o.notModified) continue;
      let parsed: ReturnType<typeof parseSitemap>;
      try {
        parsed = parseSitemap(decodeXml(o.page, maybeGunzip(o.page.body)), o.page.finalUrl);
      } catch (error) {
        trail.push(`${url}: ${(error as Error).message}`);
        continue;
      }
      if (!parsed.ok) continue;
      const v = parsed.value;
      if (v.kind === 'urlset' && v.links.length === 0) continue;
      if (v.kind === 'index' && v.sitemaps.length === 0) continue;
      const news = v.kind === 'index' ? v.sitemaps.find((s) => /news/i.test(s.url)) : undefined;
      chosen = {
        kind: 'sitemap',
        urls: [o.page.finalUrl],
        how:
          v.kind === 'index'
            ? `sitemap index ${o.page.finalUrl} (${v.sitemaps.length} sitemaps${news ? `, news sitemap ${news.url}` : ''})`
            : `sitemap ${o.page.finalUrl} (${v.links.length} URLs${v.links.some((l) => l.listed) ? ', a news sitemap' : ''})`,
      };
      break;
    }
    if (!chosen) trail.push('no sitemap found');
  }

  // 3. A listing with pagination: the home page's "all news" link, or the home page itself.
  if (!chosen) {
    const words = cfg.listingLinkWords.map((w) => w.toLowerCase());
    const linked = $('a[href]')
      .filter((_, el) => {
        const text = $(el).text().replace(/\s+/g, ' ').trim().toLowerCase();
        return text.length > 0 && text.length < 40 && words.some((w) => text.includes(w));
      })
      .map((_, el) => absoluteUrl($(el).attr('href'), homeBase))
      .get()
      .filter((u): u is string => u !== null && new URL(u).host === home.host);
    for (const url of unique([...linked, homeBase])) {
      if (opts.signal?.aborted) break;
      const o = url === homeBase ? homeOutcome : await get(url);
      if (!o.ok || o.notModified) continue;
      const listing = parseListing(decodePage(o.page).html, o.page.finalUrl, {
        linkPattern: null,
        nextPageTexts: fetcher.config.nextPageTexts,
        skipLinkPatterns: fetcher.config.skipLinkPatterns,
        parseDate: (t) => parseNewsDate(t),
      });
      if (listing.links.length >= 3 && listing.nextPage) {
        chosen = {
          kind: 'listing',
          urls: [o.page.finalUrl],
          how: `listing ${o.page.finalUrl} (${listing.links.length} article links, next page ${listing.nextPage})`,
        };
        break;
      }
    }
    if (!chosen) trail.push('no listing with pagination found');
  }
  if (!chosen) return { entry: null, trail, links: 0, samples: [] };
  trail.push(`entry point: ${chosen.how}`);

  // 4. A few articles, read and extracted as the crawl will.
  const probe: NewsSource = {
    id: opts.id ?? 'onboarding',
    name: siteName,
    kind: chosen.kind,
    urls: chosen.urls,
    lang: opts.lang ?? null,
    enabled: true,
  };
  const d = await discoverLinks(probe, {
    fetcher,
    since: null,
    known: async () => new Set(),
    signal: opts.signal,
  });
  const links = [...new Map(d.links.map((l) => [l.url, l])).values()];
  const newest = [...links].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  const samples: OnboardSample[] = [];
  for (const link of newest.slice(0, opts.samples ?? 3)) {
    if (opts.signal?.aborted) break;
    const o = await get(link.url);
    if (!o.ok || o.notModified) {
      samples.push(failedSample(link.url, o.ok ? 'not modified' : o.reason));
      continue;
    }
    const hints = linkHints(link, link.url, probe);
    const r = extractArticle(decodePage(o.page), {
      sourceId: probe.id,
      langHint: opts.lang,
      now: opts.now,
      listed: hints.listed,
      listedSummary: hints.summary,
    });
    if (!r.ok) {
      samples.push(failedSample(link.url, r.reason));
      continue;
    }
    const a = r.value;
    const language = opts.classifier.detectLanguage(`${a.title}\n\n${a.text}`);
    samples.push({
      url: link.url,
      ok: true,
      title: a.title,
      publishedAt: a.publishedAt ?? link.publishedAt,
      firstWords: a.text.replace(/\s+/g, ' ').split(' ').slice(0, 12).join(' '),
      length: a.text.length,
      lang:
        language.script === 'cyrl' || language.lang === 'en'
          ? language.lang
          : `${language.lang}-${language.script}`,
      extractedBy: a.extractedBy,
      short: a.short === true,
      note: a.bodyNote ?? null,
    });
  }
  const ok = samples.filter((s) => s.ok);
  const lang = opts.lang ?? majorityLang(ok.map((s) => (s.lang ?? '').slice(0, 2)));
  const id = opts.id ?? idFromHost(home.host, lang);
  const entry: Record<string, unknown> = {
    id,
    name: siteName,
    kind: chosen.kind,
    lang,
    urls: chosen.urls,
    verified: ok.length > 0,
    note: `onboarded from ${home.href} on ${(opts.now ?? new Date()).toISOString().slice(0, 10)}: ${chosen.how}`,
  };
  if (!lang) delete entry.lang;
  return { entry: ok.length > 0 ? entry : null, trail, links: links.length, samples };
}

function failedSample(url: string, reason: string): OnboardSample {
  return {
    url,
    ok: false,
    title: null,
    publishedAt: null,
    firstWords: '',
    length: 0,
    lang: null,
    extractedBy: null,
    short: false,
    note: reason,
  };
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

function majorityLang(langs: readonly string[]): Lang | null {
  const counts = new Map<string, number>();
  for (const l of langs) if (l === 'kk' || l === 'ru' || l === 'en') counts.set(l, (counts.get(l) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? (best[0] as Lang) : null;
}

/** "www.zakon.kz" → "zakon-ru"; a bare address (127.0.0.1:8080) keeps its digits. */
export function idFromHost(hostname: string, lang: Lang | null): string {
  const host = hostname.replace(/^www\./, '');
  const name = /^[\d.]+(:\d+)?$/.test(host)
    ? host
    : host.replace(/\.(kz|com|org|net|media|info|news|ru)(:\d+)?$/, '');
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return lang ? `${base}-${lang}` : base || 'source';
}

export const DEFAULT_ONBOARDING: NonNullable<CrawlConfig['onboarding']> = {
  feedPaths: ['/rss', '/feed/', '/rss.xml', '/feed.xml', '/atom.xml', '/rss/', '/news.rss', '/index.xml'],
  sitemapPaths: [
    '/sitemap.xml',
    '/sitemap_index.xml',
    '/sitemap-index.xml',
    '/news-sitemap.xml',
    '/sitemap-news.xml',
  ],
  listingLinkWords: [
    'все новости',
    'новости',
    'барлық жаңалықтар',
    'жаңалықтар',
    'all news',
    'news',
    'latest',
  ],
  homeWords: ['главная', 'главная страница', 'басты бет', 'басты', 'home', 'home page', 'main'],
};
