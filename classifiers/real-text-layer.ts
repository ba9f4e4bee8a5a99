// The real-text layer: a logistic regression learnt from texts people labelled — the real dev set's spent parts,
// news and monitoring reports no one here wrote — over what the base decision read of a text (the combiner's six
// inputs, the gate, its verdict and score) and the text's own stems. The base decision was built on our own
// writing; on real text its false alarms are registers and places (yearly overviews, statistics, a court's news
// about other people, the same offence abroad) that the words of a real report tell apart better than a lexicon
// can. Where a model carries a layer, it decides (layerVerdict: the gate, the layer's line, and the base decision's
// negative cues) and its probability is the text's score (createClassifier).
//
// Its inputs include the base verdict, so the layer is tied to the decision side it was trained over: a model whose
// candidate table, combiner or calibration changes starts without one (train:model, soz train, calibrate:real).
import type { CalibratedLang } from './calibrate-combiner.ts';

/** The dense inputs the layer weighs, in the order of LayerReading.dense. */
export const LAYER_INPUTS = [
  'lexicon',
  'target',
  'model',
  'negative',
  'lexiconAndTarget',
  'adjacent',
  'gate',
  'baseCandidate',
  'baseScore',
  'en',
  'ru',
  'kk',
] as const;
export type LayerInput = (typeof LAYER_INPUTS)[number];

const LAYER_LANGS: readonly CalibratedLang[] = ['en', 'ru', 'kk'];

export interface RealTextLayer {
  readonly kind: 'logistic';
  /** What it learnt from, in words ("real dev set: tuning, heldout, fresh, … (8,328 excerpts)"). */
  readonly fittedOn: string;
  readonly examples: number;
  readonly violations: number;
  /** The probability a text whose gate passed needs to be a candidate. */
  readonly line: number;
  readonly l2: number;
  readonly bias: number;
  readonly inputs: Readonly<Record<LayerInput, number>>;
  /** Per stem (or cue marker) of its vocabulary, the weight of its presence; presences weigh 1/√n each. */
  readonly features: Readonly<Record<string, number>>;
}

/** What the layer reads of one text. */
export interface LayerReading {
  /** The text's features (analyseText): stems and cue markers. */
  readonly features: readonly string[];
  /** LAYER_INPUTS' values. */
  readonly dense: readonly number[];
}

/** The base decision's reading of a text, as the layer takes it in. */
export interface BaseDecision {
  /** combinerInputs' six numbers. */
  readonly inputs: readonly number[];
  readonly gate: boolean;
  readonly candidate: boolean;
  /** The base combiner's score in (0, 1), before the line. */
  readonly score: number;
  readonly lang: string;
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-3, Math.max(1e-3, p));
  return Math.log(q / (1 - q));
};

export function layerReading(features: readonly string[], base: BaseDecision): LayerReading {
  if (base.inputs.length !== 6)
    throw new Error(`layerReading: the base decision has ${base.inputs.length} inputs, not 6`);
  return {
    features,
    dense: [
      ...base.inputs,
      base.gate ? 1 : 0,
      base.candidate ? 1 : 0,
      logit(base.score),
      ...LAYER_LANGS.map((l) => (base.lang === l ? 1 : 0)),
    ],
  };
}

// Compiled once per layer: a Map of the vocabulary's weights (a lookup per feature of every classified text).
const compiled = new WeakMap<RealTextLayer, ReadonlyMap<string, number>>();
function weightsOf(layer: RealTextLayer): ReadonlyMap<string, number> {
  let weights = compiled.get(layer);
  if (!weights) {
    weights = new Map(Object.entries(layer.features));
    compiled.set(layer, weights);
  }
  return weights;
}

/** The layer's probability that a text is a violation. `reading.features` are distinct (analyseText's). */
export function layerProbability(layer: RealTextLayer, reading: LayerReading): number {
  let z = layer.bias;
  for (let i = 0; i < LAYER_INPUTS.length; i++) z += layer.inputs[LAYER_INPUTS[i]!] * reading.dense[i]!;
  const weights = weightsOf(layer);
  let sum = 0;
  let n = 0;
  for (const f of reading.features) {
    const w = weights.get(f);
    if (w === undefined) continue;
    sum += w;
    n++;
  }
  // Each present stem weighs 1/√n, as in training: a long article is not surer for having more words.
  z += sum / Math.sqrt(Math.max(1, n));
  return 1 / (1 + Math.exp(-z));
}

const GATE = LAYER_INPUTS.indexOf('gate');
const BASE_CANDIDATE = LAYER_INPUTS.indexOf('baseCandidate');
const NEGATIVE = LAYER_INPUTS.indexOf('negative');

/** The base decision's own verdict on a text, as the reading carries it. */
export function baseVerdict(reading: LayerReading): boolean {
  return reading.dense[BASE_CANDIDATE] === 1;
}

/**
 * The layer's decision: a candidate when the gate passed (something done, and someone it was done to) and the
 * probability reaches the line, unless a negative cue (a road accident, a trial told abroad, a drill) is what held
 * the base decision back: those cues are written knowledge of what is not the monitoring's, which a model of word
 * presences learnt from a few thousand excerpts should not overrule. So the layer turns away texts the base admits,
 * and admits texts only the base's line held back.
 */
export function layerVerdict(
  layer: RealTextLayer,
  reading: LayerReading,
): { readonly candidate: boolean; readonly probability: number } {
  const probability = layerProbability(layer, reading);
  const held = !baseVerdict(reading) && reading.dense[NEGATIVE]! > 0;
  return { candidate: reading.dense[GATE] === 1 && !held && probability >= layer.line, probability };
}

export interface LayerExample {
  readonly reading: LayerReading;
  readonly violation: boolean;
}

export interface LayerTraining {
  /** L2 on every weight but the bias, against the summed log-loss. */
  readonly l2: number;
  /** A stem joins the vocabulary when at least this many examples have it. */
  readonly minDocs: number;
  readonly line: number;
  readonly fittedOn: string;
  /** L-BFGS iterations at most. */
  readonly iterations?: number;
}

interface SparseRow {
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/**
 * Fits the layer by L-BFGS on the summed log-loss plus l2/2·|w|² (the bias unregularised). Deterministic: the same
 * examples give the same layer.
 */
export function trainRealTextLayer(examples: readonly LayerExample[], options: LayerTraining): RealTextLayer {
  const violations = examples.filter((e) => e.violation).length;
  if (violations === 0 || violations === examples.length)
    throw new Error(
      `trainRealTextLayer: needs both violations and other texts (${violations} of ${examples.length} are violations)`,
    );
  const df = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.reading.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df]
    .filter(([, n]) => n >= options.minDocs)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const V = vocabulary.length;
  const D = V + LAYER_INPUTS.length + 1;
  const biasAt = D - 1;
  const rows: SparseRow[] = examples.map((e) => {
    const present = [...new Set(e.reading.features)].filter((f) => index.has(f));
    const norm = 1 / Math.sqrt(Math.max(1, present.length));
    const idx = [...present.map((f) => index.get(f)!), ...LAYER_INPUTS.map((_, i) => V + i), biasAt];
    const val = [...present.map(() => norm), ...e.reading.dense, 1];
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const y = examples.map((e) => (e.violation ? 1 : 0));
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < rows.length; r++) {
      const { idx, val } = rows[r]!;
      let z = 0;
      for (let k = 0; k < idx.length; k++) z += w[idx[k]!]! * val[k]!;
      // log(1 + e^z) − y·z, computed without overflow.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[r]! * z;
      const err = 1 / (1 + Math.exp(-z)) - y[r]!;
      for (let k = 0; k < idx.length; k++) grad[idx[k]!]! += err * val[k]!;
    }
    for (let d = 0; d < biasAt; d++) {
      loss += 0.5 * options.l2 * w[d]! * w[d]!;
      grad[d]! += options.l2 * w[d]!;
    }
    return loss;
  };
  const w = minimiseLbfgs(objective, D, options.iterations ?? 300);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const inputs = Object.fromEntries(LAYER_INPUTS.map((name, i) => [name, round(w[V + i]!)])) as Record<
    LayerInput,
    number
  >;
  return {
    kind: 'logistic',
    fittedOn: options.fittedOn,
    examples: examples.length,
    violations,
    line: options.line,
    l2: options.l2,
    bias: round(w[biasAt]!),
    inputs,
    features: Object.fromEntries(vocabulary.map((f, i) => [f, round(w[i]!)])),
  };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search, from w = 0. */
function minimiseLbfgs(
  objective: (w: Float64Array, grad: Float64Array) => number,
  dims: number,
  iterations: number,
  memory = 10,
): Float64Array {
  let w = new Float64Array(dims);
  let g = new Float64Array(dims);
  let f = objective(w, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: direction = −H·g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      const a = dot(S[k]!, q) / dot(Y[k]!, S[k]!);
      alphas[k] = a;
      for (let i = 0; i < dims; i++) q[i]! -= a * Y[k]![i]!;
    }
    const last = S.length - 1;
    const gamma =
      last >= 0 ? dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < dims; i++) q[i]! *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = dot(Y[k]!, q) / dot(Y[k]!, S[k]!);
      for (let i = 0; i < dims; i++) q[i]! += S[k]![i]! * (alphas[k]! - b);
    }
    const direction = q.map((v) => -v);
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from the gradient.
      S.length = 0;
      Y.length = 0;
      for (let i = 0; i < dims; i++) direction[i] = -g[i]!;
      slope = -dot(g, g);
    }
    let step = 1;
    const next = new Float64Array(dims);
    const nextGrad = new Float64Array(dims);
    let fNext = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < dims; i++) next[i] = w[i]! + step * direction[i]!;
      fNext = objective(next, nextGrad);
      if (fNext <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < f)) break;
    const s = new Float64Array(dims);
    const yv = new Float64Array(dims);
    for (let i = 0; i < dims; i++) {
      s[i] = next[i]! - w[i]!;
      yv[i] = nextGrad[i]! - g[i]!;
    }
    if (dot(s, yv) > 1e-10) {
      S.push(s);
      Y.push(yv);
      if (S.length > memory) {
        S.shift();
        Y.shift();
      }
    }
    const converged = f - fNext < 1e-7 * Math.max(1, Math.abs(f));
    w = next;
    g = nextGrad;
    f = fNext;
    if (converged) break;
  }
  return w;
}

/** What is wrong with a stored layer, in words naming the field (empty when it is sound). */
export function realTextLayerProblems(value: unknown): string[] {
  const v = value as RealTextLayer;
  if (typeof v !== 'object' || v === null) return ['layer: not an object'];
  const problems: string[] = [];
  if (v.kind !== 'logistic') problems.push(`layer.kind: "${String(v.kind)}" is not "logistic"`);
  if (typeof v.line !== 'number' || !(v.line > 0 && v.line < 1))
    problems.push(`layer.line: ${String(v.line)} is not a probability between 0 and 1`);
  if (typeof v.bias !== 'number' || !Number.isFinite(v.bias))
    problems.push('layer.bias: not a finite number');
  for (const name of LAYER_INPUTS)
    if (typeof v.inputs?.[name] !== 'number' || !Number.isFinite(v.inputs[name]))
      problems.push(`layer.inputs.${name}: not a finite number`);
  if (typeof v.features !== 'object' || v.features === null) problems.push('layer.features: not an object');
  else {
    const bad = Object.entries(v.features).find(([, x]) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad) problems.push(`layer.features["${bad[0]}"]: not a finite number`);
  }
  return problems;
}
