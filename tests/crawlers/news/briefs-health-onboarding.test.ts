// Issue 13 end to end on the imitation outlets: every brief stored (as short), a redesign flagged by
// source health, and `onboardSource` finding each outlet's entry point from its home page alone, with the
// entry it proposes crawled successfully right after — also on the two outlets written apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  onboardSource,
  PoliteFetcher,
  parseNewsSources,
  runCrawl,
  withCrawlConfig,
} from '../../../crawlers/index.ts';
import {
  type NewsSites,
  type OtherOutlets,
  startNewsSites,
  startOtherOutlets,
} from '../../../imitation/index.ts';
import { latestSourceHealth, listItems } from '../../../storage/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';
import { testClassifier } from '../test-classifier.ts';

const config = withCrawlConfig({ ratePerSecond: 50, requestTimeoutMs: 3000, maxRetries: 0 });

describe('briefs and source health', () => {
  let sites: NewsSites;
  let t: TestStore;
  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    t = await openTestStore('sqlite');
  });
  afterAll(async () => {
    await t?.close();
    await sites?.close();
  });

  it('stores the feed brief, the 150-character JSON-LD brief and the 120-character listing brief as short', async () => {
    const report = await runCrawl(t.store, {
      sources: sites.sources,
      classifier: testClassifier,
      config,
      since: '2020-08-01',
    });
    expect(report.status).toBe('succeeded');
    const short = (await listItems(t.store)).filter((i) => i.short);
    expect(short.map((i) => [i.sourceId, i.extractedBy]).sort()).toEqual([
      ['demo-dala', 'jsonld'],
      ['demo-vestnik', 'selectors'],
      ['demo-zharshy', 'generic'],
    ]);
    for (const i of short) expect(i.text.length).toBeLessThan(200);
    expect(report.sources.every((s) => s.health?.short === 1)).toBe(true);
  });

  it('flags the redesigned outlet in the report and in the stored health, and only it', async () => {
    sites.redesign();
    const report = await runCrawl(t.store, {
      sources: sites.sources,
      classifier: testClassifier,
      config,
      since: '2020-08-01',
    });
    const vestnik = report.sources.find((s) => s.sourceId === 'demo-vestnik')!;
    expect(vestnik.health?.flags.map((f) => f.kind)).toContain('extraction');
    for (const s of report.sources.filter((x) => x.sourceId !== 'demo-vestnik'))
      expect(s.health?.flags).toEqual([]);
    const rows = await latestSourceHealth(t.store, 7);
    expect(rows.find((r) => r.sourceId === 'demo-vestnik')?.health.flags[0]?.message).toMatch(/selectors/);
  });
});

describe('onboarding from a home page alone', () => {
  let sites: NewsSites;
  let other: OtherOutlets;
  let t: TestStore;
  const fetcher = new PoliteFetcher(config);
  beforeAll(async () => {
    sites = await startNewsSites({ faults: false });
    other = await startOtherOutlets();
    t = await openTestStore('sqlite');
  });
  afterAll(async () => {
    fetcher.close();
    await t?.close();
    await sites?.close();
    await other?.close();
  });

  it.each([
    ['vestnik', 'rss'],
    ['dala', 'sitemap'],
    ['zharshy', 'listing'],
    ['qalam', 'atom'],
    ['ertis', 'sitemap'],
  ] as const)('%s: finds a %s entry point, and the entry crawls', async (site, kind) => {
    const home = site === 'qalam' || site === 'ertis' ? other.urls[site] : sites.urls[site];
    const r = await onboardSource(`${home}/`, {
      fetcher,
      classifier: testClassifier,
      id: `onboarded-${site}`,
    });
    expect(r.entry?.kind).toBe(kind);
    expect(r.samples.some((s) => s.ok)).toBe(true);
    const [source] = parseNewsSources([r.entry], 'onboarded');
    const report = await runCrawl(t.store, {
      sources: [source!],
      classifier: testClassifier,
      config,
      since: '2020-08-01',
    });
    expect(report.sources[0]).toMatchObject({ status: 'succeeded' });
    expect(report.sources[0]!.newItems).toBeGreaterThan(0);
  });

  it('falls back to the feed content when the page renders its story with a script, and says so', async () => {
    const items = await listItems(t.store, { sourceIds: ['onboarded-qalam'] });
    const scripted = items.find((i) => i.extractedBy === 'feed');
    expect(scripted?.bodyNote).toMatch(/body from the feed's description/);
    expect(items.some((i) => i.short && i.extractedBy === 'microdata')).toBe(true);
  });
});
