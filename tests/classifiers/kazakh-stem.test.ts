import { describe, expect, it } from 'vitest';
import { kazakhStem } from '../../classifiers/index.ts';

describe('kazakhStem', () => {
  it('brings case, possessive and plural forms of one noun to one stem', () => {
    // Quirk: the plural of a loan in -ист drops one т in writing (журналистер), which the stemmer restores.
    const forms = [
      'журналист',
      'журналистің',
      'журналистерге',
      'журналистер',
      'журналистерді',
      'Журналистің',
    ];
    expect(new Set(forms.map(kazakhStem))).toEqual(new Set(['журналист']));
  });

  it('strips the possessive of тілші without eating the word', () => {
    expect(kazakhStem('тілшісі')).toBe('тілші');
    expect(kazakhStem('тілшіге')).toBe('тілші');
  });

  it('keeps short stems whole (сот, іс) rather than cutting into them', () => {
    expect(kazakhStem('сотқа')).toBe('сот');
    expect(kazakhStem('істі')).toBe('іс');
    expect(kazakhStem('заңның')).toBe('заң');
  });

  it('strips verbal endings of past tense forms', () => {
    expect(kazakhStem('бұғатталды')).toBe('бұғаттал');
    expect(kazakhStem('ұсталды')).toBe('ұстал');
  });

  it('leaves words of other scripts alone, lower-cased', () => {
    expect(kazakhStem('Almaty')).toBe('almaty');
  });
});
