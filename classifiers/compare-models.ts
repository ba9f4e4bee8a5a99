// The gate of `soz train`: the installed model and the new one measured side by side on the same texts
// (reviewers' decisions held out of training, the committed evaluation sets), and the verdict whether the
// new one is not worse by config/train-gate.json's tolerances.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, type TextClassifier } from '../core/index.ts';
import { evaluateClassifier } from './evaluate-classifier.ts';
import { type LabelledText, readLabelledSet } from './read-labelled-set.ts';

export interface TrainGate {
  readonly holdoutDays: number;
  readonly minHeldOut: number;
  readonly tolerance: { readonly f1: number; readonly topCategory: number };
  /** When the new model learns a real-text layer from the reviewers' decisions it is trained on. */
  readonly layer: { readonly minReviewed: number; readonly minEachClass: number };
  /** Evaluation sets, relative to config/. */
  readonly sets: readonly string[];
}

export const TRAIN_GATE_FILE = resolve(CONFIG_DIR, 'train-gate.json');

export function loadTrainGate(file: string = TRAIN_GATE_FILE): TrainGate {
  const g = JSON.parse(readFileSync(file, 'utf8')) as TrainGate;
  const bad = (field: string) => new Error(`${file}: ${field} is missing or invalid`);
  if (!(g.holdoutDays > 0)) throw bad('holdoutDays');
  if (!(g.minHeldOut >= 1)) throw bad('minHeldOut');
  if (!(g.tolerance?.f1 >= 0) || !(g.tolerance?.topCategory >= 0)) throw bad('tolerance');
  if (!Array.isArray(g.sets) || g.sets.length === 0) throw bad('sets');
  if (!(g.layer?.minReviewed >= 1) || !(g.layer?.minEachClass >= 1)) throw bad('layer');
  return g;
}

export interface SetScore {
  readonly size: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly topCategory: number;
}

export interface Comparison {
  readonly name: string;
  readonly old: SetScore;
  readonly new: SetScore;
  /** Whether the verdict rests on this row (the pooled sets and enough held-out decisions). */
  readonly judged: boolean;
}

export function scoreSet(classifier: TextClassifier, items: readonly LabelledText[]): SetScore {
  const r = evaluateClassifier(classifier, items);
  const o = r.systems.find((s) => s.name === 'classifier')!.overall;
  return {
    size: items.length,
    precision: o.precision,
    recall: o.recall,
    f1: o.f1,
    topCategory: r.topCategoryAccuracy,
  };
}

/** The committed evaluation sets, by file name. */
export function evaluationSets(gate: TrainGate): { name: string; items: LabelledText[] }[] {
  return gate.sets.map((f) => ({ name: f, items: readLabelledSet(resolve(CONFIG_DIR, f)) }));
}

/** Every row measured for both models; the pooled sets and the held-out decisions are the judged rows. */
export function compareModels(
  oldModel: TextClassifier,
  newModel: TextClassifier,
  gate: TrainGate,
  heldOut: readonly LabelledText[],
): Comparison[] {
  const sets = evaluationSets(gate);
  const rows: Comparison[] = [];
  const enough =
    heldOut.length >= gate.minHeldOut &&
    heldOut.some((x) => x.candidate) &&
    heldOut.some((x) => !x.candidate);
  if (heldOut.length > 0)
    rows.push({
      name: 'held-out decisions',
      old: scoreSet(oldModel, heldOut),
      new: scoreSet(newModel, heldOut),
      judged: enough,
    });
  const pooled = sets.flatMap((s) => s.items);
  rows.push({
    name: 'committed sets',
    old: scoreSet(oldModel, pooled),
    new: scoreSet(newModel, pooled),
    judged: true,
  });
  for (const s of sets)
    rows.push({
      name: s.name,
      old: scoreSet(oldModel, s.items),
      new: scoreSet(newModel, s.items),
      judged: false,
    });
  return rows;
}

/** The judged rows where the new model is worse beyond the tolerance, as sentences; none: not worse. */
export function worseThanOld(rows: readonly Comparison[], gate: TrainGate): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (!r.judged) continue;
    if (r.new.f1 < r.old.f1 - gate.tolerance.f1)
      out.push(
        `${r.name}: F1 ${r.new.f1.toFixed(3)} against ${r.old.f1.toFixed(3)} (tolerance ${gate.tolerance.f1})`,
      );
    if (r.new.topCategory < r.old.topCategory - gate.tolerance.topCategory)
      out.push(
        `${r.name}: top category ${r.new.topCategory.toFixed(3)} against ${r.old.topCategory.toFixed(3)} (tolerance ${gate.tolerance.topCategory})`,
      );
  }
  return out;
}

/** The side-by-side table `soz train` prints. */
export function formatComparison(rows: readonly Comparison[]): string[] {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `${'set'.padEnd(34)} ${'texts'.padStart(5)}   ${'old P / R / F1 / top'.padEnd(27)}   new P / R / F1 / top`,
  ];
  for (const r of rows) {
    const side = (s: SetScore) => `${f(s.precision)} ${f(s.recall)} ${f(s.f1)} ${f(s.topCategory)}`;
    lines.push(
      `${(r.judged ? '* ' : '  ') + r.name}`.padEnd(34) +
        ` ${String(r.old.size).padStart(5)}   ${side(r.old).padEnd(27)}   ${side(r.new)}`,
    );
  }
  lines.push('(* judged: the new model is installed only when it is not worse on these)');
  return lines;
}
