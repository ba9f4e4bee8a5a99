// `npm run bench:crawl`: the project's crawl path against a plain fetch + cheerio (htmlparser2) loop at the
// same concurrency, over the same local site of 5,000 article pages, in the same run; then 10 local hosts
// each limited to 5 requests/s, to see how close the crawl gets to the 50 req/s cap.
//
// The site runs in its own process, and so does each measured crawl (its peak RSS is then the crawl's own,
// as `soz crawl` would see it). Runs alternate baseline / crawl so that load from other processes on the
// machine hits both alike; the ratio uses the baseline runs next to each crawl run.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { PROJECT_ROOT } from '../core/index.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const HOSTS = 10;
const HOST_RATE = 5;
const PAGES_PER_HOST = Number(process.env.BENCH_PAGES_PER_HOST ?? 50);
type Mode = 'layer' | 'extract' | 'full' | 'limited';

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
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGTERM')); // no orphan server if the bench fails midway
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

/** One measured crawl, in a child process: pages/s and the child's peak RSS. */
function crawlInChild(
  mode: Mode,
  urls: readonly string[],
): Promise<{ rate: number; articleRate?: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/bench-crawl-child.ts'), mode, JSON.stringify(urls)],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, BENCH_PAGES: String(PAGES), BENCH_CONCURRENCY: String(CONCURRENCY) },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${mode} crawl failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
      },
    );
  });
}

const fmt = (n: number) => n.toFixed(1);
const { urls, child } = await startSites(PAGES, 1);
const base = urls[0]!;
const pageUrls = Array.from({ length: PAGES }, (_, i) => `${base}/article/${i}`);
console.log(
  `bench:crawl — ${PAGES} local article pages, concurrency ${CONCURRENCY} (same for both), node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`,
);
await plainLoop(pageUrls.slice(0, 300)); // warm-up of fetch and cheerio
const rows: { label: string; crawl: number; baseline: number; rss: number }[] = [];
const labels: Record<Exclude<Mode, 'limited'>, string> = {
  layer:
    'crawl layer: discovery, robots.txt, limiter, crawlee pool, SQLite store; cheerio parse like the baseline',
  extract: '+ the pipeline decode/extract (generic extractor) instead of the bare cheerio parse',
  full: '+ the real classifier and candidate queue: the whole soz crawl path',
};
let peakRss = 0;
for (const mode of ['layer', 'extract', 'full'] as const) {
  const before = await plainLoop(pageUrls);
  const crawl = await crawlInChild(mode, [base]);
  const after = await plainLoop(pageUrls);
  const baseline = (before + after) / 2;
  peakRss = Math.max(peakRss, crawl.maxRssMb);
  rows.push({ label: labels[mode], crawl: crawl.rate, baseline, rss: crawl.maxRssMb });
  console.log(
    `${labels[mode]}\n    ${fmt(crawl.rate)} pages/s vs plain loop ${fmt(baseline)} pages/s (${fmt(before)} before, ${fmt(after)} after): ratio ${(crawl.rate / baseline).toFixed(2)}x; crawl process peak RSS ${crawl.maxRssMb} MB`,
  );
}
child.kill('SIGTERM');
const limitedSites = await startSites(PAGES_PER_HOST, HOSTS);
const limited = await crawlInChild('limited', limitedSites.urls);
limitedSites.child.kill('SIGTERM');
peakRss = Math.max(peakRss, limited.maxRssMb);
console.log(
  `${HOSTS} hosts x ${HOST_RATE} req/s, ${PAGES_PER_HOST} pages each: ${fmt(limited.articleRate!)} req/s while fetching articles = ${((limited.articleRate! / (HOSTS * HOST_RATE)) * 100).toFixed(0)}% of the ${HOSTS * HOST_RATE} req/s cap (goal >= 90%); ${fmt(limited.rate)} req/s over the whole run incl. robots.txt and sitemaps`,
);
const summary = (r: (typeof rows)[number], name: string, goals: string) =>
  `${name}: ${fmt(r.crawl)} pages/s vs plain loop ${fmt(r.baseline)} pages/s = ${(r.crawl / r.baseline).toFixed(2)}x; peak RSS ${r.rss} MB${goals}`;
console.log(`\n${summary(rows[0]!, 'crawl layer', ' (goals: >= 0.70x, <= 400 MB)')}`);
console.log(summary(rows[2]!, 'whole soz crawl path', ''));
// Other processes on the machine move every figure (the baseline too): the load average says how much.
console.log(
  `load average (1, 5, 15 min) at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
console.log(
  `peak RSS of a crawl process: ${peakRss} MB (goal <= 400 MB); of this bench process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
