// Page → Article. The body comes from the most trustworthy source the page has, in order: JSON-LD
// `articleBody` (NewsArticle and kin, also inside @graph/arrays), microdata itemprop="articleBody", the
// source's own CSS selectors, then the generic extractor. Metadata (title, date, author, section,
// canonical URL, language) is gathered the same way, structured data first. A page without an article
// (a listing page, an empty body) is a typed rejection with the reason.
import type { Article, DecodedPage, Lang, SourceSelectors, StageResult } from '../../core/index.ts';
import { accept, reject } from '../../core/index.ts';
import { looksKazakh } from '../normalize/kazakh-context.ts';
import { normalizeText } from '../normalize/normalize-text.ts';
import { cleanTitle } from './clean-title.ts';
import { extractionConfig } from './extraction-config.ts';
import { filterParagraphs } from './filter-paragraphs.ts';
import { type GenericResult, genericExtract } from './generic-extractor.ts';
import { htmlToText } from './html-to-text.ts';
import { parseDocument } from './parse-document.ts';
import { parseNewsDate } from './parse-news-date.ts';
import { cleanContent, removeBoilerplate } from './remove-boilerplate.ts';
import { type ArticleData, jsonLdArticle } from './structured-data.ts';

export interface ExtractOptions {
  readonly sourceId: string;
  readonly selectors?: SourceSelectors;
  readonly langHint?: Lang | null;
  readonly now?: Date;
}

const STAGE = 'extract';

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const t = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return t || null;
}

/** The publication date shown as text in an element whose class or id says "date" (first one that parses). */
function dateFromElements(doc: Document, now: Date): string | null {
  const pattern = new RegExp(extractionConfig().extract.dateElementPattern, 'i');
  let tried = 0;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!pattern.test(name)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 120) continue;
    const parsed = parseNewsDate(text, now);
    if (parsed) return parsed;
    if (++tried > 20) break;
  }
  return null;
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

function selectText(doc: Document, selector: string | undefined): string | null {
  if (!selector) return null;
  try {
    return textOf(doc.querySelector(selector));
  } catch (error) {
    throw new Error(`invalid selector "${selector}": ${(error as Error).message}`);
  }
}

function bodyFromElement(el: Element, remove: readonly string[] = []): string {
  for (const sel of remove) for (const x of Array.from(el.querySelectorAll(sel))) x.remove();
  removeBoilerplate(el);
  cleanContent(el);
  return htmlToText(el);
}

/** Characters of text in the <p> elements under an element. */
function paragraphTextLength(root: Element): number {
  let n = 0;
  for (const p of Array.from(root.querySelectorAll('p')))
    n += (p.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

/** JSON-LD bodies are sometimes HTML or carry entities ("&apos;", "&nbsp;"). */
function ldBodyText(body: string): string {
  if (!/[<&]/.test(body)) return body;
  return htmlToText(parseDocument(`<!doctype html><html><body><div>${body}</div></body></html>`).body);
}

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
  let doc: Document;
  try {
    doc = parseDocument(page.html);
  } catch (error) {
    return reject(STAGE, `unparseable HTML: ${(error as Error).message}`);
  }
  const sel = options.selectors ?? {};
  // Relative dates ("Вчера, 18:30") count from when the page was fetched.
  const fetched = new Date(raw.fetchedAt);
  const now = options.now ?? (Number.isNaN(fetched.getTime()) ? new Date() : fetched);
  let ld: ArticleData | null = null;
  ld = jsonLdArticle(doc);
  const microBody = doc.querySelector('[itemprop="articleBody"]');

  const siteName = meta(doc, 'og:site_name', 'application-name');
  const pageTitle = (t: string | null) => (t ? cleanTitle(t, siteName) : null);
  const title =
    selectText(doc, sel.title) ??
    ld?.headline ??
    pageTitle(meta(doc, 'og:title', 'twitter:title', 'headline')) ??
    textOf(doc.querySelector('[itemprop="headline"]')) ??
    textOf(doc.querySelector('h1')) ??
    pageTitle(textOf(doc.querySelector('title')));
  const dateRaw =
    selectText(doc, sel.date) ??
    ld?.datePublished ??
    meta(
      doc,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
      'sailthru.date',
    ) ??
    textOf(doc.querySelector('[itemprop="datePublished"], time[datetime], time[pubdate]'));
  // Before boilerplate removal takes the date line away with the other chrome.
  const dateShown = dateRaw ? null : dateFromElements(doc, now);
  const author =
    selectText(doc, sel.author) ??
    ld?.author ??
    meta(doc, 'author', 'article:author', 'sailthru.author') ??
    textOf(doc.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"]'));
  const section =
    selectText(doc, sel.section) ??
    ld?.section ??
    meta(doc, 'article:section', 'section') ??
    textOf(doc.querySelector('[itemprop="articleSection"]'));
  const canonical =
    resolveUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), base) ??
    resolveUrl(meta(doc, 'og:url'), base) ??
    resolveUrl(ld?.url, base) ??
    base;
  const langHint =
    langOf(doc.documentElement?.getAttribute('lang')) ??
    langOf(meta(doc, 'og:locale', 'language', 'content-language')) ??
    langOf(ld?.inLanguage) ??
    options.langHint ??
    null;

  // Per-source selectors are the source's own word: when they match, nothing else runs (and it is cheap).
  let text = '';
  let extractedBy: Article['extractedBy'] = 'generic';
  if (sel.body) {
    let el: Element | null;
    try {
      el = doc.querySelector(sel.body);
    } catch (error) {
      return reject(STAGE, `invalid body selector "${sel.body}": ${(error as Error).message}`);
    }
    if (el) {
      text = filterParagraphs(bodyFromElement(el, sel.remove), title);
      extractedBy = 'selectors';
    }
    // A selector that finds nothing (the site was redesigned) falls back to the other extractors.
    if (text.length < cfg.minBodyChars) text = '';
  }
  let generic: GenericResult | null = null;
  if (!text) {
    // Structured bodies are checked against the page: JSON-LD `articleBody` is sometimes a teaser, and a
    // microdata container sometimes wraps only the first part of the story. One that holds at least half
    // of the page's paragraph text is taken at once (cheap); otherwise it must hold at least half of what
    // the generic extractor finds.
    const ldText = ld?.articleBody ? ldBodyText(ld.articleBody) : '';
    if (doc.body) removeBoilerplate(doc.body);
    const microText = microBody ? bodyFromElement(microBody, sel.remove) : '';
    const pageText = doc.body ? paragraphTextLength(doc.body) : 0;
    const enough = (t: string, than: number) =>
      t.length >= cfg.minBodyChars && t.length >= than * cfg.structuredMinShare;
    if (!enough(ldText, pageText) && !enough(microText, pageText))
      generic = genericExtract(doc, { removeBoilerplate: false });
    const against = generic ? generic.text.length : pageText;
    if (enough(ldText, against)) {
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
  text = normalizeText(text);
  if (text.length < cfg.minBodyChars)
    return reject(STAGE, text ? `body too short (${text.length} characters)` : 'no article body found');
  const kazakh = looksKazakh(text);
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
  });
}
