// The real dev set's withheld parts, "fresh" … "fresh18" (FRESH_PARTS): each gathered after earlier parts had been
// measured, stored explicitly on each entry, left out of the hash split, counted by `stats`, and measured only when
// named (`eval:classify -- --real --part fresh9`), each alone. Every text below is our own writing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGathered } from '../../evaluation/add-gathered.ts';
import { manifestStats } from '../../evaluation/manifest-stats.ts';
import { type ManifestEntry, manifestLine, parseManifest } from '../../evaluation/real-dev-manifest.ts';
import { runRealEvaluation } from '../../evaluation/run-real-evaluation.ts';

// The parts gathered after the split, in order, spelled here rather than read from FRESH_PARTS: a part added to the
// code must be added to these tests on purpose.
const GATHERED_LATER = [
  'fresh',
  'fresh2',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
  'fresh8',
  'fresh9',
  'fresh10',
  'fresh11',
  'fresh12',
  'fresh13',
  'fresh14',
  'fresh15',
  'fresh16',
  'fresh17',
  'fresh18',
  'fresh19',
  'fresh20',
  'fresh21',
  'fresh22',
  'fresh23',
  'fresh24',
  'fresh25',
  'fresh26',
  'fresh27',
  'fresh28',
  'fresh29',
  'fresh30',
  'fresh31',
  'fresh32',
  'fresh33',
  'fresh34',
  'fresh35',
  'fresh36',
  'fresh37',
  'fresh38',
  'fresh39',
  'fresh40',
  'fresh41',
  'fresh42',
  'fresh43',
  'fresh44',
  'fresh45',
  'fresh46',
  'fresh47',
  'fresh48',
  'fresh49',
  'fresh50',
  'fresh51',
  'fresh52',
] as const;

import { applySplit, checkSplit, partOf } from '../../evaluation/split-real-dev.ts';
import { manifestEntry } from '../helpers/manifest-entry.ts';

const entry = (i: number, over: Partial<ManifestEntry>) => manifestEntry(i, over, 'fresh');

// One violation and one ordinary story in each of the eleven parts.
const FIXTURE: [ManifestEntry, string][] = [
  [
    entry(1, { candidate: true, category: 'detention', part: 'tuning' }),
    'В Уральске полицейские увезли в отдел фотографа районной газеты, снимавшего очередь у акимата.',
  ],
  [
    entry(2, { part: 'tuning' }),
    'В Уральске открыли новый каток, вход для школьников бесплатный до конца месяца.',
  ],
  [
    entry(3, { candidate: true, category: 'attack', part: 'heldout', lang: 'en', script: 'latn' }),
    'Two men beat a local reporter in Taraz and smashed his camera after he filmed a land dispute.',
  ],
  [
    entry(4, { part: 'heldout', lang: 'en', script: 'latn' }),
    'The Taraz city hall announced the opening of three new bus routes from Monday.',
  ],
  [
    entry(5, { candidate: true, category: 'civil_claim', part: 'fresh' }),
    'Бывший директор рынка подал иск о защите чести к редакции еженедельника и требует пять миллионов тенге.',
  ],
  [
    entry(6, { part: 'fresh', lang: 'kk' }),
    'Облыс әкімі Баспасөз күніне орай аудандық газеттің тілшілеріне алғыс хат табыстады.',
  ],
  [
    entry(8, { candidate: true, category: 'threat', part: 'fresh2', lang: 'kk' }),
    'Аудандық сайттың редакторына белгісіз адамдар телефон соғып, мақаланы өшірмесе зиян келтіреміз деп қорқытқан.',
  ],
  [
    entry(9, { part: 'fresh2', lang: 'en', script: 'latn' }),
    'Police in Semey detained two men suspected of stealing copper cable from a railway depot.',
  ],
  [
    entry(11, { candidate: true, category: 'blocking', part: 'fresh3', lang: 'en', script: 'latn' }),
    'Readers in Aktobe could not open the regional news site for a week after it published a story on the akim.',
  ],
  [
    entry(12, { part: 'fresh3', lang: 'kk', script: 'latn' }),
    'Qostanaıda jol apatynan keıin eki jurgizushi polısııaǵa jetkizildi, tergeu bastaldy.',
  ],
  [
    entry(14, { candidate: true, category: 'info_denial', part: 'fresh4', lang: 'kk' }),
    'Аудан әкімдігі жергілікті газет тілшісінің сұрауына бір ай бойы жауап бермей, сессияға да кіргізбеді.',
  ],
  [
    entry(15, { part: 'fresh4', lang: 'ru' }),
    'В Петропавловске суд арестовал двух мужчин, обманувших пенсионеров от имени сотрудников банка.',
  ],
  [
    entry(17, { candidate: true, category: 'detention', part: 'fresh5', lang: 'en', script: 'latn' }),
    'Border guards at Almaty airport held a freelance cameraman for six hours and copied the files on his laptop.',
  ],
  [
    entry(18, { part: 'fresh5', lang: 'kk' }),
    'Павлодарда жаңа спорт кешені ашылып, оған аудандық газеттің тілшілері де қатысты.',
  ],
  [
    entry(20, { candidate: true, category: 'criminal_charge', part: 'fresh6', lang: 'ru' }),
    'В Кокшетау на главного редактора районного портала завели уголовное дело о ложной информации из-за заметки о больнице.',
  ],
  [
    entry(21, { part: 'fresh6', lang: 'en', script: 'latn' }),
    'Reporters from three regional papers attended the opening of a new bridge over the Ishim in Kokshetau.',
  ],
  [
    entry(23, { candidate: true, category: 'detention', part: 'fresh7', lang: 'kk' }),
    'Семейде полиция облыстық сайттың тілшісін сот ғимаратының алдында ұстап, бөлімшеге апарды.',
  ],
  [
    entry(24, { part: 'fresh7', lang: 'ru' }),
    'В Таразе журналисты городских изданий побывали на открытии нового родильного дома.',
  ],
  [
    entry(26, { candidate: true, category: 'summons', part: 'fresh8', lang: 'en', script: 'latn' }),
    'Police in Kyzylorda called a regional TV editor in for questioning over a report on a hospital queue.',
  ],
  [
    entry(27, { part: 'fresh8', lang: 'kk' }),
    'Қызылордада облыстық телеарнаның тілшілері жаңа саябақтың ашылуына қатысты.',
  ],
  [
    entry(101, { candidate: true, category: 'obstruction', part: 'fresh9', lang: 'ru' }),
    'В Экибастузе охрана завода не пустила съёмочную группу городского канала на открытое заседание.',
  ],
  [
    entry(102, { part: 'fresh9', lang: 'en' }),
    'Reporters from Semey toured the rebuilt river embankment with the city engineer on Friday.',
  ],
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'real-fresh-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFixture(): { manifest: string; excerpts: string } {
  const manifest = join(dir, 'manifest.jsonl');
  const excerpts = join(dir, 'excerpts.jsonl');
  writeFileSync(manifest, `${FIXTURE.map(([e]) => manifestLine(e)).join('\n')}\n`);
  writeFileSync(excerpts, `${FIXTURE.map(([e, text]) => JSON.stringify({ id: e.id, text })).join('\n')}\n`);
  return { manifest, excerpts };
}

function run(options: { part?: string; errors?: boolean }): { code: number; out: string } {
  const { manifest, excerpts } = writeFixture();
  const lines: string[] = [];
  const code = runRealEvaluation({
    manifestPath: manifest,
    excerptsPath: excerpts,
    previousRef: '',
    ...options,
    log: (l) => lines.push(l),
  });
  return { code, out: lines.join('\n') };
}

describe('the parts gathered after the split (GATHERED_LATER) in the manifest', () => {
  it('are parts a manifest line may carry, and an unknown part is refused with its line', () => {
    const line = manifestLine(entry(7, { part: 'fresh' }));
    const line2 = manifestLine(entry(10, { part: 'fresh2' }));
    const line3 = manifestLine(entry(13, { part: 'fresh3' }));
    const line4 = manifestLine(entry(16, { part: 'fresh4' }));
    const line5 = manifestLine(entry(19, { part: 'fresh5' }));
    const line6 = manifestLine(entry(22, { part: 'fresh6' }));
    const line7 = manifestLine(entry(25, { part: 'fresh7' }));
    const line8 = manifestLine(entry(28, { part: 'fresh8' }));
    const line9 = manifestLine(entry(103, { part: 'fresh9' }));
    const line10 = manifestLine(entry(105, { part: 'fresh10' }));
    const line11 = manifestLine(entry(106, { part: 'fresh11' }));
    const line12 = manifestLine(entry(109, { part: 'fresh12' }));
    const line13 = manifestLine(entry(110, { part: 'fresh13' }));
    const line14 = manifestLine(entry(111, { part: 'fresh14' }));
    const line15 = manifestLine(entry(112, { part: 'fresh15' }));
    const line16 = manifestLine(entry(113, { part: 'fresh16' }));
    const line17 = manifestLine(entry(114, { part: 'fresh17' }));
    const line18 = manifestLine(entry(115, { part: 'fresh18' }));
    const line19 = manifestLine(entry(116, { part: 'fresh19' }));
    const line20 = manifestLine(entry(117, { part: 'fresh20' }));
    const line21 = manifestLine(entry(118, { part: 'fresh21' }));
    const line22 = manifestLine(entry(119, { part: 'fresh22' }));
    const line23 = manifestLine(entry(120, { part: 'fresh23' }));
    const line24 = manifestLine(entry(121, { part: 'fresh24' }));
    const line25 = manifestLine(entry(122, { part: 'fresh25' }));
    const line26 = manifestLine(entry(123, { part: 'fresh26' }));
    const line27 = manifestLine(entry(124, { part: 'fresh27' }));
    const line28 = manifestLine(entry(125, { part: 'fresh28' }));
    const line29 = manifestLine(entry(126, { part: 'fresh29' }));
    const line30 = manifestLine(entry(127, { part: 'fresh30' }));
    const line31 = manifestLine(entry(128, { part: 'fresh31' }));
    const line32 = manifestLine(entry(129, { part: 'fresh32' }));
    const line33 = manifestLine(entry(130, { part: 'fresh33' }));
    const line34 = manifestLine(entry(131, { part: 'fresh34' }));
    const line35 = manifestLine(entry(132, { part: 'fresh35' }));
    const line36 = manifestLine(entry(133, { part: 'fresh36' }));
    const line37 = manifestLine(entry(134, { part: 'fresh37' }));
    const line38 = manifestLine(entry(135, { part: 'fresh38' }));
    const line39 = manifestLine(entry(136, { part: 'fresh39' }));
    const line40 = manifestLine(entry(137, { part: 'fresh40' }));
    const line41 = manifestLine(entry(138, { part: 'fresh41' }));
    const line42 = manifestLine(entry(139, { part: 'fresh42' }));
    const line43 = manifestLine(entry(140, { part: 'fresh43' }));
    const line44 = manifestLine(entry(141, { part: 'fresh44' }));
    const line45 = manifestLine(entry(142, { part: 'fresh45' }));
    const line46 = manifestLine(entry(143, { part: 'fresh46' }));
    const line47 = manifestLine(entry(144, { part: 'fresh47' }));
    const line48 = manifestLine(entry(145, { part: 'fresh48' }));
    const line49 = manifestLine(entry(146, { part: 'fresh49' }));
    const line50 = manifestLine(entry(147, { part: 'fresh50' }));
    const line51 = manifestLine(entry(148, { part: 'fresh51' }));
    const line52 = manifestLine(entry(149, { part: 'fresh52' }));
    expect(
      parseManifest(
        `${line}\n${line2}\n${line3}\n${line4}\n${line5}\n${line6}\n${line7}\n${line8}\n${line9}\n${line10}\n${line11}\n${line12}\n${line13}\n${line14}\n${line15}\n${line16}\n${line17}\n${line18}\n${line19}\n${line20}\n${line21}\n${line22}\n${line23}\n${line24}\n${line25}\n${line26}\n${line27}\n${line28}\n${line29}\n${line30}\n${line31}\n${line32}\n${line33}\n${line34}\n${line35}\n${line36}\n${line37}\n${line38}\n${line39}\n${line40}\n${line41}\n${line42}\n${line43}\n${line44}\n${line45}\n${line46}\n${line47}\n${line48}\n${line49}\n${line50}\n${line51}\n${line52}\n`,
        'm.jsonl',
      ).map((e) => e.part),
    ).toEqual(GATHERED_LATER);
    const bad = line.replace('"part":"fresh"', '"part":"later"');
    expect(() => parseManifest(`${line2}\n${bad}\n`, 'm.jsonl')).toThrow(
      new RegExp(`m\\.jsonl:2.*"part" must be one of tuning, heldout, ${GATHERED_LATER.join(', ')}`),
    );
    // A fifty-third fresh part does not exist until someone adds it: "fresh53" is refused like any unknown part.
    const fiftyThird = line52.replace('"part":"fresh52"', '"part":"fresh53"');
    expect(() => parseManifest(`${fiftyThird}\n`, 'm.jsonl')).toThrow(/m\.jsonl:1.*"part" must be one of/);
  });

  it('is stored on every entry `add --part fresh|fresh2|…|fresh52` appends, and absent without it', () => {
    const manifest = join(dir, 'manifest.jsonl');
    writeFileSync(manifest, '');
    const batch = (name: string, url: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        `${JSON.stringify({
          q: 'иск к редакции о защите чести',
          rank: 1,
          url,
          lang: 'ru',
          src: 'news',
          x: text,
          items: [{ f: text.slice(0, 20), k: 'p', c: 'civil_claim', r: 'suit against a newsroom' }],
        })}\n`,
      );
      return file;
    };
    const noneExcluded = () => new Set<string>();
    const fresh = addGathered(batch('a.jsonl', 'https://a.example.kz/1', FIXTURE[4]![1]), manifest, {
      labeller: 'test',
      responsesDir: dir,
      excluded: noneExcluded,
      part: 'fresh',
    });
    const plain = addGathered(
      batch(
        'b.jsonl',
        'https://b.example.kz/2',
        'Директор рынка отозвал иск к газете после публикации опровержения.',
      ),
      manifest,
      { labeller: 'test', responsesDir: dir, excluded: noneExcluded },
    );
    // One batch per later part, each a page of its own: every entry `add --part P` appends carries P.
    const later: readonly (readonly [string, string, string, string])[] = [
      [
        'fresh2',
        'c.jsonl',
        'https://c.example.kz/3',
        'Редакция районной газеты получила иск от бывшего акима села.',
      ],
      [
        'fresh3',
        'd.jsonl',
        'https://d.example.kz/4',
        'Бывший судья подал иск к интернет-изданию и просит удалить расследование о его доме.',
      ],
      [
        'fresh4',
        'e.jsonl',
        'https://e.example.kz/5',
        'Владелец автосалона подал иск к блогеру и требует опровергнуть видео о сломанных машинах.',
      ],
      [
        'fresh5',
        'f.jsonl',
        'https://f.example.kz/6',
        'Заместитель акима района подал иск к местной газете из-за статьи о ремонте школы.',
      ],
      [
        'fresh6',
        'g.jsonl',
        'https://g.example.kz/7',
        'Директор коммунального предприятия подал иск к сайту из-за репортажа о прорыве теплотрассы.',
      ],
      [
        'fresh7',
        'h.jsonl',
        'https://h.example.kz/8',
        'Аким города подал иск к телеканалу из-за сюжета о затопленном подземном переходе.',
      ],
      [
        'fresh8',
        'i.jsonl',
        'https://i.example.kz/9',
        'Директор водоканала подал иск к газете из-за заметки о ржавой воде в кранах.',
      ],
      [
        'fresh9',
        'j.jsonl',
        'https://j.example.kz/10',
        'Акимат района отказал редакции в аккредитации на сессию маслихата без объяснения причин.',
      ],
      [
        'fresh10',
        'k.jsonl',
        'https://k.example.kz/11',
        'Пресс-секретарь маслихата не пустил корреспондента на заседание, сославшись на нехватку мест.',
      ],
      [
        'fresh11',
        'l.jsonl',
        'https://l.example.kz/12',
        'Директор автобусного парка подал иск к сайту из-за фотографий сломанных остановок.',
      ],
      [
        'fresh12',
        'm.jsonl',
        'https://m.example.kz/13',
        'Владелец торгового центра подал иск к блогеру из-за ролика о закрытых пожарных выходах.',
      ],
      [
        'fresh13',
        'n.jsonl',
        'https://n.example.kz/14',
        'Руководитель коммунального предприятия подал иск к газете из-за снимков свалки у реки.',
      ],
      [
        'fresh14',
        'o.jsonl',
        'https://o.example.kz/15',
        'Частная клиника подала иск к телеканалу из-за сюжета о платных справках.',
      ],
      [
        'fresh15',
        'p.jsonl',
        'https://p.example.kz/16',
        'Застройщик подал иск к районной газете из-за заметки о трещинах в новом доме.',
      ],
      [
        'fresh16',
        'q.jsonl',
        'https://q.example.kz/17',
        'Управляющая компания подала иск к блогеру из-за ролика о протекающей крыше.',
      ],
      [
        'fresh17',
        'r.jsonl',
        'https://r.example.kz/18',
        'Сеть аптек подала иск к региональному порталу из-за статьи о просроченных лекарствах.',
      ],
      [
        'fresh18',
        's.jsonl',
        'https://s.example.kz/19',
        'Автосалон подал иск к телеграм-каналу из-за поста о скрученных пробегах.',
      ],
      [
        'fresh19',
        't.jsonl',
        'https://t.example.kz/20',
        'Аудан әкімдігі жергілікті газетке ақпарат беруден бас тартты.',
      ],
      [
        'fresh20',
        'u.jsonl',
        'https://u.example.kz/21',
        'Застройщик потребовал от новостного сайта удалить видео о трещинах в доме.',
      ],
      [
        'fresh21',
        'v.jsonl',
        'https://v.example.kz/22',
        'A regional akimat stopped answering a local paper’s questions after its report on a dam.',
      ],
      [
        'fresh22',
        'w.jsonl',
        'https://w.example.kz/23',
        'Блогера вызвали в полицию для беседы после ролика о разбитой дороге.',
      ],
      [
        'fresh23',
        'x.jsonl',
        'https://x.example.kz/24',
        'A district court fined a local blogger over a video about a flooded school.',
      ],
      [
        'fresh24',
        'y.jsonl',
        'https://y.example.kz/25',
        'Редактору районной газеты отказали в аккредитации на сессию маслихата.',
      ],
      [
        'fresh25',
        'z.jsonl',
        'https://z.example.kz/26',
        'Police in Atyrau questioned a reporter for three hours after she filmed a protest.',
      ],
      ['fresh26', 'aa.jsonl', 'https://aa.example.kz/27', 'Тілшіні әкімдіктің отырысына кіргізбеді.'],
      [
        'fresh27',
        'ab.jsonl',
        'https://ab.example.kz/28',
        'Аудандық газеттің тілшісін сот залынан шығарып жіберді.',
      ],
      [
        'fresh28',
        'ac.jsonl',
        'https://ac.example.kz/29',
        'A regional court in Kostanay closed a libel hearing to the press.',
      ],
      [
        'fresh29',
        'ad.jsonl',
        'https://ad.example.kz/30',
        'Border guards held a freelance cameraman for six hours at Khorgos.',
      ],
      [
        'fresh30',
        'ae.jsonl',
        'https://ae.example.kz/31',
        'Блогеру из Талдыкоргана присудили штраф за пост о районном акиме.',
      ],
      [
        'fresh31',
        'af.jsonl',
        'https://af.example.kz/32',
        'Облыстық сот блогердің шағымын қанағаттандырмады.',
      ],
      [
        'fresh32',
        'ag.jsonl',
        'https://ag.example.kz/33',
        'Prosecutors in Semey asked for two years of restricted freedom for a blogger.',
      ],
      [
        'fresh33',
        'ah.jsonl',
        'https://ah.example.kz/34',
        'В Таразе редакции районной газеты отказали в аккредитации на сессию маслихата.',
      ],
      [
        'fresh34',
        'ai.jsonl',
        'https://ai.example.kz/35',
        'Аудандық әкімдік газет тілшісінің сауалына жауап бермеді.',
      ],
      [
        'fresh35',
        'aj.jsonl',
        'https://aj.example.kz/36',
        'A court in Aktobe fined a local blogger for a video about the city hospital.',
      ],
      [
        'fresh36',
        'ak.jsonl',
        'https://ak.example.kz/37',
        'В Костанае полиция вызвала на допрос редактора районной газеты.',
      ],
      ['fresh37', 'al.jsonl', 'https://al.example.kz/38', 'Облыстық газеттің тілшісін сессияға кіргізбеді.'],
      ['fresh38', 'am.jsonl', 'https://am.example.kz/39', 'Аудандық сот журналистке айыппұл салды.'],
      [
        'fresh39',
        'an.jsonl',
        'https://an.example.kz/40',
        'В Уральске журналиста не пустили на заседание акимата.',
      ],
      [
        'fresh40',
        'ao.jsonl',
        'https://ao.example.kz/41',
        'Police in Taraz questioned a reporter over a post about the mayor.',
      ],
      [
        'fresh41',
        'ap.jsonl',
        'https://ap.example.kz/42',
        'Ауыл әкімі тілшінің сұрағына жауап беруден бас тартты.',
      ],
      [
        'fresh42',
        'aq.jsonl',
        'https://aq.example.kz/43',
        'В Кокшетау блогера оштрафовали за видео о свалке.',
      ],
      [
        'fresh43',
        'ar.jsonl',
        'https://ar.example.kz/44',
        'A reporter in Semey was barred from a district council session.',
      ],
      [
        'fresh44',
        'as.jsonl',
        'https://as.example.kz/45',
        'A blogger in Kyzylorda was fined over a video about a hospital.',
      ],
      [
        'fresh45',
        'at.jsonl',
        'https://at.example.kz/46',
        'В Шымкенте редактору газеты отказали в ответе на запрос.',
      ],
      ['fresh46', 'au.jsonl', 'https://au.example.kz/47', 'Аудандық сот блогерге қатысты істі қарады.'],
      [
        'fresh47',
        'av.jsonl',
        'https://av.example.kz/48',
        'A cameraman in Taraz was kept out of a city court hearing.',
      ],
      [
        'fresh48',
        'aw.jsonl',
        'https://aw.example.kz/49',
        'В Костанае сайт оштрафовали за публикацию опроса.',
      ],
      [
        'fresh49',
        'ax.jsonl',
        'https://ax.example.kz/50',
        'Облыстық газет тілшісіне сұхбат беруден бас тартылды.',
      ],
      [
        'fresh50',
        'ay.jsonl',
        'https://ay.example.kz/51',
        'A photographer in Ekibastuz was told to delete pictures of a mine protest.',
      ],
      [
        'fresh51',
        'az.jsonl',
        'https://az.example.kz/52',
        'В Таразе на редактора районной газеты подали иск о защите чести.',
      ],
      [
        'fresh52',
        'ba.jsonl',
        'https://ba.example.kz/53',
        'Аудандық әкімдік тілшіге ақпарат беруден бас тартты.',
      ],
    ];
    for (const [part, file, url, text] of later) {
      const added = addGathered(batch(file, url, text), manifest, {
        labeller: 'test',
        responsesDir: dir,
        excluded: noneExcluded,
        part: part as ManifestEntry['part'],
      });
      expect(added.added.map((e) => e.part)).toEqual([part]);
    }
    expect(fresh.added.map((e) => e.part)).toEqual(['fresh']);
    expect(plain.added.map((e) => e.part)).toEqual([undefined]);
    const stored = parseManifest(readFileSync(manifest, 'utf8'), manifest);
    // The plain add (no --part) came second.
    expect(stored.map((e) => e.part)).toEqual(['fresh', undefined, ...GATHERED_LATER.slice(1)]);
  });

  it('is never moved by the split, and left out of its checks even when it shares an event with tuning', () => {
    const split = [
      entry(30, { part: 'tuning', candidate: true, category: 'attack', group: 'event-y' }),
      entry(31, { part: 'heldout', url: 'https://c.test/3', candidate: true, category: 'attack' }),
      entry(32, { part: 'tuning', url: 'https://d.test/4' }),
    ];
    // Five fresh entries of the same event: they would drag the held-out share under a third and straddle it.
    const fresh = [40, 41, 42, 43, 44].map((i) => entry(i, { part: 'fresh', group: 'event-y' }));
    // And four fresh2 entries, three of that event and one held-out-looking page of its own.
    const fresh2 = [50, 51, 52, 53].map((i) =>
      entry(i, {
        part: 'fresh2',
        group: i === 53 ? undefined : 'event-y',
        candidate: true,
        category: 'attack',
      }),
    );
    // And three fresh3 entries: two of that event, one a page of its own with no group.
    const fresh3 = [60, 61, 62].map((i) =>
      entry(i, { part: 'fresh3', group: i === 62 ? undefined : 'event-y' }),
    );
    // And two fresh4 entries, one of that event (a violation) and one ordinary story of its own.
    const fresh4 = [70, 71].map((i) =>
      entry(
        i,
        i === 70
          ? { part: 'fresh4', group: 'event-y', candidate: true, category: 'attack' }
          : { part: 'fresh4' },
      ),
    );
    // And two fresh5 entries: one of that event (an ordinary story), one a violation on a page of its own.
    const fresh5 = [80, 81].map((i) =>
      entry(
        i,
        i === 80
          ? { part: 'fresh5', group: 'event-y' }
          : { part: 'fresh5', candidate: true, category: 'detention' },
      ),
    );
    // And three fresh6 entries: two of that event (a violation and an ordinary story), one a page of its own.
    const fresh6 = [90, 91, 92].map((i) =>
      entry(
        i,
        i === 92
          ? { part: 'fresh6' }
          : {
              part: 'fresh6',
              group: 'event-y',
              ...(i === 90 ? { candidate: true, category: 'attack' } : {}),
            },
      ),
    );
    // And two fresh7 entries: one of that event (a violation), one an ordinary story of its own.
    const fresh7 = [95, 96].map((i) =>
      entry(
        i,
        i === 95
          ? { part: 'fresh7', group: 'event-y', candidate: true, category: 'detention' }
          : { part: 'fresh7' },
      ),
    );
    // And two fresh8 entries: one of that event (an ordinary story), one a violation of its own.
    const fresh8 = [97, 98].map((i) =>
      entry(
        i,
        i === 97
          ? { part: 'fresh8', group: 'event-y' }
          : { part: 'fresh8', candidate: true, category: 'summons' },
      ),
    );
    // And one fresh9 entry, a violation of its own.
    const fresh9 = [104].map((i) => entry(i, { part: 'fresh9', candidate: true, category: 'obstruction' }));
    // And one fresh10 entry of that event (an ordinary story) and one fresh11 violation of its own.
    const fresh10 = [107].map((i) => entry(i, { part: 'fresh10', group: 'event-y' }));
    const fresh11 = [108].map((i) => entry(i, { part: 'fresh11', candidate: true, category: 'insult' }));
    const all = [
      ...split,
      ...fresh,
      ...fresh2,
      ...fresh3,
      ...fresh4,
      ...fresh5,
      ...fresh6,
      ...fresh7,
      ...fresh8,
      ...fresh9,
      ...fresh10,
      ...fresh11,
    ];
    expect(applySplit(all).map((e) => e.part)).toEqual([
      'tuning',
      'heldout',
      'tuning',
      ...fresh.map(() => 'fresh'),
      ...fresh2.map(() => 'fresh2'),
      ...fresh3.map(() => 'fresh3'),
      ...fresh4.map(() => 'fresh4'),
      ...fresh5.map(() => 'fresh5'),
      ...fresh6.map(() => 'fresh6'),
      ...fresh7.map(() => 'fresh7'),
      ...fresh8.map(() => 'fresh8'),
      ...fresh9.map(() => 'fresh9'),
      ...fresh10.map(() => 'fresh10'),
      ...fresh11.map(() => 'fresh11'),
    ]);
    expect(partOf(fresh[0]!)).toBe('fresh');
    expect(partOf(fresh2[3]!)).toBe('fresh2');
    expect(partOf(fresh3[2]!)).toBe('fresh3');
    expect(partOf(fresh4[1]!)).toBe('fresh4');
    expect(partOf(fresh5[0]!)).toBe('fresh5');
    expect(partOf(fresh6[2]!)).toBe('fresh6');
    expect(partOf(fresh7[1]!)).toBe('fresh7');
    expect(partOf(fresh8[1]!)).toBe('fresh8');
    expect(partOf(fresh9[0]!)).toBe('fresh9');
    expect(partOf(fresh10[0]!)).toBe('fresh10');
    expect(partOf(fresh11[0]!)).toBe('fresh11');
    const check = checkSplit(all);
    expect(check.problems).toEqual([]);
    expect(check.heldoutShare).toBeCloseTo(1 / 3, 5);
  });

  it('are counted by stats as a third, a fourth, a fifth, a sixth, a seventh, an eighth, a ninth, a tenth and an eleventh part', () => {
    const s = manifestStats(FIXTURE.map(([e]) => e));
    // The fixture holds entries of the first nine later parts (fresh10 and fresh11 are covered by the tests above).
    expect(Object.keys(s.byPart).sort()).toEqual([...GATHERED_LATER.slice(0, 9), 'heldout', 'tuning'].sort());
    expect(s.byPart.fresh).toEqual({ ru: { total: 1, candidates: 1 }, kk: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh).toEqual({ civil_claim: 1, none: 1 });
    expect(s.byPart.fresh2).toEqual({ kk: { total: 1, candidates: 1 }, en: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh2).toEqual({ threat: 1, none: 1 });
    expect(s.byPart.fresh3).toEqual({ en: { total: 1, candidates: 1 }, kk: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh3).toEqual({ blocking: 1, none: 1 });
    expect(s.byPart.fresh4).toEqual({ kk: { total: 1, candidates: 1 }, ru: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh4).toEqual({ info_denial: 1, none: 1 });
    expect(s.byPart.fresh5).toEqual({ en: { total: 1, candidates: 1 }, kk: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh5).toEqual({ detention: 1, none: 1 });
    expect(s.byPart.fresh6).toEqual({ ru: { total: 1, candidates: 1 }, en: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh6).toEqual({ criminal_charge: 1, none: 1 });
    expect(s.byPart.fresh7).toEqual({ kk: { total: 1, candidates: 1 }, ru: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh7).toEqual({ detention: 1, none: 1 });
    expect(s.byPart.fresh8).toEqual({ en: { total: 1, candidates: 1 }, kk: { total: 1, candidates: 0 } });
    expect(s.categoryByPart.fresh8).toEqual({ summons: 1, none: 1 });
    expect(s.byPart.fresh9).toEqual({ en: { total: 1, candidates: 0 }, ru: { total: 1, candidates: 1 } });
    expect(s.categoryByPart.fresh9).toEqual({ obstruction: 1, none: 1 });
  });
});

describe('eval:classify --real and the withheld parts', () => {
  it('leaves the fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8 and fresh9 parts out of a plain run, saying so, and prints no figure of them', () => {
    const { code, out } = run({ errors: true });
    expect(code).toBe(0);
    expect(out).toContain('real dev set: 4 excerpts');
    expect(out).toContain(
      'part "fresh" (2 excerpts) not measured: it is measured once, at the end, with --part fresh',
    );
    expect(out).toContain(
      'part "fresh2" (2 excerpts) not measured: it is measured once, at the end, with --part fresh2',
    );
    expect(out).toContain(
      'part "fresh3" (2 excerpts) not measured: it is measured once, at the end, with --part fresh3',
    );
    expect(out).toContain(
      'part "fresh4" (2 excerpts) not measured: it is measured once, at the end, with --part fresh4',
    );
    expect(out).toContain(
      'part "fresh5" (2 excerpts) not measured: it is measured once, at the end, with --part fresh5',
    );
    expect(out).toContain(
      'part "fresh6" (2 excerpts) not measured: it is measured once, at the end, with --part fresh6',
    );
    expect(out).toContain(
      'part "fresh7" (2 excerpts) not measured: it is measured once, at the end, with --part fresh7',
    );
    expect(out).toContain(
      'part "fresh8" (2 excerpts) not measured: it is measured once, at the end, with --part fresh8',
    );
    expect(out).toContain(
      'part "fresh9" (2 excerpts) not measured: it is measured once, at the end, with --part fresh9',
    );
    expect(out).toContain('== tuning: 2 excerpts');
    expect(out).toContain('== heldout: 2 excerpts');
    expect(out).not.toContain('== fresh');
    expect(out).not.toContain('errors (fresh');
    // Language identification is measured on the same excerpts: 4, not 22.
    expect(out).toMatch(/language identification[^\n]*\n\s+all\s+\d\.\d{3} \(\d\/4\)/);
  });

  it('measures the fresh part alone when it is named, with its errors only then, and never fresh2/3/4/5/6/7/8/9 with it', () => {
    const { code, out } = run({ part: 'fresh', errors: true });
    expect(code).toBe(0);
    expect(out).toContain('real dev set: 2 excerpts');
    expect(out).toContain('== fresh: 2 excerpts, 1 violations ==');
    expect(out).not.toContain('== tuning');
    expect(out).not.toContain('== heldout');
    expect(out).not.toContain('== fresh2');
    expect(out).not.toContain('== fresh3');
    expect(out).not.toContain('== fresh4');
    expect(out).not.toContain('not measured');
    expect(out).toContain('errors (fresh)');
    expect(out).not.toContain('errors (fresh2)');
    expect(out).not.toContain('errors (fresh3)');
    expect(out).not.toContain('errors (fresh4)');
    expect(out).not.toContain('== fresh5');
    expect(out).not.toContain('errors (fresh5)');
    expect(out).not.toContain('== fresh6');
    expect(out).not.toContain('== fresh7');
    expect(out).not.toContain('errors (fresh6)');
    expect(out).not.toContain('errors (fresh7)');
    expect(out).not.toContain('== fresh8');
    expect(out).not.toContain('errors (fresh8)');
    expect(out).not.toContain('== fresh9');
    expect(out).not.toContain('errors (fresh9)');
  });

  // The fixture's later parts after the first: each named alone shows itself and its errors, and no other part.
  const fixtureParts = ['tuning', 'heldout', ...GATHERED_LATER.slice(0, 9)];
  it.each(GATHERED_LATER.slice(1, 9))(
    'measures the %s part alone when it is named, with its errors only then, and no other part with it',
    (part) => {
      const { code, out } = run({ part, errors: true });
      expect(code).toBe(0);
      expect(out).toContain('real dev set: 2 excerpts');
      expect(out).toContain(`== ${part}: 2 excerpts, 1 violations ==`);
      expect(out).not.toContain('not measured');
      expect(out).toContain(`errors (${part})`);
      for (const other of fixtureParts.filter((p) => p !== part)) {
        expect(out).not.toContain(`== ${other}:`);
        expect(out).not.toContain(`errors (${other})`);
      }
      // Language identification on the named part only: its 2 excerpts.
      expect(out).toMatch(/language identification[^\n]*\n\s+all\s+\d\.\d{3} \(\d\/2\)/);
    },
  );

  it('names the withheld parts among those available when another part is asked for', () => {
    const { code, out } = run({ part: 'later' });
    expect(code).toBe(2);
    expect(out).toContain(
      'no part "later" (the manifest has fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, heldout, tuning)',
    );
  });
});
