// Serves the imitation outlets on 127.0.0.1 (one random port each) with the faults a real crawl meets:
// a page that fails with 500 once and then recovers, a page that never answers, 429 with Retry-After,
// a deleted page (404), a redirect loop, an oversized page, a robots.txt disallow, a malformed feed and
// an HTML page where a feed was expected. Every request is logged, so tests can count what was fetched.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { CONFIG_DIR } from '../../core/index.ts';
import { type NewsSource, parseNewsSources } from '../../crawlers/index.ts';
import { type ImitationArticle, LATE_ARTICLES, NEWS_ARTICLES, type OutletKey } from './news-articles.ts';
import {
  articlesOf,
  dalaArticle,
  dalaHome,
  dalaNewsSitemap,
  dalaPath,
  dalaSitemapIndex,
  dalaUrlset,
  vestnikArticle,
  vestnikArticleRedesigned,
  vestnikFeed,
  vestnikHome,
  vestnikPath,
  zharshyArticle,
  zharshyHome,
  zharshyListing,
  zharshyPath,
} from './render-outlets.ts';

export type SiteKey = OutletKey | 'faulty';

export interface LoggedRequest {
  readonly site: SiteKey;
  readonly path: string;
  readonly status: number;
  readonly userAgent: string;
  readonly conditional: boolean;
  /** When it arrived (performance.now()). */
  readonly at: number;
}

export interface NewsSitesOptions {
  /** Serve the faulty pages and sources (default true). */
  readonly faults?: boolean;
  /** Size of the oversized page (default 6 MB, above the 5 MB cap of config/crawl.json). */
  readonly oversizeBytes?: number;
}

export interface NewsSites {
  /** Base URL of each site, e.g. http://127.0.0.1:41234 */
  readonly urls: Readonly<Record<SiteKey, string>>;
  /** The demo registry (config/demo-sources.json) pointed at the running sites. */
  readonly sources: readonly NewsSource[];
  /** Every request served, in order. */
  readonly requests: readonly LoggedRequest[];
  /** Requests for article pages (not feeds, sitemaps, listings or robots.txt). */
  articleRequests(): LoggedRequest[];
  /** Changes an article's text (and its sitemap lastmod), as an outlet correcting a story. */
  editArticle(id: string, extraParagraph: string): void;
  /**
   * Степной вестник is redesigned: its article pages get new markup (the source's selectors find nothing)
   * and the stories it publishes afterwards (LATE_ARTICLES) appear in its feed.
   */
  redesign(): void;
  /** The demo registry as JSON text, for `soz crawl --sources FILE`. */
  sourcesJson(): string;
  close(): Promise<void>;
}

/** Pages of a fault kind, by site and path. */
const FAULTS = {
  vestnikDeleted: '/news/10455-udalennaya-novost.html',
  vestnikSlow: '/news/10460-medlennaya-stranica.html',
  vestnikFlaky: '/news/10494-regionalnym-zhurnalistam-vruchili-premiyu.html',
  vestnikThrottled: '/news/10499-brifing-v-ministerstve-informacii.html',
  dalaLoopA: '/kk/article/2020-08-20-qaita-bagyttau',
  dalaLoopB: '/kk/article/2020-08-20-qaita-bagyttau-2',
  dalaHuge: '/kk/article/2020-08-20-uzyn-material',
  zharshyPrivate: '/private/plan-nomera-na-sentyabr.html',
} as const;
export const NEWS_SITE_FAULTS = FAULTS;

const PAGE_SIZE = 3;

export async function startNewsSites(options: NewsSitesOptions = {}): Promise<NewsSites> {
  const faults = options.faults ?? true;
  const articles: ImitationArticle[] = NEWS_ARTICLES.map((a) => ({ ...a, paragraphs: [...a.paragraphs] }));
  let redesigned = false;
  const modifiedAt = new Map<string, string>();
  const requests: LoggedRequest[] = [];
  const hits = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const servers: Server[] = [];
  const urls = {} as Record<SiteKey, string>;

  const start = async (
    site: SiteKey,
    handler: (req: IncomingMessage, path: string) => Reply | Promise<Reply>,
  ) => {
    const server = createServer(async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const count = (hits.get(`${site}${path}`) ?? 0) + 1;
      hits.set(`${site}${path}`, count);
      let reply: Reply;
      try {
        reply = await handler(req, path);
      } catch (error) {
        reply = { status: 500, body: `internal error: ${(error as Error).message}` };
      }
      if (reply.status === -1) {
        // The "never answers" fault: keep the socket open until the client gives up or we close.
        requests.push(logEntry(site, path, 0, req));
        return;
      }
      send(req, res, reply, (status) => requests.push(logEntry(site, path, status, req)));
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    urls[site] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const hitCount = (site: SiteKey, path: string) => hits.get(`${site}${path}`) ?? 0;

  // ── Степной вестник ──
  await start('vestnik', (_req, path) => {
    const base = urls.vestnik;
    const own = articlesOf('vestnik', articles);
    if (path === '/robots.txt') return text('User-agent: *\nDisallow: /admin/\n');
    if (path === '/')
      return { status: 200, type: 'text/html', body: iconv.encode(vestnikHome(articles), 'win1251') };
    if (path === '/rss/news.xml') {
      const items = own.map((a) => ({
        path: vestnikPath(a),
        title: a.title,
        date: a.publishedAt,
        lead: a.lead,
      }));
      if (faults) {
        items.push({
          path: FAULTS.vestnikDeleted,
          title: 'Новость, которую редакция удалила',
          date: '2020-08-13T09:00:00+06:00',
          lead: 'Удалено.',
        });
        items.push({
          path: FAULTS.vestnikSlow,
          title: 'Страница, которая не отвечает',
          date: '2020-08-14T09:00:00+06:00',
          lead: 'Сервер занят.',
        });
      }
      const xml = vestnikFeed(base, items);
      return {
        status: 200,
        type: 'application/rss+xml; charset=windows-1251',
        body: iconv.encode(xml, 'win1251'),
        cacheable: true,
      };
    }
    if (faults && path === FAULTS.vestnikDeleted) return { status: 404, body: 'Страница не найдена' };
    if (faults && path === FAULTS.vestnikSlow) return { status: -1, body: '' };
    if (faults && path === FAULTS.vestnikFlaky && hitCount('vestnik', path) === 1)
      return { status: 500, body: 'Internal Server Error' };
    if (faults && path === FAULTS.vestnikThrottled && hitCount('vestnik', path) === 1)
      return { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '1' } };
    const a = own.find((x) => vestnikPath(x) === path);
    if (!a) return { status: 404, body: 'Страница не найдена' };
    // windows-1251 announced only inside the page, as on older sites; the header says just text/html.
    return {
      status: 200,
      type: 'text/html',
      body: iconv.encode(
        redesigned ? vestnikArticleRedesigned(a) : vestnikArticle(a, base, articles),
        'win1251',
      ),
    };
  });

  // ── Дала үні ──
  const dalaLastmod = (a: ImitationArticle) => modifiedAt.get(a.id) ?? a.publishedAt;
  await start('dala', (_req, path) => {
    const base = urls.dala;
    const own = articlesOf('dala', articles);
    if (path === '/robots.txt')
      return text(`User-agent: *\nDisallow: /search\n\nSitemap: ${base}/sitemap-index.xml\n`);
    if (path === '/' || path === '/kk/') return { status: 200, body: dalaHome(articles) };
    const newest = own.map(dalaLastmod).sort().pop() ?? '2020-08-01T00:00:00+06:00';
    if (path === '/sitemap-index.xml') return xml(dalaSitemapIndex(base, newest));
    if (path === '/sitemaps/2020-07.xml.gz') {
      const july = own.filter((a) => a.publishedAt.startsWith('2020-07'));
      const entries = july.map((a) => ({ path: dalaPath(a), lastmod: dalaLastmod(a) }));
      return {
        status: 200,
        type: 'application/x-gzip',
        body: gzipSync(dalaUrlset(base, entries)),
        cacheable: true,
      };
    }
    if (path === '/sitemaps/2020-08.xml.gz') {
      const august = own.filter((a) => a.publishedAt.startsWith('2020-08'));
      const entries = august.map((a) => ({ path: dalaPath(a), lastmod: dalaLastmod(a) }));
      if (faults) {
        entries.push({ path: FAULTS.dalaLoopA, lastmod: '2020-08-20T09:00:00+06:00' });
        entries.push({ path: FAULTS.dalaHuge, lastmod: '2020-08-20T10:00:00+06:00' });
      }
      return {
        status: 200,
        type: 'application/x-gzip',
        body: gzipSync(dalaUrlset(base, entries)),
        cacheable: true,
      };
    }
    // The news sitemap lists the last two days only, as Google asks.
    if (path === '/news-sitemap.xml') return xml(dalaNewsSitemap(base, own.slice(0, 2)));
    if (faults && path === FAULTS.dalaLoopA)
      return { status: 302, body: '', headers: { location: FAULTS.dalaLoopB } };
    if (faults && path === FAULTS.dalaLoopB)
      return { status: 302, body: '', headers: { location: FAULTS.dalaLoopA } };
    if (faults && path === FAULTS.dalaHuge) {
      const a = own[0]!;
      const filler = `<p class="archive">${'Мұрағат жолы. '.repeat(50)}</p>\n`;
      const padding = filler.repeat(
        Math.ceil((options.oversizeBytes ?? 6_000_000) / Buffer.byteLength(filler)),
      );
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: dalaArticle({ ...a, id: '2020-08-20-uzyn-material' }, base, articles, padding),
      };
    }
    const a = own.find((x) => dalaPath(x) === path);
    if (!a) return { status: 404, body: 'Бет табылмады' };
    return { status: 200, type: 'text/html; charset=utf-8', body: dalaArticle(a, base, articles) };
  });

  // ── Zharshy ──
  await start('zharshy', (_req, path) => {
    const own = articlesOf('zharshy', articles);
    if (path === '/robots.txt') return text('User-agent: *\nDisallow: /private/\nDisallow: /admin/\n');
    if (path === '/') return { status: 200, body: zharshyHome(articles) };
    const m = /^\/news\/(?:page\/(\d+)\/)?$/.exec(path);
    if (m) {
      const page = Number(m[1] ?? 1);
      const items = own.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      if (items.length === 0) return { status: 404, body: 'Нет такой страницы' };
      const extra =
        faults && page === 1
          ? [
              {
                href: FAULTS.zharshyPrivate,
                text: 'Черновик: план номера на сентябрь',
                date: '24 августа 2020, 18:00',
              },
            ]
          : [];
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: zharshyListing(page, items, own.length > page * PAGE_SIZE, articles, extra),
        cacheable: true,
      };
    }
    if (path === FAULTS.zharshyPrivate)
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: '<html><body>Служебная страница редакции</body></html>',
      };
    const a = own.find((x) => zharshyPath(x) === path);
    if (!a) return { status: 404, body: 'Страница не найдена' };
    return { status: 200, type: 'text/html; charset=utf-8', body: zharshyArticle(a, articles) };
  });

  // ── Outlets whose feed broke: a truncated feed and a feed URL that now serves the home page ──
  await start('faulty', (_req, path) => {
    if (path === '/robots.txt') return { status: 404, body: '' };
    if (path === '/rss.xml') {
      return xml(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ақ Жайық FM</title>
<item><title>Эфир кестесі өзгерді</title><link>/kk/news/1</link></item>
<item><title>Тыңдармандар байқауы</title><link>/kk/news/2</link>
</channel>`);
    }
    if (path === '/feed/') {
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><title>Жаңа сайт</title></head><body><h1>Біз жаңа мекенжайға көштік</h1><p>RSS арнасы енді қолжетімді емес.</p></body></html>',
        cacheable: true,
      };
    }
    return { status: 404, body: 'not found' };
  });

  let raw = readFileSync(resolve(CONFIG_DIR, 'demo-sources.json'), 'utf8');
  for (const [site, url] of Object.entries(urls)) raw = raw.replaceAll(`http://{{${site}}}`, url);
  const sources = parseNewsSources(JSON.parse(raw), 'config/demo-sources.json').filter(
    (s) => faults || !['demo-akzhaiyk', 'demo-moved-feed'].includes(s.id),
  );
  const sourcesJson = () => JSON.stringify({ sources }, null, 2);
  const nonArticle =
    /^\/($|kk\/$|robots\.txt|rss\/news\.xml|sitemap-index\.xml|sitemaps\/|news-sitemap\.xml|news\/(page\/\d+\/)?$|rss\.xml|feed\/)/;

  return {
    urls,
    sources,
    requests,
    articleRequests: () => requests.filter((r) => !nonArticle.test(r.path)),
    editArticle(id, extraParagraph) {
      const a = articles.find((x) => x.id === id);
      if (!a) throw new Error(`no imitation article ${id}`);
      (a.paragraphs as string[]).push(extraParagraph);
      modifiedAt.set(id, new Date().toISOString());
    },
    sourcesJson,
    redesign() {
      redesigned = true;
      articles.push(...LATE_ARTICLES.map((a) => ({ ...a, paragraphs: [...a.paragraphs] })));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
    },
  };
}

interface Reply {
  /** -1: never answer. */
  readonly status: number;
  readonly body: string | Uint8Array;
  readonly type?: string;
  readonly headers?: Record<string, string>;
  /** Send ETag / Last-Modified and answer conditional requests with 304 (feeds, sitemaps, listings). */
  readonly cacheable?: boolean;
}

const text = (body: string): Reply => ({ status: 200, type: 'text/plain; charset=utf-8', body });
const xml = (body: string): Reply => ({
  status: 200,
  type: 'application/xml; charset=utf-8',
  body,
  cacheable: true,
});

function logEntry(site: SiteKey, path: string, status: number, req: IncomingMessage): LoggedRequest {
  return {
    site,
    path,
    status,
    userAgent: String(req.headers['user-agent'] ?? ''),
    conditional: Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']),
    at: performance.now(),
  };
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, log: (status: number) => void): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body);
  const headers: Record<string, string> = {
    'content-type': reply.type ?? 'text/html; charset=utf-8',
    ...reply.headers,
  };
  if (reply.cacheable && reply.status === 200) {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    headers.etag = etag;
    headers['last-modified'] = 'Mon, 24 Aug 2020 12:00:00 GMT';
    if (req.headers['if-none-match'] === etag) {
      log(304);
      res.writeHead(304, { etag });
      res.end();
      return;
    }
  }
  log(reply.status);
  headers['content-length'] = String(body.byteLength);
  res.writeHead(reply.status, headers);
  res.end(body);
}
