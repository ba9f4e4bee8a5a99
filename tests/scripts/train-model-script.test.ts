// `npm run train:model` as the team runs it, on a copy of the committed model: `--category-only` retrains the
// ranking and keeps the decision side (candidate table, combiner, clamp and real-text calibration) byte for byte,
// and an unknown option is refused before anything is written.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH } from '../../classifiers/index.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'train-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function trainModel(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/train-model.ts', ...args],
      {
        env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('scripts/train-model.ts', () => {
  it('--category-only keeps the decision side of the model it replaces and names both in the version', async () => {
    const out = join(dir, 'model.json');
    copyFileSync(DEFAULT_MODEL_PATH, out);
    const before = JSON.parse(readFileSync(out, 'utf8'));
    const result = await trainModel(['--category-only', out]);
    expect(result.code).toBe(0);
    const after = JSON.parse(readFileSync(out, 'utf8'));
    expect(after.candidate).toEqual(before.candidate);
    expect(after.combiner).toEqual(before.combiner);
    expect(after.modelClamp).toBe(before.modelClamp);
    expect(after.calibration).toEqual(before.calibration);
    // The real-text layer reads that decision side, so it stays with it (without --real nothing retrains it).
    expect(before.layer).toBeDefined();
    expect(after.layer).toEqual(before.layer);
    // Without --real the ranking is our own texts' alone, and the version says which decision side it kept.
    expect(after.examples.real).toBe(0);
    expect(after.version).toMatch(/\+cat-[0-9a-f]{8}$/);
    expect(after.version.startsWith(before.version.replace(/\+cat-.*$/, ''))).toBe(true);
    expect(result.stdout).toContain(`decision side kept from ${before.version.replace(/\+cat-.*$/, '')} →`);
  }, 120_000);

  it('refuses an unknown option and writes nothing', async () => {
    const out = join(dir, 'untouched.json');
    copyFileSync(DEFAULT_MODEL_PATH, out);
    const mtime = statSync(out).mtimeMs;
    const result = await trainModel(['--categories-only', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --categories-only');
    expect(statSync(out).mtimeMs).toBe(mtime);
  });
});
