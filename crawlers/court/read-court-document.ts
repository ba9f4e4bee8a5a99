// A judicial act as the portal sends it: a PDF, a DOCX, a legacy DOC or an HTML page. The format is told by
// the bytes (not by the address or the declared type, which portals get wrong); the text comes from
// maintained libraries — unpdf (PDF.js) and mammoth — never from a parser of our own. The original's
// SHA-256 and size are kept, so a reviewer can tell which file a decision was read from.
import { createHash } from 'node:crypto';
import type { CourtDocument } from '../../core/index.ts';

export type DocumentFormat = CourtDocument['format'];

export interface ReadDocument {
  readonly format: DocumentFormat;
  readonly sha256: string;
  readonly bytes: number;
  /** The document's text, lines separated by \n; null when the format cannot be read. */
  readonly text: string | null;
  /** The page itself, when the portal answered with HTML (an act view, a captcha, an error). */
  readonly html: string | null;
  /** Why there is no text. */
  readonly problem: string | null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The format by magic bytes; the declared content type only breaks the tie for text. */
export function sniffFormat(bytes: Uint8Array, contentType = ''): DocumentFormat {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  if (head.toString('hex') === 'd0cf11e0a1b11ae1') return 'doc';
  const start = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<\?xml|<head|<body|<div|<form)/.test(start) || /html/.test(contentType))
    return 'html';
  return 'unknown';
}

/** PDF text, page by page, with the lines PDF.js reports (items ending a line). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { items } = await extractTextItems(pdf);
    return items.map((page) => page.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('')).join('\n');
  } finally {
    await pdf.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value;
}

/** Reads a downloaded act. Never throws on bad bytes: a damaged file is a `problem`, reported by the caller. */
export async function readCourtDocument(bytes: Uint8Array, contentType = ''): Promise<ReadDocument> {
  const format = sniffFormat(bytes, contentType);
  const base = { format, sha256: sha256(bytes), bytes: bytes.byteLength };
  try {
    if (format === 'pdf') return { ...base, text: await pdfText(bytes), html: null, problem: null };
    if (format === 'docx') return { ...base, text: await docxText(bytes), html: null, problem: null };
    if (format === 'html')
      return { ...base, text: null, html: Buffer.from(bytes).toString('utf8'), problem: null };
    if (format === 'doc')
      return {
        ...base,
        text: null,
        html: null,
        problem:
          'a legacy Word .doc (OLE) file: no maintained reader is installed; the original is kept by hash',
      };
    return {
      ...base,
      text: null,
      html: null,
      problem: `not a PDF, DOCX, DOC or HTML file (${contentType || 'no type'})`,
    };
  } catch (error) {
    return { ...base, text: null, html: null, problem: `damaged ${format}: ${(error as Error).message}` };
  }
}
