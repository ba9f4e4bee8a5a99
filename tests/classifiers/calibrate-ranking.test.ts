// Category priors of a real-text calibration (classifiers/calibrate-ranking.ts, rank-categories.ts): a prior
// scales a blended score before the taxonomy's rules, which still decide where a circumstance says which id the
// report counts; the fit moves only ids the rows say something about.
import { describe, expect, it } from 'vitest';
import { calibrationProblems } from '../../classifiers/calibrate-combiner.ts';
import { calibratePriors, type RankingRow, topOneHits } from '../../classifiers/calibrate-ranking.ts';
import { type RankingInputs, rankCategories } from '../../classifiers/rank-categories.ts';

const inputs = (scores: [string, number][], contexts: string[] = []): RankingInputs => ({
  blended: scores.map(([id, s]) => ({ id: id as never, s })),
  evidenced: new Set(scores.map(([id]) => id)),
  contexts: new Set(contexts),
});

describe('rankCategories', () => {
  it('scales the blended scores by e^prior before ranking', () => {
    const r = inputs([
      ['threat', 0.5],
      ['pressure', 0.4],
    ]);
    expect(rankCategories(r)[0]!.id).toBe('threat');
    expect(rankCategories(r, { threat: -0.4 })[0]!.id).toBe('pressure');
  });

  it('leaves the taxonomy’s rules the last word: an administrative arrest stays an administrative case', () => {
    const r = inputs(
      [
        ['detention', 0.6],
        ['administrative_charge', 0.3],
      ],
      ['adminArrest'],
    );
    expect(rankCategories(r, { detention: 1.2, administrative_charge: -1.2 })[0]!.id).toBe(
      'administrative_charge',
    );
  });

  it('puts a known case first when its next step is all the lexicon found, whatever the word counts say', () => {
    // "Krestyansky loses his appeal": the watch list knows an administrative case; the model leans to a charge.
    const told = inputs([
      ['criminal_charge', 0.7],
      ['administrative_charge', 0.2],
    ]);
    expect(rankCategories(told)[0]!.id).toBe('criminal_charge');
    const followUp = { ...told, caseFollowUp: 'administrative_charge' as const };
    expect(rankCategories(followUp).map((c) => c.id)).toEqual(['administrative_charge', 'criminal_charge']);
    // Absent from the model's list, it is still put first.
    expect(rankCategories({ ...told, caseFollowUp: 'attack' })[0]!.id).toBe('attack');
  });
});

describe('calibratePriors', () => {
  // Twenty stories of pressure told with a threat's words (threat scored a little higher) and ten threats scored
  // clearly higher: lowering threat a little gets all thirty right.
  const rows: RankingRow[] = [
    ...Array.from({ length: 20 }, () => ({
      inputs: inputs([
        ['threat', 0.5],
        ['pressure', 0.42],
      ]),
      gold: 'pressure' as const,
    })),
    ...Array.from({ length: 10 }, () => ({
      inputs: inputs([
        ['threat', 0.8],
        ['pressure', 0.2],
      ]),
      gold: 'threat' as const,
    })),
  ];

  it('finds the priors that rank the most gold categories first', () => {
    expect(topOneHits(rows)).toBe(10);
    const prior = calibratePriors(rows);
    expect(topOneHits(rows, prior)).toBe(30);
    expect(calibrationProblems({ fittedOn: 'test', byLang: {}, categoryPrior: prior })).toEqual([]);
  });

  it('gives no prior where nothing is gained', () => {
    expect(calibratePriors(rows.slice(20))).toEqual({});
  });

  it('refuses a stored prior out of range, by its id', () => {
    expect(calibrationProblems({ fittedOn: 'x', byLang: {}, categoryPrior: { threat: 9 } })).toEqual([
      'calibration.categoryPrior.threat: must be a number between -3 and 3',
    ]);
  });
});
