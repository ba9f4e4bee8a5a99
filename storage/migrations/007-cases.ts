// Cases: a matter followed over months (a claim, its hearings, the decision, the appeal). Entries point to
// their case (dataset_entries.case_id) with the event they are in it (case_event, null = derived); a case's
// numbers are kept apart so that a court item or a candidate finds its case by number (items.case_number
// is indexed since 001); court items join their case (case_items) before anyone reviews them; review_log
// rows can name the case they changed.
import type { Migration } from './migration.ts';

export const cases: Migration = {
  version: 7,
  name: 'cases',
  async up(db, t) {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('derived_status', 'text', (c) => c.notNull())
      .addColumn('status_override', 'text')
      .addColumn('status_note', 'text')
      .addColumn('claimants_json', 'text', (c) => c.notNull())
      .addColumn('defendants_json', 'text', (c) => c.notNull())
      .addColumn('court', 'text')
      .addColumn('region', 'text')
      .addColumn('law_articles_json', 'text', (c) => c.notNull())
      .addColumn('claimed_amount_kzt', t.bigintType)
      .addColumn('awarded_amount_kzt', t.bigintType)
      .addColumn('honor_dignity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_month', 'text')
      .addColumn('last_month', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_status').on('cases').column('status').execute();

    await db.schema
      .createTable('case_numbers')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('normalized', 'text', (c) => c.notNull())
      .addColumn('case_number', 'text', (c) => c.notNull())
      // entry: taken from an entry (recomputed with it); editor: added by hand (kept until removed).
      .addColumn('origin', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_numbers_pk', ['case_id', 'normalized'])
      .execute();
    await db.schema.createIndex('case_numbers_normalized').on('case_numbers').column('normalized').execute();

    await db.schema
      .createTable('case_items')
      .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('matched_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_items_case').on('case_items').column('case_id').execute();

    await db.schema.alterTable('dataset_entries').addColumn('case_id', 'text').execute();
    await db.schema.alterTable('dataset_entries').addColumn('case_event', 'text').execute();
    await db.schema.createIndex('dataset_entries_case').on('dataset_entries').column('case_id').execute();
    await db.schema.alterTable('review_log').addColumn('case_id', 'text').execute();
    await db.schema.createIndex('review_log_case').on('review_log').column('case_id').execute();
  },
};
