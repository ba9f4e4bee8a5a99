// Clustering thresholds and vocabularies live in config/review.json; this reads them once, typed.
import reviewJson from '../../config/review.json' with { type: 'json' };

export interface ClusterConfig {
  readonly shingleSize: number;
  readonly minhashSize: number;
  /** How many months either side of an item's month a task may be to be compared at all. */
  readonly monthWindow: number;
  /** Estimated Jaccard of word shingles at which two texts are one report rewritten. */
  readonly textJoin: number;
  /** Weighted share of event facts at which two reports (possibly in two languages) are one event. */
  readonly factJoin: number;
  readonly minSharedNames: number;
  readonly minSharedStrongFacts: number;
  readonly nameStemLength: number;
  readonly weights: Readonly<Record<FactKind, number>>;
  readonly stopNames: readonly string[];
  /** Month-name stems (ru and kk) → month number. */
  readonly months: Readonly<Record<string, number>>;
  readonly kazakhToRussianLetters: Readonly<Record<string, string>>;
  /**
   * Item fingerprints a task keeps for matching at most (its first item and the newest others): a story
   * reprinted by hundreds of pages would otherwise make every later candidate decode, compare and
   * rewrite a fingerprint list that only grows (quadratic time and memory over a crawl).
   */
  readonly maxTaskFingerprints: number;
}

export type FactKind = 'date' | 'case' | 'amount' | 'article' | 'name';

/** Used when config/review.json does not set cluster.maxTaskFingerprints. */
const DEFAULT_MAX_TASK_FINGERPRINTS = 24;

export const CLUSTER_CONFIG: ClusterConfig = {
  maxTaskFingerprints: DEFAULT_MAX_TASK_FINGERPRINTS,
  ...(reviewJson.cluster as Omit<ClusterConfig, 'maxTaskFingerprints'>),
};
