// What the category model gains from the real dev set's violations, on parts it has not learnt from: each spent part
// in turn is left out, the category model is trained on the base set plus the other spent parts' violations, and the
// part left out is ranked both by that one and by a category model of the base set alone (the decision side —
// candidate model, combiner, calibration — is the installed model's in both, so only the ranking differs; the
// installed category model is not a fair baseline, having learnt every spent part). `npm run eval:ranking-real`.
import {
  baseExamples,
  createClassifier,
  DEFAULT_MODEL_PATH,
  loadModel,
  type ModelFile,
  trainCategoryModel,
} from '../classifiers/index.ts';
import type { CategoryId } from '../core/index.ts';
import { SPENT_PARTS } from './calibrate-real.ts';
import { loadRealSet } from './evaluate-real.ts';
import { MANIFEST_PATH, readManifest } from './real-dev-manifest.ts';
import { violationExamples } from './real-training-examples.ts';
import { EXCERPTS_PATH } from './search-answers.ts';

export interface RankingTally {
  violations: number;
  baseOnly: [top1: number, top2: number];
  learnt: [top1: number, top2: number];
}

export interface RankingOptions {
  readonly manifestPath?: string;
  readonly excerptsPath?: string;
  readonly modelPath?: string;
  readonly parts?: readonly string[];
  readonly onPart?: (part: string) => void;
}

/** Per language and overall; null when the cache is absent. */
export function rankingLeaveOnePartOut(options: RankingOptions = {}): Map<string, RankingTally> | null {
  const parts = options.parts ?? SPENT_PARTS;
  const manifestPath = options.manifestPath ?? MANIFEST_PATH;
  const excerptsPath = options.excerptsPath ?? EXCERPTS_PATH;
  const set = loadRealSet(
    readManifest(manifestPath).filter((e) => parts.includes(e.part ?? '')),
    excerptsPath,
  );
  if (!set) return null;
  const installed = loadModel(options.modelPath ?? DEFAULT_MODEL_PATH);
  const base = baseExamples();
  const tallies = new Map<string, RankingTally>();
  const tally = (key: string) => {
    const known = tallies.get(key);
    if (known) return known;
    const fresh: RankingTally = { violations: 0, baseOnly: [0, 0], learnt: [0, 0] };
    tallies.set(key, fresh);
    return fresh;
  };

  const rank = (model: ModelFile) => {
    const classifier = createClassifier({ model });
    return (text: string) => {
      const r = classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));
      return r.candidate ? r.categories.map((c) => c.id) : [];
    };
  };
  const rankBaseOnly = rank({ ...installed, category: trainCategoryModel(base) });
  for (const part of parts) {
    const real = violationExamples(set.items.filter((item) => item.part !== part));
    const learnt = rank({ ...installed, category: trainCategoryModel([...base, ...real]) });
    for (const item of set.items) {
      if (item.part !== part || !item.candidate || item.category === null) continue;
      const gold: CategoryId = item.category;
      const a = rankBaseOnly(item.text);
      const b = learnt(item.text);
      for (const key of ['all', item.lang ?? 'other']) {
        const t = tally(key);
        t.violations++;
        if (a[0] === gold) t.baseOnly[0]++;
        if (a.slice(0, 2).includes(gold)) t.baseOnly[1]++;
        if (b[0] === gold) t.learnt[0]++;
        if (b.slice(0, 2).includes(gold)) t.learnt[1]++;
      }
    }
    options.onPart?.(part);
  }
  return tallies;
}
