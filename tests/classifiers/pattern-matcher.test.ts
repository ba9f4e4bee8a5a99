import { describe, expect, it } from 'vitest';
import { createMatcher, parsePattern } from '../../classifiers/pattern-matcher.ts';

// Words as analyse-text gives them to the matcher: lower-cased tokens.
const words = (text: string) => text.toLowerCase().split(/\s+/);

describe('createMatcher', () => {
  const matcher = createMatcher([
    parsePattern('закрыт* судебн* заседани*', 'closed_session'),
    parsePattern('задержа*', 'detention'),
    parsePattern('задержан', 'detention-exact'),
    parsePattern('предупредил* об .. ответственност*', 'warning'),
    parsePattern('held without charge', 'custody'),
  ]);
  const found = (text: string) =>
    matcher.match(words(text)).map((m) => `${m.pattern.value}@${m.from}-${m.to}`);

  it('matches exact and prefix first words, an exact pattern before the prefixes of the same word', () => {
    expect(found('журналист задержан в аэропорту')).toEqual(['detention-exact@1-2', 'detention@1-2']);
    expect(found('суд провёл закрытое судебное заседание')).toEqual(['closed_session@2-5']);
  });

  it('lets up to three words stand in a gap and no more', () => {
    expect(found('прокуратура предупредила об уголовной ответственности редактора')).toEqual(['warning@1-5']);
    expect(found('предупредила об уголовной и административной ответственности')).toEqual(['warning@0-6']);
    expect(found('предупредила об этом заранее всех без исключения об ответственности')).toEqual([]);
  });

  it('answers the same for a word seen before (the remembered starts) as for a new one', () => {
    const text = 'the editor was held without charge and later held again';
    const first = found(text);
    expect(first).toEqual(['custody@3-6']);
    // Many distinct words in between, as a night's crawl brings: the answers do not change.
    for (let i = 0; i < 60_000; i += 1000)
      matcher.match(Array.from({ length: 1000 }, (_, k) => `слово${i + k}`));
    expect(found(text)).toEqual(first);
    expect(found('журналист задержан')).toEqual(['detention-exact@1-2', 'detention@1-2']);
  });
});
