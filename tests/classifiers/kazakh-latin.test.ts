// Latin-script Kazakh in its three written forms, on sentences of our own: the 2018 acute-accent alphabet, the
// alphabet approved in 2021 (ı = і, y = ы: "tılşısı"), and the Turkish-keyboard habit of some outlets (the 2021
// letters with ı = ы, i = і, y = й: "tilşisi", "qatıstı"). The quirk: ı means opposite letters in the last two, so
// a text is read by the vowel harmony of the words that hold it. Also: the name table's Latin-script Kazakh
// spellings read back to their letters through the same tables, so the two files cannot drift apart.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import { foldKazakh, kazakhLatinToCyrillic, latinVariant } from '../../classifiers/kazakh-latin.ts';
import { NAME_TRANSLITERATION } from '../../classifiers/name-transliteration.ts';

/** The same report written three ways: a correspondent held at a police station over a video. */
const OFFICIAL_2021 =
  'Qostanaidaǧy «Tobyl ünı» gazetınıñ tılşısı Erlan Sadyqov kecşe polisiia bölımşesınde bes saǧat ūstaldy: ol äkımdıktıñ jinalysyn videoǧa tüsırgen edı.';
const TURKIC_HABIT =
  'Qostanaydağı «Tobıl üni» gazetiniñ tilşisi Erlan Sadıqov keşe policiya bölimşesinde bes sağat ūstaldı: ol äkimdiktiñ jinalısın videoğa tüsirgen edi.';
const ACUTE_2018 =
  'Qostanaıdaǵy «Tobyl úni» gazetiniń tilshisi Erlan Sadyqov keshe polısııa bólimshesinde bes saǵat ustaldy: ol ákimdiktiń jınalysyn vıdeoǵa túsirgen edi.';

const cyrillicWords = (text: string, variant: ReturnType<typeof latinVariant>) =>
  text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map((w) => foldKazakh(kazakhLatinToCyrillic(w, variant)));

describe('Latin-script Kazakh', () => {
  it('tells the three written forms apart', () => {
    expect(latinVariant(OFFICIAL_2021)).toBe('v2021');
    expect(latinVariant(TURKIC_HABIT)).toBe('turkic');
    expect(latinVariant(ACUTE_2018)).toBe('v2018');
    // No word holds ı: read as 2021, where y is ы, as writers without special letters also use it.
    expect(latinVariant('Qysym körsetildi')).toBe('v2021');
    // A headline whose ı-words tie (a loanword mixes both rows of vowels): the letters' shares decide.
    expect(latinVariant('Ministrlik tilşiniñ sūrağına «qızmettik aqparat» dep jauap berdi')).toBe('turkic');
    expect(latinVariant('Ministrlık tılşınıñ sūraǧyna «qyzmettık aqparat» dep jauap berdı')).toBe('v2021');
  });

  it('reads the key words of each form as the same Cyrillic words', () => {
    for (const [text, variant] of [
      [OFFICIAL_2021, 'v2021'],
      [TURKIC_HABIT, 'turkic'],
    ] as const) {
      const words = cyrillicWords(text, variant);
      for (const w of ['тилшиси', 'ұсталды', 'газетиниң', 'бөлимшесинде', 'сағат', 'жиналысын'].map(
        foldKazakh,
      ))
        expect(words, `${variant}: ${w}`).toContain(w);
    }
    expect(cyrillicWords(ACUTE_2018, 'v2018')).toEqual(
      expect.arrayContaining(['тилшиси', 'ұсталды', 'сағат']),
    );
  });

  it('reads gh as ғ, and ng as ң at the end of a word only, as writers without the special letters type them', () => {
    const read = (w: string) => foldKazakh(kazakhLatinToCyrillic(w, 'v2018'));
    expect(read('jaghdaiy')).toBe(foldKazakh('жағдайы'));
    expect(read('zang')).toBe('заң');
    expect(read('erkindigining')).toBe(foldKazakh('еркіндігінің'));
    // Inside a word ng is also н + г: "sengen" is сенген, not a word with ң.
    expect(read('sengen')).toBe('сенген');
  });

  it('reads w, typed on an English keyboard, as ұ (ү in a front word) between consonants and as у beside a vowel', () => {
    const read = (w: string) => foldKazakh(kazakhLatinToCyrillic(w, 'turkic'));
    // The vowel: тұрғыны, айыппұл, сұхбат, ұстады, дұрыс; күні in a front-vowelled word.
    expect(read('twrğını')).toBe(foldKazakh('тұрғыны'));
    expect(read('ayıppwl')).toBe(foldKazakh('айыппұл'));
    expect(read('swhbat')).toBe('сұхбат');
    expect(read('wstadı')).toBe('ұстады');
    expect(read('dwrıs')).toBe('дұрыс');
    expect(read('kwni')).toBe(foldKazakh('күні'));
    // The consonant у beside a vowel: таңдау, сауал, аудан.
    expect(read('tañdaw')).toBe('таңдау');
    expect(read('sawal')).toBe('сауал');
    expect(read('awdan')).toBe('аудан');
    // The same writers keep u for у in loanwords: jurnalist stays журналист.
    expect(read('jurnalist')).toBe(foldKazakh('журналіст'));
    // The 2021 alphabet reads its own ū as before.
    expect(foldKazakh(kazakhLatinToCyrillic('tūrğyny', 'v2021'))).toBe(foldKazakh('тұрғыны'));
  });

  it('finds a detention and a fine told with w', () => {
    const c = createClassifier();
    for (const [text, id] of [
      [
        'Aqtöbede «Aqtöbe uaqıtı» gazetiniñ tilşisi mitingti tüsirip jürgen kezde polisiya bölimşesinde üş sağat wstaldı.',
        'detention',
      ],
      ['Sot blogerge Facebook-taği jazbası üşin 50 AEK ayıppwl saldı.', 'administrative_charge'],
    ] as const) {
      const r = c.classify({ title: '', text, kind: 'news' }, c.detectLanguage(text));
      expect(r.candidate, text).toBe(true);
      expect(r.categories[0]?.id, text).toBe(id);
      expect(r.categories[0]?.evidence.length, text).toBeGreaterThan(0);
    }
  });

  it('finds the detention in each form', () => {
    const c = createClassifier();
    for (const text of [OFFICIAL_2021, TURKIC_HABIT, ACUTE_2018]) {
      const r = c.classify({ title: '', text, kind: 'news' }, c.detectLanguage(text));
      expect(r.lang, text).toBe('kk');
      expect(r.candidate, text).toBe(true);
      expect(r.categories[0]?.id, text).toBe('detention');
    }
  });

  it("the name table's Latin-script Kazakh spellings read back to their letters", () => {
    const kazakhLetters = [...'әғқңөұүһыі'];
    for (const letter of kazakhLetters) {
      const row = NAME_TRANSLITERATION.cyrillic.get(letter);
      expect(row, letter).toBeDefined();
      const readBack = row!.kazakhLatin.map((spelling) =>
        (['v2021', 'turkic'] as const).map((v) => foldKazakh(kazakhLatinToCyrillic(spelling, v))),
      );
      // The first spelling is an alphabet letter: it reads back exactly under one of the two 2021 readings.
      expect(readBack[0], letter).toContain(foldKazakh(letter === 'һ' ? 'х' : letter));
    }
  });
});
