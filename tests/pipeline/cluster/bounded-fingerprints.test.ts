// A story reprinted on many pages (the crawl benchmark's site, aggregators) makes one big task: it keeps
// every item, but only its first item's fingerprint and the newest others for matching, so queueing
// stays bounded in time and memory. Quirk covered: the 30th reprint still joins the first task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Article, EMPTY_FACTS } from '../../../core/index.ts';
import { CLUSTER_CONFIG } from '../../../pipeline/cluster/cluster-config.ts';
import { boundedItems, decodeTaskFingerprint, queueCandidate } from '../../../pipeline/index.ts';
import { getTask, saveArticle } from '../../../storage/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';

const TEXT =
  'Ақтөбеде полиция тілші Дана Серікқызын 3 наурызда әкімдіктің сатып алулары туралы материалдан кейін ұстады. ' +
  'Редакцияның айтуынша, оның телефоны мен диктофоны алынды. Адвокат ұстауды заңсыз деп атап, прокурорға шағым түсірді.';

const reprint = (n: number): Article => ({
  sourceId: 'aggregator-kk',
  kind: 'news',
  url: `http://127.0.0.1/kk/reprint/${n}`,
  canonicalUrl: `http://127.0.0.1/kk/reprint/${n}`,
  title: 'Ақтөбеде тілші ұсталды',
  text: TEXT,
  publishedAt: '2024-03-04T08:00:00.000Z',
  author: null,
  section: null,
  langHint: 'kk',
  fetchedAt: '2024-03-04T09:00:00.000Z',
  html: null,
  extractedBy: 'generic',
});

describe('bounded task fingerprints', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
  });
  afterAll(async () => t?.close());

  it('keeps the first item and the newest others', () => {
    expect(boundedItems([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(boundedItems([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 5, 6]);
  });

  it('joins every reprint to one task while its fingerprint list stays at the cap', async () => {
    const config = { ...CLUSTER_CONFIG, maxTaskFingerprints: 5 };
    const classification = {
      modelVersion: 'bounded-test',
      lang: 'kk' as const,
      script: 'cyrl' as const,
      candidate: true,
      score: 0.8,
      categories: [{ id: 'detention' as const, score: 0.8, evidence: [] }],
      facts: EMPTY_FACTS,
    };
    const taskIds = new Set<number>();
    const itemIds: number[] = [];
    for (let n = 1; n <= 30; n++) {
      const a = reprint(n);
      const { itemId } = await saveArticle(t.store, a);
      itemIds.push(itemId);
      taskIds.add((await queueCandidate(t.store, itemId, a, classification, config)).taskId);
    }
    expect(taskIds.size).toBe(1);
    const task = await getTask(t.store, [...taskIds][0]!);
    expect(task?.itemIds).toHaveLength(30);
    const fp = decodeTaskFingerprint(task?.fingerprint ?? null);
    expect(fp?.items.map((i) => i.itemId)).toEqual([itemIds[0], ...itemIds.slice(-4)]);
  });
});
