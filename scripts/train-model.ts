// Trains the classifier's model from the project's base training set (config/training/*.jsonl) and writes
// config/model/model.json, which is committed so that nothing trains at run time.
// Usage: node --import tsx scripts/train-model.ts [OUT]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { baseExamples, DEFAULT_MODEL_PATH, trainModel } from '../classifiers/index.ts';

const examples = baseExamples();
const out = process.argv[2] ?? DEFAULT_MODEL_PATH;
// The version names the training set's content, not only its size: relabelling texts keeps the count, and items
// scored by two such models must still be told apart (the Classifier page, the candidates' model column).
const digest = createHash('sha256');
for (const e of examples) digest.update(`${e.title ?? ''}\u0000${e.text}\u0000${e.candidate}\u0000${e.category ?? ''}\u0001`);
const version = `base-${new Date().toISOString().slice(0, 10)}-${examples.length}-${digest.digest('hex').slice(0, 8)}`;
const started = performance.now();
const model = trainModel(examples, version);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${examples.length} texts (${model.examples.candidates} candidates) in ${Math.round(performance.now() - started)} ms → ${out}`,
);
console.log(`combiner ${JSON.stringify(model.combiner)}`);
