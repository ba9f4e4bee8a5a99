// Source health: each crawl's per-source measurements (links found, stored, short, rejected by reason,
// median body length, dated share, language and extraction mix, and the flags raised against the source's
// earlier runs) as one JSON column of crawl_run_sources; and on items, whether a body was kept although
// short (a news brief) and how it was found when extraction fell back to the feed or structured data.
import type { Migration } from './migration.ts';

export const sourceHealth: Migration = {
  version: 6,
  name: 'source health and short items',
  async up(db) {
    await db.schema.alterTable('crawl_run_sources').addColumn('health_json', 'text').execute();
    await db.schema
      .alterTable('items')
      .addColumn('short', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('items').addColumn('body_note', 'text').execute();
  },
};
