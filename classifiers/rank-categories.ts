// The ranked categories of a candidate: the blended lexicon and model scores, a calibration's per-category priors,
// then the taxonomy's precedence pairs and context rules (config/classifier.json). Pure over its inputs, so that a
// calibration can rank the same texts again under other priors without reading them again.
import settings from '../config/classifier.json' with { type: 'json' };
import { type CategoryId, isCategoryId } from '../core/index.ts';
import { applyContextRules, applyPrecedence, contextRules, precedenceRules } from './category-precedence.ts';
import { CONTEXT_NAMES } from './taxonomy-lexicons.ts';

const PRECEDENCE = precedenceRules(settings.precedence, isCategoryId, 'config/classifier.json');
const CONTEXT_RULES = contextRules(
  settings.contextRules.rules,
  isCategoryId,
  CONTEXT_NAMES,
  'config/classifier.json',
);

export interface RankedCategory {
  readonly id: CategoryId;
  readonly s: number;
}

/** What the ranking of one text reads: blended scores (best first), the ids the lexicon found, its contexts. */
export interface RankingInputs {
  readonly blended: readonly RankedCategory[];
  readonly evidenced: ReadonlySet<string>;
  readonly contexts: ReadonlySet<string>;
  /**
   * The category of a known person's case when the lexicon found nothing but that case's next step (acquitted,
   * appeal heard): the watch list or the dataset knows what the case is, which a model's word counts cannot.
   */
  readonly caseFollowUp?: CategoryId;
}

/**
 * Up to five categories, best first. `prior` (a calibration's, per id; 0 when absent) scales each blended score by
 * e^prior before the rules: it corrects how often real text turns out to be each category, while the taxonomy's
 * rules still decide between two ids where a circumstance says which the report counts.
 */
export function rankCategories(r: RankingInputs, prior?: Readonly<Record<string, number>>): RankedCategory[] {
  const all = prior
    ? r.blended.map((c) => ({ id: c.id, s: c.s * Math.exp(prior[c.id] ?? 0) })).sort((a, b) => b.s - a.s)
    : r.blended;
  const evidenced = (id: string) => r.evidenced.has(id);
  // A weak score drops an id, unless the lexicon found it: the entry form offers it second (threats before an attack).
  const kept = all.filter((c, i) => i === 0 || c.s >= 0.08 || evidenced(c.id));
  // Circumstances that decide between two ids (an administrative arrest, an attacker's trial, law news) come
  // after the scores: they are taxonomy.md's rules, and outrank both the scores and the generic precedence pairs.
  // Only a known case's next step, when it is all the lexicon found, overrides them (below).
  const ranked = applyContextRules(
    applyPrecedence(kept.slice(0, 5), PRECEDENCE, evidenced),
    CONTEXT_RULES,
    r.contexts,
    (id, s) => ({ id: id as CategoryId, s }),
    (id) => (evidenced(id) ? all.find((c) => c.id === id)?.s : undefined),
  );
  const followed = r.caseFollowUp;
  if (followed === undefined || ranked[0]?.id === followed) return ranked.slice(0, 5);
  // A known case's next step counts under the case (taxonomy.md: the report follows a case from charge to verdict).
  const own = ranked.find((c) => c.id === followed);
  const lead = { id: followed, s: Math.max(own?.s ?? 0, ranked[0]?.s ?? 0) };
  return [lead, ...ranked.filter((c) => c.id !== followed)].slice(0, 5);
}
