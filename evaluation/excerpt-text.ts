// Text of the real dev set as the search tool returns it, made comparable across machines: Unicode NFC, runs of
// spaces (non-breaking ones included) as one space, any run of whitespace holding a line break as one "\n".
// Offsets and hashes in the manifest refer to this form, so a re-fetched answer that differs only in spacing
// still rebuilds the same excerpt.
import { createHash } from 'node:crypto';

export function normalizeExcerptText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[^\S\n]*\n\s*/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The file name of a saved search answer: the first 16 hex digits of the query's sha256. */
export function queryHash(query: string): string {
  return sha256(query).slice(0, 16);
}
