// What the candidate page and a confirmation start from when cases are known: the case a court item
// joined by number, the proposed cases ("update of case …"), and the entry form with what the court
// record and the chosen case already say.
import type { LegalCase } from '../../core/index.ts';
import { casesOfItems, type Store } from '../../storage/index.ts';
import type { EntryForm } from '../review/entry-draft.ts';
import type { Candidate } from '../review/load-candidate.ts';
import { liveCase } from './case-decisions.ts';
import { draftWithCase, draftWithCourtRecord } from './case-facts.ts';
import { type CaseProposal, proposeCases } from './propose-cases.ts';

export interface CaseSuggestion {
  /** The case the candidate's court item joined by its number: an automatic confirmation goes there. */
  readonly joinedCase: LegalCase | null;
  readonly proposals: readonly CaseProposal[];
  /** The entry form to show or to overlay the reviewer's changes on. */
  readonly draft: EntryForm;
}

/** The court record of a candidate (its first court item), if it has one. */
export const courtRecordOf = (c: Candidate) => c.items.find((i) => i.item.court)?.item.court ?? null;

/**
 * The suggestion for a candidate; `choice` is the case the reviewer picked ('' automatic, 'new', 'none'
 * or an id), whose facts the form then takes. Proposals are looked up only when asked (the page).
 */
export async function suggestCase(
  store: Store,
  c: Candidate,
  choice = '',
  withProposals = false,
): Promise<CaseSuggestion> {
  const joined = await casesOfItems(
    store,
    c.items.filter((i) => i.item.court).map((i) => i.item.id),
  );
  const joinedId = [...joined.values()][0]?.caseId ?? null;
  const joinedCase = joinedId ? await liveCase(store, joinedId) : null;
  const pick = choice.trim();
  const chosen =
    pick !== '' && pick !== 'new' && pick !== 'none'
      ? await liveCase(store, pick)
      : pick === ''
        ? joinedCase
        : null;
  const court = courtRecordOf(c);
  let draft = court ? draftWithCourtRecord(c.draft, court) : c.draft;
  if (chosen) draft = draftWithCase(draft, chosen);
  return { joinedCase, proposals: withProposals ? await proposeCases(store, c) : [], draft };
}
