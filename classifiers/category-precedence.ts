// Overlapping categories: a real item often fits two ids (a journalist detained and then charged, threats that
// end in an attack). The monthly report counts one, and the ranked list must put that one first and keep the
// other second, where the entry form offers it. The rules are data (config/classifier.json "precedence"): a pair
// [counted, also] moves `counted` ahead of `also` when both are ranked and `counted` has at least `share` of
// the score of the one it overtakes, so a stray word does not reorder a clear story.
export interface PrecedenceRules {
  readonly share: number;
  readonly pairs: readonly (readonly [string, string])[];
}

/** Checks the configuration's rules: pairs of two distinct known category ids, a share between 0 and 1. */
export function precedenceRules(
  raw: { share: unknown; pairs: unknown },
  isId: (id: unknown) => boolean,
  where: string,
): PrecedenceRules {
  if (typeof raw.share !== 'number' || raw.share < 0 || raw.share > 1)
    throw new Error(`${where}: precedence.share must be a number from 0 to 1`);
  if (!Array.isArray(raw.pairs)) throw new Error(`${where}: precedence.pairs must be a list`);
  const pairs = raw.pairs.map((pair: unknown, i: number) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !isId(pair[0]) || !isId(pair[1]) || pair[0] === pair[1])
      throw new Error(
        `${where}: precedence.pairs[${i}] must be two different category ids, got ${JSON.stringify(pair)}`,
      );
    return [pair[0] as string, pair[1] as string] as const;
  });
  return { share: raw.share, pairs };
}

/**
 * `evidenced` (optional): whether an id has evidence of its own in the text (a lexicon match). A counted id
 * without it — ranked only by the model's word counts — does not overtake: "attack" drifting in on the words of
 * a threats story is not an attack the report would count.
 */
export function applyPrecedence<T extends { readonly id: string; readonly s: number }>(
  ranked: readonly T[],
  rules: PrecedenceRules,
  evidenced: (id: string) => boolean = () => true,
): T[] {
  const out = [...ranked];
  // A few passes settle chains (attack over threat over cyberattack) without looping on a cycle in the data.
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const [counted, also] of rules.pairs) {
      const i = out.findIndex((c) => c.id === counted);
      const j = out.findIndex((c) => c.id === also);
      if (i < 0 || j < 0 || i < j) continue;
      if (out[i]!.s < rules.share * out[j]!.s || !evidenced(counted)) continue;
      const [winner] = out.splice(i, 1);
      out.splice(j, 0, winner!);
      moved = true;
    }
    if (!moved) break;
  }
  return out;
}

/**
 * A ranking rule of taxonomy.md that a circumstance decides (config/classifier.json "contextRules"): when the
 * text has the context `when` (a lexicon's "contexts" list: an administrative arrest, the trial of a journalist's
 * attacker, news about a law) and none of `unless`, the first of `lead` that is ranked (or, with `insert`, the
 * first of `lead` at the score of the id it overtakes) moves ahead of every id of `over`.
 */
export interface ContextRule {
  readonly when: string;
  readonly unless: readonly string[];
  readonly lead: readonly string[];
  readonly over: readonly string[];
  readonly insert: boolean;
}

/** Checks the configuration's context rules against the known category ids and the lexicons' context names. */
export function contextRules(
  raw: unknown,
  isId: (id: unknown) => boolean,
  contextNames: ReadonlySet<string>,
  where: string,
): ContextRule[] {
  if (!Array.isArray(raw)) throw new Error(`${where}: contextRules must be a list`);
  return raw.map((r: Record<string, unknown>, i: number) => {
    const at = `${where}: contextRules[${i}]`;
    const ids = (v: unknown, field: string) => {
      if (!Array.isArray(v) || v.length === 0 || !v.every(isId))
        throw new Error(`${at}.${field} must be a non-empty list of category ids, got ${JSON.stringify(v)}`);
      return v as string[];
    };
    const contexts = (v: unknown, field: string) => {
      const list = v === undefined ? [] : v;
      if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && contextNames.has(c)))
        throw new Error(
          `${at}.${field} must name contexts of the lexicons (${[...contextNames].join(', ')}), got ${JSON.stringify(v)}`,
        );
      return list as string[];
    };
    const [when] = contexts([r.when], 'when');
    return {
      when: when!,
      unless: contexts(r.unless, 'unless'),
      lead: ids(r.lead, 'lead'),
      over: ids(r.over, 'over'),
      insert: r.insert === true,
    };
  });
}

/**
 * Applies the rules in order (a later rule may overturn an earlier one: the most specific circumstance is listed
 * last). `scoreOf` gives an id's score in the full ranking, for a lead that the top of the list left out.
 */
export function applyContextRules<T extends { readonly id: string; readonly s: number }>(
  ranked: readonly T[],
  rules: readonly ContextRule[],
  contexts: ReadonlySet<string>,
  make: (id: string, s: number) => T,
  scoreOf: (id: string) => number | undefined = () => undefined,
): T[] {
  const out = [...ranked];
  if (contexts.size === 0) return out;
  for (const rule of rules) {
    if (!contexts.has(rule.when) || rule.unless.some((u) => contexts.has(u))) continue;
    const first = out.findIndex((c) => rule.over.includes(c.id));
    if (first < 0) continue;
    const at = out.findIndex((c) => rule.lead.includes(c.id));
    if (at >= 0 && at < first) continue;
    const over = out[first]!;
    let lead: T;
    if (at >= 0) [lead] = out.splice(at, 1) as [T];
    else {
      const id = rule.lead.find((l) => scoreOf(l) !== undefined) ?? (rule.insert ? rule.lead[0] : undefined);
      if (id === undefined) continue;
      lead = make(id, scoreOf(id) ?? 0);
    }
    out.splice(first, 0, lead.s >= over.s ? lead : make(lead.id, over.s));
  }
  return out;
}
