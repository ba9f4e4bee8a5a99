// The one-time split of the real dev set into a tuning part and a held-out part. Each excerpt's side is fixed by a
// hash of its event group (or its page when it has none), so pages about one event never straddle the split and an
// excerpt added later always falls on the same side. The salt was chosen once so that the held-out part holds at
// least a third of the set and each language has violations on both sides; `checkSplit` verifies that.
import { createHash } from 'node:crypto';
import { FRESH_PARTS, type ManifestEntry, type Part } from './real-dev-manifest.ts';
import { type GroupMap, groupOf } from './real-dev-split.ts';

export const SPLIT_SALT = 'soz-real-dev-split-1';
/** Share of hash space that goes to the held-out part (a bit over a third: groups are uneven in size). */
export const HELDOUT_SHARE = 0.38;

/** What decides the side: the entry's event group (its own or groups.json's), else its page. */
export function splitKey(e: Pick<ManifestEntry, 'url' | 'group'>, groups: GroupMap = new Map()): string {
  return groupOf(e, groups) ?? e.url;
}

/** The entry's side: its stored `part` (the split is made once), else the hash of its split key. */
export function partOf(
  e: Pick<ManifestEntry, 'url' | 'group' | 'part'>,
  groups: GroupMap = new Map(),
  salt: string = SPLIT_SALT,
): Part {
  if (e.part) return e.part;
  const digest = createHash('sha256')
    .update(`${salt}\n${splitKey(e, groups)}`)
    .digest();
  const unit = digest.readUInt32BE(0) / 2 ** 32;
  return unit < HELDOUT_SHARE ? 'heldout' : 'tuning';
}

/** Every entry with its part; an entry that already has one keeps it (the split is made once). */
export function applySplit(entries: readonly ManifestEntry[], salt: string = SPLIT_SALT): ManifestEntry[] {
  return entries.map((e) => (e.part ? e : { ...e, part: partOf(e, new Map(), salt) }));
}

/** Pages grouped by event (config/dev/real/groups.json, url → group); entries keep a group they already have. */
export function applyGroups(entries: readonly ManifestEntry[], groups: GroupMap): ManifestEntry[] {
  return entries.map((e) => {
    const group = groupOf(e, groups);
    return group === undefined || e.group ? e : { ...e, group };
  });
}

export interface SplitCheck {
  readonly heldoutShare: number;
  readonly problems: readonly string[];
}

/**
 * Parts outside the hash split: stored explicitly when gathered (`real-dev add --part P` for a part of FRESH_PARTS), never by
 * `split`.
 */
export const UNSPLIT_PARTS: ReadonlySet<string> = new Set(FRESH_PARTS);

/** Checks the tuning/held-out split; entries of a part outside it (UNSPLIT_PARTS) are left out of every check. */
export function checkSplit(all: readonly ManifestEntry[]): SplitCheck {
  const entries = all.filter((e) => !e.part || !UNSPLIT_PARTS.has(e.part));
  const problems: string[] = [];
  const heldout = entries.filter((e) => e.part === 'heldout').length;
  const share = entries.length === 0 ? 0 : heldout / entries.length;
  if (share < 1 / 3) problems.push(`held-out part is ${(share * 100).toFixed(1)}% of the set, under a third`);
  if (entries.some((e) => !e.part)) problems.push('some entries have no part');
  const groupsParts = new Map<string, Set<string>>();
  for (const e of entries) {
    const s = groupsParts.get(splitKey(e)) ?? new Set();
    s.add(e.part ?? '?');
    groupsParts.set(splitKey(e), s);
  }
  for (const [key, parts] of groupsParts) if (parts.size > 1) problems.push(`${key} straddles the split`);
  for (const lang of new Set(entries.map((e) => e.lang)))
    for (const part of ['tuning', 'heldout'] as const) {
      const n = entries.filter((e) => e.lang === lang && e.part === part && e.candidate).length;
      if (n === 0) problems.push(`${lang} has no violations in the ${part} part`);
    }
  return { heldoutShare: share, problems };
}
