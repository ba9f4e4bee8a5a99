// One measured crawl for scripts/bench-crawl.ts, in its own process: prints {rate, articleRate?, maxRssMb}.
// It runs with the V8 setting `soz crawl` runs with (crawlers/limit-heap-growth.ts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TextClassifier } from '../core/index.ts';
import type { NewsSource, PageExtractor } from '../crawlers/index.ts';
// Not through crawlers/index.ts: the setting must come before the modules are loaded, as in bin/soz.mjs.
import { limitHeapGrowth } from '../crawlers/index.ts';

limitHeapGrowth();
const cheerio = await import('cheerio');
const { accept, EMPTY_FACTS } = await import('../core/index.ts');
const { runCrawl, withCrawlConfig } = await import('../crawlers/index.ts');
const { countItems, openStore } = await import('../storage/index.ts');
const { tempDir } = await import('../tests/helpers/test-stores.ts');

const [mode, urlsJson] = process.argv.slice(2) as ['layer' | 'extract' | 'full' | 'limited', string];
const urls: string[] = JSON.parse(urlsJson);
const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** Language and classification that cost nothing: the crawl layer without the classifier's work. */
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
    facts: EMPTY_FACTS,
  }),
};

/** The baseline's own work (cheerio parse, title and paragraphs) as an Article. */
const cheerioExtractor: PageExtractor = (page, source) => {
  const body = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  const $ = cheerio.load(body.toString('utf8'), { xml: { xmlMode: false } });
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

const dir = tempDir('soz-bench-');
const store = await openStore({ path: join(dir, 'bench.sqlite'), env: {} });
const since = '2020-01-01T00:00:00Z';
let out: { rate: number; articleRate?: number; maxRssMb: number };
if (mode === 'limited') {
  const sources: NewsSource[] = urls.map((u, i) => ({
    id: `host${i}`,
    name: `host ${i}`,
    kind: 'sitemap',
    urls: [`${u}/sitemap.xml`],
    lang: 'kk',
    enabled: true,
  }));
  const config = withCrawlConfig({ ratePerSecond: 5, hostConcurrency: 2, sourceConcurrency: sources.length });
  const times: number[] = [];
  let requests = 0;
  const t0 = performance.now();
  await runCrawl(store, {
    sources,
    classifier: NO_CLASSIFIER,
    config,
    since,
    onRequest: (url) => {
      requests += 1;
      if (url.includes('/article/')) times.push(performance.now());
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  out = {
    rate: requests / seconds,
    articleRate: (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000),
    maxRssMb: 0,
  };
} else {
  // Only the whole path loads the classifier (its model and lexicons are a third of the process's memory).
  const classifier =
    mode === 'full' ? (await import('../classifiers/index.ts')).createClassifier() : NO_CLASSIFIER;
  const source: NewsSource = {
    id: 'bench',
    name: 'bench',
    kind: 'sitemap',
    urls: [`${urls[0]}/sitemap.xml`],
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
    since,
    extract: mode === 'layer' ? cheerioExtractor : undefined,
  });
  const seconds = (performance.now() - t0) / 1000;
  const stored = await countItems(store);
  if (stored !== PAGES)
    throw new Error(`crawl stored ${stored} of ${PAGES} pages: ${JSON.stringify(report.sources[0])}`);
  out = { rate: PAGES / seconds, maxRssMb: 0 };
}
await store.close();
rmSync(dir, { recursive: true, force: true });
out.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify(out)}\n`);
