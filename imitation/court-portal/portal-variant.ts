// The two imitations of the portal. `documented` follows court-portal.md's last section to the letter (the
// real addresses, `selectLanguageRu(window.location)`, `…:edit-num`-style names, `param1`, `thisPage`,
// selectize filters); `redesigned` is the same portal after a redesign, written differently on purpose —
// other addresses and generated ids, menus in another order and wording, other labels, a card shown in place,
// no `lang` attribute — to prove that the crawler finds its way without a change to config/court.json.
export type VariantName = 'documented' | 'redesigned';

type Bi = { readonly ru: string; readonly kk: string };

export interface PortalVariant {
  readonly name: VariantName;
  readonly paths: {
    readonly home: string;
    readonly actsBank: string;
    readonly caseSearch: string;
    /** Other addresses that serve the case search too. */
    readonly caseSearchAliases: readonly string[];
    readonly schedule: string;
    /** The case's acts; `{id}` is the `param1`. */
    readonly caseActs: string;
    readonly card: string;
    readonly actView: string;
    readonly download: string;
  };
  /** The menu, in order: service and its wording. */
  readonly menu: readonly { readonly service: 'actsBank' | 'caseSearch' | 'schedule'; readonly text: Bi }[];
  /** Form ids: `prefix` + a generated part (seeded). */
  readonly formPrefix: string;
  readonly idt: (n: number, seed: number) => string;
  /** Field name endings (after the last ':') → the search filter they set. */
  readonly fieldNames: Readonly<Record<string, string>>;
  /** Label wording overrides, per filter. */
  readonly labels: Readonly<Record<string, Bi>>;
  readonly htmlLang: boolean;
  readonly cardInPlace: boolean;
}

export const VARIANTS: Readonly<Record<VariantName, PortalVariant>> = {
  documented: {
    name: 'documented',
    paths: {
      home: '/',
      actsBank: '/courtActs/index.xhtml',
      caseSearch: '/form/lawsuit/index.xhtml',
      caseSearchAliases: ['/form/lawsuit/'],
      schedule: '/new/scheduleOfCases/index.xhtml',
      caseActs: '/form/courtActs/lawsuitList.xhtml?param1={id}',
      card: '/form/lawsuit/card.xhtml?id={id}',
      actView: '/courtActs/act.xhtml?id={id}',
      download: '/courtActs/download.xhtml?id={id}&type={type}',
    },
    menu: [
      { service: 'actsBank', text: { ru: 'Банк судебных актов', kk: 'Сот актілерінің банкі' } },
      { service: 'caseSearch', text: { ru: 'Поиск дел', kk: 'Істерді іздеу' } },
      { service: 'schedule', text: { ru: 'График судебных заседаний', kk: 'Сот отырыстарының кестесі' } },
    ],
    formPrefix: 'j_idt',
    idt: (n, seed) => `j_idt${n + seed}`,
    fieldNames: {
      'edit-district': 'district',
      'edit-court': 'court',
      'edit-year': 'year',
      'edit-period': 'year',
      'edit-iin': 'iin',
      'edit-num': 'num',
      'edit-fio': 'fio',
      'edit-category': 'category',
      'edit-instance': 'instance',
      'edit-search': 'keyword',
      'edit-date-from': 'date-from',
      'edit-date-to': 'date-to',
    },
    labels: {},
    htmlLang: true,
    cardInPlace: false,
  },
  redesigned: {
    name: 'redesigned',
    paths: {
      home: '/portal/index.xhtml',
      actsBank: '/portal/actsbank/search.xhtml',
      caseSearch: '/portal/cases/find.xhtml',
      caseSearchAliases: [],
      schedule: '/portal/hearings/calendar.xhtml',
      caseActs: '/portal/actsbank/case.xhtml?param1={id}',
      card: '/portal/cases/find.xhtml',
      actView: '/portal/actsbank/document.xhtml?doc={id}',
      download: '/portal/files/act-{id}.{type}',
    },
    menu: [
      { service: 'schedule', text: { ru: 'Расписание судебных заседаний', kk: 'Сот отырыстарының кестесі' } },
      { service: 'actsBank', text: { ru: 'Судебные акты и решения', kk: 'Сот актілері мен шешімдері' } },
      { service: 'caseSearch', text: { ru: 'Поиск судебных дел', kk: 'Сот істерін іздеу' } },
    ],
    formPrefix: 'searchForm',
    idt: (n, seed) => `j_id_${(n * 7 + seed).toString(36)}`,
    fieldNames: {
      'edit-district': 'district',
      caseYear: 'year',
      'edit-period': 'year',
      'edit-iin': 'iin',
      'edit-num': 'num',
      partyName: 'fio',
      'edit-category': 'category',
      'edit-text': 'keyword',
      dateBegin: 'date-from',
      dateEnd: 'date-to',
    },
    labels: {
      num: { ru: '№ дела', kk: 'Істің нөмірі' },
      keyword: { ru: 'Поиск по тексту', kk: 'Мәтін бойынша іздеу' },
      category: { ru: 'Категория', kk: 'Санаты' },
      year: { ru: 'Период', kk: 'Кезең' },
      dateFrom: { ru: 'Период с', kk: 'Бастап' },
      dateTo: { ru: 'по', kk: 'Дейін' },
      search: { ru: 'Поиск', kk: 'Іздеу' },
    },
    htmlLang: false,
    cardInPlace: true,
  },
};
