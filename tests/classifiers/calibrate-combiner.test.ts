// The real-text calibration of the candidate decision (classifiers/calibrate-combiner.ts): refitting the combiner
// and the line on labelled rows, refusing a broken stored calibration by its field, and the classifier using a
// language's calibration for that language only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrateLanguage,
  calibrationProblems,
  combinerScore,
  type DecisionRow,
} from '../../classifiers/calibrate-combiner.ts';
import { createClassifier, loadModel } from '../../classifiers/index.ts';
import { verdictOf } from '../helpers/classify-verdict.ts';

// Rows shaped like real ones: a lexicon hit with its target beside it, and the model's log-odds. Here the
// violations are told apart by the model's input alone (positive for them, negative for the others), so a fit
// must lean on it.
function rows(lang: string, n: number): DecisionRow[] {
  return Array.from({ length: n }, (_, i) => {
    const violation = i % 2 === 0;
    const model = (violation ? 1 : -1) * (0.5 + (i % 7) / 7);
    return { lang, inputs: [2, 1, model, 0, 2, 1], gate: true, violation };
  });
}

describe('calibrateLanguage', () => {
  it('fits a combiner that follows the input that separates, and a line that keeps them apart', () => {
    const c = calibrateLanguage(rows('kk', 80))!;
    expect(c.combiner.model).toBeGreaterThan(0.5);
    const scores = rows('kk', 80).map((r) => [
      r.violation,
      combinerScore(c.combiner, r.inputs) >= c.threshold,
    ]);
    expect(scores.every(([gold, got]) => gold === got)).toBe(true);
    expect(c).toMatchObject({ examples: 80, violations: 40 });
  });

  it('fits nothing on too few texts of a class, and leaves out rows its gate stopped', () => {
    expect(calibrateLanguage(rows('kk', 30))).toBeNull();
    const stopped = rows('kk', 80).map((r) => ({ ...r, gate: false }));
    expect(calibrateLanguage(stopped)).toBeNull();
  });

  it('calibrates each language that has enough texts, and only those', () => {
    const c = calibrate([...rows('ru', 80), ...rows('en', 10)], 'test rows');
    expect(Object.keys(c.byLang)).toEqual(['ru']);
    expect(c.fittedOn).toBe('test rows');
  });
});

describe('a stored calibration', () => {
  const good = calibrate(rows('ru', 80), 'test rows');
  it('is sound when fitted', () => {
    expect(calibrationProblems(good)).toEqual([]);
  });
  it.each([
    [{ ...good, byLang: { xx: good.byLang.ru } }, 'calibration.byLang.xx: not one of kk, ru, en'],
    [
      { ...good, byLang: { ru: { ...good.byLang.ru, threshold: 1.5 } } },
      'calibration.byLang.ru.threshold: must be a number between 0 and 1',
    ],
    [
      { ...good, byLang: { ru: { ...good.byLang.ru, combiner: { bias: 1 } } } },
      'calibration.byLang.ru.combiner: needs six finite weights',
    ],
    [{ byLang: {} }, 'calibration.fittedOn: must say what it was fitted on'],
  ])('names the field of a broken one (%#)', (bad, message) => {
    expect(calibrationProblems(bad)).toContain(message);
  });
  it('stops loadModel with the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibration-'));
    try {
      const file = join(dir, 'model.json');
      const broken = { ...good, byLang: { ru: { ...good.byLang.ru, threshold: 'high' } } };
      writeFileSync(file, JSON.stringify({ ...loadModel(), calibration: broken }));
      expect(() => loadModel(file)).toThrow(`${file}: calibration.byLang.ru.threshold`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the classifier with a calibration', () => {
  const model = loadModel();
  // The real-text layer set aside: it would decide over whichever line the calibration sets.
  const base = { ...model, calibration: undefined, layer: undefined };
  // A Russian calibration whose line no text can reach: Russian texts stop being candidates, Kazakh ones do not.
  const closed = {
    ...base,
    calibration: {
      fittedOn: 'test',
      byLang: {
        ru: { combiner: { ...model.combiner, bias: -50 }, threshold: 0.5, examples: 1, violations: 1 },
      },
    },
  };
  const ru = 'Журналиста задержали во время съёмки митинга и доставили в отдел полиции.';
  const kk = 'Журналист митингті түсіріп жүрген кезде ұсталып, полиция бөліміне апарылды.';

  it('decides a language by its calibration and the others by the model’s combiner', () => {
    const plain = createClassifier({ model: base });
    const calibrated = createClassifier({ model: closed });
    expect(verdictOf(plain, ru).candidate).toBe(true);
    expect(verdictOf(calibrated, ru).candidate).toBe(false);
    expect(verdictOf(calibrated, kk).candidate).toBe(verdictOf(plain, kk).candidate);
  });

  it('names the calibration in the model version its classifications carry', () => {
    expect(createClassifier({ model: base }).modelVersion).not.toContain('+cal-');
    expect(createClassifier({ model: closed }).modelVersion).toMatch(/\+cal-[0-9a-f]{8}\+cfg-/);
  });
});
