// The first schema: every table of the foundation. Released: never edit, add a new migration instead.
import type { Migration } from './migration.ts';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  async up(db, t) {
    await db.schema
      .createTable('sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('lang', 'text')
      .addColumn('config_json', 'text', (c) => c.notNull())
      .addColumn('last_success_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await t
      .idColumn(db.schema.createTable('crawl_runs'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('options_json', 'text', (c) => c.notNull())
      .addColumn('pid', 'integer')
      .execute();

    await db.schema
      .createTable('crawl_run_sources')
      .addColumn('run_id', 'integer', (c) => c.notNull().references('crawl_runs.id'))
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('found', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('new_items', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('errors_json', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addPrimaryKeyConstraint('crawl_run_sources_pk', ['run_id', 'source_id'])
      .execute();

    await db.schema
      .createTable('fetch_state')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('status', 'integer')
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();

    await t
      .idColumn(db.schema.createTable('items'))
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('author', 'text')
      .addColumn('section', 'text')
      .addColumn('lang', 'text')
      .addColumn('script', 'text')
      .addColumn('lang_confidence', t.realType)
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('raw_html_gz', t.binaryType)
      .addColumn('extracted_by', 'text', (c) => c.notNull())
      .addColumn('case_number', 'text')
      .addColumn('court_json', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('items_source_published')
      .on('items')
      .columns(['source_id', 'published_at'])
      .execute();
    await db.schema.createIndex('items_case_number').on('items').column('case_number').execute();

    await t
      .idColumn(db.schema.createTable('item_revisions'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .execute();

    await t
      .idColumn(db.schema.createTable('classifications'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('script', 'text', (c) => c.notNull())
      .addColumn('candidate', 'integer', (c) => c.notNull())
      .addColumn('score', t.realType, (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull())
      .addColumn('facts_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('classifications_item_model', ['item_id', 'model_version'])
      .execute();

    await t
      .idColumn(db.schema.createTable('review_tasks'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('top_category', 'text')
      .addColumn('score', t.realType, (c) => c.notNull())
      .addColumn('lang', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('month', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('first_item_id', 'integer', (c) => c.notNull().references('items.id'))
      .addColumn('fingerprint', 'text')
      .addColumn('entry_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('review_tasks_status_score')
      .on('review_tasks')
      .columns(['status', 'score'])
      .execute();

    await db.schema
      .createTable('review_task_items')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('review_tasks.id'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').unique())
      .addColumn('similarity', t.realType, (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_task_items_pk', ['task_id', 'item_id'])
      .execute();

    await t
      .idColumn(db.schema.createTable('review_log'))
      .addColumn('task_id', 'integer')
      .addColumn('entry_id', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .execute();
    await db.schema.createIndex('review_log_task').on('review_log').column('task_id').execute();

    await t
      .idColumn(db.schema.createTable('users'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('labels')
      .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id'))
      .addColumn('candidate', 'integer', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('dataset_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('event_date', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('block', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('in_court', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('outcome', 'text')
      .addColumn('claimed_amount_kzt', t.bigintType)
      .addColumn('awarded_amount_kzt', t.bigintType)
      .addColumn('law_article', 'text')
      .addColumn('is_honor_dignity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('people_json', 'text', (c) => c.notNull())
      .addColumn('outlets_json', 'text', (c) => c.notNull())
      .addColumn('actors_json', 'text', (c) => c.notNull())
      .addColumn('court', 'text')
      .addColumn('case_number', 'text')
      .addColumn('region', 'text')
      .addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('review_task_id', 'integer')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dataset_entries_month').on('dataset_entries').column('month').execute();

    await db.schema
      .createTable('dataset_entry_sources')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('dataset_entries.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('item_id', 'integer')
      .addPrimaryKeyConstraint('dataset_entry_sources_pk', ['entry_id', 'url'])
      .execute();
  },
};
