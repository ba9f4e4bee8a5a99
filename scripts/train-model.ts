// Trains the classifier's model from the project's base training set (config/training/*.jsonl) and writes
// config/model/model.json, which is committed so that nothing trains at run time.
// Usage: node --import tsx scripts/train-model.ts [OUT]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { baseExamples, DEFAULT_MODEL_PATH, trainModel } from '../classifiers/index.ts';

const examples = baseExamples();
const out = process.argv[2] ?? DEFAULT_MODEL_PATH;
const started = performance.now();
const trained = trainModel(examples, 'base');
// The version names the model's content as well as the day and the training set's size: relabelled texts keep the
// count, and a change in how texts are read retrains different tables from the same texts; items scored by two such
// models must still be told apart (the Classifier page, the candidates' model column).
const { version: _unnamed, trainedAt: _when, ...tables } = trained;
const digest = createHash('sha256').update(JSON.stringify(tables)).digest('hex').slice(0, 8);
const model = {
  ...trained,
  version: `base-${new Date().toISOString().slice(0, 10)}-${examples.length}-${digest}`,
};
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${examples.length} texts (${model.examples.candidates} candidates) in ${Math.round(performance.now() - started)} ms → ${out}`,
);
console.log(`combiner ${JSON.stringify(model.combiner)}`);
// The real-text calibration was fitted with the previous model's log-odds: it does not carry over.
console.log(
  'no real-text calibration: run npm run calibrate:real -- --write where the real dev set cache is present',
);
