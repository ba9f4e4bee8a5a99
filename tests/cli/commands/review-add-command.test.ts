// `soz review add`, `soz review list --sort uncertain` and `soz review stats` as a user runs them: a child
// process against a SQLite file, the tip's page on a local imitation site (the stage's failures and the
// miss after confirmation are covered in process by tests/pipeline/review/add-report.test.ts).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH } from '../../../classifiers/index.ts';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';
import { startTipSite, TIP_ARTICLE_PATH, type TipSite } from '../../helpers/tip-site.ts';

function soz(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, timeout: 240_000, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('soz review add / list --sort uncertain / stats', () => {
  const dir = tempDir('soz-review-add-');
  const db = join(dir, 'soz.sqlite');
  let site: TipSite;
  beforeAll(async () => {
    site = await startTipSite();
  });
  afterAll(async () => site?.close());

  it('says which URL failed and why, with exit code 3', async () => {
    const r = await soz([
      '--db',
      db,
      'review',
      'add',
      `${site.origin}/news/missing`,
      '--reviewer',
      'aigerim',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\/news\/missing: could not fetch: .*404/);
  }, 300_000);

  it('names a broken --model file with exit code 3, and leaves the queue as it was', async () => {
    const broken = join(dir, 'broken-model.json');
    writeFileSync(broken, '{"version": "x", "tables": ');
    const r = await soz(['--db', db, 'review', 'list', '--sort', 'uncertain', '--model', broken]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`soz: ${broken} is not valid JSON`);
    expect(r.stderr).not.toContain('unexpected error');
    const missing = await soz([
      '--db',
      db,
      'review',
      'list',
      '--sort',
      'uncertain',
      '--model',
      join(dir, 'none.json'),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot read the classifier model .*none\.json/);
  }, 300_000);

  it('adds a report below the line, lists it first by uncertainty, and counts it in the stats', async () => {
    const url = `${site.origin}${TIP_ARTICLE_PATH}`;
    const r = await soz([
      '--db',
      db,
      'review',
      'add',
      url,
      '--reviewer',
      'aigerim',
      '--note',
      'tip',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const added = JSON.parse(r.stdout.trim()) as { taskId: number; miss: boolean };
    expect(added.miss).toBe(true);
    const list = await soz(['--db', db, 'review', 'list', '--sort', 'uncertain', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout.trim().split('\n')[0]!)).toMatchObject({ id: added.taskId });
    const stats = await soz(['--db', db, 'review', 'stats']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^model \S+, trained /);
    // Its ranking also learnt the real dev set's violations (train:model -- --real --category-only): said with their count.
    const real = (JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as { examples: { real: number } })
      .examples.real;
    expect(stats.stdout.split('\n')[0]).toMatch(
      new RegExp(` base texts \\(ranking also on ${real} real-text violations\\)$`),
    );
    // The committed model carries a real-text calibration (npm run calibrate:real) for the languages it helped.
    const calibrated = Object.keys(
      (JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as { calibration: { byLang: object } })
        .calibration.byLang,
    ).join(', ');
    expect(calibrated).not.toBe('');
    expect(stats.stdout).toContain(`\ncalibrated on real text for ${calibrated}: real dev set, spent parts `);
    // And the real-text layer that decides over it (npm run train:model -- --real).
    expect(stats.stdout).toMatch(
      /^real-text layer: [1-9]\d* labelled texts \([1-9]\d* violations\), line 0\.35: real dev set: tuning, heldout, /m,
    );
    expect(stats.stdout).toMatch(
      /^known by name: [1-9]\d* people on the watch list, 0 more from the dataset$/m,
    );
    expect(stats.stdout).toMatch(/misses: 0 \(added by URL: 1, 1 below the line\)/);
  }, 600_000);
});
