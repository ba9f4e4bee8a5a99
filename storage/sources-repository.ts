import { fromJson, nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';

export interface StoredSource {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly lang: string | null;
  readonly config: Record<string, unknown>;
  readonly lastSuccessAt: string | null;
}

/** Records the sources of a registry (inserting new ones, refreshing the rest); keeps crawl history. */
export async function upsertSources(
  store: Store,
  sources: readonly { id: string; name: string; kind: string; lang?: string | null; config: object }[],
): Promise<void> {
  const now = nowIso();
  await store.db.transaction().execute(async (trx) => {
    for (const s of sources) {
      await trx
        .insertInto('sources')
        .values({
          id: s.id,
          name: s.name,
          kind: s.kind,
          lang: s.lang ?? null,
          config_json: toJson(s.config),
          last_success_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name: s.name,
            kind: s.kind,
            lang: s.lang ?? null,
            config_json: toJson(s.config),
            updated_at: now,
          }),
        )
        .execute();
    }
  });
}

export async function listSources(store: Store): Promise<StoredSource[]> {
  const rows = await store.db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    lang: r.lang,
    config: fromJson(r.config_json, {}, `sources.config_json of ${r.id}`),
    lastSuccessAt: r.last_success_at,
  }));
}

export async function markSourceSucceeded(store: Store, sourceId: string, at: string): Promise<void> {
  await store.db.updateTable('sources').set({ last_success_at: at }).where('id', '=', sourceId).execute();
}

export async function lastSourceSuccess(store: Store, sourceId: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('sources')
    .select('last_success_at')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  return row?.last_success_at ?? null;
}
