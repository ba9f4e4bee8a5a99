import { describe, expect, it } from 'vitest';
import {
  createClassifier,
  type TrainingExample,
  trainCategoryModel,
  trainModel,
} from '../../classifiers/index.ts';
import { trainInWorker } from '../../classifiers/train-in-worker.ts';
import { reviewExamples } from '../../classifiers/training-examples.ts';
import settings from '../../config/classifier.json' with { type: 'json' };

// A few dozen short texts of our own: enough to check the training logic, far too few for a useful model.
const positives: [string, TrainingExample['category']][] = [
  ['Полиция задержала журналиста на митинге.', 'detention'],
  ['Блогера арестовали на десять суток за пост.', 'detention'],
  ['Журналист ұсталды, оны полицияға апарды.', 'detention'],
  ['Police detained a reporter covering the protest.', 'detention'],
  ['Аким подал иск к газете о защите чести.', 'civil_claim'],
  ['Депутат газетке қарсы ар-намысын қорғау туралы талап арыз берді.', 'civil_claim'],
  ['The mayor sued the newspaper for defamation.', 'civil_claim'],
  ['Сайт издания заблокирован по предписанию.', 'blocking'],
  ['Басылымның сайты бұғатталды.', 'blocking'],
  ['The outlet website was blocked by the ministry.', 'blocking'],
  ['На журналиста напали и разбили камеру.', 'attack'],
  ['Тілшіге шабуыл жасалды.', 'attack'],
];
const negatives = [
  'Журналистов наградили ко Дню СМИ.',
  'В Астане открылась новая школа.',
  'Сот пара алған әкімді соттады.',
  'Journalists toured the new plant.',
  'Теңге бағамы нығайды.',
  'Погода будет тёплой.',
  'A new park opened in Almaty.',
  'Блогер открыл кофейню.',
  'Мошенника задержали в Караганде.',
  'Синоптики обещают снег.',
  'Ауа райы суытады.',
  'The national team won the match.',
];
const examples: TrainingExample[] = [
  ...positives.map(([text, category]) => ({ text, candidate: true, category, origin: 'base' as const })),
  ...negatives.map((text) => ({ text, candidate: false, category: null, origin: 'base' as const })),
];

describe('trainModel', () => {
  it('builds a model file the classifier loads and uses', () => {
    const model = trainModel(examples, 'test-model');
    expect(model.version).toBe('test-model');
    expect(model.examples).toEqual({ base: 24, reviewed: 0, real: 0, candidates: 12 });
    expect(model.candidate.classes).toEqual(['no', 'yes']);
    expect(model.category.classes).toEqual(['attack', 'blocking', 'civil_claim', 'detention']);
    const classifier = createClassifier({ model });
    expect(classifier.modelVersion).toMatch(/^test-model\+cfg-[0-9a-f]{8}$/);
    const text = 'В Уральске полиция задержала корреспондента, снимавшего пикет.';
    const r = classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));
    expect(r.candidate).toBe(true);
    expect(r.categories[0]?.id).toBe('detention');
  });

  it("learns 'real' examples in the category model only: the candidate table and combiner stay as without them", () => {
    // Real dev-set violations told in words no base text uses ("фотоаппарат", "тінтті"): the category model learns
    // them, the candidate model (whose decision calibrate:real fits on those same texts) never sees them.
    const real: TrainingExample[] = [
      {
        text: 'Полицейские отобрали фотоаппарат у фотографа газеты.',
        candidate: true,
        category: 'attack',
        origin: 'real',
      },
      {
        text: 'Редакцияны тінтті, компьютерлерді алып кетті.',
        candidate: true,
        category: 'pressure',
        origin: 'real',
      },
    ];
    const without = trainModel(examples, 'a');
    const withReal = trainModel([...examples, ...real], 'b');
    expect(withReal.examples).toEqual({ base: 24, reviewed: 0, real: 2, candidates: 12 });
    expect(withReal.candidate).toEqual(without.candidate);
    expect(withReal.combiner).toEqual(without.combiner);
    expect(withReal.category.classes).toContain('pressure');
    expect(without.category.classes).not.toContain('pressure');
    // Only real examples and nothing to decide on: refused as before.
    expect(() => trainModel(real, 'c')).toThrow(/at least 10 examples/);
  });

  it('builds the same category table alone as inside the whole model', () => {
    expect(trainCategoryModel(examples)).toEqual(trainModel(examples, 'x').category);
    expect(() => trainCategoryModel(examples.filter((e) => !e.candidate))).toThrow(/needs candidates/);
  });

  it('weighs a rare category up by softmax.classBalance, so a common one does not absorb it', () => {
    // Ten detentions for every threat: unweighted, the threat's bias sinks with its share of the examples.
    const detention = positives.filter(([, c]) => c === 'detention').map(([text]) => text);
    const skewed: TrainingExample[] = [
      ...Array.from({ length: 20 }, (_, i) => ({
        text: `${detention[i % detention.length]} (${i})`,
        candidate: true,
        category: 'detention' as const,
        origin: 'base' as const,
      })),
      {
        text: 'Журналисту угрожали расправой после статьи.',
        candidate: true,
        category: 'threat',
        origin: 'base',
      },
      {
        text: 'A reporter received death threats after her story.',
        candidate: true,
        category: 'threat',
        origin: 'base',
      },
    ];
    const configured = settings.softmax.classBalance;
    const threatBias = (balance: number) => {
      settings.softmax.classBalance = balance;
      try {
        const table = trainCategoryModel(skewed);
        return table.bias[table.classes.indexOf('threat')]! - table.bias[table.classes.indexOf('detention')]!;
      } finally {
        settings.softmax.classBalance = configured;
      }
    };
    expect(configured).toBeGreaterThan(0);
    expect(threatBias(configured)).toBeGreaterThan(threatBias(0));
  });

  it('refuses a set without both candidates and non-candidates', () => {
    const onlyNegatives = negatives.map((text) => ({
      text,
      candidate: false,
      category: null,
      origin: 'base' as const,
    }));
    expect(() => trainModel(onlyNegatives, 'x')).toThrow(/both candidates/);
  });

  it('trains in a worker thread without blocking the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const model = await trainInWorker(examples, 'worker-model');
    clearInterval(timer);
    expect(model.version).toBe('worker-model');
    expect(Object.keys(model.candidate.features).length).toBeGreaterThan(0);
    // The interval kept firing while the worker trained (a blocked loop would not have ticked).
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('reviewExamples', () => {
  it("turns reviewers' labels into examples and skips unusable ones with a reason", () => {
    const { examples: out, skipped } = reviewExamples([
      {
        itemId: 1,
        candidate: true,
        category: 'detention',
        title: 'Журналиста задержали',
        text: 'Полиция задержала журналиста.',
        lang: 'ru',
      },
      { itemId: 2, candidate: false, category: null, title: 'Погода', text: 'Будет снег.', lang: 'xx' },
      { itemId: 3, candidate: true, category: 'arrest', title: 'x', text: 'y', lang: 'ru' },
      { itemId: 4, candidate: false, category: null, title: ' ', text: '', lang: null },
    ]);
    expect(out.map((e) => [e.id, e.candidate, e.category, e.lang, e.origin])).toEqual([
      ['item-1', true, 'detention', 'ru', 'review'],
      ['item-2', false, null, undefined, 'review'],
    ]);
    expect(skipped).toEqual([
      { itemId: 3, reason: 'candidate with unknown category "arrest"' },
      { itemId: 4, reason: 'no text' },
    ]);
  });
});
