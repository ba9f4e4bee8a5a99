// The lines of the model installed in a file, for what sorts the queue without a classifier of its own (`soz review
// list --sort uncertain`, a review server started without one). A classifier in use gives its own (`lines`): the
// review server of `soz review serve` asks the live classifier, which follows a model `soz train` installs.
import { candidateLines, DEFAULT_MODEL_PATH, loadModel } from '../../classifiers/index.ts';
import type { CandidateLines } from '../../core/index.ts';

/** Read from the file at each call, not kept: a model installed since is the one whose lines count. */
export function installedCandidateLines(modelPath: string = DEFAULT_MODEL_PATH): CandidateLines {
  return candidateLines(loadModel(modelPath));
}
