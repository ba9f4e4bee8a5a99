// The draft as a Word document, for analysts who edit in Word. The chart becomes a table of counts (Word
// has no inline SVG that every version shows).
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DigestDocument } from './digest-document.ts';

type Child = Paragraph | Table;

function chartTable(doc: DigestDocument): Child[] {
  const rows = doc.chart.series.filter((s) => s.values.some((v) => v > 0));
  if (rows.length === 0) return [];
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return [
    new Paragraph({ children: [new TextRun({ text: doc.chart.title, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ children: [cell(''), ...doc.chart.months.map((m) => cell(m.slice(0, 3), true))] }),
        ...rows.map(
          (s) => new TableRow({ children: [cell(s.name), ...s.values.map((v) => cell(String(v)))] }),
        ),
      ],
    }),
  ];
}

export async function renderDocx(doc: DigestDocument): Promise<Buffer> {
  const children: Child[] = [
    ...doc.header.map(
      (h) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: h, color: '555555' })],
        }),
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun(doc.dateLine)] }),
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
    } else if (b.kind === 'paragraph') {
      children.push(new Paragraph({ children: [new TextRun(b.text)] }));
    } else if (b.kind === 'bullets') {
      for (const t of b.items)
        children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] }));
    } else if (b.kind === 'items') {
      for (const it of b.items) {
        const runs: (TextRun | ExternalHyperlink)[] = [];
        if (it.date) runs.push(new TextRun({ text: `${it.date}. `, bold: true }));
        runs.push(new TextRun(it.text));
        if (it.ongoingNote) runs.push(new TextRun({ text: ` ${it.ongoingNote}`, italics: true }));
        children.push(new Paragraph({ bullet: { level: 0 }, children: runs }));
        if (it.sources.length > 0) {
          const links: (TextRun | ExternalHyperlink)[] = [
            new TextRun({ text: `${doc.sourcesLabel}: `, size: 18 }),
          ];
          it.sources.forEach((url, i) => {
            if (i > 0) links.push(new TextRun({ text: ', ', size: 18 }));
            links.push(
              new ExternalHyperlink({
                link: url,
                children: [new TextRun({ text: url, style: 'Hyperlink', size: 18 })],
              }),
            );
          });
          children.push(new Paragraph({ indent: { left: 720 }, children: links }));
        }
      }
    } else children.push(...chartTable(doc));
  }
  if (doc.explain) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(doc.explainHeading)] }),
    );
    for (const l of doc.explain) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun(`${l.label}: `),
            new TextRun({ text: String(l.value), bold: true }),
            new TextRun({ text: ` — ${l.ids.join(', ') || '∅'}`, size: 16 }),
          ],
        }),
      );
    }
  }
  const file = new Document({
    creator: 'Soz Monitor',
    title: doc.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}
