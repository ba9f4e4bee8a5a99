// `npm run bench:crawl`: the project's crawl path (sitemap discovery, polite fetcher in the crawlee pool,
// decode, extract, language, classify, store in SQLite) against a plain fetch + cheerio (htmlparser2)
// loop at the same concurrency, over the same local site of 5,000 article pages, in the same run; then
// 10 local hosts each limited to 5 requests/s, to see how close the crawl gets to the 50 req/s cap.
// The site runs in a child process so that it does not share a core with what it measures.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { createClassifier } from '../classifiers/index.ts';
import type { TextClassifier } from '../core/index.ts';
import { accept, PROJECT_ROOT } from '../core/index.ts';
import { type NewsSource, type PageExtractor, runCrawl, withCrawlConfig } from '../crawlers/index.ts';
import { countItems, openStore } from '../storage/index.ts';
import { tempDir } from '../tests/helpers/test-stores.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const HOSTS = 10;
const HOST_RATE = 5;
const PAGES_PER_HOST = Number(process.env.BENCH_PAGES_PER_HOST ?? 50);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function startSites(pages: number, hosts: number): Promise<{ urls: string[]; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'imitation/news-sites/bench-site.ts'),
      String(pages),
      String(hosts),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const urls = await new Promise<string[]>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]!)));
    child.once('exit', (code) => reject(new Error(`bench site exited with ${code}`)));
  });
  return { urls, child };
}

/** The baseline: fetch + cheerio (htmlparser2) parse + title/text, N workers over the same URLs. */
async function plainLoop(urls: readonly string[]): Promise<number> {
  let next = 0;
  let chars = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < urls.length; i = next++) {
        const res = await fetch(urls[i]!);
        const html = await res.text();
        const $ = cheerio.load(html, { xml: { xmlMode: false } });
        chars += $('h1').text().length + $('article p').text().length;
      }
    }),
  );
  if (chars === 0) throw new Error('baseline extracted nothing');
  return urls.length / ((performance.now() - t0) / 1000);
}

const NO_CLASSIFIER: TextClassifier = {
  modelVersion: 'bench-none',
  detectLanguage: () => ({ lang: 'kk', script: 'cyrl', confidence: 1 }),
  classify: (_i, l) => ({
    modelVersion: 'bench-none',
    lang: l.lang,
    script: l.script,
    candidate: false,
    score: 0,
    categories: [],
    facts: {
      people: [],
      outlets: [],
      stateBodies: [],
      courts: [],
      caseNumbers: [],
      lawArticles: [],
      amountsKzt: [],
      dates: [],
      places: [],
      outcome: null,
    },
  }),
};

/** The baseline's own work (cheerio parse, title and paragraphs) as an Article, for the crawl-layer run. */
const cheerioExtractor: PageExtractor = (page, source) => {
  const $ = cheerio.load(Buffer.from(page.body).toString('utf8'), { xml: { xmlMode: false } });
  return accept({
    sourceId: source.id,
    kind: 'news',
    url: page.url,
    canonicalUrl: page.finalUrl,
    title: $('h1').text(),
    text: $('article p').text(),
    publishedAt: null,
    author: null,
    section: null,
    langHint: null,
    fetchedAt: page.fetchedAt,
    html: null,
    extractedBy: 'generic',
  });
};

async function projectPath(
  base: string,
  classifier: TextClassifier,
  extract?: PageExtractor,
): Promise<number> {
  const dir = tempDir('soz-bench-');
  const store = await openStore({ path: join(dir, 'bench.sqlite'), env: {} });
  const source: NewsSource = {
    id: 'bench',
    name: 'bench',
    kind: 'sitemap',
    urls: [`${base}/sitemap.xml`],
    lang: 'kk',
    enabled: true,
    rate: 1e9,
    concurrency: CONCURRENCY,
  };
  const config = withCrawlConfig({
    ratePerSecond: 1e9,
    hostConcurrency: CONCURRENCY,
    maxArticlesPerSource: PAGES,
    progressEvery: 200,
  });
  const t0 = performance.now();
  const report = await runCrawl(store, {
    sources: [source],
    classifier,
    config,
    since: '2020-01-01T00:00:00Z',
    extract,
  });
  const seconds = (performance.now() - t0) / 1000;
  const stored = await countItems(store);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (stored !== PAGES)
    throw new Error(`crawl stored ${stored} of ${PAGES} pages: ${JSON.stringify(report.sources[0])}`);
  return PAGES / seconds;
}

async function rateLimited(): Promise<{ overall: number; articlePhase: number; requests: number }> {
  const { urls, child } = await startSites(PAGES_PER_HOST, HOSTS);
  const dir = tempDir('soz-bench-');
  const store = await openStore({ path: join(dir, 'bench.sqlite'), env: {} });
  const sources: NewsSource[] = urls.map((u, i) => ({
    id: `host${i}`,
    name: `host ${i}`,
    kind: 'sitemap',
    urls: [`${u}/sitemap.xml`],
    lang: 'kk',
    enabled: true,
  }));
  const config = withCrawlConfig({
    ratePerSecond: HOST_RATE,
    hostConcurrency: 2,
    sourceConcurrency: HOSTS,
    maxArticlesPerSource: PAGES_PER_HOST,
  });
  const times: number[] = [];
  const t0 = performance.now();
  await runCrawl(store, {
    sources,
    classifier: NO_CLASSIFIER,
    config,
    since: '2020-01-01T00:00:00Z',
    onRequest: (url) => {
      if (url.includes('/article/')) times.push(performance.now());
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  child.kill('SIGTERM');
  times.sort((a, b) => a - b);
  const total = HOSTS * (PAGES_PER_HOST + 2);
  return {
    overall: total / seconds,
    articlePhase: (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000),
    requests: times.length,
  };
}

const fmt = (n: number) => n.toFixed(1);
const { urls, child } = await startSites(PAGES, 1);
const base = urls[0]!;
const pageUrls = Array.from({ length: PAGES }, (_, i) => `${base}/article/${i}`);
console.log(
  `bench:crawl — ${PAGES} local article pages, concurrency ${CONCURRENCY}, node ${process.version}`,
);
await plainLoop(pageUrls.slice(0, 300)); // warm-up of fetch and cheerio
const baseline1 = await plainLoop(pageUrls);
const rss = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`;
const layer = await projectPath(base, NO_CLASSIFIER, cheerioExtractor);
const rssLayer = rss();
const noClassify = await projectPath(base, NO_CLASSIFIER);
const classifier = createClassifier();
const rssModel = rss();
const full = await projectPath(base, classifier);
const baseline2 = await plainLoop(pageUrls);
child.kill('SIGTERM');
const baseline = (baseline1 + baseline2) / 2;
console.log(
  `plain fetch + cheerio loop:          ${fmt(baseline)} pages/s (runs: ${fmt(baseline1)}, ${fmt(baseline2)})`,
);
console.log(
  `crawl layer (discovery, robots, politeness, crawlee pool, retries, SQLite store; same cheerio parse as the baseline): ${fmt(layer)} pages/s  ratio ${(layer / baseline).toFixed(2)}x (goal >= 0.70x); RSS after: ${rssLayer}`,
);
console.log(
  `+ pipeline decode/extract (no classifier): ${fmt(noClassify)} pages/s  ratio ${(noClassify / baseline).toFixed(2)}x`,
);
console.log(
  `+ real classifier (full soz crawl path):   ${fmt(full)} pages/s  ratio ${(full / baseline).toFixed(2)}x; RSS with the model loaded: ${rssModel}`,
);
const limited = await rateLimited();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  `${HOSTS} hosts x ${HOST_RATE} req/s: ${fmt(limited.articlePhase)} req/s while fetching articles (${((limited.articlePhase / (HOSTS * HOST_RATE)) * 100).toFixed(0)}% of the ${HOSTS * HOST_RATE} req/s cap, goal >= 90%); ${fmt(limited.overall)} req/s over the whole run incl. robots.txt and sitemaps`,
);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB (goal <= 400 MB)`);
