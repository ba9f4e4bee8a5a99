// Kinds of error the real dev set showed on text no one here wrote (docs/classifier-evaluation.md, "fourth pass"),
// each fixed by a general mechanism of the lexicons or the ranking rules and checked here on sentences of our own
// in the languages it covers: the ranked list puts first what the monthly report would count.
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import { LEXICONS } from '../../classifiers/taxonomy-lexicons.ts';
import type { TextClassifier } from '../../core/index.ts';
import { verdictOf } from '../helpers/classify-verdict.ts';

let classifier: TextClassifier;
beforeAll(() => {
  classifier = createClassifier();
});

const classify = (text: string) => verdictOf(classifier, text);

describe('a correspondent or agency beside an attribution word reports the news, it is not its target', () => {
  it.each([
    'Митинг кезінде арнайы жасақ алаңдағы жиырмаға жуық адамды ұстап алып кетті. Бұл туралы сайттың өңірдегі тілшісі хабарлайды.',
    'У здания акимата начались задержания участников митинга, передают корреспонденты портала.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });

  it.each([
    'Полицейские задержали корреспондента портала у здания акимата во время съемки.',
    'Полиция сайттың тілшісін митингіні түсіріп жатқан жерінен ұстап алып кетті.',
  ])('the correspondent acted on stays a target: %s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'detention' });
  });
});

describe('violence told through what was damaged, or its purpose, is an attack', () => {
  it.each([
    'Оператору телеканала сломали видеокамеру, чтобы помешать съемке пожара на рынке.',
    'Ночью во дворе взорвали автомобиль журналиста областной газеты.',
    'Белгісіз біреулер аудандық газеттің ғимаратына өрт қойды.',
    'Түнде облыстық газеттің редакциясына ұры түсіп, компьютерлерді алып кетті.',
    'Unknown men broke into the newsroom of the regional weekly at night and smashed its computers.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'attack' });
  });
});

describe("a prosecutor's official warning and a register of those funded from abroad are pressure", () => {
  it.each([
    'Прокуратура города вынесла главному редактору издания предупреждение об уголовной ответственности за публикацию.',
    'Облыс прокуратурасы басылымның бас редакторына жарияланым үшін ресми ескерту жасады.',
    'City prosecutors issued an official warning to the editor-in-chief of the news site over an article on the akimat.',
    'Налоговый комитет опубликовал реестр лиц, получающих деньги от иностранных государств; в него вошли журналисты и блогеры Казахстана.',
    'The Kazakh tax committee published a register of persons receiving money from foreign sources, listing several journalists.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'pressure' });
  });
});

describe('an arrest sanctioned by a court, or custody on suspicion, is a detention (rule criminal-arrest)', () => {
  // taxonomy.md lists arrest under detention; the criminal case is the second entry (docs/real-dev-set.md).
  it.each([
    'Следственный суд Алматы санкционировал арест блогера на два месяца по делу о распространении ложной информации.',
    'The Almaty journalist was arrested on suspicion of spreading false information and remains in pre-trial detention.',
    'Алматы сотының тергеу судьясы блогерді екі айға қамауға алуға санкция берді.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'detention' });
    expect(classify(text).ids).toContain('criminal_charge');
  });

  it.each([
    'The Almaty activist received a 10-day prison sentence for a Facebook post calling for a rally.',
    'A court in Almaty sentenced the blogger to 20 days in jail for a post about a rally.',
    'Ақтөбелік блогер митинг туралы жазбасы үшін он күнге қамалды.',
  ])('an arrest of N days stays an administrative case: %s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'administrative_charge' });
  });
});

describe('press access: a courtroom emptied of reporters, officials avoiding the press', () => {
  it.each([
    'Судья распорядился вывести журналистов из зала суда перед допросом свидетелей по делу активистов.',
    'Судья тілшілерді сот залынан шығарып жіберді, процесс жабық жалғасты.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'closed_session' });
  });

  it.each([
    'После заседания правительства министры сбежали от журналистов через служебный выход.',
    'Министры избегают журналистов и не выходят к прессе после заседаний правительства.',
    'The ministers have avoided journalists since the start of the year and skipped the briefing after the cabinet meeting in Astana.',
    'Үкімет үйінде журналистерді министрлер отырыс өтетін қабатқа кіргізбейтін болды.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'info_denial' });
  });
});

describe('a story told abroad, named by its demonym, region or leader only, is not one of ours', () => {
  it.each([
    'Serbian journalist assaulted outside her home after reporting on local corruption.',
    'В Дагестане полиция задержала журналиста местной газеты после публикации о чиновниках.',
    'Pakistan’s police arrest a journalist over his posts criticising the army.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('abroad told by a region, an institution, a currency or a well-known outlet of another country', () => {
  // The real set's abroad false alarms named no country: a Russian region or its people, Moscow's city court, the
  // Russian National Guard, fines in roubles or soms, Novaya Gazeta or Vedomosti, a Belarusian town.
  it.each([
    'В Прикамье уволили редактора районной газеты после критической публикации о главе района.',
    'Мосгорсуд обязал блогера опровергнуть публикацию о телеканале.',
    'Сотрудники Росгвардии задержали двух журналистов у здания суда.',
    'Суд взыскал с редакции газеты 300 тысяч рублей по иску чиновника.',
    'Суд обязал главного редактора выплатить чиновнице 57 тысяч сомов за публикацию разговора.',
    'Сайт «Новой газеты» перестал работать после публикации статьи о силовиках.',
    'A Vitsebsk resident was sentenced to four years for a TikTok video about the police.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });

  it.each([
    'В Павлодаре уволили редактора районной газеты после критической публикации об акиме района.',
    'Суд взыскал с редакции газеты 300 тысяч тенге по иску акима.',
  ])('the same story at home stays a candidate: %s', (text) => {
    expect(classify(text).candidate).toBe(true);
  });
});

describe('an English possessive belongs to its word: "Stan TV’s studio" names the TV channel', () => {
  it("folds ’s and 's in English only", () => {
    expect(LEXICONS.en.normalise('tv’s')).toBe('tv');
    expect(LEXICONS.en.normalise("weekly's")).toBe('weekly');
    expect(LEXICONS.en.normalise('15-day')).toBe('day');
    expect(LEXICONS.en.normalise('boss')).toBe('boss');
  });

  it.each([
    'An Almaty court ordered the closure of Orda TV’s production studio in Kazakhstan.',
    "Kazakh police seized the opposition weekly's print run at the printing house.",
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(true);
  });
});

describe('an administrative case named, and no criminal procedure, is counted as the administrative case', () => {
  it.each([
    'Облыстық газеттің бас редакторына қатысты әкімшілік іс қозғалды.',
    // "үкімет" (the government) is no "үкім" (a verdict): it does not make the case a criminal one.
    'Үкімет өкілі облыстық газеттің бас редакторына қатысты әкімшілік іс қозғалғанын айтты.',
  ])('%s', (text) => {
    // "іс қозғалды" (a case opened) alone leans criminal; "әкімшілік" says which case it is.
    expect(classify(text)).toMatchObject({ candidate: true, first: 'administrative_charge' });
  });

  it.each([
    'Облыстық газеттің бас редакторына қатысты қылмыстық іс қозғалды, ол сезікті ретінде жауап берді.',
    'Против редактора газеты возбудили уголовное дело и назначили штраф его заместителю.',
  ])('a criminal procedure named keeps the charge first: %s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'criminal_charge' });
  });
});

describe('words typed with Latin look-alike letters inside Cyrillic still meet their patterns', () => {
  it('«соцcетям» with a Latin c', () => {
    const text = 'В Казахстане проблемы с доступом к соцcетям и мессенджерам с утра дня выборов.';
    expect(text).toMatch(/соц\u0063етям/);
    expect(classify(text)).toMatchObject({ candidate: true, first: 'blocking' });
  });

  it('a hyphen joining the scripts on purpose ("DDoS-шабуыл", "telegram-канал") is left as written', () => {
    expect(LEXICONS.kk.normalise('ddos-шабуылдан')).toBe('ddos-шабуылдан');
    expect(LEXICONS.ru.normalise('telegram-канала')).toBe('telegram-канала');
    expect(LEXICONS.ru.normalise('соц\u0063етям')).toBe('соцсетям');
    expect(LEXICONS.kk.normalise('\u0063әбиді')).toBe(LEXICONS.kk.normalise('сәбиді'));
  });
});

describe('closures told as sealing an office or banning the publication', () => {
  it.each([
    'В Алматы полиция опечатала офис оппозиционной газеты.',
    'Суд вынес решение о запрете выпуска газеты по иску прокурора.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'media_closure' });
  });
});

describe('Kazakh newsroom vocabulary checked against the Kazakh excerpts: charges, claims, speakers', () => {
  it.each([
    ['Журналистке ұлтаралық алауыздықты өршітті деген айып тағылып, сот басталды.', 'criminal_charge'],
    ['Сот әкімнің газетке қатысты арызын қанағаттандырусыз қалдырды.', 'civil_claim'],
    ['Қарағандылық стендап-әзілкеш сахнадағы әзілі үшін қамауға алынды.', 'detention'],
  ])('%s', (text, id) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: id });
  });

  it('a blogger brought to court for a post, the code unnamed: both legal ids are offered', () => {
    // The text names no code. Real Kazakh excerpts told this way ('жауапқа/сотқа тартылды' over a post) are mostly
    // administrative cases since 2020, and the category model that learnt them puts that first; the criminal case
    // stays second for the reviewer.
    const v = classify('Блогер әлеуметтік желідегі жазбасы үшін сотқа тартылды.');
    expect(v.candidate).toBe(true);
    expect(v.ids.slice(0, 2)).toEqual(expect.arrayContaining(['administrative_charge', 'criminal_charge']));
  });

  it('a comedian is a speaker in Russian too, and extremism charges over speech are criminal', () => {
    expect(classify('Стендап-комика задержали в Алматы после выступления о чиновниках.')).toMatchObject({
      candidate: true,
      first: 'detention',
    });
    expect(
      classify(
        'Блогера судят за пропаганду экстремизма в его видео на YouTube-канале, сообщили в суде Астаны.',
      ),
    ).toMatchObject({ candidate: true, first: 'criminal_charge' });
  });
});

describe('news about the detention of an official, told or denied by the media, is not a violation', () => {
  it.each([
    'Телеграм-канал написал о задержании министра энергетики; в министерстве эту информацию опровергли.',
    'Сайт энергетика министрі ұсталды деп жазды, алайда министрлік бұл ақпаратты жоққа шығарды.',
    'The ministry denied reports about the detention of the deputy prime minister that a news site had published.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

// The eleventh pass (docs/classifier-evaluation.md): kinds of the spent parts' errors, on sentences of our own.
describe('a warning told as an explanatory talk with an editor is pressure, whatever liability it names', () => {
  it.each([
    'Прокуратура провела разъяснительную работу с главным редактором портала после публикации о закрытии больницы.',
    'Редактор сайта строго предупреждена об уголовной ответственности за распространение заведомо ложной информации.',
    'Police held a preventive conversation with the editor of the news site about his posts on the akimat.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'pressure' });
  });
});

describe('a Russian defamation case with no mark of criminal procedure is administrative (КоАП 73-3 since 2020)', () => {
  it('a blogger fined for defaming an akim', () => {
    expect(
      classify('Суд признал блогера виновным в клевете на акима района и оштрафовал его.'),
    ).toMatchObject({
      candidate: true,
      first: 'administrative_charge',
    });
  });
  it('an honour claim over the same words keeps the civil claim among the first two', () => {
    // Weaker than it was: since the category model that learnt the real set's labels weighs 20 against the lexicon
    // (seventeenth pass), "клевета" in an akim's honour suit puts the administrative case first and the civil claim
    // second. Rules keyed on lawsuit words ("подал иск", "sued") cost three right answers on the spent parts for
    // none gained, so none was kept; the reviewer picks the second.
    const v = classify(
      'Аким района подал иск о защите чести и достоинства к блогеру, назвав его пост клеветой.',
    );
    expect(v.candidate).toBe(true);
    expect(v.ids.slice(0, 2)).toContain('civil_claim');
  });
});

describe('English detentions told without the word "detained"', () => {
  it.each([
    'Security agents continue to hold the editor of an Almaty weekly without charge.',
    'Men in plain clothes took him away from his home in Uralsk a day after his report on the strike.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'detention' });
  });
});

describe("another state's entry ban, a charity drive and a Russian region are not the monitor's", () => {
  it.each([
    'Журналистке из Казахстана запретили въезд в Россию на пятьдесят лет.',
    'At Almaty airport a Kazakh reporter was told she is barred from entering Russia.',
    'Блогер из Шымкента за два дня собрал на лечение ребенка пятнадцать миллионов тенге.',
    'A popular blogger raised ten million tenge for a sick child’s surgery in Astana.',
    'В Якутске полиция задержала журналиста местной газеты после публикации о мэрии.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('a reporter kept from filming or sent away at a polling station is obstruction (election day)', () => {
  it.each([
    'A reporter of a regional news site was driven out of polling station No. 112 in Taraz after she photographed the ballot box.',
    'The chairman of the precinct commission forbade the journalists to film the count at polling station No. 8 in Kostanay.',
    'На избирательном участке №45 в Семее председатель комиссии запретил корреспонденту газеты снимать подсчет голосов.',
    'Сайлау учаскесінде комиссия төрағасы тілшіге дауыс санауды түсіруге тыйым салды.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'obstruction' });
  });
});

describe("rules a building sets for reporters are regulation, not a reporter's obstruction", () => {
  it.each([
    'Журналистам раздали внутренние правила здания министерства: подниматься выше первого этажа и снимать в коридорах отныне нельзя.',
    'Under the ministry’s new internal rules, journalists may only stay in the press area on the ground floor.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'regulation' });
  });
});

describe('an official swearing at a reporter is an insult, not a detention or a charge', () => {
  it.each([
    'Заместитель акима района обматерил журналиста районной газеты, который снимал прорыв трубы.',
    'The head of the district sports department swore at a TV reporter filming the broken stadium roof.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'insult' });
  });
});

describe("a closed outlet's later steps keep media_closure", () => {
  it.each([
    'Закрытая по решению суда районная газета может снова выходить с первого марта.',
    'The weekly closed by a court in Uralsk last year has been allowed to resume publishing.',
  ])('%s', (text) => {
    expect(classify(text)).toMatchObject({ candidate: true, first: 'media_closure' });
  });
});

describe('a journalist who disappeared is an attack until the case says otherwise', () => {
  it('a reporter missing after her articles on a land deal', () => {
    expect(
      classify(
        'An investigative reporter of a Karaganda weekly went missing after her articles on a land deal; her whereabouts remain unknown.',
      ),
    ).toMatchObject({ candidate: true, first: 'attack' });
  });
});

describe("ratings, the day of silence and a public reminder of liability are not the monitor's events", () => {
  it.each([
    'Kazakhstan scored 33 out of 100 in this year’s Freedom on the Net ranking and stays among the countries rated Not Free.',
    'Тыныштық күні телеарналар мен газеттерге кез келген үгіт материалын жариялауға тыйым салынады.',
    'Полиция напомнила жителям, что распространение заведомо ложной информации влечет уголовную ответственность.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('speech offences named as incitement or hate speech, and confinement in a psychiatric hospital', () => {
  it.each([
    [
      'A Pavlodar writer faces religious incitement charges over his essays on the mosque scandal.',
      'criminal_charge',
    ],
    [
      'Блогера из Семея поместили в психиатрическую больницу после его видео о коррупции в акимате.',
      'detention',
    ],
  ])('%s', (text, first) => {
    expect(classify(text)).toMatchObject({ candidate: true, first });
  });
});

describe("a country report's register names no single event: not a candidate", () => {
  it.each([
    'Significant human rights issues included credible reports of arbitrary detention of journalists and restrictions on the press during the reporting period.',
    'While the constitution provides for freedom of speech, the government limited criticism of officials and prosecuted bloggers during the year.',
  ])('%s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});

describe('an activist is a target through what they said, not by the word alone', () => {
  it.each([
    'Накануне Дня Республики полиция задержала в Алматы более десяти активистов.',
    'An opposition activist was released from a penal colony in Zarechny after serving his term for organising a banned party.',
  ])('not a candidate: %s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });

  it.each([
    'A Taraz activist was fined 200 MCI for criticising the akim at a public hearing.',
    'Активиста из Уральска осудили на три года за призывы к сепаратизму на митинге.',
  ])('a candidate: %s', (text) => {
    expect(classify(text).candidate).toBe(true);
  });
});

// Thirteenth pass: law news told through what it does to online platforms and their content, with no media word
// (fresh15's internet laws), is regulation; a law on something else stays ordinary news.
describe('a restrictive law told through online platforms is regulation', () => {
  it.each([
    ['Kazakhstan: parliament passes new internet law', 'regulation'],
    [
      'Parliament passed a law letting the ministry fine online platforms that ignore its orders.',
      'regulation',
    ],
    ['Закон, обязывающий онлайн-платформы удалять запрещённый контент, принят Сенатом.', 'regulation'],
  ])('%s', (text, first) => {
    expect(classify(text)).toMatchObject({ candidate: true, first });
  });

  it.each([
    'Parliament passed a law raising pensions for rural teachers.',
    'Закон о повышении пенсий учителям принят во втором чтении.',
  ])('not a candidate: %s', (text) => {
    expect(classify(text).candidate).toBe(false);
  });
});
