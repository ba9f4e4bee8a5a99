// What the lexicon hits of a text add up to: a score per category, whether a target (media, a journalist, a
// blogger, speech) is named, and how strongly the text looks like one of the known non-violations.
import type { CategoryId } from '../core/index.ts';
import type { CueHit } from './analyse-text.ts';

export interface LexiconEvidence {
  readonly categoryScores: ReadonlyMap<CategoryId, number>;
  readonly best: number;
  readonly target: boolean;
  readonly negative: number;
}

export function lexiconEvidence(hits: readonly CueHit[]): LexiconEvidence {
  const seen = new Set<string>();
  const categoryScores = new Map<CategoryId, number>();
  let target = false;
  let negative = 0;
  for (const h of hits) {
    const cue = h.cue;
    if (cue.kind === 'target') {
      target = true;
      continue;
    }
    // A pattern counts once however often it repeats: a long article says "суд" twenty times.
    if (seen.has(h.source)) continue;
    seen.add(h.source);
    if (cue.kind === 'negative') negative += cue.weight;
    else {
      if (cue.selfTargeted) target = true;
      const words = h.source.split(' ').filter((w) => w !== '..').length;
      const weight = Math.min(2, 1 + 0.5 * (words - 1)) * (cue.selfTargeted ? 1.5 : 1);
      categoryScores.set(cue.category, (categoryScores.get(cue.category) ?? 0) + weight);
    }
  }
  const best = Math.max(0, ...categoryScores.values());
  return { categoryScores, best, target, negative };
}

/** The inputs of the logistic combiner, in the order of Combiner's weights after the bias. */
export function combinerInputs(
  e: LexiconEvidence,
  modelLogOdds: number,
  clamp: number,
  caps: { lexCap: number; negCap: number },
): [number, number, number, number, number] {
  const lex = Math.min(caps.lexCap, e.best);
  const target = e.target ? 1 : 0;
  const model = Math.max(-clamp, Math.min(clamp, modelLogOdds));
  return [lex, target, model, Math.min(caps.negCap, e.negative), lex * target];
}
