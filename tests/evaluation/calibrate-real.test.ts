// `npm run calibrate:real` (evaluation/calibrate-real.ts) on a small real-dev-shaped set of our own sentences: it
// reads only the spent parts, keeps a language's calibration only when leaving parts out shows it generalises,
// writes the calibration into the model file without touching the rest, and says so when the cache is absent.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH, loadModel } from '../../classifiers/index.ts';
import { calibrateOnReal } from '../../evaluation/calibrate-real.ts';
import { normalizeExcerptText, sha256 } from '../../evaluation/excerpt-text.ts';

const CITIES = ['Уральске', 'Актобе', 'Таразе', 'Павлодаре', 'Костанае', 'Шымкенте', 'Семее', 'Атырау'];
const NAMES = ['Айгерим', 'Болат', 'Динара', 'Ерлан', 'Жанар', 'Марат', 'Нурлан', 'Сауле'];
// Violations: a reporter held while filming; others: a driver held, told by a reporter (the words a gate passes).
const violation = (i: number) =>
  `В ${CITIES[i % 8]} полицейские задержали журналиста ${NAMES[(i * 3) % 8]}, который снимал сход жителей ${i + 3} мая.`;
const ordinary = (i: number) =>
  `В ${CITIES[i % 8]} корреспондент рассказал, как полицейские задержали водителя ${NAMES[(i * 5) % 8]} за превышение скорости ${i + 3} мая.`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'calibrate-real-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeSet(
  parts: readonly (string | null)[],
  perPart: number,
): { manifest: string; excerpts: string } {
  const manifest: string[] = [];
  const excerpts: string[] = [];
  let n = 0;
  for (const part of parts)
    for (let i = 0; i < perPart; i++, n++) {
      const yes = i % 2 === 0;
      const text = normalizeExcerptText(yes ? violation(n) : ordinary(n));
      const id = `real-test${String(n).padStart(5, '0')}`;
      manifest.push(
        JSON.stringify({
          id,
          url: `https://news.example.kz/${n}`,
          query: 'test',
          rank: 1,
          start: 0,
          end: text.length,
          sha256: sha256(text),
          lang: 'ru',
          script: 'cyrl',
          kind: 'paragraph',
          source: 'news',
          candidate: yes,
          category: yes ? 'detention' : null,
          alsoFits: null,
          labeller: 'test',
          reason: 'our own sentence',
          ...(part ? { part } : {}),
        }),
      );
      excerpts.push(JSON.stringify({ id, text }));
    }
  const paths = { manifest: join(dir, 'manifest.jsonl'), excerpts: join(dir, 'excerpts.jsonl') };
  writeFileSync(paths.manifest, `${manifest.join('\n')}\n`);
  writeFileSync(paths.excerpts, `${excerpts.join('\n')}\n`);
  return paths;
}

describe('calibrateOnReal', () => {
  it('says the cache is absent and writes nothing', () => {
    const model = join(dir, 'model.json');
    copyFileSync(DEFAULT_MODEL_PATH, model);
    const before = readFileSync(model, 'utf8');
    const lines: string[] = [];
    const code = calibrateOnReal(0.3, {
      manifestPath: writeSet(['tuning'], 2).manifest,
      excerptsPath: join(dir, 'absent.jsonl'),
      modelPath: model,
      write: true,
      log: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/cache absent .*nothing calibrated/);
    expect(readFileSync(model, 'utf8')).toBe(before);
  });

  it('reads only the spent parts and writes a calibration beside the model’s tables', () => {
    // null: entries without a part (not yet split), which no calibration may read.
    const set = writeSet(['tuning', 'heldout', 'fresh', null], 60);
    const model = join(dir, 'model.json');
    copyFileSync(DEFAULT_MODEL_PATH, model);
    const lines: string[] = [];
    calibrateOnReal(0.3, {
      manifestPath: set.manifest,
      excerptsPath: set.excerpts,
      modelPath: model,
      cv: true,
      write: true,
      log: (l) => lines.push(l),
    });
    const out = lines.join('\n');
    // The 60 entries of no part never enter a fit.
    expect(out).toContain('real dev set: 180 excerpts of the spent parts');
    expect(out).toMatch(/ru model's combiner +P /);
    const written = loadModel(model);
    const installed = loadModel(DEFAULT_MODEL_PATH);
    expect(written.candidate).toEqual(installed.candidate);
    expect(written.combiner).toEqual(installed.combiner);
    expect(written.calibration?.fittedOn).toContain('180 excerpts');
    // Kazakh and English had no texts: they keep the model's combiner, and the run says so.
    expect(Object.keys(written.calibration?.byLang ?? {})).not.toContain('kk');
    expect(out).toContain("kk: keeps the model's combiner");
    // The committed model's real-text layer read the decision this calibration replaces: it goes, and the run says so.
    expect(installed.layer).toBeDefined();
    expect(written.layer).toBeUndefined();
    expect(out).toContain('the real-text layer learnt over the previous decision was dropped');
  });

  it('fits no category priors when the category model learnt the parts it would be judged on', () => {
    const set = writeSet(['tuning', 'heldout', 'fresh'], 20);
    const model = join(dir, 'model.json');
    const installed = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8'));
    writeFileSync(model, JSON.stringify({ ...installed, examples: { ...installed.examples, real: 30 } }));
    const lines: string[] = [];
    calibrateOnReal(0.3, {
      manifestPath: set.manifest,
      excerptsPath: set.excerpts,
      modelPath: model,
      write: true,
      log: (l) => lines.push(l),
    });
    expect(lines.join('\n')).toContain(
      'ranking: the category model learnt 30 violations of these parts (train:model -- --real), so its ranking of them is in-sample; no category priors fitted',
    );
    expect(loadModel(model).calibration?.categoryPrior).toBeUndefined();
  });
});
