import { existsSync, renameSync, writeFileSync } from 'node:fs';
import {
  compareModels,
  formatComparison,
  loadTrainGate,
  worseThanOld,
} from '../../classifiers/compare-models.ts';
import { createClassifier, DEFAULT_MODEL_PATH, loadModel, trainLayerOver } from '../../classifiers/index.ts';
import type { LabelledText } from '../../classifiers/read-labelled-set.ts';
import { trainInWorker } from '../../classifiers/train-in-worker.ts';
import { baseExamples, reviewExamples } from '../../classifiers/training-examples.ts';
import { EXIT, SozError, usageError } from '../../core/index.ts';
import { listLabels } from '../../storage/index.ts';
import { type Command, stringOption } from '../command.ts';

export const trainCommand: Command = {
  name: 'train',
  summary: "retrain the classifier's model from reviewers' decisions plus the base training set",
  help: `Usage: soz [--db PATH] train [--out FILE] [--no-base] [--force] [--json]

Learns from reviewers' labels in the database (soz review) together with the project's base set
(config/training/*.jsonl), in a worker thread; with enough decisions of both kinds (config/train-gate.json
layer) it also learns a real-text layer from them that decides over the new model's own decision. Then it
measures the new model beside the installed one (the
model at --out, else config/model/model.json) and prints both side by side:
  - on the reviewers' decisions of the last month before the newest one (config/train-gate.json
    holdoutDays), which the new model is not trained on — when there are enough of them (minHeldOut);
  - on the committed evaluation sets (config/dev), pooled and one by one.
It is written (default config/model/model.json, replaced atomically) only when it is not worse on the
judged rows: F1 and top category within config/train-gate.json's tolerances. Otherwise nothing is
written and the exit code is 1; --force installs it anyway. A running soz worker, soz schedule or review
server uses the installed model from its next check (within five minutes; the review server's Classifier
page and Add a report check at once).

Options:
  --out FILE   where to write the model
  --no-base    reviewers' labels only (needs both candidates and non-candidates)
  --force      install the new model even when it is worse
  --json       print a JSON summary`,
  options: {
    out: { type: 'string' },
    'no-base': { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const out = stringOption(ctx, 'out') ?? DEFAULT_MODEL_PATH;
    const gate = loadTrainGate();
    const store = await ctx.openStore();
    const labels = await listLabels(store);
    // The latest month of decisions is held out, when it is large enough to judge on.
    const newest =
      labels
        .map((l) => l.decidedAt)
        .sort()
        .at(-1) ?? '';
    const cutoff = newest ? new Date(Date.parse(newest) - gate.holdoutDays * 86_400_000).toISOString() : '';
    const recent = labels.filter((l) => l.decidedAt > cutoff);
    const holdOut =
      recent.length >= gate.minHeldOut && recent.some((l) => l.candidate) && recent.some((l) => !l.candidate);
    const trainLabels = holdOut ? labels.filter((l) => l.decidedAt <= cutoff) : labels;
    const { examples: reviewed, skipped } = reviewExamples(trainLabels);
    const { examples: heldOutExamples } = reviewExamples(holdOut ? recent : []);
    for (const s of skipped) ctx.logger.warn(`label of item ${s.itemId} skipped: ${s.reason}`);
    const base = ctx.values['no-base'] ? [] : baseExamples();
    const examples = [...base, ...reviewed];
    if (examples.length === 0)
      throw usageError('nothing to train on: no labels in the database and --no-base given');
    const version = `trained-${new Date().toISOString().replace(/[:.]/g, '-')}-${base.length}b-${reviewed.length}r`;
    ctx.logger.info(
      `training on ${base.length} base texts and ${reviewed.length} reviewed items${holdOut ? ` (${heldOutExamples.length} decisions since ${cutoff.slice(0, 10)} held out)` : ''}…`,
    );
    const started = Date.now();
    const trained = await trainInWorker(examples, version);
    // The reviewers' decisions are labelled real text: enough of both kinds teach the new model a real-text layer
    // over its own decision (config/train-gate.json layer).
    const confirmed = reviewed.filter((e) => e.candidate).length;
    const rejected = reviewed.length - confirmed;
    const learnsLayer =
      reviewed.length >= gate.layer.minReviewed &&
      confirmed >= gate.layer.minEachClass &&
      rejected >= gate.layer.minEachClass;
    const model = learnsLayer
      ? {
          ...trained,
          layer: trainLayerOver(
            trained,
            reviewed.map((e) => ({ title: e.title ?? '', text: e.text, violation: e.candidate })),
            `reviewers' decisions${holdOut ? ` up to ${cutoff.slice(0, 10)}` : ''} (${reviewed.length})`,
          ),
        }
      : trained;
    const trainedMs = Date.now() - started;

    const oldPath = existsSync(out) ? out : existsSync(DEFAULT_MODEL_PATH) ? DEFAULT_MODEL_PATH : null;
    const heldOut: LabelledText[] = heldOutExamples.map((e, i) => ({
      id: e.id ?? `held-out-${i}`,
      title: e.title,
      text: e.text,
      lang: e.lang,
      candidate: e.candidate,
      category: e.category,
      tags: [],
    }));
    // Read before the new model may replace it at the same path.
    const oldModel = oldPath ? loadModel(oldPath) : null;
    const rows = oldModel
      ? compareModels(createClassifier({ model: oldModel }), createClassifier({ model }), gate, heldOut)
      : [];
    const worse = worseThanOld(rows, gate);
    const force = ctx.values.force === true;
    const install = worse.length === 0 || force;
    if (install) {
      const tmp = `${out}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(model)}\n`);
      renameSync(tmp, out);
    }
    // A calibration belongs to the model it was fitted with (its log-odds are an input), and so does a real-text
    // layer (it reads that model's decision): the new model has no calibration, and a layer only when it learnt
    // one from the reviewers' decisions.
    const calibrated = Object.keys(oldModel?.calibration?.byLang ?? {});
    const layered = oldModel?.layer !== undefined;
    const summary = {
      model: out,
      version,
      previous: oldModel?.version ?? null,
      installed: install,
      forced: install && worse.length > 0,
      worse,
      base: base.length,
      reviewed: reviewed.length,
      heldOut: heldOut.length,
      skipped: skipped.length,
      comparison: rows,
      ms: trainedMs,
      /** Languages the replaced model was calibrated for on real text (calibrate-combiner.ts), lost with it. */
      droppedCalibration: install ? calibrated : [],
      /** The real-text layer the new model learnt from the reviewers' decisions, or null (too few of them). */
      layer: model.layer ? { examples: model.layer.examples, violations: model.layer.violations } : null,
      /** Whether the replaced model carried a real-text layer (real-text-layer.ts) and the new one has none. */
      droppedLayer: install && layered && !model.layer,
    };
    if (ctx.values.json) ctx.out(JSON.stringify(summary));
    else {
      if (oldPath) {
        ctx.out(`old ${summary.previous} (${oldPath}) against new ${version}:`);
        for (const line of formatComparison(rows)) ctx.out(line);
      } else ctx.out('no installed model to compare with');
      if (worse.length > 0) ctx.out(`the new model is worse: ${worse.join('; ')}`);
      if (install && calibrated.length > 0)
        ctx.out(
          `the installed model was calibrated on real text (${calibrated.join(', ')}); the new one is not: run npm run calibrate:real -- --write where the real dev set's cache is present`,
        );
      ctx.out(
        model.layer
          ? `real-text layer learnt from ${confirmed + rejected} reviewer decisions (${confirmed} confirmed, ${rejected} rejected)`
          : `no real-text layer: it needs ${gate.layer.minReviewed} reviewer decisions with ${gate.layer.minEachClass} of each kind (${confirmed} confirmed, ${rejected} rejected; config/train-gate.json layer)`,
      );
      if (summary.droppedLayer)
        ctx.out(
          "the installed model carried a real-text layer; the new one does not: run npm run train:model -- --real --category-only where the real dev set's cache is present",
        );
      ctx.out(
        install
          ? `model ${version} written to ${out}${summary.forced ? ' (--force)' : ''} (${base.length} base + ${reviewed.length} reviewed, ${heldOut.length} held out, ${skipped.length} skipped) in ${trainedMs} ms`
          : `model ${version} NOT installed; ${out} is unchanged (--force installs it anyway)`,
      );
    }
    if (!install)
      throw new SozError('the new model is worse than the installed one; not installed', EXIT.failure);
    return EXIT.ok;
  },
};
