import { EXIT } from '../../core/index.ts';
import { countItems, listCrawlRuns, schemaVersion } from '../../storage/index.ts';
import type { Command } from '../command.ts';

const info: Command = {
  name: 'info',
  summary: 'where the database is, its schema version and what it holds',
  help: 'Usage: soz [--db PATH] db info [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const store = await ctx.openStore();
    const runs = await listCrawlRuns(store, 1);
    const summary = {
      location: store.location,
      dialect: store.traits.name,
      schemaVersion: await schemaVersion(store.db),
      items: await countItems(store),
      lastCrawl: runs[0] ? { id: runs[0].id, status: runs[0].status, startedAt: runs[0].startedAt } : null,
    };
    if (ctx.values.json) ctx.out(JSON.stringify(summary));
    else {
      ctx.out(`database: ${summary.location} (${summary.dialect}, schema v${summary.schemaVersion})`);
      ctx.out(`items: ${summary.items}`);
      ctx.out(
        `last crawl: ${summary.lastCrawl ? `#${summary.lastCrawl.id} ${summary.lastCrawl.status} at ${summary.lastCrawl.startedAt}` : 'none'}`,
      );
    }
    return EXIT.ok;
  },
};

export const dbCommand: Command = {
  name: 'db',
  summary: 'database information (migrations run automatically on open)',
  help: 'Usage: soz [--db PATH] db <subcommand>',
  subcommands: [info],
};
