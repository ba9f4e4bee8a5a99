// The real dev set's labelled violations as training examples for the category model (`npm run train:model --
// --real`): the spent parts only, so a part still waiting for its one measurement (docs/real-dev-set.md) never
// teaches the model that measurement is about. Read from the git-ignored cache; the texts stay there, and what
// the model file keeps of them is the per-stem weights of its category table.
import type { TrainingExample } from '../classifiers/index.ts';
import { SPENT_PARTS } from './calibrate-real.ts';
import { loadRealSet, type RealSet } from './evaluate-real.ts';
import { MANIFEST_PATH, readManifest } from './real-dev-manifest.ts';
import { EXCERPTS_PATH } from './search-answers.ts';

export interface RealTrainingSet {
  readonly examples: TrainingExample[];
  /** Spent-part entries whose text the cache lacks (a rebuild that could not verify them). */
  readonly missing: number;
  readonly parts: readonly string[];
}

/** Null when the cache is absent: the caller says so and trains nothing from it. */
export function realTrainingExamples(
  options: { manifestPath?: string; excerptsPath?: string; parts?: readonly string[] } = {},
): RealTrainingSet | null {
  const parts = options.parts ?? SPENT_PARTS;
  const entries = readManifest(options.manifestPath ?? MANIFEST_PATH).filter((e) =>
    parts.includes(e.part ?? ''),
  );
  const set = loadRealSet(entries, options.excerptsPath ?? EXCERPTS_PATH);
  if (!set) return null;
  return { examples: violationExamples(set.items), missing: set.missing.length, parts };
}

/** The labelled violations among real-set items, as 'real' training examples. */
export function violationExamples(items: RealSet['items']): TrainingExample[] {
  return items
    .filter((item) => item.candidate && item.category !== null)
    .map((item) => ({
      id: item.id,
      title: '',
      text: item.text,
      lang: item.lang,
      candidate: true,
      category: item.category,
      origin: 'real' as const,
    }));
}
