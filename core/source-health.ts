// Source health: what one crawl measured of one news source, and the flags raised when it differs sharply
// from the source's recent runs (a redesign, a moved feed, a 403 wall). Measuring happens in the crawler,
// storing in storage/, showing in the CLI and the review UI: the record and its assessment live here so
// every one of them reads the same thing.

/** The kinds of flag, each shown under its own name in the review UI. */
export const HEALTH_FLAG_KINDS = [
  'failing',
  'links',
  'rejections',
  'body-length',
  'dates',
  'extraction',
  'language',
  'short',
] as const;
export type HealthFlagKind = (typeof HEALTH_FLAG_KINDS)[number];

/** How one source's part of a crawl ended. */
export const SOURCE_RUN_STATUSES = ['running', 'succeeded', 'failed', 'blocked'] as const;

/**
 * What a flag measured, for wording it in any language: `before` is the usual value over the earlier runs,
 * `after` this run's. Shares are 0..1, counts and lengths are numbers. Some kinds name more:
 * failing: `status` (failed|blocked), `reason`, `succeeded` of `runs`; rejections: `reason`;
 * extraction: `was` (the usual method, `before` its usual share, `after` its share now) and `now` (the
 * method most bodies came by now); language: `was` and `now` languages, `after` the share of `now`.
 */
export interface HealthFlagFigures {
  readonly before: number;
  readonly after: number;
  readonly status?: string;
  readonly reason?: string;
  readonly succeeded?: number;
  readonly runs?: number;
  readonly was?: string;
  readonly now?: string;
}

export interface HealthFlag {
  readonly kind: HealthFlagKind;
  /** One sentence in English for the CLI and the report: what changed, from what to what, what it may mean. */
  readonly message: string;
  /** The figures behind the message (absent on flags stored before they were kept). */
  readonly figures?: HealthFlagFigures;
}

/** One crawl of one source, measured. Shares are 0..1; null when nothing was extracted. */
export interface SourceHealth {
  readonly status: string;
  /**
   * Article links the entry points list (after the source's articlePattern), new or known; null when they
   * answered 304 (unchanged since the last run) and so were not read.
   */
  readonly linksFound: number | null;
  /** Article pages requested. */
  readonly fetched: number;
  /** Articles extracted from the fetched pages (stored as new, updated or unchanged). */
  readonly extracted: number;
  /** New or changed items stored. */
  readonly stored: number;
  /** Extracted bodies under the extraction threshold, kept because the outlet lists them as news. */
  readonly short: number;
  /** Bodies taken from the feed's description or the structured data because extraction found less. */
  readonly fallbacks: number;
  /** Pages (and entry points) not stored, counted by reason ("HTTP 403", "body too short", …). */
  readonly rejected: Readonly<Record<string, number>>;
  readonly medianBodyChars: number | null;
  readonly datedShare: number | null;
  /** Detected languages of the extracted articles ("ru", "kk", "kk-latn", …) with their counts. */
  readonly languages: Readonly<Record<string, number>>;
  /** How the bodies were found (selectors, jsonld, microdata, generic, feed) with their counts. */
  readonly extractedBy: Readonly<Record<string, number>>;
  readonly flags: readonly HealthFlag[];
}

export interface HealthThresholds {
  /** Earlier runs compared against. */
  readonly historyRuns: number;
  /** Fewer articles than this in a run say nothing about its extraction. */
  readonly minArticles: number;
  /** Links found below this share of the usual number is a sharp drop. */
  readonly linksDropRatio: number;
  /** A median body length below this share of the usual one is a sharp drop. */
  readonly bodyLengthDropRatio: number;
  /** A share (dated, short, rejected, extracted by a method, in a language) moving this much is sharp. */
  readonly shareChange: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  historyRuns: 7,
  minArticles: 3,
  linksDropRatio: 0.3,
  bodyLengthDropRatio: 0.5,
  shareChange: 0.4,
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The key a rejection or failure reason is counted under: its words without URLs, sizes and counts. */
export function reasonKey(reason: string): string {
  const stripped = reason
    .replace(/^\S+:\/\/\S+?:\s/, '')
    .replace(/\s+at \S+:\/\/[^\s,]+?(?=[:,]?\s|[:,]?$)/g, '')
    .replace(/\s*\(.*$/, '')
    .replace(/:\s.*$/, '')
    .replace(/\b\d{4,}\b/g, 'N')
    .trim();
  return stripped || 'unknown';
}

const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The most frequent key and its share, or null. */
function dominant(mix: Readonly<Record<string, number>>): { key: string; share: number } | null {
  const total = sum(mix);
  let best: { key: string; share: number } | null = null;
  for (const [key, n] of Object.entries(mix))
    if (!best || n / total > best.share) best = { key, share: n / total };
  return total > 0 ? best : null;
}

function addMix(into: Record<string, number>, mix: Readonly<Record<string, number>>) {
  for (const [k, n] of Object.entries(mix)) into[k] = (into[k] ?? 0) + n;
}

/**
 * Flags for `current` against `history` (earlier runs of the same source, newest first; only the first
 * `historyRuns` are read). No history, no flags: the first run is the baseline.
 */
export function assessSourceHealth(
  current: Omit<SourceHealth, 'flags'>,
  history: readonly SourceHealth[],
  t: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthFlag[] {
  const past = history.slice(0, t.historyRuns);
  if (past.length === 0) return [];
  const flags: HealthFlag[] = [];
  const worked = past.filter((h) => h.status === 'succeeded');
  const topReason = Object.entries(current.rejected).sort((a, b) => b[1] - a[1])[0]?.[0];

  if ((current.status === 'failed' || current.status === 'blocked') && worked.length * 2 > past.length) {
    flags.push({
      kind: 'failing',
      message: `the source ${current.status === 'blocked' ? 'is blocked' : 'failed'}${topReason ? ` (${topReason})` : ''} after ${worked.length} of its last ${past.length} runs succeeded: a moved feed, a 403 wall or a site down?`,
      figures: {
        before: worked.length / past.length,
        after: 0,
        status: current.status,
        ...(topReason ? { reason: topReason } : {}),
        succeeded: worked.length,
        runs: past.length,
      },
    });
  }
  const usualLinks = median(worked.flatMap((h) => (h.linksFound === null ? [] : [h.linksFound])));
  if (
    usualLinks !== null &&
    usualLinks >= t.minArticles &&
    current.linksFound !== null &&
    current.linksFound < usualLinks * t.linksDropRatio
  ) {
    flags.push({
      kind: 'links',
      message: `article links found fell to ${current.linksFound} from about ${Math.round(usualLinks)}: a moved feed or sitemap, or article URLs no longer matching the source's pattern?`,
      figures: { before: usualLinks, after: current.linksFound },
    });
  }

  const rejectedNow = sum(current.rejected);
  const rejectedShare = share(rejectedNow, current.extracted + rejectedNow);
  const measured = past.filter((h) => h.extracted >= t.minArticles);
  if (current.extracted + rejectedNow >= t.minArticles && rejectedShare !== null) {
    const usual = median(
      past
        .filter((h) => h.extracted + sum(h.rejected) >= t.minArticles)
        .map((h) => sum(h.rejected) / (h.extracted + sum(h.rejected))),
    );
    if (usual !== null && rejectedShare > usual + t.shareChange) {
      flags.push({
        kind: 'rejections',
        message: `${pct(rejectedShare)} of the pages were not stored (usually ${pct(usual)})${topReason ? `, mostly "${topReason}"` : ''}`,
        figures: { before: usual, after: rejectedShare, ...(topReason ? { reason: topReason } : {}) },
      });
    }
  }
  if (current.extracted < t.minArticles || measured.length === 0) return flags;

  const usualBody = median(measured.map((h) => h.medianBodyChars ?? 0));
  if (
    usualBody !== null &&
    current.medianBodyChars !== null &&
    current.medianBodyChars < usualBody * t.bodyLengthDropRatio
  ) {
    flags.push({
      kind: 'body-length',
      message: `the median body is ${current.medianBodyChars} characters, usually about ${Math.round(usualBody)}: extraction may be missing most of the text (a redesign?)`,
      figures: { before: usualBody, after: current.medianBodyChars },
    });
  }
  const usualDated = median(measured.map((h) => h.datedShare ?? 0));
  if (usualDated !== null && (current.datedShare ?? 0) < usualDated - t.shareChange) {
    flags.push({
      kind: 'dates',
      message: `${pct(current.datedShare ?? 0)} of the articles have a date, usually ${pct(usualDated)}: the date moved on the page?`,
      figures: { before: usualDated, after: current.datedShare ?? 0 },
    });
  }
  const usualShort = median(measured.map((h) => h.short / h.extracted));
  const shortNow = current.short / current.extracted;
  if (usualShort !== null && shortNow > usualShort + t.shareChange) {
    flags.push({
      kind: 'short',
      message: `${pct(shortNow)} of the bodies are short, usually ${pct(usualShort)}: briefs, or extraction finding little?`,
      figures: { before: usualShort, after: shortNow },
    });
  }
  const pastBy: Record<string, number> = {};
  for (const h of measured) addMix(pastBy, h.extractedBy);
  const was = dominant(pastBy);
  const now = dominant(current.extractedBy);
  const nowShareOfWas = was ? (current.extractedBy[was.key] ?? 0) / current.extracted : 0;
  if (was && now && was.share >= 0.6 && nowShareOfWas < was.share - t.shareChange) {
    flags.push({
      kind: 'extraction',
      message: `bodies were found by ${was.key} (${pct(was.share)}), now ${pct(nowShareOfWas)}; now mostly by ${now.key}: the page markup changed (a redesign?)`,
      figures: { before: was.share, after: nowShareOfWas, was: was.key, now: now.key },
    });
  }
  const pastLang: Record<string, number> = {};
  for (const h of measured) addMix(pastLang, h.languages);
  const wasLang = dominant(pastLang);
  const nowLang = dominant(current.languages);
  if (wasLang && nowLang && wasLang.share >= 0.6 && nowLang.key !== wasLang.key && nowLang.share >= 0.6) {
    flags.push({
      kind: 'language',
      message: `the articles are now mostly ${nowLang.key} (${pct(nowLang.share)}), they were ${wasLang.key}: the feed points at another edition?`,
      figures: { before: wasLang.share, after: nowLang.share, was: wasLang.key, now: nowLang.key },
    });
  }
  return flags;
}
