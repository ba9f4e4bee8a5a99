// Indexes for the review queue with thousands of pending candidates: its filters and their choices
// (status with category, month or kind), the language and source filters (items by language), and
// finding the task of an item.
import type { Migration } from './migration.ts';

export const reviewQueueIndexes: Migration = {
  version: 4,
  name: 'review queue indexes',
  async up(db) {
    await db.schema
      .createIndex('review_tasks_status_category')
      .on('review_tasks')
      .columns(['status', 'top_category'])
      .execute();
    await db.schema
      .createIndex('review_tasks_status_month')
      .on('review_tasks')
      .columns(['status', 'month'])
      .execute();
    await db.schema
      .createIndex('review_tasks_status_kind')
      .on('review_tasks')
      .columns(['status', 'kind'])
      .execute();
    await db.schema.createIndex('items_lang').on('items').column('lang').execute();
  },
};
