// The real-text layer (classifiers/real-text-layer.ts) learnt from the real dev set's spent parts, and what it is
// worth on parts it has not learnt from. `npm run train:model -- --real` trains it on every spent part;
// `npm run eval:layer-real` leaves each spent part out in turn, trains on the others and decides the part left out
// with and without it. Only SPENT_PARTS are read: a part still waiting for its one measurement never teaches it.
import {
  baseVerdict,
  DEFAULT_MODEL_PATH,
  fitLayer,
  layerExamples,
  layerVerdict,
  loadModel,
  type ModelFile,
  type RealTextLayer,
} from '../classifiers/index.ts';
import { SPENT_PARTS } from './calibrate-real.ts';
import { loadRealSet, type RealSet } from './evaluate-real.ts';
import { MANIFEST_PATH, readManifest } from './real-dev-manifest.ts';
import { EXCERPTS_PATH } from './search-answers.ts';

export interface RealLayerOptions {
  readonly manifestPath?: string;
  readonly excerptsPath?: string;
  readonly parts?: readonly string[];
}

function spentSet(options: RealLayerOptions): { set: RealSet; parts: readonly string[] } | null {
  const parts = options.parts ?? SPENT_PARTS;
  const set = loadRealSet(
    readManifest(options.manifestPath ?? MANIFEST_PATH).filter((e) => parts.includes(e.part ?? '')),
    options.excerptsPath ?? EXCERPTS_PATH,
  );
  return set ? { set, parts } : null;
}

/** What the base decision of `model` (its layer, if any, set aside) reads of each labelled excerpt. */
export function realLayerExamples(model: ModelFile, items: RealSet['items']) {
  const read = layerExamples(
    model,
    items.map((item) => ({ title: '', text: item.text, violation: item.candidate })),
  );
  return read.map((e, i) => ({ ...e, part: items[i]!.part }));
}

export interface TrainedLayer {
  readonly layer: RealTextLayer;
  readonly parts: readonly string[];
  /** Spent-part entries whose text the cache lacks. */
  readonly missing: number;
}

/** The layer over `model`'s decision, learnt from every spent part; null when the cache is absent. */
export function trainLayerOnReal(model: ModelFile, options: RealLayerOptions = {}): TrainedLayer | null {
  const spent = spentSet(options);
  if (!spent) return null;
  const examples = realLayerExamples(model, spent.set.items);
  const fittedOn = `real dev set: ${spent.parts.join(', ')} (${examples.length.toLocaleString('en')} excerpts)`;
  return { layer: fitLayer(examples, fittedOn), parts: spent.parts, missing: spent.set.missing.length };
}

export interface DecisionTally {
  texts: number;
  violations: number;
  /** [found, false alarms] */
  base: [number, number];
  layer: [number, number];
}

/**
 * Per language ('en', 'ru', 'kk'), per part ('part:fresh44') and overall ('all'): the base decision and the layer
 * learnt from the other parts, on each spent part left out in turn. The base decision's lexicons were tuned on these
 * parts, so its figures here are in-sample; the layer's are not.
 */
export function layerLeaveOnePartOut(
  options: RealLayerOptions & { modelPath?: string; onPart?: (part: string) => void } = {},
): Map<string, DecisionTally> | null {
  const spent = spentSet(options);
  if (!spent) return null;
  const model = loadModel(options.modelPath ?? DEFAULT_MODEL_PATH);
  const examples = realLayerExamples(model, spent.set.items);
  const tallies = new Map<string, DecisionTally>();
  const tally = (key: string) => {
    const known = tallies.get(key) ?? { texts: 0, violations: 0, base: [0, 0], layer: [0, 0] };
    tallies.set(key, known);
    return known;
  };
  for (const part of spent.parts) {
    const held = examples.filter((e) => e.part === part);
    if (held.length === 0) continue;
    const layer = fitLayer(
      examples.filter((e) => e.part !== part),
      `real dev set without ${part}`,
    );
    for (const e of held) {
      const byBase = baseVerdict(e.reading);
      const byLayer = layerVerdict(layer, e.reading).candidate;
      for (const key of ['all', e.lang, `part:${part}`]) {
        const t = tally(key);
        t.texts++;
        if (e.violation) t.violations++;
        if (byBase) t.base[e.violation ? 0 : 1]++;
        if (byLayer) t.layer[e.violation ? 0 : 1]++;
      }
    }
    options.onPart?.(part);
  }
  return tallies;
}
