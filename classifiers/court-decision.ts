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
const SPEECH_ACT = new RegExp(rules.speechAct, 'u');
const LEGAL: readonly CategoryId[] = ['criminal_charge', 'administrative_charge', 'civil_claim'];
const MEDIA_PARTY = new RegExp(rules.mediaParty, 'u');

export function decideCourt(court: CourtRecord, title: string, text: string): CourtDecision {
  const header = [court.category ?? '', title].join('\n');
  const body = [header, ...court.history.map((h) => h.event), text].join('\n');
  const mediaParty = court.defendants.some((d) => MEDIA_PARTY.test(d));
  const found: CategoryId[] = [];
  const evidence: RegExp[] = [];
  // The article cited decides the legal category: "КоАП 73-3. Клевета" is an administrative case, whatever the
  // word "клевета" suggests. Keyword categories come after, and only when no article named another legal one.
  for (const [re, id] of SPEECH_ARTICLES) {
    if (re.test(body)) {
      if (!found.includes(id)) found.push(id);
      evidence.push(re);
    }
  }
  const cited = found.length > 0;
  for (const [re, id] of SPEECH_CATEGORIES) {
    if (!re.test(header)) continue;
    if (cited && LEGAL.includes(id) && !found.includes(id) && id !== 'civil_claim') continue;
    if (!found.includes(id)) found.push(id);
    evidence.push(re);
  }
  // Moral damage alone is a speech case only when the outlet or journalist is the one sued, or the act says the
  // claim is over what the defendant said or published (a blogger sued over a video, by name in the text only).
  if (found.length === 0 && DAMAGE.test(header)) {
    const act = SPEECH_ACT.exec(text);
    if (mediaParty || act) {
      found.push('civil_claim');
      evidence.push(DAMAGE);
      if (act && !mediaParty) evidence.push(SPEECH_ACT);
    }
  }
  const speech = found.length > 0;
  if (speech && court.closedHearing) found.push('closed_session');
  const decisive = speech || court.category !== null || court.defendants.length > 0;
  return { speech, categories: found, evidence, decisive, mediaParty };
}
