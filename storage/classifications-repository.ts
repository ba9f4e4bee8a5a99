import type { Classification } from '../core/index.ts';
import { toNumber } from './dialect.ts';
import { nowIso, toJson } from './json-column.ts';
import type { Store } from './open-store.ts';

/** A verdict as a row of the classifications table. */
export function classificationRow(itemId: number, c: Classification, createdAt: string) {
  return {
    item_id: itemId,
    model_version: c.modelVersion,
    lang: c.lang,
    script: c.script,
    candidate: c.candidate ? 1 : 0,
    score: c.score,
    categories_json: toJson(c.categories),
    facts_json: toJson(c.facts),
    created_at: createdAt,
  };
}

/** Stores one model version's verdict on an item; classifying again with the same version replaces it. */
export async function saveClassification(
  store: Store,
  itemId: number,
  c: Classification,
  db: Store['db'] = store.db,
): Promise<void> {
  const values = classificationRow(itemId, c, nowIso());
  await db
    .insertInto('classifications')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['item_id', 'model_version']).doUpdateSet({
        lang: values.lang,
        script: values.script,
        candidate: values.candidate,
        score: values.score,
        categories_json: values.categories_json,
        facts_json: values.facts_json,
        created_at: values.created_at,
      }),
    )
    .execute();
}

/**
 * saveClassification for several distinct items in one multi-row statement (a crawl batch); the same
 * replace-on-conflict rule. Each item at most once: an upsert may not touch one row twice.
 */
export async function saveClassifications(
  store: Store,
  verdicts: readonly { readonly itemId: number; readonly c: Classification }[],
  db: Store['db'] = store.db,
): Promise<void> {
  if (verdicts.length === 0) return;
  const createdAt = nowIso();
  await db
    .insertInto('classifications')
    .values(verdicts.map(({ itemId, c }) => classificationRow(itemId, c, createdAt)))
    .onConflict((oc) =>
      oc.columns(['item_id', 'model_version']).doUpdateSet((eb) => ({
        lang: eb.ref('excluded.lang'),
        script: eb.ref('excluded.script'),
        candidate: eb.ref('excluded.candidate'),
        score: eb.ref('excluded.score'),
        categories_json: eb.ref('excluded.categories_json'),
        facts_json: eb.ref('excluded.facts_json'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
}

/** Items that have no classification by this model version yet (new, or changed since). */
export async function itemsNeedingClassification(
  store: Store,
  modelVersion: string,
  limit = 10_000,
): Promise<number[]> {
  const rows = await store.db
    .selectFrom('items')
    .select('items.id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('classifications as c')
            .select('c.id')
            .whereRef('c.item_id', '=', 'items.id')
            .where('c.model_version', '=', modelVersion)
            .whereRef('c.created_at', '>=', 'items.updated_at'),
        ),
      ),
    )
    .orderBy('items.id')
    .limit(limit)
    .execute();
  return rows.map((r) => toNumber(r.id));
}
