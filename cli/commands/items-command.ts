// `soz items list`: what the crawls stored, newest first, with language and classification.
import type { ItemKind } from '../../core/index.ts';
import { EXIT, parseDate, usageError } from '../../core/index.ts';
import { type ItemSummary, listItems } from '../../storage/index.ts';
import { type Command, intOption, listOption, stringOption } from '../command.ts';

export function itemJson(i: ItemSummary): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: i.id,
    source: i.sourceId,
    url: i.url,
    title: i.title,
    publishedAt: i.publishedAt,
    lang: i.lang,
    script: i.script,
    textLength: i.text.length,
    candidate: i.classification?.candidate ?? false,
    categories: i.classification?.categories.map((c) => c.id) ?? [],
  };
  if (i.kind === 'court') {
    out.kind = i.kind;
    out.caseNumber = i.caseNumber;
    out.court = i.court?.court ?? null;
  }
  return out;
}

const list: Command = {
  name: 'list',
  summary: 'stored news and court items, newest first',
  help: `Usage: soz [--db PATH] items list [--json] [--source ID]... [--since DATE] [--candidates] [--kind news|court] [--limit N]

  --json         one JSON object per line: id, source, url, title, publishedAt, lang, script,
                 textLength, candidate, categories (court items also kind, caseNumber, court)
  --source ID    only items of this source (repeatable)
  --since DATE   published (or, undated, fetched) on or after DATE
  --candidates   only items the classifier queued for review
  --kind K       news or court
  --limit N      at most N items`,
  options: {
    json: { type: 'boolean' },
    source: { type: 'string', multiple: true },
    since: { type: 'string' },
    candidates: { type: 'boolean' },
    kind: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const kind = stringOption(ctx, 'kind');
    if (kind !== undefined && kind !== 'news' && kind !== 'court')
      throw usageError(`--kind: "${kind}" is not one of news, court`);
    const sinceText = stringOption(ctx, 'since');
    const limit = ctx.values.limit === undefined ? undefined : intOption(ctx, 'limit', 0, 1);
    const store = await ctx.openStore();
    const items = await listItems(store, {
      sourceIds: listOption(ctx, 'source'),
      since: sinceText ? parseDate(sinceText, '--since') : undefined,
      kind: kind as ItemKind | undefined,
      candidatesOnly: Boolean(ctx.values.candidates),
      limit,
    });
    for (const i of items) {
      if (ctx.values.json) ctx.out(JSON.stringify(itemJson(i)));
      else {
        const flag = i.classification?.candidate ? '*' : ' ';
        ctx.out(
          `${flag} ${String(i.id).padStart(5)} ${(i.publishedAt ?? '').slice(0, 10).padEnd(10)} ${i.sourceId.padEnd(16)} ${(i.lang ?? '-').padEnd(3)} ${i.title}`,
        );
      }
    }
    if (!ctx.values.json) ctx.logger.info(`${items.length} item(s); * = candidate for review`);
    return EXIT.ok;
  },
};

export const itemsCommand: Command = {
  name: 'items',
  summary: 'list stored items',
  help: 'Usage: soz [--db PATH] items list [options]',
  subcommands: [list],
};
