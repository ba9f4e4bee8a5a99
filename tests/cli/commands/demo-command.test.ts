// `soz demo` as a new user runs it (here without the court portal, to stay quick): it crawls the imitation
// outlets into a fresh database and reports progress that never runs past its total, with no Node warnings.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

function soz(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, timeout: 180_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('soz demo', () => {
  it('counts crawled articles up to its total, exactly, and prints no warnings', async () => {
    const db = join(tempDir('soz-demo-'), 'demo.sqlite');
    const r = await soz(['--db', db, 'demo', '--no-court']);
    expect(r.code, r.stderr).toBe(0);
    // Discovery and the end of each source report progress too; only articles may move the count.
    const steps = [...r.stderr.matchAll(/^crawl: (\d+)\/(\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(steps.length).toBeGreaterThan(0);
    for (const [done, total] of steps) expect(done).toBeLessThanOrEqual(total!);
    const [lastDone, lastTotal] = steps[steps.length - 1]!;
    expect(lastDone).toBe(lastTotal);
    expect(r.stderr).not.toMatch(/Warning/);
    expect(r.stderr).toMatch(/Candidates for review: [1-9]/);
  }, 200_000);
});
