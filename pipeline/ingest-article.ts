// After extraction, every item goes the same way: language → store (new / updated / unchanged) → classify
// → store the classification → queue a candidate for review. Unchanged items cost nothing further.
import type { Article, Classification, LanguageResult, TextClassifier } from '../core/index.ts';
import {
  joinCourtItemsToCases,
  type SaveStatus,
  type Store,
  saveArticle,
  saveArticlesWithClassifications,
  saveClassification,
} from '../storage/index.ts';
import { type CandidateToQueue, queueCandidate, queueCandidates } from './queue-candidate.ts';

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
  if (article.court) await joinCourtItemsToCases(store, [itemId]);
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
 * candidates are queued for review in order, in a second one (clustering sees the tasks queued just
 * before; a crash between the two leaves candidates that the next run queues). Results are in the
 * order of `articles`.
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
  const candidates: CandidateToQueue[] = [];
  for (let i = 0; i < saved.length; i++) {
    const { itemId, classification } = saved[i]!;
    if (classification?.candidate) candidates.push({ itemId, article: entries[i]!.article, classification });
  }
  // A court item whose number a case has joins that case before anyone reviews it.
  const courtItems = saved.filter((x, i) => x.status !== 'unchanged' && entries[i]!.article.court);
  if (courtItems.length > 0)
    await joinCourtItemsToCases(
      store,
      courtItems.map((x) => x.itemId),
    );
  const queued = await queueCandidates(store, candidates);
  const taskOf = new Map(candidates.map((c, i) => [c.itemId, queued[i]!.taskId]));
  return saved.map(({ itemId, status, classification }, i) => {
    const { language } = entries[i]!;
    if (!classification) return { itemId, status, language };
    const taskId = taskOf.get(itemId);
    return taskId === undefined
      ? { itemId, status, language, classification }
      : { itemId, status, language, classification, taskId };
  });
}
