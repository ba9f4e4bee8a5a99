// After extraction, every item goes the same way: language → store (new / updated / unchanged) → classify
// → store the classification → queue a candidate for review. Unchanged items cost nothing further.
import type { Article, Classification, LanguageResult, TextClassifier } from '../core/index.ts';
import {
  type SaveStatus,
  type Store,
  saveArticle,
  saveArticlesWithClassifications,
  saveClassification,
} from '../storage/index.ts';
import { queueCandidate } from './queue-candidate.ts';

export interface IngestResult {
  readonly itemId: number;
  readonly status: SaveStatus;
  readonly language: LanguageResult;
  /** Absent when the item was unchanged and so not classified again. */
  readonly classification?: Classification;
  readonly taskId?: number;
}

export async function ingestArticle(
  store: Store,
  article: Article,
  classifier: TextClassifier,
): Promise<IngestResult> {
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

/**
 * ingestArticle for several articles at once (a crawl's batch of one source's pages): languages first,
 * then every article and the classification of each new or changed one in ONE transaction, then the
 * candidates are queued for review one by one (clustering reads the tasks queued just before). Results
 * are in the order of `articles`.
 */
export async function ingestArticles(
  store: Store,
  articles: readonly Article[],
  classifier: TextClassifier,
): Promise<IngestResult[]> {
  const entries = articles.map((article) => ({
    article,
    language: classifier.detectLanguage(`${article.title}\n\n${article.text}`),
  }));
  const saved = await saveArticlesWithClassifications(store, entries, ({ article, language }) =>
    classifier.classify(
      { title: article.title, text: article.text, kind: article.kind, court: article.court },
      language!,
    ),
  );
  const results: IngestResult[] = [];
  for (let i = 0; i < saved.length; i++) {
    const { itemId, status, classification } = saved[i]!;
    const { article, language } = entries[i]!;
    if (!classification) {
      results.push({ itemId, status, language });
      continue;
    }
    if (!classification.candidate) {
      results.push({ itemId, status, language, classification });
      continue;
    }
    const { taskId } = await queueCandidate(store, itemId, article, classification);
    results.push({ itemId, status, language, classification, taskId });
  }
  return results;
}
