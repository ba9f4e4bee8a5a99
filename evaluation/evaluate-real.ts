// `npm run eval:classify -- --real`: the classifier on the real-text dev set — the committed manifest's labels and
// the git-ignored cache's excerpts — with the tuning and held-out parts apart, against the keyword baseline and a
// previous model. The cache is third-party text and never committed: when it is absent this says so and the
// caller exits 0 (CI keeps its floors on the committed sets).
import { existsSync, readFileSync } from 'node:fs';
import {
  type ClassifierReport,
  evaluateClassifier,
  type LabelledText,
  type Prf,
} from '../classifiers/index.ts';
import {
  baseCategory,
  type CategoryId,
  inputError,
  parseJsonLines,
  type TextClassifier,
} from '../core/index.ts';
import type { ManifestEntry, Part } from './real-dev-manifest.ts';

export interface RealSet {
  readonly items: readonly (LabelledText & {
    readonly part: Part | 'unsplit';
    readonly alsoFits: CategoryId | null;
  })[];
  /** Manifest entries whose excerpt is not in the cache (rebuild with `npm run real-dev -- build`). */
  readonly missing: readonly string[];
}

/** Joins the manifest with the cached excerpts; null when the cache file does not exist. */
export function loadRealSet(entries: readonly ManifestEntry[], excerptsPath: string): RealSet | null {
  if (!existsSync(excerptsPath)) return null;
  const texts = new Map<string, string>();
  for (const { where, value: v } of parseJsonLines(readFileSync(excerptsPath, 'utf8'), excerptsPath)) {
    if (typeof v.id !== 'string' || typeof v.text !== 'string')
      throw inputError(`${where}: needs string "id" and "text"`);
    texts.set(v.id, v.text);
  }
  const items: RealSet['items'][number][] = [];
  const missing: string[] = [];
  for (const e of entries) {
    const text = texts.get(e.id);
    if (text === undefined) {
      missing.push(e.id);
      continue;
    }
    items.push({
      id: e.id,
      lang: e.lang,
      text,
      candidate: e.candidate,
      category: e.category,
      alsoFits: e.alsoFits,
      part: e.part ?? 'unsplit',
      tags: [e.kind, `${e.lang}-${e.script}`, e.source],
    });
  }
  return { items, missing };
}

export interface RankFigures {
  readonly trueCandidates: number;
  /** Gold category first (a missed candidate counts as wrong). */
  readonly top1: number;
  /** Gold category among the first two. */
  readonly top2: number;
  /** Gold category's base id first (a finer 2024 id ranked as its base, or the base as the finer). */
  readonly top1Base: number;
  /** Violations judged candidates: the entries a reviewer sees in the queue. */
  readonly found: number;
  /** Gold category first among the found ones: the ranking alone, apart from the misses. */
  readonly top1Found: number;
}

export interface PartReport {
  readonly part: string;
  readonly size: number;
  readonly report: ClassifierReport;
  readonly ranks: RankFigures;
  readonly byLangRanks: Readonly<Record<string, RankFigures>>;
}

function rankFigures(classifier: TextClassifier, items: readonly LabelledText[]): RankFigures {
  let n = 0;
  let top1 = 0;
  let top2 = 0;
  let top1Base = 0;
  let found = 0;
  for (const t of items) {
    if (!t.candidate || !t.category) continue;
    n++;
    const language = classifier.detectLanguage(t.text);
    const r = classifier.classify({ title: '', text: t.text, kind: 'news' }, language);
    if (!r.candidate) continue;
    found++;
    const ids = r.categories.map((c) => c.id);
    if (ids[0] === t.category) top1++;
    if (ids.slice(0, 2).includes(t.category)) top2++;
    if (ids[0] && baseCategory(ids[0]) === baseCategory(t.category)) top1Base++;
  }
  const share = (k: number) => (n === 0 ? 1 : k / n);
  return {
    trueCandidates: n,
    top1: share(top1),
    top2: share(top2),
    top1Base: share(top1Base),
    found,
    top1Found: found === 0 ? 1 : top1 / found,
  };
}

export function evaluateRealParts(classifier: TextClassifier, set: RealSet): PartReport[] {
  const parts = [...new Set(set.items.map((t) => t.part))].sort((a, b) =>
    a === 'tuning' ? -1 : b === 'tuning' ? 1 : a.localeCompare(b),
  );
  return parts.map((part) =>
    partReport(
      classifier,
      part,
      set.items.filter((t) => t.part === part),
    ),
  );
}

/** Several parts measured as one (`--part fresh29,fresh30`): the pooled figures a session reports, by a command. */
export function evaluateRealPool(classifier: TextClassifier, set: RealSet, name: string): PartReport {
  return partReport(classifier, name, set.items);
}

function partReport(classifier: TextClassifier, part: string, items: RealSet['items']): PartReport {
  const langs = [...new Set(items.map((t) => t.lang ?? 'other'))].sort();
  return {
    part,
    size: items.length,
    report: evaluateClassifier(classifier, items),
    ranks: rankFigures(classifier, items),
    byLangRanks: Object.fromEntries(
      langs.map((l) => [
        l,
        rankFigures(
          classifier,
          items.filter((t) => (t.lang ?? 'other') === l),
        ),
      ]),
    ),
  };
}

const pct = (x: number) => x.toFixed(3);
const prfCell = (p: Prf) =>
  `P ${pct(p.precision)} R ${pct(p.recall)} F1 ${pct(p.f1)} (tp ${p.tp} fp ${p.fp} fn ${p.fn})`;

/** The printed table: per part, the model against the previous model and the keyword baseline. */
export function formatRealReport(
  current: readonly PartReport[],
  previous: readonly PartReport[] | null,
  labels: { current: string; previous?: string },
): string[] {
  const out: string[] = [];
  for (const pr of current) {
    const prev = previous?.find((p) => p.part === pr.part);
    const cls = pr.report.systems.find((s) => s.name === 'classifier')!;
    const kw = pr.report.systems.find((s) => s.name === 'keyword regex')!;
    const prevCls = prev?.report.systems.find((s) => s.name === 'classifier');
    out.push(`\n== ${pr.part}: ${pr.size} excerpts, ${pr.ranks.trueCandidates} violations ==`);
    out.push(`candidates            ${labels.current}`);
    out.push(`  ${'overall'.padEnd(20)}${prfCell(cls.overall)}`);
    for (const [lang, p] of Object.entries(cls.byLang))
      out.push(`  ${`lang ${lang}`.padEnd(20)}${prfCell(p)}`);
    for (const [tag, p] of Object.entries(cls.byTag)) out.push(`  ${tag.padEnd(20)}${prfCell(p)}`);
    if (prevCls) {
      out.push(`previous model        ${labels.previous ?? ''}`);
      out.push(`  ${'overall'.padEnd(20)}${prfCell(prevCls.overall)}`);
      for (const [lang, p] of Object.entries(prevCls.byLang))
        out.push(`  ${`lang ${lang}`.padEnd(20)}${prfCell(p)}`);
    }
    out.push('keyword baseline');
    out.push(`  ${'overall'.padEnd(20)}${prfCell(kw.overall)}`);
    for (const [lang, p] of Object.entries(kw.byLang))
      out.push(`  ${`lang ${lang}`.padEnd(20)}${prfCell(p)}`);
    const rk = (r: RankFigures) =>
      `top-1 ${pct(r.top1)}  top-2 ${pct(r.top2)}  top-1 by base id ${pct(r.top1Base)}  (${r.trueCandidates} violations)  top-1 of the ${r.found} found ${pct(r.top1Found)}`;
    out.push('category of true violations (a miss counts as wrong)');
    out.push(`  ${'overall'.padEnd(20)}${rk(pr.ranks)}`);
    for (const [lang, r] of Object.entries(pr.byLangRanks))
      out.push(`  ${`lang ${lang}`.padEnd(20)}${rk(r)}`);
    if (prev) out.push(`  ${'previous model'.padEnd(20)}${rk(prev.ranks)}`);
    out.push('per category (top category of texts judged candidates)');
    for (const [id, p] of Object.entries(pr.report.categories)) out.push(`  ${id.padEnd(22)}${prfCell(p)}`);
    out.push('confusion (gold → predicted top category, violations found)');
    for (const [gold, row] of Object.entries(pr.report.confusion))
      out.push(
        `  ${gold.padEnd(22)}${Object.entries(row)
          .map(([k, n]) => `${k}:${n}`)
          .join('  ')}`,
      );
  }
  return out;
}
