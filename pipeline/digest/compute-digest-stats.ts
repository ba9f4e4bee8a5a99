// Every number of the monthly report, computed from confirmed entries, each with the ids it counts. The
// rules are documented in docs/digest.md; in short: an entry counts in the month it is filed under
// (`month`), ongoing entries (a case already counted in an earlier month) are shown but never counted,
// charges are counted by their category, judicial acts only in the judicial-acts sentence — and there as
// the acts of the month of every case, even one counted earlier (a decision is news of its month).
import { type Block, CATEGORY_IDS, type CategoryId, type DatasetEntry } from '../../core/index.ts';

export interface Counted {
  /** A count, or a sum of tenge for amounts. */
  readonly value: number;
  readonly ids: readonly string[];
}

export interface ChargeCounts {
  readonly criminal: Counted;
  readonly criminalInCourt: Counted;
  readonly civil: Counted;
  readonly civilHonour: Counted;
  readonly administrative: Counted;
}

export interface ClassicStats {
  readonly judicialActs: Counted;
  readonly judicialActsForMedia: Counted;
  readonly month: ChargeCounts;
  readonly ytd: ChargeCounts;
  readonly claimed: Counted;
  readonly awarded: Counted;
}

export interface YtdComparison {
  readonly current: Counted;
  readonly previous: Counted;
}

export interface BlockStats {
  readonly blocks: Readonly<Record<Block, Counted>>;
  readonly categories: Readonly<Record<CategoryId, Counted>>;
  readonly ytdBlocks: Readonly<Record<Block, YtdComparison>>;
  readonly ytdCategories: Readonly<Record<CategoryId, YtdComparison>>;
}

export interface DigestStats {
  readonly month: string;
  /** All entries filed under the month, ongoing ones included (they are narrated, not counted). */
  readonly monthEntries: readonly DatasetEntry[];
  readonly ongoing: Counted;
  readonly classic: ClassicStats;
  readonly blocks: BlockStats;
  /** Counted entries per category for each month of the year up to the month (index 0 = January). */
  readonly chart: Readonly<Record<CategoryId, readonly number[]>>;
  /** Whether the dataset holds any entry of the previous year (else its comparisons say "no data"). */
  readonly previousYearHasData: boolean;
}

const count = (entries: readonly DatasetEntry[]): Counted => ({
  value: entries.length,
  ids: entries.map((e) => e.id),
});

const sum = (entries: readonly DatasetEntry[], amount: (e: DatasetEntry) => number | null): Counted => {
  const withAmount = entries.filter((e) => amount(e) !== null);
  return { value: withAmount.reduce((s, e) => s + (amount(e) ?? 0), 0), ids: withAmount.map((e) => e.id) };
};

function chargeCounts(entries: readonly DatasetEntry[]): ChargeCounts {
  const charges = entries.filter((e) => e.stage === 'charge');
  const criminal = charges.filter((e) => e.category === 'criminal_charge');
  const civil = charges.filter((e) => e.category === 'civil_claim');
  return {
    criminal: count(criminal),
    criminalInCourt: count(criminal.filter((e) => e.inCourt)),
    civil: count(civil),
    civilHonour: count(civil.filter((e) => e.isHonorDignity)),
    administrative: count(charges.filter((e) => e.category === 'administrative_charge')),
  };
}

function perCategory(entries: readonly DatasetEntry[]): Record<CategoryId, Counted> {
  return Object.fromEntries(
    CATEGORY_IDS.map((id) => [id, count(entries.filter((e) => e.category === id))]),
  ) as Record<CategoryId, Counted>;
}

function perBlock(entries: readonly DatasetEntry[]): Record<Block, Counted> {
  return {
    A: count(entries.filter((e) => e.block === 'A')),
    B: count(entries.filter((e) => e.block === 'B')),
    C: count(entries.filter((e) => e.block === 'C')),
  };
}

const inMonths = (entries: readonly DatasetEntry[], from: string, to: string) =>
  entries.filter((e) => e.month >= from && e.month <= to);

/**
 * A judicial act the judicial-acts figures count: one of a case always (the cases' acts of the month,
 * even of a case counted earlier); one without a case unless it was recorded as ongoing.
 */
export const isCountedAct = (e: DatasetEntry): boolean =>
  e.stage === 'judicial_act' && (!!e.caseId || !e.ongoing);

export interface DigestStatsOptions {
  /** Cases on honour, dignity and business reputation: their acts count as such. */
  readonly honourCases?: ReadonlySet<string>;
}

/**
 * Computes the statistics of `month` (YYYY-MM) from confirmed entries of any period: only the month, the
 * year to date and the same months of the previous year are read.
 */
export function computeDigestStats(
  entries: readonly DatasetEntry[],
  month: string,
  options: DigestStatsOptions = {},
): DigestStats {
  const year = Number(month.slice(0, 4));
  const mm = month.slice(5, 7);
  const counted = entries.filter((e) => !e.ongoing);
  const monthEntries = entries.filter((e) => e.month === month);
  const monthCounted = counted.filter((e) => e.month === month);
  const ytd = inMonths(counted, `${year}-01`, month);
  const prevYtd = inMonths(counted, `${year - 1}-01`, `${year - 1}-${mm}`);

  const honour = (e: DatasetEntry) =>
    e.isHonorDignity || (!!e.caseId && (options.honourCases?.has(e.caseId) ?? false));
  const acts = monthEntries.filter((e) => isCountedAct(e) && honour(e));
  const ytdActs = inMonths(entries, `${year}-01`, month).filter(isCountedAct);
  const classic: ClassicStats = {
    judicialActs: count(acts),
    judicialActsForMedia: count(acts.filter((e) => e.outcome === 'for_media')),
    month: chargeCounts(monthCounted),
    ytd: chargeCounts(ytd),
    // A claim's amount is recorded on the charge (the claim as filed); what courts collected, on the act.
    claimed: sum(
      ytd.filter((e) => e.stage === 'charge'),
      (e) => e.claimedAmountKzt,
    ),
    awarded: sum(ytdActs, (e) => e.awardedAmountKzt),
  };

  const curBlocks = perBlock(ytd);
  const prevBlocks = perBlock(prevYtd);
  const curCats = perCategory(ytd);
  const prevCats = perCategory(prevYtd);
  const blocks: BlockStats = {
    blocks: perBlock(monthCounted),
    categories: perCategory(monthCounted),
    ytdBlocks: {
      A: { current: curBlocks.A, previous: prevBlocks.A },
      B: { current: curBlocks.B, previous: prevBlocks.B },
      C: { current: curBlocks.C, previous: prevBlocks.C },
    },
    ytdCategories: Object.fromEntries(
      CATEGORY_IDS.map((id) => [id, { current: curCats[id], previous: prevCats[id] }]),
    ) as Record<CategoryId, YtdComparison>,
  };

  const monthsSoFar = Number(mm);
  const chart = Object.fromEntries(
    CATEGORY_IDS.map((id) => {
      const perMonth = Array.from({ length: monthsSoFar }, () => 0);
      for (const e of ytd) if (e.category === id) perMonth[Number(e.month.slice(5, 7)) - 1]!++;
      return [id, perMonth];
    }),
  ) as Record<CategoryId, number[]>;

  return {
    month,
    monthEntries,
    ongoing: count(monthEntries.filter((e) => e.ongoing)),
    classic,
    blocks,
    chart,
    previousYearHasData: entries.some((e) => e.month.startsWith(`${year - 1}-`)),
  };
}
