// Review-stage fixtures of our own writing: reports of invented events in Russian and Kazakh, with the
// classifier output the review UI shows (scores, evidence spans found by phrase, extracted facts).
// Each report names the quirk it covers.
import {
  type Article,
  type CategoryId,
  type Classification,
  EMPTY_FACTS,
  type EvidenceSpan,
  type ExtractedFacts,
  type Lang,
} from '../../../core/index.ts';
import { queueCandidate } from '../../../pipeline/index.ts';
import { type Store, saveArticle, saveClassification, upsertEntry } from '../../../storage/index.ts';

export interface FixtureReport {
  readonly key: string;
  readonly sourceId: string;
  readonly url: string;
  readonly lang: Lang;
  readonly kind?: 'news' | 'court';
  readonly publishedAt: string;
  readonly title: string;
  readonly text: string;
  readonly score: number;
  readonly categories: readonly { id: CategoryId; score: number; phrases: readonly string[] }[];
  readonly facts?: Partial<ExtractedFacts>;
  /** Spans appended to the first category's evidence as given (stale offsets the page must skip). */
  readonly staleEvidence?: readonly EvidenceSpan[];
}

/** Evidence spans for phrases as they occur in the text (offsets into `text`, as core's EvidenceSpan). */
export function classificationOf(r: FixtureReport): Classification {
  return {
    modelVersion: 'fixture-1',
    lang: r.lang,
    script: 'cyrl',
    candidate: true,
    score: r.score,
    categories: r.categories.map((c, i) => ({
      id: c.id,
      score: c.score,
      evidence: [
        ...c.phrases.map((p) => {
          const start = r.text.indexOf(p);
          if (start < 0) throw new Error(`fixture ${r.key}: phrase «${p}» is not in the text`);
          return { start, end: start + p.length, text: p };
        }),
        ...(i === 0 ? (r.staleEvidence ?? []) : []),
      ],
    })),
    facts: { ...EMPTY_FACTS, ...r.facts },
  };
}

export function articleOf(r: FixtureReport): Article {
  return {
    sourceId: r.sourceId,
    kind: r.kind ?? 'news',
    url: r.url,
    canonicalUrl: r.url,
    title: r.title,
    text: r.text,
    publishedAt: r.publishedAt,
    author: null,
    section: null,
    langHint: r.lang,
    fetchedAt: r.publishedAt,
    html: null,
    extractedBy: 'generic',
  };
}

// Event A: a civil claim for honour and dignity against a newspaper, reported by two Russian outlets in
// different words and one Kazakh outlet (the cross-language cluster). The first report's classification
// is wrong in the ways reviewers correct: "pressure" ranked above "civil_claim", and the amount written
// as «10 млн» missed by the fact extractor.
export const CLAIM_RU_1: FixtureReport = {
  key: 'claim-ru-1',
  sourceId: 'dala-news',
  url: 'https://dala-news.example.kz/ru/news/2024/03/12/isk-k-gazete',
  lang: 'ru',
  publishedAt: '2024-03-12T09:30:00Z',
  title: 'Замакима подал иск к газете «Дала хабары» на 10 млн тенге',
  text: `Заместитель акима Талдыкоргана Бауыржан Сатыбалдиев обратился в Талдыкорганский городской суд с иском о защите чести, достоинства и деловой репутации к газете «Дала хабары» и журналистке Айгерим Сейткали.

Поводом стала публикация от 28 февраля о закупке служебных автомобилей. Истец требует опровержения и компенсации морального вреда в размере 10 млн тенге.

Иск зарегистрирован 12 марта 2024 года, делу присвоен номер 1910-24-00-2/1234. Редакция считает, что все факты в статье подтверждены документами.`,
  score: 0.91,
  categories: [
    { id: 'pressure', score: 0.62, phrases: ['требует опровержения'] },
    {
      id: 'civil_claim',
      score: 0.58,
      phrases: ['иском о защите чести, достоинства и деловой репутации', 'компенсации морального вреда'],
    },
  ],
  facts: {
    people: ['Бауыржан Сатыбалдиев', 'Айгерим Сейткали'],
    outlets: ['Дала хабары'],
    stateBodies: ['акимат Талдыкоргана'],
    courts: ['Талдыкорганский городской суд'],
    caseNumbers: ['1910-24-00-2/1234'],
    lawArticles: ['ГК 143'],
    amountsKzt: [],
    dates: ['2024-03-12'],
    places: ['Талдыкорган'],
  },
};

export const CLAIM_RU_2: FixtureReport = {
  key: 'claim-ru-2 (same event, other outlet, rewritten)',
  sourceId: 'zhetysu-info',
  url: 'https://zhetysu-info.example.kz/society/12032024-chinovnik-protiv-gazety',
  lang: 'ru',
  publishedAt: '2024-03-12T14:05:00Z',
  title: 'Чиновник из Талдыкоргана требует с журналистов 10 миллионов',
  text: `Талдыкорганский городской суд принял к производству иск заместителя акима города Бауыржана Сатыбалдиева к редакции газеты «Дала хабары» и автору Айгерим Сейткали.

Чиновника задела статья о покупке автомобилей для акимата. Он просит суд обязать газету опубликовать опровержение и взыскать 10 000 000 тенге морального вреда.

Дело № 1910-24-00-2/1234 зарегистрировано 12 марта. Главный редактор газеты заявил, что издание будет защищаться в суде.`,
  score: 0.86,
  categories: [{ id: 'civil_claim', score: 0.84, phrases: ['взыскать 10 000 000 тенге морального вреда'] }],
  facts: {
    people: ['Бауыржан Сатыбалдиев', 'Айгерим Сейткали'],
    outlets: ['Дала хабары'],
    caseNumbers: ['1910-24-00-2/1234'],
    amountsKzt: [10_000_000],
    dates: ['2024-03-12'],
  },
};

export const CLAIM_KK: FixtureReport = {
  key: 'claim-kk (same event in Kazakh: few shared shingles, shared facts)',
  sourceId: 'qazaq-uni',
  url: 'https://qazaq-uni.example.kz/kk/qogam/2024/03/13/gazetke-talap-aryz',
  lang: 'kk',
  publishedAt: '2024-03-13T06:40:00Z',
  title: 'Әкімнің орынбасары «Дала хабары» газетіне 10 миллион теңге талап етті',
  text: `Талдықорған қаласы әкімінің орынбасары Бауыржан Сатыбалдиев «Дала хабары» газеті мен журналист Айгерим Сейтқалиға қатысты ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы талап арыз берді.

Талап арыз 12 наурызда тіркелді, іс нөмірі 1910-24-00-2/1234. Шенеунік моральдық зиян ретінде 10 миллион теңге өндіруді сұрайды.

Редакция мақаладағы деректердің бәрі құжатпен расталғанын айтады.`,
  score: 0.83,
  categories: [
    {
      id: 'civil_claim',
      score: 0.8,
      phrases: ['ар-намысты, қадір-қасиетті және іскерлік беделді қорғау', 'моральдық зиян'],
    },
  ],
  facts: {
    people: ['Бауыржан Сатыбалдиев', 'Айгерим Сейтқали'],
    outlets: ['Дала хабары'],
    caseNumbers: ['1910-24-00-2/1234'],
    amountsKzt: [10_000_000],
    dates: ['2024-03-12'],
  },
};

// Events B and C: two detentions at two rallies, written from one template — similar wording, different
// people, towns and dates. They must stay two candidates.
export const DETENTION_SHYMKENT: FixtureReport = {
  key: 'detention-shymkent',
  sourceId: 'ontustik-today',
  url: 'https://ontustik.example.kz/news/zhurnalist-zaderzhan-na-mitinge-shymkent',
  lang: 'ru',
  publishedAt: '2024-03-05T11:00:00Z',
  title: 'В Шымкенте на митинге задержали журналиста Ерлана Жумабаева',
  text: `Журналист интернет-издания «Оңтүстік today» Ерлан Жумабаев был задержан полицией во время митинга у здания акимата Шымкента 5 марта.

По словам коллег, журналист показывал редакционное удостоверение и вел прямую трансляцию, однако сотрудники полиции доставили его в отдел. Против него составлен протокол по статье 488 КоАП.

Редакция требует объяснить, почему журналиста задержали при исполнении профессиональных обязанностей.`,
  score: 0.8,
  categories: [
    {
      id: 'detention',
      score: 0.78,
      phrases: ['был задержан полицией во время митинга', 'доставили его в отдел'],
    },
  ],
  facts: {
    people: ['Ерлан Жумабаев'],
    lawArticles: ['КоАП 488'],
    dates: ['2024-03-05'],
    places: ['Шымкент'],
  },
};

export const DETENTION_AKTOBE: FixtureReport = {
  key: 'detention-aktobe (same template, other event)',
  sourceId: 'aqtobe-news',
  url: 'https://aqtobe.example.kz/news/zhurnalist-zaderzhan-na-mitinge-aktobe',
  lang: 'ru',
  publishedAt: '2024-03-19T10:20:00Z',
  title: 'В Актобе на митинге задержали журналиста Даурена Оспанова',
  text: `Журналист интернет-издания «Ақтөбе жаңалықтары» Даурен Оспанов был задержан полицией во время митинга у здания акимата Актобе 19 марта.

По словам коллег, журналист показывал редакционное удостоверение и вел прямую трансляцию, однако сотрудники полиции доставили его в отдел. Против него составлен протокол по статье 488 КоАП.

Редакция требует объяснить, почему журналиста задержали при исполнении профессиональных обязанностей.`,
  score: 0.79,
  categories: [{ id: 'detention', score: 0.77, phrases: ['был задержан полицией во время митинга'] }],
  facts: { people: ['Даурен Оспанов'], lawArticles: ['КоАП 488'], dates: ['2024-03-19'], places: ['Актобе'] },
};

// A false positive the classifier let through: ordinary fraud news (rejected in review).
export const FRAUD_NEWS: FixtureReport = {
  key: 'fraud-news (not about speech)',
  sourceId: 'dala-news',
  url: 'https://dala-news.example.kz/ru/news/2024/03/20/moshennik-osuzhden',
  lang: 'ru',
  publishedAt: '2024-03-20T08:00:00Z',
  title: 'Суд вынес приговор мошеннику, продававшему несуществующие квартиры',
  text: `Специализированный межрайонный суд приговорил жителя Конаева к пяти годам лишения свободы за мошенничество.

По данным следствия, он принимал предоплату за квартиры в доме, который так и не начали строить. Пострадали 14 человек.`,
  score: 0.41,
  categories: [{ id: 'criminal_charge', score: 0.4, phrases: ['приговорил жителя Конаева'] }],
  facts: { places: ['Конаев'] },
};

// Untrusted markup in scraped text and title: must be shown as text, never run.
export const INJECTION: FixtureReport = {
  key: 'injection (script and onerror in title and text)',
  sourceId: 'zhetysu-info',
  url: 'https://zhetysu-info.example.kz/society/bloger-ugrozy',
  lang: 'ru',
  publishedAt: '2024-03-21T16:00:00Z',
  title: 'Блогеру угрожают после поста <script>window.__pwned = "title"</script>',
  text: `Блогер Нурлан Есимов сообщил, что ему угрожают расправой после поста о свалке.

В комментариях ему написали: <img src=x onerror="window.__pwned = 'img'"> «мы тебя найдём», а позже вставили <script>window.__pwned = 'text'</script> и ссылку <a href="javascript:window.__pwned='link'">подробнее</a>.

Блогер обратился в полицию с заявлением об угрозах.`,
  score: 0.74,
  categories: [{ id: 'threat', score: 0.72, phrases: ['ему угрожают расправой', '«мы тебя найдём»'] }],
  facts: { people: ['Нурлан Есимов'] },
};

// A Kazakh-language obstruction report; its evidence list carries one stale span (offsets that do not
// match its text) which the page must skip.
export const OBSTRUCTION_KK: FixtureReport = {
  key: 'obstruction-kk (one stale evidence span)',
  sourceId: 'qazaq-uni',
  url: 'https://qazaq-uni.example.kz/kk/qogam/2024/02/27/tilshige-kedergi',
  lang: 'kk',
  publishedAt: '2024-02-27T12:00:00Z',
  title: 'Тілшіні мәслихат сессиясына кіргізбеді',
  text: `Қызылорда облыстық мәслихатының сессиясына «Сыр бойы» газетінің тілшісі Асқар Нұрланұлы кіргізілмеді.

Күзетшілер аккредитация тізімінде оның аты жоқ екенін айтып, журналистің кәсіби қызметіне кедергі келтірді. Тілші бұл туралы облыс прокуратурасына шағым жазды.`,
  score: 0.7,
  categories: [{ id: 'obstruction', score: 0.69, phrases: ['кәсіби қызметіне кедергі келтірді'] }],
  facts: { people: ['Асқар Нұрланұлы'], outlets: ['Сыр бойы'], places: ['Қызылорда'] },
  staleEvidence: [{ start: 0, end: 12, text: 'кіргізбеді' }],
};

// A court-portal item, for the kind filter.
export const COURT_ITEM: FixtureReport = {
  key: 'court item (kind court)',
  sourceId: 'court-portal',
  url: 'https://office.sud.example.kz/lawsuit/2024/02/7511-24-00-4a/77',
  lang: 'ru',
  kind: 'court',
  publishedAt: '2024-02-15T00:00:00Z',
  title: 'Дело № 7511-24-00-4а/77: Оспанов Д. к ТОО «Медиа-Старт» о защите чести и достоинства',
  text: `Категория: о защите чести, достоинства и деловой репутации. Истец: Оспанов Д. Ответчик: ТОО «Медиа-Старт». Сумма иска: 3 000 000 тенге. Статус: назначено к рассмотрению.`,
  score: 0.66,
  categories: [
    { id: 'civil_claim', score: 0.65, phrases: ['о защите чести, достоинства и деловой репутации'] },
  ],
  facts: { caseNumbers: ['7511-24-00-4а/77'], amountsKzt: [3_000_000], lawArticles: ['ГК 143'] },
};

// Event D, already in the dataset (imported), and a late report of it that arrives as a new candidate.
export const CONFIRMED_BLOCKING_ENTRY_ID = '2024-03-imp1';
export const BLOCKING_LATE: FixtureReport = {
  key: 'blocking-late (duplicate of an existing entry)',
  sourceId: 'aqtobe-news',
  url: 'https://aqtobe.example.kz/news/sait-zablokirovan-povtorno',
  lang: 'ru',
  publishedAt: '2024-03-25T09:00:00Z',
  title: 'Сайт «Ашық алаң» остаётся недоступным вторую неделю',
  text: `Читатели сайта «Ашық алаң» вторую неделю не могут открыть его без VPN. Редакция получила уведомление о блокировке по решению уполномоченного органа, но причину так и не назвали.`,
  score: 0.72,
  categories: [{ id: 'blocking', score: 0.7, phrases: ['уведомление о блокировке'] }],
  facts: { outlets: ['Ашық алаң'] },
};

export const ALL_REPORTS: readonly FixtureReport[] = [
  CLAIM_RU_1,
  CLAIM_RU_2,
  CLAIM_KK,
  DETENTION_SHYMKENT,
  DETENTION_AKTOBE,
  FRAUD_NEWS,
  INJECTION,
  OBSTRUCTION_KK,
  COURT_ITEM,
  BLOCKING_LATE,
];

/** Stores a report and queues it as the pipeline does (clustering included). */
export async function ingestReport(
  store: Store,
  r: FixtureReport,
): Promise<{ itemId: number; taskId: number; joined: boolean }> {
  const article = articleOf(r);
  const c = classificationOf(r);
  const { itemId } = await saveArticle(store, article, { lang: r.lang, script: 'cyrl', confidence: 0.99 });
  await saveClassification(store, itemId, c);
  const { taskId, joined } = await queueCandidate(store, itemId, article, c);
  return { itemId, taskId, joined };
}

export interface SeededReview {
  readonly items: Record<string, number>;
  readonly tasks: Record<string, number>;
}

/** Every fixture, plus the imported entry the late blocking report duplicates. */
export async function seedReview(store: Store): Promise<SeededReview> {
  await upsertEntry(
    store,
    {
      id: CONFIRMED_BLOCKING_ENTRY_ID,
      month: '2024-03',
      eventDate: '2024-03-11',
      category: 'blocking',
      block: 'B',
      stage: 'incident',
      inCourt: false,
      outcome: null,
      claimedAmountKzt: null,
      awardedAmountKzt: null,
      lawArticle: null,
      isHonorDignity: false,
      summary: 'Сайт «Ашық алаң» заблокирован по решению уполномоченного органа без объяснения причин.',
      lang: 'ru',
      sources: ['https://ashyq-alan.example.kz/news/my-zablokirovany'],
      people: [],
      outlets: ['Ашық алаң'],
      actors: ['Министерство культуры и информации'],
      court: null,
      caseNumber: null,
      region: null,
      ongoing: true,
    },
    'import',
  );
  const items: Record<string, number> = {};
  const tasks: Record<string, number> = {};
  for (const r of ALL_REPORTS) {
    const { itemId, taskId } = await ingestReport(store, r);
    items[r.key] = itemId;
    tasks[r.key] = taskId;
  }
  return { items, tasks };
}
