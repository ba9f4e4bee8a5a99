// A fleet of small imitation outlets for the crawl-worker tests: N outlets (one sitemap each, dated article
// pages in Russian and Kazakh) spread over fewer hosts, so that several outlets share a host the way
// regional sites share a publisher's server, and workers crawling different outlets meet at one host.
// One outlet can answer slowly, others fail (503 on everything). Each host counts its requests in flight and
// their arrival times: the per-host politeness limit is checked where it matters, at the server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NEWS_ARTICLES } from './news-articles.ts';

export interface OutletFleetOptions {
  readonly outlets: number;
  readonly hosts: number;
  readonly articlesPerOutlet: number;
  /** Outlet index → delay of each of its responses in ms. */
  readonly slow?: Readonly<Record<number, number>>;
  /** Outlet indexes that answer 503 to everything (robots.txt excepted: it is the host's). */
  readonly failing?: readonly number[];
}

export interface HostStats {
  readonly url: string;
  /** Most requests in flight at once. */
  readonly maxInFlight: number;
  /** When each request arrived (performance.now()), in order. */
  readonly arrivals: readonly number[];
}

export interface FleetRequest {
  readonly host: string;
  readonly path: string;
  readonly status: number;
  readonly at: number;
}

export interface OutletFleet {
  /** The registry entries of the outlets (as config/sources.json holds them). */
  readonly registry: { readonly sources: readonly Record<string, unknown>[] };
  readonly hosts: readonly string[];
  readonly requests: readonly FleetRequest[];
  /** Source id of outlet i. */
  sourceId(i: number): string;
  /** Article URLs of outlet i (what a complete crawl stores). */
  articleUrls(i: number): string[];
  stats(): HostStats[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function articlePage(outlet: number, k: number, base: string): string {
  const a = NEWS_ARTICLES[(outlet * 7 + k) % NEWS_ARTICLES.length]!;
  const title = `${a.title} (${outlet + 1}-${k + 1})`;
  const day = String(1 + ((outlet + k) % 28)).padStart(2, '0');
  return `<!doctype html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="canonical" href="${base}/o${outlet}/news/${k}"><meta property="article:published_time" content="2020-08-${day}T09:00:00+06:00"></head><body>
<header><nav><a href="/o${outlet}/">Главная</a> <a href="/o${outlet}/news">Новости</a></nav></header>
<main><article><h1>${esc(title)}</h1><div class="meta"><time datetime="2020-08-${day}T09:00:00+06:00">${day}.08.2020</time> ${esc(a.author)}</div>
<p class="lead">${esc(a.lead)}</p>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p>Материал подготовлен редакцией №${outlet + 1}, выпуск ${k + 1}.</p></article>
<aside><h3>Самое читаемое</h3><ul><li><a href="/o${outlet}/news/${(k + 1) % 5}">Ещё новость</a></li></ul></aside></main>
<footer>© Региональное издание ${outlet + 1}, 2020</footer></body></html>`;
}

export async function startOutletFleet(o: OutletFleetOptions): Promise<OutletFleet> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const hosts: string[] = [];
  const requests: FleetRequest[] = [];
  const state = Array.from({ length: o.hosts }, () => ({
    inFlight: 0,
    maxInFlight: 0,
    arrivals: [] as number[],
  }));
  const failing = new Set(o.failing ?? []);
  for (let h = 0; h < o.hosts; h++) {
    const s = state[h]!;
    const server = createServer((req, res) => {
      s.inFlight += 1;
      s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
      const at = performance.now();
      s.arrivals.push(at);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      let done = false;
      const finish = (status: number) => {
        if (done) return;
        done = true;
        s.inFlight -= 1;
        requests.push({ host: hosts[h]!, path, status, at });
      };
      res.on('finish', () => finish(res.statusCode));
      res.on('close', () => finish(res.statusCode));
      const reply = (status: number, type: string, body: string) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': type }).end(body);
      };
      if (path === '/robots.txt') return reply(200, 'text/plain', 'User-agent: *\nDisallow: /admin/\n');
      const m = /^\/o(\d+)\/(sitemap\.xml|news\/(\d+))$/.exec(path);
      const outlet = m ? Number(m[1]) : -1;
      if (!m || outlet >= o.outlets || outlet % o.hosts !== h) return reply(404, 'text/plain', 'not found');
      const answer = () => {
        if (failing.has(outlet)) return reply(503, 'text/plain', 'service unavailable');
        const base = hosts[h]!;
        if (m[2] === 'sitemap.xml') {
          const urls = Array.from(
            { length: o.articlesPerOutlet },
            (_, k) => `<url><loc>${base}/o${outlet}/news/${k}</loc><lastmod>2020-08-20</lastmod></url>`,
          );
          return reply(
            200,
            'application/xml',
            `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`,
          );
        }
        const k = Number(m[3]);
        if (k >= o.articlesPerOutlet) return reply(404, 'text/plain', 'not found');
        return reply(200, 'text/html; charset=utf-8', articlePage(outlet, k, base));
      };
      const delay = o.slow?.[outlet];
      if (delay) setTimeout(answer, delay);
      else answer();
    });
    server.on('connection', (c) => {
      sockets.add(c);
      c.on('close', () => sockets.delete(c));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    hosts.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const sourceId = (i: number) => `fleet-${String(i + 1).padStart(2, '0')}`;
  return {
    registry: {
      sources: Array.from({ length: o.outlets }, (_, i) => ({
        id: sourceId(i),
        name: `Региональное издание ${i + 1} (imitation)`,
        kind: 'sitemap',
        lang: i % 2 === 0 ? 'ru' : 'kk',
        url: `${hosts[i % o.hosts]}/o${i}/sitemap.xml`,
        articlePattern: `/o${i}/news/\\d+$`,
      })),
    },
    hosts,
    requests,
    sourceId,
    articleUrls: (i) =>
      Array.from({ length: o.articlesPerOutlet }, (_, k) => `${hosts[i % o.hosts]}/o${i}/news/${k}`),
    stats: () =>
      state.map((s, h) => ({ url: hosts[h]!, maxInFlight: s.maxInFlight, arrivals: [...s.arrivals] })),
    close: async () => {
      for (const c of sockets) c.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
    },
  };
}
