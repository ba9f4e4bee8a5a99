// Failed logins and locked keys of the review server's rate limiter (migration 11), shared by every review
// server on the database. Keys are "ip:ADDRESS" and "user:NAME"; times are milliseconds since the epoch.
import { toNumber } from './dialect.ts';
import type { Store } from './open-store.ts';

/** The latest time until which any of the keys is locked, or 0. */
export async function loginLockedUntil(store: Store, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const row = await store.db
    .selectFrom('login_locks')
    .select((eb) => eb.fn.max('locked_until_ms').as('until'))
    .where('key', 'in', [...keys])
    .executeTakeFirst();
  return toNumber(row?.until);
}

/**
 * Records one failed login for each key and returns, per key, the failures within the window (this one
 * included). Older failures are deleted on the way, so the table holds a window's worth at most.
 */
export async function recordLoginFailure(
  store: Store,
  keys: readonly string[],
  atMs: number,
  windowMs: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (keys.length === 0) return counts;
  await store.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_failures')
      .where('at_ms', '<=', atMs - windowMs)
      .execute();
    await trx
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, at_ms: atMs })))
      .execute();
    const rows = await trx
      .selectFrom('login_failures')
      .select(['key', (eb) => eb.fn.countAll().as('n')])
      .where('key', 'in', [...keys])
      .groupBy('key')
      .execute();
    for (const r of rows) counts.set(r.key, toNumber(r.n));
  });
  return counts;
}

/** Locks a key until a time; its counted failures start again from zero. */
export async function lockLogin(store: Store, key: string, untilMs: number): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_locks')
      .values({ key, locked_until_ms: untilMs })
      .onConflict((oc) => oc.column('key').doUpdateSet({ locked_until_ms: untilMs }))
      .execute();
    await trx.deleteFrom('login_failures').where('key', '=', key).execute();
  });
}

/** A successful login forgets the keys' failures and locks. */
export async function clearLoginFailures(store: Store, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_failures')
      .where('key', 'in', [...keys])
      .execute();
    await trx
      .deleteFrom('login_locks')
      .where('key', 'in', [...keys])
      .execute();
  });
}

/** Drops locks that have run out (housekeeping; an expired lock already lets its key in). */
export async function deleteExpiredLoginLocks(store: Store, nowMs: number): Promise<void> {
  await store.db.deleteFrom('login_locks').where('locked_until_ms', '<=', nowMs).execute();
}
