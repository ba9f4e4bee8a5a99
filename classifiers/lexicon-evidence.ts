// What the lexicon hits of a text add up to: a score per category, whether a target (media, a journalist, a
// blogger, speech) is named, and how strongly the text looks like one of the known non-violations.
import settings from '../config/classifier.json' with { type: 'json' };
import type { CategoryId } from '../core/index.ts';
import type { CueHit } from './analyse-text.ts';
import { ATTRIBUTION_GAP, PERSON_ATTRIBUTION } from './media-names.ts';

export interface LexiconEvidence {
  /** Per category, the weight of its distinct patterns: the strength of the case that something was done. */
  readonly categoryScores: ReadonlyMap<CategoryId, number>;
  /**
   * Per category, what ranks it: overlapping matches count once, a cited law or code ("КоАП", "ҚК") outweighs
   * wording, and the title and lead outweigh later paragraphs (news states its event first; background and
   * earlier episodes come after).
   */
  readonly rankScores: ReadonlyMap<CategoryId, number>;
  readonly best: number;
  /** A target (media, journalist, blogger, speech) is named anywhere. */
  readonly target: boolean;
  /** A target is named where the action is: the same paragraph, the title, or the action names its own target. */
  readonly targetNear: boolean;
  /** A strong target (media, a journalist, a blogger, an activist — not a '~' word like "post" or "operator") is named. */
  readonly strongTarget: boolean;
  /**
   * The action and its target stand next to each other ("задержала журналиста", "blogger was detained"): the
   * target is what was acted on, not a bystander somewhere in the paragraph.
   */
  readonly targetAdjacent: boolean;
  readonly negative: number;
  /**
   * The story is told abroad: another country, its cities or institutions are named and Kazakhstan (its name,
   * cities, institutions, a .kz outlet) is not. Such a story is not one of the monitor's, however media-related.
   */
  readonly foreign: boolean;
  /** The text reads as a law's text, a bill or an explainer: its charge categories were scaled down. */
  readonly explainer: boolean;
  /** The lexicons' contexts found in the text (an administrative arrest, an attacker's trial, law news…). */
  readonly contexts: ReadonlySet<string>;
  /**
   * Category hits made from a case's next step beside a known person (caseFollowUps): counted like the lexicon's
   * own, and reported as evidence on the step's words.
   */
  readonly followUps: readonly CueHit[];
}

const rank = settings.rank;

// Per pattern source, since every category hit of every text asks: the lexicons' patterns and the follow-ups' steps
// (bounded, but capped all the same).
const phraseWeights = new Map<string, number>();

/** Longer phrases are more specific: 1 for a word, up to 2 for three words or more. */
function phraseWeight(h: CueHit): number {
  let weight = phraseWeights.get(h.source);
  if (weight === undefined) {
    const words = h.source.split(' ').filter((w) => w !== '..').length;
    weight = Math.min(2, 1 + 0.5 * (words - 1));
    if (phraseWeights.size >= 50_000) phraseWeights.clear();
    phraseWeights.set(h.source, weight);
  }
  return weight;
}

/** The weight towards the decision: a phrase that names its own target also settles who it was done to. */
function patternWeight(h: CueHit): number {
  if (h.cue.kind === 'category' && h.cue.followUp) return settings.caseFollowUp.weight;
  return phraseWeight(h) * (h.cue.kind === 'category' && h.cue.selfTargeted ? 1.5 : 1);
}

function positionWeight(part: number): number {
  return part < 0 ? 1 : (rank.position[Math.min(part, rank.position.length - 1)] ?? 1);
}

/** A category cue with a target within `window` words of it (or one that names its own): the media is what was acted on. */
function actsOnTarget(h: CueHit, targets: readonly CueHit[], window: number): boolean {
  if (h.cue.kind === 'category' && h.cue.selfTargeted) return true;
  return targets.some((t) => t.part === h.part && t.from - h.to <= window && h.from - t.to <= window);
}

/**
 * Rank scores: per category, clusters of overlapping matches weigh as their heaviest member. A cue whose action
 * falls on the media (a target next to it) weighs rank.onTarget times more: in "activists were detained and
 * reporters prevented from filming" the report counts what was done to the reporters.
 */
function rankScoresOf(hits: readonly CueHit[], targets: readonly CueHit[]): Map<CategoryId, number> {
  const byCategory = new Map<CategoryId, { h: CueHit; w: number }[]>();
  const decisive = new Set<CategoryId>();
  for (const h of hits) {
    if (h.cue.kind !== 'category') continue;
    // Ranking weighs how specific the wording is; naming its own target says nothing about the category.
    const w =
      phraseWeight(h) *
      positionWeight(h.part) *
      (actsOnTarget(h, targets, settings.adjacentWindow) ? rank.onTarget : 1);
    if (h.cue.decisive) decisive.add(h.cue.category);
    const list = byCategory.get(h.cue.category) ?? [];
    list.push({ h, w });
    byCategory.set(h.cue.category, list);
  }
  const scores = new Map<CategoryId, number>();
  for (const [id, list] of byCategory) {
    list.sort((a, b) => a.h.part - b.h.part || (a.h.start ?? 0) - (b.h.start ?? 0));
    const counted = new Set<string>();
    let total = 0;
    let cluster: { part: number; end: number; w: number; source: string } | null = null;
    const close = () => {
      if (cluster && !counted.has(cluster.source)) {
        counted.add(cluster.source);
        total += cluster.w;
      }
    };
    for (const { h, w } of list) {
      // Title hits carry no offsets: there, each pattern is its own cluster.
      const overlaps =
        cluster !== null && h.start !== null && cluster.part === h.part && h.start < cluster.end;
      if (overlaps && cluster) {
        cluster.end = Math.max(cluster.end, h.end ?? cluster.end);
        if (w > cluster.w) {
          cluster.w = w;
          cluster.source = h.source;
        }
        continue;
      }
      close();
      cluster = { part: h.part, end: h.end ?? -1, w, source: h.source };
    }
    close();
    scores.set(id, total);
  }
  // The code cited decides between the legal categories (a КоАП article is an administrative case however often
  // the text says "клевета" or "уголовный"): a cited category takes the legal lead, the others fall behind it.
  if (decisive.size > 0) {
    const lead = Math.max(...LEGAL.map((id) => scores.get(id) ?? 0));
    for (const id of LEGAL) {
      const s = scores.get(id);
      if (s === undefined) continue;
      scores.set(id, decisive.has(id) ? lead + rank.decisiveMargin : s * rank.undecided);
    }
  }
  return scores;
}

const LEGAL: readonly CategoryId[] = ['criminal_charge', 'administrative_charge', 'civil_claim'];

/**
 * Target hits that no "not a target" phrase ("press service") covers whole, and outlets' names and reporter words
 * that no attribution stands next to: in "журналиста задержали, сообщает KazTAG" the agency tells the
 * news, and in "… адамды ұстап алып кетті. Бұл туралы сайттың тілшісі хабарлайды" the correspondent
 * reports the detention of others; neither is its target. A journalist is not cancelled (a victim quoted as such is
 * still the victim); a person's name is, by media-names.json's persons.attribution. A phrase cancels only the targets
 * that lie within it: "по статье" cancels the weak "статье" (a law's article read as a newspaper's) but not the
 * speech article "статье 274" that reaches beyond it.
 */
function realTargets(hits: readonly CueHit[]): CueHit[] {
  const cancel = hits.filter((h) => h.cue.kind === 'notTarget');
  const attribution = hits.filter((h) => h.cue.kind === 'attribution');
  const gap = ATTRIBUTION_GAP;
  const near = (h: CueHit, a: CueHit) => a.part === h.part && h.from - a.to <= gap && a.from - h.to <= gap;
  const personCue = (a: CueHit) =>
    a.cue.kind === 'attribution' && (a.cue.persons === true || PERSON_ATTRIBUTION.general);
  return hits.filter(
    (h) =>
      h.cue.kind === 'target' &&
      !cancel.some((c) => c.part === h.part && c.from <= h.from && h.to <= c.to) &&
      !(
        (h.cue.name === 'outlet' || h.cue.name === 'reporter') &&
        attribution.some((a) => a.cue.kind === 'attribution' && !a.cue.persons && near(h, a))
      ) &&
      // A person's name beside "по словам", "said", "X's investigation" is who tells or wrote the news; the same
      // name elsewhere in the item, or a word like "journalist", still names the target.
      !(h.cue.name === 'person' && attribution.some((a) => personCue(a) && near(h, a))),
  );
}

/**
 * A case's next step ("оправдан", "босатылды", "released on appeal") within caseFollowUp.window words of a known
 * person whose case has a category (a real target: not cancelled as the news's source) is a category hit of that
 * case on the step's words. A story telling only that the person was acquitted or freed names no charge, fine or
 * arrest, yet the report follows the case through it; a step with no known person beside it is nothing.
 */
function caseFollowUps(hits: readonly CueHit[], targets: readonly CueHit[]): CueHit[] {
  const window = settings.caseFollowUp.window;
  const out: CueHit[] = [];
  for (const step of hits) {
    if (step.cue.kind !== 'caseStep') continue;
    const person = targets.find(
      (t) =>
        t.cue.kind === 'target' &&
        t.cue.case !== undefined &&
        t.part === step.part &&
        t.from - step.to <= window &&
        step.from - t.to <= window,
    );
    if (person?.cue.kind !== 'target' || !person.cue.case) continue;
    const category = person.cue.case;
    // The source keeps the step's words (a phrase weighs by its word count) and counts once however often it repeats.
    out.push({
      ...step,
      cue: { kind: 'category', category, selfTargeted: false, decisive: false, followUp: true },
      source: `${step.source}#follow-up`,
    });
  }
  return out;
}

export function lexiconEvidence(lexiconHits: readonly CueHit[]): LexiconEvidence {
  const targets = realTargets(lexiconHits);
  const followUps = caseFollowUps(lexiconHits, targets);
  const allHits = followUps.length ? [...lexiconHits, ...followUps] : lexiconHits;
  const hits = allHits.filter(
    (h) =>
      h.cue.kind !== 'target' &&
      h.cue.kind !== 'notTarget' &&
      h.cue.kind !== 'place' &&
      h.cue.kind !== 'explainer' &&
      h.cue.kind !== 'attribution' &&
      h.cue.kind !== 'context' &&
      h.cue.kind !== 'caseStep',
  );
  const contexts = new Set<string>();
  for (const h of allHits) if (h.cue.kind === 'context') contexts.add(h.cue.name);
  const explainer = allHits.some((h) => h.cue.kind === 'explainer');
  let home = false;
  let abroad = false;
  for (const h of allHits)
    if (h.cue.kind === 'place') {
      if (h.cue.home) home = true;
      else abroad = true;
      // A watched or dataset person is one of Kazakhstan's: their story is ours wherever it passes through.
    } else if (h.cue.kind === 'target' && h.cue.name === 'person') home = true;
  const seen = new Set<string>();
  const categoryScores = new Map<CategoryId, number>();
  let targetNear = false;
  let negative = 0;
  // The target must be named where the action is: in the same paragraph, or in the title. An election story
  // with accredited journalists in one paragraph and a candidate's lawsuit in another is not about the press.
  const targetParts = new Set(targets.map((h) => h.part));
  const notTargetParts = new Set(allHits.filter((h) => h.cue.kind === 'notTarget').map((h) => h.part));
  for (const h of hits) {
    const cue = h.cue;
    if (cue.kind !== 'negative' && cue.kind !== 'category') continue;
    // A pattern counts once however often it repeats: a long article says "суд" twenty times.
    if (seen.has(h.source)) continue;
    seen.add(h.source);
    if (cue.kind === 'negative') negative += cue.weight;
    else {
      // A phrase that names its own target ("DDoS", "blocked the site") stops doing so where the paragraph names
      // what was hit as something else than the media ("the ministry's website", "әкімдіктің сайты").
      const selfTargeted = cue.selfTargeted && !notTargetParts.has(h.part);
      if (selfTargeted || targetParts.has(h.part) || targetParts.has(-1)) targetNear = true;
      categoryScores.set(cue.category, (categoryScores.get(cue.category) ?? 0) + patternWeight(h));
    }
  }
  const window = settings.adjacentWindow;
  const targetAdjacent = hits.some(
    (h) =>
      h.cue.kind === 'category' &&
      targets.some((t) => t.part === h.part && t.from - h.to <= window && h.from - t.to <= window),
  );
  // A law's text or an explainer names charges without bringing them: they count for less, in the decision and
  // in the ranking (a restrictive bill still ranks as regulation).
  const rankScores = rankScoresOf(hits, targets);
  if (explainer)
    for (const id of LEGAL) {
      const c = categoryScores.get(id);
      if (c !== undefined) categoryScores.set(id, c * settings.explainerCharge);
      const r = rankScores.get(id);
      if (r !== undefined) rankScores.set(id, r * settings.explainerCharge);
    }
  const best = Math.max(0, ...categoryScores.values());
  const strongTarget = targets.some((h) => h.cue.kind === 'target' && !h.cue.weak);
  return {
    categoryScores,
    rankScores,
    best,
    target: targetNear || targetParts.size > 0,
    targetNear,
    strongTarget,
    targetAdjacent,
    negative,
    foreign: abroad && !home,
    explainer,
    contexts,
    followUps,
  };
}

/** The inputs of the logistic combiner, in the order of Combiner's weights after the bias. */
export function combinerInputs(
  e: LexiconEvidence,
  modelLogOdds: number,
  clamp: number,
  caps: { lexCap: number; negCap: number },
): [number, number, number, number, number, number] {
  const lex = Math.min(caps.lexCap, e.best);
  const target = e.target ? 1 : 0;
  const model = Math.max(-clamp, Math.min(clamp, modelLogOdds));
  return [
    lex,
    target,
    model,
    Math.min(caps.negCap, e.negative),
    e.targetNear ? lex : 0,
    e.targetAdjacent ? 1 : 0,
  ];
}
