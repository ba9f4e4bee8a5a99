// DOM → plain text with paragraphs: block elements end a paragraph (blank line), <br> ends a line,
// inline whitespace is folded. Works on linkedom nodes (the DOM subset every parser we use provides).

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

interface MinimalNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<MinimalNode>;
}

export function htmlToText(root: MinimalNode): string {
  const parts: string[] = [];
  const walk = (node: MinimalNode): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    // Table cells sit side by side: a space is enough between them.
    const sep = tag === 'td' || tag === 'th' ? ' ' : '\n\n';
    if (block) parts.push(sep);
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!);
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
