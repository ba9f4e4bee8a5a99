// The generic extractor, for pages without usable structured data or per-source selectors:
//  1. remove-boilerplate.ts strips menus, share bars, comments, "most read" and related blocks;
//  2. Readability (Mozilla's scoring of text and link density) picks the main content;
//  3. cleanContent drops captions and link-dominated blocks inside it;
// the caller then filters paragraphs (filter-paragraphs.ts).
import { Readability } from '@mozilla/readability';
import { htmlToText } from './html-to-text.ts';
import { cleanContent, removeBoilerplate } from './remove-boilerplate.ts';

export interface GenericResult {
  /** Headings that are links: a listing of teasers has many, an article next to none. */
  readonly linkedHeadings: number;
  readonly title: string | null;
  readonly text: string;
  readonly byline: string | null;
  readonly publishedTime: string | null;
}

function countLinkedHeadings(root: Element): number {
  let n = 0;
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')))
    if (h.querySelector('a[href]')) n++;
  for (const a of Array.from(root.querySelectorAll('a[href]')))
    if (a.querySelector('h1, h2, h3, h4, h5, h6')) n++;
  return n;
}

export interface GenericOptions {
  /** Both off for the Readability-alone comparison row of the evaluation. */
  readonly removeBoilerplate?: boolean;
  readonly cleanContent?: boolean;
}

export function genericExtract(doc: Document, options: GenericOptions = {}): GenericResult | null {
  const root = doc.body ?? doc.documentElement;
  if ((options.removeBoilerplate ?? true) && root) removeBoilerplate(root);
  const parsed = new Readability<Node>(doc, { serializer: (n: Node) => n, charThreshold: 200 }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content as Element;
  const linkedHeadings = countLinkedHeadings(content);
  if (options.cleanContent ?? true) cleanContent(content);
  return {
    linkedHeadings,
    title: parsed.title ?? null,
    text: htmlToText(content),
    byline: parsed.byline ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}
