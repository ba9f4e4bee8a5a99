// The classifier of a long-running process (soz schedule, soz worker, the review server) that keeps up with the
// dataset: the journalists and outlets reviewers confirm after it started count as targets from its next use.
// classify() stays pure and synchronous: a refresh reads the names, builds a new classifier and swaps it in
// between uses, so an item is always classified by one consistent set of names.
import { createClassifier, type KnownMedia, type ModelFile } from '../../classifiers/index.ts';
import type { Logger } from '../../core/index.ts';
import { knownMediaSignature, loadKnownMedia, type Store } from '../../storage/index.ts';

type Classifier = ReturnType<typeof createClassifier>;

export interface NamesRefresh {
  readonly people: number;
  readonly outlets: number;
  /** Names not known before this refresh (0 when the classifier was kept). */
  readonly added: number;
  /** A new classifier was built (the names differed). */
  readonly rebuilt: boolean;
}

export type KnownNamesClassifier = Classifier & {
  /** The names the current classifier was built with. */
  readonly knownMedia: KnownMedia;
  /** Reads the names again; builds a new classifier only when they differ. */
  refresh(): Promise<NamesRefresh>;
  /**
   * Reloads only when the dataset has changed since the last load (one small query) or a new day has begun
   * (edits that escaped the signature); null when nothing was reloaded.
   */
  refreshIfChanged(): Promise<NamesRefresh | null>;
};

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const keyOf = (k: KnownMedia) => JSON.stringify([k.people, k.outlets]);

export async function createKnownNamesClassifier(
  store: Store,
  model: ModelFile,
  options: { readonly logger?: Logger; readonly now?: () => Date } = {},
): Promise<KnownNamesClassifier> {
  const now = options.now ?? (() => new Date());
  let signature = await knownMediaSignature(store);
  let known: KnownMedia = await loadKnownMedia(store);
  let day = dayOf(now());
  let current: Classifier = createClassifier({ model, knownMedia: known });
  let inFlight: Promise<NamesRefresh> | null = null;

  async function reload(): Promise<NamesRefresh> {
    // The signature is read first: a change landing during the load is seen again next time, never lost.
    const nextSignature = await knownMediaSignature(store);
    const next = await loadKnownMedia(store);
    signature = nextSignature;
    day = dayOf(now());
    const counts = { people: next.people.length, outlets: next.outlets.length };
    if (keyOf(next) === keyOf(known)) return { ...counts, added: 0, rebuilt: false };
    const before = new Set([...known.people, ...known.outlets]);
    const added = [...next.people, ...next.outlets].filter((n) => !before.has(n)).length;
    current = createClassifier({ model, knownMedia: next });
    known = next;
    options.logger?.info(
      `known names: ${counts.people} people, ${counts.outlets} outlets (${added} new); classifier rebuilt`,
    );
    return { ...counts, added, rebuilt: true };
  }

  // Concurrent callers (two reviewers adding tips at once) share one reload.
  const refresh = () => {
    inFlight ??= reload().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    get modelVersion() {
      return current.modelVersion;
    },
    get knownMedia() {
      return known;
    },
    detectLanguage: (text) => current.detectLanguage(text),
    classify: (input, language) => current.classify(input, language),
    refresh,
    async refreshIfChanged() {
      if (inFlight) return inFlight;
      if (dayOf(now()) !== day) return refresh();
      return (await knownMediaSignature(store)) === signature ? null : refresh();
    },
  };
}

/**
 * How often a worker asks whether the dataset changed: one aggregate query every five minutes costs nothing, and
 * a name confirmed in the morning reaches the next job well before the night's crawl.
 */
export const NAMES_CHECK_INTERVAL_MS = 5 * 60_000;
