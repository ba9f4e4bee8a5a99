// Labelled texts kept as JSON Lines (config/training/base.jsonl, config/dev/classify.jsonl):
// {"id", "lang"?, "title"?, "text", "candidate", "category"} — category null for non-candidates.
import { readFileSync } from 'node:fs';
import { type CategoryId, inputError, isCategoryId, type Lang, parseJsonLines } from '../core/index.ts';

export interface LabelledText {
  readonly id: string;
  readonly lang?: Lang;
  readonly title?: string;
  readonly text: string;
  readonly candidate: boolean;
  readonly category: CategoryId | null;
  /** Free-form tags (e.g. "headline", "hard-negative") for the evaluation's breakdowns. */
  readonly tags: readonly string[];
}

const LANGS = new Set(['kk', 'ru', 'en', 'other']);

export function parseLabelledSet(content: string, file: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const { where, value: v } of parseJsonLines(content, file)) {
    if (typeof v.text !== 'string' || !v.text.trim())
      throw inputError(`${where}: "text" must be a non-empty string`);
    if (typeof v.candidate !== 'boolean') throw inputError(`${where}: "candidate" must be true or false`);
    const category = v.category ?? null;
    if (category !== null && !isCategoryId(category))
      throw inputError(`${where}: unknown category ${JSON.stringify(category)}`);
    if (v.candidate && category === null) throw inputError(`${where}: a candidate needs a category`);
    if (v.lang !== undefined && !LANGS.has(v.lang as string))
      throw inputError(`${where}: "lang" must be kk, ru, en or other`);
    out.push({
      id: typeof v.id === 'string' ? v.id : where,
      lang: v.lang as Lang | undefined,
      title: typeof v.title === 'string' ? v.title : undefined,
      text: v.text,
      candidate: v.candidate,
      category: v.candidate ? (category as CategoryId) : null,
      tags: Array.isArray(v.tags) ? v.tags.map(String) : [],
    });
  }
  return out;
}

export function readLabelledSet(file: string): LabelledText[] {
  return parseLabelledSet(readFileSync(file, 'utf8'), file);
}
