// One invented lawsuit followed over three months, in the reports the pipeline would meet (all people,
// outlets and texts are of our own writing):
//   April 2024   a district official sues a regional portal and its blogger for 5 million tenge (news, ru);
//   May 2024     the court hears the claim behind closed doors and turns reporters away (news, kk; names the
//                case number but words the parties in Kazakh forms);
//   June 2024    the court portal's card of the case with the decision: the claim dismissed (court item).
// Plus a distractor: another claim under the same article against other people (must not be proposed).
import {
  type Article,
  type Classification,
  type CourtRecord,
  EMPTY_FACTS,
  type LanguageResult,
  type TextClassifier,
} from '../../../core/index.ts';
import { ingestArticles } from '../../../pipeline/index.ts';
import type { Store } from '../../../storage/index.ts';

export const CASE_NUMBER = '3512-24-00-2/845';

export interface StoryReport {
  readonly key: string;
  readonly article: Article;
  readonly classification: Classification;
}

const news = (
  key: string,
  url: string,
  publishedAt: string,
  title: string,
  text: string,
  lang: 'ru' | 'kk',
  c: Omit<Classification, 'modelVersion' | 'lang' | 'script' | 'candidate'>,
): StoryReport => ({
  key,
  article: {
    sourceId: url.includes('kk') ? 'qaraghandy-kk' : 'qaraghandy-news',
    kind: 'news',
    url,
    canonicalUrl: url,
    title,
    text,
    publishedAt,
    author: null,
    section: null,
    langHint: lang,
    fetchedAt: publishedAt,
    html: null,
    extractedBy: 'generic',
  },
  classification: { modelVersion: 'fixture-cases', lang, script: 'cyrl', candidate: true, ...c },
});

/** Month 1: the claim is filed. */
export const CLAIM_FILED = news(
  'claim-filed',
  'https://qaraghandy-news.example.kz/ru/2024/04/11/akim-isk-zhana-tolqyn',
  '2024-04-11T08:00:00Z',
  'Аким района потребовал с портала «Жаңа толқын» 5 млн тенге',
  `Аким Бухар-Жырауского района Ержан Сапаров подал в Карагандинский районный суд иск о защите чести, достоинства и деловой репутации к интернет-порталу «Жаңа толқын» и блогеру Нурлану Абенову.

Поводом стал видеоролик о ремонте дороги в селе Ботакара. Истец требует удалить ролик, опубликовать опровержение и взыскать 5 млн тенге морального вреда.

Иск зарегистрирован 10 апреля, делу присвоен номер ${CASE_NUMBER}.`,
  'ru',
  {
    score: 0.9,
    categories: [
      { id: 'civil_claim', score: 0.88, evidence: [] },
      { id: 'pressure', score: 0.3, evidence: [] },
    ],
    facts: {
      ...EMPTY_FACTS,
      people: ['Ержан Сапаров', 'Нурлан Абенов'],
      outlets: ['Жаңа толқын'],
      stateBodies: ['аким Бухар-Жырауского района'],
      courts: ['Карагандинский районный суд'],
      caseNumbers: [CASE_NUMBER],
      lawArticles: ['ГК 143'],
      amountsKzt: [5_000_000],
      dates: ['2024-04-10'],
      places: ['Карагандинская область'],
    },
  },
);

/** Month 2: a closed hearing of the same claim, reported in Kazakh. */
export const CLOSED_HEARING = news(
  'closed-hearing',
  'https://qaraghandy-kk.example.kz/kk/2024/05/14/zhabyq-otyrys',
  '2024-05-14T11:30:00Z',
  '«Жаңа толқын» порталына қатысты іс жабық отырыста қаралды',
  `Аудан әкімі Ержан Сапаровтың «Жаңа толқын» порталы мен блогер Нұрлан Әбеновке қойған талап арызы бойынша сот отырысы 14 мамырда жабық өтті. Журналистерді сот залына жібермеді.

Іс нөмірі ${CASE_NUMBER}. Сот отырысты жабу себебін түсіндірмеді.`,
  'kk',
  {
    score: 0.82,
    categories: [{ id: 'closed_session', score: 0.8, evidence: [] }],
    facts: {
      ...EMPTY_FACTS,
      people: ['Ержан Сапаров', 'Нұрлан Әбенов'],
      outlets: ['Жаңа толқын'],
      caseNumbers: [CASE_NUMBER],
      dates: ['2024-05-14'],
    },
  },
);

export const DECISION_RECORD: CourtRecord = {
  caseNumber: CASE_NUMBER,
  court: 'Карагандинский районный суд',
  region: 'Карагандинская область',
  judge: 'Омарова Г. С.',
  plaintiffs: ['Сапаров Ержан Болатович'],
  defendants: ['ТОО «Жаңа толқын»', 'Абенов Нурлан Серикович'],
  category: 'о защите чести, достоинства и деловой репутации',
  actKind: 'решение',
  registeredAt: '2024-04-10',
  decidedAt: '2024-06-18',
  closedHearing: true,
  outcome: 'В удовлетворении иска отказать',
  claimedAmountKzt: 5_000_000,
  awardedAmountKzt: 0,
  history: [
    { date: '2024-04-10', event: 'Дело принято к производству' },
    { date: '2024-05-14', event: 'Судебное заседание (закрытое)' },
    { date: '2024-06-18', event: 'Вынесено решение' },
  ],
};

/** Month 3: the court portal's card of the case with the decision in favour of the portal. */
export const DECISION: StoryReport = {
  key: 'decision',
  article: {
    sourceId: 'court-portal',
    kind: 'court',
    url: 'https://office.sud.example.kz/lawsuit/3512/845',
    canonicalUrl: 'https://office.sud.example.kz/lawsuit/3512/845',
    title: `Дело № ${CASE_NUMBER}: Сапаров Е. Б. против ТОО «Жаңа толқын», Абенов Н. С. (о защите чести, достоинства и деловой репутации)`,
    text: `Суд: Карагандинский районный суд, Карагандинская область. Судья: Омарова Г. С. Сумма иска: 5 000 000 тенге. Дело рассматривается в закрытом судебном заседании. Решение от 18.06.2024: В удовлетворении иска отказать.

Ход дела: 10.04.2024 — Дело принято к производству; 14.05.2024 — Судебное заседание (закрытое); 18.06.2024 — Вынесено решение.`,
    publishedAt: '2024-06-18',
    author: null,
    section: 'о защите чести, достоинства и деловой репутации',
    langHint: 'ru',
    fetchedAt: '2024-06-19T02:10:00Z',
    html: null,
    extractedBy: 'court',
    court: DECISION_RECORD,
  },
  classification: {
    modelVersion: 'fixture-cases',
    lang: 'ru',
    script: 'cyrl',
    candidate: true,
    score: 0.85,
    categories: [{ id: 'civil_claim', score: 0.84, evidence: [] }],
    facts: {
      ...EMPTY_FACTS,
      people: ['Сапаров Е. Б.', 'Абенов Н. С.'],
      outlets: ['Жаңа толқын'],
      courts: ['Карагандинский районный суд'],
      caseNumbers: [CASE_NUMBER],
      lawArticles: ['ГК 143'],
      amountsKzt: [5_000_000],
      outcome: 'for_media',
    },
  },
};

/** A different claim under the same article, against other people: never proposed for the story's case. */
export const OTHER_CLAIM = news(
  'other-claim',
  'https://qaraghandy-news.example.kz/ru/2024/05/20/isk-k-gazete-ortalyq',
  '2024-05-20T07:00:00Z',
  'Застройщик подал иск к газете «Орталық»',
  'Строительная компания «Болашак-Строй» подала иск о защите деловой репутации к газете «Орталық» и журналистке Дине Касымовой.',
  'ru',
  {
    score: 0.8,
    categories: [{ id: 'civil_claim', score: 0.78, evidence: [] }],
    facts: {
      ...EMPTY_FACTS,
      people: ['Дина Касымова'],
      outlets: ['Орталық'],
      lawArticles: ['ГК 143'],
    },
  },
);

/** A classifier that answers with each fixture's classification (by title). */
export function storyClassifier(reports: readonly StoryReport[]): TextClassifier {
  const byTitle = new Map(reports.map((r) => [r.article.title, r.classification]));
  return {
    modelVersion: 'fixture-cases',
    detectLanguage: (text: string): LanguageResult => ({
      lang: /[әғқңөұүһі]/i.test(text) ? 'kk' : 'ru',
      script: 'cyrl',
      confidence: 0.99,
    }),
    classify(input) {
      const c = byTitle.get(input.title);
      if (!c) throw new Error(`fixture classifier: no classification for «${input.title}»`);
      return c;
    },
  };
}

export const STORY = [CLAIM_FILED, CLOSED_HEARING, DECISION, OTHER_CLAIM] as const;

/** Ingests reports the way a crawl does (store, classify, join cases, queue); returns their task ids. */
export async function ingestStory(store: Store, reports: readonly StoryReport[]): Promise<number[]> {
  const results = await ingestArticles(
    store,
    reports.map((r) => r.article),
    storyClassifier([...STORY, ...reports]),
  );
  return results.map((r) => {
    if (r.taskId === undefined) throw new Error(`fixture: item ${r.itemId} was not queued`);
    return r.taskId;
  });
}
