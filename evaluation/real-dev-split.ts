// Event groups of the real dev set: an entry's own "group" field, or config/dev/real/groups.json ({group: [url, …]}),
// which lets pages gathered earlier join an event without rewriting their manifest lines. The split itself
// (split-real-dev.ts) keeps every excerpt of one group on one side.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError } from '../core/index.ts';
import type { ManifestEntry } from './real-dev-manifest.ts';

export const GROUPS_PATH = resolve(CONFIG_DIR, 'dev', 'real', 'groups.json');

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
