// What every command that classifies the crawl's or a reviewer's pages starts with (crawl, worker, schedule,
// review add, review serve): the installed model, the database, and a classifier that knows the dataset's
// journalists and outlets and can be brought up to date with them and with a model installed later.
import { DEFAULT_MODEL_PATH, knownPeople, knownPeopleCount, loadModel } from '../../classifiers/index.ts';
import type { Store } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { createLiveClassifier, type LiveClassifier } from './live-classifier.ts';

export async function openClassifier(
  ctx: Pick<CommandContext, 'openStore' | 'logger'>,
  options: { readonly modelPath?: string } = {},
): Promise<{ store: Store; classifier: LiveClassifier }> {
  const modelPath = options.modelPath ?? DEFAULT_MODEL_PATH;
  const model = loadModel(modelPath); // before the database: a missing model leaves it untouched
  const store = await ctx.openStore();
  const classifier = await createLiveClassifier(store, model, { logger: ctx.logger, modelPath });
  const known = knownPeople(classifier.knownMedia);
  const { watched, dataset } = knownPeopleCount(known);
  ctx.logger.debug(
    `known names: ${watched} watched people, ${dataset} more people and ${known.outlets.length} outlets from the dataset`,
  );
  return { store, classifier };
}
