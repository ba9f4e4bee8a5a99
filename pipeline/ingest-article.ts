// After extraction, every item goes the same way: language → store (new / updated / unchanged) → classify
// → store the classification → queue a candidate for review. Unchanged items cost nothing further.
import type { Article, Classification, LanguageResult, TextClassifier } from '../core/index.ts';
import { type SaveStatus, type Store, saveArticle, saveClassification } from '../storage/index.ts';
import { queueCandidate } from './queue-candidate.ts';

export interface IngestResult {
  readonly itemId: number;
  readonly status: SaveStatus;
  readonly language: LanguageResult;
  /** Absent when the item was unchanged and so not classified again. */
  readonly classification?: Classification;
  readonly taskId?: number;
}

export async function ingestArticle(store: Store, article: Article, classifier: TextClassifier): Promise<IngestResult> {
  const language = classifier.detectLanguage(`${article.title}\n\n${article.text}`);
  const { itemId, status } = await saveArticle(store, article, language);
  if (status === 'unchanged') return { itemId, status, language };
  const classification = classifier.classify(
    { title: article.title, text: article.text, kind: article.kind, court: article.court },
    language,
  );
  await saveClassification(store, itemId, classification);
  if (!classification.candidate) return { itemId, status, language, classification };
  const { taskId } = await queueCandidate(store, itemId, article, classification);
  return { itemId, status, language, classification, taskId };
}
