// Locks that serialise a kind of transaction across processes: PostgreSQL's transaction-level advisory
// locks (released at commit or rollback, and when a killed process's connection drops). On SQLite, one
// writer at a time is the rule already, so they cost nothing there.
import { sql } from 'kysely';
import type { Store } from './open-store.ts';

type Db = Store['db'];

/** Keys of the advisory locks (any stable 64-bit numbers, distinct per kind of transaction). */
const CANDIDATE_QUEUEING = 0x50_7a_71_75_65_75_65n; // "Pzqueue"

/**
 * Queueing candidates (clustering them into review tasks) one transaction at a time: two workers storing
 * reports of one event at once would otherwise each miss the other's new task, and open two.
 */
export async function serializeCandidateQueueing(store: Store, trx: Db): Promise<void> {
  if (store.traits.name !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${CANDIDATE_QUEUEING.toString()}::bigint)`.execute(trx);
}
