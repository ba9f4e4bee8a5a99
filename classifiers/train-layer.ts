// Training a real-text layer (real-text-layer.ts) over a model's base decision, from texts people labelled: the real
// dev set's spent parts (evaluation/real-layer.ts, `npm run train:model -- --real`) or the reviewers' decisions
// (`soz train`). Each text is read by the model's own decision with any layer it carries set aside, so the layer
// learns over exactly the decision it will sit on; the settings are config/classifier.json's `realTextLayer`.
import settings from '../config/classifier.json' with { type: 'json' };
import { createClassifier } from './create-classifier.ts';
import type { ModelFile } from './model-file.ts';
import { type LayerExample, type RealTextLayer, trainRealTextLayer } from './real-text-layer.ts';

export interface LayerText {
  readonly title: string;
  readonly text: string;
  readonly violation: boolean;
}

/** What `model`'s base decision reads of each text, with the language it detected. */
export function layerExamples(
  model: ModelFile,
  texts: readonly LayerText[],
): (LayerExample & { readonly lang: string })[] {
  const { layer: _set_aside, ...base } = model;
  const classifier = createClassifier({ model: base });
  return texts.map((t) => {
    const language = classifier.detectLanguage(t.title ? `${t.title}\n${t.text}` : t.text);
    const trace = classifier.decisionTrace({ title: t.title, text: t.text, kind: 'news' }, language);
    return { reading: trace.layerReading, violation: t.violation, lang: language.lang };
  });
}

/** A layer learnt from readings already made (layerExamples), with classifier.json's settings. */
export function fitLayer(examples: readonly LayerExample[], fittedOn: string): RealTextLayer {
  return trainRealTextLayer(examples, {
    l2: settings.realTextLayer.l2,
    minDocs: settings.realTextLayer.minDocs,
    line: settings.realTextLayer.line,
    fittedOn,
  });
}

/** The layer over `model`'s base decision, learnt from `texts`. */
export function trainLayerOver(
  model: ModelFile,
  texts: readonly LayerText[],
  fittedOn: string,
): RealTextLayer {
  return fitLayer(layerExamples(model, texts), fittedOn);
}
