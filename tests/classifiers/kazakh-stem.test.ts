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

  it('prefers a suffix that leaves a known root over a longer one (headline case endings of media nouns)', () => {
    // Quirk: longest-first alone reads the possessive і after a т-final root as the past tense -ті (газеті → газе)
    // and the -ым of басылым as a possessive; the known roots of keepWhole bring every form back to one stem.
    expect(new Set(['газет', 'газеті', 'газетінің', 'газетке', 'газеттер'].map(kazakhStem))).toEqual(
      new Set(['газет']),
    );
    expect(new Set(['басылым', 'басылымы', 'басылымның', 'басылымдарға'].map(kazakhStem))).toEqual(
      new Set(['басылым']),
    );
    expect(new Set(['телеарна', 'телеарнасы', 'телеарнаның'].map(kazakhStem))).toEqual(new Set(['телеарна']));
    expect(kazakhStem('тілшімізді')).toBe('тілші');
    expect(kazakhStem('бұғатқа')).toBe('бұғат');
  });

  it('leaves words of other scripts alone, lower-cased', () => {
    expect(kazakhStem('Almaty')).toBe('almaty');
  });
});
