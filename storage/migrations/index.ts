// Forward-only migrations, shared by both dialects. Each runs once, in a transaction, and is recorded in
// schema_migrations. Never edit a released migration: add the next file and list it here.
import { type Kysely, sql } from 'kysely';
import type { DialectTraits } from '../dialect.ts';
import { initialSchema } from './001-initial-schema.ts';
import { reviewQueueIndexes } from './004-review-queue-indexes.ts';
import { itemsUrlIndex } from './005-items-url-index.ts';
import { sourceHealth } from './006-source-health.ts';
import { cases } from './007-cases.ts';
import { crawlLeases } from './008-crawl-leases.ts';
import { reviewerAdditions } from './009-reviewer-additions.ts';
import { usersUiLang } from './010-users-ui-lang.ts';
import { loginLimits } from './011-login-limits.ts';
import { summaryTranslations } from './013-summary-translations.ts';
import { itemsReviewLookup } from './014-items-review-lookup.ts';
import { reviewTaskHead } from './015-review-task-head.ts';
import type { AnyDb, Migration } from './migration.ts';

export type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  reviewQueueIndexes,
  itemsUrlIndex,
  cases,
  sourceHealth,
  usersUiLang,
  summaryTranslations,
  crawlLeases,
  reviewerAdditions,
  loginLimits,
  itemsReviewLookup,
  reviewTaskHead,
].sort((a, b) => a.version - b.version);

/** Applies every migration newer than the database's version; returns the versions applied. */
export async function migrate(db: Kysely<unknown>, traits: DialectTraits): Promise<number[]> {
  const anyDb = db as AnyDb;
  await anyDb.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const rows = await anyDb.selectFrom('schema_migrations').select('version').execute();
  const applied = new Set(rows.map((r: { version: unknown }) => Number(r.version)));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `the database is at schema version ${newest}, newer than this program knows (${known}); upgrade Soz Monitor`,
    );
  }
  const done: number[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    await anyDb.transaction().execute(async (trx) => {
      await m.up(trx, traits);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
        .execute();
    });
    done.push(m.version);
  }
  return done;
}

export async function schemaVersion(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ v: unknown }>`select max(version) as v from schema_migrations`.execute(db);
  return Number(rows[0]?.v ?? 0);
}
