import { describe, expect, it } from 'vitest';
import {
  CharNgramModel,
  countProfile,
  forEachGram,
  type NgramModelFile,
} from '../../classifiers/char-ngram-model.ts';
import { loadNgramModel } from '../../classifiers/detect-language.ts';

const grams = (text: string, order = 3) => {
  const out: string[] = [];
  forEachGram(text, order, (g) => out.push(g));
  return out;
};

/** Two tiny profiles of one script, so that the arithmetic can be checked by hand. */
function tinyModel(): NgramModelFile {
  return {
    maxOrder: 3,
    alpha: 0.5,
    minCount: 1,
    profiles: {
      kk: countProfile(['Сот шешті', 'Сот бітті'], 'kk', 'cyrl', 3, 1),
      ky: countProfile(['Сот чечти', 'Соттун чечими'], 'ky', 'cyrl', 3, 1),
    },
  };
}

describe('forEachGram', () => {
  it('pads each lower-cased word with spaces and never yields the bare padding', () => {
    expect(grams('Сот', 2)).toEqual(['с', 'о', 'т', ' с', 'со', 'от', 'т ']);
  });

  it('keeps words apart, drops digits and punctuation, keeps letter apostrophes (Uzbek oʻ)', () => {
    expect(grams('a-1 b', 2)).toEqual(['a', ' a', 'a ', 'b', ' b', 'b ']);
    expect(grams('oʻn', 2)).toContain('oʻ');
  });
});

describe('countProfile', () => {
  it('counts grams per order and prunes rare grams of order ≥ 2 only', () => {
    const p = countProfile(['аба', 'аба ба'], 'xx', 'cyrl', 2, 2);
    expect(p.totals).toEqual([8, 11]);
    expect(p.grams.а).toBe(5);
    expect(p.grams[' а']).toBe(2);
    // " б" occurs once: pruned; the unigram б is always kept.
    expect(p.grams[' б']).toBeUndefined();
    expect(p.grams.б).toBe(3);
    expect(p.sentences).toBe(2);
  });
});

describe('CharNgramModel', () => {
  it('sums smoothed log-probabilities of the known grams, exactly as counted', () => {
    const file = tinyModel();
    const model = new CharNgramModel(file);
    const scores = model.score('Сот шешті', 'cyrl')!;
    expect(scores.profiles).toEqual(['kk', 'ky']);
    // Recompute by hand from the counts: (count + α) / (total of the order + α · (distinct grams of the order + 1)).
    const union = new Set([...Object.keys(file.profiles.kk!.grams), ...Object.keys(file.profiles.ky!.grams)]);
    const vocabulary = [1, 2, 3].map((n) => [...union].filter((g) => g.length === n).length + 1);
    const expected = [0, 0];
    let known = 0;
    forEachGram('Сот шешті', 3, (g) => {
      if (!union.has(g)) return;
      known++;
      (['kk', 'ky'] as const).forEach((name, k) => {
        const p = file.profiles[name]!;
        const n = g.length - 1;
        expected[k]! += Math.log(((p.grams[g] ?? 0) + 0.5) / (p.totals[n]! + 0.5 * vocabulary[n]!));
      });
    });
    expect(scores.grams).toBe(known);
    expect(scores.logProb[0]).toBeCloseTo(expected[0]!, 3);
    expect(scores.logProb[1]).toBeCloseTo(expected[1]!, 3);
    expect(scores.logProb[0]!).toBeGreaterThan(scores.logProb[1]!);
  });

  it('prefers the profile whose letter sequences a text shares', () => {
    const model = new CharNgramModel(tinyModel());
    const ky = model.score('Соттун чечими', 'cyrl')!;
    expect(ky.logProb[1]!).toBeGreaterThan(ky.logProb[0]!);
  });

  it('has nothing to say about a script it has no profile of, or a text of unknown letters', () => {
    const model = new CharNgramModel(tinyModel());
    expect(model.score('Sot sheshti', 'latn')).toBeNull();
    expect(model.profilesOf('latn')).toEqual([]);
    expect(model.score('123 ...', 'cyrl')!.grams).toBe(0);
  });
});

describe('the trained model (config/model/language-ngrams.json)', () => {
  const model = loadNgramModel();
  const best = (text: string, script: 'cyrl' | 'latn' | 'arab') => {
    const s = model.score(text, script)!;
    let k = 0;
    for (let i = 1; i < s.logProb.length; i++) if (s.logProb[i]! > s.logProb[k]!) k = i;
    return s.profiles[k];
  };

  it('has a profile for every variety the issue names, per script', () => {
    expect([...model.profilesOf('cyrl')].sort()).toEqual([
      'ba',
      'kk-cyrl',
      'ky',
      'ru',
      'tt',
      'uk',
      'uz-cyrl',
    ]);
    expect([...model.profilesOf('latn')].sort()).toEqual(['en', 'kk-latn', 'uz-latn']);
    expect([...model.profilesOf('arab')].sort()).toEqual(['ar', 'fa', 'kk-arab', 'ug']);
  });

  // Texts written for this test, not in the training files.
  it.each([
    ['Облыстық соттың шешімі күшінде қалды', 'cyrl', 'kk-cyrl'],
    ['Шаардык соттун чечими күчүндө калды', 'cyrl', 'ky'],
    ['Шәһәр судының карары үз көчендә калды', 'cyrl', 'tt'],
    ['Ҡала судының ҡарары үҙ көсөндә ҡалды', 'cyrl', 'ba'],
    ['Решение городского суда оставлено в силе', 'cyrl', 'ru'],
    ['Рішення міського суду залишили в силі', 'cyrl', 'uk'],
    ['Шаҳар судининг қарори кучда қолди', 'cyrl', 'uz-cyrl'],
    ['Oblıstıq sottıñ şeşimi küşinde qaldı', 'latn', 'kk-latn'],
    ['Shahar sudining qarori kuchda qoldi', 'latn', 'uz-latn'],
    ['The city court ruling was upheld', 'latn', 'en'],
  ] as const)('%s → %s/%s', (text, script, profile) => {
    expect(best(text, script)).toBe(profile);
  });
});
