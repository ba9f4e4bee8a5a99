// A pending task's cluster: the fingerprints of its items, kept as JSON in review_tasks.fingerprint.

import type { ClusterConfig } from './cluster-config.ts';
import { CLUSTER_CONFIG } from './cluster-config.ts';
import type { EventKeys } from './event-keys.ts';
import { compareFingerprints, type ItemFingerprint, type Similarity } from './item-fingerprint.ts';

export interface TaskFingerprint {
  readonly v: 1;
  readonly items: readonly ItemFingerprint[];
}

export function encodeTaskFingerprint(items: readonly ItemFingerprint[]): string {
  return JSON.stringify({ v: 1, items } satisfies TaskFingerprint);
}

const EMPTY_KEYS: EventKeys = { date: [], case: [], amount: [], article: [], name: [] };

/** Reads a stored fingerprint; a missing or foreign one (written before clustering existed) gives none. */
export function decodeTaskFingerprint(text: string | null): TaskFingerprint | null {
  if (!text?.startsWith('{')) return null;
  const parsed = JSON.parse(text) as Partial<TaskFingerprint>;
  if (parsed.v !== 1 || !Array.isArray(parsed.items)) return null;
  return {
    v: 1,
    items: parsed.items.map((i) => ({ ...i, keys: { ...EMPTY_KEYS, ...i.keys } })),
  };
}

/** The best match of an item against a task: the closest of the task's items. */
export function matchTask(
  item: ItemFingerprint,
  task: TaskFingerprint,
  config: ClusterConfig = CLUSTER_CONFIG,
): Similarity | null {
  let best: Similarity | null = null;
  for (const other of task.items) {
    const s = compareFingerprints(item, other, config);
    if (!best || (s.join && !best.join) || (s.join === best.join && s.score > best.score)) best = s;
  }
  return best;
}
