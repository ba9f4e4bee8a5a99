import { toNullableNumber } from './dialect.ts';
import { nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';

export interface FetchState {
  readonly url: string;
  readonly sourceId: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly status: number | null;
  readonly checkedAt: string;
}

/** The validators of the last fetch of a feed, sitemap or listing page, for a conditional request. */
export async function getFetchState(store: Store, url: string): Promise<FetchState | null> {
  const row = await store.db.selectFrom('fetch_state').selectAll().where('url', '=', url).executeTakeFirst();
  if (!row) return null;
  return {
    url: row.url,
    sourceId: row.source_id,
    etag: row.etag,
    lastModified: row.last_modified,
    status: toNullableNumber(row.status),
    checkedAt: row.checked_at,
  };
}

export async function saveFetchState(
  store: Store,
  state: { url: string; sourceId: string; etag: string | null; lastModified: string | null; status: number },
): Promise<void> {
  const values = {
    url: state.url,
    source_id: state.sourceId,
    etag: state.etag,
    last_modified: state.lastModified,
    status: state.status,
    checked_at: nowIso(),
  };
  await store.db
    .insertInto('fetch_state')
    .values(values)
    .onConflict((oc) =>
      oc.column('url').doUpdateSet({
        etag: values.etag,
        last_modified: values.last_modified,
        status: values.status,
        checked_at: values.checked_at,
      }),
    )
    .execute();
}
