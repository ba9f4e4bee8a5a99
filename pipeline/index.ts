// The stages an item goes through: decode → extract → normalise → deduplicate → language → classify →
// store as candidate → review → promote to the dataset → digest.

export * from './cases/case-decisions.ts';
export * from './cases/case-facts.ts';
export * from './cases/case-suggestion.ts';
export * from './cases/load-case.ts';
export * from './cases/propose-cases.ts';
export * from './cluster/event-keys.ts';
export * from './cluster/item-fingerprint.ts';
export * from './cluster/task-fingerprint.ts';
export { DATASET_FIELDS, type DatasetField, entryToRow, type RawRow } from './dataset/dataset-fields.ts';
export { type ExportRange, exportDataset } from './dataset/export-dataset.ts';
export {
  describeRowError,
  type ImportResult,
  importDataset,
  validateDatasetRows,
} from './dataset/import-dataset.ts';
export { type MissingTranslation, missingTranslations } from './dataset/missing-translations.ts';
export {
  DATASET_FORMATS,
  type DatasetFormat,
  formatOfPath,
  readDatasetFile,
} from './dataset/read-dataset-file.ts';
export { assignStableIds } from './dataset/stable-entry-id.ts';
export { type DatasetRowError, validateDatasetRow } from './dataset/validate-dataset-row.ts';
export { formatDataset } from './dataset/write-dataset-file.ts';
export { decodePage } from './decode/decode-page.ts';
export { amountInWords } from './digest/amount-in-words.ts';
export { type Counted, computeDigestStats, type DigestStats } from './digest/compute-digest-stats.ts';
export {
  DIGEST_LANGS,
  type DigestLang,
  loadDigestCommon,
  loadDigestWords,
  parseDigestLang,
} from './digest/digest-config.ts';
export type { DigestDocument } from './digest/digest-document.ts';
export {
  buildDigest,
  DIGEST_FORMATS,
  DIGEST_LAYOUTS,
  type DigestOptions,
  draftDigest,
  parseDigestFormat,
  parseDigestLayout,
} from './digest/draft-digest.ts';
export { type ExtractOptions, extractArticle } from './extract/extract-article.ts';
export { parseNewsDate } from './extract/parse-news-date.ts';
export * from './ingest-article.ts';
export { normalizeText } from './normalize/normalize-text.ts';
export * from './promote-entry.ts';
export * from './queue-candidate.ts';
export * from './requeue-candidates.ts';
export * from './review/add-report.ts';
export * from './review/candidate-decisions.ts';
export * from './review/classifier-stats.ts';
export * from './review/entry-draft.ts';
export { installedCandidateLines } from './review/installed-candidate-lines.ts';
export * from './review/load-candidate.ts';
export * from './review/password-hash.ts';
export * from './review/review-errors.ts';
export { type ReviewServer, type ReviewServerOptions, startReviewServer } from './review/review-server.ts';
export { isUiLang, loadUiWording, UI_LANGS, UI_TEXT_DIR } from './review/ui-text.ts';
