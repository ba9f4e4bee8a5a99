// DOM → plain text with paragraphs: block elements end a paragraph (blank line), <br> ends a line,
// inline whitespace is folded.
import { type AnyNode, type Element, isElement, type Text } from './page-dom.ts';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'center',
  'form',
  'fieldset',
  'legend',
  'option',
  'td',
  'th',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'object',
  'select',
]);

export function htmlToText(root: AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    const type = node.type as string;
    if (type === 'text') {
      parts.push((node as Text).data.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (type !== 'root' && !isElement(node)) return;
    const tag = type === 'root' ? '' : (node as Element).name;
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    // Table cells sit side by side: a space is enough between them.
    const sep = tag === 'td' || tag === 'th' ? ' ' : '\n\n';
    if (block) parts.push(sep);
    for (const child of (node as Element).children) walk(child);
    if (block) parts.push(sep);
  };
  walk(root);
  return parts
    .join('')
    .split(/\n[ ]*\n[\s]*/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/ +/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}
