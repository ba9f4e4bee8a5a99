// Court items are judged on their facts, not their wording: a claim for honour and dignity, a criminal case under
// УК 274/174/131, an administrative case under КоАП 73-3/456-2, or a moral-damage claim against a media outlet
// or journalist is about speech; a traffic or family case that mentions a blogger or moral damage is not.
// Rules are data in config/classifier.json ("court").

import settings from '../config/classifier.json' with { type: 'json' };
import type { CategoryId, CourtRecord } from '../core/index.ts';

export interface CourtDecision {
  readonly speech: boolean;
  /** The legal category first; closed_session after it when the hearing was closed. */
  readonly categories: readonly CategoryId[];
  /** Regular expressions whose matches in the text are the evidence. */
  readonly evidence: readonly RegExp[];
  /** Whether the record carried enough (a category, an article, a party) to judge on. */
  readonly decisive: boolean;
  readonly mediaParty: boolean;
}

const rules = settings.court;
const SPEECH_CATEGORIES = rules.speechCategories.map(
  ([re, id]) => [new RegExp(re!, 'iu'), id as CategoryId] as const,
);
const SPEECH_ARTICLES = rules.speechArticles.map(
  ([re, id]) => [new RegExp(re!, 'iu'), id as CategoryId] as const,
);
const DAMAGE = new RegExp(rules.damageCategory, 'iu');
const MEDIA_PARTY = new RegExp(rules.mediaParty, 'u');

export function decideCourt(court: CourtRecord, title: string, text: string): CourtDecision {
  const header = [court.category ?? '', title].join('\n');
  const body = [header, ...court.history.map((h) => h.event), text].join('\n');
  const mediaParty = court.defendants.some((d) => MEDIA_PARTY.test(d));
  const found: CategoryId[] = [];
  const evidence: RegExp[] = [];
  for (const [re, id] of SPEECH_CATEGORIES) {
    if (re.test(header)) {
      found.push(id);
      evidence.push(re);
    }
  }
  for (const [re, id] of SPEECH_ARTICLES) {
    if (re.test(body)) {
      if (!found.includes(id)) found.push(id);
      evidence.push(re);
    }
  }
  // Moral damage alone is a speech case only when the outlet or journalist is the one sued.
  if (found.length === 0 && DAMAGE.test(header) && mediaParty) {
    found.push('civil_claim');
    evidence.push(DAMAGE);
  }
  const speech = found.length > 0;
  if (speech && court.closedHearing) found.push('closed_session');
  const decisive = speech || court.category !== null || court.defendants.length > 0;
  return { speech, categories: found, evidence, decisive, mediaParty };
}
