// The derivations of core/legal-case.ts: case-number spellings, the event each entry is in its case, the
// status sequence (claim, hearing, decision, appeal, drop), amounts and honour, and when an entry is ongoing.
import { describe, expect, it } from 'vitest';
import {
  type CaseEntryFacts,
  caseTimeline,
  deriveCaseFacts,
  normalizeCaseNumber,
  ongoingInCase,
} from '../../core/index.ts';

const entry = (over: Partial<CaseEntryFacts> & Pick<CaseEntryFacts, 'id' | 'month'>): CaseEntryFacts => ({
  eventDate: null,
  category: 'civil_claim',
  stage: 'charge',
  inCourt: false,
  outcome: null,
  claimedAmountKzt: null,
  awardedAmountKzt: null,
  isHonorDignity: false,
  lawArticle: null,
  ...over,
});

describe('case numbers', () => {
  it('compare equal across «№», spaces, case and Latin look-alikes of the type letters', () => {
    const portal = normalizeCaseNumber('7527-20-00-2а/1234');
    expect(normalizeCaseNumber('№ 7527-20-00-2a/1234')).toBe(portal);
    expect(normalizeCaseNumber(' 7527-20-00-2А/1234 ')).toBe(portal);
    expect(normalizeCaseNumber('6003-25-00-4k/1454(2)')).toBe(normalizeCaseNumber('6003-25-00-4к/1454(2)'));
    expect(normalizeCaseNumber('7527-20-00-2/1234')).not.toBe(portal);
  });
});

describe('a case’s timeline', () => {
  it('orders by date, derives each event and the status it leaves', () => {
    const steps = caseTimeline([
      entry({
        id: 'act',
        month: '2020-09',
        eventDate: '2020-09-10',
        stage: 'judicial_act',
        outcome: 'partial',
      }),
      entry({ id: 'claim', month: '2020-06', eventDate: '2020-06-02' }),
      entry({
        id: 'closed',
        month: '2020-07',
        eventDate: '2020-07-15',
        category: 'closed_session',
        stage: 'incident',
      }),
      entry({ id: 'again', month: '2020-08', eventDate: '2020-08-01' }),
      entry({ id: 'appeal', month: '2020-10', eventDate: '2020-10-01', caseEvent: 'appeal' }),
    ]);
    expect(steps.map((s) => [s.entry.id, s.event, s.status])).toEqual([
      ['claim', 'charge', 'pending'],
      ['closed', 'closed_hearing', 'in_court'],
      ['again', 'hearing', 'in_court'],
      ['act', 'judicial_act', 'partial'],
      ['appeal', 'appeal', 'appealed'],
    ]);
  });

  it('follows an appeal’s act, a drop, and a claim filed straight with a court', () => {
    const appealWon = caseTimeline([
      entry({ id: 'a', month: '2021-01', stage: 'judicial_act', outcome: 'against_media' }),
      entry({ id: 'b', month: '2021-02', caseEvent: 'appeal' }),
      entry({ id: 'c', month: '2021-03', stage: 'judicial_act', outcome: 'for_media' }),
    ]);
    expect(appealWon.map((s) => s.status)).toEqual([
      'decided_against_media',
      'appealed',
      'decided_for_media',
    ]);
    const dropped = caseTimeline([
      entry({ id: 'a', month: '2021-01', inCourt: true }),
      entry({ id: 'b', month: '2021-02', caseEvent: 'dropped' }),
    ]);
    expect(dropped.map((s) => s.status)).toEqual(['in_court', 'dropped']);
  });
});

describe('derived case facts', () => {
  it('takes the latest claim, the latest act’s award, honour by flag or ГК 143, the months', () => {
    const d = deriveCaseFacts([
      entry({ id: 'a', month: '2020-03', claimedAmountKzt: 10_000_000, lawArticle: 'ГК РК 143' }),
      entry({
        id: 'b',
        month: '2020-05',
        stage: 'judicial_act',
        outcome: 'against_media',
        awardedAmountKzt: 500_000,
      }),
      entry({
        id: 'c',
        month: '2020-08',
        stage: 'judicial_act',
        outcome: 'for_media',
        awardedAmountKzt: null,
      }),
    ]);
    expect(d).toEqual({
      status: 'decided_for_media',
      claimedAmountKzt: 10_000_000,
      // The appeal's act set the first instance's award aside.
      awardedAmountKzt: null,
      honorDignity: true,
      firstMonth: '2020-03',
      lastMonth: '2020-08',
    });
    expect(deriveCaseFacts([]).status).toBe('pending');
    expect(deriveCaseFacts([entry({ id: 'a', month: '2020-01' })], true).status).toBe('in_court');
  });

  it('calls an entry ongoing when its case began in an earlier month', () => {
    expect(ongoingInCase('2020-08', '2020-07')).toBe(true);
    expect(ongoingInCase('2020-08', '2020-08')).toBe(false);
    expect(ongoingInCase('2020-08', null)).toBe(false);
  });
});
