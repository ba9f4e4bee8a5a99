// `soz sources list` and `soz sources check [ID]`: what the registry holds, and whether each entry point
// still answers with something the crawler understands.
import { createInterface } from 'node:readline/promises';
import { createClassifier } from '../../classifiers/index.ts';
import { EXIT, type Lang, type SourceHealth, usageError } from '../../core/index.ts';
import {
  appendSource,
  DEFAULT_SOURCES_FILE,
  healthThresholds,
  loadCrawlConfig,
  loadSources,
  onboardSource,
  PoliteFetcher,
  probeSource,
  readSourcesText,
  selectSources,
  setSourceField,
  withCrawlConfig,
  writeSourcesText,
} from '../../crawlers/index.ts';
import { latestSourceHealth } from '../../storage/index.ts';
import { type Command, type CommandContext, stringOption } from '../command.ts';

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
  help: `Usage: soz sources check [ID]... [--sources FILE] [--json] [--mark-verified]

Fetches each source's entry points (feeds, sitemaps, listing pages), counts the article links found and
extracts the newest article. Stores nothing in the database. Exit 0 when every checked source works, 1
otherwise.

  --mark-verified   write the outcome into the registry: "verified": true for each source that worked,
                    false for each that did not (comments and layout of the file are kept). Run it on
                    the deployed machine: entries taken from public facts start as "verified": false.`,
  options: {
    sources: { type: 'string' },
    json: { type: 'boolean' },
    'mark-verified': { type: 'boolean' },
  },
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
    if (ctx.values['mark-verified']) {
      let text = readSourcesText(file);
      for (const r of results) text = setSourceField(text, r.sourceId, 'verified', r.ok, file);
      writeSourcesText(file, text);
      ctx.logger.info(
        `${file}: marked ${results.filter((r) => r.ok).length} source(s) verified, ${results.filter((r) => !r.ok).length} not`,
      );
    }
    return allOk ? EXIT.ok : EXIT.failure;
  },
};

const LANG_OPTIONS: readonly Lang[] = ['kk', 'ru', 'en'];

const add: Command = {
  name: 'add',
  summary: 'onboard an outlet from its home page',
  help: `Usage: soz sources add URL [--id ID] [--lang kk|ru|en] [--sources FILE] [--yes] [--json]
                          [--samples N] [--rate R]

Starts from the outlet's home page: looks for its feeds (<link rel="alternate">, then common paths), its
sitemaps (robots.txt "Sitemap:" lines, then common paths, news sitemaps first), or else a news listing
with pagination; reads a few articles politely (robots.txt, the crawl's User-Agent and rate) and shows
what extraction gets from each: title, date, first words, length, language. Then writes the entry into
the registry (default config/sources.json; validated, comments and order kept) — only with --yes, or
after you confirm on a terminal.

  --id ID       the source id (default: from the host name and language)
  --lang L      the outlet's language (default: the language most samples are in)
  --samples N   articles read and shown (default 3)
  --rate R      requests per second for this check (default: config/crawl.json)
  --yes         write without asking
  --json        print the proposed entry, the trail and the samples as JSON`,
  options: {
    id: { type: 'string' },
    lang: { type: 'string' },
    sources: { type: 'string' },
    yes: { type: 'boolean' },
    json: { type: 'boolean' },
    samples: { type: 'string' },
    rate: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const [home, ...extra] = ctx.positionals;
    if (!home || extra.length > 0) throw usageError('soz sources add: give exactly one home page URL');
    let url: URL;
    try {
      url = new URL(home);
    } catch {
      throw usageError(`soz sources add: "${home}" is not an absolute URL (https://…)`);
    }
    const lang = stringOption(ctx, 'lang');
    if (lang !== undefined && !LANG_OPTIONS.includes(lang as Lang))
      throw usageError(`--lang must be one of ${LANG_OPTIONS.join(', ')}, not "${lang}"`);
    const id = stringOption(ctx, 'id');
    if (id !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(id))
      throw usageError(`--id "${id}": a lower-case identifier (letters, digits, . _ -)`);
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    // The registry must be readable before any request: a broken file is named first.
    const before = readSourcesText(file);
    if (id !== undefined && loadSources(file).some((s) => s.id === id))
      throw usageError(`${file}: a source with id "${id}" already exists`);
    const rate = stringOption(ctx, 'rate');
    const samples = stringOption(ctx, 'samples');
    const base = loadCrawlConfig();
    const config =
      rate === undefined ? base : withCrawlConfig({ ratePerSecond: positiveNumber(rate, '--rate') }, base);
    const fetcher = new PoliteFetcher(config);
    let result: Awaited<ReturnType<typeof onboardSource>>;
    try {
      result = await onboardSource(url.href, {
        fetcher,
        classifier: createClassifier(),
        id,
        lang: lang as Lang | undefined,
        samples: samples === undefined ? 3 : positiveNumber(samples, '--samples'),
        signal: ctx.signal,
      });
    } finally {
      fetcher.close();
    }
    if (ctx.values.json) ctx.out(JSON.stringify(result));
    else {
      for (const step of result.trail) ctx.out(`  · ${step}`);
      ctx.out(`  ${result.links} article links found`);
      for (const s of result.samples) {
        if (!s.ok) {
          ctx.out(`  ✗ ${s.url}: ${s.note}`);
          continue;
        }
        ctx.out(
          `  ✓ ${s.title}\n      ${s.url}\n      ${s.publishedAt ?? 'no date'} · ${s.length} characters${s.short ? ' (short)' : ''} · ${s.lang} · by ${s.extractedBy}${s.note ? ` · ${s.note}` : ''}\n      «${s.firstWords} …»`,
        );
      }
    }
    if (!result.entry) {
      ctx.logger.error(`${url.href}: no usable feed, sitemap or listing found; nothing written`);
      return EXIT.failure;
    }
    const text = appendSource(before, result.entry, file);
    if (!ctx.values.json) ctx.out(`  entry: ${JSON.stringify(result.entry)}`);
    if (!ctx.values.yes && !(await confirm(ctx, `Add "${String(result.entry.id)}" to ${file}?`))) {
      ctx.logger.warn(`not written (pass --yes, or answer y on a terminal)`);
      return EXIT.ok;
    }
    // Re-read: someone may have edited the file while the samples were fetched.
    if (readSourcesText(file) !== before)
      throw usageError(`${file} changed while the outlet was being checked; run the command again`);
    writeSourcesText(file, text);
    ctx.logger.info(`${file}: added source "${String(result.entry.id)}"`);
    return EXIT.ok;
  },
};

function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw usageError(`${name}: "${value}" is not a positive number`);
  return n;
}

/** Asks on a terminal; anything but y/yes (or no terminal at all) is no. */
async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const input = ctx.stdin as NodeJS.ReadStream;
  if (!input.isTTY) return false;
  const rl = createInterface({ input, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

const health: Command = {
  name: 'health',
  summary: 'what the last crawls got from each source, and what changed',
  help: `Usage: soz [--db PATH] sources health [--json] [--sources FILE]

One row per source, from its latest crawl: status, article links listed, pages fetched, articles stored,
short ones (briefs), pages not stored by reason, median body length, share with a date, language mix, and
the flags raised against its earlier runs (a redesign, a moved feed, a 403 wall). Sources of the registry
never crawled are listed as such. --json: one object per source.`,
  options: { json: { type: 'boolean' }, sources: { type: 'string' } },
  async run(ctx) {
    const file = stringOption(ctx, 'sources') ?? DEFAULT_SOURCES_FILE;
    const registry = loadSources(file);
    const store = await ctx.openStore();
    const rows = await latestSourceHealth(store, healthThresholds(loadCrawlConfig()).historyRuns);
    const seen = new Set(rows.map((r) => r.sourceId));
    for (const r of rows) {
      if (ctx.values.json)
        ctx.out(
          JSON.stringify({ sourceId: r.sourceId, runId: r.runId, finishedAt: r.finishedAt, ...r.health }),
        );
      else ctx.out(formatHealthRow(r.sourceId, r.runId, r.health));
    }
    for (const s of registry.filter((x) => x.enabled && !seen.has(x.id))) {
      if (ctx.values.json) ctx.out(JSON.stringify({ sourceId: s.id, runId: null, status: 'never crawled' }));
      else ctx.out(`${s.id.padEnd(20)} never crawled${s.verified === false ? ' (entry not verified)' : ''}`);
    }
    return EXIT.ok;
  },
};

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function formatHealthRow(id: string, runId: number, h: SourceHealth): string {
  const langs = Object.entries(h.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  const rejected = Object.entries(h.rejected)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ×${n}`)
    .join(', ');
  const head = `${id.padEnd(20)} run ${runId} ${h.status.padEnd(9)} links ${h.linksFound ?? '304'} · fetched ${h.fetched} · stored ${h.stored} · short ${h.short} · median ${h.medianBodyChars ?? '—'} chars · dated ${pct(h.datedShare)} · ${langs || 'no articles'}${rejected ? ` · not stored: ${rejected}` : ''}`;
  return [head, ...h.flags.map((f) => `${' '.repeat(21)}CHANGED (${f.kind}): ${f.message}`)].join('\n');
}

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'list, check, onboard and watch the news sources',
  help: 'Usage: soz sources <list|check|add|health> [options]',
  subcommands: [list, check, add, health],
};
