// The `--real` mode of `npm run eval:classify`: loads the manifest and the cache, measures the model in use and a
// previous one (config/model/model.json at a git ref, default main) on the tuning and held-out parts, and prints
// the table. Absent cache: a clear message and exit code 0, so that CI (which has no cache) is not failed by it.
import { execFileSync } from 'node:child_process';
import { createClassifier, type ModelFile } from '../classifiers/index.ts';
import { PROJECT_ROOT } from '../core/index.ts';
import { evaluateRealParts, evaluateRealPool, formatRealReport, loadRealSet } from './evaluate-real.ts';
import { FRESH_PARTS, MANIFEST_PATH, readManifest } from './real-dev-manifest.ts';
import { formatLanguageAccuracy, realLanguageAccuracy } from './real-language-accuracy.ts';
import { EXCERPTS_PATH } from './search-answers.ts';

export interface RealEvaluationOptions {
  readonly manifestPath?: string;
  readonly excerptsPath?: string;
  /** Git ref whose config/model/model.json is the previous model; '' for none. */
  readonly previousRef?: string;
  readonly errors?: boolean;
  /**
   * Only this part ('tuning', 'heldout', one of FRESH_PARTS or 'unsplit'), or several separated by commas
   * ('fresh29,fresh30'): each, then all of them pooled as one. When absent: every part except the withheld ones
   * (WITHHELD_PARTS), which are measured only when asked for by name.
   */
  readonly part?: string;
  readonly log?: (line: string) => void;
}

function modelAtRef(ref: string): ModelFile | string {
  try {
    const json = execFileSync('git', ['show', `${ref}:config/model/model.json`], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(json) as ModelFile;
  } catch (error) {
    return `no previous model at ${ref}: ${(error as Error).message.split('\n')[0]}`;
  }
}

/**
 * Parts measured only when named with --part: `fresh` was gathered after the held-out part had been measured and
 * read, `fresh2` after `fresh` had been, `fresh3` after `fresh2` had been, `fresh4` after
 * `fresh3` had been, `fresh5` after `fresh4` had been, `fresh6`
 * after `fresh5` had been, `fresh7` after `fresh6` had been; each is measured once, at the end (docs/real-dev-set.md), so a plain run
 * must not show their figures.
 */
export const WITHHELD_PARTS: ReadonlySet<string> = new Set(FRESH_PARTS);

export function runRealEvaluation(options: RealEvaluationOptions = {}): number {
  const log = options.log ?? ((line: string) => console.log(line));
  const excerptsPath = options.excerptsPath ?? EXCERPTS_PATH;
  const entries = readManifest(options.manifestPath ?? MANIFEST_PATH);
  const loaded = loadRealSet(entries, excerptsPath);
  if (!loaded) {
    log(
      `real dev set: cache absent (${excerptsPath}); nothing measured. Rebuild it from the manifest with ` +
        '`npm run real-dev -- build` (see docs/real-dev-set.md); CI measures the committed sets only.',
    );
    return 0;
  }
  const parts = new Set<string>(loaded.items.map((t) => t.part));
  const named =
    options.part === undefined ? null : [...new Set(options.part.split(',').map((p) => p.trim()))];
  const unknown = named?.find((p) => !parts.has(p));
  if (unknown !== undefined) {
    log(`real dev set: no part "${unknown}" (the manifest has ${[...parts].sort().join(', ')})`);
    return 2;
  }
  const set = {
    ...loaded,
    items: loaded.items.filter((t) =>
      named === null ? !WITHHELD_PARTS.has(t.part) : named.includes(t.part),
    ),
  };
  const pooled = named !== null && named.length > 1 ? named.join('+') : null;
  if (options.part === undefined)
    for (const part of [...WITHHELD_PARTS].filter((p) => parts.has(p))) {
      const n = loaded.items.filter((t) => t.part === part).length;
      log(
        `real dev set: part "${part}" (${n} excerpts) not measured: it is measured once, at the end, with --part ${part}`,
      );
    }
  if (set.missing.length > 0)
    log(
      `real dev set: ${set.missing.length} of ${entries.length} excerpts missing from the cache (measured without them; \`npm run real-dev -- build\`)`,
    );
  const classifier = createClassifier();
  const current = evaluateRealParts(classifier, set);
  if (pooled) current.push(evaluateRealPool(classifier, set, pooled));
  let previous = null;
  let previousLabel: string | undefined;
  if (options.previousRef) {
    const model = modelAtRef(options.previousRef);
    if (typeof model === 'string') log(model);
    else {
      const prevClassifier = createClassifier({ model });
      previous = evaluateRealParts(prevClassifier, set);
      if (pooled) previous.push(evaluateRealPool(prevClassifier, set, pooled));
      previousLabel = `${prevClassifier.modelVersion} (model of ${options.previousRef}, current lexicons)`;
    }
  }
  log(`real dev set: ${set.items.length} excerpts; model ${classifier.modelVersion}`);
  for (const line of formatRealReport(current, previous, {
    current: classifier.modelVersion,
    previous: previousLabel,
  }))
    log(line);
  for (const line of formatLanguageAccuracy(realLanguageAccuracy(set))) log(line);
  if (options.errors)
    for (const pr of current.filter(
      (p) =>
        p.part !== pooled &&
        ((p.part !== 'heldout' && !WITHHELD_PARTS.has(p.part)) || named?.includes(p.part)),
    )) {
      // The held-out (and every fresh) part's errors only when asked for by name (`--part heldout --errors`): those
      // parts are looked at once, at the end, on purpose.
      log(`\nerrors (${pr.part})`);
      for (const e of pr.report.errors)
        log(`  ${e.id} gold ${e.gold} got ${e.got} (${e.score.toFixed(2)}) ${e.text.slice(0, 160)}`);
    }
  return 0;
}
