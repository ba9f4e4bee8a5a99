// "Update of case …": the known cases a candidate most likely continues, for the reviewer to attach it to
// with one click. A court item joined by number, or a case number the text names, is near certain; the
// same person and the same law article is a likely match. Thresholds and code names: config/cases.json.
import casesJson from '../../config/cases.json' with { type: 'json' };
import { type LegalCase, normalizeCaseNumber } from '../../core/index.ts';
import { caseParties, casesByNumbers, casesOfItems, listCases, type Store } from '../../storage/index.ts';
import { foldLetters } from '../cluster/normalise-tokens.ts';
import type { Candidate } from '../review/load-candidate.ts';

export type ProposalReason = 'court_item' | 'case_number' | 'people_article';

export interface CaseProposal {
  readonly legalCase: LegalCase;
  /** Strongest first. */
  readonly reasons: readonly ProposalReason[];
  /** What matched: numbers, or people and articles, as the texts write them. */
  readonly matched: readonly string[];
}

const CONFIG = casesJson.proposals;
const CODES = Object.entries(casesJson.lawCodes) as [string, string[]][];

/** "ГК 143", "ст. 274 УК РК", "КоАП 73-3" → {code, number}; the code is null when not named. */
export function lawArticleKey(article: string): { code: string | null; number: string } | null {
  const number = /(\d{1,3}(?:-\d{1,2})?)/.exec(article)?.[1];
  if (!number) return null;
  const words = article.match(/\p{L}+/gu) ?? [];
  let code: string | null = null;
  for (const [name, prefixes] of CODES) {
    if (words.some((w) => prefixes.some((p) => w.toLowerCase().startsWith(p.toLowerCase().split(' ')[0]!))))
      code = name;
  }
  return { code, number };
}

type ArticleKey = ReturnType<typeof lawArticleKey>;

function sameArticleKey(x: ArticleKey, y: ArticleKey): boolean {
  return !!x && !!y && x.number === y.number && (x.code === null || y.code === null || x.code === y.code);
}

/** A function's results by argument, for one proposal: 5,000 cases repeat their names and articles. */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (!seen.has(s)) seen.set(s, f(s));
    return seen.get(s)!;
  };
}

const stemsOf = (name: string) =>
  (name.match(/\p{L}+/gu) ?? [])
    .map((w) => foldLetters(w))
    .filter((w) => w.length >= CONFIG.minNameStemLength)
    .map((w) => w.slice(0, CONFIG.nameStemLength));

/** Two names of one person or outlet: every stem of the shorter is in the longer. */
export function samePerson(a: string, b: string): boolean {
  return sameStems(stemsOf(a), stemsOf(b));
}

function sameStems(x: readonly string[], y: readonly string[]): boolean {
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const set = new Set(long);
  return short.every((s) => set.has(s));
}

/** The candidate's facts gathered over its reports (every report may name some). */
function candidateFacts(c: Candidate) {
  const numbers = new Set<string>();
  const people = new Set<string>();
  const articles = new Set<string>();
  for (const { item, classification } of c.items) {
    if (item.caseNumber) numbers.add(item.caseNumber);
    for (const p of [...(item.court?.plaintiffs ?? []), ...(item.court?.defendants ?? [])]) people.add(p);
    const f = classification?.facts;
    if (!f) continue;
    for (const n of f.caseNumbers) numbers.add(n);
    for (const p of [...f.people, ...f.outlets]) people.add(p);
    for (const a of f.lawArticles) articles.add(a);
  }
  return { numbers: [...numbers], people: [...people], articles: [...articles] };
}

export async function proposeCases(store: Store, c: Candidate): Promise<CaseProposal[]> {
  const found = new Map<string, { reasons: Set<ProposalReason>; matched: Set<string> }>();
  const add = (id: string, reason: ProposalReason, what: string) => {
    const hit = found.get(id) ?? { reasons: new Set(), matched: new Set() };
    hit.reasons.add(reason);
    hit.matched.add(what);
    found.set(id, hit);
  };
  const joined = await casesOfItems(
    store,
    c.items.map((i) => i.item.id),
  );
  for (const [itemId, j] of joined) {
    const item = c.items.find((i) => i.item.id === itemId)?.item;
    add(j.caseId, 'court_item', item?.caseNumber ?? `item ${itemId}`);
  }
  const facts = candidateFacts(c);
  const byNumber = await casesByNumbers(store, facts.numbers);
  for (const n of facts.numbers)
    for (const id of byNumber.get(normalizeCaseNumber(n)) ?? []) add(id, 'case_number', n);
  if (facts.articles.length > 0 && facts.people.length > 0) {
    // Articles first (they rule out most cases), each name's stems and article's key computed once.
    const keyOf = memo(lawArticleKey);
    const stems = memo(stemsOf);
    for (const k of await caseParties(store)) {
      const articles = facts.articles.filter((a) =>
        k.lawArticles.some((b) => sameArticleKey(keyOf(a), keyOf(b))),
      );
      if (articles.length === 0) continue;
      const people = facts.people.filter((p) =>
        [...k.defendants, ...k.claimants].some((q) => sameStems(stems(p), stems(q))),
      );
      if (people.length > 0) for (const what of [...people, ...articles]) add(k.id, 'people_article', what);
    }
  }
  if (found.size === 0) return [];
  const cases = await listCases(store, { ids: [...found.keys()] });
  const rank = (r: Set<ProposalReason>) => (r.has('court_item') ? 0 : r.has('case_number') ? 1 : 2);
  return cases
    .map((k) => {
      const hit = found.get(k.id)!;
      const order: ProposalReason[] = ['court_item', 'case_number', 'people_article'];
      return {
        legalCase: k,
        reasons: order.filter((r) => hit.reasons.has(r)),
        matched: [...hit.matched],
        rank: rank(hit.reasons),
      };
    })
    .sort(
      (a, b) => a.rank - b.rank || (b.legalCase.lastMonth ?? '').localeCompare(a.legalCase.lastMonth ?? ''),
    )
    .slice(0, CONFIG.maxProposals)
    .map(({ rank: _rank, ...p }) => p);
}
