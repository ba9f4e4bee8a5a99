// The split of the real dev set into a tuning part and a held-out part, computed rather than stored so that the
// manifest is only ever appended to: an entry's side follows from the sha256 of its event group (or, without one,
// of its page address), so every excerpt of one page or one event falls on the same side and a new entry never moves
// an old one. One bucket in three is held out. An explicit "part" in the manifest wins.
import { sha256 } from './excerpt-text.ts';
import type { ManifestEntry, Part } from './real-dev-manifest.ts';

/** How many of HELDOUT_BUCKETS's buckets are held out (1 of 3). */
export const HELDOUT_BUCKETS = 3;

export function splitKey(entry: Pick<ManifestEntry, 'url' | 'group'>): string {
  return entry.group ? `group:${entry.group}` : `url:${entry.url}`;
}

export function partOf(entry: Pick<ManifestEntry, 'url' | 'group' | 'part'>): Part {
  if (entry.part) return entry.part;
  const bucket = Number.parseInt(sha256(splitKey(entry)).slice(0, 8), 16) % HELDOUT_BUCKETS;
  return bucket === 0 ? 'heldout' : 'tuning';
}
