// Counts of the real dev set's manifest: language × category × label, per part, per kind and per source, so that
// gaps show before measuring and the report can quote them.

import type { ManifestEntry } from './real-dev-manifest.ts';
import type { GroupMap } from './real-dev-split.ts';
import { partOf } from './split-real-dev.ts';

export interface ManifestStats {
  readonly total: number;
  readonly candidates: number;
  readonly byLang: Readonly<Record<string, { total: number; candidates: number }>>;
  /** category (or "none") → language → count */
  readonly byCategory: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** part (tuning, heldout or one of FRESH_PARTS; see split-real-dev.ts) → language → {total, candidates} */
  readonly byPart: Readonly<Record<string, Readonly<Record<string, { total: number; candidates: number }>>>>;
  /** part → category → count */
  readonly categoryByPart: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly byScript: Readonly<Record<string, number>>;
  readonly pages: number;
  readonly withSecondCategory: number;
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/** The value under `key`, created by `make` the first time. */
function slot<T>(o: Record<string, T>, key: string, make: () => T): T {
  const had = o[key];
  if (had !== undefined) return had;
  const made = make();
  o[key] = made;
  return made;
}

const counts = () => ({ total: 0, candidates: 0 });

export function manifestStats(
  entries: readonly ManifestEntry[],
  groups: GroupMap = new Map(),
): ManifestStats {
  const byLang: Record<string, { total: number; candidates: number }> = {};
  const byCategory: Record<string, Record<string, number>> = {};
  const byPart: Record<string, Record<string, { total: number; candidates: number }>> = {};
  const categoryByPart: Record<string, Record<string, number>> = {};
  const byKind: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  const byScript: Record<string, number> = {};
  for (const e of entries) {
    const part = partOf(e, groups);
    for (const c of [
      slot(byLang, e.lang, counts),
      slot(
        slot(byPart, part, () => ({})),
        e.lang,
        counts,
      ),
    ]) {
      c.total++;
      if (e.candidate) c.candidates++;
    }
    bump(
      slot(byCategory, e.category ?? 'none', () => ({})),
      e.lang,
    );
    bump(
      slot(categoryByPart, part, () => ({})),
      e.category ?? 'none',
    );
    bump(byKind, e.kind);
    bump(bySource, e.source);
    bump(byScript, `${e.lang}-${e.script}`);
  }
  return {
    total: entries.length,
    candidates: entries.filter((e) => e.candidate).length,
    byLang,
    byCategory,
    byPart,
    categoryByPart,
    byKind,
    bySource,
    byScript,
    pages: new Set(entries.map((e) => e.url)).size,
    withSecondCategory: entries.filter((e) => e.alsoFits).length,
  };
}
