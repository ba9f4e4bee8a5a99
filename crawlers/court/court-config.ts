// The court source's configuration (config/court.json), validated once: every problem names the file and
// the field, so a typo is found before a browser is started.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError } from '../../core/index.ts';

export const COURT_CONFIG_FILE = resolve(CONFIG_DIR, 'court.json');

export interface CourtCategory {
  readonly code: string;
  /** The start of the category's name as the portal prints it (matches schedule rows). */
  readonly name: string;
}

export interface CourtConfig {
  /** The court registry: the portals crawled as sources of kind `court`. */
  readonly sources: readonly { readonly id: string; readonly name: string; readonly url: string }[];
  readonly lang: 'ru' | 'kk';
  readonly caseNumberPattern: string;
  readonly paths: {
    readonly caseSearch: string;
    readonly actsSearch: string;
    readonly schedule: string;
    /** The card of lawsuit `{id}`. */
    readonly caseCard: string;
  };
  readonly searches: {
    readonly categories: readonly CourtCategory[];
    readonly keywords: readonly string[];
    readonly years: readonly string[];
    readonly instance: string;
    /** null: the current month. */
    readonly schedulePeriod: { readonly from: string; readonly to: string } | null;
  };
  readonly selectors: {
    readonly langSwitch: string;
    readonly field: string;
    readonly searchButton: string;
    readonly resultPanel: string;
    readonly resultRows: string;
    readonly caseRow: string;
    readonly pagerNext: string;
    readonly messages: string;
    readonly infoTable: string;
    readonly historyRows: string;
    readonly hearingRows: string;
    readonly actLinks: string;
    readonly actText: string;
    readonly captcha: readonly string[];
    readonly errorPage: readonly string[];
  };
  readonly texts: {
    readonly nothingFound: readonly string[];
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
  const pos = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fail(field, 'must be a positive integer');
  const nonNeg = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0
      ? v
      : fail(field, 'must be a non-negative integer');

  const root = obj(doc, '(root)');
  const lang = root.lang === 'ru' || root.lang === 'kk' ? root.lang : fail('lang', 'must be "ru" or "kk"');
  const pattern = str(root.caseNumberPattern, 'caseNumberPattern');
  try {
    new RegExp(pattern);
  } catch (error) {
    fail('caseNumberPattern', `is not a valid regular expression (${(error as Error).message})`);
  }
  const paths = obj(root.paths, 'paths');
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
  const sel = obj(root.selectors, 'selectors');
  const sels = (k: string) => str(sel[k], `selectors.${k}`);
  const texts = obj(root.texts, 'texts');
  const labelsRaw = obj(root.labels, 'labels');
  const labels = Object.fromEntries(
    COURT_LABELS.map((k) => [k, strs(labelsRaw[k], `labels.${k}`)]),
  ) as Record<CourtLabel, string[]>;
  const roles = obj(root.roles, 'roles');
  const kindsRaw = obj(root.actKinds, 'actKinds');
  const actKinds = Object.fromEntries(
    Object.entries(kindsRaw).map(([k, v]) => [k, strs(v, `actKinds.${k}`)]),
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
      caseSearch: str(paths.caseSearch, 'paths.caseSearch'),
      actsSearch: str(paths.actsSearch, 'paths.actsSearch'),
      schedule: str(paths.schedule, 'paths.schedule'),
      caseCard: str(paths.caseCard, 'paths.caseCard').includes('{id}')
        ? str(paths.caseCard, 'paths.caseCard')
        : fail('paths.caseCard', 'must contain {id}'),
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
    selectors: {
      langSwitch: sels('langSwitch'),
      field: sels('field'),
      searchButton: sels('searchButton'),
      resultPanel: sels('resultPanel'),
      resultRows: sels('resultRows'),
      caseRow: sels('caseRow'),
      pagerNext: sels('pagerNext'),
      messages: sels('messages'),
      infoTable: sels('infoTable'),
      historyRows: sels('historyRows'),
      hearingRows: sels('hearingRows'),
      actLinks: sels('actLinks'),
      actText: sels('actText'),
      captcha: strs(sel.captcha, 'selectors.captcha'),
      errorPage: strs(sel.errorPage, 'selectors.errorPage'),
    },
    texts: {
      nothingFound: strs(texts.nothingFound, 'texts.nothingFound'),
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
