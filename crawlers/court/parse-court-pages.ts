// Pure parsers of the portal's pages (as HTML text, after the browser ran the page's script): result rows
// of the three searches, the case card and the judicial act. They key on name endings, labels and table
// structure from config/court.json, never on whole generated ids.
import * as cheerio from 'cheerio';
import type { CourtConfig, CourtLabel } from './court-config.ts';

type Doc = cheerio.CheerioAPI;
const load = (html: string): Doc => cheerio.load(html, { xml: { xmlMode: false } });
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** dd.mm.yyyy → yyyy-mm-dd; null when it is not a date. */
export function isoDate(s: string): string | null {
  const m = /(\d{2})\.(\d{2})\.(\d{4})/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** "5 000 000 тг." → 5000000; null for a dash or nothing. */
export function parseSum(s: string): number | null {
  const digits = s.replace(/[\s\u00a0\u202f]/g, '').match(/\d+/);
  return digits ? Number(digits[0]) : null;
}

export type PageState = 'captcha' | 'error' | 'ok';

/** What the page is: the captcha gate, an error (a page or an AJAX message), or content. */
export function pageState(html: string, config: CourtConfig): { state: PageState; message: string | null } {
  const $ = load(html);
  for (const s of config.selectors.captcha) {
    if ($(s).length > 0) return { state: 'captcha', message: `captcha gate (${s})` };
  }
  for (const s of config.selectors.errorPage) {
    const el = $(s).first();
    if (el.length > 0) return { state: 'error', message: clean(el.text()) || s };
  }
  return { state: 'ok', message: null };
}

export interface Party {
  readonly role: 'plaintiff' | 'defendant' | 'other';
  readonly name: string;
}

function parseParty(line: string, config: CourtConfig): Party {
  const i = line.indexOf(':');
  const label = i >= 0 ? clean(line.slice(0, i)) : '';
  const name = clean(i >= 0 ? line.slice(i + 1) : line);
  if (config.roles.plaintiff.includes(label)) return { role: 'plaintiff', name };
  if (config.roles.defendant.includes(label)) return { role: 'defendant', name };
  return { role: 'other', name: clean(line) };
}

function historyLine(line: string): { date: string; event: string } | null {
  const m = /^(\d{2}\.\d{2}\.\d{4})\s*-\s*(.+)$/.exec(clean(line));
  const date = m?.[1] ? isoDate(m[1]) : null;
  return m?.[2] && date ? { date, event: clean(m[2]) } : null;
}

export interface ResultsPage<Row> {
  readonly rows: readonly Row[];
  readonly nothingFound: boolean;
  readonly hasNext: boolean;
}

function panel($: Doc, config: CourtConfig) {
  return $(config.selectors.resultPanel).first();
}

function resultsOf<Row>(
  html: string,
  config: CourtConfig,
  row: ($: Doc, tr: cheerio.Cheerio<never>) => Row | null,
) {
  const $ = load(html);
  const p = panel($, config);
  const text = clean(p.text());
  const nothingFound = config.texts.nothingFound.some((t) => text.includes(t));
  const rows: Row[] = [];
  p.find(config.selectors.resultRows).each((_, tr) => {
    const r = row($, $(tr) as cheerio.Cheerio<never>);
    if (r) rows.push(r);
  });
  return { rows, nothingFound, hasNext: p.find(config.selectors.pagerNext).length > 0 };
}

export interface LawsuitRow {
  readonly lawsuitId: number;
  readonly caseNumber: string;
  readonly registeredAt: string | null;
  readonly parties: readonly Party[];
  readonly judge: string;
  readonly history: readonly { readonly date: string; readonly event: string }[];
}

/** Case-search rows: `tr[onclick="viewSelectedLawsuit(N)"]`, four cells (court-portal.md). */
export function parseLawsuitResults(html: string, config: CourtConfig): ResultsPage<LawsuitRow> {
  return resultsOf(html, config, ($, tr) => {
    const id = /viewSelectedLawsuit\((\d+)\)/.exec(tr.attr('onclick') ?? '')?.[1];
    const cells = tr.children('td');
    if (!id || cells.length < 4) return null;
    const ps = (i: number) =>
      cells
        .eq(i)
        .find('p')
        .toArray()
        .map((p) => clean($(p).text()));
    const [num, reg] = ps(0);
    return {
      lawsuitId: Number(id),
      caseNumber: num ?? '',
      registeredAt: reg ? isoDate(reg) : null,
      parties: ps(1).map((l) => parseParty(l, config)),
      judge: clean(cells.eq(2).text()),
      history: ps(3)
        .map(historyLine)
        .filter((h): h is { date: string; event: string } => h !== null),
    };
  });
}

export interface ActRow {
  readonly caseNumber: string;
  readonly actDate: string | null;
  readonly court: string;
  readonly category: string;
  readonly actKind: string;
  readonly actHref: string;
}

export function parseActResults(html: string, config: CourtConfig): ResultsPage<ActRow> {
  return resultsOf(html, config, ($, tr) => {
    const cells = tr.children('td');
    const href = tr.find('a[href*="act.xhtml"]').attr('href');
    if (cells.length < 5 || !href) return null;
    const ps = cells
      .eq(0)
      .find('p')
      .toArray()
      .map((p) => clean($(p).text()));
    return {
      caseNumber: ps[0] ?? '',
      actDate: ps[1] ? isoDate(ps[1]) : null,
      court: clean(cells.eq(1).text()),
      category: clean(cells.eq(2).text()),
      actKind: clean(cells.eq(3).text()),
      actHref: href,
    };
  });
}

export interface ScheduleRow {
  readonly date: string | null;
  readonly caseNumber: string;
  readonly parties: readonly Party[];
  readonly category: string;
  readonly closed: boolean;
}

export function parseScheduleResults(html: string, config: CourtConfig): ResultsPage<ScheduleRow> {
  return resultsOf(html, config, ($, tr) => {
    const cells = tr.children('td');
    if (cells.length < 8) return null;
    const type = clean(cells.eq(7).text()).toLocaleLowerCase('ru');
    return {
      date: isoDate(clean(cells.eq(0).text())),
      caseNumber: clean(cells.eq(3).text()),
      parties: cells
        .eq(4)
        .find('p')
        .toArray()
        .map((p) => parseParty($(p).text(), config)),
      category: clean(cells.eq(5).text()),
      closed: config.texts.closedHearing.some((t) => type.includes(t.toLocaleLowerCase('ru'))),
    };
  });
}

/** Label → value cell of a two-column info table, by the configured label texts. */
function infoCells($: Doc, config: CourtConfig): Map<CourtLabel, cheerio.Cheerio<never>> {
  const out = new Map<CourtLabel, cheerio.Cheerio<never>>();
  $(config.selectors.infoTable).each((_, tr) => {
    const cells = $(tr).children('td');
    const label = clean(cells.eq(0).text());
    for (const [key, texts] of Object.entries(config.labels) as [CourtLabel, readonly string[]][]) {
      if (texts.includes(label) && !out.has(key)) out.set(key, cells.eq(1) as cheerio.Cheerio<never>);
    }
  });
  return out;
}

export interface CaseCard {
  readonly caseNumber: string;
  readonly registeredAt: string | null;
  readonly region: string | null;
  readonly court: string | null;
  readonly category: string | null;
  readonly judge: string | null;
  readonly claimedAmountKzt: number | null;
  readonly parties: readonly Party[];
  readonly history: readonly { readonly date: string; readonly event: string }[];
  readonly hearings: readonly { readonly date: string | null; readonly closed: boolean }[];
  readonly actHrefs: readonly string[];
}

const textOrNull = (el: cheerio.Cheerio<never> | undefined): string | null => {
  const t = el ? clean(el.text()) : '';
  return t === '' || t === '—' ? null : t;
};

export function parseCaseCard(html: string, config: CourtConfig): CaseCard {
  const $ = load(html);
  const info = infoCells($, config);
  const closedTexts = config.texts.closedHearing.map((t) => t.toLocaleLowerCase('ru'));
  const partiesCell = info.get('parties');
  return {
    caseNumber: textOrNull(info.get('caseNumber')) ?? '',
    registeredAt: isoDate(textOrNull(info.get('registered')) ?? ''),
    region: textOrNull(info.get('region')),
    court: textOrNull(info.get('court')),
    category: textOrNull(info.get('category')),
    judge: textOrNull(info.get('judge')),
    claimedAmountKzt: parseSum(textOrNull(info.get('claimAmount')) ?? ''),
    parties: partiesCell
      ? partiesCell
          .find('p')
          .toArray()
          .map((p) => parseParty($(p).text(), config))
      : [],
    history: $(config.selectors.historyRows)
      .toArray()
      .map((tr) => {
        const cells = $(tr).children('td');
        const date = isoDate(clean(cells.eq(0).text()));
        return date ? { date, event: clean(cells.eq(1).text()) } : null;
      })
      .filter((h): h is { date: string; event: string } => h !== null),
    hearings: $(config.selectors.hearingRows)
      .toArray()
      .map((tr) => {
        const cells = $(tr).children('td');
        const type = clean(cells.last().text()).toLocaleLowerCase('ru');
        return {
          date: isoDate(clean(cells.eq(0).text())),
          closed: closedTexts.some((t) => type.includes(t)),
        };
      }),
    actHrefs: $(config.selectors.actLinks)
      .toArray()
      .map((a) => $(a).attr('href'))
      .filter((h): h is string => typeof h === 'string'),
  };
}

export interface ActPage {
  readonly caseNumber: string | null;
  readonly court: string | null;
  readonly date: string | null;
  readonly judge: string | null;
  /** Normalised to the Russian vocabulary: решение, приговор, постановление, определение. */
  readonly kind: string | null;
  readonly closedHearing: boolean;
  readonly outcome: string | null;
  readonly awardedAmountKzt: number | null;
  readonly paragraphs: readonly string[];
}

export function parseActPage(html: string, config: CourtConfig): ActPage {
  const $ = load(html);
  const info = infoCells($, config);
  const kindText = textOrNull(info.get('actKind'));
  const kind = kindText
    ? (Object.entries(config.actKinds).find(([, names]) => names.includes(kindText))?.[0] ??
      kindText.toLowerCase())
    : null;
  const type = (textOrNull(info.get('hearingType')) ?? '').toLocaleLowerCase('ru');
  const paragraphs = $(config.selectors.actText)
    .toArray()
    .map((p) => clean($(p).text()))
    .filter((p) => p !== '');
  const closedTexts = config.texts.closedHearing.map((t) => t.toLocaleLowerCase('ru'));
  const body = paragraphs.join(' ').toLocaleLowerCase('ru');
  const awarded = textOrNull(info.get('awarded'));
  return {
    caseNumber: textOrNull(info.get('caseNumber')),
    court: textOrNull(info.get('court')),
    date: isoDate(textOrNull(info.get('actDate')) ?? ''),
    judge: textOrNull(info.get('judge')),
    kind,
    closedHearing: closedTexts.some((t) => type.includes(t) || body.includes(t)),
    outcome: textOrNull(info.get('outcome')),
    awardedAmountKzt: awarded === null ? null : parseSum(awarded),
    paragraphs,
  };
}
