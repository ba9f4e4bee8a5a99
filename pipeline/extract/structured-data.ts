// Structured data a page carries about itself: JSON-LD (schema.org NewsArticle and kin, also inside
// @graph and arrays) and microdata (itemprop="articleBody" and friends).
import { type AnyNode, forEachElement, textContent } from './page-dom.ts';

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/i;

export interface ArticleData {
  readonly headline: string | null;
  readonly articleBody: string | null;
  readonly datePublished: string | null;
  readonly author: string | null;
  readonly section: string | null;
  readonly url: string | null;
  readonly inLanguage: string | null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(str).filter((x): x is string => x !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o['name'] ?? o['@value'] ?? o['text'] ?? null);
  }
  return null;
}

function types(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function collect(node: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (types(o).some((t) => ARTICLE_TYPES.test(t))) out.push(o);
  if (o['@graph']) collect(o['@graph'], out);
  // WebPage.mainEntity → the article.
  if (o['mainEntity']) collect(o['mainEntity'], out);
}

/** Parses JSON-LD, tolerating the raw newlines and trailing commas that CMSs write into it. */
function parseLenient(text: string): unknown {
  const cleaned = text.replace(/^\s*<!--|-->\s*$/g, '').trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    // Second chance for CMS output with raw control characters in strings or trailing commas; a block
    // that still fails is skipped (the page has other sources of truth).
    try {
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

/** The first article object in the page's JSON-LD, or null. Each block is parsed once, here. */
export function jsonLdArticle(root: AnyNode): ArticleData | null {
  const found: Record<string, unknown>[] = [];
  forEachElement(root, (el) => {
    if (el.name === 'script' && el.attribs['type']?.trim().toLowerCase() === 'application/ld+json')
      collect(parseLenient(textContent(el)), found);
  });
  if (found.length === 0) return null;
  // Prefer the object that carries a body, then the one with a headline.
  const best = found.find((o) => str(o['articleBody'])) ?? found.find((o) => str(o['headline'])) ?? found[0]!;
  const url = best['url'] ?? best['mainEntityOfPage'];
  return {
    headline: str(best['headline'] ?? best['name']),
    articleBody: str(best['articleBody'] ?? best['text']),
    datePublished: str(best['datePublished'] ?? best['dateCreated']),
    author: str(best['author'] ?? best['creator']),
    section: str(best['articleSection']),
    url:
      typeof url === 'string'
        ? url
        : url && typeof url === 'object'
          ? str((url as Record<string, unknown>)['@id'])
          : null,
    inLanguage: str(best['inLanguage']),
  };
}
