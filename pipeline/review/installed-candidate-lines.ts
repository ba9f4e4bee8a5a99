// The lines of the model installed in a file, for what sorts the queue without a classifier of its own (`soz review
// list --sort uncertain`, a review server started without one). A classifier in use gives its own (`lines`): the
// review server of `soz review serve` asks the live classifier, which follows a model `soz train` installs.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { candidateLines, DEFAULT_MODEL_PATH, loadModel } from '../../classifiers/index.ts';
import type { CandidateLines } from '../../core/index.ts';

// The model file is about 1.4 MB: a queue page sorted by uncertainty must not parse it again while it is unchanged.
// The file's size and modification time say whether it changed (soz train and calibrate:real rewrite it whole).
const remembered = new Map<string, { readonly stamp: string; readonly lines: CandidateLines }>();

/** The installed model's lines: read again whenever the file has changed since the last call, else remembered. */
export function installedCandidateLines(modelPath: string = DEFAULT_MODEL_PATH): CandidateLines {
  const path = resolve(modelPath);
  // A missing file is left to loadModel, which names it in an input error.
  const stat = statSync(path, { throwIfNoEntry: false });
  const stamp = stat ? `${stat.size}:${stat.mtimeMs}` : '';
  const known = remembered.get(path);
  if (stat && known?.stamp === stamp) return known.lines;
  const lines = candidateLines(loadModel(path));
  if (stat) remembered.set(path, { stamp, lines });
  return lines;
}
