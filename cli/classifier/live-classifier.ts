// The classifier of a long-running process (soz schedule, soz worker, the review server) that keeps up with the
// dataset and with the installed model: the journalists and outlets reviewers confirm after it started count as
// targets from its next use, and a model `soz train` installs meanwhile is used from then on (without it, the
// review server would show the new model on its Classifier page while "Add a report" scored with the old one).
// classify() stays pure and synchronous: a refresh reads the names (and the model when its file changed), builds
// a new classifier and swaps it in between uses, so an item is always classified by one consistent pair.
import { statSync } from 'node:fs';
import { createClassifier, type KnownMedia, loadModel, type ModelFile } from '../../classifiers/index.ts';
import type { Logger } from '../../core/index.ts';
import { knownMediaSignature, loadKnownMedia, type Store } from '../../storage/index.ts';

// The calibration's reader (decisionTrace) is for evaluation scripts, not for the pipeline.
type Classifier = Omit<ReturnType<typeof createClassifier>, 'decisionTrace'>;

export interface LiveRefresh {
  readonly people: number;
  readonly outlets: number;
  /** Names not known before this refresh (0 when the classifier was kept). */
  readonly added: number;
  /** A new classifier was built (the names or the model differed). */
  readonly rebuilt: boolean;
  /** The version of a model installed since the last load and now in use; null when the model is the same. */
  readonly newModel: string | null;
}

export type LiveClassifier = Classifier & {
  /** The names the current classifier was built with. */
  readonly knownMedia: KnownMedia;
  /** The model the current classifier was built with. */
  readonly model: ModelFile;
  /** Reads the names (and the model file when it changed) again; builds a new classifier only when they differ. */
  refresh(): Promise<LiveRefresh>;
  /**
   * Reloads only when the dataset has changed since the last load (one small query), the model file was
   * replaced, or a new day has begun (edits that escaped the signature); null when nothing was reloaded.
   */
  refreshIfChanged(): Promise<LiveRefresh | null>;
};

export interface LiveClassifierOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** The installed model's file, watched for replacement (`soz train` renames a new one over it). */
  readonly modelPath?: string;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const keyOf = (k: KnownMedia) => JSON.stringify([k.people, k.outlets]);

/** Change time and size: `soz train` replaces the file by a rename, which gives it a new change time. */
function fileStamp(path: string | undefined): string | null {
  if (path === undefined) return null;
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch (error) {
    // A model removed while the process runs: keep classifying with the one in memory.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

export async function createLiveClassifier(
  store: Store,
  initialModel: ModelFile,
  options: LiveClassifierOptions = {},
): Promise<LiveClassifier> {
  const now = options.now ?? (() => new Date());
  const { modelPath, logger } = options;
  let model = initialModel;
  let modelStamp = fileStamp(modelPath);
  let signature = await knownMediaSignature(store);
  let known: KnownMedia = await loadKnownMedia(store);
  let day = dayOf(now());
  let current: Classifier = createClassifier({ model, knownMedia: known });
  let inFlight: Promise<LiveRefresh> | null = null;

  /** The model file again when it was replaced and reads as a model; otherwise null (the old one stays). */
  function replacedModel(): ModelFile | null {
    const stamp = fileStamp(modelPath);
    if (modelPath === undefined || stamp === modelStamp) return null;
    if (stamp === 'missing') {
      modelStamp = stamp;
      logger?.warn(`${modelPath} is gone; still using ${model.version}`);
      return null;
    }
    try {
      const next = loadModel(modelPath);
      modelStamp = stamp;
      return next.version === model.version ? null : next;
    } catch (error) {
      // Not remembered as seen: the next refresh tries again, and says so again, until the file is mended.
      logger?.warn(`model not reloaded, still using ${model.version}: ${(error as Error).message}`);
      return null;
    }
  }

  async function reload(): Promise<LiveRefresh> {
    // The signature is read first: a change landing during the load is seen again next time, never lost.
    const nextSignature = await knownMediaSignature(store);
    const next = await loadKnownMedia(store);
    const nextModel = replacedModel();
    signature = nextSignature;
    day = dayOf(now());
    const counts = { people: next.people.length, outlets: next.outlets.length };
    const sameNames = keyOf(next) === keyOf(known);
    if (sameNames && nextModel === null) return { ...counts, added: 0, rebuilt: false, newModel: null };
    const before = new Set([...known.people, ...known.outlets]);
    const added = [...next.people, ...next.outlets].filter((n) => !before.has(n)).length;
    if (nextModel) model = nextModel;
    current = createClassifier({ model, knownMedia: next });
    known = next;
    if (nextModel) logger?.info(`model ${model.version} installed since start; now in use`);
    if (!sameNames)
      logger?.info(
        `known names: ${counts.people} people, ${counts.outlets} outlets (${added} new); classifier rebuilt`,
      );
    return { ...counts, added, rebuilt: true, newModel: nextModel ? nextModel.version : null };
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
    get model() {
      return model;
    },
    get lines() {
      return current.lines;
    },
    detectLanguage: (text) => current.detectLanguage(text),
    classify: (input, language) => current.classify(input, language),
    refresh,
    async refreshIfChanged() {
      if (inFlight) return inFlight;
      if (dayOf(now()) !== day) return refresh();
      if (fileStamp(modelPath) !== modelStamp) return refresh();
      return (await knownMediaSignature(store)) === signature ? null : refresh();
    },
  };
}

/**
 * How often a worker asks whether the dataset or the model changed: a stat and one aggregate query every five
 * minutes cost nothing, and a name confirmed in the morning reaches the next job well before the night's crawl.
 */
export const LIVE_CHECK_INTERVAL_MS = 5 * 60_000;
