// Page → Article. The body comes from the most trustworthy source the page has, in order: JSON-LD
// `articleBody` (NewsArticle and kin, also inside @graph/arrays), microdata itemprop="articleBody", the
// source's own CSS selectors, then the generic extractor. Metadata (title, date, author, section,
// canonical URL, language) is gathered the same way, structured data first. A page without an article
// (a listing page, an empty body) is a typed rejection with the reason.
// The page is parsed once (page-dom.ts: htmlparser2, no linkedom) and every stage reads that tree; each
// JSON-LD block is parsed once. Only the generic extractor's Readability fallback builds a second DOM.
import type { Article, DecodedPage, Lang, SourceSelectors, StageResult } from '../../core/index.ts';
import { accept, reject } from '../../core/index.ts';
import { looksKazakh } from '../normalize/kazakh-context.ts';
import { normalizeText } from '../normalize/normalize-text.ts';
import { hasFontHack } from '../normalize/repair-font-hack.ts';
import { cleanTitle } from './clean-title.ts';
import { extractionConfig } from './extraction-config.ts';
import { filterParagraphs } from './filter-paragraphs.ts';
import { type GenericResult, genericExtract } from './generic-extractor.ts';
import { htmlToText } from './html-to-text.ts';
import {
  type AnyNode,
  bodyOf,
  type Element,
  findElement,
  forEachElement,
  htmlElementOf,
  type PageDom,
  parsePage,
  removeNode,
  selectAll,
  selectFirst,
  textContent,
} from './page-dom.ts';
import { ensureDocumentShape } from './parse-document.ts';
import { parseNewsDate } from './parse-news-date.ts';
import { cleanContent, removeBoilerplate } from './remove-boilerplate.ts';
import { type ArticleData, jsonLdArticle } from './structured-data.ts';

export interface ExtractOptions {
  readonly sourceId: string;
  readonly selectors?: SourceSelectors;
  readonly langHint?: Lang | null;
  readonly now?: Date;
  /**
   * The outlet itself lists this page as news (its feed, its news sitemap, a dated item of its news
   * listing, a URL of the source's article pattern): the page is kept whatever the length of its body.
   */
  readonly listed?: boolean;
  /** What the listing said of the page (a feed item's description or content, as text), a fallback body. */
  readonly listedSummary?: string | null;
}

const STAGE = 'extract';

/** Every <meta> of the page by its property / name / itemprop, the first of each kept (as querySelector). */
function metaIndex(dom: PageDom): Map<string, string> {
  const index = new Map<string, string>();
  forEachElement(dom.root, (el) => {
    if (el.name !== 'meta') return;
    const content = el.attribs['content']?.trim() ?? '';
    for (const key of [el.attribs['property'], el.attribs['name'], el.attribs['itemprop']])
      if (key !== undefined && !index.has(key)) index.set(key, content);
  });
  return index;
}

function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const t = (el.attribs['content'] ?? el.attribs['datetime'] ?? textContent(el)).replace(/\s+/g, ' ').trim();
  return t || null;
}

/** The publication date shown as text in an element whose class or id says "date" (first one that parses). */
function dateFromElements(dom: PageDom, now: Date): string | null {
  const pattern = new RegExp(extractionConfig().extract.dateElementPattern, 'i');
  let tried = 0;
  let found: string | null = null;
  findElement(dom.root, (el) => {
    const cls = el.attribs['class'];
    const id = el.attribs['id'];
    if (cls === undefined && id === undefined) return false;
    if (!pattern.test(`${cls ?? ''} ${id ?? ''}`)) return false;
    const text = textContent(el).replace(/\s+/g, ' ').trim();
    if (!text || text.length > 120) return false;
    found = parseNewsDate(text, now);
    return found !== null || ++tried > 20;
  });
  return found;
}

function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    // A malformed canonical link is ignored: the final URL stands in for it.
    return null;
  }
}

export function langOf(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const l = value.trim().toLowerCase().slice(0, 2);
  if (l === 'kk' || l === 'kz') return 'kk';
  if (l === 'ru') return 'ru';
  if (l === 'en') return 'en';
  return l ? 'other' : null;
}

function selectText(dom: PageDom, selector: string | undefined): string | null {
  if (!selector) return null;
  try {
    return textOf(selectFirst(dom, selector));
  } catch (error) {
    throw new Error(`invalid selector "${selector}": ${(error as Error).message}`);
  }
}

function bodyFromElement(dom: PageDom, el: Element, remove: readonly string[] = []): string {
  for (const sel of remove) for (const x of selectAll(dom, sel, el)) removeNode(x);
  removeBoilerplate(el);
  cleanContent(el);
  return htmlToText(el);
}

/** Characters of text in the <p> elements under a node. */
function paragraphTextLength(root: AnyNode): number {
  let n = 0;
  forEachElement(root, (p) => {
    if (p.name === 'p') n += textContent(p).replace(/\s+/g, ' ').trim().length;
  });
  return n;
}

/** Text compared without its spacing. */
const squash = (t: string) => t.replace(/\s+/g, '');

/** JSON-LD bodies are sometimes HTML or carry entities ("&apos;", "&nbsp;"). */
function ldBodyText(body: string): string {
  if (!/[<&]/.test(body)) return body;
  return htmlToText(parsePage(`<div>${body}</div>`).root);
}

/** [itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"] */
function isAuthorElement(el: Element): boolean {
  if (el.attribs['itemprop'] === 'author' || el.attribs['rel'] === 'author') return true;
  if (el.attribs['itemprop'] !== 'name') return false;
  for (let p = el.parent; p; p = p.parent)
    if ('attribs' in p && (p as Element).attribs['itemprop'] === 'author') return true;
  return false;
}

const hasAttr = (name: string, value?: string) => (el: Element) =>
  value === undefined ? el.attribs[name] !== undefined : el.attribs[name] === value;

/** og:type=article, or microdata itemtype of schema.org's article types: the page says it is an article. */
function marksArticle(dom: PageDom, metas: Map<string, string>): boolean {
  if (/^article$/i.test(metas.get('og:type') ?? '')) return true;
  return findElement(dom.root, (el) => ARTICLE_ITEMTYPE.test(el.attribs['itemtype'] ?? '')) !== null;
}

const ARTICLE_ITEMTYPE =
  /schema\.org\/(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report)\b/i;

export function extractArticle(page: DecodedPage, options: ExtractOptions): StageResult<Article> {
  try {
    return extractFrom(page, options);
  } catch (error) {
    // A page that breaks the parser or Readability is one rejected item, never a crashed crawl.
    return reject(STAGE, `extraction failed: ${(error as Error).message}`);
  }
}

function extractFrom(page: DecodedPage, options: ExtractOptions): StageResult<Article> {
  const cfg = extractionConfig().extract;
  const { raw } = page;
  const base = raw.finalUrl || raw.url;
  let dom: PageDom;
  try {
    dom = parsePage(ensureDocumentShape(page.html));
  } catch (error) {
    return reject(STAGE, `unparseable HTML: ${(error as Error).message}`);
  }
  const sel = options.selectors ?? {};
  // Relative dates ("Вчера, 18:30") count from when the page was fetched.
  const fetched = new Date(raw.fetchedAt);
  const now = options.now ?? (Number.isNaN(fetched.getTime()) ? new Date() : fetched);
  const ld: ArticleData | null = jsonLdArticle(dom.root);
  const metas = metaIndex(dom);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const v = metas.get(key);
      if (v) return v;
    }
    return null;
  };
  const first = (test: (el: Element) => boolean) => findElement(dom.root, test);
  const microBody = first(hasAttr('itemprop', 'articleBody'));

  const siteName = meta('og:site_name', 'application-name');
  const pageTitle = (t: string | null) => (t ? cleanTitle(t, siteName) : null);
  const title =
    selectText(dom, sel.title) ??
    ld?.headline ??
    pageTitle(meta('og:title', 'twitter:title', 'headline')) ??
    textOf(first(hasAttr('itemprop', 'headline'))) ??
    textOf(first((el) => el.name === 'h1')) ??
    pageTitle(textOf(first((el) => el.name === 'title')));
  const dateRaw =
    selectText(dom, sel.date) ??
    ld?.datePublished ??
    meta(
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
      'sailthru.date',
    ) ??
    textOf(
      first(
        (el) =>
          el.attribs['itemprop'] === 'datePublished' ||
          (el.name === 'time' &&
            (el.attribs['datetime'] !== undefined || el.attribs['pubdate'] !== undefined)),
      ),
    );
  // Before boilerplate removal takes the date line away with the other chrome.
  const dateShown = dateRaw ? null : dateFromElements(dom, now);
  const author =
    selectText(dom, sel.author) ??
    ld?.author ??
    meta('author', 'article:author', 'sailthru.author') ??
    textOf(first(isAuthorElement));
  const section =
    selectText(dom, sel.section) ??
    ld?.section ??
    meta('article:section', 'section') ??
    textOf(first(hasAttr('itemprop', 'articleSection')));
  const canonicalLink = first(
    (el) => el.name === 'link' && /(^|\s)canonical(\s|$)/i.test(el.attribs['rel'] ?? ''),
  );
  const canonical =
    resolveUrl(canonicalLink?.attribs['href'], base) ??
    resolveUrl(meta('og:url'), base) ??
    resolveUrl(ld?.url, base) ??
    base;
  const langHint =
    langOf(htmlElementOf(dom)?.attribs['lang']) ??
    langOf(meta('og:locale', 'language', 'content-language')) ??
    langOf(ld?.inLanguage) ??
    options.langHint ??
    null;

  // The outlet lists the page as news or the page marks itself an article: its body is kept however short.
  let marked: boolean | null = null;
  const signalled = () => {
    if (options.listed === true || ld !== null) return true;
    if (marked === null) marked = marksArticle(dom, metas);
    return marked;
  };
  // Per-source selectors are the source's own word: when they match, nothing else runs (and it is cheap).
  let text = '';
  let extractedBy: Article['extractedBy'] = 'generic';
  // Bodies under the threshold are kept aside: a page the outlet lists or marks as news is stored with
  // the best of them (a two-sentence brief is news too), any other page is rejected as before.
  const shortBodies: { text: string; by: Article['extractedBy'] }[] = [];
  if (sel.body) {
    let el: Element | null;
    try {
      el = selectFirst(dom, sel.body);
    } catch (error) {
      return reject(STAGE, `invalid body selector "${sel.body}": ${(error as Error).message}`);
    }
    if (el) {
      text = filterParagraphs(bodyFromElement(dom, el, sel.remove), title);
      extractedBy = 'selectors';
    }
    // A selector that finds nothing (the site was redesigned) falls back to the other extractors.
    if (text.length < cfg.minBodyChars) {
      if (text) shortBodies.push({ text, by: 'selectors' });
      text = '';
    }
  }
  let generic: GenericResult | null = null;
  let ldText = '';
  let microText = '';
  let body: AnyNode | null = null;
  if (!text) {
    // Structured bodies are checked against the page: JSON-LD `articleBody` is sometimes a teaser, and a
    // microdata container sometimes wraps only the first part of the story. One that holds at least half
    // of the page's paragraph text is taken at once (cheap); otherwise it must hold at least half of what
    // the generic extractor finds.
    ldText = ld?.articleBody ? ldBodyText(ld.articleBody) : '';
    body = bodyOf(dom);
    removeBoilerplate(body);
    microText = microBody ? bodyFromElement(dom, microBody, sel.remove) : '';
    const pageText = paragraphTextLength(body);
    const enough = (t: string, than: number) =>
      t.length >= cfg.minBodyChars && t.length >= than * cfg.structuredMinShare;
    if (!enough(ldText, pageText) && !enough(microText, pageText)) generic = genericExtract(dom, body);
    const against = generic ? generic.text.length : pageText;
    // A short structured body (a brief) that the generic extractor's block does not even contain: the
    // generic extractor found some other text (a notice, a list), and the outlet's own markup stands.
    const apart = (t: string) =>
      signalled() &&
      t.length > 0 &&
      t.length < cfg.minBodyChars &&
      generic !== null &&
      !squash(generic.text).includes(squash(t).slice(0, 60));
    if (apart(ldText) || apart(microText)) {
      text = '';
      if (apart(ldText)) extractedBy = 'jsonld';
      else extractedBy = 'microdata';
    } else if (enough(ldText, against)) {
      text = ldText;
      extractedBy = 'jsonld';
    } else if (enough(microText, against)) {
      text = filterParagraphs(microText, title);
      extractedBy = 'microdata';
    } else if (generic) {
      if (generic.linkedHeadings >= cfg.listingLinkedHeadings)
        return reject(STAGE, `listing page: ${generic.linkedHeadings} linked headlines in the main block`);
      text = filterParagraphs(generic.text, title);
      extractedBy = 'generic';
    }
  }
  // The source's selector found a short body and the other extractors little more (page chrome around the
  // same two sentences): the selector's word stands, a brief.
  const bySelector = shortBodies.find((b) => b.by === 'selectors');
  if (bySelector && extractedBy !== 'selectors' && text.length < bySelector.text.length * 2) {
    text = bySelector.text;
    extractedBy = 'selectors';
  }
  text = normalizeText(text);
  let isShort = false;
  let bodyNote: string | null = null;
  if (text.length < cfg.minBodyChars) {
    if (!signalled())
      return reject(STAGE, text ? `body too short (${text.length} characters)` : 'no article body found');
    const found = text.length;
    // The outlet's own words first (structured data, its selectors), then what the page gave, then what
    // its feed said: the longest wins, an earlier one on a tie.
    const candidates: { text: string; by: Article['extractedBy'] }[] = [
      { text: ldText, by: 'jsonld' },
      { text: microText ? filterParagraphs(microText, title) : '', by: 'microdata' },
      ...shortBodies,
      { text, by: extractedBy },
      { text: options.listedSummary ?? '', by: 'feed' },
    ];
    let best: { text: string; by: Article['extractedBy'] } | null = null;
    for (const c of candidates) {
      const t = normalizeText(c.text);
      if (t && (!best || t.length > best.text.length)) best = { text: t, by: c.by };
    }
    if (!best)
      return reject(STAGE, "no article body found, not even in the page's feed entry or structured data");
    text = best.text;
    extractedBy = best.by;
    isShort = text.length < cfg.minBodyChars;
    // A page with much more text than was found: extraction failed, the story is not a brief.
    body ??= (() => {
      const b = bodyOf(dom);
      removeBoilerplate(b);
      return b;
    })();
    const visible = textContent(body).replace(/\s+/g, ' ').trim().length;
    const failed = visible >= cfg.minBodyChars * cfg.failedExtractionPageFactor;
    if (best.by === 'feed')
      bodyNote = `body from the feed's description: the page gave ${found} characters${failed ? ` of ${visible}` : ''}`;
    else if (best.by === 'jsonld' && ldText.length > found)
      bodyNote = `body from the page's structured data (articleBody): extraction found ${found} characters`;
    else if (failed)
      bodyNote = `extraction found ${text.length} characters on a page of ${visible}: check the source's selectors`;
  }
  // Whether the body is Kazakh matters only to repair font-hack letters in the short fields (a scan of the
  // whole text, so it is made only when one of them has such a letter).
  const short = [title ?? generic?.title ?? '', author ?? generic?.byline ?? '', section ?? ''];
  const kazakh = short.some(hasFontHack) ? looksKazakh(text) : undefined;
  const finalTitle = normalizeText(title ?? generic?.title ?? '', { kazakh }).replace(/\n+/g, ' ');
  if (!finalTitle) return reject(STAGE, 'no title found');
  const genericDate = generic?.publishedTime;
  const publishedAt =
    (dateRaw ? parseNewsDate(dateRaw, now) : null) ??
    dateShown ??
    (genericDate ? parseNewsDate(genericDate, now) : null);
  return accept({
    sourceId: options.sourceId,
    kind: 'news',
    url: raw.url,
    canonicalUrl: canonical,
    title: finalTitle,
    text,
    publishedAt,
    author: author
      ? normalizeText(author, { kazakh })
      : generic?.byline
        ? normalizeText(generic.byline, { kazakh })
        : null,
    section: section ? normalizeText(section, { kazakh }) : null,
    langHint,
    fetchedAt: raw.fetchedAt,
    html: page.html,
    extractedBy,
    short: isShort,
    bodyNote,
  });
}
