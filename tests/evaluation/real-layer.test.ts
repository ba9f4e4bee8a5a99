// The real-text layer learns from the real dev set's spent parts only (a part waiting for its one measurement never
// teaches it), `npm run eval:layer-real` decides each part with a layer that never saw it, and both say "absent"
// rather than invent figures when the cache is missing. Sentences of our own writing stand in for the cache.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../classifiers/index.ts';
import { layerLeaveOnePartOut, manifestLine, trainLayerOnReal } from '../../evaluation/index.ts';
import { manifestEntry } from '../helpers/manifest-entry.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'real-layer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (i: number, over: Parameters<typeof manifestEntry>[1]) => manifestEntry(i, over, 'layer');

function writeSet(withCache: boolean) {
  const rows: [ReturnType<typeof entry>, string][] = [
    [
      entry(1, { candidate: true, category: 'detention', part: 'tuning' }),
      'В Кокшетау полицейские задержали корреспондента районной газеты на пикете у акимата.',
    ],
    [
      entry(2, { candidate: true, category: 'administrative_charge', part: 'tuning' }),
      'Суд в Таразе оштрафовал блогера за видео о больнице.',
    ],
    [
      entry(3, { part: 'tuning' }),
      'По данным ежегодного отчёта, в регионе за год задержали десятки журналистов.',
    ],
    [entry(4, { part: 'tuning' }), 'В Кокшетау открыли новую библиотеку для школьников.'],
    [
      entry(5, { candidate: true, category: 'attack', part: 'heldout' }),
      'В Алматы неизвестные избили журналиста новостного сайта у его дома.',
    ],
    [
      entry(6, { part: 'heldout' }),
      'Ежегодный обзор перечисляет штрафы блогерам и задержания журналистов в регионе.',
    ],
    // A part outside those named: never read, neither for training nor for the figures.
    [
      entry(7, { candidate: true, category: 'blocking', part: 'fresh25', lang: 'en', script: 'latn' }),
      'The regional news site was blocked on the order of the ministry.',
    ],
  ];
  const manifest = join(dir, 'manifest.jsonl');
  const excerpts = join(dir, 'excerpts.jsonl');
  writeFileSync(manifest, rows.map(([e]) => manifestLine(e)).join('\n') + '\n');
  if (withCache)
    writeFileSync(excerpts, rows.map(([e, text]) => JSON.stringify({ id: e.id, text })).join('\n') + '\n');
  return { manifestPath: manifest, excerptsPath: excerpts, parts: ['tuning', 'heldout'] };
}

describe('trainLayerOnReal (npm run train:model -- --real)', () => {
  it("learns every excerpt of the named parts over the model's decision, and says so in fittedOn", () => {
    const trained = trainLayerOnReal(loadModel(), writeSet(true));
    expect(trained).not.toBeNull();
    expect([trained!.layer.examples, trained!.layer.violations, trained!.missing]).toEqual([6, 3, 0]);
    expect(trained!.layer.fittedOn).toBe('real dev set: tuning, heldout (6 excerpts)');
    expect(trained!.parts).toEqual(['tuning', 'heldout']);
  });

  it('is null when the cache is absent', () => {
    expect(trainLayerOnReal(loadModel(), writeSet(false))).toBeNull();
  });
});

describe('layerLeaveOnePartOut (npm run eval:layer-real)', () => {
  it('decides each named part with a layer learnt from the others, per language and per part', () => {
    const left: string[] = [];
    const tallies = layerLeaveOnePartOut({ ...writeSet(true), onPart: (p) => left.push(p) });
    expect(left).toEqual(['tuning', 'heldout']);
    const all = tallies!.get('all')!;
    expect([all.texts, all.violations]).toEqual([6, 3]);
    expect(tallies!.get('part:heldout')!.texts).toBe(2);
    expect(tallies!.has('en')).toBe(false);
    // Found and false alarms never exceed what the part holds, for either decision.
    for (const [found, alarms] of [all.base, all.layer]) {
      expect(found).toBeLessThanOrEqual(all.violations);
      expect(alarms).toBeLessThanOrEqual(all.texts - all.violations);
    }
  });

  it('is null when the cache is absent', () => {
    expect(layerLeaveOnePartOut(writeSet(false))).toBeNull();
  });
});
