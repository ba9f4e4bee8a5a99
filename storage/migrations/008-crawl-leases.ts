// Shared crawl state for workers on several machines (soz worker, PostgreSQL): leases that keep a source to
// one worker at a time (renewed while the worker lives, so a dead one's source is freed within seconds), and
// the per-host politeness limiter's state — the next allowed request start and the requests in flight per
// host — so that the limit holds across all workers together. Times are milliseconds on the database's
// clock (dialect.ts: dbNowMs), never the workers' own, which may differ between machines.
import type { Migration } from './migration.ts';

export const crawlLeases: Migration = {
  version: 8,
  name: 'crawl leases and shared host slots',
  async up(db, t) {
    await db.schema
      .createTable('crawl_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text')
      .addColumn('queue', 'text')
      .addColumn('acquired_at', 'text', (c) => c.notNull())
      .addColumn('expires_ms', t.bigintType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crawl_leases_expires').on('crawl_leases').column('expires_ms').execute();

    await db.schema
      .createTable('crawl_hosts')
      .addColumn('host', 'text', (c) => c.primaryKey())
      .addColumn('next_start_ms', t.bigintType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('crawl_host_slots')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_ms', t.bigintType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crawl_host_slots_host').on('crawl_host_slots').column('host').execute();
  },
};
