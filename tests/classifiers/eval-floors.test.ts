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
  // classify.jsonl: P 1.0, R 1.0 (91 candidates), top category 0.978; each floor allows about two more errors.
  precision: 0.97,
  recall: 0.97,
  perLanguageRecall: 0.93,
  perLanguagePrecision: 0.93,
  topCategory: 0.95,
  languageParagraphs: 0.995,
  // language.jsonl headlines: 326/327 (0.997) with the character n-gram model; two more errors allowed.
  languageHeadlines: 0.99,
  // The blind sets were written by an engineer who never saw the lexicons, training texts or model, and measured
  // once (never tuned on): a change that makes them regress has lost generality. classify-blind.jsonl (93
  // candidates, 93 ordinary stories, 57 of them hard negatives): P 0.875, R 0.828, top 0.763 with the earlier
  // classifier; P 0.908, R 0.957, top category 0.925 now. language-blind.jsonl: headlines 0.925 -> 0.996 (239/240),
  // paragraphs 90/90. Each floor allows two or three more errors.
  blindPrecision: 0.88,
  blindRecall: 0.93,
  blindTopCategory: 0.89,
  blindLanguageHeadlines: 0.985,
  blindLanguageParagraphs: 0.995,
  // classify-fresh.jsonl: written after the model and lexicons; its misses then showed which families of phrasing
  // the lexicons lacked (detention, dismissal, mobile network shutdowns, pre-trial claims), and those families were
  // covered in all three languages. P 1.0, R 0.97, top category 0.97 (33 candidates); one or two more errors allowed.
  freshPrecision: 0.94,
  freshRecall: 0.9,
  freshTopCategory: 0.9,
  // classify-fresh2.jsonl: 42 texts written before the November lexicon and model changes (P 0.96, R 0.88, top 0.81
  // before; P 1.0, R 1.0, top 1.0 after). Its author also wrote the new lexicon entries, so it is optimistic.
  fresh2Precision: 0.95,
  fresh2Recall: 0.92,
  fresh2TopCategory: 0.9,
  // classify-fresh3.jsonl: 62 texts, 21 candidates written after the first lexicon changes with phrasings deliberately
  // not in them, and 41 ordinary stories (24 hard negatives). P 0.79, R 0.52, top 0.38 before; P 1.0, R 0.90, top
  // 0.81 after (two of its category errors led to patterns, "in private", "took control of"); one error allowed.
  fresh3Precision: 0.94,
  fresh3Recall: 0.8,
  fresh3TopCategory: 0.71,
  // classify-fresh4.jsonl: 28 texts written last, after every other change, and measured once: P 0.88, R 0.88, top
  // category 0.82 (the honest figure for unseen texts). Its five errors then led to negative cues (traffic offences,
  // network maintenance) and three phrasings; now P 1.0, R 1.0, top 0.94. One or two more errors allowed.
  fresh4Precision: 0.9,
  fresh4Recall: 0.9,
  fresh4TopCategory: 0.85,
  // classify-articles.jsonl: full-length articles (2-5 paragraphs), where naive Bayes evidence used to grow with
  // length and loosening reforms read as regulation. 17 candidates, 21 ordinary stories: P 1.0, R 1.0, top category
  // 1.0 (the lead paragraph now outweighs background); each floor allows one error.
  articlesPrecision: 0.94,
  articlesRecall: 0.94,
  articlesTopCategory: 0.94,
};

let report: ClassifierReport;
let fresh: ClassifierReport;
let fresh2: ClassifierReport;
let fresh3: ClassifierReport;
let fresh4: ClassifierReport;
let articles: ClassifierReport;
let blind: ClassifierReport;
let language: LanguageReport;
let blindLanguage: LanguageReport;
beforeAll(() => {
  const classifier = createClassifier();
  report = evaluateClassifier(classifier, readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify.jsonl')));
  fresh = evaluateClassifier(classifier, readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-fresh.jsonl')));
  fresh2 = evaluateClassifier(
    classifier,
    readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-fresh2.jsonl')),
  );
  fresh3 = evaluateClassifier(
    classifier,
    readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-fresh3.jsonl')),
  );
  fresh4 = evaluateClassifier(
    classifier,
    readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-fresh4.jsonl')),
  );
  articles = evaluateClassifier(
    classifier,
    readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-articles.jsonl')),
  );
  blind = evaluateClassifier(classifier, readLabelledSet(resolve(CONFIG_DIR, 'dev', 'classify-blind.jsonl')));
  const samples = (name: string) =>
    readFileSync(resolve(CONFIG_DIR, 'dev', name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LanguageSample);
  language = evaluateLanguage(samples('language.jsonl'));
  blindLanguage = evaluateLanguage(samples('language-blind.jsonl'));
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

describe('classifier on the second, third and fourth fresh dev sets', () => {
  it('keeps candidate precision, recall and top category above their floors', () => {
    const two = fresh2.systems.find((s) => s.name === 'classifier')!.overall;
    expect(two.precision).toBeGreaterThanOrEqual(FLOORS.fresh2Precision);
    expect(two.recall).toBeGreaterThanOrEqual(FLOORS.fresh2Recall);
    expect(fresh2.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.fresh2TopCategory);
    const three = fresh3.systems.find((s) => s.name === 'classifier')!.overall;
    expect(three.precision).toBeGreaterThanOrEqual(FLOORS.fresh3Precision);
    expect(three.recall).toBeGreaterThanOrEqual(FLOORS.fresh3Recall);
    expect(fresh3.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.fresh3TopCategory);
    const four = fresh4.systems.find((s) => s.name === 'classifier')!.overall;
    expect(four.precision).toBeGreaterThanOrEqual(FLOORS.fresh4Precision);
    expect(four.recall).toBeGreaterThanOrEqual(FLOORS.fresh4Recall);
    expect(fresh4.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.fresh4TopCategory);
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

describe('on the blind sets, written apart from the classifier and never tuned on', () => {
  it('keeps candidate precision, recall and top category above their floors', () => {
    const overall = blind.systems.find((s) => s.name === 'classifier')!.overall;
    expect(overall.precision).toBeGreaterThanOrEqual(FLOORS.blindPrecision);
    expect(overall.recall).toBeGreaterThanOrEqual(FLOORS.blindRecall);
    expect(blind.topCategoryAccuracy).toBeGreaterThanOrEqual(FLOORS.blindTopCategory);
  });

  it('keeps language identification of headlines and paragraphs above their floors', () => {
    expect(blindLanguage.byKind.headline!.accuracy).toBeGreaterThanOrEqual(FLOORS.blindLanguageHeadlines);
    expect(blindLanguage.byKind.paragraph!.accuracy).toBeGreaterThanOrEqual(FLOORS.blindLanguageParagraphs);
  });
});
