// The split of the real dev set into a tuning part and a held-out part, computed rather than stored so that the
// manifest is only ever appended to. An entry's side follows from the sha256 of its event group, or, without one,
// of its page address: every excerpt of one page or one event falls on the same side, and a new entry never moves
// an old one. One bucket in three is held out. An explicit "part" in the manifest wins.
//
// Event groups come from the entry's own "group" field or from config/dev/real/groups.json ({group: [url, …]}),
// which lets pages gathered earlier join an event without rewriting their manifest lines.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError } from '../core/index.ts';
import { sha256 } from './excerpt-text.ts';
import type { ManifestEntry, Part } from './real-dev-manifest.ts';

export const GROUPS_PATH = resolve(CONFIG_DIR, 'dev', 'real', 'groups.json');

/** How many buckets there are; bucket 0 is held out (1 of 3). */
export const HELDOUT_BUCKETS = 3;

/** Page address → event group. */
export type GroupMap = ReadonlyMap<string, string>;

/** Reads {group: [url, …]}; a page listed under two groups is an error naming both. */
export function parseGroups(content: string, file: string): Map<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(content);
  } catch (error) {
    throw inputError(`${file}: not JSON (${(error as Error).message})`, error);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw inputError(`${file}: expected an object {group: [url, …]}`);
  const out = new Map<string, string>();
  for (const [group, urls] of Object.entries(v)) {
    if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string'))
      throw inputError(`${file}: group ${JSON.stringify(group)} must list page addresses`);
    for (const url of urls as string[]) {
      const had = out.get(url);
      if (had !== undefined && had !== group)
        throw inputError(`${file}: ${url} is in two groups, ${had} and ${group}`);
      out.set(url, group);
    }
  }
  return out;
}

export function readGroups(path: string = GROUPS_PATH): Map<string, string> {
  return existsSync(path) ? parseGroups(readFileSync(path, 'utf8'), path) : new Map();
}

export function groupOf(entry: Pick<ManifestEntry, 'url' | 'group'>, groups: GroupMap): string | undefined {
  return entry.group || groups.get(entry.url);
}

export function splitKey(entry: Pick<ManifestEntry, 'url' | 'group'>, groups: GroupMap = new Map()): string {
  const group = groupOf(entry, groups);
  return group ? `group:${group}` : `url:${entry.url}`;
}

export function partOf(
  entry: Pick<ManifestEntry, 'url' | 'group' | 'part'>,
  groups: GroupMap = new Map(),
): Part {
  if (entry.part) return entry.part;
  const bucket = Number.parseInt(sha256(splitKey(entry, groups)).slice(0, 8), 16) % HELDOUT_BUCKETS;
  return bucket === 0 ? 'heldout' : 'tuning';
}

/** Pages whose excerpts do not agree on one event group (they could fall on both sides): each with its groups. */
export function mixedGroups(entries: readonly ManifestEntry[], groups: GroupMap): Map<string, string[]> {
  const seen = new Map<string, Set<string>>();
  for (const e of entries) {
    const set = seen.get(e.url) ?? new Set<string>();
    set.add(groupOf(e, groups) ?? '(none)');
    seen.set(e.url, set);
  }
  return new Map([...seen].filter(([, s]) => s.size > 1).map(([url, s]) => [url, [...s].sort()]));
}
