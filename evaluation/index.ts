// The real-text dev set's public surface (docs/real-dev-set.md): the manifest, gathering, the rebuild of the
// git-ignored cache from saved search answers, the split, and the evaluation on it.
export { addGathered } from './add-gathered.ts';
export { buildRealDev, queriesToRun, writeExcerpts } from './build-real-dev.ts';
export { calibrateOnReal, SPENT_PARTS } from './calibrate-real.ts';
export { excludedPages } from './excluded-pages.ts';
export {
  LABEL_CORRECTIONS_PATH,
  type LabelCorrection,
  labelCorrectionProblems,
  parseLabelCorrections,
  readLabelCorrections,
} from './label-corrections.ts';
export { manifestStats } from './manifest-stats.ts';
export { type RankingTally, rankingLeaveOnePartOut } from './ranking-leave-one-part-out.ts';
export { MANIFEST_PATH, manifestLine, PARTS, type Part, readManifest } from './real-dev-manifest.ts';
export { mixedGroups, readGroups } from './real-dev-split.ts';
export {
  type DecisionTally,
  layerLeaveOnePartOut,
  realLayerExamples,
  type TrainedLayer,
  trainLayerOnReal,
} from './real-layer.ts';
export { type RealTrainingSet, realTrainingExamples } from './real-training-examples.ts';
export { runRealEvaluation } from './run-real-evaluation.ts';
export { EXCERPTS_PATH, RESPONSES_DIR } from './search-answers.ts';
export { applyGroups, applySplit, checkSplit } from './split-real-dev.ts';
