// Training: natural's Bayes classifier over the stems and lexicon cues of each example (one model for
// candidate yes/no, one for the category of candidates), then a logistic combination of lexicon evidence and
// the model's out-of-fold log-odds. Pure and synchronous: `soz train` runs it in a worker thread.
// Examples of origin 'real' (labelled violations of the real dev set's spent parts, `train:model -- --real`) teach
// the category model only: the candidate decision is calibrated on those same texts (calibrate:real), and a
// candidate model that had seen them would make that calibration, and every real figure, in-sample.
import natural from 'natural';
import settings from '../config/classifier.json' with { type: 'json' };
import type { CategoryId, Lang } from '../core/index.ts';
import { analyseText } from './analyse-text.ts';
import { combinerOf, fitLogistic } from './calibrate-combiner.ts';
import { detectLanguage } from './detect-language.ts';
import { combinerInputs, lexiconEvidence } from './lexicon-evidence.ts';
import {
  type BayesTable,
  type Combiner,
  candidateLogOdds,
  type ModelFile,
  type SoftmaxTable,
} from './model-file.ts';

export interface TrainingExample {
  readonly id?: string;
  readonly title?: string;
  readonly text: string;
  readonly lang?: Lang;
  readonly candidate: boolean;
  readonly category: CategoryId | null;
  /** 'real': a violation of the real dev set, for the category model only (see the header). */
  readonly origin: 'base' | 'review' | 'real';
}

const MODEL_CLAMP = 6;
const FOLDS = 5;

interface Prepared {
  readonly example: TrainingExample;
  readonly features: readonly string[];
  readonly inputs: (logOdds: number) => number[];
}

function prepare(example: TrainingExample): Prepared {
  const title = example.title ?? '';
  const lang = example.lang ?? detectLanguage(`${title}\n\n${example.text}`).lang;
  const analysis = analyseText(title, example.text, lang);
  const evidence = lexiconEvidence(analysis.hits);
  return {
    example,
    features: analysis.features,
    inputs: (logOdds) => combinerInputs(evidence, logOdds, MODEL_CLAMP, settings.weights),
  };
}

/** natural's Bayes classifier fed sparse observations (feature indices), exported as log-probabilities. */
function trainBayes(
  docs: readonly { features: readonly string[]; label: string }[],
  minDocs: number,
): BayesTable {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df].filter(([f, n]) => n >= minDocs || f.startsWith('#')).map(([f]) => f);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const bayes = new natural.BayesClassifier();
  const inner = bayes.classifier as unknown as {
    addExample(observation: Record<string, number>, label: string): void;
    train(): void;
    classFeatures: Record<string, Record<string, number>>;
    smoothing: number;
  };
  for (const d of docs) {
    const observation: Record<string, number> = {};
    let k = 0;
    for (const f of d.features) {
      const i = index.get(f);
      if (i !== undefined) observation[`f${k++}`] = i;
    }
    inner.addExample(observation, d.label);
  }
  inner.train();
  const classes = Object.keys(inner.classFeatures).sort();
  // natural counts documents per class only for dense observations; with sparse ones (ours) its totals stay at
  // their initial 1, so the class sizes are counted here, with natural's own +1 smoothing.
  const docsOf = new Map<string, number>();
  for (const d of docs) docsOf.set(d.label, (docsOf.get(d.label) ?? 0) + 1);
  const totalOf = (c: string) => (docsOf.get(c) ?? 0) + 1;
  const features: Record<string, number[]> = {};
  for (const [f, i] of index) {
    // Documents of the class with the feature (natural's count, + smoothing) over documents of the class.
    features[f] = classes.map((c) =>
      Math.log(Math.min(1, (inner.classFeatures[c]![i] ?? inner.smoothing) / totalOf(c))),
    );
  }
  const logPrior = classes.map((c) => Math.log(totalOf(c) / (docs.length + 1)));
  return { classes, logPrior, features };
}

/**
 * Softmax regression by stochastic gradient descent (seeded shuffles: the same examples give the same model), with
 * L2 and the √n feature normalisation that scoreSoftmax applies. Settings in config/classifier.json "softmax".
 */
function trainSoftmax(docs: readonly { features: readonly string[]; label: string }[]): SoftmaxTable {
  const { epochs, rate, l2, decimals, classBalance } = settings.softmax;
  const classes = [...new Set(docs.map((d) => d.label))].sort();
  // A rare category's examples weigh (n / (K·n_c))^classBalance: the real violations are a quarter charges, and
  // without it a threat told in a charge's words drifts to criminal_charge.
  const sizes = new Map<string, number>();
  for (const d of docs) sizes.set(d.label, (sizes.get(d.label) ?? 0) + 1);
  const classWeight = new Map(
    [...sizes].map(([label, n]) => [label, (docs.length / (classes.length * n)) ** classBalance]),
  );
  const weights = new Map<string, Float64Array>();
  for (const d of docs)
    for (const f of d.features) if (!weights.has(f)) weights.set(f, new Float64Array(classes.length));
  const bias = new Float64Array(classes.length);
  const order = docs.map((_, i) => i);
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const z = new Float64Array(classes.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const step = rate / (1 + epoch * 0.1);
    for (const i of order) {
      const d = docs[i]!;
      const rows = d.features.map((f) => weights.get(f)!);
      const norm = 1 / Math.sqrt(Math.max(1, rows.length));
      z.set(bias);
      for (const r of rows) for (let c = 0; c < z.length; c++) z[c]! += r[c]! * norm;
      const max = Math.max(...z);
      let total = 0;
      for (let c = 0; c < z.length; c++) {
        z[c] = Math.exp(z[c]! - max);
        total += z[c]!;
      }
      const gold = classes.indexOf(d.label);
      const weight = classWeight.get(d.label)!;
      for (let c = 0; c < z.length; c++) {
        const g = weight * (z[c]! / total - (c === gold ? 1 : 0));
        bias[c]! -= step * g;
        for (const r of rows) r[c]! -= step * (g * norm + l2 * r[c]!);
      }
    }
  }
  const scale = 10 ** decimals;
  const round = (x: number) => Math.round(x * scale) / scale;
  const out: Record<string, number[]> = {};
  for (const [f, r] of weights) {
    const row = Array.from(r, round);
    if (row.some((w) => w !== 0)) out[f] = row;
  }
  return { kind: 'softmax', classes, bias: Array.from(bias, round), weights: out };
}

function candidateDocs(items: readonly Prepared[]) {
  return items.map((p) => ({ features: p.features, label: p.example.candidate ? 'yes' : 'no' }));
}

const isPositive = (e: TrainingExample) => e.candidate && e.category !== null;

function categoryTable(positives: readonly Prepared[]): SoftmaxTable {
  return trainSoftmax(positives.map((p) => ({ features: p.features, label: p.example.category! })));
}

/**
 * The category model alone, from the candidates among `examples` (real ones included): what `train:model
 * --category-only` and the ranking's leave-one-part-out need, without training the candidate model they discard.
 * The same table trainModel builds from the same examples.
 */
export function trainCategoryModel(examples: readonly TrainingExample[]): SoftmaxTable {
  const positives = examples.filter(isPositive);
  if (positives.length === 0) throw new Error('training the category model needs candidates with a category');
  return categoryTable(positives.map(prepare));
}

export function trainModel(examples: readonly TrainingExample[], version: string): ModelFile {
  const all = examples.map(prepare);
  const prepared = all.filter((p) => p.example.origin !== 'real');
  if (prepared.length < 10) throw new Error(`training needs at least 10 examples, got ${prepared.length}`);
  const decisionPositives = prepared.filter((p) => isPositive(p.example));
  if (decisionPositives.length === 0 || decisionPositives.length === prepared.length) {
    throw new Error('training needs both candidates (with a category) and non-candidates');
  }
  // Out-of-fold log-odds, so the combiner learns how far to trust the model on texts it has not seen.
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = prepared.filter((_, i) => i % FOLDS !== fold);
    const held = prepared.filter((_, i) => i % FOLDS === fold);
    const table = trainBayes(candidateDocs(train), 2);
    for (const p of held) {
      rows.push(
        p.inputs(candidateLogOdds(table, p.features, settings.modelInformative, settings.modelSaturation)),
      );
      labels.push(p.example.candidate ? 1 : 0);
    }
  }
  const combiner: Combiner = combinerOf(fitLogistic(rows, labels));
  return {
    version,
    trainedAt: new Date().toISOString(),
    examples: {
      base: examples.filter((e) => e.origin === 'base').length,
      reviewed: examples.filter((e) => e.origin === 'review').length,
      real: examples.filter((e) => e.origin === 'real').length,
      candidates: decisionPositives.length,
    },
    candidate: trainBayes(candidateDocs(prepared), 2),
    category: categoryTable(all.filter((p) => isPositive(p.example))),
    combiner,
    modelClamp: MODEL_CLAMP,
  };
}
