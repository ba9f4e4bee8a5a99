// The court source's configuration (config/court.json, or the file given to `soz crawl --court-config`),
// validated once: every problem names the file and the field, so a typo is found before a browser starts.
// The whole file is honoured: sources, addresses, searches, menu texts, fields, selectors, texts, labels.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError } from '../../core/index.ts';

export const COURT_CONFIG_FILE = resolve(CONFIG_DIR, 'court.json');

export interface CourtCategory {
  readonly code: string;
  /** The start of the category's name as the portal prints it (matches schedule rows). */
  readonly name: string;
}

/** The portal's three public services, reached through its menu. */
export const COURT_SERVICES = ['actsBank', 'caseSearch', 'schedule'] as const;
export type CourtService = (typeof COURT_SERVICES)[number];

/** The search-form fields the crawler fills. */
export const COURT_FIELDS = [
  'actsYear',
  'actsCategory',
  'actsInstance',
  'actsKeyword',
  'caseNumber',
  'scheduleFrom',
  'scheduleTo',
] as const;
export type CourtField = (typeof COURT_FIELDS)[number];

/** How one form field is found: a name/id ending after the last `:`, else its label's text. */
export interface FieldHint {
  readonly names: readonly string[];
  readonly labels: readonly string[];
}

export interface CourtConfig {
  /** The court registry: the portals crawled as sources of kind `court`. */
  readonly sources: readonly { readonly id: string; readonly name: string; readonly url: string }[];
  readonly lang: 'ru' | 'kk';
  readonly caseNumberPattern: string;
  /** Addresses relative to a source's url: hints when the menu does not lead to a service. */
  readonly paths: Readonly<Record<CourtService | 'home', string>> & {
    /** A case's acts, `{id}` being the `param1` an acts-bank row carries. */
    readonly caseActs: string;
  };
  readonly searches: {
    readonly categories: readonly CourtCategory[];
    readonly keywords: readonly string[];
    readonly years: readonly string[];
    readonly instance: string;
    /** null: the current month. */
    readonly schedulePeriod: { readonly from: string; readonly to: string } | null;
  };
  /** Menu link texts per service (a link matches when its text contains one). */
  readonly menu: Readonly<Record<CourtService, readonly string[]>>;
  readonly fields: Readonly<Record<CourtField, FieldHint>>;
  readonly selectors: {
    /** `{lang}` → ru|kk, `{Lang}` → Ru|Kz. */
    readonly languageSwitch: readonly string[];
    /** `{name}` → a field-name ending. */
    readonly field: readonly string[];
    readonly searchButton: readonly string[];
    /** Where results appear (a hint: without it, the AJAX answer and the page's settling are awaited). */
    readonly resultPanel: string;
    readonly caseRow: string;
    readonly pager: readonly string[];
    readonly pagerNext: readonly string[];
    readonly messages: readonly string[];
    readonly historyRows: readonly string[];
    readonly hearingRows: readonly string[];
    readonly actsListLinks: readonly string[];
    readonly documentLinks: readonly string[];
    readonly actText: readonly string[];
    readonly captcha: readonly string[];
    readonly errorPage: readonly string[];
  };
  readonly texts: {
    readonly languageSwitch: Readonly<Record<'ru' | 'kk', readonly string[]>>;
    readonly searchButton: readonly string[];
    readonly nextPage: readonly string[];
    readonly actView: readonly string[];
    readonly download: readonly string[];
    readonly actsList: readonly string[];
    readonly nothingFound: readonly string[];
    readonly sessionExpired: readonly string[];
    readonly closedHearing: readonly string[];
    readonly sumSuffix: string;
  };
  readonly labels: Readonly<Record<CourtLabel, readonly string[]>>;
  readonly roles: { readonly plaintiff: readonly string[]; readonly defendant: readonly string[] };
  readonly actKinds: Readonly<Record<string, readonly string[]>>;
  readonly crawl: {
    readonly maxResultPagesPerSearch: number;
    readonly recycleBrowserEveryPages: number;
    readonly maxRetries: number;
    readonly ajaxRetries: number;
    readonly navigationTimeoutSecs: number;
    readonly ajaxTimeoutMs: number;
    readonly requestHandlerTimeoutSecs: number;
    readonly maxConcurrency: number;
    /** A judicial act's download larger than this is not read (reported). */
    readonly maxDocumentBytes: number;
  };
}

export const COURT_LABELS = [
  'caseNumber',
  'registered',
  'region',
  'court',
  'category',
  'judge',
  'claimAmount',
  'parties',
  'actDate',
  'actKind',
  'instance',
  'hearingType',
  'outcome',
  'awarded',
] as const;
export type CourtLabel = (typeof COURT_LABELS)[number];

type Json = Record<string, unknown>;

export function parseCourtConfig(doc: unknown, file: string): CourtConfig {
  const fail = (field: string, problem: string): never => {
    throw inputError(`${file}: field "${field}": ${problem}`);
  };
  const obj = (v: unknown, field: string): Json =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(field, 'must be an object');
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' && v !== '' ? v : fail(field, 'must be a non-empty string');
  const strs = (v: unknown, field: string): string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')
      ? (v as string[])
      : fail(field, 'must be a list of non-empty strings');
  const someStrs = (v: unknown, field: string): string[] => {
    const list = strs(v, field);
    return list.length > 0 ? list : fail(field, 'must name at least one');
  };
  const pos = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fail(field, 'must be a positive integer');
  const nonNeg = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0
      ? v
      : fail(field, 'must be a non-negative integer');
  const css = (v: string, field: string): string => {
    // A selector the browser would reject fails here, not in the middle of a night's crawl.
    if (/^[\s>+~,]|[,>+~]\s*$/.test(v) || /[{}]/.test(v.replace(/\{(lang|Lang|name)\}/g, '')))
      fail(field, `"${v}" is not a CSS selector`);
    return v;
  };
  const selList = (v: unknown, field: string) => someStrs(v, field).map((s, i) => css(s, `${field}[${i}]`));

  const root = obj(doc, '(root)');
  const lang = root.lang === 'ru' || root.lang === 'kk' ? root.lang : fail('lang', 'must be "ru" or "kk"');
  const pattern = str(root.caseNumberPattern, 'caseNumberPattern');
  try {
    new RegExp(pattern);
  } catch (error) {
    fail('caseNumberPattern', `is not a valid regular expression (${(error as Error).message})`);
  }
  const paths = obj(root.paths, 'paths');
  const path = (k: string) => {
    const p = str(paths[k], `paths.${k}`);
    if (/^[a-z]+:/i.test(p) && !/^https?:\/\//.test(p))
      fail(`paths.${k}`, `"${p}" is not a path or http(s) URL`);
    return p;
  };
  const caseActs = path('caseActs');
  if (!caseActs.includes('{id}')) fail('paths.caseActs', 'must contain {id}');
  const searches = obj(root.searches, 'searches');
  const categories = Array.isArray(searches.categories)
    ? searches.categories.map((c, i) => {
        const o = obj(c, `searches.categories[${i}]`);
        const code = str(o.code, `searches.categories[${i}].code`);
        if (!/^\d{18}$/.test(code))
          fail(`searches.categories[${i}].code`, `"${code}" is not an 18-digit code`);
        return { code, name: str(o.name, `searches.categories[${i}].name`) };
      })
    : fail('searches.categories', 'must be a list');
  const years = strs(searches.years, 'searches.years');
  for (const y of years) if (!/^\d{4}$/.test(y)) fail('searches.years', `"${y}" is not a year`);
  let schedulePeriod: CourtConfig['searches']['schedulePeriod'] = null;
  if (searches.schedulePeriod !== null && searches.schedulePeriod !== undefined) {
    const p = obj(searches.schedulePeriod, 'searches.schedulePeriod');
    const from = str(p.from, 'searches.schedulePeriod.from');
    const to = str(p.to, 'searches.schedulePeriod.to');
    for (const [k, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        fail(`searches.schedulePeriod.${k}`, `"${v}" is not a YYYY-MM-DD date`);
    }
    schedulePeriod = { from, to };
  }
  const menuRaw = obj(root.menu, 'menu');
  const menu = Object.fromEntries(COURT_SERVICES.map((k) => [k, strs(menuRaw[k], `menu.${k}`)])) as Record<
    CourtService,
    string[]
  >;
  const fieldsRaw = obj(root.fields, 'fields');
  const fields = Object.fromEntries(
    COURT_FIELDS.map((k) => {
      const f = obj(fieldsRaw[k], `fields.${k}`);
      const names = strs(f.names, `fields.${k}.names`);
      const labels = strs(f.labels, `fields.${k}.labels`);
      if (names.length + labels.length === 0) fail(`fields.${k}`, 'needs at least one name ending or label');
      return [k, { names, labels }];
    }),
  ) as unknown as Record<CourtField, FieldHint>;
  const sel = obj(root.selectors, 'selectors');
  const one = (k: string) => css(str(sel[k], `selectors.${k}`), `selectors.${k}`);
  const many = (k: string) => selList(sel[k], `selectors.${k}`);
  const field = many('field');
  if (!field.every((s) => s.includes('{name}')))
    fail('selectors.field', 'every selector must contain {name}');
  const texts = obj(root.texts, 'texts');
  const langSwitch = obj(texts.languageSwitch, 'texts.languageSwitch');
  const labelsRaw = obj(root.labels, 'labels');
  const labels = Object.fromEntries(
    COURT_LABELS.map((k) => [k, strs(labelsRaw[k], `labels.${k}`)]),
  ) as Record<CourtLabel, string[]>;
  const roles = obj(root.roles, 'roles');
  const kindsRaw = obj(root.actKinds, 'actKinds');
  const actKinds = Object.fromEntries(
    Object.entries(kindsRaw)
      .filter(([k]) => !k.startsWith('_'))
      .map(([k, v]) => [k, strs(v, `actKinds.${k}`)]),
  );
  const crawl = obj(root.crawl, 'crawl');
  const sources = Array.isArray(root.sources)
    ? root.sources.map((raw, i) => {
        const o = obj(raw, `sources[${i}]`);
        const id = str(o.id, `sources[${i}].id`);
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) fail(`sources[${i}].id`, 'must be a lower-case identifier');
        const url = str(o.url, `sources[${i}].url`);
        if (!/^https?:\/\/[^/]+/.test(url)) fail(`sources[${i}].url`, `"${url}" is not an http(s) URL`);
        return { id, name: str(o.name, `sources[${i}].name`), url };
      })
    : fail('sources', 'must be a list');
  return {
    sources,
    lang,
    caseNumberPattern: pattern,
    paths: {
      home: path('home'),
      actsBank: path('actsBank'),
      caseSearch: path('caseSearch'),
      schedule: path('schedule'),
      caseActs,
    },
    searches: {
      categories,
      keywords: strs(searches.keywords, 'searches.keywords'),
      years,
      instance:
        typeof searches.instance === 'string'
          ? searches.instance
          : fail('searches.instance', 'must be a string'),
      schedulePeriod,
    },
    menu,
    fields,
    selectors: {
      languageSwitch: many('languageSwitch'),
      field,
      searchButton: many('searchButton'),
      resultPanel: one('resultPanel'),
      caseRow: one('caseRow'),
      pager: many('pager'),
      pagerNext: many('pagerNext'),
      messages: many('messages'),
      historyRows: many('historyRows'),
      hearingRows: many('hearingRows'),
      actsListLinks: many('actsListLinks'),
      documentLinks: many('documentLinks'),
      actText: many('actText'),
      captcha: many('captcha'),
      errorPage: many('errorPage'),
    },
    texts: {
      languageSwitch: {
        ru: someStrs(langSwitch.ru, 'texts.languageSwitch.ru'),
        kk: someStrs(langSwitch.kk, 'texts.languageSwitch.kk'),
      },
      searchButton: someStrs(texts.searchButton, 'texts.searchButton'),
      nextPage: strs(texts.nextPage, 'texts.nextPage'),
      actView: strs(texts.actView, 'texts.actView'),
      download: strs(texts.download, 'texts.download'),
      actsList: strs(texts.actsList, 'texts.actsList'),
      nothingFound: someStrs(texts.nothingFound, 'texts.nothingFound'),
      sessionExpired: strs(texts.sessionExpired, 'texts.sessionExpired'),
      closedHearing: strs(texts.closedHearing, 'texts.closedHearing'),
      sumSuffix: str(texts.sumSuffix, 'texts.sumSuffix'),
    },
    labels,
    roles: {
      plaintiff: strs(roles.plaintiff, 'roles.plaintiff'),
      defendant: strs(roles.defendant, 'roles.defendant'),
    },
    actKinds,
    crawl: {
      maxResultPagesPerSearch: pos(crawl.maxResultPagesPerSearch, 'crawl.maxResultPagesPerSearch'),
      recycleBrowserEveryPages: pos(crawl.recycleBrowserEveryPages, 'crawl.recycleBrowserEveryPages'),
      maxRetries: nonNeg(crawl.maxRetries, 'crawl.maxRetries'),
      ajaxRetries: nonNeg(crawl.ajaxRetries, 'crawl.ajaxRetries'),
      navigationTimeoutSecs: pos(crawl.navigationTimeoutSecs, 'crawl.navigationTimeoutSecs'),
      ajaxTimeoutMs: pos(crawl.ajaxTimeoutMs, 'crawl.ajaxTimeoutMs'),
      requestHandlerTimeoutSecs: pos(crawl.requestHandlerTimeoutSecs, 'crawl.requestHandlerTimeoutSecs'),
      maxConcurrency: pos(crawl.maxConcurrency, 'crawl.maxConcurrency'),
      maxDocumentBytes: pos(crawl.maxDocumentBytes, 'crawl.maxDocumentBytes'),
    },
  };
}

export function loadCourtConfig(file: string = COURT_CONFIG_FILE): CourtConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(
      `${file}: cannot read the court configuration (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw inputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseCourtConfig(doc, file);
}
