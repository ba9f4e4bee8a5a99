// Targets named by name (config/lexicons/media-names.json and ClassifierOptions.knownMedia), on sentences of our
// own: a headline naming only an outlet is a candidate, the same outlet telling the news is not; a surname the
// dataset knows makes "X вызвали в полицию" a candidate in its case forms, an unknown surname does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseText } from '../../classifiers/analyse-text.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { lexiconEvidence } from '../../classifiers/lexicon-evidence.ts';
import { namePatterns, quotedOutletNames, surnamePattern } from '../../classifiers/media-names.ts';
import { buildLexicons } from '../../classifiers/taxonomy-lexicons.ts';
import type { Lang, TextClassifier } from '../../core/index.ts';

let plain: TextClassifier;
let knowing: TextClassifier;
const KNOWN = {
  people: ['Гульмира Бекжанова', 'Serik Tokhtarbekov', 'Омаров Д. К.', 'Ержан Сапарұлы'],
  outlets: ['Степной вестник'],
};
beforeAll(() => {
  plain = createClassifier();
  knowing = createClassifier({ knownMedia: KNOWN });
});

const run = (c: TextClassifier, text: string, title = '') =>
  c.classify({ title, text, kind: 'news' }, c.detectLanguage(`${title}\n\n${text}`));
const targetOf = (text: string, lang: Lang) => lexiconEvidence(analyseText('', text, lang).hits).target;

describe('an outlet named only by its name', () => {
  it.each([
    ['ru', 'Сотрудники полиции провели обыск в редакции KazTAG и изъяли ноутбуки.'],
    ['ru', 'Главного редактора Vlast.kz вызвали на допрос в департамент полиции.'],
    ['ru', 'Против «Уральской недели» возбудили уголовное дело о распространении ложной информации.'],
    ['kk', 'Азаттыққа қарсы қылмыстық іс қозғалды.'],
    ['en', 'Police searched the office of Orda.kz and detained its founder.'],
    // Added in the thirteenth pass: closed papers, agencies, Kazakh-language and regional media, TV.
    ['ru', 'Против «Ассанди-Таймс» возбудили уголовное дело о клевете.'],
    ['ru', 'Полиция провела обыск у Stan TV.'],
    ['ru', 'Суд обязал Казах-Зерно выплатить моральный вред.'],
    ['ru', 'В отношении Interfax-Kazakhstan возбудили уголовное дело.'],
    ['kk', 'Тасжарғанға қарсы қылмыстық іс қозғалды.'],
    ['kk', 'Алматы ақшамына қарсы сотқа шағым түсті.'],
    ['en', 'Police searched the office of Nakanune.kz and seized its servers.'],
    ['en', 'A court ordered Kub.kz blocked.'],
  ])('%s: %s is a candidate', (lang, text) => {
    expect(targetOf(text, lang as Lang)).toBe(true);
    expect(run(plain, text).candidate).toBe(true);
  });

  it.each([
    ['ru', 'В Актау задержали подозреваемого в краже скота, сообщает KazTAG.'],
    ['ru', 'По данным Tengrinews, полиция задержала двух мужчин за кражу кабеля.'],
    ['kk', 'Полиция мал ұрлады деп күдіктелген екі адамды ұстады, деп хабарлайды Азаттық.'],
    ['en', 'Police detained two men suspected of stealing cable, Vlast.kz reported.'],
    ['ru', 'В Павлодаре задержали подозреваемого в краже скота, передает BAQ.KZ.'],
    ['kk', 'Полиция мал ұрлады деп күдіктелген екі адамды ұстады, деп хабарлайды Dalanews.kz.'],
    ['kk', 'Әкімдік жаңа мектеп салатынын мәлімдеді, деп хабарлайды Алматы ақшамы.'],
    ['en', 'Police detained two men suspected of stealing cable, Interfax-Kazakhstan reported.'],
  ])('%s: the outlet telling the news is no target: %s', (lang, text) => {
    expect(targetOf(text, lang as Lang)).toBe(false);
    expect(run(plain, text).candidate).toBe(false);
  });

  it.each([
    ['kk', 'Жібек жолы ауылдық округінің әкімі тұрғындармен кездесті.'],
    ['ru', 'Переговоры о мире продолжились в Астане.'],
    ['ru', 'Общественная позиция депутата по закону о языках осталась прежней.'],
  ])('%s: a name that is also an ordinary phrase needs its media form: %s', (lang, text) => {
    expect(targetOf(text, lang as Lang)).toBe(false);
  });

  it('an agency in a dateline tells the news', () => {
    const text = 'ШЫМКЕНТ. KAZINFORM — Қалалық сот ірі көлемдегі парақорлық ісі бойынша үкім шығарды.';
    expect(targetOf(text, 'kk')).toBe(false);
    expect(run(plain, text).candidate).toBe(false);
  });

  it('a quoted name next to a media word names that outlet wherever the item quotes it', () => {
    const title = '«Жаңа толқын» вызвали в прокуратуру';
    const text = 'Редакцию газеты «Жаңа толқын» в Таразе попросили объяснить источник публикации о тендере.';
    expect(quotedOutletNames(`${title}\n${text}`, 'ru')).toEqual(new Set(['жаңа толқын']));
    const analysis = analyseText(title, text, 'ru');
    const titleTargets = analysis.hits.filter((h) => h.part === -1 && h.cue.kind === 'target');
    expect(titleTargets.map((h) => h.surface)).toEqual(['Жаңа толқын']);
    // Without the media word the quotes are only quotes.
    expect(quotedOutletNames('Операция «Жаңа толқын» завершилась задержанием.', 'ru').size).toBe(0);
  });
});

describe('journalists and bloggers the dataset knows', () => {
  it('matches a known surname in its Russian and Kazakh case forms', () => {
    expect(surnamePattern('Гульмира Бекжанова')).toBe('бекжанов*');
    expect(surnamePattern('Омаров Д. К.')).toBe('омаров*');
    expect(surnamePattern('Serik Tokhtarbekov')).toBe('tokhtarbekov*');
    // A particle is not a surname; a name too short to match safely is left out.
    expect(surnamePattern('Ержан Сапарұлы')).toBe('сапарұл*');
    expect(surnamePattern('Ли Ан')).toBeNull();
    const sources = namePatterns(KNOWN).map((p) => p.source);
    expect(sources).toContain('бекжанов*');
    expect(sources).toContain('степн* вестник*');
  });

  it.each([
    'Бекжанову вызвали в полицию для беседы.',
    'Гульмиру Бекжанову вызвали в полицию.',
    'Бекжанованы полицияға шақырды.',
    'Police summoned Tokhtarbekov for questioning.',
    'Омарова вызвали в полицию для дачи показаний.',
  ])('a known surname makes "%s" a candidate, an unknown one does not', (text) => {
    expect(run(knowing, text).candidate).toBe(true);
    expect(run(plain, text).candidate).toBe(false);
  });

  it('a surname the dataset does not know stays an ordinary name', () => {
    const text = 'Жумабекова вызвали в полицию после драки у магазина.';
    expect(run(knowing, text).candidate).toBe(false);
  });

  it('a known outlet of the dataset is a target, and a person quoted by name stays a target', () => {
    expect(run(knowing, 'Против «Степного вестника» подан иск о защите чести и достоинства.').candidate).toBe(
      true,
    );
    const lexicons = buildLexicons(KNOWN);
    const hits = analyseText('', 'Бекжанова сообщила, что ее вызвали на допрос.', 'ru', lexicons).hits;
    expect(lexiconEvidence(hits).target).toBe(true);
  });
});
