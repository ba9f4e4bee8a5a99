// What the Classifier page and `soz review stats` show: how the classifier fares by reviewers' decisions.
// Per period (the last 30 and 90 days of decisions): precision per category and per language — of the
// items the classifier flagged and reviewers decided on, the share confirmed (a label per item: a
// confirmed task of three reports counts three) — the rejections by reason, the misses (confirmed items
// the classifier had not flagged: below the line when a reviewer added them by URL, or not a candidate
// when classified), the model in use, and how many people it knows by name (watch list and dataset).
import { type KnownPeopleCount, knownPeople, knownPeopleCount } from '../../classifiers/index.ts';
import {
  additionsSince,
  type DecidedItem,
  decidedItemsSince,
  loadKnownMedia,
  rejectionReasonsSince,
  type Store,
} from '../../storage/index.ts';

export const STATS_PERIODS = [30, 90] as const;

export interface PrecisionRow {
  /** Flagged items reviewers decided on. */
  readonly decided: number;
  readonly confirmed: number;
  /** confirmed / decided; null when nothing was decided. */
  readonly precision: number | null;
  /** Confirmed items whose reviewer category is the classifier's top category. */
  readonly categoryRight: number;
}

export interface MissRow {
  readonly itemId: number;
  readonly lang: string | null;
  readonly category: string | null;
  readonly score: number | null;
  readonly decidedAt: string;
  /** Who added it by URL; null: it reached the queue some other way (joined an event, an older model). */
  readonly addedBy: string | null;
}

export interface PeriodStats {
  readonly days: number;
  readonly since: string;
  readonly overall: PrecisionRow;
  readonly byCategory: Readonly<Record<string, PrecisionRow>>;
  readonly byLang: Readonly<Record<string, PrecisionRow>>;
  readonly rejections: readonly { reason: string; count: number }[];
  readonly misses: readonly MissRow[];
  /** Reports reviewers added by URL in the period, and how many of those were below the line. */
  readonly added: number;
  readonly addedBelowLine: number;
}

export interface ModelInUse {
  readonly version: string;
  readonly trainedAt: string;
  readonly base: number;
  readonly reviewed: number;
  /** Labelled violations of the real dev set the category model also learnt from (train:model -- --real); 0: none. */
  readonly realViolations: number;
  /** The languages whose decision a real-text calibration sets (calibrate:real), and what it was fitted on. */
  readonly calibrated: readonly string[];
  readonly calibratedOn: string | null;
  /** The real-text layer that decides over the base decision (real-text-layer.ts), or null: none. */
  readonly layer: {
    readonly examples: number;
    readonly violations: number;
    readonly line: number;
    readonly fittedOn: string;
  } | null;
}

export interface ClassifierStats {
  readonly generatedAt: string;
  readonly model: ModelInUse | null;
  /** People the classifier knows by name: the watch list's, and the dataset's not already on it. */
  readonly knownPeople: KnownPeopleCount;
  readonly periods: readonly PeriodStats[];
}

/** The classifier's verdict when the reviewer decided: the newest classification made before it. */
export function verdictAtDecision(d: DecidedItem): DecidedItem['classifications'][number] | null {
  let pick: DecidedItem['classifications'][number] | null = null;
  for (const c of d.classifications) if (c.createdAt <= d.decidedAt) pick = c;
  return pick ?? d.classifications[0] ?? null;
}

function topOf(categories: DecidedItem['classifications'][number]['categories']): string | null {
  let best: (typeof categories)[number] | null = null;
  for (const c of categories) if (!best || c.score > best.score) best = c;
  return best?.id ?? null;
}

const emptyRow = () => ({ decided: 0, confirmed: 0, categoryRight: 0 });
const finish = (r: { decided: number; confirmed: number; categoryRight: number }): PrecisionRow => ({
  ...r,
  precision: r.decided === 0 ? null : r.confirmed / r.decided,
});

export async function periodStats(store: Store, days: number, now: Date): Promise<PeriodStats> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const items = await decidedItemsSince(store, since);
  const overall = emptyRow();
  const byCategory = new Map<string, ReturnType<typeof emptyRow>>();
  const byLang = new Map<string, ReturnType<typeof emptyRow>>();
  const misses: MissRow[] = [];
  for (const d of items) {
    const verdict = verdictAtDecision(d);
    // A report added by URL was flagged only if the classifier itself had scored it a candidate then.
    const flagged = d.addition ? d.addition.candidate : (verdict?.candidate ?? false);
    if (!flagged) {
      if (d.confirmed)
        misses.push({
          itemId: d.itemId,
          lang: d.lang,
          category: d.category,
          score: d.addition?.score ?? verdict?.score ?? null,
          decidedAt: d.decidedAt,
          addedBy: d.addition?.addedBy ?? null,
        });
      continue;
    }
    const top = verdict ? topOf(verdict.categories) : null;
    const rows = [
      overall,
      ...(top ? [byCategory.get(top) ?? byCategory.set(top, emptyRow()).get(top)!] : []),
      byLang.get(d.lang ?? 'other') ?? byLang.set(d.lang ?? 'other', emptyRow()).get(d.lang ?? 'other')!,
    ];
    for (const r of rows) {
      r.decided++;
      if (d.confirmed) r.confirmed++;
      if (d.confirmed && top !== null && d.category === top) r.categoryRight++;
    }
  }
  const sorted = (m: Map<string, ReturnType<typeof emptyRow>>) =>
    Object.fromEntries([...m].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, finish(v)]));
  const added = await additionsSince(store, since);
  return {
    days,
    since,
    overall: finish(overall),
    byCategory: sorted(byCategory),
    byLang: sorted(byLang),
    rejections: await rejectionReasonsSince(store, since),
    misses: misses.reverse(),
    added: added.length,
    addedBelowLine: added.filter((a) => !a.classifierCandidate).length,
  };
}

export async function classifierStats(
  store: Store,
  model: ModelInUse | null,
  now: Date = new Date(),
): Promise<ClassifierStats> {
  const periods: PeriodStats[] = [];
  for (const days of STATS_PERIODS) periods.push(await periodStats(store, days, now));
  const known = knownPeopleCount(knownPeople(await loadKnownMedia(store)));
  return { generatedAt: now.toISOString(), model, knownPeople: known, periods };
}
