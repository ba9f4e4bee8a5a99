// On the imitation outlets (imitation/news-sites: a windows-1251 Russian outlet with per-source selectors,
// a Kazakh outlet with JSON-LD, a listing-only outlet without structured data), every article extracts to
// exactly its lead and paragraphs: no menu, "most read" list, related link, share bar or comment leaks in.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawPage } from '../../../core/index.ts';
import type { NewsSource } from '../../../crawlers/index.ts';
import {
  type ImitationArticle,
  NEWS_ARTICLES,
  type NewsSites,
  startNewsSites,
} from '../../../imitation/index.ts';
import { decodePage, extractArticle } from '../../../pipeline/index.ts';

let sites: NewsSites;

beforeAll(async () => {
  sites = await startNewsSites({ faults: false });
});
afterAll(async () => {
  await sites?.close();
});

async function fetchRaw(url: string, sourceId: string): Promise<RawPage> {
  const res = await fetch(url);
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return {
    sourceId,
    url,
    finalUrl: res.url,
    status: res.status,
    headers,
    body: new Uint8Array(await res.arrayBuffer()),
    fetchedAt: '2020-08-21T04:00:00.000Z',
  };
}

const text = async (url: string) => (await fetch(url)).text();
const all = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]!);

/** Article URLs of a source, found the simple way (feed links, sitemap locs, links between pages). */
async function articleUrls(source: NewsSource): Promise<string[]> {
  const pattern = source.articlePattern ? new RegExp(source.articlePattern) : /\.html$/;
  const entry = source.urls[0]!;
  if (source.kind === 'rss')
    return all(await text(entry), /<link>([^<]+)<\/link>/g).filter((u) => pattern.test(u));
  if (source.kind === 'sitemap') {
    const urls: string[] = [];
    for (const sitemap of all(await text(entry), /<loc>([^<]+)<\/loc>/g))
      urls.push(...all(await text(sitemap), /<loc>([^<]+)<\/loc>/g).filter((u) => pattern.test(u)));
    return urls;
  }
  // A listing outlet: follow its own links (pagination, "popular", "more stories") within the host.
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const articles = new Set<string>();
  while (queue.length > 0 && seen.size < 80) {
    const url = queue.shift()!;
    for (const href of all(await text(url), /href="([^"#]+)"/g)) {
      const abs = new URL(href, url).href;
      if (new URL(abs).host !== new URL(entry).host || seen.has(abs)) continue;
      seen.add(abs);
      if (/\/(news|en)\/(\?page=\d+)?$/.test(new URL(abs).pathname + new URL(abs).search)) queue.push(abs);
      else if (/^\/[a-z]+\/[a-z0-9-]+\.html$/.test(new URL(abs).pathname) && !abs.includes('/private/')) {
        articles.add(abs);
        queue.push(abs);
      }
    }
  }
  return [...articles];
}

/** What a page can carry: windows-1251 cannot hold Kazakh letters, so the imitation writes "?" for them. */
function expectedText(a: ImitationArticle, charset: string): string {
  const t = [a.lead, ...a.paragraphs].map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n');
  return charset === 'windows-1251' ? iconv.decode(iconv.encode(t, 'win1251'), 'win1251') : t;
}

describe('extraction on the imitation outlets', () => {
  it('extracts every article of every outlet exactly, with no boilerplate', async () => {
    const byTitle = new Map(NEWS_ARTICLES.map((a) => [a.title, a]));
    let checked = 0;
    for (const source of sites.sources.filter(
      (s) => !s.urls.some((u) => u.includes(new URL(sites.urls.faulty).host)),
    )) {
      const urls = [...new Set(await articleUrls(source))];
      expect(urls.length, `${source.id}: no article links found`).toBeGreaterThan(0);
      for (const url of urls) {
        const page = decodePage(await fetchRaw(url, source.id));
        const r = extractArticle(page, {
          sourceId: source.id,
          selectors: source.selectors,
          langHint: source.lang,
          // Every link here comes from the outlet's feed, sitemap or dated listing: briefs are kept.
          listed: true,
        });
        if (!r.ok) throw new Error(`${url}: rejected: ${r.reason}`);
        const a = byTitle.get(r.value.title);
        if (!a) throw new Error(`${url}: title "${r.value.title}" is not one of the outlet's stories`);
        expect(r.value.text, url).toBe(expectedText(a, page.charset));
        expect(r.value.publishedAt, url).toBe(new Date(a.publishedAt).toISOString());
        // No other story's headline (from "most read", related or popular lists) appears in the text.
        for (const other of NEWS_ARTICLES)
          if (other.id !== a.id) expect(r.value.text, url).not.toContain(other.title);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  }, 120_000);
});
