// Reads the sources registry from a JSON file (default config/sources.json).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError, usageError } from '../../core/index.ts';
import { type NewsSource, parseNewsSources } from './news-source.ts';

export const DEFAULT_SOURCES_FILE = resolve(CONFIG_DIR, 'sources.json');
export const DEMO_SOURCES_FILE = resolve(CONFIG_DIR, 'demo-sources.json');

export function loadSources(file: string = DEFAULT_SOURCES_FILE): NewsSource[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(
      `${file}: cannot read the sources file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    throw inputError(`${file}${line ? `:${line}` : ''}: not valid JSON (${(error as Error).message})`);
  }
  return parseNewsSources(doc, file);
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
