// Prints the PDF of every fixture act offered as a PDF into fixture/acts/<id>.pdf, with the Chromium the
// project uses (findChromium). Run after changing an act's text: npx tsx imitation/court-portal/generate-act-pdfs.ts
// A test checks that each committed PDF still reads back as its act (Cyrillic and Kazakh letters included).
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { findChromium } from '../../crawlers/index.ts';
import { ACT_PDF_DIR, actPdfPath, actPrintHtml } from './act-documents.ts';
import { loadPortalData } from './portal-fixture.ts';

const data = loadPortalData();
const found = await findChromium();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: [...found.args],
  headless: true,
});
try {
  mkdirSync(ACT_PDF_DIR, { recursive: true });
  const page = await browser.newPage();
  for (const c of data.cases) {
    for (const act of c.acts) {
      if (!act.formats?.includes('pdf')) continue;
      await page.setContent(actPrintHtml(data, c, act), { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false, tagged: false });
      writeFileSync(actPdfPath(act), pdf);
      console.log(`${actPdfPath(act)}: ${pdf.byteLength} bytes`);
    }
  }
} finally {
  await browser.close();
}
