// Removes what is never article text from a subtree, before the main content is chosen: scripts and
// widgets always; navigation, headers, footers, forms and elements whose class or id says "menu",
// "share", "comments", "most read", "related" (config/extraction.json) — unless the element holds most of
// the paragraph text, since some sites wrap the whole page in a <form> or name their main column
// "content-sidebar". Paragraph (<p>) text is the measure because menus and link lists have none of it
// however long they are; pages without <p> fall back to all text.
import { boilerplateRules } from './boilerplate-rules.ts';
import { extractionConfig } from './extraction-config.ts';

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** Text length of the <p> elements under each element (computed once, bottom-up). */
function paragraphWeights(root: Element): Map<Element, number> {
  const weight = new Map<Element, number>();
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const len = textLength(p);
    if (len === 0) continue;
    for (let el: Element | null = p.parentElement; el; el = el.parentElement) {
      weight.set(el, (weight.get(el) ?? 0) + len);
      if (el === root) break;
    }
    weight.set(p, (weight.get(p) ?? 0) + len);
  }
  return weight;
}

export function removeBoilerplate(root: Element): void {
  const rules = boilerplateRules();
  const maxShare = extractionConfig().extract.maxRemovableShare;
  for (const el of Array.from(root.querySelectorAll(rules.dropTags))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[hidden], [aria-hidden="true"]'))) el.remove();
  const weight = paragraphWeights(root);
  const total = weight.get(root) ?? 0;
  const usesParagraphs = total >= 200;
  const allText = usesParagraphs ? 0 : textLength(root);
  const removable = (el: Element) =>
    el.isConnected &&
    (usesParagraphs ? (weight.get(el) ?? 0) <= total * maxShare : textLength(el) <= allText * maxShare);
  for (const el of Array.from(root.querySelectorAll(`${rules.boilerplateTags}, ${rules.roles}`)))
    if (removable(el)) el.remove();
  const embedded = new RegExp(extractionConfig().extract.embeddedPostPattern, 'i');
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    const cls = el.getAttribute('class') ?? '';
    if (embedded.test(cls)) {
      // An embedded post (an official's tweet, a Telegram statement) is quoted content: it is renamed so
      // that neither our patterns nor Readability's ("social") take it for a share bar.
      el.setAttribute('class', 'embedded-post');
      continue;
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!rules.remove.test(name) || rules.keep.test(name)) continue;
    if (removable(el)) el.remove();
  }
}

/** Link text share of an element's text (0 when it has none). */
export function linkDensity(el: Element): number {
  const all = textLength(el);
  if (all === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += textLength(a);
  return linked / all;
}

/**
 * Cleans the chosen main content: captions and figures go, and so do short blocks and lists that are
 * mostly links ("Related: …", "SEE MORE: …", lists of other stories).
 */
export function cleanContent(root: Element): void {
  const cfg = extractionConfig().extract;
  for (const el of Array.from(root.querySelectorAll('figure, figcaption, picture'))) el.remove();
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (list.isConnected && linkDensity(list) > cfg.maxLinkDensity) list.remove();
  }
  for (const el of Array.from(
    root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, div, span, strong, em, b'),
  )) {
    if (!el.isConnected) continue;
    const len = textLength(el);
    if (len === 0 || len > cfg.shortParagraphChars) continue;
    if (el.tagName.toLowerCase() === 'div' && el.querySelector('p, div, ul, ol, table')) continue;
    if (linkDensity(el) > cfg.maxLinkDensity) el.remove();
  }
}
