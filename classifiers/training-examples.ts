// What `soz train` learns from: the project's base set plus every reviewer's decision (labels in storage).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, isCategoryId, type Lang } from '../core/index.ts';
import { readLabelledSet } from './read-labelled-set.ts';
import type { TrainingExample } from './train-model.ts';

export const TRAINING_DIR = resolve(CONFIG_DIR, 'training');

export function baseExamples(dir: string = TRAINING_DIR): TrainingExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readLabelledSet(resolve(dir, f)))
    .map((e) => ({
      id: e.id,
      title: e.title,
      text: e.text,
      lang: e.lang,
      candidate: e.candidate,
      category: e.category,
      origin: 'base' as const,
    }));
}

export interface ReviewLabel {
  readonly itemId: number;
  readonly candidate: boolean;
  readonly category: string | null;
  readonly title: string;
  readonly text: string;
  readonly lang: string | null;
}

const LANGS: ReadonlySet<string> = new Set(['kk', 'ru', 'en', 'other']);

/** Reviewers' labels as training examples; those that cannot be used are returned with the reason. */
export function reviewExamples(labels: readonly ReviewLabel[]): {
  examples: TrainingExample[];
  skipped: { itemId: number; reason: string }[];
} {
  const examples: TrainingExample[] = [];
  const skipped: { itemId: number; reason: string }[] = [];
  for (const l of labels) {
    if (!l.text.trim() && !l.title.trim()) {
      skipped.push({ itemId: l.itemId, reason: 'no text' });
      continue;
    }
    if (l.candidate && !isCategoryId(l.category)) {
      skipped.push({
        itemId: l.itemId,
        reason: `candidate with unknown category ${JSON.stringify(l.category)}`,
      });
      continue;
    }
    examples.push({
      id: `item-${l.itemId}`,
      title: l.title,
      text: l.text,
      lang: l.lang && LANGS.has(l.lang) ? (l.lang as Lang) : undefined,
      candidate: l.candidate,
      category: l.candidate && isCategoryId(l.category) ? l.category : null,
      origin: 'review',
    });
  }
  return { examples, skipped };
}
