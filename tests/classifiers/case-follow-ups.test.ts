// Follow-ups of known cases (lexicon-evidence.ts caseFollowUps): a story that tells only a case's next step
// (acquitted, released, appeal heard) names no charge or arrest, yet the report follows the case through it. The
// person's case comes from the watch list ('case') or from the dataset's latest entry (knownMedia.cases). Texts are
// our own; the watched names are the list's (Батырбеков: criminal_charge, Есенов: detention).
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import { verdictOf } from '../helpers/classify-verdict.ts';

const classifier = createClassifier();
const verdict = (text: string, c = classifier) => verdictOf(c, text);

describe('a known person beside a case step follows up the case', () => {
  it.each([
    ['ru: acquittal told by the court', 'Суд оправдал Амангельды Батырбекова', 'criminal_charge'],
    ['kk: a two-word headline', 'Батырбеков ақталды', 'criminal_charge'],
    ['en: release after the term', 'Yesergepov released after three years behind bars', 'criminal_charge'],
    ['en: an appeal hearing', 'Yensebek appeal hearing set for next week', 'criminal_charge'],
    [
      'en: cleared of the charges',
      'A court cleared Yulia Kozlova of all charges on Monday',
      'criminal_charge',
    ],
    ['ru: a detention case ends with release', 'Серика Есенова отпустили около полуночи', 'detention'],
  ])('%s', (_quirk, text, category) => {
    const v = verdict(text);
    expect(v.candidate).toBe(true);
    expect(v.first).toBe(category);
  });

  it('reports the step’s words as the evidence', () => {
    const text = 'Суд оправдал Амангельды Батырбекова';
    const c = classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));
    expect(c.categories[0]!.evidence.map((e) => e.text)).toContain('оправдал');
  });
});

describe('without a known case there is no follow-up', () => {
  it('an unknown person acquitted is ordinary court news', () => {
    expect(verdict('Суд оправдал предпринимателя Жаксылыкова').candidate).toBe(false);
  });
  it('a watched person with cases of several kinds has no single case to follow', () => {
    // Ахмедьяров: attacked, sued and jailed: the list gives him no 'case'.
    expect(verdict('Ахмедьяров вышел на свободу').candidate).toBe(false);
  });
  it('a step far from the name is not the person’s', () => {
    expect(
      verdict(
        'Батырбеков рассказал на встрече с жителями о планах по ремонту дорог и школ района, а суд в тот же день оправдал водителя',
      ).first,
    ).not.toBe('criminal_charge');
  });
});

describe('the dataset’s people follow up their latest case', () => {
  const withDataset = createClassifier({
    knownMedia: {
      people: ['Гульмира Бекжанова'],
      outlets: [],
      cases: { 'Гульмира Бекжанова': 'civil_claim' },
    },
  });
  it('the case category comes from the dataset', () => {
    const v = verdict('Апелляционная коллегия пересмотрела решение по делу Бекжановой', withDataset);
    expect(v.candidate).toBe(true);
    expect(v.first).toBe('civil_claim');
  });
  it('without a case the name alone beside a step is not a follow-up', () => {
    const noCase = createClassifier({ knownMedia: { people: ['Гульмира Бекжанова'], outlets: [] } });
    expect(verdict('Бекжанову освободили', noCase).candidate).toBe(false);
  });
});
