// The statistical model as stored in config/model/model.json and scored at run time. It is trained with natural's
// Bayes classifier (train-model.ts); scoring is done here, sparsely and in log space, because natural's own
// scoring walks the whole vocabulary per document and multiplies probabilities until they underflow on a 3-KB
// article.

import type { Calibration } from './calibrate-combiner.ts';
import type { RealTextLayer } from './real-text-layer.ts';

/** A naive Bayes table: per feature, the log-probability of its presence in each class. */
export interface BayesTable {
  readonly classes: readonly string[];
  readonly logPrior: readonly number[];
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/**
 * A multinomial logistic regression (softmax) over the same features: per feature, one weight per class. It ranks
 * the categories of candidates better than naive Bayes does on held-out examples, because it weighs words
 * jointly instead of as if each were independent evidence.
 */
export interface SoftmaxTable {
  readonly kind: 'softmax';
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

/** Weights of the logistic combination of lexicon evidence and the model (fitted out of fold). */
export interface Combiner {
  readonly bias: number;
  readonly lexicon: number;
  readonly target: number;
  readonly model: number;
  readonly negative: number;
  readonly lexiconAndTarget: number;
  /** Weight of an action standing next to its target (absent in models trained before it: 0). */
  readonly adjacent?: number;
}

export interface ModelFile {
  readonly version: string;
  readonly trainedAt: string;
  readonly examples: {
    readonly base: number;
    readonly reviewed: number;
    /** Violations of the real dev set that taught the category model only (absent in models trained before it). */
    readonly real?: number;
    /** Candidates among the base and reviewed examples (the category model also read the `real` ones). */
    readonly candidates: number;
  };
  readonly candidate: BayesTable;
  /** Categories of candidates: a softmax table (naive Bayes in models trained before it). */
  readonly category: BayesTable | SoftmaxTable;
  readonly combiner: Combiner;
  /** The clamp applied to the model's length-normalised log-odds before combining. */
  readonly modelClamp: number;
  /**
   * Per language, the combiner and line refitted on labelled real text (calibrate-combiner.ts): used instead of
   * `combiner` and classifier.json's threshold for that language. Absent in a freshly trained model.
   */
  readonly calibration?: Calibration;
  /**
   * The real-text layer (real-text-layer.ts), learnt from labelled real text over this model's decision: where
   * present, it decides candidates whose gate passed and gives their score. Absent in a freshly trained model.
   */
  readonly layer?: RealTextLayer;
}

export interface BayesScores {
  /** Length-normalised log score per class, in `classes` order. */
  readonly scores: readonly number[];
  readonly known: number;
}

export function scoreBayes(table: BayesTable, features: readonly string[]): BayesScores {
  const sums = table.classes.map(() => 0);
  let known = 0;
  for (const f of features) {
    const row = table.features[f];
    if (!row) continue;
    known++;
    for (let c = 0; c < sums.length; c++) sums[c]! += row[c]!;
  }
  // Dividing by √n keeps a 3-KB article from being n times as sure as a headline with the same evidence.
  const norm = Math.sqrt(Math.max(1, known));
  return { scores: sums.map((s, c) => s / norm + table.logPrior[c]!), known };
}

export interface CandidateEvidence {
  /** log P(yes) − log P(no) over the informative features, normalised for their number. */
  readonly logOdds: number;
  /** Informative features leaning towards "yes" (lexicon cue markers "#…" included). */
  readonly support: number;
}

/**
 * The candidate model's verdict, made length-robust: only features whose log-likelihood ratio is at least
 * `informative` in size count (on a few hundred training texts, common words pick up small spurious leans that
 * add up over a 3-KB article), and their sum is divided by √k of those k features while k ≤ `saturation`, by
 * k/√saturation beyond it.
 */
export function candidateEvidence(
  table: BayesTable,
  features: readonly string[],
  informative: number,
  saturation: number,
): CandidateEvidence {
  const yes = table.classes.indexOf('yes');
  const no = table.classes.indexOf('no');
  let sum = 0;
  let k = 0;
  let support = 0;
  for (const f of features) {
    const row = table.features[f];
    if (!row) continue;
    const r = row[yes]! - row[no]!;
    if (Math.abs(r) < informative) continue;
    sum += r;
    k++;
    if (r > 0) support++;
  }
  // sum/√k for up to `saturation` features (a paragraph), then the mean times √saturation: past a paragraph's
  // worth of evidence, a longer text is not surer, it only averages more words.
  const n = Math.max(1, k);
  const scale = Math.sqrt(Math.min(n, saturation)) / n;
  const logOdds = sum * scale + table.logPrior[yes]! - table.logPrior[no]!;
  return { logOdds, support };
}

/** log P(yes) − log P(no), length-robust (see candidateEvidence). */
export function candidateLogOdds(
  table: BayesTable,
  features: readonly string[],
  informative: number,
  saturation: number,
): number {
  return candidateEvidence(table, features, informative, saturation).logOdds;
}

/** Softmax scores: bias plus the weights of the features present, divided by √n as in training. */
export function scoreSoftmax(table: SoftmaxTable, features: readonly string[]): number[] {
  const z = [...table.bias];
  const rows: (readonly number[])[] = [];
  for (const f of features) {
    const row = table.weights[f];
    if (row) rows.push(row);
  }
  const norm = 1 / Math.sqrt(Math.max(1, rows.length));
  for (const row of rows) for (let c = 0; c < z.length; c++) z[c]! += row[c]! * norm;
  return z;
}

const isSoftmax = (t: BayesTable | SoftmaxTable): t is SoftmaxTable => 'kind' in t && t.kind === 'softmax';

/** Class probabilities (softmax over the normalised log scores, or over the softmax table's scores). */
export function classProbabilities(
  table: BayesTable | SoftmaxTable,
  features: readonly string[],
): Map<string, number> {
  const scores = isSoftmax(table) ? scoreSoftmax(table, features) : scoreBayes(table, features).scores;
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return new Map(table.classes.map((c, i) => [c, exps[i]! / total]));
}

export function isModelFile(value: unknown): value is ModelFile {
  const v = value as ModelFile;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.version === 'string' &&
    Array.isArray(v.candidate?.classes) &&
    Array.isArray(v.category?.classes) &&
    typeof v.combiner?.bias === 'number'
  );
}
