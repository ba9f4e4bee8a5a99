// A known name across scripts (config/name-transliteration.json), on sentences of our own: a journalist stored in
// Cyrillic is found in English news and in Latin-script Kazakh, one stored in Latin in Russian and Kazakh
// Cyrillic, with each script's case endings; the same sentences about an unknown surname stay below the line.
// A table row missing a field is refused with the file, line and field.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../classifiers/analyse-text.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { surnamePatterns } from '../../classifiers/media-names.ts';
import { nameSpellings, parseTransliteration } from '../../classifiers/name-transliteration.ts';
import type { TextClassifier } from '../../core/index.ts';

const KNOWN = {
  people: ['Жанар Ахметова', 'Serik Tokhtarbekov', 'Бауыржан Сейтқалиев'],
  outlets: ['Степной вестник'],
};
const knowing = createClassifier({ knownMedia: KNOWN });
const plain = createClassifier();
const run = (c: TextClassifier, text: string) =>
  c.classify({ title: '', text, kind: 'news' }, c.detectLanguage(text));

describe('spellings of a known name', () => {
  it('spells a Cyrillic surname as English news and Latin-script Kazakh do, and a Latin one in Cyrillic', () => {
    expect(surnamePatterns('Жанар Ахметова')).toEqual(
      expect.arrayContaining(['ахметов*', 'akhmetov*', 'ahmetov*']),
    );
    // Kazakh letters: the Russian press drops them, English writes k, Latin-script Kazakh q.
    expect(surnamePatterns('Бауыржан Сейтқалиев')).toEqual(
      expect.arrayContaining(['сейтқалиев*', 'сейткалиев*', 'seitkaliyev*', 'seytkaliyev*', 'seitqaliev*']),
    );
    expect(surnamePatterns('Serik Tokhtarbekov')).toEqual(
      expect.arrayContaining(['tokhtarbekov*', 'тохтарбеков*', 'tohtarbekov*']),
    );
    // ь is not written in Latin; read back, both Cyrillic spellings are tried.
    expect(surnamePatterns('Lukpan Akhmedyarov')).toEqual(
      expect.arrayContaining(['ахмедьяров*', 'ахмедяров*']),
    );
    expect(nameSpellings('степной вестник')).toContain('stepnoy vestnik');
  });

  it('keeps at most maxVariants spellings per script', () => {
    const spellings = nameSpellings('щёкинхужаев');
    expect(spellings.length).toBeLessThanOrEqual(1 + 1 + 6 + 6);
  });
});

describe('a known name in another script', () => {
  it.each([
    ['en', 'Police in Almaty questioned Zhanar Akhmetova for four hours on Monday about her trip to Talgar.'],
    ['en', "Akhmetova's lawyer said the police questioned her for four hours about her trip to Talgar."],
    ['kk-latn', 'Janar Ahmetovağa qatysty qylmystyq is qozğaldy.'],
    ['kk-latn', 'Zhanar Akhmetovağa qatysty qylmystyq is qozğaldy.'],
    // Held at a police station: a post would be a target of its own (the speech list), so the name must stand alone.
    ['kk-cyrl', 'Алматы полициясы Тохтарбековты полиция бөлімінде төрт сағат ұстады.'],
    ['ru', 'Полиция Алматы допросила Тохтарбекова о поездке в Талгар.'],
    ['ru', 'Полиция Алматы допросила Сейткалиева о поездке в Талгар.'],
    ['en', 'Police in Almaty questioned Seitkaliyev about his trip to Talgar.'],
  ])('%s: "%s" is a candidate with the names, not without', (_, text) => {
    expect(run(knowing, text).candidate).toBe(true);
    expect(run(plain, text).candidate).toBe(false);
  });

  it.each([
    'Police in Almaty questioned Zhanar Zhumagalieva for four hours on Monday about her trip to Talgar.',
    'Janar Jumağalievağa qatysty qylmystyq is qozğaldy.',
    'Алматы полициясы Жұмағалиевке қатысты қылмыстық іс қозғады.',
    'Полиция Алматы допросила Жумагалиева о поездке в Талгар.',
  ])('an unknown surname stays an ordinary name: %s', (text) => {
    expect(run(knowing, text).candidate).toBe(false);
  });
});

describe("the committed outlets' spellings", () => {
  const targets = (text: string) => {
    const lang = plain.detectLanguage(text);
    return analyseText('', text, lang.lang)
      .hits.filter((h) => h.cue.kind === 'target' && h.cue.name === 'outlet')
      .map((h) => h.surface);
  };
  it.each([
    // Latin-script Kazakh is read in Cyrillic: the Latin patterns are compiled there too.
    ['Tengrinews tilşisine qatysty qylmystyq is qozğaldy.', 'Tengrinews'],
    ['Vlast.kz redaksiiasyna qatysty qylmystyq is qozğaldy.', 'Vlast.kz'],
    ['Aq Jaiyq gazetine qatysty qylmystyq is qozğaldy.', 'Aq Jaiyq'],
    // Spellings added to media-names.json.
    ['Против «Казправды» подан иск о защите чести и достоинства.', 'Казправды'],
    ['Тенгри Ньюс получил иск о защите чести и достоинства.', 'Тенгри Ньюс'],
    ['Көкшетау Азия сайтына қарсы сотқа талап арыз түсті.', 'Көкшетау Азия'],
  ])('%s names %s', (text, name) => {
    expect(targets(text)).toContain(name);
  });
});

describe('the transliteration tables', () => {
  const table = (cyrillicRows: string, latinRows = '  { "letters": "zh", "cyrillic": ["ж"] }') =>
    [
      '{',
      ' "maxVariants": 4,',
      ' "vowels": "аеиоуы",',
      ' "cyrillic": [',
      cyrillicRows,
      ' ],',
      ' "afterVowel": [',
      '  { "letter": "е", "russian": "е", "english": ["ye", "e"], "kazakhLatin": ["e"] }',
      ' ],',
      ' "latin": [',
      latinRows,
      ' ]',
      '}',
    ].join('\n');

  it('reads a good table and spells with it', () => {
    const rows = [
      '  { "letter": "ж", "russian": "ж", "english": ["zh"], "kazakhLatin": ["j"] },',
      '  { "letter": "е", "russian": "е", "english": ["e"], "kazakhLatin": ["e"] }',
    ].join('\n');
    const t = parseTransliteration(table(rows), 'good.json');
    expect(nameSpellings('жеже', t)).toEqual(['жеже', 'zhezhe', 'jeje']);
    // At the start of a word and after a vowel, the afterVowel row (Ержан → Yerzhan or Erzhan); maxVariants 4.
    expect(nameSpellings('ежее', t)).toEqual(['ежее', 'yezheye', 'yezhee', 'ezheye', 'ezhee', 'ejee']);
    expect(nameSpellings('zhe', t)).toContain('жe');
  });

  it('names the file, line and field of a row missing a field', () => {
    const rows = [
      '  { "letter": "а", "russian": "а", "english": ["a"], "kazakhLatin": ["a"] },',
      '  { "letter": "ж", "russian": "ж", "kazakhLatin": ["j"] }',
    ].join('\n');
    expect(() => parseTransliteration(table(rows), 'config/bad.json')).toThrow(
      'config/bad.json:6: cyrillic[1]: "english" is missing',
    );
    expect(() =>
      parseTransliteration(
        table(
          '  { "letter": "ж", "russian": "ж", "english": ["zh"], "kazakhLatin": ["j"] }',
          '  { "letters": "kh" }',
        ),
        'config/bad.json',
      ),
    ).toThrow('config/bad.json:11: latin[0]: "cyrillic" is missing');
    expect(() =>
      parseTransliteration(
        table('  { "letter": "жж", "russian": "ж", "english": ["zh"], "kazakhLatin": ["j"] }'),
        'config/bad.json',
      ),
    ).toThrow('config/bad.json:5: cyrillic[0]: "letter" must be one letter');
  });
});
