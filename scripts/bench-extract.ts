// npm run bench:extract [-- --rounds N --bench-pages N]
// Extraction speed on two corpora: the article-extraction benchmark's 97 real pages and pages of the
// imitation bench site (the pages `npm run bench:crawl` crawls). Each corpus is held in memory and run
// through, in the same process and interleaved round by round so that load from other processes hits all
// alike:
//   - cheerio: a bare cheerio (htmlparser2) parse of the page text, the floor any extractor pays;
//   - Readability alone: linkedom + @mozilla/readability over the page, what the generic extractor was;
//   - soz: the pipeline's decodePage + extractArticle, what the crawl runs per page.
// Printed: ms/page and pages/s (median round), soz's ratio to both baselines, and memory: the heap used
// at most during a pass of each (sampled after every page; left behind after soz's pass, after a
// collection), and the peak RSS of a fresh process that loads the corpus and runs only that one
// extractor over it twice (--child, as a crawl process would see it).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import type { RawPage } from '../core/index.ts';
import { startBenchSites } from '../imitation/index.ts';
import { parseDocument } from '../pipeline/extract/parse-document.ts';
import { decodePage, extractArticle } from '../pipeline/index.ts';
import { loadBenchmark } from './eval-extract.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    'bench-pages': { type: 'string' },
    child: { type: 'string' },
    corpus: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds ?? 5);
const BENCH_PAGES = Number(values['bench-pages'] ?? 300);
// A collection before the heap figures, without asking for a node flag in the npm script.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Corpus {
  readonly name: string;
  readonly pages: readonly RawPage[];
}

function benchmarkCorpus(): Corpus {
  const bench = loadBenchmark();
  const pages = [...bench.html].map(([id, body]) => {
    const url = bench.urls.get(id)!;
    return raw('benchmark', url, body, {});
  });
  return { name: `article-extraction benchmark (${pages.length} real pages)`, pages };
}

async function benchSiteCorpus(n: number): Promise<Corpus> {
  const sites = await startBenchSites({ pages: n });
  try {
    const base = sites.urls[0]!;
    const pages: RawPage[] = [];
    for (let i = 0; i < n; i++) {
      const url = `${base}/article/${i}`;
      const res = await fetch(url);
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k] = v;
      });
      pages.push(raw('bench', url, new Uint8Array(await res.arrayBuffer()), headers));
    }
    return { name: `imitation bench site (${n} pages, as bench:crawl serves them)`, pages };
  } finally {
    await sites.close();
  }
}

function raw(sourceId: string, url: string, body: Uint8Array, headers: Record<string, string>): RawPage {
  return { sourceId, url, finalUrl: url, status: 200, headers, body, fetchedAt: '2020-08-21T04:00:00.000Z' };
}

const utf8 = new TextDecoder('utf-8');

type Runner = (page: RawPage) => number;

const runners: Record<'cheerio' | 'readability' | 'soz', Runner> = {
  cheerio: (page) => {
    const $ = cheerio.load(utf8.decode(page.body), { xml: { xmlMode: false } });
    return $('title').text().length;
  },
  readability: (page) => {
    const doc = parseDocument(utf8.decode(page.body));
    return new Readability(doc, { charThreshold: 200 }).parse()?.textContent?.length ?? 0;
  },
  soz: (page) => {
    const r = extractArticle(decodePage(page), { sourceId: page.sourceId });
    return r.ok ? r.value.text.length : 0;
  },
};

interface Pass {
  readonly ms: number;
  readonly peakHeap: number;
}

function pass(corpus: Corpus, run: Runner, sampleHeap: boolean): Pass {
  let chars = 0;
  let peakHeap = 0;
  const t0 = performance.now();
  for (const page of corpus.pages) {
    chars += run(page);
    // Sampling the heap costs a little time: only in the rounds that are not timed for the ratio.
    if (sampleHeap) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - t0;
  if (chars === 0) throw new Error(`${corpus.name}: nothing extracted`);
  return { ms, peakHeap };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type RunnerName = keyof typeof runners;

/** Peak RSS (MB) of a fresh process that runs one extractor over one corpus. */
function childRss(corpus: 'benchmark' | 'site', runner: RunnerName): number {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--child',
      runner,
      '--corpus',
      corpus,
      '--bench-pages',
      String(BENCH_PAGES),
    ],
    { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 },
  );
  return Number(out.trim().split('\n').pop());
}

async function loadCorpus(which: 'benchmark' | 'site'): Promise<Corpus> {
  return which === 'benchmark' ? benchmarkCorpus() : await benchSiteCorpus(BENCH_PAGES);
}

function measure(corpus: Corpus, which: 'benchmark' | 'site'): void {
  const n = corpus.pages.length;
  const names = Object.keys(runners) as (keyof typeof runners)[];
  // Warm-up: the JIT and lazily loaded configuration.
  for (const name of names) pass(corpus, runners[name], false);
  const times: Record<string, number[]> = { cheerio: [], readability: [], soz: [] };
  for (let r = 0; r < ROUNDS; r++)
    for (const name of names) times[name]!.push(pass(corpus, runners[name], false).ms);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const heapPass = pass(corpus, runners.soz, true);
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const readabilityPeak = pass(corpus, runners.readability, true).peakHeap;
  gc();
  const cheerioPeak = pass(corpus, runners.cheerio, true).peakHeap;

  const ms = Object.fromEntries(names.map((k) => [k, median(times[k]!) / n])) as Record<string, number>;
  console.log(`\n${corpus.name}; median of ${ROUNDS} rounds`);
  for (const name of names) {
    const label = {
      cheerio: 'bare cheerio parse',
      readability: 'Readability alone',
      soz: 'soz decode+extract',
    }[name];
    console.log(
      `  ${label.padEnd(20)} ${ms[name]!.toFixed(2).padStart(7)} ms/page ${(1000 / ms[name]!).toFixed(0).padStart(6)} pages/s`,
    );
  }
  console.log(
    `  soz speed = ${(ms['cheerio']! / ms['soz']!).toFixed(2)}x the bare cheerio parse, ${(ms['readability']! / ms['soz']!).toFixed(2)}x Readability alone`,
  );
  console.log(
    `  heap used at most: soz ${mb(heapPass.peakHeap)}, Readability alone ${mb(readabilityPeak)}, bare cheerio ${mb(cheerioPeak)}; soz left ${mb(heapAfter - heapBefore)} behind (after gc)`,
  );
  const rss = Object.fromEntries(names.map((k) => [k, childRss(which, k)])) as Record<RunnerName, number>;
  console.log(
    `  peak RSS of a process running only it: soz ${rss.soz} MB, Readability alone ${rss.readability} MB, bare cheerio ${rss.cheerio} MB (soz ${rss.soz - rss.cheerio} MB above the bare parse, Readability ${rss.readability - rss.cheerio} MB)`,
  );
}

if (values.child) {
  // Child mode: one extractor, one corpus, two passes; prints the peak RSS in MB.
  const corpus = await loadCorpus(values.corpus === 'site' ? 'site' : 'benchmark');
  const run = runners[values.child as RunnerName];
  if (!run) throw new Error(`unknown extractor ${values.child}`);
  pass(corpus, run, false);
  pass(corpus, run, false);
  console.log(Math.round(process.resourceUsage().maxRSS / 1024));
  process.exit(0);
}

console.log(
  `bench:extract — node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
measure(await loadCorpus('benchmark'), 'benchmark');
measure(await loadCorpus('site'), 'site');
console.log(
  `\nload average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
