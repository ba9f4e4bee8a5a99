// The one parse of a page that every extraction stage shares: htmlparser2 (through cheerio) builds a plain
// domhandler tree, about four times faster than linkedom and without its per-node bookkeeping. Metadata,
// JSON-LD, microdata, per-source selectors, boilerplate removal and the text all read this tree; linkedom is
// built only for Readability, from the already pruned page (see generic-extractor.ts).
import * as cheerio from 'cheerio';
import type { AnyNode, Document, Element, Text } from 'domhandler';

export type { AnyNode, Element, Text } from 'domhandler';

export interface PageDom {
  readonly root: Document;
  /** Cheerio bound to the tree, for CSS selectors from the sources registry. */
  readonly $: cheerio.CheerioAPI;
}

export function parsePage(html: string): PageDom {
  const $ = cheerio.load(html, { xml: { xmlMode: false } });
  return { root: $.root()[0] as Document, $ };
}

export function isElement(node: AnyNode): node is Element {
  // 'tag', 'script' and 'style' are domhandler's element types.
  const type = node.type as string;
  return type === 'tag' || type === 'script' || type === 'style';
}

/** Element children of a node. */
export function childElements(node: AnyNode): Element[] {
  if (!('children' in node)) return [];
  return node.children.filter(isElement);
}

// The walks below keep their own stack: old CMS pages with thousands of unclosed tags nest deeper than
// the call stack allows.

/** Children of a node, last first, for a stack that pops them in document order. */
function pushChildren(stack: AnyNode[], node: AnyNode): void {
  if (!('children' in node)) return;
  const kids = node.children;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
}

/** Calls fn on every element under root in document order (root itself excluded). */
export function forEachElement(root: AnyNode, fn: (el: Element) => void): void {
  const stack: AnyNode[] = [];
  pushChildren(stack, root);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node)) continue;
    fn(node);
    pushChildren(stack, node);
  }
}

/**
 * Pre-order walk in document order; fn returns false to skip an element's subtree (it was removed, or
 * nothing under it matters). Children are taken before fn runs on them, so fn may remove the element it
 * is given.
 */
export function walkElements(root: AnyNode, fn: (el: Element) => boolean): void {
  const stack: AnyNode[] = [];
  pushChildren(stack, root);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isElement(node) && fn(node)) pushChildren(stack, node);
  }
}

/** The first element under root (document order) that passes the test. */
export function findElement(root: AnyNode, test: (el: Element) => boolean): Element | null {
  const stack: AnyNode[] = [];
  pushChildren(stack, root);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    pushChildren(stack, node);
  }
  return null;
}

/** DOM textContent: the text of every text node under the node. */
export function textContent(node: AnyNode): string {
  if ((node.type as string) === 'text') return (node as Text).data;
  let out = '';
  const stack: AnyNode[] = [];
  pushChildren(stack, node);
  for (let n = stack.pop(); n; n = stack.pop()) {
    if ((n.type as string) === 'text') out += (n as Text).data;
    else pushChildren(stack, n);
  }
  return out;
}

/** Length of the text under a node without any whitespace (the boilerplate cleaners' measure). */
export function textLength(node: AnyNode): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  for (let x = stack.pop(); x; x = stack.pop()) {
    if ((x.type as string) !== 'text') {
      pushChildren(stack, x);
      continue;
    }
    const d = (x as Text).data;
    for (let i = 0; i < d.length; i++) {
      const c = d.charCodeAt(i);
      // Same set as /\s/: ASCII and Unicode spaces, line breaks, no-break space, BOM.
      if (!(c <= 32 ? c === 32 || (c >= 9 && c <= 13) : isUnicodeSpace(c))) n++;
    }
  }
  return n;
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function attr(el: Element, name: string): string | null {
  return el.attribs[name] ?? null;
}

/** Detaches a node from its parent (its own subtree stays intact, as DOM remove() does). */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node as (typeof parent.children)[number]);
  if (i >= 0) parent.children.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** The <body> (or the whole tree for a fragment without one) and the <html> element. */
export function bodyOf(dom: PageDom): AnyNode {
  return findElement(dom.root, (el) => el.name === 'body') ?? dom.root;
}

export function htmlElementOf(dom: PageDom): Element | null {
  return childElements(dom.root).find((el) => el.name === 'html') ?? null;
}

/** First element matching a CSS selector (throws on an invalid selector). */
export function selectFirst(dom: PageDom, selector: string, under?: AnyNode): Element | null {
  const found = under ? dom.$(under).find(selector) : dom.$(selector);
  const el = found[0];
  return el && isElement(el) ? el : null;
}

export function selectAll(dom: PageDom, selector: string, under: AnyNode): Element[] {
  return dom.$(under).find(selector).toArray().filter(isElement);
}
