// The shared crawl state of workers (migration 8) and the login limits (migration 11), on both databases:
// a lease is one holder's until it expires, an expired lease with a job is claimed by one reaper only; a
// host grants a request slot only within its concurrency and at its next start time, and a dead holder's
// slot frees itself; failed logins are counted per key within the window.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLease,
  claimExpiredLeases,
  clearLoginFailures,
  hostSlotsInUse,
  listLeases,
  lockLogin,
  loginLockedUntil,
  recordLoginFailure,
  releaseHolderSlots,
  releaseHostSlot,
  releaseLease,
  renewLease,
  type Store,
  takeHostSlot,
} from '../../storage/index.ts';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../helpers/test-stores.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_DIALECTS)('crawl leases, host slots and login limits on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    for (const table of [
      'crawl_leases',
      'crawl_hosts',
      'crawl_host_slots',
      'login_failures',
      'login_locks',
    ] as const)
      await store.db.deleteFrom(table).execute();
  });

  it('gives a lease to one holder at a time, renews it for that holder only, and frees it on release', async () => {
    const a = await acquireLease(store, {
      name: 'source:x',
      holder: 'A',
      ttlMs: 10_000,
      jobId: 'j1',
      queue: 'q',
    });
    expect(a).toEqual({ acquired: true, replaced: null });
    const b = await acquireLease(store, { name: 'source:x', holder: 'B', ttlMs: 10_000 });
    expect(b.acquired).toBe(false);
    if (!b.acquired) {
      expect(b.held).toMatchObject({ holder: 'A', jobId: 'j1', queue: 'q' });
      expect(b.held.expiresInMs).toBeGreaterThan(8_000);
    }
    expect(await acquireLease(store, { name: 'source:x', holder: 'A', ttlMs: 10_000 })).toMatchObject({
      acquired: true,
    });
    expect(await renewLease(store, 'source:x', 'A', 10_000)).toBe(true);
    expect(await renewLease(store, 'source:x', 'B', 10_000)).toBe(false);
    await releaseLease(store, 'source:x', 'B'); // not B's: stays
    expect((await listLeases(store)).map((l) => l.holder)).toEqual(['A']);
    await releaseLease(store, 'source:x', 'A');
    expect(await listLeases(store)).toEqual([]);
  });

  it('lets another holder take an expired lease, naming the job it replaced', async () => {
    await acquireLease(store, { name: 'source:y', holder: 'A', ttlMs: 30, jobId: 'j7', queue: 'q' });
    await sleep(60);
    expect(await renewLease(store, 'source:y', 'A', 30)).toBe(true); // still A's until someone takes it
    await sleep(60);
    const b = await acquireLease(store, {
      name: 'source:y',
      holder: 'B',
      ttlMs: 10_000,
      jobId: 'j8',
      queue: 'q',
    });
    expect(b.acquired).toBe(true);
    if (b.acquired) expect(b.replaced).toMatchObject({ holder: 'A', jobId: 'j7' });
    expect(await renewLease(store, 'source:y', 'A', 10_000)).toBe(false);
  });

  it('hands each expired lease with a job to one reaper, and leaves live and job-less ones', async () => {
    await acquireLease(store, { name: 'source:dead', holder: 'A', ttlMs: 20, jobId: 'j1', queue: 'q' });
    await acquireLease(store, { name: 'schedule', holder: 'A', ttlMs: 20 });
    await acquireLease(store, { name: 'source:live', holder: 'B', ttlMs: 60_000, jobId: 'j2', queue: 'q' });
    await sleep(50);
    const [first, second] = await Promise.all([claimExpiredLeases(store), claimExpiredLeases(store)]);
    const claimed = [...first!, ...second!];
    expect(claimed.map((l) => [l.name, l.jobId])).toEqual([['source:dead', 'j1']]);
    expect(claimed[0]!.expiresInMs).toBeLessThan(0);
    expect((await listLeases(store)).map((l) => l.name)).toEqual(['schedule', 'source:live']);
  });

  const slot = (token: string, o: Partial<Parameters<typeof takeHostSlot>[1]> = {}) =>
    takeHostSlot(store, {
      host: 'news.example.kz',
      holder: token.split('-')[0]!,
      token,
      intervalMs: 0,
      slackMs: 0,
      concurrency: 2,
      slotTtlMs: 60_000,
      busyWaitMs: 40,
      ...o,
    });

  it('grants a host no more requests in flight than its concurrency, whoever asks', async () => {
    expect(await slot('A-1')).toMatchObject({ granted: true, token: 'A-1' });
    expect(await slot('B-1')).toMatchObject({ granted: true, token: 'B-1' });
    expect(await slot('A-2')).toEqual({ granted: false, waitMs: 40 });
    expect(await hostSlotsInUse(store)).toEqual(new Map([['news.example.kz', 2]]));
    await releaseHostSlot(store, 'B-1');
    expect(await slot('A-2')).toMatchObject({ granted: true, token: 'A-2' });
    await releaseHolderSlots(store, 'A');
    expect(await hostSlotsInUse(store)).toEqual(new Map());
  });

  it('spaces the starts on a host by its interval, telling the asker how long to wait', async () => {
    expect((await slot('A-1', { intervalMs: 300 })).granted).toBe(true);
    await releaseHostSlot(store, 'A-1');
    const early = await slot('B-1', { intervalMs: 300 });
    expect(early.granted).toBe(false);
    if (!early.granted) {
      expect(early.waitMs).toBeGreaterThan(200);
      expect(early.waitMs).toBeLessThanOrEqual(300);
      await sleep(early.waitMs + 5);
    }
    expect((await slot('B-1', { intervalMs: 300 })).granted).toBe(true);
    // Another host is not held up by this one.
    expect((await slot('C-1', { host: 'other.example.kz', intervalMs: 300 })).granted).toBe(true);
  });

  it('frees the slot of a holder that died mid-request once it expires', async () => {
    // A TTL long enough that a loaded machine (a fresh clone's suite beside other work) still asks again before it
    // ends: at 40 ms the second request once came after the expiry and was granted.
    expect((await slot('A-1', { concurrency: 1, slotTtlMs: 1_000 })).granted).toBe(true);
    expect((await slot('B-1', { concurrency: 1 })).granted).toBe(false);
    await sleep(1_100);
    expect((await slot('B-1', { concurrency: 1 })).granted).toBe(true);
  });

  it('counts failed logins per key within the window, locks and clears them', async () => {
    const t0 = 1_000_000;
    expect(await recordLoginFailure(store, ['ip:1', 'user:a'], t0, 60_000)).toEqual(
      new Map([
        ['ip:1', 1],
        ['user:a', 1],
      ]),
    );
    await recordLoginFailure(store, ['ip:1', 'user:b'], t0 + 1000, 60_000);
    expect((await recordLoginFailure(store, ['ip:1', 'user:b'], t0 + 2000, 60_000)).get('ip:1')).toBe(3);
    // A failure older than the window no longer counts.
    expect((await recordLoginFailure(store, ['ip:1'], t0 + 60_500, 60_000)).get('ip:1')).toBe(3);
    await lockLogin(store, 'user:b', t0 + 90_000);
    expect(await loginLockedUntil(store, ['ip:9', 'user:b'])).toBe(t0 + 90_000);
    expect((await recordLoginFailure(store, ['user:b'], t0 + 61_000, 60_000)).get('user:b')).toBe(1);
    await clearLoginFailures(store, ['user:b']);
    expect(await loginLockedUntil(store, ['user:b'])).toBe(0);
  });
});
