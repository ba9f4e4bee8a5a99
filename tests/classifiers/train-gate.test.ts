// config/train-gate.json is read by `soz train` before it trains anything: a field missing or out of range is named
// with the file, and the layer rule (how many reviewer decisions teach the new model a real-text layer) is part of it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrainGate, TRAIN_GATE_FILE } from '../../classifiers/compare-models.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'train-gate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const committed = JSON.parse(readFileSync(TRAIN_GATE_FILE, 'utf8')) as Record<string, unknown>;
const write = (value: unknown) => {
  const file = join(dir, 'train-gate.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('loadTrainGate', () => {
  it('reads the committed gate, with the layer rule', () => {
    const gate = loadTrainGate();
    expect(gate.layer.minReviewed).toBeGreaterThanOrEqual(gate.layer.minEachClass * 2);
    expect(gate.layer.minEachClass).toBeGreaterThan(0);
  });

  it.each([
    ['without a layer rule', { ...committed, layer: undefined }],
    ['with a layer rule of no decisions', { ...committed, layer: { minReviewed: 0, minEachClass: 30 } }],
    ['with a layer rule missing its classes', { ...committed, layer: { minReviewed: 100 } }],
  ])('names the file and the field %s', (_, value) => {
    const file = write(value);
    expect(() => loadTrainGate(file)).toThrow(`${file}: layer is missing or invalid`);
  });
});
