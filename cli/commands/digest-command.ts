// `soz digest` (npm run digest): drafts the month's report from the confirmed dataset.
import { writeFile } from 'node:fs/promises';
import { describeError, EXIT, inputError, parseMonth, usageError } from '../../core/index.ts';
import { draftDigest, parseDigestFormat, parseDigestLang, parseDigestLayout } from '../../pipeline/index.ts';
import { type Command, stringOption } from '../command.ts';

export const digestCommand: Command = {
  name: 'digest',
  summary: "draft the month's report from the confirmed dataset",
  help: `Usage: soz [--db PATH] digest --month YYYY-MM [--lang ru|en|kk] [--layout classic|blocks]
                         [--format md|html|docx] [--out FILE] [--explain] [--date YYYY-MM-DD]

  --lang      the report's language (default ru); summaries stay in the language they were written in
  --layout    classic (2010–2021: items, then statistics) or blocks (2023+: counts by block, year to date)
  --format    md (default, to stdout), html (one page with an inline SVG chart) or docx (needs --out)
  --explain   list, for every number, the ids of the entries it counts
  --date      the date printed under the title (default today)
Counting rules: docs/digest.md.`,
  options: {
    month: { type: 'string' },
    lang: { type: 'string' },
    layout: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    explain: { type: 'boolean' },
    date: { type: 'string' },
  },
  async run(ctx) {
    const month = parseMonth(stringOption(ctx, 'month', true));
    const lang = parseDigestLang(stringOption(ctx, 'lang') ?? 'ru');
    const layout = parseDigestLayout(stringOption(ctx, 'layout') ?? 'classic');
    const format = parseDigestFormat(stringOption(ctx, 'format') ?? 'md');
    const date = stringOption(ctx, 'date');
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw usageError(`--date: "${date}" is not a date in the form YYYY-MM-DD`);
    }
    const out = stringOption(ctx, 'out');
    if (format === 'docx' && !out) throw usageError('--format docx needs --out FILE');
    const store = await ctx.openStore();
    const draft = await draftDigest(store, {
      month,
      lang,
      layout,
      format,
      explain: Boolean(ctx.values.explain),
      draftDate: date,
    });
    if (out) {
      try {
        await writeFile(out, draft);
      } catch (error) {
        throw inputError(`${out}: cannot write the draft (${describeError(error)})`, error);
      }
      ctx.logger.info(`draft written to ${out}`);
    } else process.stdout.write(draft);
    return EXIT.ok;
  },
};
