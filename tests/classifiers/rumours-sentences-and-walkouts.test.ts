// The seventeenth pass over the real dev set's misses (issue 11; docs/classifier-evaluation.md): phrasings of our own
// writing for what real newsrooms say and our lexicons did not — the spreader of a rumour as the utterance punished,
// a sentence told by its years in a colony, a trial told as "судят за", an official running from reporters, a print
// run's issue seized, assets frozen, a hearing reporters were not admitted to — and the texts that share the words
// and stay out.
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import type { TextClassifier } from '../../core/index.ts';
import { verdictOf } from '../helpers/classify-verdict.ts';

let classifier: TextClassifier;
beforeAll(() => {
  classifier = createClassifier();
});

const classify = (text: string) => verdictOf(classifier, text);

describe('whoever spread a rumour or a fake is the person punished for what they said', () => {
  it.each([
    'В Экибастузе задержан распространитель слухов о закрытии шахты.',
    'В Таразе возбудили уголовное дело против мужчины, распространившего ложное сообщение о взрыве на рынке.',
    'Police in Kyzylorda detained a man who spread false reports of a poisoned water supply.',
    'Жезқазғанда су тасқыны туралы қауесет таратқан тұрғын ұсталды.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(true);
  });

  it.each([
    'В Экибастузе задержан распространитель наркотиков.',
    'Police in Kyzylorda detained a man who spread counterfeit banknotes at the market.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('a trial or a sentence told by its years, and the walkouts that keep answers from the press', () => {
  it.each([
    ['Блогера из Атырау судят за видео о работе акимата.', 'criminal_charge'],
    [
      'Пост в Telegram — и три года колонии: жителю Тараза вынесли приговор за публикацию.',
      'criminal_charge',
    ],
    ['Как чиновники убегали от журналистов после сессии маслихата', 'info_denial'],
    ['Police seize issue of an independent weekly in Oral before it reaches the kiosks', 'media_closure'],
    ['Reporters were not admitted to the hearing of the blogger’s appeal in Aktobe.', 'closed_session'],
  ])('%s → %s', (text, category) => {
    const v = classify(text);
    expect(v.candidate).toBe(true);
    expect(v.first).toBe(category);
  });

  it.each([
    'Вора-рецидивиста из Атырау судят за кражу кабеля.',
    'Three years in a colony for the theft of a car: a court in Taraz passed the sentence.',
    'An Oskemen court sentenced the editor of a district weekly to three years for vehicular manslaughter after a crash on the highway.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('a prosecutor’s appeal to the public not to spread fakes tells no case', () => {
  it.each([
    'Қарағанды облысының прокуроры халыққа үндеу жасап, су тасқыны туралы жалған ақпарат таратпау керегін ескертті.',
    'Полиция өкілі әлеуметтік желіде қауесет таратпау керектігін айтты.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('a yearly overview of the press names no single case', () => {
  it('self-censorship, critics who frequently face pressure, "in recent years": an overview, not an incident', () => {
    expect(
      classify(
        "In recent years self-censorship has spread in the regional press, and government critics frequently face lawsuits and pressure, the watchdog's yearly review says.",
      ).candidate,
    ).toBe(false);
  });

  it('one case told in the same words stays a candidate', () => {
    expect(
      classify(
        'Police searched the newsroom of an independent weekly in Oral on Monday and seized its laptops.',
      ).candidate,
    ).toBe(true);
  });
});

describe('the same offence told in a foreign region or country is a story abroad', () => {
  it.each([
    'В Тульской области полиция изъяла тираж районной газеты.',
    'Хакасский чиновник ударил журналиста за неудобный вопрос.',
    'В Коми полицейские доставили в участок съёмочную группу за съёмку разлива нефти.',
    'Борзинская прокуратура утвердила обвинение мужчине, угрожавшему редактору районной газеты.',
    'An Algerian court jailed a journalist for a post about the president.',
    'A Canadian hockey club barred a sports reporter from its dressing room over his columns.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });

  it('the same seizure in a Kazakh region stays ours', () => {
    expect(classify('В Костанайской области полиция изъяла тираж районной газеты.').candidate).toBe(true);
  });
});

describe('the same rules told in Saint Petersburg are a story abroad', () => {
  it('a city legislature in Piter bringing in rules for journalists is not ours', () => {
    expect(
      classify('В ЗакСе Питера ввели новые правила для журналистов: недовольных выведут из зала.').candidate,
    ).toBe(false);
    expect(
      classify('В маслихате Караганды ввели новые правила для журналистов: недовольных выведут из зала.')
        .candidate,
    ).toBe(true);
  });
});
