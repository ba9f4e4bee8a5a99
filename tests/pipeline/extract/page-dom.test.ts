// The shared page tree: the DOM helpers behave as the DOM calls they replace, and the serialiser hands
// the pruned tree to linkedom without changing it.
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../pipeline/extract/html-to-text.ts';
import {
  bodyOf,
  findElement,
  parsePage,
  removeNode,
  textContent,
  textLength,
} from '../../../pipeline/extract/page-dom.ts';
import { parseDocument } from '../../../pipeline/extract/parse-document.ts';
import { serializeHtml } from '../../../pipeline/extract/serialize-html.ts';

const PAGE = `<!doctype html><html lang="kk"><head><title>Сот &amp; баспасөз</title>
<meta property="og:title" content="Тілші &quot;Дала&quot; ісі"></head><body>
<div class="lead" data-x='a"b'>Әкімдік&nbsp;жауап <b>бермеді</b> &lt;ресми&gt;<br>екінші жол</div>
<!-- түсініктеме --><ul><li>бір</li><li>екі</li></ul><img src="/a.jpg" alt="">
<script>if (a < b && c) {}</script><p>Соңғы абзац</p></body></html>`;

describe('page tree', () => {
  it('gives textContent and whitespace-free length as the DOM does', () => {
    const dom = parsePage(PAGE);
    const lead = findElement(dom.root, (el) => el.attribs['class'] === 'lead')!;
    expect(textContent(lead)).toBe('Әкімдік\u00a0жауап бермеді <ресми>екінші жол');
    expect(textLength(lead)).toBe('Әкімдікжауапбермеді<ресми>екіншіжол'.length);
  });

  it('removes a node with its subtree and keeps the siblings linked', () => {
    const dom = parsePage('<body><p id="a">A</p><p id="b">B</p><p id="c">C</p></body>');
    const b = findElement(dom.root, (el) => el.attribs['id'] === 'b')!;
    removeNode(b);
    expect(textContent(bodyOf(dom))).toBe('AC');
    const a = findElement(dom.root, (el) => el.attribs['id'] === 'a')!;
    expect(a.next && 'attribs' in a.next ? a.next.attribs['id'] : null).toBe('c');
  });

  it('serialises to HTML that linkedom reads back to the same text and attributes', () => {
    const dom = parsePage(PAGE);
    const html = serializeHtml(dom.root);
    // Letters stay letters (no entity encoding of Cyrillic); markup characters in text stay escaped.
    expect(html).toContain('Әкімдік');
    expect(html).toContain('&lt;ресми&gt;');
    expect(html).not.toContain('түсініктеме');
    const doc = parseDocument(html);
    expect(doc.title).toBe('Сот & баспасөз');
    expect(doc.querySelector('meta')?.getAttribute('content')).toBe('Тілші "Дала" ісі');
    expect(doc.querySelector('.lead')?.getAttribute('data-x')).toBe('a"b');
    expect(doc.querySelector('script')?.textContent).toBe('if (a < b && c) {}');
    expect(htmlToText(parsePage(html).root)).toBe(htmlToText(dom.root));
  });

  it('turns the tree into paragraphs: blocks end one, <br> ends a line, scripts say nothing', () => {
    const dom = parsePage(PAGE);
    expect(htmlToText(bodyOf(dom))).toBe(
      'Әкімдік\u00a0жауап бермеді <ресми>\nекінші жол\n\nбір\n\nекі\n\nСоңғы абзац',
    );
  });
});
