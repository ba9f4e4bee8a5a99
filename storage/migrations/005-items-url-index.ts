// An index on items.url: every crawl asks which discovered links are already stored (knownUrls, by url or
// canonical url) and the canonical url is indexed by its unique constraint, but the url was not — on a year
// of items each of those lookups scanned the whole table.
import type { Migration } from './migration.ts';

export const itemsUrlIndex: Migration = {
  version: 5,
  name: 'items url index',
  async up(db) {
    await db.schema.createIndex('items_url').on('items').column('url').execute();
  },
};
