// npm run bench:court — the court crawler's speed and memory against the imitated portal.
//   A. 200 result pages of one acts-bank search (2000 synthetic acts, 10 a page), walked by the crawler in
//      Chromium through the AJAX data scroller; pages/s and the peak RSS of Node plus every browser process
//      (read from /proc every 100 ms; the sum of RSS over-counts pages shared between Chromium processes,
//      so the sum of PSS is printed too).
//   B. The baseline, in the same process: the same 200 pages through a plain-HTTP JSF client (GET the form,
//      POST partial/ajax with the round-tripped ViewState) — the imitation's own ceiling.
//   C. A full crawl of the fixture (searches, schedule, case search, cards, acts) for the per-case cost.
// Usage: npm run bench:court [-- --pages N]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Classification, EMPTY_FACTS, type LanguageResult, type TextClassifier } from '../core/index.ts';
import { type CourtConfig, crawlCourtSource, findChromium, loadCourtConfig } from '../crawlers/index.ts';
import { startCourtPortal } from '../imitation/index.ts';
import { openStore } from '../storage/index.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '200' } } });
const PAGES = Number(values.pages);
if (!Number.isInteger(PAGES) || PAGES < 1)
  throw new Error(`--pages: "${values.pages}" is not a positive integer`);

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

/** The baseline: the same result pages over plain HTTP, as a JSF client without a browser would get them. */
async function httpBaseline(base: string, keyword: string, pages: number): Promise<number> {
  let cookie = '';
  const page = await fetch(`${base}/setlang.xhtml?lang=ru&from=%2Facts%2Fsearch.xhtml`, {
    redirect: 'manual',
  });
  cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await page.text();
  const html = await (await fetch(`${base}/acts/search.xhtml`, { headers: { cookie } })).text();
  let viewState = /name="javax\.faces\.ViewState"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';
  const id = (ending: string) => new RegExp(`id="([^"]*:${ending})"`).exec(html)?.[1] ?? '';
  let pager = '';
  let walked = 0;
  for (let n = 1; n <= pages; n++) {
    const source = n === 1 ? id('search-btn') : pager;
    const fields: Record<string, string> =
      n === 1 ? { [id('edit-keyword')]: keyword } : { [`${pager}:page`]: 'next' };
    const r = await fetch(`${base}/acts/search.xhtml`, {
      method: 'POST',
      headers: {
        cookie,
        'Faces-Request': 'partial/ajax',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        ...fields,
        'javax.faces.ViewState': viewState,
        'javax.faces.source': source,
      }),
    });
    const xml = await r.text();
    viewState = /javax\.faces\.ViewState:0"><!\[CDATA\[([^\]]+)\]\]>/.exec(xml)?.[1] ?? viewState;
    pager = /id="([^"]+:pager)"/.exec(xml)?.[1] ?? pager;
    walked++;
    if (!xml.includes('rf-ds-btn-next" onclick')) break;
  }
  return walked;
}

const portal = await startCourtPortal({ extraCases: PAGES * 10 });
const dir = mkdtempSync(join(tmpdir(), 'soz-bench-court-'));
const store = await openStore({ path: join(dir, 'bench.sqlite'), env: {} });
const base = loadCourtConfig();
const listingConfig: CourtConfig = {
  ...base,
  searches: {
    ...base.searches,
    categories: [],
    keywords: ['аренды'],
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

try {
  console.log(
    `bench:court — ${PAGES} result pages of 10 acts; node ${process.version}, chromium ${(await findChromium()).description}`,
  );
  const idle = treeMemory();

  // A. Browser walk.
  const sampler = new MemorySampler();
  sampler.start();
  const marks: { page: number; rss: number }[] = [];
  let walked = 0;
  const t0 = performance.now();
  let firstPageAt = 0;
  const report = await crawlCourtSource(store, source, {
    classifier: nullClassifier,
    config: listingConfig,
    listOnly: true,
    onPage: () => {
      walked++;
      if (walked === 1) firstPageAt = performance.now();
      if (walked % 50 === 0) marks.push({ page: walked, rss: sampler.sample().rss });
    },
  });
  const browserSecs = (performance.now() - t0) / 1000;
  const walkSecs = (performance.now() - firstPageAt) / 1000;
  sampler.stop();
  if (report.status !== 'succeeded')
    throw new Error(`listing crawl ${report.status}: ${report.errors.join('; ')}`);

  // B. Baseline.
  const tb = performance.now();
  const basePages = await httpBaseline(portal.url, 'аренды', PAGES);
  const baseSecs = (performance.now() - tb) / 1000;

  // C. Full fixture crawl (fresh portal without synthetic cases).
  const fixturePortal = await startCourtPortal();
  const fullSampler = new MemorySampler();
  fullSampler.start();
  const tf = performance.now();
  const full = await crawlCourtSource(
    store,
    { ...source, id: 'court-bench-full', url: fixturePortal.url },
    { classifier: nullClassifier },
  );
  const fullSecs = (performance.now() - tf) / 1000;
  fullSampler.stop();
  await fixturePortal.close();

  const r1 = (x: number) => x.toFixed(1);
  const r2 = (x: number) => x.toFixed(2);
  const browserRate = report.resultPages / browserSecs;
  const baseRate = basePages / baseSecs;
  console.log(`idle (node only)          : RSS ${r1(idle.rss)} MiB`);
  console.log(
    `A browser, ${report.resultPages} result pages : ${r1(browserSecs)} s incl. launch → ${r2(browserRate)} pages/s (${r2(report.resultPages / walkSecs)} pages/s after the first page)`,
  );
  console.log(
    `  peak memory, node + ${sampler.peakProcesses - 1} browser processes: RSS sum ${r1(sampler.peakRss)} MiB, PSS sum ${r1(sampler.peakPss)} MiB`,
  );
  console.log(
    `  tree RSS at pages ${marks.map((m) => `${m.page}: ${r1(m.rss)}`).join(', ')} MiB (flat = no leak across page turns)`,
  );
  console.log(
    `B baseline, plain HTTP     : ${basePages} pages in ${r2(baseSecs)} s → ${r2(baseRate)} pages/s`,
  );
  console.log(
    `  ratio browser / baseline : ${(browserRate / baseRate).toFixed(3)} (the cost of driving a real browser)`,
  );
  console.log(
    `C full fixture crawl       : ${full.found} cases, ${full.resultPages} result + ${full.casePages} card + ${full.actPages} act pages in ${r1(fullSecs)} s → ${r2((full.resultPages + full.casePages + full.actPages) / fullSecs)} pages/s; peak RSS sum ${r1(fullSampler.peakRss)} MiB, PSS sum ${r1(fullSampler.peakPss)} MiB`,
  );
} finally {
  await store.close();
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
}
