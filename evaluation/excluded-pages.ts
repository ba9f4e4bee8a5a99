// Pages reserved for independent evaluation must never enter the dev set. The authority is the shared script
// ../shared/scripts/excluded-page.mjs (hashes only); we run it rather than copy its rules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHARED_DIR } from '../core/index.ts';

export const EXCLUDED_PAGE_SCRIPT = resolve(SHARED_DIR, 'scripts', 'excluded-page.mjs');

/** The subset of `urls` the shared script names as excluded; throws when the script is not there. */
export function excludedPages(urls: readonly string[], script: string = EXCLUDED_PAGE_SCRIPT): Set<string> {
  const out = new Set<string>();
  if (urls.length === 0) return out;
  if (!existsSync(script)) throw new Error(`cannot check excluded pages: ${script} is missing`);
  for (let i = 0; i < urls.length; i += 200) {
    const chunk = urls.slice(i, i + 200);
    const run = spawnSync(process.execPath, [script, ...chunk], { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${script} failed: ${run.stderr || run.error}`);
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('excluded ')) out.add(line.slice('excluded '.length));
    }
  }
  return out;
}
