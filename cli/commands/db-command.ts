import { EXIT, usageError } from '../../core/index.ts';
import {
  copySqliteToPostgres,
  countItems,
  listCrawlRuns,
  openStore,
  redactUrl,
  resolveLocation,
  schemaVersion,
} from '../../storage/index.ts';
import { type Command, stringOption } from '../command.ts';

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

const migrateTo: Command = {
  name: 'migrate',
  summary: 'copy this SQLite database into PostgreSQL (moving from one machine to a server)',
  help: `Usage: soz [--db PATH] db migrate --to postgres://USER:PASSWORD@HOST/DB [--replace] [--json]

Copies every table of the SQLite database (--db PATH, $SOZ_DB or data/soz.sqlite) into the PostgreSQL
database of --to, ids kept, in one transaction: the target ends up complete or untouched. Its id sequences
are moved past the copied ids, so new rows continue from there. Then the rows of every table are counted
on both sides and printed; a difference is an error (exit 4).

A target that already holds rows is refused, unless --replace is given: then its Soz Monitor tables are
emptied first (the crawl queue's own schema is left alone). The SQLite file is only read.
Afterwards point Soz Monitor at the server: DATABASE_URL=postgres://… (see docs/deployment.md).`,
  options: { to: { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx) {
    const to = stringOption(ctx, 'to', true);
    if (!/^postgres(ql)?:\/\//.test(to))
      throw usageError(`--to: "${redactUrl(to)}" is not a postgres:// URL`);
    const from = resolveLocation({ path: ctx.dbPath });
    if (from.kind !== 'sqlite') {
      throw usageError(
        'the database to copy is SQLite: name it with --db PATH (DATABASE_URL points at PostgreSQL already)',
      );
    }
    const source = await ctx.openStore();
    const target = await openStore({ url: to, env: {} });
    try {
      const report = await copySqliteToPostgres(source, target, {
        replace: ctx.values.replace === true,
        onTable: (table, rows) => ctx.logger.info(`copied ${table}: ${rows} row(s)`),
      });
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ from: source.location, to: target.location, ...report }));
      } else {
        ctx.out(`${source.location} → ${target.location} (schema v${report.schemaVersion})`);
        const width = Math.max(...report.tables.map((t) => t.table.length));
        ctx.out(`${'table'.padEnd(width)}  ${'SQLite'.padStart(9)}  ${'PostgreSQL'.padStart(10)}`);
        for (const t of report.tables)
          ctx.out(
            `${t.table.padEnd(width)}  ${String(t.source).padStart(9)}  ${String(t.target).padStart(10)}  ok`,
          );
        const total = report.tables.reduce((n, t) => n + t.source, 0);
        ctx.out(`${report.tables.length} tables, ${total} rows, equal counts on both sides`);
      }
      return EXIT.ok;
    } finally {
      await target.close();
    }
  },
};

export const dbCommand: Command = {
  name: 'db',
  summary: 'database information and moving to PostgreSQL (migrations run automatically on open)',
  help: 'Usage: soz [--db PATH] db <subcommand>',
  subcommands: [info, migrateTo],
};
