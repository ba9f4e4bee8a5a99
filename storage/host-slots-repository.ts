// The per-host politeness limit shared by every worker (soz worker on PostgreSQL): each host's next allowed
// request start and its requests in flight live in the database, so that N workers on N machines together
// keep to one host's rate and concurrency. A slot expires if its worker dies mid-request.

import { databaseNowMs } from './crawl-leases-repository.ts';
import { dbNowMs, toNumber } from './dialect.ts';
import type { Store } from './open-store.ts';

export type HostSlotResult =
  | {
      readonly granted: true;
      readonly token: string;
      /** When the start was granted, on the database's clock (ms). */
      readonly atMs: number;
    }
  | { readonly granted: false; readonly waitMs: number };

export interface HostSlotRequest {
  readonly host: string;
  readonly holder: string;
  readonly token: string;
  /** Milliseconds between request starts on this host (1000 / rate; 0: no spacing). */
  readonly intervalMs: number;
  /** A start this late still counts from its scheduled time (so lag does not lower the average rate). */
  readonly slackMs: number;
  /** Requests in flight on this host at most, by all workers together. */
  readonly concurrency: number;
  /** A slot not released by then is freed (its worker died mid-request). */
  readonly slotTtlMs: number;
  /** How long to wait before asking again when the host is full (no start time to wait for). */
  readonly busyWaitMs: number;
}

/**
 * One request start on a host, if the shared limit allows it now: fewer than `concurrency` requests in
 * flight, and the host's next start time reached. Otherwise how long to wait before asking again. The
 * host's row is locked meanwhile, so workers asking at once are answered one after the other.
 */
export async function takeHostSlot(store: Store, req: HostSlotRequest): Promise<HostSlotResult> {
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('crawl_hosts')
      .values({ host: req.host, next_start_ms: 0 })
      .onConflict((oc) => oc.column('host').doNothing())
      .execute();
    const row = await trx
      .selectFrom('crawl_hosts')
      .select(['next_start_ms', dbNowMs(store.traits.name).as('now')])
      .where('host', '=', req.host)
      .$if(store.traits.name === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    const now = toNumber(row.now);
    const next = toNumber(row.next_start_ms);
    await trx
      .deleteFrom('crawl_host_slots')
      .where('host', '=', req.host)
      .where('expires_ms', '<', now)
      .execute();
    const active = await trx
      .selectFrom('crawl_host_slots')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('host', '=', req.host)
      .executeTakeFirstOrThrow();
    if (toNumber(active.n) >= req.concurrency) return { granted: false, waitMs: req.busyWaitMs };
    if (now < next) return { granted: false, waitMs: next - now };
    const base = now - next <= req.slackMs ? next : now;
    await trx
      .updateTable('crawl_hosts')
      .set({ next_start_ms: base + req.intervalMs })
      .where('host', '=', req.host)
      .execute();
    await trx
      .insertInto('crawl_host_slots')
      .values({ token: req.token, host: req.host, holder: req.holder, expires_ms: now + req.slotTtlMs })
      .execute();
    return { granted: true, token: req.token, atMs: now };
  });
}

export async function releaseHostSlot(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom('crawl_host_slots').where('token', '=', token).execute();
}

/** Frees every slot a holder still has (a worker stopping). */
export async function releaseHolderSlots(store: Store, holder: string): Promise<void> {
  await store.db.deleteFrom('crawl_host_slots').where('holder', '=', holder).execute();
}

/** Requests in flight per host, by all workers (for `soz worker --status` and tests). */
export async function hostSlotsInUse(store: Store): Promise<Map<string, number>> {
  const now = await databaseNowMs(store);
  const rows = await store.db
    .selectFrom('crawl_host_slots')
    .select(['host', (eb) => eb.fn.countAll().as('n')])
    .where('expires_ms', '>=', now)
    .groupBy('host')
    .execute();
  return new Map(rows.map((r) => [r.host, toNumber(r.n)]));
}
