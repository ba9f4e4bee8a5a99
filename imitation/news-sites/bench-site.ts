// A large generated outlet for `npm run bench:crawl`: N article pages (Russian and Kazakh text with the
// usual boilerplate) listed in one sitemap, optionally on several hosts (one port each). Run in its own
// process (see serveBenchSitesInChild) so the server does not share a core with the crawler it measures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NEWS_ARTICLES } from './news-articles.ts';

export interface BenchSites {
  readonly urls: readonly string[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(i: number, host: string): string {
  const a = NEWS_ARTICLES[i % NEWS_ARTICLES.length]!;
  const others = [1, 2, 3].map((k) => NEWS_ARTICLES[(i + k) % NEWS_ARTICLES.length]!);
  return `<!doctype html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(a.title)} №${i}</title>
<link rel="canonical" href="${host}/article/${i}"><meta property="article:published_time" content="${a.publishedAt}"></head><body>
<header><nav><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a> <a href="/sport">Спорт</a> <a href="/econ">Экономика</a></nav></header>
<main><article><h1>${esc(a.title)} №${i}</h1><div class="meta"><time datetime="${a.publishedAt}">${a.publishedAt.slice(0, 10)}</time> ${esc(a.author)}</div>
<p class="lead">${esc(a.lead)}</p>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="share">Бөлісу: Facebook · Telegram</div></article>
<aside><h3>Көп оқылған</h3><ul>${others.map((o, k) => `<li><a href="/article/${i + k + 1}">${esc(o.title)}</a></li>`).join('')}</ul></aside>
<section class="comments"><h3>Пікірлер</h3><div class="comment">Рахмет, жақсы мақала.</div></section></main>
<footer>© Bench News 2020</footer></body></html>`;
}

export async function startBenchSites(options: { pages: number; hosts?: number }): Promise<BenchSites> {
  const hosts = options.hosts ?? 1;
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let h = 0; h < hosts; h++) {
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      const base = `http://${req.headers.host}`;
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /admin/\n');
        return;
      }
      if (path === '/sitemap.xml') {
        const parts = [
          '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ];
        for (let i = 0; i < options.pages; i++)
          parts.push(`<url><loc>${base}/article/${i}</loc><lastmod>2020-08-20</lastmod></url>`);
        parts.push('</urlset>');
        res.writeHead(200, { 'content-type': 'application/xml' }).end(parts.join('\n'));
        return;
      }
      const m = /^\/article\/(\d+)$/.exec(path);
      if (m && Number(m[1]) < options.pages) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1]), base));
        return;
      }
      res.writeHead(404).end();
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    urls,
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
    },
  };
}

// As a child process: `node --import tsx bench-site.ts PAGES HOSTS` prints the URLs as one JSON line.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!) && process.argv[2]) {
  const sites = await startBenchSites({
    pages: Number(process.argv[2]),
    hosts: Number(process.argv[3] ?? 1),
  });
  process.stdout.write(`${JSON.stringify(sites.urls)}\n`);
  process.on('SIGTERM', () => void sites.close().then(() => process.exit(0)));
}
