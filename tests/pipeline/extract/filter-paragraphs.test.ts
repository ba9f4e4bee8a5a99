// Paragraph-level boilerplate in ru, kk and en: each rule drops its kind of line and keeps real text.
import { describe, expect, it } from 'vitest';
import { filterParagraphs, isBoilerplateParagraph } from '../../../pipeline/extract/filter-paragraphs.ts';

const BODY_RU =
  'Суд отложил рассмотрение иска акимата к редакции до получения заключения лингвистической экспертизы.';
// Long enough not to be taken for a line of the block a boilerplate heading introduces.
const BODY_KK =
  'Сот әкімдіктің редакцияға қойған талабын лингвистикалық сараптама қорытындысы келгенше қарауды кейінге қалдырды. Редакция өкілі сараптама мақаланың мәтінін толық қарастыруы керек екенін айтып, сотқа қосымша құжаттар тапсырды.';
const BODY_EN =
  'The court postponed the akimat’s claim against the newsroom until a linguistic expert report arrives.';

describe('filterParagraphs', () => {
  it.each([
    ['widget labels', ['Комментарии', 'Пікірлер', 'Advertisement', 'Бөлісу']],
    ['share bars', ['Facebook Twitter Telegram WhatsApp', 'ВКонтакте Одноклассники Telegram']],
    [
      'read-also links',
      [
        'Читайте также: В Таразе задержали оператора',
        'Тағы оқыңыз: Сот журналистке айыппұл салды',
        'Related: Court fines site',
      ],
    ],
    [
      'calls to subscribe',
      [
        'Подпишитесь на наш Telegram-канал, чтобы не пропустить главное!',
        'Sign up for our newsletter',
        'Click here to get the app',
      ],
    ],
    [
      'copyright lines',
      [
        '© 2020 Дала жаңалықтары',
        'Все права защищены.',
        'Copyright © 2020 Steppe Review. All rights reserved.',
      ],
    ],
    [
      'date lines',
      [
        'Обновлено 16 августа 2020, 14:05',
        '14 тамыз 2020 ж., 09:15',
        'Updated at 1:23 p.m.',
        'Wednesday, November 20, 2019',
      ],
    ],
    [
      'bylines and credits',
      [
        'Автор: Марат Естаев',
        'By Daniyar Bekov',
        'Фото: архив редакции',
        'Additional reporting by Aigerim Sadykova',
      ],
    ],
  ])('drops %s', (_kind, lines) => {
    for (const line of lines) expect(isBoilerplateParagraph(line), line).toBe(true);
    const text = [BODY_RU, ...lines, BODY_KK].join('\n\n');
    expect(filterParagraphs(text, null)).toBe(`${BODY_RU}\n\n${BODY_KK}`);
  });

  it('drops a repeated headline at the top and a "most read" heading with the lines under it', () => {
    const text = [
      'Суд отложил иск акимата',
      BODY_RU,
      'Көп оқылған',
      'Алматыда блогер жауапқа тартылды',
      'Шымкентте сайт бұғатталды',
    ].join('\n\n');
    expect(filterParagraphs(text, 'Суд отложил иск акимата')).toBe(BODY_RU);
    const en = [
      BODY_EN,
      'More top stories',
      'Blogger detained in Almaty',
      'Parliament debates media law',
    ].join('\n\n');
    expect(filterParagraphs(en, null)).toBe(BODY_EN);
  });

  it('keeps real paragraphs that merely mention dates, sources or subscriptions', () => {
    const keep = [
      'Суд назначил заседание на 14 августа 2020 года.',
      'Источник в прокуратуре подтвердил, что проверка начата по заявлению редакции.',
      'Редакция потеряла половину подписчиков после блокировки сайта.',
      'Ещё один журналист получил предупреждение.',
      'Последние два года газета выходила раз в неделю.',
      BODY_EN,
    ];
    const text = keep.join('\n\n');
    expect(filterParagraphs(text, null)).toBe(text);
  });
});
