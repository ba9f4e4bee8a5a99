// HTML text → a linkedom Document (for Readability only; the rest of extraction reads page-dom.ts's tree).
// Neither linkedom nor htmlparser2 builds an implied <html> or <body> (a page that omits them, as old CMSs
// and fragments do, comes out without a body), so we add the missing tags before parsing, for both.
import { parseHTML } from 'linkedom';

export function ensureDocumentShape(html: string): string {
  let out = html;
  if (!/<body[\s>]/i.test(out)) {
    if (/<\/head\s*>/i.test(out)) out = out.replace(/<\/head\s*>/i, '</head><body>');
    else if (/<html[^>]*>/i.test(out)) out = out.replace(/<html[^>]*>/i, (tag) => `${tag}<body>`);
    else out = `<body>${out}`;
  }
  if (!/<html[\s>]/i.test(out)) out = `<html>${out.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
  return out;
}

export function parseDocument(html: string): Document {
  return parseHTML(ensureDocumentShape(html)).document as unknown as Document;
}
