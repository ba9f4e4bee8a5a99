// An id for an imported row that has none, derived from its content so that importing the same file again
// finds the same entries instead of adding them twice.
import { createHash } from 'node:crypto';
import type { DatasetEntry } from '../../core/index.ts';

type EntryContent = Omit<DatasetEntry, 'id'>;

function contentKey(e: EntryContent): string {
  return JSON.stringify([
    e.month,
    e.eventDate,
    e.category,
    e.stage,
    e.inCourt,
    e.outcome,
    e.claimedAmountKzt,
    e.awardedAmountKzt,
    e.lawArticle,
    e.isHonorDignity,
    e.summary.replace(/\s+/g, ' ').trim(),
    e.lang,
    [...e.sources].sort(),
    [...e.people].sort(),
    [...e.outlets].sort(),
    [...e.actors].sort(),
    e.court,
    e.caseNumber,
    e.region,
    e.ongoing,
  ]);
}

/**
 * Assigns ids to entries without one. Spreadsheets of past years often hold identical counting-only rows
 * (two judicial acts with no summary), so the n-th identical row of a file gets the suffix n: the same file
 * always yields the same ids, and identical rows stay distinct entries.
 */
export function assignStableIds(entries: readonly (EntryContent & { id: string | null })[]): DatasetEntry[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    if (e.id) return { ...e, id: e.id };
    const key = contentKey(e);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const hash = createHash('sha256').update(key).update(`#${n}`).digest('hex').slice(0, 16);
    return { ...e, id: `${e.month}-${hash}` };
  });
}
