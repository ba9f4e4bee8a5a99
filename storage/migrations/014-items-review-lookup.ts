// A narrow covering index over the item columns the review queue reads for each task's items (language and
// source filters, the date sort): on a million items (bench:scale) every such lookup otherwise reads the
// item's row, text and all, from a table of a gigabyte, and the queue's lang/source filters took 0.5–2.4 s.
// With it the lookups stay in a ~40 MB index (see docs/scale.md for the plans).
import type { Migration } from './migration.ts';

export const itemsReviewLookup: Migration = {
  version: 14,
  name: 'items review lookup index',
  async up(db) {
    await db.schema
      .createIndex('items_review_lookup')
      .on('items')
      .columns(['id', 'lang', 'source_id', 'published_at'])
      .execute();
  },
};
