// `train:model -- --real` reads the real dev set's violations through realTrainingExamples: spent parts only (a part
// waiting for its one measurement must not teach the model), violations only (the category model learns from them),
// and null when the cache is absent so that the script can stop and say so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestLine, SPENT_PARTS } from '../../evaluation/index.ts';
import { rankingLeaveOnePartOut } from '../../evaluation/ranking-leave-one-part-out.ts';
import { realTrainingExamples } from '../../evaluation/real-training-examples.ts';
import { manifestEntry } from '../helpers/manifest-entry.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'real-training-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (i: number, over: Parameters<typeof manifestEntry>[1]) => manifestEntry(i, over, 'train');

function writeSet(withCache: boolean) {
  const rows: [ReturnType<typeof entry>, string | null][] = [
    [
      entry(1, { candidate: true, category: 'detention', part: 'tuning' }),
      'В Кокшетау полицейские увезли корреспондента районной газеты с пикета у акимата.',
    ],
    [entry(2, { part: 'tuning' }), 'В Кокшетау открыли новую библиотеку для школьников.'],
    [
      entry(3, { candidate: true, category: 'civil_claim', part: 'heldout', lang: 'kk' }),
      'Әкім аудандық газетке қарсы ар-намысын қорғау туралы талап арыз берді.',
    ],
    // A spent part's violation whose text the cache lacks: counted as missing, not invented.
    [entry(4, { candidate: true, category: 'attack', part: 'fresh' }), null],
    // A part outside those named (by default SPENT_PARTS: one still waiting for its measurement): never read.
    [
      entry(5, { candidate: true, category: 'blocking', part: 'fresh25', lang: 'en', script: 'latn' }),
      'The regional news site was blocked on the order of the ministry.',
    ],
  ];
  const manifest = join(dir, 'manifest.jsonl');
  const excerpts = join(dir, 'excerpts.jsonl');
  writeFileSync(manifest, rows.map(([e]) => manifestLine(e)).join('\n') + '\n');
  if (withCache)
    writeFileSync(
      excerpts,
      rows
        .filter(([, text]) => text !== null)
        .map(([e, text]) => JSON.stringify({ id: e.id, text }))
        .join('\n') + '\n',
    );
  return { manifestPath: manifest, excerptsPath: excerpts };
}

describe('realTrainingExamples', () => {
  it("returns the spent parts' violations as 'real' examples, and counts the ones the cache lacks", () => {
    const set = realTrainingExamples({ ...writeSet(true), parts: ['tuning', 'heldout', 'fresh'] });
    expect(set).not.toBeNull();
    expect(set!.examples.map((e) => [e.id, e.category, e.lang, e.origin, e.candidate])).toEqual([
      ['real-train1', 'detention', 'ru', 'real', true],
      ['real-train3', 'civil_claim', 'kk', 'real', true],
    ]);
    expect(set!.missing).toBe(1);
    expect(set!.parts).not.toContain('fresh25');
  });

  it('reads the spent parts when no parts are named', () => {
    expect(realTrainingExamples(writeSet(true))!.parts).toEqual(SPENT_PARTS);
  });

  it('is null when the cache is absent', () => {
    expect(realTrainingExamples(writeSet(false))).toBeNull();
  });
});

describe('rankingLeaveOnePartOut (npm run eval:ranking-real)', () => {
  it("ranks each named part's violations with a category model that never learnt that part", () => {
    const left: string[] = [];
    const tallies = rankingLeaveOnePartOut({
      ...writeSet(true),
      parts: ['tuning', 'heldout'],
      onPart: (p) => left.push(p),
    });
    expect(left).toEqual(['tuning', 'heldout']);
    // The two violations with text, one Russian and one Kazakh; the fresh25 line is outside the parts named.
    expect(tallies!.get('all')!.violations).toBe(2);
    expect(tallies!.get('ru')!.violations).toBe(1);
    expect(tallies!.get('kk')!.violations).toBe(1);
    const all = tallies!.get('all')!;
    for (const [top1, top2] of [all.baseOnly, all.learnt]) expect(top1).toBeLessThanOrEqual(top2);
    // Both are candidates of the installed decision and ranked first by the base set's model already.
    expect(all.baseOnly).toEqual([2, 2]);
  }, 120_000);

  it('is null when the cache is absent', () => {
    expect(rankingLeaveOnePartOut({ ...writeSet(false), parts: ['tuning'] })).toBeNull();
  });
});
