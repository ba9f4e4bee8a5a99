import { renameSync, writeFileSync } from 'node:fs';
import { DEFAULT_MODEL_PATH } from '../../classifiers/index.ts';
import { trainInWorker } from '../../classifiers/train-in-worker.ts';
import { baseExamples, reviewExamples } from '../../classifiers/training-examples.ts';
import { EXIT, usageError } from '../../core/index.ts';
import { listLabels } from '../../storage/index.ts';
import { type Command, stringOption } from '../command.ts';

export const trainCommand: Command = {
  name: 'train',
  summary: "retrain the classifier's model from reviewers' decisions plus the base training set",
  help: `Usage: soz [--db PATH] train [--out FILE] [--no-base] [--json]

Learns from every reviewer's label in the database (soz review) together with the project's base set
(config/training/*.jsonl), in a worker thread, and writes the model (default config/model/model.json,
replaced atomically). The running crawl picks it up on its next start.

Options:
  --out FILE   where to write the model
  --no-base    reviewers' labels only (needs both candidates and non-candidates)
  --json       print a JSON summary`,
  options: { out: { type: 'string' }, 'no-base': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx) {
    const out = stringOption(ctx, 'out') ?? DEFAULT_MODEL_PATH;
    const store = await ctx.openStore();
    const { examples: reviewed, skipped } = reviewExamples(await listLabels(store));
    for (const s of skipped) ctx.logger.warn(`label of item ${s.itemId} skipped: ${s.reason}`);
    const base = ctx.values['no-base'] ? [] : baseExamples();
    const examples = [...base, ...reviewed];
    if (examples.length === 0)
      throw usageError('nothing to train on: no labels in the database and --no-base given');
    const version = `trained-${new Date().toISOString().replace(/[:.]/g, '-')}-${base.length}b-${reviewed.length}r`;
    ctx.logger.info(`training on ${base.length} base texts and ${reviewed.length} reviewed items…`);
    const started = Date.now();
    const model = await trainInWorker(examples, version);
    const tmp = `${out}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(model)}\n`);
    renameSync(tmp, out);
    const summary = {
      model: out,
      version,
      base: base.length,
      reviewed: reviewed.length,
      skipped: skipped.length,
      ms: Date.now() - started,
    };
    if (ctx.values.json) ctx.out(JSON.stringify(summary));
    else
      ctx.out(
        `model ${version} written to ${out} (${base.length} base + ${reviewed.length} reviewed, ${skipped.length} skipped) in ${summary.ms} ms`,
      );
    return EXIT.ok;
  },
};
