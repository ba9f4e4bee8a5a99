// Counts of the real dev set's manifest: language × category × label, per part, per kind and per source, so that
// gaps show before measuring and the report can quote them.
import type { ManifestEntry } from './real-dev-manifest.ts';

export interface ManifestStats {
  readonly total: number;
  readonly candidates: number;
  readonly byLang: Readonly<Record<string, { total: number; candidates: number }>>;
  /** category (or "none") → language → count */
  readonly byCategory: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** part ("unsplit" before the split) → language → {total, candidates} */
  readonly byPart: Readonly<Record<string, Readonly<Record<string, { total: number; candidates: number }>>>>;
  /** part → category → count */
  readonly categoryByPart: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly byScript: Readonly<Record<string, number>>;
  readonly pages: number;
  readonly withSecondCategory: number;
}

const bump = <K extends string>(o: Record<K, number>, k: K) => {
  o[k] = (o[k] ?? 0) + 1;
};

export function manifestStats(entries: readonly ManifestEntry[]): ManifestStats {
  const byLang: Record<string, { total: number; candidates: number }> = {};
  const byCategory: Record<string, Record<string, number>> = {};
  const byPart: Record<string, Record<string, { total: number; candidates: number }>> = {};
  const categoryByPart: Record<string, Record<string, number>> = {};
  const byKind: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  const byScript: Record<string, number> = {};
  for (const e of entries) {
    byLang[e.lang] ??= { total: 0, candidates: 0 };
    const l = byLang[e.lang]!;
    l.total++;
    if (e.candidate) l.candidates++;
    byCategory[e.category ?? 'none'] ??= {};
    bump(byCategory[e.category ?? 'none']!, e.lang);
    const part = e.part ?? 'unsplit';
    byPart[part] ??= {};
    byPart[part]![e.lang] ??= { total: 0, candidates: 0 };
    const p = byPart[part]![e.lang]!;
    p.total++;
    if (e.candidate) p.candidates++;
    categoryByPart[part] ??= {};
    bump(categoryByPart[part]!, e.category ?? 'none');
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
