// Pure parsers of the portal's pages (as HTML text, after the browser ran the page's script): result rows
// of the three searches, the case card, a case's list of acts and the judicial act (an HTML view or the text
// of a downloaded document). They key on what court-portal.md documents (`viewSelectedLawsuit(N)` rows of
// four cells, `param1` links), on the case-number pattern, on label texts and on name endings from the
// configuration — never on whole generated ids, table classes or column order.
import * as cheerio from 'cheerio';
import type { CourtConfig, CourtLabel } from './court-config.ts';

type Doc = cheerio.CheerioAPI;
// biome-ignore lint/suspicious/noExplicitAny: cheerio's element typing varies between its versions
type El = cheerio.Cheerio<any>;
const load = (html: string): Doc => cheerio.load(html, { xml: { xmlMode: false } });
const clean = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Case- and spacing-insensitive form used to compare interface texts. */
export const fold = (s: string): string =>
  clean(s).toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/:$/, '').trim();

/** An element's text with its parts kept apart («<p>7527-20-00-2/3318</p><p>12.08.2020</p>» → two words). */
function spacedText(el: El): string {
  const parts: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: domhandler nodes
  const walk = (n: any) => {
    if (n.type === 'text') parts.push(n.data as string);
    else if (n.type === 'tag' && n.name !== 'script' && n.name !== 'style')
      for (const c of n.children ?? []) walk(c);
  };
  el.each((_, n) => walk(n));
  return clean(parts.join(' '));
}

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

/** The case-number pattern without its anchors, to find numbers inside longer text. */
export function caseNumberFinder(config: CourtConfig): RegExp {
  const body = config.caseNumberPattern.replace(/^\^/, '').replace(/\$$/, '');
  return new RegExp(`(?<![\\dА-Яа-яA-Za-z])${body}(?![\\d/])`, 'g');
}

export type PageState = 'captcha' | 'expired' | 'error' | 'ok';

/** What the page is: the captcha gate, an expired session, an error (a page or an AJAX message), or content. */
export function pageState(html: string, config: CourtConfig): { state: PageState; message: string | null } {
  const $ = load(html);
  for (const s of config.selectors.captcha) {
    if ($(s).length > 0) return { state: 'captcha', message: `captcha gate (${s})` };
  }
  const text = fold($('body').text() || $.root().text());
  const expired = config.texts.sessionExpired.find((t) => text.includes(fold(t)));
  if (expired) return { state: 'expired', message: `the portal says «${expired}»` };
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

export function parseParty(line: string, config: CourtConfig): Party {
  const i = line.indexOf(':');
  const label = i >= 0 ? clean(line.slice(0, i)) : '';
  const name = clean(i >= 0 ? line.slice(i + 1) : line);
  if (config.roles.plaintiff.includes(label)) return { role: 'plaintiff', name };
  if (config.roles.defendant.includes(label)) return { role: 'defendant', name };
  return { role: 'other', name: clean(line) };
}

function historyLine(line: string): { date: string; event: string } | null {
  const m = /^(\d{2}\.\d{2}\.\d{4})\s*[-–—]\s*(.+)$/.exec(clean(line));
  const date = m?.[1] ? isoDate(m[1]) : null;
  return m?.[2] && date ? { date, event: clean(m[2]) } : null;
}

/** The lines of an element: its `<p>`/`<li>` children, else its text split at line breaks. */
function lines($: Doc, el: El): string[] {
  const blocks = el.find('p, li').toArray();
  if (blocks.length > 0) return blocks.map((b) => clean($(b).text())).filter((l) => l !== '');
  const html = el.html() ?? '';
  return html
    .split(/<br\s*\/?>|\n/i)
    .map((part) => clean(load(`<div>${part}</div>`)('div').text()))
    .filter((l) => l !== '');
}

export interface ResultsPage<Row> {
  readonly rows: readonly Row[];
  readonly nothingFound: boolean;
}

function nothingFound($: Doc, config: CourtConfig): boolean {
  const text = fold($('body').text() || $.root().text());
  return config.texts.nothingFound.some((t) => text.includes(fold(t)));
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
  const $ = load(html);
  const rows: LawsuitRow[] = [];
  $(config.selectors.caseRow).each((_, el) => {
    const tr = $(el);
    const id = /\((\d+)\)/.exec(tr.attr('onclick') ?? '')?.[1];
    const cells = tr.children('td');
    if (!id || cells.length < 4) return;
    const [num, reg] = lines($, cells.eq(0));
    rows.push({
      lawsuitId: Number(id),
      caseNumber: num ?? '',
      registeredAt: reg ? isoDate(reg) : null,
      parties: lines($, cells.eq(1)).map((l) => parseParty(l, config)),
      judge: clean(cells.eq(2).text()),
      history: lines($, cells.eq(3))
        .map(historyLine)
        .filter((h): h is { date: string; event: string } => h !== null),
    });
  });
  return { rows, nothingFound: rows.length === 0 && nothingFound($, config) };
}

/** The smallest repeated container of a result: a table row, a list item, else the element itself. */
function rowsWithCaseNumbers($: Doc, config: CourtConfig): { row: El; caseNumber: string }[] {
  const finder = caseNumberFinder(config);
  const out: { row: El; caseNumber: string }[] = [];
  $('tr, li').each((_, el) => {
    const row = $(el);
    // Rows of nested tables belong to the innermost row only.
    if (row.find('tr, li').length > 0) return;
    if (row.closest('thead, nav, header').length > 0) return;
    finder.lastIndex = 0;
    const m = finder.exec(spacedText(row));
    if (m) out.push({ row, caseNumber: m[0] });
  });
  return out;
}

export interface ActRow {
  readonly caseNumber: string;
  /** The case's list of acts (`…lawsuitList.xhtml?param1=N`), when the row links it. */
  readonly actsListHref: string | null;
  /** Links to the act itself (an HTML view or a download), when the row has them. */
  readonly actHrefs: readonly string[];
  readonly text: string;
}

/** The `param1` a row or link carries (in its href or its onclick). */
function param1Of($: Doc, row: El): string | null {
  for (const el of [
    row,
    ...row
      .find('[href], [onclick]')
      .toArray()
      .map((e) => $(e)),
  ]) {
    for (const attr of ['href', 'onclick']) {
      const m = /param1(?:=|'\s*:\s*'?|"\s*:\s*"?|,\s*'?)(\w+)/.exec(el.attr(attr) ?? '');
      if (m?.[1]) return m[1];
    }
  }
  return null;
}

/** Acts-bank rows: any row carrying a case number, with its `param1` link and act links. */
export function parseActResults(html: string, config: CourtConfig): ResultsPage<ActRow> {
  const $ = load(html);
  const rows = rowsWithCaseNumbers($, config).map(({ row, caseNumber }) => {
    const listLink = row.find(config.selectors.actsListLinks.join(', ')).first();
    const href = listLink.attr('href');
    const param1 = param1Of($, row);
    return {
      caseNumber,
      actsListHref:
        href && !/^(#|javascript:)/i.test(href)
          ? href
          : param1
            ? config.paths.caseActs.replace('{id}', encodeURIComponent(param1))
            : null,
      actHrefs: actLinks($, row, config).map((l) => l.href),
      text: spacedText(row),
    };
  });
  return { rows, nothingFound: rows.length === 0 && nothingFound($, config) };
}

export interface ScheduleRow {
  readonly date: string | null;
  readonly caseNumber: string;
  readonly parties: readonly Party[];
  /** The whole row's text: the category and parties are found in it, whatever the column order. */
  readonly text: string;
  readonly closed: boolean;
}

export function parseScheduleResults(html: string, config: CourtConfig): ResultsPage<ScheduleRow> {
  const $ = load(html);
  const closedTexts = config.texts.closedHearing.map(fold);
  const rows = rowsWithCaseNumbers($, config).map(({ row, caseNumber }) => {
    const text = spacedText(row);
    const partyLines = row
      .find('p, li')
      .toArray()
      .map((p) => clean($(p).text()))
      .filter((l) => l.includes(':'));
    return {
      date: isoDate(text),
      caseNumber,
      parties: partyLines.map((l) => parseParty(l, config)).filter((p) => p.role !== 'other'),
      text,
      closed: closedTexts.some((t) => fold(text).includes(t)),
    };
  });
  return { rows, nothingFound: rows.length === 0 && nothingFound($, config) };
}

/**
 * Label → value element anywhere on the page: a table row (label cell, value cell), a definition list
 * (dt, dd), or a label element followed by its value; labels compared without case, spacing or colon.
 */
function labelled($: Doc, config: CourtConfig): Map<CourtLabel, El> {
  const wanted = new Map<string, CourtLabel>();
  for (const [key, texts] of Object.entries(config.labels) as [CourtLabel, readonly string[]][]) {
    for (const t of texts) if (!wanted.has(fold(t))) wanted.set(fold(t), key);
  }
  const out = new Map<CourtLabel, El>();
  $('td, th, dt, label, span, b, strong, div').each((_, el) => {
    const e = $(el);
    // Only leaf-like label elements: their own text is the label.
    if (e.children('td, th, dt, dd, div, table, p, ul').length > 0) return;
    const key = wanted.get(fold(e.text()));
    if (!key || out.has(key)) return;
    let value = e.next();
    if (value.length === 0 && (el.tagName === 'b' || el.tagName === 'strong' || el.tagName === 'span')) {
      // «<p><b>Суд:</b> Медеуский районный суд</p>»: the rest of the parent is the value.
      const parent = e.parent().clone();
      parent.children().first().remove();
      value = parent;
    }
    if (value.length > 0) out.set(key, value);
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
  /** Links to acts (views or downloads) and to lists of the case's acts. */
  readonly actHrefs: readonly string[];
  readonly actsListHrefs: readonly string[];
}

const textOrNull = (el: El | undefined): string | null => {
  const t = el ? clean(el.text()) : '';
  return t === '' || t === '—' || t === '-' ? null : t;
};

function rowsOf($: Doc, selectors: readonly string[]): El[] {
  for (const s of selectors) {
    const found = $(s).toArray();
    if (found.length > 0) return found.map((e) => $(e));
  }
  return [];
}

export function parseCaseCard(html: string, config: CourtConfig): CaseCard {
  const $ = load(html);
  const info = labelled($, config);
  const closedTexts = config.texts.closedHearing.map(fold);
  const partiesCell = info.get('parties');
  const history = rowsOf($, config.selectors.historyRows)
    .map((r) => {
      const cells = r.children('td');
      if (cells.length >= 2) {
        const date = isoDate(clean(cells.eq(0).text()));
        return date ? { date, event: clean(cells.eq(1).text()) } : null;
      }
      return historyLine(r.text());
    })
    .filter((h): h is { date: string; event: string } => h !== null);
  const hearings = rowsOf($, config.selectors.hearingRows)
    .map((r) => {
      const text = fold(r.text());
      return { date: isoDate(text), closed: closedTexts.some((t) => text.includes(t)) };
    })
    .filter((h) => h.date !== null);
  const links = actLinks($, $.root() as El, config);
  return {
    caseNumber: textOrNull(info.get('caseNumber')) ?? '',
    registeredAt: isoDate(textOrNull(info.get('registered')) ?? ''),
    region: textOrNull(info.get('region')),
    court: textOrNull(info.get('court')),
    category: textOrNull(info.get('category')),
    judge: textOrNull(info.get('judge')),
    claimedAmountKzt: parseSum(textOrNull(info.get('claimAmount')) ?? ''),
    parties: partiesCell ? lines($, partiesCell).map((l) => parseParty(l, config)) : [],
    history,
    hearings,
    actHrefs: links.filter((l) => l.kind !== 'list').map((l) => l.href),
    actsListHrefs: links.filter((l) => l.kind === 'list').map((l) => l.href),
  };
}

export type ActLinkKind = 'view' | 'document' | 'list';

/** Links to acts inside `scope`: HTML views, downloads, and lists of a case's acts. */
function actLinks($: Doc, scope: El, config: CourtConfig): { href: string; kind: ActLinkKind; el: El }[] {
  const docSel = config.selectors.documentLinks.join(', ');
  const listSel = config.selectors.actsListLinks.join(', ');
  const viewTexts = config.texts.actView.map(fold);
  const downloadTexts = config.texts.download.map(fold);
  const listTexts = config.texts.actsList.map(fold);
  const kindNames = Object.values(config.actKinds).flat().map(fold);
  const out: { href: string; kind: ActLinkKind; el: El }[] = [];
  const seen = new Set<string>();
  scope.find('a[href]').each((_, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    if (href === '' || /^(#|javascript:|mailto:)/i.test(href) || a.closest('nav, header').length > 0) return;
    const text = fold(a.text());
    let kind: ActLinkKind | null = null;
    if (a.is(docSel) || downloadTexts.some((t) => text === t || text.startsWith(`${t} `))) kind = 'document';
    else if (a.is(listSel) || listTexts.some((t) => text.includes(t))) kind = 'list';
    else if (
      viewTexts.some((t) => text === t) ||
      kindNames.some((k) => text === k || text.startsWith(`${k} `))
    )
      kind = 'view';
    if (!kind || seen.has(href)) return;
    seen.add(href);
    out.push({ href, kind, el: a });
  });
  return out;
}

/** One act on a case's list of acts: its HTML view and/or its downloads, and what the row says of it. */
export interface ActEntry {
  readonly viewHref: string | null;
  readonly documentHrefs: readonly string[];
  readonly kind: string | null;
  readonly date: string | null;
}

/** Normalises an act-kind name (Russian or Kazakh) to the Russian vocabulary, or null. */
export function actKindOf(text: string, config: CourtConfig): string | null {
  const t = fold(text);
  for (const [kind, names] of Object.entries(config.actKinds)) {
    if (names.some((n) => t === fold(n) || t.startsWith(`${fold(n)} `))) return kind;
  }
  return null;
}

/** The acts on a page (a list of a case's acts, or a card): links grouped by their row. */
export function parseActEntries(html: string, config: CourtConfig): ActEntry[] {
  const $ = load(html);
  const groups = new Map<unknown, { row: El; links: { href: string; kind: ActLinkKind }[] }>();
  for (const link of actLinks($, $.root() as El, config)) {
    if (link.kind === 'list') continue;
    const row = link.el.closest('tr, li');
    const key = row.length > 0 ? row.get(0) : link.el.get(0);
    const group = groups.get(key) ?? { row: row.length > 0 ? row : link.el, links: [] };
    group.links.push(link);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ row, links }) => {
    const text = spacedText(row);
    const cells = row
      .children('td, span, div')
      .toArray()
      .map((c) => clean($(c).text()));
    const kind = [...cells, text].map((c) => actKindOf(c, config)).find((k) => k !== null) ?? null;
    return {
      viewHref: links.find((l) => l.kind === 'view')?.href ?? null,
      documentHrefs: links.filter((l) => l.kind === 'document').map((l) => l.href),
      kind,
      date: isoDate(text),
    };
  });
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

function actFrom(
  get: (label: CourtLabel) => string | null,
  paragraphs: readonly string[],
  config: CourtConfig,
): ActPage {
  const kindText = get('actKind');
  const kind = kindText ? (actKindOf(kindText, config) ?? kindText.toLowerCase()) : null;
  const closedTexts = config.texts.closedHearing.map(fold);
  const type = fold(get('hearingType') ?? '');
  const body = fold(paragraphs.join(' '));
  const awarded = get('awarded');
  return {
    caseNumber: get('caseNumber'),
    court: get('court'),
    date: isoDate(get('actDate') ?? ''),
    judge: get('judge'),
    kind,
    closedHearing: closedTexts.some((t) => type.includes(t) || body.includes(t)),
    outcome: get('outcome'),
    awardedAmountKzt: awarded === null ? null : parseSum(awarded),
    paragraphs,
  };
}

/** A judicial act's HTML view: labelled facts, and the text's paragraphs. */
export function parseActPage(html: string, config: CourtConfig): ActPage {
  const $ = load(html);
  const info = labelled($, config);
  let paragraphs: string[] = [];
  for (const s of config.selectors.actText) {
    const found = $(s).toArray();
    if (found.length === 0) continue;
    paragraphs = found.flatMap((el) => lines($, $(el))).filter((p) => p !== '');
    if (paragraphs.length > 0) break;
  }
  return actFrom((k) => textOrNull(info.get(k)), paragraphs, config);
}

/**
 * A judicial act's text from a downloaded document (PDF, DOCX): lines «Label: value» whose label is a
 * configured one give the facts, a line that is only an act kind («РЕШЕНИЕ») gives the kind, the rest is text.
 */
export function parseActText(text: string, config: CourtConfig): ActPage {
  const wanted = new Map<string, CourtLabel>();
  for (const [key, texts] of Object.entries(config.labels) as [CourtLabel, readonly string[]][]) {
    for (const t of texts) if (!wanted.has(fold(t))) wanted.set(fold(t), key);
  }
  const facts = new Map<CourtLabel, string>();
  const paragraphs: string[] = [];
  let headingKind: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = clean(raw);
    if (line === '') continue;
    const i = line.indexOf(':');
    const key = i > 0 && i < 60 ? wanted.get(fold(line.slice(0, i))) : undefined;
    const value = i > 0 ? clean(line.slice(i + 1)) : '';
    if (key && value !== '' && !facts.has(key)) {
      facts.set(key, value);
      continue;
    }
    const kind: string | null = headingKind === null && line.length < 40 ? actKindOf(line, config) : null;
    if (kind && fold(line).split(' ').length <= 2) {
      headingKind = kind;
      continue;
    }
    // A PDF's lines are the printed lines: a line continuing a sentence joins the one before.
    const last = paragraphs.at(-1);
    if (last !== undefined && !/[.!?;:»")]$/.test(last) && /^[a-zа-яёәғқңөұүһі0-9«(]/.test(line))
      paragraphs[paragraphs.length - 1] = `${last} ${line}`;
    else paragraphs.push(line);
  }
  const page = actFrom(
    (k) => {
      const v = facts.get(k);
      return v === undefined || v === '—' || v === '-' ? null : v;
    },
    paragraphs,
    config,
  );
  return page.kind === null && headingKind ? { ...page, kind: headingKind } : page;
}
