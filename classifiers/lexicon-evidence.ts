// What the lexicon hits of a text add up to: a score per category, whether a target (media, a journalist, a
// blogger, speech) is named, and how strongly the text looks like one of the known non-violations.
import type { CategoryId } from '../core/index.ts';
import type { CueHit } from './analyse-text.ts';

export interface LexiconEvidence {
  readonly categoryScores: ReadonlyMap<CategoryId, number>;
  readonly best: number;
  /** A target (media, journalist, blogger, speech) is named anywhere. */
  readonly target: boolean;
  /** A target is named where the action is: the same paragraph, the title, or the action names its own target. */
  readonly targetNear: boolean;
  /** A strong target (media, a journalist, a blogger, an activist — not a '~' word like "post" or "operator") is named. */
  readonly strongTarget: boolean;
  readonly negative: number;
}

export function lexiconEvidence(hits: readonly CueHit[]): LexiconEvidence {
  const seen = new Set<string>();
  const categoryScores = new Map<CategoryId, number>();
  let targetNear = false;
  let negative = 0;
  // The target must be named where the action is: in the same paragraph, or in the title. An election story
  // with accredited journalists in one paragraph and a candidate's lawsuit in another is not about the press.
  const targetParts = new Set(hits.filter((h) => h.cue.kind === 'target').map((h) => h.part));
  for (const h of hits) {
    const cue = h.cue;
    if (cue.kind === 'target') continue;
    // A pattern counts once however often it repeats: a long article says "суд" twenty times.
    if (seen.has(h.source)) continue;
    seen.add(h.source);
    if (cue.kind === 'negative') negative += cue.weight;
    else {
      if (cue.selfTargeted || targetParts.has(h.part) || targetParts.has(-1)) targetNear = true;
      const words = h.source.split(' ').filter((w) => w !== '..').length;
      const weight = Math.min(2, 1 + 0.5 * (words - 1)) * (cue.selfTargeted ? 1.5 : 1);
      categoryScores.set(cue.category, (categoryScores.get(cue.category) ?? 0) + weight);
    }
  }
  const best = Math.max(0, ...categoryScores.values());
  const strongTarget = hits.some((h) => h.cue.kind === 'target' && !h.cue.weak);
  return {
    categoryScores,
    best,
    target: targetNear || targetParts.size > 0,
    targetNear,
    strongTarget,
    negative,
  };
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
  return [lex, target, model, Math.min(caps.negCap, e.negative), e.targetNear ? lex : 0];
}
