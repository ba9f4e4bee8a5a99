// A judicial act as a downloadable document (our own layout): a heading, «Label: value» lines in the act's
// language, then the text. DOCX files are built at start-up with the docx package; PDFs are printed once by
// Chromium (generate-act-pdfs.ts) and committed in fixture/acts/, since printing needs a browser.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { PortalAct, PortalCase, PortalData } from './portal-fixture.ts';
import { UI_TEXT } from './ui-text.ts';

export const ACT_PDF_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixture', 'acts');

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const money = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The document's lines: heading, facts, text — in the case's own language, as courts write their acts. */
export function actDocumentLines(
  data: PortalData,
  c: PortalCase,
  act: PortalAct,
): { heading: string; facts: string[]; text: string[] } {
  const t = UI_TEXT[c.lang];
  const court = data.courts.find((x) => x.code === c.court);
  const facts = [
    `${t.court}: ${court?.name[c.lang] ?? ''}`,
    `${t.num}: ${c.number}`,
    `${t.actKind}: ${data.actKinds[act.kind][c.lang]}`,
    `${t.actDate}: ${dmy(act.date)}`,
    `${t.judge}: ${c.judge}`,
    `${t.hearingType}: ${act.closedHearing ? t.closedHearing : t.openHearing}`,
    `${t.outcome}: ${act.outcome}`,
  ];
  if (act.awardedAmountKzt !== null) facts.push(`${t.awarded}: ${money(act.awardedAmountKzt)} ${t.tenge}`);
  return { heading: data.actKinds[act.kind][c.lang].toUpperCase(), facts, text: [...act.text] };
}

export async function actDocx(data: PortalData, c: PortalCase, act: PortalAct): Promise<Buffer> {
  const { heading, facts, text } = actDocumentLines(data, c, act);
  const doc = new Document({
    creator: 'Soz Monitor court-portal imitation',
    sections: [
      {
        children: [
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          ...facts.map((f) => new Paragraph(f)),
          ...text.map((p) => new Paragraph(p)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The printable page Chromium turns into the act's PDF. */
export function actPrintHtml(data: PortalData, c: PortalCase, act: PortalAct): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const { heading, facts, text } = actDocumentLines(data, c, act);
  return `<!DOCTYPE html><html lang="${c.lang}"><head><meta charset="UTF-8"><style>body{font-family:serif;font-size:12pt;margin:2cm} h1{text-align:center;font-size:14pt} p{margin:0 0 6pt}</style></head><body><h1>${esc(heading)}</h1>${facts.map((f) => `<p>${esc(f)}</p>`).join('')}${text.map((p) => `<p>${esc(p)}</p>`).join('')}</body></html>`;
}

export function actPdfPath(act: PortalAct): string {
  return join(ACT_PDF_DIR, `${act.id}.pdf`);
}

/** The committed PDF of an act; a missing one names the command that prints it. */
export function readActPdf(act: PortalAct): Buffer {
  try {
    return readFileSync(actPdfPath(act));
  } catch (error) {
    throw new Error(
      `court-portal fixture: no PDF for act ${act.id} (${(error as Error).message}); run npx tsx imitation/court-portal/generate-act-pdfs.ts`,
    );
  }
}
