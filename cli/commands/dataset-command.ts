// `soz dataset import|export`: the confirmed dataset in and out of spreadsheets and JSON.
import { writeFile } from 'node:fs/promises';
import { describeError, EXIT, inputError, parseDate, parseMonth, usageError } from '../../core/index.ts';
import {
  DATASET_FORMATS,
  type DatasetFormat,
  describeRowError,
  type ExportRange,
  exportDataset,
  importDataset,
  missingTranslations,
} from '../../pipeline/index.ts';
import { listEntries } from '../../storage/index.ts';
import { type Command, stringOption } from '../command.ts';

const importCommand: Command = {
  name: 'import',
  summary: 'import confirmed entries from a .jsonl, .json, .csv or .xlsx file',
  help: `Usage: soz [--db PATH] dataset import FILE [--skip-invalid] [--json]

Every row is validated; errors name the row and the field. Nothing is imported when any row is invalid,
unless --skip-invalid (then the valid rows are imported and the invalid ones listed). Rows without an id
get one derived from their content, so importing the same file again adds nothing twice.`,
  options: { 'skip-invalid': { type: 'boolean' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    if (!file) throw usageError('soz dataset import: FILE is required');
    if (extra.length > 0) throw usageError(`soz dataset import: one FILE only (also got ${extra.join(' ')})`);
    const store = await ctx.openStore();
    const result = await importDataset(store, file, { skipInvalid: Boolean(ctx.values['skip-invalid']) });
    for (const e of result.skipped) ctx.logger.warn(`skipped ${describeRowError(file, e)}`);
    if (ctx.values.json) ctx.out(JSON.stringify({ ...result, skipped: result.skipped.length }));
    else {
      ctx.out(
        `${file}: ${result.rows} rows: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged` +
          (result.skipped.length
            ? `, ${new Set(result.skipped.map((e) => e.row)).size} invalid rows skipped`
            : ''),
      );
    }
    return EXIT.ok;
  },
};

const exportCommand: Command = {
  name: 'export',
  summary: 'export entries with the import fields (csv, json, jsonl or xlsx)',
  help: `Usage: soz [--db PATH] dataset export [--month YYYY-MM | --year YYYY | --from DATE --to DATE]
                              --format csv|json|jsonl|xlsx [--out FILE]

Without a range every entry is exported. Text formats go to stdout unless --out; xlsx needs --out.`,
  options: {
    month: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const format = stringOption(ctx, 'format', true);
    if (!(DATASET_FORMATS as readonly string[]).includes(format))
      throw usageError(`--format: "${format}" is not one of ${DATASET_FORMATS.join(', ')}`);
    const month = stringOption(ctx, 'month');
    const year = stringOption(ctx, 'year');
    const from = stringOption(ctx, 'from');
    const to = stringOption(ctx, 'to');
    const given = [month, year, from ?? to].filter((v) => v !== undefined).length;
    if (given > 1) throw usageError('give one of --month, --year or --from/--to');
    let range: ExportRange = { kind: 'all' };
    if (month) range = { kind: 'month', month: parseMonth(month) };
    else if (year) {
      if (!/^\d{4}$/.test(year)) throw usageError(`--year: "${year}" is not a year (YYYY)`);
      range = { kind: 'year', year: Number(year) };
    } else if (from || to) {
      range = {
        kind: 'dates',
        from: from ? parseDate(from, '--from').slice(0, 10) : undefined,
        to: to ? parseDate(to, '--to').slice(0, 10) : undefined,
      };
    }
    const out = stringOption(ctx, 'out');
    if (format === 'xlsx' && !out) throw usageError('--format xlsx needs --out FILE');
    const store = await ctx.openStore();
    const { count, bytes } = await exportDataset(store, range, format as DatasetFormat);
    if (out) {
      try {
        await writeFile(out, bytes);
      } catch (error) {
        throw inputError(`${out}: cannot write the export (${describeError(error)})`, error);
      }
      ctx.logger.info(`${count} entries written to ${out}`);
    } else process.stdout.write(bytes);
    return EXIT.ok;
  },
};

const REPORT_LANG_CODES = ['ru', 'kk', 'en'] as const;

const missingTranslationsCommand: Command = {
  name: 'missing-translations',
  summary: "list a month's entries that have no summary in a report language yet",
  help: `Usage: soz [--db PATH] dataset missing-translations --month YYYY-MM --lang ru|kk|en [--json]

Lists the month's narrated entries whose summary is neither written in the language nor translated into it:
what an editor still has to write before the draft in that language is final (the digest lists the same
entries at its top). Nothing is machine-translated. --json prints one JSON object a line.`,
  options: { month: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const month = parseMonth(stringOption(ctx, 'month', true));
    const lang = stringOption(ctx, 'lang', true);
    if (!(REPORT_LANG_CODES as readonly string[]).includes(lang))
      throw usageError(`--lang: "${lang}" is not one of ${REPORT_LANG_CODES.join(', ')}`);
    const store = await ctx.openStore();
    const entries = await listEntries(store, { fromMonth: month, toMonth: month });
    const missing = missingTranslations(entries, lang as (typeof REPORT_LANG_CODES)[number]);
    if (ctx.values.json) for (const m of missing) ctx.out(JSON.stringify(m));
    else if (missing.length === 0) ctx.out(`${month}: every narrated entry has a summary in ${lang}`);
    else {
      ctx.out(`${month}: ${missing.length} of ${entries.length} entries have no summary in ${lang}:`);
      for (const m of missing) ctx.out(`  ${m.id} (${m.lang}): ${m.summary.slice(0, 100)}`);
    }
    return EXIT.ok;
  },
};

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'import and export the confirmed dataset; what is left to translate',
  help: 'Usage: soz [--db PATH] dataset <import|export|missing-translations> ...',
  subcommands: [importCommand, exportCommand, missingTranslationsCommand],
};
