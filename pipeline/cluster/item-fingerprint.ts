// What clustering keeps of an item: a MinHash signature of its text and its event keys. Stored (as JSON in
// review_tasks.fingerprint) for every item of a pending task, so that a new item is compared without
// reloading texts.
import type { ExtractedFacts } from '../../core/index.ts';
import { CLUSTER_CONFIG, type ClusterConfig, type FactKind } from './cluster-config.ts';
import { type EventKeys, extractEventKeys } from './event-keys.ts';
import { estimateJaccard, minhashSignature, wordShingles } from './minhash-signature.ts';
import { normaliseTokens } from './normalise-tokens.ts';

export interface ItemFingerprint {
  readonly itemId: number;
  readonly lang: string | null;
  readonly signature: readonly number[];
  readonly keys: EventKeys;
}

export function fingerprintItem(
  input: {
    readonly itemId: number;
    readonly title: string;
    readonly text: string;
    readonly lang: string | null;
    readonly facts: ExtractedFacts | null;
  },
  config: ClusterConfig = CLUSTER_CONFIG,
): ItemFingerprint {
  const body = `${input.title}\n\n${input.text}`;
  const tokens = normaliseTokens(body, config);
  return {
    itemId: input.itemId,
    lang: input.lang,
    signature: minhashSignature(wordShingles(tokens, config.shingleSize), config.minhashSize),
    keys: extractEventKeys(body, input.facts, config),
  };
}

export interface Similarity {
  /** Estimated Jaccard of the texts' word shingles. */
  readonly text: number;
  /** Weighted share of event keys, relative to the item with fewer. */
  readonly facts: number;
  readonly sharedNames: number;
  readonly sharedStrong: number;
  /** Both name dates (or case numbers, or several people) and share none: different events. */
  readonly conflict: boolean;
  readonly join: boolean;
  /** The larger of the two measures, kept with the link. */
  readonly score: number;
  readonly why: string;
}

const STRONG: readonly FactKind[] = ['date', 'case', 'amount'];
const KINDS: readonly FactKind[] = ['date', 'case', 'amount', 'article', 'name'];

function shared(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n++;
  return n;
}

export function compareFingerprints(
  a: ItemFingerprint,
  b: ItemFingerprint,
  config: ClusterConfig = CLUSTER_CONFIG,
): Similarity {
  const text = estimateJaccard(a.signature, b.signature);
  let weightA = 0;
  let weightB = 0;
  let weightShared = 0;
  for (const k of KINDS) {
    const w = config.weights[k];
    weightA += w * a.keys[k].length;
    weightB += w * b.keys[k].length;
    weightShared += w * shared(a.keys[k], b.keys[k]);
  }
  const smaller = Math.min(weightA, weightB);
  const facts = smaller > 0 ? Math.min(1, weightShared / smaller) : 0;
  const sharedNames = shared(a.keys.name, b.keys.name);
  const sharedStrong = STRONG.reduce((n, k) => n + shared(a.keys[k], b.keys[k]), 0);
  const disjoint = (k: FactKind, min = 1) =>
    a.keys[k].length >= min && b.keys[k].length >= min && shared(a.keys[k], b.keys[k]) === 0;
  const conflict = disjoint('date') || disjoint('case') || disjoint('name', 2);
  let join = false;
  let why = 'different';
  if (conflict) why = 'conflicting dates, case numbers or names';
  else if (text >= config.textJoin) {
    join = true;
    why = `text ${text.toFixed(2)}`;
  } else if (
    facts >= config.factJoin &&
    sharedNames >= config.minSharedNames &&
    sharedStrong >= config.minSharedStrongFacts
  ) {
    join = true;
    why = `facts ${facts.toFixed(2)} (${sharedNames} names, ${sharedStrong} dates/cases/amounts)`;
  }
  return { text, facts, sharedNames, sharedStrong, conflict, join, score: Math.max(text, facts), why };
}
