// A local imitation of an outlet a reviewer's tip points at, on 127.0.0.1: the article of
// tests/fixtures/review/talgar-lease.html (below the classifier's line), a page with no article, a path
// robots.txt forbids, and a 404. Used by the CLI and browser tests of "Add a report by URL".
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/index.ts';

export const TIP_ARTICLE_PATH = '/news/2024/05/talgar-lease';

export interface TipSite {
  readonly origin: string;
  /** Every request's path and User-Agent, in order. */
  readonly requests: { path: string; userAgent: string }[];
  close(): Promise<void>;
}

export async function startTipSite(): Promise<TipSite> {
  const article = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/review/talgar-lease.html'));
  const requests: { path: string; userAgent: string }[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, userAgent: String(req.headers['user-agent'] ?? '') });
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('User-agent: *\nDisallow: /private/\n');
    }
    if (path === TIP_ARTICLE_PATH || path === '/private/leak') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(article);
    }
    if (path === '/gallery') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        '<!doctype html><html><head><title>Фото</title></head><body><img src="/a.jpg"></body></html>',
      );
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
