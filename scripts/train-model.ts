// Trains the classifier's model from the project's base training set (config/training/*.jsonl) and writes
// config/model/model.json, which is committed so that nothing trains at run time.
// Usage: node --import tsx scripts/train-model.ts [--real] [--category-only] [OUT]
//   --real           the category model also learns the labelled violations of the real dev set's spent parts, read
//                    from its git-ignored cache (docs/real-dev-set.md), and the real-text layer learns every
//                    labelled excerpt of those parts over the new model's decision (evaluation/real-layer.ts); the
//                    candidate model never does (classifiers/train-model.ts). Without the cache it stops and says how
//                    to rebuild it, rather than train a different model silently.
//   --category-only  retrain the category model (and with --real the layer) alone: the candidate table, combiner,
//                    clamp and calibration of the model at OUT are kept as they are, so the base decision (and its
//                    real-text calibration) does not move while the ranking learns; the version names both.
// A real-text calibration (calibrate:real) belongs to the decision side: it is carried over from the model at OUT
// when the new candidate table, combiner and clamp are identical to that model's (a retrain that changed only the
// category model), and dropped otherwise. So is a real-text layer trained without --real: it reads that decision.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type { ModelFile } from '../classifiers/index.ts';
import {
  baseExamples,
  DEFAULT_MODEL_PATH,
  loadModel,
  trainCategoryModel,
  trainModel,
} from '../classifiers/index.ts';
import { EXCERPTS_PATH, realTrainingExamples, trainLayerOnReal } from '../evaluation/index.ts';

const args = process.argv.slice(2);
const OPTIONS = ['--real', '--category-only'];
const withReal = args.includes('--real');
const categoryOnly = args.includes('--category-only');
const unknown = args.filter((a) => a.startsWith('--') && !OPTIONS.includes(a));
if (unknown.length > 0) {
  console.error(
    `train:model: unknown option ${unknown.join(', ')} (usage: train-model.ts [--real] [--category-only] [OUT])`,
  );
  process.exit(2);
}
const out = args.find((a) => !a.startsWith('--')) ?? DEFAULT_MODEL_PATH;
const base = baseExamples();
let real: ReturnType<typeof realTrainingExamples> = null;
if (withReal) {
  real = realTrainingExamples();
  if (!real) {
    console.error(
      `train:model --real: the real dev set cache ${EXCERPTS_PATH} is absent; rebuild it (npm run real-dev -- build, docs/real-dev-set.md) or train without --real`,
    );
    process.exit(3);
  }
}
const examples = [...base, ...(real?.examples ?? [])];
const started = performance.now();
const digestOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 8);
/** With --real, the model with a real-text layer learnt over its decision; else as it is. */
const withLayer = (model: ModelFile): ModelFile => {
  if (!real) return model;
  const trained = trainLayerOnReal({ ...model, layer: undefined });
  if (!trained) throw new Error(`the real dev set cache ${EXCERPTS_PATH} vanished while training`);
  console.log(
    `real-text layer learnt ${trained.layer.examples} excerpts (${trained.layer.violations} violations) of the spent parts, ${Object.keys(trained.layer.features).length} stems, line ${trained.layer.line}${trained.missing ? `; ${trained.missing} entries missing from the cache` : ''}`,
  );
  return { ...model, layer: trained.layer };
};
const previous = existsSync(out) ? loadModel(out) : null;
if (categoryOnly) {
  // Checked before training: the decision side comes from the model at OUT, and only the category model is trained.
  if (!previous) {
    console.error(`train:model --category-only: no model at ${out} to keep the decision side of`);
    process.exit(3);
  }
  const category = trainCategoryModel(examples);
  const decisionVersion = previous.version.replace(/\+cat-.*$/, '');
  const kept = withLayer({
    ...previous,
    version: `${decisionVersion}+cat-${real ? `real${real.examples.length}-` : ''}${digestOf(category)}`,
    trainedAt: new Date().toISOString(),
    examples: { ...previous.examples, real: real?.examples.length ?? 0 },
    category,
  });
  writeFileSync(out, `${JSON.stringify(kept)}\n`);
  console.log(
    `category model retrained on ${base.length} texts${real ? ` and ${real.examples.length} real-text violations of the spent parts` : ''} in ${Math.round(performance.now() - started)} ms; decision side kept from ${decisionVersion} → ${out} (${kept.version})`,
  );
  process.exit(0);
}
const trained = trainModel(examples, 'base');
// The version names the model's content as well as the day and the training set's size: relabelled texts keep the
// count, and a change in how texts are read retrains different tables from the same texts; items scored by two such
// models must still be told apart (the Classifier page, the candidates' model column).
const { version: _unnamed, trainedAt: _when, ...tables } = trained;
const digest = digestOf(tables);
const day = new Date().toISOString().slice(0, 10);
const version = real
  ? `base+real-${day}-${base.length}-${real.examples.length}-${digest}`
  : `base-${day}-${base.length}-${digest}`;
const sameDecision =
  previous !== null &&
  JSON.stringify([previous.candidate, previous.combiner, previous.modelClamp]) ===
    JSON.stringify([trained.candidate, trained.combiner, trained.modelClamp]);
const calibration = sameDecision ? previous.calibration : undefined;
const carriedLayer = sameDecision && !real ? previous.layer : undefined;
const model = withLayer({
  ...trained,
  version,
  ...(calibration ? { calibration } : {}),
  ...(carriedLayer ? { layer: carriedLayer } : {}),
});
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${base.length} texts (${model.examples.candidates} candidates) in ${Math.round(performance.now() - started)} ms → ${out}`,
);
if (real)
  console.log(
    `category model also learnt ${real.examples.length} real-text violations of the spent parts (${real.parts.join(', ')})${real.missing ? `; ${real.missing} of their entries are missing from the cache` : ''}`,
  );
console.log(`combiner ${JSON.stringify(model.combiner)}`);
if (calibration)
  console.log(
    `real-text calibration carried over from the previous model (same candidate table, combiner and clamp): ${calibration.fittedOn}`,
  );
else
  console.log(
    'no real-text calibration: run npm run calibrate:real -- --write where the real dev set cache is present',
  );
