// Our own choice of the main block, tried before Readability: on a page that boilerplate removal has left
// with one element holding nearly all the paragraph text (the common case: <article>, a "story-body" div),
// that element is the story, and building a second DOM for Readability would only confirm it. Where the
// page is less clear-cut (paragraphs spread over several blocks, text outside <p>, link-heavy blocks), the
// answer is "unsure" (null) and the caller runs Readability as before.
import { extractionConfig } from './extraction-config.ts';
import {
  type AnyNode,
  childElements,
  type Element,
  forEachElement,
  isElement,
  textLength,
} from './page-dom.ts';
import { linkDensity, paragraphWeights } from './remove-boilerplate.ts';

/** Text in runs long enough to be paragraphs, outside <p> and outside links, under a node but not under `skip`. */
function looseText(node: AnyNode, skip: AnyNode, minRun: number): number {
  let n = 0;
  const walk = (x: AnyNode): void => {
    if (x === skip) return;
    if ((x.type as string) === 'text') {
      const len = textLength(x);
      if (len >= minRun) n += len;
      return;
    }
    if (!isElement(x) && (x.type as string) !== 'root') return;
    if (isElement(x) && (x.name === 'p' || x.name === 'a')) return;
    for (const c of (x as Element).children) walk(c);
  };
  walk(node);
  return n;
}

export function findMainBlock(body: AnyNode): Element | null {
  const cfg = extractionConfig().extract.mainBlock;
  const weight = paragraphWeights(body);
  const total = weight.get(body) ?? 0;
  if (total < cfg.minParagraphChars) return null;
  // Down from the body while one child still holds the required share of all paragraph text.
  let block: AnyNode = body;
  for (;;) {
    let next: Element | null = null;
    for (const child of childElements(block))
      if ((weight.get(child) ?? 0) >= total * cfg.minShare) {
        next = child;
        break;
      }
    if (!next || next.name === 'p') break;
    block = next;
  }
  if (block === body || !isElement(block)) return null;
  let paragraphs = 0;
  forEachElement(block, (el) => {
    if (el.name === 'p' && (weight.get(el) ?? 0) > 0) paragraphs++;
  });
  if (paragraphs < cfg.minParagraphs) return null;
  // Text inside the block but outside its paragraphs (lists, tables, captions, widgets) is where
  // Readability's finer cleaning earns its keep; text outside the block that reads like paragraphs means
  // the story is not all in it.
  const blockText = textLength(block);
  if (blockText > (weight.get(block) ?? 0) * (1 + cfg.maxOtherTextShare)) return null;
  if (looseText(body, block, cfg.looseRunChars) > total * cfg.maxLooseTextShare) return null;
  if (linkDensity(block) > cfg.maxLinkDensity) return null;
  return block;
}
