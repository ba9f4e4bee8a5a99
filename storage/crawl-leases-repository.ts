// Leases: a named thing (a source, the scheduler) held by one holder (a worker) until a time on the
// database's clock. The holder renews it while it works; a holder that dies stops renewing, and its lease
// can be taken over once expired — by the next worker, or by a worker's reaper that hands the dead one's
// job back to the queue.
import { sql } from 'kysely';
import { dbNowMs, toNumber } from './dialect.ts';
import { nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';

type Db = Store['db'];

export interface LeaseRequest {
  /** What is leased, e.g. "source:demo-vestnik". */
  readonly name: string;
  /** Who holds it, e.g. "host:pid:random" of a worker. */
  readonly holder: string;
  readonly ttlMs: number;
  /** The queue job the holder works on, so a reaper can hand it back if the holder dies. */
  readonly jobId?: string | null;
  readonly queue?: string | null;
}

export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly jobId: string | null;
  readonly queue: string | null;
  readonly acquiredAt: string;
  /** Milliseconds until it expires on the database's clock (negative: expired). */
  readonly expiresInMs: number;
}

export type LeaseResult =
  | {
      readonly acquired: true;
      /** The expired lease of another holder that this one replaced (its job may need handing back). */
      readonly replaced: Lease | null;
    }
  | { readonly acquired: false; readonly held: Lease };

/** The database's clock, in milliseconds since the epoch. */
export async function databaseNowMs(store: Store, db: Db = store.db): Promise<number> {
  const { rows } = await sql<{ now: unknown }>`select ${dbNowMs(store.traits.name)} as now`.execute(db);
  return toNumber(rows[0]?.now);
}

function toLease(
  row: {
    name: string;
    holder: string;
    job_id: string | null;
    queue: string | null;
    acquired_at: string;
    expires_ms: unknown;
  },
  now: number,
): Lease {
  return {
    name: row.name,
    holder: row.holder,
    jobId: row.job_id,
    queue: row.queue,
    acquiredAt: row.acquired_at,
    expiresInMs: toNumber(row.expires_ms) - now,
  };
}

/** Takes the lease if it is free, expired, or already this holder's; otherwise says who holds it. */
export async function acquireLease(store: Store, req: LeaseRequest): Promise<LeaseResult> {
  return store.db.transaction().execute(async (trx) => {
    const now = await databaseNowMs(store, trx);
    const values = {
      holder: req.holder,
      job_id: req.jobId ?? null,
      queue: req.queue ?? null,
      acquired_at: nowIso(),
      expires_ms: now + req.ttlMs,
    };
    const row = await trx
      .selectFrom('crawl_leases')
      .selectAll()
      .where('name', '=', req.name)
      .$if(store.traits.name === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) {
      // Two workers after the same free lease: the insert of one wins, the other finds no row returned.
      const inserted = await trx
        .insertInto('crawl_leases')
        .values({ name: req.name, ...values })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('name')
        .executeTakeFirst();
      if (inserted) return { acquired: true, replaced: null };
      const winner = await trx
        .selectFrom('crawl_leases')
        .selectAll()
        .where('name', '=', req.name)
        .executeTakeFirstOrThrow();
      return { acquired: false, held: toLease(winner, now) };
    }
    const current = toLease(row, now);
    if (row.holder !== req.holder && current.expiresInMs >= 0) return { acquired: false, held: current };
    await trx.updateTable('crawl_leases').set(values).where('name', '=', req.name).execute();
    return { acquired: true, replaced: row.holder === req.holder ? null : current };
  });
}

/** Extends the holder's lease; false when it is no longer theirs (expired and taken, or released). */
export async function renewLease(
  store: Store,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const result = await store.db
    .updateTable('crawl_leases')
    .set({ expires_ms: sql`${dbNowMs(store.traits.name)} + ${ttlMs}` })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) > 0;
}

export async function releaseLease(store: Store, name: string, holder: string): Promise<void> {
  await store.db.deleteFrom('crawl_leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/**
 * Removes the expired leases that carry a job and returns them: their holders died (or lost touch with the
 * database), so their jobs go back to the queue. Each expired lease is returned to one caller only.
 */
export async function claimExpiredLeases(store: Store): Promise<Lease[]> {
  const now = await databaseNowMs(store);
  const rows = await store.db
    .deleteFrom('crawl_leases')
    .where('expires_ms', '<', now)
    .where('job_id', 'is not', null)
    .returningAll()
    .execute();
  return rows.map((r) => toLease(r, now));
}

export async function listLeases(store: Store): Promise<Lease[]> {
  const now = await databaseNowMs(store);
  const rows = await store.db.selectFrom('crawl_leases').selectAll().orderBy('name').execute();
  return rows.map((r) => toLease(r, now));
}
