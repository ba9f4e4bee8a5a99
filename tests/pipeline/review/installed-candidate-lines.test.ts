// The queue's "most uncertain first" order without a live classifier reads the installed model's lines from its file:
// once while the file is unchanged, again as soon as it is rewritten (a retrain or a recalibration installs a new one).
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH } from '../../../classifiers/index.ts';
import { installedCandidateLines } from '../../../pipeline/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

describe('installedCandidateLines', () => {
  const dir = tempDir('soz-installed-lines-');
  const path = join(dir, 'model.json');
  const committed = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as {
    calibration?: { byLang: Record<string, { threshold: number }> };
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the file when it is rewritten, and remembers it while it is not', () => {
    // The first language the committed model calibrates (kk and ru at the time of writing).
    const lang = Object.keys(committed.calibration!.byLang)[0]!;
    const withLine = (line: number) => {
      // Without its real-text layer, whose one line would stand for every language.
      const model = { ...structuredClone(committed), layer: undefined };
      const byLang = model.calibration!.byLang;
      byLang[lang] = { ...byLang[lang]!, threshold: line };
      return JSON.stringify(model);
    };
    writeFileSync(path, withLine(0.31));
    const first = installedCandidateLines(path);
    expect(first.byLang[lang]).toBe(0.31);
    // Unchanged file: the same lines, not a second parse.
    expect(installedCandidateLines(path)).toBe(first);
    writeFileSync(path, withLine(0.47));
    // A rewrite within the same millisecond keeps the time; the size or a later time tells it apart.
    const later = new Date(statSync(path).mtimeMs + 2000);
    utimesSync(path, later, later);
    expect(installedCandidateLines(path).byLang[lang]).toBe(0.47);
  });

  it('names a missing file in an input error, and finds it once it is there', () => {
    const missing = join(dir, 'later.json');
    expect(() => installedCandidateLines(missing)).toThrow(/cannot read the classifier model .*later\.json/);
    writeFileSync(missing, readFileSync(DEFAULT_MODEL_PATH, 'utf8'));
    expect(installedCandidateLines(missing).default).toBeGreaterThan(0);
  });
});
