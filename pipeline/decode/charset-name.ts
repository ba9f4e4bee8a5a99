// Charset labels as servers and pages write them ("cp1251", "KZ-1048", "PTCP154") mapped to the names
// iconv-lite knows; unknown labels give null so the caller falls back to the next source of truth.
import iconv from 'iconv-lite';
import { extractionConfig } from '../extract/extraction-config.ts';

export function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!l) return null;
  const name = extractionConfig().decode.aliases[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type value, if any. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m?.[1] ?? null;
}
