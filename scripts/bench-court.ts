// npm run bench:court — the court crawler's speed and memory against the imitated (documented) portal.
//   A. 200 result pages of one acts-bank search (2000 synthetic acts, 10 a page), walked by our crawler in
//      Chromium through the RichFaces data scroller (`thisPage` posts).
//   B. The baseline, in the same process: plain Playwright (one page, no crawlee, none of our way-finding)
//      walking the same 200 result pages of the same search by clicking the scroller's «»».
//   Both are sampled every --every pages: the RSS of Node plus every browser process (read from /proc; the sum
//   over-counts pages that Chromium processes share, so the PSS sum is printed too) and Node's heap after GC.
//   Flat: from page 40 to the last (means of the first and last quarter of samples), our heap after GC grows no
//   more than the plain walk's plus 5 % (docs/court-portal.md).
//   C. (--full) a full crawl of the fixture (searches, schedule, case search, cards, acts) for the per-case cost.
// Usage: npm run bench:court [-- --pages N --every N --full]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Classification, EMPTY_FACTS, type LanguageResult, type TextClassifier } from '../core/index.ts';
import { type CourtConfig, crawlCourtSource, findChromium, loadCourtConfig } from '../crawlers/index.ts';
import { startCourtPortal } from '../imitation/index.ts';
import { openStore } from '../storage/index.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '200' },
    every: { type: 'string', default: '10' },
    full: { type: 'boolean', default: false },
  },
});
const PAGES = Number(values.pages);
if (!Number.isInteger(PAGES) || PAGES < 1)
  throw new Error(`--pages: "${values.pages}" is not a positive integer`);
const EVERY = Number(values.every);
if (!Number.isInteger(EVERY) || EVERY < 1)
  throw new Error(`--every: "${values.every}" is not a positive integer`);
const KEYWORD = 'аренды';
const FLAT_FROM = 40;
const FLAT_MARGIN = 0.05;

/** Memory of this process and its descendants, in MiB: RSS summed, and PSS summed where readable. */
function treeMemory(): { rss: number; pss: number; processes: number } {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code !== 'ENOENT' &&
        (error as NodeJS.ErrnoException).code !== 'ESRCH'
      )
        throw error;
    }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      processes++;
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code !== 'ENOENT' &&
        (error as NodeJS.ErrnoException).code !== 'ESRCH'
      )
        throw error;
    }
  }
  return { rss: rss / 1024, pss: pss / 1024, processes };
}

class MemorySampler {
  peakRss = 0;
  peakPss = 0;
  peakProcesses = 0;
  private timer: NodeJS.Timeout | null = null;
  sample(): { rss: number; pss: number } {
    const m = treeMemory();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakPss = Math.max(this.peakPss, m.pss);
    this.peakProcesses = Math.max(this.peakProcesses, m.processes);
    return m;
  }
  start(): void {
    this.timer = setInterval(() => this.sample(), 100);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

const nullClassifier: TextClassifier = {
  modelVersion: 'bench-null',
  detectLanguage: (): LanguageResult => ({ lang: 'ru', script: 'cyrl', confidence: 1 }),
  classify: (_input, l): Classification => ({
    modelVersion: 'bench-null',
    lang: l.lang,
    script: l.script,
    candidate: false,
    score: 0,
    categories: [],
    facts: EMPTY_FACTS,
  }),
};

interface Mark {
  readonly page: number;
  readonly rss: number;
  readonly pss: number;
  readonly heap: number;
}

/** Samples memory every EVERY pages; the first and last quarter's means say whether memory stays flat. */
class PageMarks {
  readonly marks: Mark[] = [];
  pages = 0;
  firstPageAt = 0;
  turn(): void {
    this.pages++;
    if (this.pages === 1) this.firstPageAt = performance.now();
    if (this.pages % EVERY === 0) {
      // With --expose-gc (npm run bench:court passes it) the heap is read after a collection, so that growth
      // means retained objects, not garbage waiting; both walks pay the same pause.
      (globalThis as { gc?: () => void }).gc?.();
      const m = treeMemory();
      this.marks.push({
        page: this.pages,
        rss: m.rss,
        pss: m.pss,
        heap: process.memoryUsage().heapUsed / 2 ** 20,
      });
    }
  }
  /**
   * The mean of the first and of the last quarter of the samples taken at or after page `from` (the walk warmed
   * up). Means, not single samples: one collection does not always free what the previous walk or a page turn
   * left behind (a single sample at page 40 of the plain walk read 117 MiB against its quarter's 104).
   */
  span(from: number): { first: Mark; last: Mark } | null {
    const after = this.marks.filter((m) => m.page >= from);
    if (after.length < 2) return null;
    const q = Math.max(1, Math.floor(after.length / 4));
    const mean = (xs: Mark[]): Mark => ({
      page: xs.reduce((a, m) => a + m.page, 0) / xs.length,
      rss: xs.reduce((a, m) => a + m.rss, 0) / xs.length,
      pss: xs.reduce((a, m) => a + m.pss, 0) / xs.length,
      heap: xs.reduce((a, m) => a + m.heap, 0) / xs.length,
    });
    return { first: mean(after.slice(0, q)), last: mean(after.slice(-q)) };
  }
  quarters(): { first: Mark; last: Mark } | null {
    const q = Math.max(1, Math.floor(this.marks.length / 4));
    if (this.marks.length < 2) return null;
    const mean = (xs: Mark[]): Mark => ({
      page: xs[0]?.page ?? 0,
      rss: xs.reduce((a, m) => a + m.rss, 0) / xs.length,
      pss: xs.reduce((a, m) => a + m.pss, 0) / xs.length,
      heap: xs.reduce((a, m) => a + m.heap, 0) / xs.length,
    });
    return { first: mean(this.marks.slice(0, q)), last: mean(this.marks.slice(-q)) };
  }
}

/** The baseline: plain Playwright on one page, clicking through the same search's data scroller. */
async function playwrightBaseline(base: string, pages: number, marks: PageMarks): Promise<void> {
  const { chromium } = await import('playwright');
  const choice = await findChromium();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: [...choice.args],
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/courtActs/index.xhtml`);
    await Promise.all([
      page.waitForEvent('load'),
      page.locator("[onclick*='selectLanguageRu']").first().click(),
    ]);
    await page.locator("[name$=':edit-search']").fill(KEYWORD);
    await page.getByRole('button', { name: 'Найти', exact: true }).first().click();
    const current = (n: number) =>
      page.waitForFunction((want) => document.querySelector('.rf-ds-act')?.textContent === String(want), n);
    await current(1);
    marks.turn();
    for (let n = 2; n <= pages; n++) {
      const next = page.locator('a.rf-ds-btn-next');
      if ((await next.count()) === 0) break;
      await next.click();
      await current(n);
      marks.turn();
    }
  } finally {
    await browser.close();
  }
}

const portal = await startCourtPortal({ extraCases: PAGES * 10, captcha: false });
const dir = mkdtempSync(join(tmpdir(), 'soz-bench-court-'));
const store = await openStore({ path: join(dir, 'bench.sqlite'), env: {} });
const base = loadCourtConfig();
const listingConfig: CourtConfig = {
  ...base,
  searches: {
    ...base.searches,
    categories: [],
    keywords: [KEYWORD],
    // A period with no hearings: the schedule costs one empty result page.
    schedulePeriod: { from: '1990-01-01', to: '1990-01-31' },
  },
  crawl: { ...base.crawl, maxResultPagesPerSearch: PAGES },
};
const source = {
  id: 'court-bench',
  name: 'Court portal (imitation)',
  kind: 'court' as const,
  url: portal.url,
};

const r1 = (x: number) => x.toFixed(1);
const r2 = (x: number) => x.toFixed(2);
function printMemory(label: string, marks: PageMarks): void {
  const q = marks.quarters();
  if (!q) {
    console.log(`  ${label}: too few pages to sample memory`);
    return;
  }
  console.log(
    `  ${label} memory, mean of the first vs last quarter of ${marks.marks.length} samples (every ${EVERY} pages): ` +
      `tree RSS ${r1(q.first.rss)} → ${r1(q.last.rss)} MiB (×${(q.last.rss / q.first.rss).toFixed(3)}), ` +
      `PSS ${r1(q.first.pss)} → ${r1(q.last.pss)} MiB (×${(q.last.pss / q.first.pss).toFixed(3)}), ` +
      `node heap${(globalThis as { gc?: unknown }).gc ? ' after GC' : ''} ${r1(q.first.heap)} → ${r1(q.last.heap)} MiB (×${(q.last.heap / q.first.heap).toFixed(3)})`,
  );
}

try {
  console.log(
    `bench:court — ${PAGES} result pages of 10 acts; node ${process.version}, chromium ${(await findChromium()).description}`,
  );
  const idle = treeMemory();
  console.log(`idle (node only): RSS ${r1(idle.rss)} MiB`);

  // A. Our crawler.
  const ours = new PageMarks();
  const t0 = performance.now();
  const report = await crawlCourtSource(store, source, {
    classifier: nullClassifier,
    config: listingConfig,
    listOnly: true,
    onPage: (kind) => {
      if (kind === 'results') ours.turn();
    },
  });
  const oursSecs = (performance.now() - t0) / 1000;
  const oursWalk = (performance.now() - ours.firstPageAt) / 1000;
  if (report.status !== 'succeeded')
    throw new Error(`listing crawl ${report.status}: ${report.errors.join('; ')}`);

  // B. Plain Playwright on the same pages.
  const plain = new PageMarks();
  const tb = performance.now();
  await playwrightBaseline(portal.url, PAGES, plain);
  const plainSecs = (performance.now() - tb) / 1000;
  const plainWalk = (performance.now() - plain.firstPageAt) / 1000;

  const oursRate = ours.pages / oursWalk;
  const plainRate = plain.pages / plainWalk;
  console.log(
    `A our crawler    : ${ours.pages} result pages (${report.resultPages} counted by the crawl) in ${r1(oursSecs)} s incl. launch and way-finding; ${r2(oursRate)} pages/s after the first page`,
  );
  printMemory('A', ours);
  console.log(
    `B plain Playwright: ${plain.pages} result pages in ${r1(plainSecs)} s incl. launch; ${r2(plainRate)} pages/s after the first page`,
  );
  printMemory('B', plain);
  console.log(
    `ratio ours / plain Playwright: pages/s ${(oursRate / plainRate).toFixed(3)}, whole run time ${(oursSecs / plainSecs).toFixed(3)}`,
  );
  // Flat: from page FLAT_FROM to the last page, our heap after GC grows by no more than the plain walk's plus
  // FLAT_MARGIN of its starting size (the crawl legitimately keeps each distinct case's number and acts links).
  const a = ours.span(FLAT_FROM);
  const b = plain.span(FLAT_FROM);
  if (a && b) {
    const growth = (s: { first: Mark; last: Mark }) => s.last.heap / s.first.heap - 1;
    // The plain walk runs second: its heap may shrink while what our walk left is collected, and a shrinking
    // baseline is not a credit against our growth, so it counts as zero.
    const excess = growth(a) - Math.max(0, growth(b));
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(
      `heap after GC, mean of the first vs last quarter of samples from page ${FLAT_FROM} (pages ~${Math.round(a.first.page)} → ~${Math.round(a.last.page)}): ours ${r1(a.first.heap)} → ${r1(a.last.heap)} MiB (${pct(growth(a))}, ` +
        `${r1(((a.last.heap - a.first.heap) * 1024) / (a.last.page - a.first.page))} KiB a page), plain ${r1(b.first.heap)} → ${r1(b.last.heap)} MiB (${pct(growth(b))}); ` +
        `ours beyond plain ${pct(excess)}: ${excess <= FLAT_MARGIN ? 'flat' : 'NOT flat'} (limit ${pct(FLAT_MARGIN)})`,
    );
  } else {
    console.log(
      `heap flatness: too few samples after page ${FLAT_FROM} (use more --pages or a smaller --every)`,
    );
  }

  if (values.full) {
    // C. Full fixture crawl (fresh portal without synthetic cases).
    const fixturePortal = await startCourtPortal({ captcha: false });
    const sampler = new MemorySampler();
    sampler.start();
    const tf = performance.now();
    const full = await crawlCourtSource(
      store,
      { ...source, id: 'court-bench-full', url: fixturePortal.url },
      { classifier: nullClassifier },
    );
    const fullSecs = (performance.now() - tf) / 1000;
    sampler.stop();
    await fixturePortal.close();
    console.log(
      `C full fixture crawl: ${full.found} cases, ${full.resultPages} result + ${full.casePages} card + ${full.actPages} act pages in ${r1(fullSecs)} s → ${r2((full.resultPages + full.casePages + full.actPages) / fullSecs)} pages/s; peak RSS sum ${r1(sampler.peakRss)} MiB, PSS sum ${r1(sampler.peakPss)} MiB`,
    );
  }
} finally {
  await store.close();
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
}
