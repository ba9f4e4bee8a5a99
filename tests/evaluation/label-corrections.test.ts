// The committed log of label corrections agrees with the committed manifest, and a disagreement is reported.
import { describe, expect, it } from 'vitest';
import {
  labelCorrectionProblems,
  parseLabelCorrections,
  readLabelCorrections,
  readManifest,
} from '../../evaluation/index.ts';

describe('label corrections of the real dev set (config/dev/real/label-corrections.jsonl)', () => {
  it('every corrected entry carries its corrected label in the manifest', () => {
    const corrections = readLabelCorrections();
    expect(corrections.length).toBeGreaterThan(0);
    expect(labelCorrectionProblems(readManifest(), corrections)).toEqual([]);
  });

  it('administrative arrests of N days ordered by a court are labelled administrative_charge', () => {
    const manifest = new Map(readManifest().map((e) => [e.id, e]));
    for (const c of readLabelCorrections().filter((x) => x.rule === 'administrative-arrest'))
      expect(manifest.get(c.id)?.category).toBe('administrative_charge');
  });

  it('reports a manifest label that is not the logged one, and an unknown id', () => {
    const [entry] = readManifest();
    const line = (id: string, category: string) =>
      JSON.stringify({
        id,
        from: { category: null, alsoFits: null, reason: 'old' },
        to: { category, alsoFits: null, reason: 'new' },
        rule: 'administrative-arrest',
        by: 'test',
        date: '2026-12-06',
      });
    const log = parseLabelCorrections(
      `${line(entry!.id, 'detention')}\n${line('real-0000000000', 'attack')}\n`,
      'log',
    );
    const problems = labelCorrectionProblems([entry!], log);
    expect(problems.some((p) => p.startsWith(`${entry!.id}: manifest category`))).toBe(true);
    expect(problems).toContain('real-0000000000: corrected in the log but not in the manifest');
  });

  it('names the line of a malformed correction', () => {
    expect(() => parseLabelCorrections('{"id":"x","rule":"r","by":"b","date":"06.12.2026"}', 'log')).toThrow(
      /log:1: "date"/,
    );
    expect(() =>
      parseLabelCorrections(
        '{"id":"x","rule":"r","by":"b","date":"2026-12-06","from":{"category":"arrest","alsoFits":null,"reason":"a"}}',
        'log',
      ),
    ).toThrow(/log:1: "from".category: unknown category/);
  });
});
