// The log of label corrections to the real dev set's manifest (config/dev/real/label-corrections.jsonl). The
// manifest is append-only for gatherers; a label that contradicts a labelling rule decided later is corrected in
// place only with a line here saying what it was, what it is now, which rule and why (docs/real-dev-set.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CategoryId, CONFIG_DIR, inputError, isCategoryId, parseJsonLines } from '../core/index.ts';
import type { ManifestEntry } from './real-dev-manifest.ts';

export const LABEL_CORRECTIONS_PATH = resolve(CONFIG_DIR, 'dev', 'real', 'label-corrections.jsonl');

export interface LabelState {
  readonly category: CategoryId | null;
  readonly alsoFits: CategoryId | null;
  readonly reason: string;
}

export interface LabelCorrection {
  readonly id: string;
  readonly from: LabelState;
  readonly to: LabelState;
  /** The labelling rule that decided it (a name the docs define, e.g. "administrative-arrest"). */
  readonly rule: string;
  readonly by: string;
  readonly date: string;
}

function labelState(v: unknown, where: string): LabelState {
  if (typeof v !== 'object' || v === null) throw inputError(`${where} must be an object`);
  const o = v as Record<string, unknown>;
  for (const k of ['category', 'alsoFits'] as const)
    if (o[k] !== null && !isCategoryId(o[k]))
      throw inputError(`${where}.${k}: unknown category ${JSON.stringify(o[k])}`);
  if (typeof o.reason !== 'string' || !o.reason.trim())
    throw inputError(`${where}.reason must be a non-empty string`);
  return {
    category: o.category as CategoryId | null,
    alsoFits: o.alsoFits as CategoryId | null,
    reason: o.reason,
  };
}

export function parseLabelCorrections(content: string, file: string): LabelCorrection[] {
  return parseJsonLines(content, file).map(({ where, value: v }) => {
    for (const k of ['id', 'rule', 'by'] as const)
      if (typeof v[k] !== 'string' || !(v[k] as string).trim())
        throw inputError(`${where}: "${k}" must be a non-empty string`);
    if (typeof v.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.date))
      throw inputError(`${where}: "date" must be YYYY-MM-DD`);
    return {
      id: v.id as string,
      from: labelState(v.from, `${where}: "from"`),
      to: labelState(v.to, `${where}: "to"`),
      rule: v.rule as string,
      by: v.by as string,
      date: v.date,
    };
  });
}

export function readLabelCorrections(file: string = LABEL_CORRECTIONS_PATH): LabelCorrection[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(`cannot read the label corrections log ${file}: ${(error as Error).message}`, error);
  }
  return parseLabelCorrections(content, file);
}

/**
 * Problems between the log and the manifest: a corrected id the manifest lacks, or a manifest label that is not
 * the last correction's `to` (an edit made without a log line, or a log line for an edit that was lost).
 */
export function labelCorrectionProblems(
  entries: readonly ManifestEntry[],
  corrections: readonly LabelCorrection[],
): string[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const last = new Map(corrections.map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const c of last.values()) {
    const e = byId.get(c.id);
    if (!e) {
      problems.push(`${c.id}: corrected in the log but not in the manifest`);
      continue;
    }
    for (const k of ['category', 'alsoFits', 'reason'] as const)
      if (e[k] !== c.to[k])
        problems.push(
          `${c.id}: manifest ${k} ${JSON.stringify(e[k])} is not the correction's ${JSON.stringify(c.to[k])}`,
        );
  }
  return problems;
}
