// The seventh pass over the real dev set's Kazakh errors (docs/classifier-evaluation.md, "Kazakh, seventh pass"):
// mechanisms of the language and of the ways it is written that were shared by errors of several parts, each on
// sentences of our own writing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import { foldKazakh, kazakhLatinToCyrillic, latinVariant } from '../../classifiers/kazakh-latin.ts';
import type { TextClassifier } from '../../core/index.ts';
import { verdictOf } from '../helpers/classify-verdict.ts';

let classifier: TextClassifier;
beforeAll(() => {
  classifier = createClassifier();
});

const classify = (text: string) => verdictOf(classifier, text);

describe('knowingly false information is both a fine and a crime: the procedure tells which', () => {
  it.each([
    'Атыраулық блогер жалған ақпарат таратты деп айыпталып, оған қатысты іс тергеліп жатыр.',
    'Желіде жалған ақпарат тарату дерегі бойынша үш іс тергеліп жатыр, оның бірі тілшіге қатысты.',
    'Belsendi blogerge «jalǵan aqparat taratty» degen aıyp taǵyldy, is tergelip jatyr.',
  ])('a charge under investigation is criminal_charge: %s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'criminal_charge' });
  });

  it.each([
    'Атыраулық блогерге жалған ақпарат таратқаны үшін 30 АЕК айыппұл салынды.',
    'Жалған ақпарат таратқан тілші әкімшілік жауапкершілікке тартылып, айыппұл төледі.',
  ])('a fine stays administrative_charge, even with an investigation word: %s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'administrative_charge' });
  });
});

describe('a guard who used force on reporters or pushed them out is obstruction, not an attack or a case', () => {
  it.each([
    'Орал әкімдігінің күзетшісі тілшіні ғимараттан күштеп шығарып жіберді.',
    'Журналистерге күш көрсеткен күзетшіге қатысты сот процесі басталды.',
    'Тілшілерді сыртқа сүйреп шығарған күзетшілерге қатысты іс тоқтатылды.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'obstruction' });
  });

  it('a newsroom wrecked stays an attack', () => {
    expect(classify('Белгісіз адамдар газет редакциясын талқандап, тілшіні ұрып-соқты.').first).toBe(
      'attack',
    );
  });
});

describe('the informal acute habit of Latin-script Kazakh (ú = ұ, ý = ү, u = у, gh and ng)', () => {
  const INFORMAL =
    'Ótken aptada parlamentke zang jobasy engizilgen: onda ministrlikting ruqsatyn almaghan sheteldik jurnalisterge júmys isteuge tyiym salynady, dep ýkimet habarlady.';
  const read = (w: string) => foldKazakh(kazakhLatinToCyrillic(w, 'acuteInformal'));

  it('is told apart from the 2018 alphabet, which has ǵ, ń and ı of its own', () => {
    expect(latinVariant(INFORMAL)).toBe('acuteInformal');
    expect(latinVariant('Qostanaıdaǵy gazettiń tilshisi keshe polısııa bólimshesinde ustaldy.')).toBe(
      'v2018',
    );
  });

  it('reads its letters as that habit means them', () => {
    expect(read('jurnalisterge')).toBe(foldKazakh('журналистерге'));
    expect(read('júmys')).toBe('жұмыс');
    expect(read('ýkimet')).toBe(foldKazakh('үкімет'));
    expect(read('almaghan')).toBe('алмаған');
  });

  it('so a restrictive bill written in it reaches the lexicon as regulation', () => {
    expect(classify(INFORMAL).first).toBe('regulation');
  });
});

describe('loanwords in -ция written with s in every Latin alphabet', () => {
  it.each([
    ['akkreditasiya', 'v2021', 'аккредитация'],
    ['redaksiyasyna', 'acuteInformal', 'редакциясына'],
    ['demonstrasıaǵa', 'v2018', 'демонстрацияға'],
    ['aksiya', 'v2021', 'акция'],
  ] as const)('%s is %s', (latin, variant, cyrillic) => {
    expect(foldKazakh(kazakhLatinToCyrillic(latin, variant))).toBe(foldKazakh(cyrillic));
  });

  it.each(['versiya', 'pensiya', 'komissiya', 'asia'])(
    'r, n or s before it, or the word start, keep the с: %s',
    (latin) => {
      expect(kazakhLatinToCyrillic(latin, 'v2021')).not.toContain('ц');
    },
  );
});

describe('an utterance punished, told with "… үшін": the joke, the question, the poll, the share', () => {
  it.each([
    'Қарағандылық тұрғынға әлеуметтік желіде сауалнама жүргізгені үшін айыппұл салынды.',
    'Стендап-әзілкеш сахнадағы әзілі үшін ұсталды.',
    'Белсенді әкімге сұрақ қойғаны үшін айыппұл арқалады.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(true);
  });
});

describe('negation is a suffix in Kazakh: "сауалына жауап" is a denial only when negated', () => {
  it('a query answered is not info_denial', () => {
    expect(
      classify('Министр тілшілердің сауалына жауап беріп, жаңа бағдарламаны таныстырды.').first,
    ).not.toBe('info_denial');
  });

  it.each(['Министрлік тілшінің сауалына жауап бермеді.', 'Әкімдік редакцияның сұрауына жауап берген жоқ.'])(
    'a query left unanswered is: %s',
    (text) => {
      expect(classify(text)).toMatchObject({ candidate: true, first: 'info_denial' });
    },
  );
});

describe('a sentence of restricted freedom told without "бас"', () => {
  // "N жылға бостандығы шектелді": the criminal penalty, as news writes it short of the code's "бас бостандығын шектеу".
  it('is a criminal_charge candidate', () => {
    expect(classify('Сатиралық жазбалары үшін блогердің бес жылға бостандығы шектелді.')).toMatchObject({
      candidate: true,
      first: 'criminal_charge',
    });
  });
});

describe('a ban a new rule will impose is regulation', () => {
  // Future-tense bans of bills and drafts ("тыйым салынбақ", "шектеу қойылмақ") name the rule, not a case.
  it('is a regulation candidate', () => {
    expect(
      classify('Жаңа заң жобасы бойынша блогерлерге әлеуметтік желілерде тіркелуге тыйым салынбақ.'),
    ).toMatchObject({ candidate: true, first: 'regulation' });
  });
});
