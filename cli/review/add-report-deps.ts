// What `soz review add` and the review server's "Add a report" page fetch and classify with: the crawler's
// polite fetcher (config/crawl.json: our User-Agent, robots.txt, its timeout and page size cap; one retry
// at most, since a person is waiting), the classifier that knows the dataset's names, and the registered source
// of the URL's host so that an added report carries its outlet's id.
import { DEFAULT_MODEL_PATH, loadModel, type ModelFile } from '../../classifiers/index.ts';
import { loadCrawlConfig, loadSources, PoliteFetcher, withCrawlConfig } from '../../crawlers/index.ts';
import type { AddReportDeps, ModelInUse } from '../../pipeline/index.ts';
import type { LiveClassifier } from '../classifier/live-classifier.ts';

/** Retries for a page a reviewer is waiting for (the nightly crawl's own are in config/crawl.json). */
const INTERACTIVE_RETRIES = 1;

/** The host a source and an added URL are matched on: `www.` is the same outlet. */
const hostKey = (hostname: string): string => hostname.replace(/^www\./, '');

/** `classifier`: the command's own (cli/classifier/open-classifier.ts), which knows the dataset's names. */
export function addReportDeps(options: { classifier: LiveClassifier; sourcesFile?: string }): AddReportDeps {
  const base = loadCrawlConfig();
  const fetcher = new PoliteFetcher(
    withCrawlConfig({ maxRetries: Math.min(base.maxRetries, INTERACTIVE_RETRIES) }, base),
  );
  const { classifier } = options;
  const byHost = new Map<string, string>();
  for (const s of loadSources(options.sourcesFile))
    for (const u of s.urls) {
      // loadSources has validated every address; a relative one would have been refused there.
      const h = hostKey(new URL(u).hostname);
      if (!byHost.has(h)) byHost.set(h, s.id);
    }
  return {
    classifier,
    refreshClassifier: () => classifier.refreshIfChanged(),
    sourceIdOf: (url) => byHost.get(hostKey(url.hostname)) ?? null,
    fetchPage: async (url) => {
      const outcome = await fetcher.fetch({ url, sourceId: 'reviewer' });
      if (!outcome.ok) return { ok: false, reason: outcome.reason };
      // No validators were sent, so a 304 cannot come back; say so rather than assume.
      if (outcome.notModified) return { ok: false, reason: 'the server answered 304 Not Modified' };
      return { ok: true, page: outcome.page };
    },
  };
}

/**
 * A model's version, training date, size, real-text calibration and layer, for the Classifier page and soz review
 * stats.
 */
export function modelInUseOf(m: ModelFile): ModelInUse {
  return {
    version: m.version,
    trainedAt: m.trainedAt,
    base: m.examples.base,
    reviewed: m.examples.reviewed,
    realViolations: m.examples.real ?? 0,
    calibrated: Object.keys(m.calibration?.byLang ?? {}),
    calibratedOn: m.calibration?.fittedOn ?? null,
    layer: m.layer
      ? {
          examples: m.layer.examples,
          violations: m.layer.violations,
          line: m.layer.line,
          fittedOn: m.layer.fittedOn,
        }
      : null,
  };
}

/** The installed model, as `soz review stats` (which classifies nothing) reports it. */
export function modelInUse(path: string = DEFAULT_MODEL_PATH): ModelInUse {
  return modelInUseOf(loadModel(path));
}
