// domhandler tree → HTML text, for handing the pruned page to linkedom (Readability's DOM). Text keeps its
// characters (only &, <, > are escaped), unlike the entity-encoding serialisers, so Cyrillic pages do not
// grow sixfold on the way.
import { type AnyNode, type Element, isElement, type Text } from './page-dom.ts';

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style']);
// Attribute names htmlparser2 accepts but an HTML parser would read differently are left out.
const SAFE_NAME = /^[^\s"'<>/=]+$/;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function write(node: AnyNode, out: string[], raw: boolean): void {
  const type = node.type as string;
  if (type === 'text') {
    const data = (node as Text).data;
    out.push(raw ? data : escapeText(data));
    return;
  }
  if (type === 'root') {
    for (const child of (node as Element).children) write(child, out, false);
    return;
  }
  if (!isElement(node)) return;
  const el = node as Element;
  let open = `<${el.name}`;
  for (const name in el.attribs) {
    if (!SAFE_NAME.test(name)) continue;
    const value = el.attribs[name]!;
    open += value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`;
  }
  out.push(`${open}>`);
  if (VOID.has(el.name)) return;
  const rawText = RAW_TEXT.has(el.name);
  for (const child of el.children) write(child, out, rawText);
  out.push(`</${el.name}>`);
}

export function serializeHtml(node: AnyNode): string {
  const out: string[] = [];
  write(node, out, false);
  return out.join('');
}
