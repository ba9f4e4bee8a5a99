// What the case page, the list of cases and `soz cases` show: a case with its timeline (its entries and
// the court portal's events of its joined items, by date), its entries, sources and log; and the cases
// of a month with what changed in it.
import {
  type CaseEvent,
  type CaseStatus,
  caseTimeline,
  type LegalCase,
  OPEN_CASE_STATUSES,
} from '../../core/index.ts';
import {
  allCaseItems,
  caseItemIds,
  caseLogBetween,
  getItemsByIds,
  listCases,
  listEntries,
  listReviewLog,
  type ReviewLogEntry,
  type Store,
  type StoredEntry,
  type StoredItem,
} from '../../storage/index.ts';
import { liveCase } from './case-decisions.ts';

export type CaseTimelineRow =
  | {
      readonly kind: 'entry';
      /** YYYY-MM-DD, or the month's first day when the entry has no date. */
      readonly date: string;
      readonly month: string;
      readonly event: CaseEvent;
      /** Whether a reviewer chose the event (else it is derived from the entry). */
      readonly eventSet: boolean;
      readonly statusAfter: CaseStatus;
      readonly entry: StoredEntry;
    }
  | {
      readonly kind: 'portal';
      readonly date: string;
      readonly month: string;
      /** The event as the portal words it («Дело принято к производству»). */
      readonly text: string;
      readonly item: StoredItem;
      /** Later than every entry of the case: news on the portal that no confirmed entry records yet. */
      readonly unrecorded: boolean;
    };

export interface JoinedItem {
  readonly item: StoredItem;
  readonly matchedBy: string;
}

export interface CaseView {
  readonly legalCase: LegalCase;
  /** Set when the id asked for was merged into this case. */
  readonly requestedId: string;
  readonly entries: readonly StoredEntry[];
  readonly timeline: readonly CaseTimelineRow[];
  readonly items: readonly JoinedItem[];
  /** Every URL that reported the case, with the entries it is a source of. */
  readonly sources: readonly { readonly url: string; readonly entryIds: readonly string[] }[];
  readonly log: readonly ReviewLogEntry[];
}

type PortalRow = Extract<CaseTimelineRow, { kind: 'portal' }>;

function portalRows(item: StoredItem): PortalRow[] {
  return (item.court?.history ?? [])
    .filter((h) => /^\d{4}-\d{2}-\d{2}/.test(h.date))
    .map((h) => ({
      kind: 'portal' as const,
      date: h.date.slice(0, 10),
      month: h.date.slice(0, 7),
      text: h.event,
      item,
      unrecorded: false,
    }));
}

/** The timeline: entries in case order, portal events among them by date (entries first on a tie). */
export function buildTimeline(
  entries: readonly StoredEntry[],
  items: readonly StoredItem[],
): CaseTimelineRow[] {
  const steps: CaseTimelineRow[] = caseTimeline(entries).map((s) => ({
    kind: 'entry',
    date: s.entry.eventDate ?? `${s.entry.month}-01`,
    month: s.entry.month,
    event: s.event,
    eventSet: !!s.entry.caseEvent,
    statusAfter: s.status,
    entry: s.entry,
  }));
  const seen = new Set<string>();
  const portal = items
    .flatMap(portalRows)
    .filter((r) => {
      const key = `${r.date}|${r.kind === 'portal' ? r.text : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  // Dates are ISO text: the greatest sorts last.
  const lastEntry =
    steps
      .map((s) => s.date)
      .sort()
      .at(-1) ?? '';
  for (const [i, r] of portal.entries()) if (r.date > lastEntry) portal[i] = { ...r, unrecorded: true };
  // Merge by date, keeping the entries' own order (which the status sequence depends on).
  const out: CaseTimelineRow[] = [];
  let p = 0;
  for (const s of steps) {
    while (p < portal.length && portal[p]!.date < s.date) out.push(portal[p++]!);
    out.push(s);
  }
  while (p < portal.length) out.push(portal[p++]!);
  return out;
}

export async function loadCaseView(store: Store, id: string): Promise<CaseView> {
  const legalCase = await liveCase(store, id);
  const entries = await listEntries(store, { caseId: legalCase.id });
  const joined = await caseItemIds(store, legalCase.id);
  const byId = new Map(
    (
      await getItemsByIds(
        store,
        joined.map((j) => j.itemId),
      )
    ).map((i) => [i.id, i]),
  );
  const items = joined.flatMap((j) => {
    const item = byId.get(j.itemId);
    return item ? [{ item, matchedBy: j.matchedBy }] : [];
  });
  const sources = new Map<string, string[]>();
  for (const e of entries) for (const url of e.sources) sources.set(url, [...(sources.get(url) ?? []), e.id]);
  for (const { item } of items) {
    const url = item.canonicalUrl || item.url;
    if (!sources.has(url)) sources.set(url, []);
  }
  const log = await listReviewLog(store, { caseId: legalCase.id });
  return {
    legalCase,
    requestedId: id,
    entries,
    timeline: buildTimeline(
      entries,
      items.map((i) => i.item),
    ),
    items,
    sources: [...sources].map(([url, entryIds]) => ({ url, entryIds })),
    log,
  };
}

export type CaseScope = 'open' | 'all' | CaseStatus;

export interface CaseOfMonth {
  readonly legalCase: LegalCase;
  /** Its entries filed under the month, with their event. */
  readonly entries: readonly { readonly entry: StoredEntry; readonly event: CaseEvent }[];
  /** What the court portal recorded in the month for it. */
  readonly portalEvents: readonly { readonly date: string; readonly text: string }[];
  /** Editors' changes to it in the month (status, merge, split, edit). */
  readonly actions: readonly { readonly action: string; readonly actor: string; readonly at: string }[];
  readonly changed: boolean;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};

/**
 * The cases of a scope (open ones by default) with what changed in `month`; for the open scope, a case
 * closed in the month (decided, dropped) is listed too, so its outcome is seen. Changed cases first.
 */
export async function loadCasesOfMonth(
  store: Store,
  month: string,
  scope: CaseScope = 'open',
): Promise<CaseOfMonth[]> {
  const all = await listCases(store);
  const monthEntries = (await listEntries(store, { fromMonth: month, toMonth: month })).filter(
    (e) => e.caseId,
  );
  const caseEntries = new Map<string, StoredEntry[]>();
  for (const e of monthEntries) caseEntries.set(e.caseId!, [...(caseEntries.get(e.caseId!) ?? []), e]);
  const links = await allCaseItems(store);
  const items = new Map(
    (
      await getItemsByIds(
        store,
        links.map((l) => l.itemId),
      )
    ).map((i) => [i.id, i]),
  );
  const portal = new Map<string, { date: string; text: string }[]>();
  for (const l of links) {
    const rows = portalRows(items.get(l.itemId)!).filter((r) => r.month === month);
    for (const r of rows) {
      const list = portal.get(l.caseId) ?? [];
      if (r.kind === 'portal' && !list.some((x) => x.date === r.date && x.text === r.text))
        list.push({ date: r.date, text: r.text });
      portal.set(l.caseId, list);
    }
  }
  const actions = new Map<string, { action: string; actor: string; at: string }[]>();
  for (const a of await caseLogBetween(store, `${month}-01`, `${nextMonth(month)}-01`)) {
    if (a.action === 'case-create' || a.action === 'case-attach') continue;
    actions.set(a.caseId, [...(actions.get(a.caseId) ?? []), a]);
  }
  const out: CaseOfMonth[] = [];
  for (const k of all) {
    const own = caseEntries.get(k.id) ?? [];
    // The month's entries with the event the whole timeline gives them.
    const events = own.length
      ? caseTimeline(await listEntries(store, { caseId: k.id })).filter((s) => s.entry.month === month)
      : [];
    const pe = (portal.get(k.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
    const acts = actions.get(k.id) ?? [];
    const changed = events.length > 0 || pe.length > 0 || acts.length > 0;
    const inScope =
      scope === 'all' ||
      (scope === 'open' ? OPEN_CASE_STATUSES.includes(k.status) || changed : k.status === scope);
    if (!inScope) continue;
    out.push({
      legalCase: k,
      entries: events.map((s) => ({ entry: s.entry, event: s.event })),
      portalEvents: pe,
      actions: acts,
      changed,
    });
  }
  return out.sort((a, b) => Number(b.changed) - Number(a.changed));
}
