// Reports a reviewer added by URL (soz review add, the "Add a report" page): who added it and why, and the
// classifier's verdict at that moment (score, candidate or not, model version). One row per item: an item
// below the candidate line that a reviewer had to add is a miss of the classifier once confirmed.
import type { Migration } from './migration.ts';

export const reviewerAdditions: Migration = {
  version: 9,
  name: 'reviewer additions',
  async up(db, t) {
    await db.schema
      .createTable('reviewer_additions')
      .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('classifier_score', t.realType, (c) => c.notNull())
      .addColumn('classifier_candidate', 'integer', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('reviewer_additions_added_at')
      .on('reviewer_additions')
      .column('added_at')
      .execute();
  },
};
