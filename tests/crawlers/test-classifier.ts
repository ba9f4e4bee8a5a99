// A stand-in for the real classifier where classification is not the point of a crawler test: language by
// letters, a candidate when the text mentions detention, a lawsuit or article 274.
import { EMPTY_FACTS, type TextClassifier } from '../../core/index.ts';

export const testClassifier: TextClassifier = {
  modelVersion: 'crawler-test-double',
  detectLanguage: (text) => ({
    lang: /[әғқңөұүһі]/i.test(text) ? 'kk' : /[а-яё]/i.test(text) ? 'ru' : 'en',
    script: /[а-яё]/i.test(text) ? 'cyrl' : 'latn',
    confidence: 0.9,
  }),
  classify: (input, language) => {
    const candidate = /задерж|ұстал|иск|274|damages/i.test(input.text);
    return {
      modelVersion: 'crawler-test-double',
      lang: language.lang,
      script: language.script,
      candidate,
      score: candidate ? 0.8 : 0.1,
      categories: candidate ? [{ id: 'detention', score: 0.8, evidence: [] }] : [],
      facts: EMPTY_FACTS,
    };
  },
};
