// Store-as-candidate stage: a candidate item becomes a pending review task, or joins the open task of the
// same event when it is a near-duplicate of one of that task's items (another outlet's report, in Russian
// or in Kazakh). Runs right after classification, inside ingestArticle.
import type { Article, Classification } from '../core/index.ts';
import {
  addItemToTask,
  appendReviewLog,
  createTask,
  openTaskFingerprints,
  type Store,
  setTaskCluster,
  taskOfItem,
} from '../storage/index.ts';
import { CLUSTER_CONFIG, type ClusterConfig } from './cluster/cluster-config.ts';
import { fingerprintItem } from './cluster/item-fingerprint.ts';
import {
  decodeTaskFingerprint,
  encodeTaskFingerprint,
  matchTask,
  type TaskFingerprint,
} from './cluster/task-fingerprint.ts';

/** The best-scoring category of a classification (not trusting the list's order). */
export function topCategoryOf(c: Classification): string | null {
  let best: Classification['categories'][number] | null = null;
  for (const k of c.categories) if (!best || k.score > best.score) best = k;
  return best?.id ?? null;
}

// Every candidate is compared with every open task of its months: parsing all their fingerprints again
// for each candidate was most of the clustering's cost in a crawl. Parsed ones are kept per task, and
// reused only while the stored text is the very same; a few hundred tasks at most.
const DECODED_CACHE_SIZE = 512;
const decoded = new Map<number, { text: string | null; fp: TaskFingerprint | null }>();

function decodedFingerprint(taskId: number, text: string | null): TaskFingerprint | null {
  const hit = decoded.get(taskId);
  if (hit && hit.text === text) return hit.fp;
  const fp = decodeTaskFingerprint(text);
  decoded.delete(taskId);
  if (decoded.size >= DECODED_CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
  decoded.set(taskId, { text, fp });
  return fp;
}

/** A task's item fingerprints cut to `max`: its first item (what the task is about) and the newest. */
export function boundedItems<T>(items: readonly T[], max: number): readonly T[] {
  if (max < 1 || items.length <= max) return items;
  return [items[0]!, ...items.slice(items.length - (max - 1))];
}

/** The months within `window` of `month` (YYYY-MM), oldest first. */
export function monthsAround(month: string, window: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let d = -window; d <= window; d++) {
    const date = new Date(Date.UTC(y, m - 1 + d, 1));
    out.push(date.toISOString().slice(0, 7));
  }
  return out;
}

export async function queueCandidate(
  store: Store,
  itemId: number,
  article: Article,
  classification: Classification,
  config: ClusterConfig = CLUSTER_CONFIG,
): Promise<{ taskId: number; joined: boolean; similarity?: number }> {
  const month = (article.publishedAt ?? article.fetchedAt).slice(0, 7);
  const already = await taskOfItem(store, itemId);
  if (already !== null) return { taskId: already, joined: false };
  const fingerprint = fingerprintItem(
    {
      itemId,
      title: article.title,
      text: article.text,
      lang: classification.lang,
      facts: classification.facts,
    },
    config,
  );
  const open = await openTaskFingerprints(store, {
    kind: article.kind,
    months: monthsAround(month, config.monthWindow),
  });
  let best: { taskId: number; score: number; why: string; taskScore: number; items: string | null } | null =
    null;
  for (const t of open) {
    const fp = decodedFingerprint(t.taskId, t.fingerprint);
    if (!fp) continue;
    const s = matchTask(fingerprint, fp, config);
    if (s?.join && (!best || s.score > best.score)) {
      best = { taskId: t.taskId, score: s.score, why: s.why, taskScore: t.score, items: t.fingerprint };
    }
  }
  if (best) {
    const taskId = best.taskId;
    const stored = decodedFingerprint(best.taskId, best.items)!;
    await store.db.transaction().execute(async (trx) => {
      await addItemToTask(store, taskId, itemId, best.score, trx);
      await setTaskCluster(
        store,
        taskId,
        {
          fingerprint: encodeTaskFingerprint(
            boundedItems([...stored.items, fingerprint], config.maxTaskFingerprints),
          ),
          score: Math.max(best.taskScore, classification.score),
        },
        trx,
      );
      await appendReviewLog(
        store,
        {
          taskId,
          entryId: null,
          actor: 'pipeline',
          action: 'cluster-join',
          before: null,
          after: {
            itemId,
            url: article.canonicalUrl,
            similarity: Number(best.score.toFixed(3)),
            why: best.why,
          },
        },
        trx,
      );
    });
    return { taskId, joined: true, similarity: best.score };
  }
  const taskId = await createTask(store, {
    itemId,
    title: article.title,
    kind: article.kind,
    lang: classification.lang,
    month,
    topCategory: topCategoryOf(classification),
    score: classification.score,
    fingerprint: encodeTaskFingerprint([fingerprint]),
  });
  return { taskId, joined: false };
}
