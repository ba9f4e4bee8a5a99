// Run by crawl-kill-resume.test.ts in a child process: crawls the sources in a JSON file into a SQLite
// file, printing one line per article handled so the parent knows when to kill it.
import { parseNewsSources, runCrawl, withCrawlConfig } from '../../crawlers/index.ts';
import { openStore } from '../../storage/index.ts';
import { testClassifier } from './test-classifier.ts';

const [dbPath, sourcesJson] = process.argv.slice(2);
if (!dbPath || !sourcesJson) throw new Error('usage: crawl-child.ts DB SOURCES_JSON');
const store = await openStore({ path: dbPath, env: {} });
// Slow enough (4 pages a second per outlet) that the parent can kill the crawl in the middle.
const sources = parseNewsSources(JSON.parse(sourcesJson), 'argv').map((s) => ({
  ...s,
  rate: 4,
  concurrency: 1,
}));
const report = await runCrawl(store, {
  sources,
  classifier: testClassifier,
  config: withCrawlConfig({ requestTimeoutMs: 5000, backoffBaseMs: 50 }),
  onProgress: (e) => {
    if (e.type === 'article') process.stdout.write(`article ${e.outcome} ${e.url}\n`);
  },
});
process.stdout.write(`done ${report.status}\n`);
await store.close();
