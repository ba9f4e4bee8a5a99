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
