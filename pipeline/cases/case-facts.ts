// What a new case takes from the entry that opens it, what an attached entry adds to its case, and what an
// entry form takes from the case it updates. Plain functions over records.
import { blockOf, type CourtRecord, type DatasetEntry, type LegalCase } from '../../core/index.ts';
import type { NewCase } from '../../storage/index.ts';
import type { EntryForm } from '../review/entry-draft.ts';
import { samePerson } from './propose-cases.ts';

const uniq = (xs: readonly string[]) => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs.map((s) => s.trim()).filter(Boolean)) {
    const k = x.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
};

const short = (xs: readonly string[], n: number) =>
  xs.length > n ? `${xs.slice(0, n).join(', ')} …` : xs.join(', ');

/** "Claimant — defendants (article)", or the start of the summary when no party is known. */
export function caseTitle(c: {
  claimants: readonly string[];
  defendants: readonly string[];
  lawArticles: readonly string[];
  summary?: string;
}): string {
  const article = c.lawArticles[0] ? ` (${c.lawArticles[0]})` : '';
  if (c.defendants.length > 0 && c.claimants.length > 0)
    return `${short(c.claimants, 2)} — ${short(c.defendants, 3)}${article}`;
  if (c.defendants.length > 0 || c.claimants.length > 0)
    return `${short([...c.claimants, ...c.defendants], 3)}${article}`;
  const s = (c.summary ?? '').trim().replace(/\s+/g, ' ');
  return (s.length > 90 ? `${s.slice(0, 89).trimEnd()}…` : s) + article || 'case';
}

/**
 * The facts of the case an entry opens. A court item's record knows the parties exactly; a news entry's
 * "who acted" are the claimants and its people and outlets the defendants (an editor corrects the rest).
 */
export function newCaseFacts(
  entry: Pick<
    DatasetEntry,
    'category' | 'actors' | 'people' | 'outlets' | 'court' | 'region' | 'lawArticle' | 'summary'
  >,
  id: string,
  createdBy: string,
  court?: CourtRecord | null,
): NewCase {
  const claimants = uniq(court?.plaintiffs.length ? court.plaintiffs : entry.actors);
  const defendants = uniq(court?.defendants.length ? court.defendants : [...entry.outlets, ...entry.people]);
  const lawArticles = uniq(entry.lawArticle ? [entry.lawArticle] : []);
  return {
    id,
    title: caseTitle({ claimants, defendants, lawArticles, summary: entry.summary }),
    category: entry.category,
    claimants,
    defendants,
    court: entry.court ?? court?.court ?? null,
    region: entry.region ?? court?.region ?? null,
    lawArticles,
    createdBy,
  };
}

export type CaseAdditions = Partial<
  Pick<LegalCase, 'lawArticles' | 'court' | 'region' | 'claimants' | 'defendants' | 'category'>
>;

/** What an entry adds to the case it joins: its law article, a court and region the case lacks, and the
 * parties of a court record. Returns only what changes. */
export function additionsFromEntry(
  c: LegalCase,
  entry: Pick<DatasetEntry, 'lawArticle' | 'court' | 'region' | 'category' | 'block'>,
  court?: CourtRecord | null,
): CaseAdditions {
  const out: { -readonly [K in keyof CaseAdditions]: CaseAdditions[K] } = {};
  if (entry.lawArticle) {
    const arts = uniq([...c.lawArticles, entry.lawArticle]);
    if (arts.length !== c.lawArticles.length) out.lawArticles = arts;
  }
  if (!c.court && (entry.court || court?.court)) out.court = entry.court ?? court?.court ?? null;
  if (!c.region && (entry.region || court?.region)) out.region = entry.region ?? court?.region ?? null;
  if (court) {
    // The record says who sued whom: a plaintiff a news report listed among the people leaves the
    // defendants, and names already there under another spelling are not added twice.
    const known = (list: readonly string[], name: string) => list.some((x) => samePerson(x, name));
    const kept = c.defendants.filter((d) => !known(court.plaintiffs, d));
    const claimants = [...c.claimants, ...court.plaintiffs.filter((p) => !known(c.claimants, p))];
    const defendants = [...kept, ...court.defendants.filter((d) => !known(kept, d))];
    if (claimants.join('|') !== c.claimants.join('|')) out.claimants = claimants;
    if (defendants.join('|') !== c.defendants.join('|')) out.defendants = defendants;
  }
  // A case opened by an incident (a closed hearing) takes the charge's category when one joins it.
  if (entry.block === 'C' && (c.category === null || blockOf(c.category) !== 'C'))
    out.category = entry.category;
  return out;
}

/**
 * The entry form of an update of `c`: the fields the form leaves empty are taken from the case (court,
 * case number, law article), and a claim on honour and dignity stays one for an entry of its category.
 */
export function draftWithCase(draft: EntryForm, c: LegalCase): EntryForm {
  return {
    ...draft,
    court: draft.court || c.court || '',
    caseNumber: draft.caseNumber || c.caseNumbers[0] || '',
    lawArticle: draft.lawArticle || c.lawArticles[0] || '',
    region: draft.region || c.region || '',
    isHonorDignity: draft.isHonorDignity || (c.honorDignity && draft.category === c.category ? 'yes' : ''),
  };
}

/**
 * The entry form of a court item: what the portal's record states exactly (the case number, court,
 * amounts, that it is in court) fills the fields the suggestion leaves empty.
 */
export function draftWithCourtRecord(draft: EntryForm, court: CourtRecord): EntryForm {
  return {
    ...draft,
    caseNumber: draft.caseNumber || court.caseNumber,
    court: draft.court || court.court || '',
    region: draft.region || court.region || '',
    inCourt: 'yes',
    claimedAmountKzt:
      draft.claimedAmountKzt || (court.claimedAmountKzt !== null ? String(court.claimedAmountKzt) : ''),
    awardedAmountKzt:
      draft.awardedAmountKzt ||
      (draft.stage === 'judicial_act' && court.awardedAmountKzt !== null
        ? String(court.awardedAmountKzt)
        : ''),
  };
}
