// Calibrating the candidate decision on labelled real text. The combiner stored with a model is fitted out of fold
// on its training texts, which we wrote; on real newsroom text its model weight proved too trusting (a Kazakh story
// with a charge, a target and the target beside the charge was still vetoed by a model that had seen few Kazakh
// newsrooms). A calibration refits the same few weights and the line per language on texts labelled by people —
// the real dev set's spent parts, later the reviewers' decisions — and is stored in the model file next to the
// combiner it replaces for that language (createClassifier). It is tied to the model it was fitted with: the
// model's log-odds are one of its inputs, so a retrained model starts without one.
import type { Combiner } from './model-file.ts';

export type CalibratedLang = 'kk' | 'ru' | 'en';
export const CALIBRATED_LANGS: readonly CalibratedLang[] = ['kk', 'ru', 'en'];

/** One language's refitted combiner and the score a candidate needs with it. */
export interface LangCalibration {
  readonly combiner: Combiner;
  readonly threshold: number;
  /** How many labelled texts (and of them violations) it was fitted on. */
  readonly examples: number;
  readonly violations: number;
}

export interface Calibration {
  /** What it was fitted on, in words ("real dev set: tuning, heldout, … (2,118 excerpts)"). */
  readonly fittedOn: string;
  readonly byLang: Readonly<Partial<Record<CalibratedLang, LangCalibration>>>;
  /** Per category id, the log-scale prior of the ranking (rank-categories.ts; calibrate-ranking.ts fits it). */
  readonly categoryPrior?: Readonly<Record<string, number>>;
}

/** A labelled text as the decision sees it: the combiner's inputs and whether the gate let it through. */
export interface DecisionRow {
  readonly lang: string;
  /** combinerInputs' six numbers: lexicon, target, model, negative, lexicon-and-target, adjacent. */
  readonly inputs: readonly number[];
  /** The gate (evidence and target, not told abroad) passed: only such texts can become candidates. */
  readonly gate: boolean;
  readonly violation: boolean;
}

/** Plain batch gradient descent with a little L2: six inputs, a few hundred to a few thousand examples. */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[]): number[] {
  const dims = rows[0]!.length;
  const w = new Array<number>(dims + 1).fill(0);
  const rate = 0.05;
  const l2 = 0.002;
  for (let epoch = 0; epoch < 3000; epoch++) {
    const grad = new Array<number>(dims + 1).fill(0);
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]!;
      let z = w[0]!;
      for (let d = 0; d < dims; d++) z += w[d + 1]! * x[d]!;
      const err = 1 / (1 + Math.exp(-z)) - labels[r]!;
      grad[0]! += err;
      for (let d = 0; d < dims; d++) grad[d + 1]! += err * x[d]!;
    }
    for (let d = 0; d <= dims; d++) w[d]! -= rate * (grad[d]! / rows.length + (d > 0 ? l2 * w[d]! : 0));
  }
  return w;
}

export function combinerOf(w: readonly number[]): Combiner {
  const [bias, lexicon, target, model, negative, lexiconAndTarget, adjacent] = w;
  return {
    bias: bias!,
    lexicon: lexicon!,
    target: target!,
    model: model!,
    negative: negative!,
    lexiconAndTarget: lexiconAndTarget!,
    adjacent: adjacent!,
  };
}

/**
 * The combiner and line a language is decided by: its calibration's where it has one, else the model's combiner and
 * `threshold` (classifier.json's). The classifier and the calibration's own judging share it.
 */
export function decisionLine(
  calibration: Calibration | undefined,
  lang: string,
  combiner: Combiner,
  threshold: number,
): { readonly combiner: Combiner; readonly threshold: number } {
  const c = calibration?.byLang[lang as CalibratedLang];
  return c ? { combiner: c.combiner, threshold: c.threshold } : { combiner, threshold };
}

/** The combiner's score for six inputs. */
export function combinerScore(c: Combiner, x: readonly number[]): number {
  const z =
    c.bias +
    c.lexicon * x[0]! +
    c.target * x[1]! +
    c.model * x[2]! +
    c.negative * x[3]! +
    c.lexiconAndTarget * x[4]! +
    (c.adjacent ?? 0) * x[5]!;
  return 1 / (1 + Math.exp(-z));
}

// Thresholds tried: the fitted probabilities' useful range, in steps fine enough for a few hundred texts.
const THRESHOLDS = Array.from({ length: 26 }, (_, i) => 0.2 + i * 0.02);

/**
 * Refits one language's combiner on the texts its gate lets through (the others cannot become candidates whatever
 * the weights) and picks the line with the best F1 on them. Null when there are too few of either class to fit.
 */
export function calibrateLanguage(rows: readonly DecisionRow[], minPerClass = 20): LangCalibration | null {
  const passed = rows.filter((r) => r.gate);
  const positives = passed.filter((r) => r.violation).length;
  if (positives < minPerClass || passed.length - positives < minPerClass) return null;
  const combiner = combinerOf(
    fitLogistic(
      passed.map((r) => r.inputs),
      passed.map((r) => (r.violation ? 1 : 0)),
    ),
  );
  const allViolations = rows.filter((r) => r.violation).length;
  let best = { f1: -1, threshold: 0.5 };
  for (const t of THRESHOLDS) {
    let tp = 0;
    let fp = 0;
    for (const r of passed)
      if (combinerScore(combiner, r.inputs) >= t) {
        if (r.violation) tp++;
        else fp++;
      }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + (allViolations - tp));
    if (f1 > best.f1) best = { f1, threshold: t };
  }
  return {
    combiner,
    threshold: Math.round(best.threshold * 100) / 100,
    examples: rows.length,
    violations: allViolations,
  };
}

/** A calibration per language from labelled rows (languages with too few texts keep the model's combiner). */
export function calibrate(rows: readonly DecisionRow[], fittedOn: string): Calibration {
  const byLang: Partial<Record<CalibratedLang, LangCalibration>> = {};
  for (const lang of CALIBRATED_LANGS) {
    const c = calibrateLanguage(rows.filter((r) => r.lang === lang));
    if (c) byLang[lang] = c;
  }
  return { fittedOn, byLang };
}

function isCombiner(v: unknown): v is Combiner {
  const c = v as Record<string, unknown>;
  return (
    typeof c === 'object' &&
    c !== null &&
    ['bias', 'lexicon', 'target', 'model', 'negative', 'lexiconAndTarget'].every(
      (k) => typeof c[k] === 'number' && Number.isFinite(c[k]),
    )
  );
}

/** Problems of a stored calibration, each naming its field; empty when it is sound. */
export function calibrationProblems(v: unknown): string[] {
  if (typeof v !== 'object' || v === null) return ['calibration: must be an object'];
  const c = v as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof c.fittedOn !== 'string') problems.push('calibration.fittedOn: must say what it was fitted on');
  if (typeof c.byLang !== 'object' || c.byLang === null)
    return [...problems, 'calibration.byLang: must be an object'];
  if (c.categoryPrior !== undefined) {
    const prior = c.categoryPrior as Record<string, unknown>;
    if (typeof prior !== 'object' || prior === null)
      problems.push('calibration.categoryPrior: must be an object');
    else
      for (const [id, v] of Object.entries(prior))
        if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 3)
          problems.push(`calibration.categoryPrior.${id}: must be a number between -3 and 3`);
  }
  for (const [lang, l] of Object.entries(c.byLang as Record<string, unknown>)) {
    const at = `calibration.byLang.${lang}`;
    if (!CALIBRATED_LANGS.includes(lang as CalibratedLang)) problems.push(`${at}: not one of kk, ru, en`);
    const o = l as Record<string, unknown>;
    if (!isCombiner(o?.combiner)) problems.push(`${at}.combiner: needs six finite weights`);
    if (typeof o?.threshold !== 'number' || !(o.threshold > 0 && o.threshold < 1))
      problems.push(`${at}.threshold: must be a number between 0 and 1`);
  }
  return problems;
}
