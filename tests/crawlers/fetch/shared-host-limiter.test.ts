// Two workers' limiters on one database keep one host's limit together: never more requests in flight than
// its concurrency, starts spaced by its rate, while another host is served meanwhile; an aborted wait gives
// its place up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedHostLimiter } from '../../../crawlers/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-stores.ts';

describe.each(TEST_DIALECTS)('the shared host limiter on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.close());

  it('holds rate and concurrency across two workers', async () => {
    const workers = ['A', 'B'].map((holder) => new SharedHostLimiter(t.store, { holder, slotTtlMs: 30_000 }));
    const RATE = 25; // starts a second: 40 ms apart
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];
    const request = async (limiter: SharedHostLimiter, ms: number) => {
      const slot = await limiter.acquire('shared.example.kz', RATE, 2);
      starts.push(slot.grantedAtMs);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight -= 1;
      slot.release();
    };
    const other: number[] = [];
    const began = performance.now();
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => request(workers[i % 2]!, 90)),
      // Another host is not slowed by the busy one.
      workers[1]!.acquire('other.example.kz', RATE, 2).then((s) => {
        other.push(performance.now() - began);
        s.release();
      }),
    ]);
    expect(maxInFlight).toBe(2);
    starts.sort((a, b) => a - b);
    // Granted 40 ms apart on the database's clock, less the slack a late start keeps (a quarter of the
    // interval); when they are seen here varies with the machine's load, so the grants are what is checked.
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(29);
    // Two in flight at 90 ms each: 12 requests take at least five rounds.
    expect(starts[starts.length - 1]! - starts[0]!).toBeGreaterThan(5 * 90 - 50);
    expect(other[0]).toBeLessThan(500);
  });

  it('gives up the wait of an aborted request without taking a slot', async () => {
    const limiter = new SharedHostLimiter(t.store, { holder: 'C', slotTtlMs: 30_000, busyWaitMs: 20 });
    const held = await limiter.acquire('busy.example.kz', 1000, 1);
    const abort = new AbortController();
    const waiting = limiter.acquire('busy.example.kz', 1000, 1, abort.signal);
    setTimeout(() => abort.abort(new Error('crawl stopped')), 50);
    await expect(waiting).rejects.toThrow('crawl stopped');
    held.release();
    const next = await limiter.acquire('busy.example.kz', 1000, 1);
    next.release();
  });
});
