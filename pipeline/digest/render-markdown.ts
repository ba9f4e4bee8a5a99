// The draft as Markdown, the default: what an analyst pastes into the site's editor.
import type { DigestDocument, NarrativeItem } from './digest-document.ts';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Sources are validated as URLs on import; one that still does not parse is shown as it is.
    return url;
  }
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

function item(doc: DigestDocument, it: NarrativeItem): string {
  const date = it.date ? `**${escapeMd(it.date)}.** ` : '';
  const note = it.ongoingNote ? ` _${escapeMd(it.ongoingNote)}_` : '';
  const lines = [`- ${date}${escapeMd(it.text).replace(/\n+/g, '\n\n  ')}${note}`];
  if (it.sources.length > 0) {
    lines.push(
      `  ${doc.sourcesLabel}: ${it.sources.map((u) => `[${escapeMd(hostOf(u))}](<${u}>)`).join(', ')}`,
    );
  }
  return lines.join('\n\n');
}

function chartTable(doc: DigestDocument): string {
  const rows = doc.chart.series.filter((s) => s.values.some((v) => v > 0));
  if (rows.length === 0) return '';
  const head = `| | ${doc.chart.months.join(' | ')} |`;
  const rule = `|---|${doc.chart.months.map(() => '---:').join('|')}|`;
  const body = rows.map((s) => `| ${escapeMd(s.name)} | ${s.values.join(' | ')} |`);
  return [`**${escapeMd(doc.chart.title)}**`, '', head, rule, ...body].join('\n');
}

export function renderMarkdown(doc: DigestDocument): string {
  const out: string[] = [
    doc.header.map(escapeMd).join('  \n'),
    `# ${escapeMd(doc.title)}`,
    escapeMd(doc.dateLine),
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`## ${escapeMd(b.text)}`);
    else if (b.kind === 'paragraph') out.push(escapeMd(b.text));
    else if (b.kind === 'bullets') out.push(b.items.map((t) => `- ${escapeMd(t)}`).join('\n'));
    else if (b.kind === 'items') out.push(b.items.map((it) => item(doc, it)).join('\n\n'));
    else {
      const table = chartTable(doc);
      if (table) out.push(table);
    }
  }
  if (doc.explain) {
    out.push(`## ${escapeMd(doc.explainHeading)}`);
    out.push(
      doc.explain
        .map((l) => `- ${escapeMd(l.label)}: **${l.value}** — ${l.ids.length ? l.ids.join(', ') : '∅'}`)
        .join('\n'),
    );
  }
  return `${out.join('\n\n')}\n`;
}
