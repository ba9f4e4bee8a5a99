// Reads the sources registry from a JSON file (default config/sources.json).
import { resolve } from 'node:path';
import { CONFIG_DIR, usageError } from '../../core/index.ts';
import type { NewsSource } from './news-source.ts';
import { parseSourcesText, readSourcesText } from './sources-file.ts';

export const DEFAULT_SOURCES_FILE = resolve(CONFIG_DIR, 'sources.json');
export const DEMO_SOURCES_FILE = resolve(CONFIG_DIR, 'demo-sources.json');

export function loadSources(file: string = DEFAULT_SOURCES_FILE): NewsSource[] {
  // JSON with comments: people annotate the registry (where an entry point came from, why one is off).
  return parseSourcesText(readSourcesText(file), file);
}

/** Picks the sources named by `ids` (all enabled ones when empty); an unknown id is a usage error. */
export function selectSources(
  sources: readonly NewsSource[],
  ids: readonly string[],
  file: string,
): NewsSource[] {
  if (ids.length === 0) return sources.filter((s) => s.enabled);
  const out: NewsSource[] = [];
  for (const id of ids) {
    const s = sources.find((x) => x.id === id);
    if (!s) {
      throw usageError(
        `unknown source "${id}" (not in ${file}; known: ${sources.map((x) => x.id).join(', ')})`,
      );
    }
    out.push(s);
  }
  return out;
}
