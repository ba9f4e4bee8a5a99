// Our own main-block choice (tried before Readability): taken only when one block clearly holds the story;
// "unsure" (null) sends the page to Readability.
import { describe, expect, it } from 'vitest';
import { findMainBlock } from '../../../pipeline/extract/main-block.ts';
import { bodyOf, parsePage } from '../../../pipeline/extract/page-dom.ts';
import { removeBoilerplate } from '../../../pipeline/extract/remove-boilerplate.ts';

const para = (n: number) =>
  `<p>Абзац ${n}: суд Уральска рассмотрел иск акимата к редакции газеты и отложил заседание на две недели, чтобы стороны представили документы.</p>`;
const paras = (k: number) => Array.from({ length: k }, (_, i) => para(i + 1)).join('\n');

function block(html: string) {
  const dom = parsePage(html);
  const body = bodyOf(dom);
  removeBoilerplate(body);
  return findMainBlock(body);
}

describe('findMainBlock', () => {
  it('takes the element that holds nearly all paragraph text, below the page chrome', () => {
    const el = block(`<html><body><header><nav><a href="/">Басты бет</a></nav></header>
      <main><div class="story-body" id="x">${paras(5)}</div></main>
      <aside><h3>Көп оқылған</h3><ul><li><a href="/a">Басқа жаңалық</a></li></ul></aside></body></html>`);
    expect(el?.attribs['id']).toBe('x');
  });

  it('is unsure when the paragraphs are spread over several blocks', () => {
    expect(block(`<body><div>${paras(3)}</div><div>${paras(3)}</div></body>`)).toBeNull();
  });

  it('is unsure when paragraph-like text stands outside the block, not in <p>', () => {
    const loose =
      'Ещё один абзац статьи, набранный без тега абзаца, внутри простого блока div на странице. '.repeat(4);
    expect(block(`<body><article>${paras(4)}</article><div>${loose}</div></body>`)).toBeNull();
    expect(block(`<body><article>${paras(4)}</article><div>Подпись</div></body>`)?.name).toBe('article');
  });

  it('is unsure when the block carries much text outside its paragraphs', () => {
    const table = `<table>${'<tr><td>Строка таблицы с цифрами 2020 года и названиями районов области</td></tr>'.repeat(8)}</table>`;
    expect(block(`<body><article>${paras(3)}${table}</article></body>`)).toBeNull();
    expect(block(`<body><article>${paras(3)}</article></body>`)?.name).toBe('article');
  });

  it('is unsure on short pages and on pages with few paragraphs', () => {
    expect(block(`<body><article>${paras(1)}</article></body>`)).toBeNull();
    expect(
      block(`<body><article><p>Коротко.</p><p>Очень коротко.</p><p>Всё.</p></article></body>`),
    ).toBeNull();
  });

  it('is unsure when the block is mostly links', () => {
    const links = Array.from(
      { length: 5 },
      (_, i) =>
        `<p><a href="/n/${i}">Суд Уральска рассмотрел иск акимата к редакции газеты и отложил заседание на две недели</a></p>`,
    ).join('');
    expect(block(`<body><section>${links}</section></body>`)).toBeNull();
    expect(block(`<body><section>${links.replace(/<\/?a[^>]*>/g, '')}</section></body>`)?.name).toBe(
      'section',
    );
  });
});
