// Overlapping categories: the id the report counts goes first, the other stays second.
import { describe, expect, it } from 'vitest';
import { applyPrecedence, precedenceRules } from '../../classifiers/category-precedence.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { isCategoryId } from '../../core/index.ts';

const rules = {
  share: 0.35,
  pairs: [['criminal_charge', 'detention'] as const, ['attack', 'threat'] as const],
};

describe('applyPrecedence', () => {
  it('does not move a counted id that has no evidence of its own in the text', () => {
    const rules = { share: 0.35, pairs: [['attack', 'threat']] as const };
    const ranked = [
      { id: 'threat', s: 0.6 },
      { id: 'attack', s: 0.4 },
    ];
    expect(applyPrecedence(ranked, rules, (id) => id !== 'attack').map((c) => c.id)).toEqual([
      'threat',
      'attack',
    ]);
    expect(applyPrecedence(ranked, rules, () => true).map((c) => c.id)).toEqual(['attack', 'threat']);
  });

  it('puts the counted id ahead of the one it overlaps and keeps both', () => {
    const out = applyPrecedence(
      [
        { id: 'detention', s: 0.6 },
        { id: 'criminal_charge', s: 0.3 },
        { id: 'pressure', s: 0.1 },
      ],
      rules,
    );
    expect(out.map((c) => c.id)).toEqual(['criminal_charge', 'detention', 'pressure']);
  });

  it('leaves a clear story alone when the other id is only a stray word', () => {
    const out = applyPrecedence(
      [
        { id: 'threat', s: 0.9 },
        { id: 'attack', s: 0.1 },
      ],
      rules,
    );
    expect(out.map((c) => c.id)).toEqual(['threat', 'attack']);
  });

  it('rejects a rule naming an unknown id, with the file and the pair', () => {
    expect(() =>
      precedenceRules({ share: 0.3, pairs: [['attack', 'assault']] }, isCategoryId, 'cfg.json'),
    ).toThrow(/cfg\.json: precedence\.pairs\[0\]/);
  });
});

describe('classifier on overlapping stories (our own texts)', () => {
  const classifier = createClassifier();
  const classify = (text: string) =>
    classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));

  it('a journalist detained and then charged: the charge first, the detention kept', () => {
    const r = classify(
      'В Уральске полиция задержала журналиста местного портала, а на следующий день против него возбудили уголовное дело по статье о распространении заведомо ложной информации.',
    );
    expect(r.candidate).toBe(true);
    const ids = r.categories.map((c) => c.id);
    expect(ids[0]).toBe('criminal_charge');
    expect(ids).toContain('detention');
  });

  it('threats that end in an attack: the attack first', () => {
    const r = classify(
      'Reporter of an Aktobe weekly had received threats for weeks; on Monday two men attacked him near his home and broke his camera.',
    );
    expect(r.candidate).toBe(true);
    expect(r.categories[0]?.id).toBe('attack');
    expect(r.categories.map((c) => c.id)).toContain('threat');
  });
});
