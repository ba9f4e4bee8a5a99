// The model-alone path (no lexicon category hit, a strong target, the candidate model leaning "violation") and its
// probability bar per language: modelAlone (0.5) for ru and en, modelAloneByLang.kk (0.65) for Kazakh, where the
// model's Kazakh features are fewer and its lone verdicts were false alarms on the real dev set's tuning part.
// The candidate table is made by hand so that the model's probability falls between the two bars.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../classifiers/analyse-text.ts';
import { createClassifier, loadModel } from '../../classifiers/create-classifier.ts';
import { lexiconEvidence } from '../../classifiers/lexicon-evidence.ts';
import { candidateEvidence, type ModelFile } from '../../classifiers/model-file.ts';
import settings from '../../config/classifier.json' with { type: 'json' };
import type { Lang } from '../../core/index.ts';

// Our own sentences that name a journalist and no restriction the lexicon knows.
const TEXTS: Record<'ru' | 'kk' | 'en', string> = {
  ru: 'Журналист областной газеты рассказал о вчерашнем вечере в театре.',
  kk: 'Облыстық газеттің журналисі театрдағы кешегі кеш туралы әңгімеледі.',
  en: 'A journalist of the regional newspaper described last night’s evening at the theatre.',
};

const base = loadModel();

/**
 * The real model with a candidate table in which four words of each text (not its target words) lean "yes" by 0.26
 * and the others by 0.1, below modelInformative: log-odds 4 · 0.26 / √4 = 0.52, a probability of 0.63.
 */
function modelLeaning(): ModelFile {
  const features: Record<string, number[]> = {};
  for (const [lang, text] of Object.entries(TEXTS)) {
    const analysis = analyseText('', text, lang as Lang);
    const actions = analysis.features.filter((f) => !analysis.targetFeatures.has(f)).sort();
    for (const f of analysis.features) features[f] = [-1, -0.9];
    for (const f of actions.slice(0, 4)) features[f] = [-1, -0.74];
  }
  return {
    ...base,
    candidate: { classes: ['no', 'yes'], logPrior: [Math.log(0.5), Math.log(0.5)], features },
  };
}

describe('the model-alone probability bar per language', () => {
  const model = modelLeaning();
  const classifier = createClassifier({ model });
  const probability = (lang: 'ru' | 'kk' | 'en') => {
    const analysis = analyseText('', TEXTS[lang], lang);
    const { logOdds } = candidateEvidence(
      model.candidate,
      analysis.features,
      settings.modelInformative,
      settings.modelSaturation,
    );
    return { p: 1 / (1 + Math.exp(-logOdds)), evidence: lexiconEvidence(analysis.hits) };
  };

  it('the texts reach the model-alone path with a probability between the two bars', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const { p, evidence } = probability(lang);
      expect(evidence.best).toBe(0);
      expect(evidence.strongTarget).toBe(true);
      expect(p).toBeGreaterThanOrEqual(settings.modelAlone);
      expect(p).toBeLessThan(settings.modelAloneByLang.kk);
    }
  });

  it('ru and en are candidates on the model alone at the general bar; Kazakh needs the higher one', () => {
    const decide = (lang: 'ru' | 'kk' | 'en') =>
      classifier.classify(
        { title: '', text: TEXTS[lang], kind: 'news' },
        { lang, script: lang === 'kk' || lang === 'ru' ? 'cyrl' : 'latn', confidence: 1 },
      ).candidate;
    expect(decide('ru')).toBe(true);
    expect(decide('en')).toBe(true);
    expect(decide('kk')).toBe(false);
  });
});
