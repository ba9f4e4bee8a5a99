// Article URLs a crawl could not fetch for a passing reason (timeout, 5xx, 429): kept in fetch_state with
// their status, so the next run tries them again even when they are older than its date cut-off.
import { toNullableNumber } from './dialect.ts';
import { nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';

/** A status of 0 stands for "no answer" (timeout, network error). */
export async function markPendingUrl(
  store: Store,
  sourceId: string,
  url: string,
  status: number | null,
): Promise<void> {
  const values = {
    url,
    source_id: sourceId,
    etag: null,
    last_modified: null,
    status: status ?? 0,
    checked_at: nowIso(),
  };
  await store.db
    .insertInto('fetch_state')
    .values(values)
    .onConflict((oc) =>
      oc.column('url').doUpdateSet({ status: values.status, checked_at: values.checked_at }),
    )
    .execute();
}

export async function pendingUrls(store: Store, sourceId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('fetch_state')
    .select(['url', 'status'])
    .where('source_id', '=', sourceId)
    .where('etag', 'is', null)
    .where('last_modified', 'is', null)
    .execute();
  return rows
    .filter((r) => {
      const s = toNullableNumber(r.status);
      return s === 0 || s === 429 || (s !== null && s >= 500);
    })
    .map((r) => r.url);
}

export async function clearPendingUrl(store: Store, url: string): Promise<void> {
  await store.db
    .deleteFrom('fetch_state')
    .where('url', '=', url)
    .where('etag', 'is', null)
    .where('last_modified', 'is', null)
    .execute();
}
