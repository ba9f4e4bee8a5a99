// Store-as-candidate stage: a candidate item becomes (or joins) a pending review task.
import type { Article, Classification } from '../core/index.ts';
import { type Store, createTask } from '../storage/index.ts';

export async function queueCandidate(
  store: Store,
  itemId: number,
  article: Article,
  classification: Classification,
): Promise<{ taskId: number; joined: boolean }> {
  const month = (article.publishedAt ?? article.fetchedAt).slice(0, 7);
  const taskId = await createTask(store, {
    itemId,
    title: article.title,
    kind: article.kind,
    lang: classification.lang,
    month,
    topCategory: classification.categories[0]?.id ?? null,
    score: classification.score,
  });
  return { taskId, joined: false };
}
