// Trains the classifier's model from the project's base training set (config/training/*.jsonl) and writes
// config/model/model.json, which is committed so that nothing trains at run time.
// Usage: node --import tsx scripts/train-model.ts [OUT]
import { writeFileSync } from 'node:fs';
import { baseExamples, DEFAULT_MODEL_PATH, trainModel } from '../classifiers/index.ts';

const examples = baseExamples();
const out = process.argv[2] ?? DEFAULT_MODEL_PATH;
const started = performance.now();
const model = trainModel(examples, `base-${new Date().toISOString().slice(0, 10)}-${examples.length}`);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${examples.length} texts (${model.examples.candidates} candidates) in ${Math.round(performance.now() - started)} ms → ${out}`,
);
console.log(`combiner ${JSON.stringify(model.combiner)}`);
