// The review server's login rate limiter, in the database instead of one process's memory: failed logins
// per key ("ip:…" or "user:…") and the keys locked until a time, so that review servers behind a proxy count
// failures together. Times are milliseconds since the epoch.
import type { Migration } from './migration.ts';

export const loginLimits: Migration = {
  version: 11,
  name: 'login rate limits',
  async up(db, t) {
    await db.schema
      .createTable('login_failures')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at_ms', t.bigintType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('login_failures_key_at')
      .on('login_failures')
      .columns(['key', 'at_ms'])
      .execute();
    await db.schema.createIndex('login_failures_at').on('login_failures').column('at_ms').execute();

    await db.schema
      .createTable('login_locks')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('locked_until_ms', t.bigintType, (c) => c.notNull())
      .execute();
  },
};
