// Pinned floors on the held-out dev sets (config/dev/, written by the project and never trained on): CI fails when
// a change to lexicons, thresholds or the model makes any of these figures regress. Raise them when figures rise.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ClassifierReport,
  evaluateClassifier,
  evaluateLanguage,
  type LanguageReport,
  type LanguageSample,
} from '../../classifiers/evaluate-classifier.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { readLabelledSet } from '../../classifiers/read-labelled-set.ts';
import { CONFIG_DIR } from '../../core/index.ts';

const FLOORS = {
  precision: 0.95,
  recall: 0.93,
  perLanguageRecall: 0.9,
  perLanguagePrecision: 0.9,
  topCategory: 0.88,
  languageParagraphs: 0.995,
  // language.jsonl headlines: 315/327 (0.963) after the 90 headlines added as a held-out check; one more error allowed.
  languageHeadlines: 0.96,
  // classify-fresh.jsonl: written after the model and lexicons, looked at only for the report's figures.
  freshPrecision: 0.85,
  freshRecall: 0.8,
  freshTopCategory: 0.6,
  // classify-articles.jsonl: full-length articles (2-5 paragraphs), where naive Bayes evidence used to grow with
  // length and loosening reforms read as regulation. 17 candidates, 21 ordinary stories: each floor allows one
  // more error than the current figure (P 1.0, R 1.0, top category 0.94).
  articlesPrecision: 0.94,
  articlesRecall: 0.94,
  articlesTopCategory: 0.88,
};

let report: ClassifierReport;
let fresh: ClassifierReport;
let articles: ClassifierReport;
let language: LanguageReport;
beforeAll(() => {
  const classifier = createClassifier();
  report = evaluateClassifier(classifier, readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify.jsonl')));
  fresh = evaluateClassifier(classifier, readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-fresh.jsonl')));
  articles = evaluateClassifier(
    classifier,
    readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-articles.jsonl')),
  );
  const samples = readFileSync(resolve(CONFIG_DIR, 'dev', 'language.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LanguageSample);
  language = evaluateLanguage(samples);
});

describe('classifier on the dev set', () => {
  it('keeps candidate precision and recall above their floors', () => {
    const overall = report.systems.find((s) => s.name === 'classifier')!.overall;
    expect(overall.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(overall.recall).toBeGreaterThanOrEqual(FLOORS.recall);
  });

  it('keeps every language above its floors', () => {
    const byLang = report.systems.find((s) => s.name === 'classifier')!.byLang;
    for (const lang of ['ru', 'kk', 'en']) {
      expect(byLang[lang]!.recall, `recall ${lang}`).toBeGreaterThanOrEqual(FLOORS.perLanguageRecall);
      expect(byLang[lang]!.precision, `precision ${lang}`).toBeGreaterThanOrEqual(
        FLOORS.perLanguagePrecision,
      );
    }
  });

  it('beats the keyword baseline on F1', () => {
    const f1 = (name: string) => report.systems.find((s) => s.name === name)!.overall.f1;
    expect(f1('classifier')).toBeGreaterThan(f1('keyword regex') + 0.1);
  });

  it('ranks the right category first for most true candidates', () => {
    expect(report.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.topCategory);
  });
});

describe('classifier on the fresh dev set', () => {
  it('keeps candidate precision, recall and top category above their floors', () => {
    const overall = fresh.systems.find((s) => s.name === 'classifier')!.overall;
    expect(overall.precision).toBeGreaterThanOrEqual(FLOORS.freshPrecision);
    expect(overall.recall).toBeGreaterThanOrEqual(FLOORS.freshRecall);
    expect(fresh.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.freshTopCategory);
  });
});

describe('classifier on full-length articles', () => {
  it('keeps candidate precision, recall and top category above their floors', () => {
    const overall = articles.systems.find((s) => s.name === 'classifier')!.overall;
    expect(overall.precision).toBeGreaterThanOrEqual(FLOORS.articlesPrecision);
    expect(overall.recall).toBeGreaterThanOrEqual(FLOORS.articlesRecall);
    expect(articles.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.articlesTopCategory);
  });
});

describe('language identification on the dev set', () => {
  it('keeps paragraphs and headlines above their floors', () => {
    expect(language.byKind.paragraph!.accuracy).toBeGreaterThanOrEqual(FLOORS.languageParagraphs);
    expect(language.byKind.headline!.accuracy).toBeGreaterThanOrEqual(FLOORS.languageHeadlines);
  });
});
