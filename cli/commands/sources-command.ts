// `soz sources list` and `soz sources check [ID]`: what the registry holds, and whether each entry point
// still answers with something the crawler understands.
import { EXIT } from '../../core/index.ts';
import {
  DEFAULT_SOURCES_FILE,
  loadCrawlConfig,
  loadSources,
  PoliteFetcher,
  probeSource,
  selectSources,
} from '../../crawlers/index.ts';
import { type Command, stringOption } from '../command.ts';

const list: Command = {
  name: 'list',
  summary: 'the sources of the registry',
  help: `Usage: soz sources list [--sources FILE] [--json]

One line per source: id, kind, language hint, entry URL and name (--json: one JSON object per line).`,
  options: { sources: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    for (const s of loadSources(file)) {
      if (ctx.values.json) ctx.out(JSON.stringify(s));
      else
        ctx.out(
          `${s.id.padEnd(18)} ${s.kind.padEnd(8)} ${(s.lang ?? '-').padEnd(3)} ${s.urls.join(' ')}  ${s.name}${s.enabled ? '' : ' (disabled)'}`,
        );
    }
    return EXIT.ok;
  },
};

const check: Command = {
  name: 'check',
  summary: 'fetch entry points and report what was found',
  help: `Usage: soz sources check [ID]... [--sources FILE] [--json]

Fetches each source's entry points (feeds, sitemaps, listing pages), counts the article links found and
extracts the newest article. Stores nothing. Exit 0 when every checked source works, 1 otherwise.`,
  options: { sources: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    const sources = selectSources(loadSources(file), ctx.positionals, file);
    const fetcher = new PoliteFetcher(loadCrawlConfig());
    let allOk = true;
    const results = await Promise.all(sources.map((s) => probeSource(s, fetcher, ctx.signal)));
    for (const r of results) {
      allOk &&= r.ok;
      if (ctx.values.json) {
        ctx.out(JSON.stringify(r));
        continue;
      }
      const sample = r.sample
        ? `newest: "${r.sample.title}" (${r.sample.publishedAt ?? 'no date'}, ${r.sample.textLength} chars, by ${r.sample.extractedBy})`
        : 'no article extracted';
      ctx.out(
        `${r.sourceId}: ${r.ok ? 'ok' : 'FAILED'} — entry points ${r.entryPointsOk}/${r.entryPoints}, ${r.links} article links; ${sample}${r.errors.length ? ` (${r.errors.join('; ')})` : ''}`,
      );
    }
    return allOk ? EXIT.ok : EXIT.failure;
  },
};

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'list and check the news sources registry',
  help: 'Usage: soz sources <list|check> [options]',
  subcommands: [list, check],
};
