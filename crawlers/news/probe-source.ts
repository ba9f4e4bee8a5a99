// `soz sources check`: reads a source's entry points once (unconditionally, storing nothing) and tries
// the extractor on the first article found, to show whether the registry entry still works.
import type { Article } from '../../core/index.ts';
import { decodePage, extractArticle } from '../../pipeline/index.ts';
import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { NewsSource } from '../sources/news-source.ts';
import { discoverLinks } from './discover-links.ts';

export interface ProbeResult {
  readonly sourceId: string;
  readonly ok: boolean;
  readonly entryPointsOk: number;
  readonly entryPoints: number;
  readonly links: number;
  readonly newestLink: string | null;
  readonly sample:
    | (Pick<Article, 'url' | 'title' | 'publishedAt' | 'author' | 'extractedBy'> & { textLength: number })
    | null;
  readonly errors: readonly string[];
}

export async function probeSource(
  source: NewsSource,
  fetcher: PoliteFetcher,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const d = await discoverLinks(source, { fetcher, since: null, known: async () => new Set(), signal });
  const pattern = source.articlePattern ? new RegExp(source.articlePattern) : null;
  const links = [
    ...new Map(d.links.filter((l) => !pattern || pattern.test(l.url)).map((l) => [l.url, l])).values(),
  ];
  const errors = [...d.errors];
  const sorted = [...links].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  let sample: ProbeResult['sample'] = null;
  const first = sorted[0];
  if (first) {
    const outcome = await fetcher.fetch({ url: first.url, sourceId: source.id, rate: source.rate, signal });
    if (!outcome.ok) errors.push(`${first.url}: ${outcome.reason}`);
    else if (!outcome.notModified) {
      const r = extractArticle(decodePage(outcome.page), {
        sourceId: source.id,
        selectors: source.selectors,
        langHint: source.lang ?? undefined,
      });
      if (r.ok) {
        const a = r.value;
        sample = {
          url: a.url,
          title: a.title,
          publishedAt: a.publishedAt,
          author: a.author,
          extractedBy: a.extractedBy,
          textLength: a.text.length,
        };
      } else errors.push(`${first.url}: ${r.reason}`);
    }
  }
  return {
    sourceId: source.id,
    ok: d.entryPointsOk > 0 && links.length > 0 && sample !== null,
    entryPointsOk: d.entryPointsOk,
    entryPoints: source.urls.length,
    links: links.length,
    newestLink: first?.url ?? null,
    sample,
    errors,
  };
}
