import { createHash } from 'node:crypto';

/** The hash that decides whether a re-fetched item changed: title and text with whitespace folded. */
export function contentHash(title: string, text: string): string {
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(fold(title)).update('\n').update(fold(text)).digest('hex').slice(0, 32);
}
