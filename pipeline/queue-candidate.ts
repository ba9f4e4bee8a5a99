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
  serializeCandidateQueueing,
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

export interface CandidateToQueue {
  readonly itemId: number;
  readonly article: Article;
  readonly classification: Classification;
}

export interface QueuedCandidate {
  readonly taskId: number;
  readonly joined: boolean;
  readonly similarity?: number;
}

export async function queueCandidate(
  store: Store,
  itemId: number,
  article: Article,
  classification: Classification,
  config: ClusterConfig = CLUSTER_CONFIG,
): Promise<QueuedCandidate> {
  const [queued] = await queueCandidates(store, [{ itemId, article, classification }], config);
  return queued!;
}

/** An open task as the candidates of one batch see it: read once, then kept up to date in memory. */
interface OpenTask {
  readonly taskId: number;
  text: string | null;
  fp: TaskFingerprint | null;
  score: number;
}

/**
 * queueCandidate for the candidates of one crawl batch, in order, in ONE transaction: the open tasks of a
 * month window are read once for the batch (every candidate read them all again before, with each
 * task's whole fingerprint list), tasks created or joined by earlier candidates of the batch are seen by
 * later ones exactly as if read back, and a joined task's fingerprint is written once, at the end.
 */
export async function queueCandidates(
  store: Store,
  candidates: readonly CandidateToQueue[],
  config: ClusterConfig = CLUSTER_CONFIG,
  /** More writes that belong with the queueing, in its transaction (a reviewer's addition). */
  alongside?: (trx: Store['db'], queued: readonly QueuedCandidate[]) => Promise<void>,
): Promise<QueuedCandidate[]> {
  if (candidates.length === 0) return [];
  return store.db.transaction().execute(async (trx) => {
    // Workers on several machines queue at once: one at a time, so each sees the tasks the others made.
    await serializeCandidateQueueing(store, trx);
    const windows = new Map<string, OpenTask[]>();
    const changed = new Set<OpenTask>();
    const openTasks = async (kind: Article['kind'], months: readonly string[]) => {
      const key = `${kind}|${months.join(',')}`;
      let tasks = windows.get(key);
      if (!tasks) {
        const known = new Map([...windows.values()].flat().map((t) => [t.taskId, t]));
        const rows = await openTaskFingerprints(store, { kind, months }, trx);
        // A task already loaded for another window is the same record, with this batch's changes.
        tasks = rows.map(
          (r) =>
            known.get(r.taskId) ?? {
              taskId: r.taskId,
              text: r.fingerprint,
              fp: decodedFingerprint(r.taskId, r.fingerprint),
              score: r.score,
            },
        );
        windows.set(key, tasks);
      }
      return tasks;
    };
    const out: QueuedCandidate[] = [];
    for (const { itemId, article, classification } of candidates) {
      const month = (article.publishedAt ?? article.fetchedAt).slice(0, 7);
      const already = await taskOfItem(store, itemId, trx);
      if (already !== null) {
        out.push({ taskId: already, joined: false });
        continue;
      }
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
      const open = await openTasks(article.kind, monthsAround(month, config.monthWindow));
      let best: { task: OpenTask; score: number; why: string } | null = null;
      for (const t of open) {
        if (!t.fp) continue;
        const s = matchTask(fingerprint, t.fp, config);
        if (s?.join && (!best || s.score > best.score)) best = { task: t, score: s.score, why: s.why };
      }
      if (best) {
        const { task } = best;
        await addItemToTask(store, task.taskId, itemId, best.score, trx);
        task.text = encodeTaskFingerprint(
          boundedItems([...task.fp!.items, fingerprint], config.maxTaskFingerprints),
        );
        task.fp = decodedFingerprint(task.taskId, task.text);
        task.score = Math.max(task.score, classification.score);
        changed.add(task);
        await appendReviewLog(
          store,
          {
            taskId: task.taskId,
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
        out.push({ taskId: task.taskId, joined: true, similarity: best.score });
        continue;
      }
      const text = encodeTaskFingerprint([fingerprint]);
      const taskId = await createTask(
        store,
        {
          itemId,
          title: article.title,
          kind: article.kind,
          lang: classification.lang,
          month,
          topCategory: topCategoryOf(classification),
          score: classification.score,
          fingerprint: text,
        },
        trx,
      );
      // Later candidates of the batch whose month window covers this month see the new task.
      const created: OpenTask = {
        taskId,
        text,
        fp: decodedFingerprint(taskId, text),
        score: classification.score,
      };
      for (const [key, tasks] of windows) {
        const [kind, months] = key.split('|') as [string, string];
        if (kind === article.kind && months.split(',').includes(month)) tasks.push(created);
      }
      out.push({ taskId, joined: false });
    }
    for (const task of changed)
      await setTaskCluster(store, task.taskId, { fingerprint: task.text!, score: task.score }, trx);
    if (alongside) await alongside(trx, out);
    return out;
  });
}
