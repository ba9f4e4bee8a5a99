// A crawl given an abort signal (as `soz crawl` and the demo always are) over several outlets on one host: every
// request waiting for the host's slot listens to that signal, so more than Node's default ten listeners are
// legitimately attached at once. The run must not print Node's "possible memory leak" warning for that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl, withCrawlConfig } from '../../crawlers/index.ts';
import { type NewsSites, startNewsSites } from '../../imitation/index.ts';
import { openTestStore, type TestStore } from '../helpers/test-stores.ts';
import { testClassifier } from './test-classifier.ts';

describe('runCrawl with an abort signal over outlets sharing a host', () => {
  let sites: NewsSites;
  let t: TestStore;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);

  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    t = await openTestStore('sqlite');
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await t?.close();
    await sites?.close();
  });

  it('crawls every outlet without a MaxListenersExceeded warning', async () => {
    const abort = new AbortController();
    const report = await runCrawl(t.store, {
      sources: sites.sources,
      classifier: testClassifier,
      config: withCrawlConfig({ sourceConcurrency: sites.sources.length }),
      signal: abort.signal,
      since: '2020-08-01T00:00:00Z',
    });
    expect(report.sources.every((s) => s.status === 'succeeded')).toBe(true);
    // Node emits process warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });
});
