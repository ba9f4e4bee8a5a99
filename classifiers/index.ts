// The classifiers' public surface: language and script identification, the taxonomy classifier with evidence
// spans, fact extraction, amounts in tenge, the Kazakh stemmer and training.
//
// Evidence spans (Classification.categories[].evidence) are character offsets into the `text` that classify()
// received: `text.slice(span.start, span.end) === span.text`. Title words count towards the decision but are never
// reported as spans, so the review UI highlights the body only.
export {
  CALIBRATED_LANGS,
  type Calibration,
  calibrate,
  combinerScore,
  type DecisionRow,
  decisionLine,
} from './calibrate-combiner.ts';
export { calibratePriors, type RankingRow, topOneHits } from './calibrate-ranking.ts';
export {
  type ClassifierOptions,
  type ClassifyInput,
  candidateLines,
  createClassifier,
  DEFAULT_MODEL_PATH,
  type DecisionTrace,
  EMPTY_FACTS,
  loadModel,
} from './create-classifier.ts';
export {
  DEFAULT_NGRAM_MODEL_PATH,
  detectLanguage,
  identifyParagraph,
  type LanguageShares,
  languageShares,
  loadNgramModel,
} from './detect-language.ts';
export {
  type ClassifierReport,
  evaluateClassifier,
  evaluateLanguage,
  type LanguageReport,
  type LanguageSample,
  type Prf,
} from './evaluate-classifier.ts';
export { extractFacts } from './extract-facts.ts';
export { kazakhStem } from './kazakh-stem.ts';
export { type KnownPeopleCount, knownPeople, knownPeopleCount } from './known-people.ts';
export { type KnownMedia, namePatterns } from './media-names.ts';
export type { ModelFile } from './model-file.ts';
export { nameSpellings } from './name-transliteration.ts';
export { type AmountMatch, findAmountsKzt, parseAmountKzt } from './parse-amount-kzt.ts';
export { type LabelledText, readLabelledSet } from './read-labelled-set.ts';
export {
  baseVerdict,
  LAYER_INPUTS,
  type LayerExample,
  type LayerReading,
  layerProbability,
  layerVerdict,
  type RealTextLayer,
  trainRealTextLayer,
} from './real-text-layer.ts';
export {
  crossValidate,
  devOverlap,
  KINDS as LANGUAGE_SAMPLE_KINDS,
  languageVarieties,
  type Tally,
  trainLanguageModel,
} from './train-language-model.ts';
export { fitLayer, type LayerText, layerExamples, trainLayerOver } from './train-layer.ts';
export { type TrainingExample, trainCategoryModel, trainModel } from './train-model.ts';
export { baseExamples } from './training-examples.ts';
export {
  parseWatchList,
  WATCH_LIST,
  WATCHED_PEOPLE_FILE,
  type WatchedPerson,
  type WatchList,
} from './watched-people.ts';
