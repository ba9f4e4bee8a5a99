// The polite fetcher against a local server with scripted answers: spacing per host, retries and their
// limits, the size cap, redirects, conditional requests and robots.txt.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../crawlers/fetch/host-limiter.ts';
import { PoliteFetcher, parseRetryAfter } from '../../../crawlers/fetch/polite-fetcher.ts';
import { crawlDelayFor } from '../../../crawlers/fetch/robots-cache.ts';
import { withCrawlConfig } from '../../../crawlers/index.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
const log: { path: string; headers: IncomingMessage['headers']; at: number }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    log.push({ path, headers: req.headers, at: performance.now() });
    const h = routes.get(path);
    if (h) h(req, res, n);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});
beforeEach(() => {
  routes.clear();
  hits.clear();
  log.length = 0;
  routes.set('/robots.txt', (_q, res) =>
    res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: SozMonitor\nDisallow: /no-soz/\n'),
  );
});

const config = withCrawlConfig({
  ratePerSecond: 1000,
  maxRetries: 2,
  backoffBaseMs: 20,
  requestTimeoutMs: 800,
  maxPageBytes: 1000,
  maxRedirects: 3,
});
const ok =
  (body: string, headers: Record<string, string> = {}): Handler =>
  (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html', ...headers });
    res.end(body);
  };

describe('PoliteFetcher', () => {
  it('sends the honest User-Agent and returns the bytes and headers', async () => {
    routes.set('/a', ok('<p>Сәлем</p>', { etag: '"v1"' }));
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/a`, sourceId: 's' });
    expect(r.ok && !r.notModified && Buffer.from(r.page.body).toString()).toBe('<p>Сәлем</p>');
    expect(r.ok && !r.notModified && r.page.headers.etag).toBe('"v1"');
    expect(log.find((l) => l.path === '/a')?.headers['user-agent']).toBe(config.userAgent);
  });

  it('retries a 503 with backoff, then gives up naming the attempts', async () => {
    routes.set('/down', (_q, res) => {
      res.writeHead(503);
      res.end();
    });
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/down`, sourceId: 's' });
    expect(r).toMatchObject({ ok: false, status: 503, retryable: true, attempts: 3 });
    expect(!r.ok && r.reason).toBe('HTTP 503 (after 3 attempts)');
  });

  it('does not retry 404 and 410', async () => {
    routes.set('/gone', (_q, res) => {
      res.writeHead(410);
      res.end();
    });
    const f = new PoliteFetcher(config);
    expect(await f.fetch({ url: `${base}/gone`, sourceId: 's' })).toMatchObject({
      ok: false,
      status: 410,
      attempts: 1,
      retryable: false,
    });
    expect(await f.fetch({ url: `${base}/missing`, sourceId: 's' })).toMatchObject({
      ok: false,
      status: 404,
      attempts: 1,
    });
  });

  it('honours Retry-After on 429, and fails when it asks for too long', async () => {
    routes.set('/busy', (_q, res, n) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else ok('fine')(_q, res, n);
    });
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/busy`, sourceId: 's' });
    expect(r.ok).toBe(true);
    const times = log.filter((l) => l.path === '/busy').map((l) => l.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    routes.set('/later', (_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const later = await new PoliteFetcher(config).fetch({ url: `${base}/later`, sourceId: 's' });
    expect(!later.ok && later.reason).toMatch(/Retry-After 3600 s is too long/);
  });

  it('times out a silent server and retries', async () => {
    routes.set('/silent', () => {});
    const r = await new PoliteFetcher(
      withCrawlConfig({ ...config, requestTimeoutMs: 300, maxRetries: 1 }),
    ).fetch({ url: `${base}/silent`, sourceId: 's' });
    expect(!r.ok && r.reason).toBe('timeout after 300 ms (after 2 attempts)');
  });

  it('caps the page size, by Content-Length and while streaming', async () => {
    routes.set('/big', ok('x'.repeat(5000)));
    routes.set('/big-chunked', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
    });
    const f = new PoliteFetcher(config);
    expect(await f.fetch({ url: `${base}/big`, sourceId: 's' })).toMatchObject({
      ok: false,
      reason: 'page larger than 1000 bytes',
      attempts: 1,
    });
    expect(await f.fetch({ url: `${base}/big-chunked`, sourceId: 's' })).toMatchObject({
      ok: false,
      reason: 'page larger than 1000 bytes',
    });
  });

  it('decodes gzip, deflate and brotli bodies, and caps the decoded size too', async () => {
    const text = '<p>Сот отырысы жабық өтті.</p>';
    const encoded: [string, Buffer][] = [
      ['gzip', gzipSync(text)],
      ['deflate', deflateSync(text)],
      ['deflate', deflateRawSync(text)], // the raw deflate some servers send under that name
      ['br', brotliCompressSync(text)],
    ];
    const f = new PoliteFetcher(config);
    for (const [i, [coding, body]] of encoded.entries()) {
      routes.set(`/enc${i}`, ok(body as unknown as string, { 'content-encoding': coding }));
      const r = await f.fetch({ url: `${base}/enc${i}`, sourceId: 's' });
      expect(r.ok && !r.notModified && Buffer.from(r.page.body).toString(), coding).toBe(text);
    }
    // 5,000 bytes that compress to a few dozen: within the cap as sent, not once decoded.
    routes.set('/bomb', ok(gzipSync('z'.repeat(5000)) as unknown as string, { 'content-encoding': 'gzip' }));
    expect(await f.fetch({ url: `${base}/bomb`, sourceId: 's' })).toMatchObject({
      ok: false,
      reason: 'page larger than 1000 bytes',
    });
    f.close();
  });

  it('retries a page whose connection is cut mid-body', async () => {
    routes.set('/cut', (_q, res, hit) => {
      if (hit > 1) return ok('whole page')(_q, res, hit);
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '500' });
      res.write('<p>the first bytes');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/cut`, sourceId: 's' });
    expect(r.ok && !r.notModified && Buffer.from(r.page.body).toString()).toBe('whole page');
    expect(r.attempts).toBe(2);
  });

  it('follows redirects up to the limit, detects loops and reports the final URL', async () => {
    routes.set('/r1', (_q, res) => res.writeHead(301, { location: '/r2' }).end());
    routes.set('/r2', (_q, res) => res.writeHead(302, { location: `${base}/final` }).end());
    routes.set('/final', ok('done'));
    routes.set('/loop', (_q, res) => res.writeHead(302, { location: '/loop2' }).end());
    routes.set('/loop2', (_q, res) => res.writeHead(302, { location: '/loop' }).end());
    for (let i = 0; i < 6; i++)
      routes.set(`/chain${i}`, (_q, res) => res.writeHead(302, { location: `/chain${i + 1}` }).end());
    const f = new PoliteFetcher(config);
    const r = await f.fetch({ url: `${base}/r1`, sourceId: 's' });
    expect(r.ok && !r.notModified && [r.page.url, r.page.finalUrl]).toEqual([`${base}/r1`, `${base}/final`]);
    expect(await f.fetch({ url: `${base}/loop`, sourceId: 's' })).toMatchObject({
      ok: false,
      reason: `redirect loop at ${base}/loop`,
    });
    expect(await f.fetch({ url: `${base}/chain0`, sourceId: 's' })).toMatchObject({
      ok: false,
      reason: 'more than 3 redirects',
    });
  });

  it('sends validators and reports 304 as not modified', async () => {
    routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') res.writeHead(304).end();
      else ok('<rss/>', { etag: '"abc"' })(req, res, 0);
    });
    const r = await new PoliteFetcher(config).fetch({
      url: `${base}/feed`,
      sourceId: 's',
      etag: '"abc"',
      lastModified: 'Mon, 24 Aug 2020 12:00:00 GMT',
    });
    expect(r).toMatchObject({ ok: true, notModified: true });
    expect(log.find((l) => l.path === '/feed')?.headers['if-modified-since']).toBe(
      'Mon, 24 Aug 2020 12:00:00 GMT',
    );
  });

  it('obeys the * group of robots.txt, fetching robots.txt once', async () => {
    routes.set('/robots.txt', (_q, res) => res.end('User-agent: *\nDisallow: /private/\n'));
    routes.set('/private/x', ok('secret'));
    routes.set('/open', ok('open'));
    const f = new PoliteFetcher(config);
    expect(await f.fetch({ url: `${base}/private/x`, sourceId: 's' })).toMatchObject({
      ok: false,
      blocked: true,
    });
    expect((await f.fetch({ url: `${base}/open`, sourceId: 's' })).ok).toBe(true);
    expect((await f.fetch({ url: `${base}/open`, sourceId: 's' })).ok).toBe(true);
    expect(log.map((l) => l.path)).toEqual(['/robots.txt', '/open', '/open']);
  });

  it('follows a redirected robots.txt', async () => {
    routes.set('/robots.txt', (_q, res) => res.writeHead(301, { location: '/meta/robots.txt' }).end());
    routes.set('/meta/robots.txt', (_q, res) => res.end('User-agent: *\nDisallow: /private/\n'));
    routes.set('/private/x', ok('secret'));
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/private/x`, sourceId: 's' });
    expect(r).toMatchObject({ ok: false, blocked: true });
    expect(log.map((l) => l.path)).toEqual(['/robots.txt', '/meta/robots.txt']);
  });

  it('obeys a group naming our agent, which replaces the * group (RFC 9309)', async () => {
    routes.set('/private/x', ok('not secret for us'));
    routes.set('/no-soz/y', ok('secret'));
    const f = new PoliteFetcher(config);
    expect(await f.fetch({ url: `${base}/no-soz/y`, sourceId: 's' })).toMatchObject({
      ok: false,
      blocked: true,
    });
    expect((await f.fetch({ url: `${base}/private/x`, sourceId: 's' })).ok).toBe(true);
  });

  it('treats a failing robots.txt (5xx) as disallowing the host for the run, and says so', async () => {
    routes.set('/robots.txt', (_q, res) => res.writeHead(500).end());
    routes.set('/open', ok('open'));
    const r = await new PoliteFetcher(config).fetch({ url: `${base}/open`, sourceId: 's' });
    expect(r).toMatchObject({
      ok: false,
      blocked: false,
      retryable: true,
      reason: 'robots.txt answered HTTP 500: host skipped this run',
    });
    expect(log.map((l) => l.path)).toEqual(['/robots.txt']);
  });

  it('names the network error when robots.txt cannot be reached', async () => {
    // A port that was just free: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((ok) => probe.close(() => ok()));
    const r = await new PoliteFetcher(config).fetch({
      url: `http://127.0.0.1:${port}/news.rss`,
      sourceId: 's',
    });
    expect(r).toMatchObject({
      ok: false,
      reason: 'robots.txt unreachable (ECONNREFUSED): host skipped this run',
    });
  });
});

describe('HostLimiter', () => {
  it('spaces starts on one host evenly and keeps hosts independent', async () => {
    const limiter = new HostLimiter();
    const starts: Record<string, number[]> = { a: [], b: [] };
    const t0 = performance.now();
    await Promise.all(
      ['a', 'b'].flatMap((host) =>
        Array.from({ length: 6 }, async () => {
          const slot = await limiter.acquire(host, 20, 4);
          starts[host]!.push(performance.now() - t0);
          slot.release();
        }),
      ),
    );
    for (const host of ['a', 'b']) {
      const s = starts[host]!;
      // 50 ms apart at 20/s; a few ms of timer jitter either way, never a burst.
      for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(35);
      expect(s[5]! - s[0]!).toBeGreaterThanOrEqual(240);
      expect(s[5]!).toBeLessThan(1000); // both hosts ran side by side: ~250 ms each, not 500 in a row
    }
  });

  it('holds back a request while the host has `concurrency` in flight', async () => {
    const limiter = new HostLimiter();
    const first = await limiter.acquire('h', 1000, 1);
    let second = false;
    const p = limiter.acquire('h', 1000, 1).then((s) => {
      second = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(second).toBe(false);
    first.release();
    (await p).release();
    expect(second).toBe(true);
  });
});

describe('header helpers', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Mon, 24 Aug 2020 12:00:30 GMT', Date.parse('2020-08-24T12:00:00Z'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('reads the Crawl-delay of our group, else of *', () => {
    const robots =
      'User-agent: *\nCrawl-delay: 10\n\nUser-agent: SozMonitor\nUser-agent: OtherBot\nCrawl-delay: 2\nDisallow:\n';
    expect(crawlDelayFor(robots, 'SozMonitor')).toBe(2);
    expect(crawlDelayFor(robots, 'Unknown')).toBe(10);
    expect(crawlDelayFor('User-agent: *\nDisallow: /x', 'SozMonitor')).toBeNull();
  });
});
