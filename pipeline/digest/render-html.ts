// The draft as one self-contained HTML page: inline style and an inline SVG chart, nothing fetched. The only
// URLs are the sources' links, which a reader follows, not the page.

import type { DigestDocument } from './digest-document.ts';
import { renderChartSvg } from './render-chart-svg.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.header{color:#555;font-size:.9rem}.ongoing{color:#8a5a00;font-style:italic}.sources{font-size:.85rem;color:#444}
.explain{font-size:.85rem}.explain code{font-size:.8rem}figure{margin:1.5rem 0}`;

export function renderHtml(doc: DigestDocument, chart: { barWidth: number; height: number }): string {
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${esc(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<p class="header">${doc.header.map(esc).join('<br>')}</p>`,
    `<h1>${esc(doc.title)}</h1>`,
    `<p>${esc(doc.dateLine)}</p>`,
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`<h2>${esc(b.text)}</h2>`);
    else if (b.kind === 'paragraph') out.push(`<p>${esc(b.text)}</p>`);
    else if (b.kind === 'bullets') out.push(`<ul>${b.items.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`);
    else if (b.kind === 'items') {
      out.push('<ul class="items">');
      for (const it of b.items) {
        const date = it.date ? `<strong>${esc(it.date)}.</strong> ` : '';
        const note = it.ongoingNote ? ` <span class="ongoing">${esc(it.ongoingNote)}</span>` : '';
        const text = it.text
          .split(/\n+/)
          .map((p) => esc(p))
          .join('<br>');
        const sources = it.sources.length
          ? `<div class="sources">${esc(doc.sourcesLabel)}: ${it.sources
              .map((u, i) => `<a href="${esc(u)}" rel="noopener">${i + 1}</a>`)
              .join(', ')}</div>`
          : '';
        out.push(`<li id="${esc(it.id)}">${date}${text}${note}${sources}</li>`);
      }
      out.push('</ul>');
    } else out.push(`<figure>${renderChartSvg(doc.chart, chart)}</figure>`);
  }
  if (doc.explain) {
    out.push(`<h2>${esc(doc.explainHeading)}</h2>`, '<ul class="explain">');
    for (const l of doc.explain) {
      out.push(
        `<li>${esc(l.label)}: <strong>${l.value}</strong> — <code>${esc(l.ids.join(', ') || '∅')}</code></li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
