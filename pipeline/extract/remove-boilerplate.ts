// Removes what is never article text from a subtree, before the main content is chosen: scripts and
// widgets always; navigation, headers, footers, forms and elements whose class or id says "menu",
// "share", "comments", "most read", "related" (config/extraction.json) — unless the element holds most of
// the paragraph text, since some sites wrap the whole page in a <form> or name their main column
// "content-sidebar". Paragraph (<p>) text is the measure because menus and link lists have none of it
// however long they are; pages without <p> fall back to all text.
import { boilerplateRules } from './boilerplate-rules.ts';
import { extractionConfig } from './extraction-config.ts';
import {
  type AnyNode,
  attr,
  type Element,
  findElement,
  forEachElement,
  removeNode,
  textLength,
  walkElements,
} from './page-dom.ts';

/** Text length of the <p> elements under each element (computed once, bottom-up). */
export function paragraphWeights(root: AnyNode): Map<AnyNode, number> {
  const weight = new Map<AnyNode, number>();
  forEachElement(root, (p) => {
    if (p.name !== 'p') return;
    const len = textLength(p);
    if (len === 0) return;
    for (let el = p.parent; el; el = el.parent) {
      weight.set(el, (weight.get(el) ?? 0) + len);
      if (el === root) break;
    }
    weight.set(p, (weight.get(p) ?? 0) + len);
  });
  return weight;
}

let tagSets: {
  drop: ReadonlySet<string>;
  boilerplate: ReadonlySet<string>;
  roles: ReadonlySet<string>;
} | null = null;

function tags() {
  if (tagSets) return tagSets;
  const cfg = extractionConfig().extract;
  tagSets = {
    drop: new Set(cfg.dropTags),
    boilerplate: new Set(cfg.boilerplateTags),
    roles: new Set(cfg.boilerplateRoles),
  };
  return tagSets;
}

export function removeBoilerplate(root: AnyNode): void {
  const rules = boilerplateRules();
  const sets = tags();
  const maxShare = extractionConfig().extract.maxRemovableShare;
  // Walks in document order, as the selector passes they replace did; a removed element's subtree is
  // not visited (it is no longer in the page).
  walkElements(root, (el) => {
    if (sets.drop.has(el.name)) {
      removeNode(el);
      return false;
    }
    return true;
  });
  walkElements(root, (el) => {
    if (el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true') {
      removeNode(el);
      return false;
    }
    return true;
  });
  const weight = paragraphWeights(root);
  const total = weight.get(root) ?? 0;
  const usesParagraphs = total >= 200;
  const allText = usesParagraphs ? 0 : textLength(root);
  const removable = (el: Element) =>
    usesParagraphs ? (weight.get(el) ?? 0) <= total * maxShare : textLength(el) <= allText * maxShare;
  walkElements(root, (el) => {
    const role = el.attribs['role'];
    if ((sets.boilerplate.has(el.name) || (role !== undefined && sets.roles.has(role))) && removable(el)) {
      removeNode(el);
      return false;
    }
    return true;
  });
  const embedded = new RegExp(extractionConfig().extract.embeddedPostPattern, 'i');
  walkElements(root, (el) => {
    const cls = attr(el, 'class');
    const id = attr(el, 'id');
    if (cls === null && id === null) return true;
    if (embedded.test(cls ?? '')) {
      // An embedded post (an official's tweet, a Telegram statement) is quoted content: it is renamed so
      // that neither our patterns nor Readability's ("social") take it for a share bar.
      el.attribs['class'] = 'embedded-post';
      return true;
    }
    const tag = el.name;
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return true;
    const name = `${cls ?? ''} ${id ?? ''}`;
    if (!rules.remove.test(name) || rules.keep.test(name)) return true;
    if (!removable(el)) return true;
    removeNode(el);
    return false;
  });
}

/** Link text share of an element's text (0 when it has none). */
export function linkDensity(el: AnyNode): number {
  const all = textLength(el);
  if (all === 0) return 0;
  let linked = 0;
  forEachElement(el, (a) => {
    if (a.name === 'a') linked += textLength(a);
  });
  return linked / all;
}

const FIGURES = new Set(['figure', 'figcaption', 'picture']);
const SHORT_BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'span',
  'strong',
  'em',
  'b',
]);
const DIV_CHILD_BLOCKS = new Set(['p', 'div', 'ul', 'ol', 'table']);

/** Figures, pictures and their captions. */
export function removeFigures(root: AnyNode): void {
  walkElements(root, (el) => {
    if (!FIGURES.has(el.name)) return true;
    removeNode(el);
    return false;
  });
}

/**
 * Cleans a structured or selected main content: captions and figures go, and so do short blocks and lists
 * that are mostly links ("Related: …", "SEE MORE: …", lists of other stories).
 */
export function cleanContent(root: AnyNode): void {
  const cfg = extractionConfig().extract;
  removeFigures(root);
  walkElements(root, (el) => {
    if ((el.name === 'ul' || el.name === 'ol') && linkDensity(el) > cfg.maxLinkDensity) {
      removeNode(el);
      return false;
    }
    return true;
  });
  walkElements(root, (el) => {
    if (!SHORT_BLOCKS.has(el.name)) return true;
    const len = textLength(el);
    if (len === 0 || len > cfg.shortParagraphChars) return true;
    if (el.name === 'div' && findElement(el, (x) => DIV_CHILD_BLOCKS.has(x.name))) return true;
    if (linkDensity(el) <= cfg.maxLinkDensity) return true;
    removeNode(el);
    return false;
  });
}
