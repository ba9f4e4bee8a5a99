// Bytes → text. Where the charset comes from, in order:
//  1. a byte-order mark (it cannot be there by accident);
//  2. the HTTP Content-Type charset — unless the bytes contradict it: a body declared UTF-8 that is not
//     valid UTF-8 is decoded by the page's <meta> charset (or sniffed), and a body declared as a legacy
//     charset that is valid multi-byte UTF-8 is UTF-8. Servers are misconfigured far more often than
//     pages, and the bytes settle the disagreement;
//  3. <meta charset> or <meta http-equiv="Content-Type"> in the first bytes (same contradiction check);
//  4. sniffed: valid UTF-8 → UTF-8, else windows-1251 / KZ-1048 / PT154 by letter statistics (or
//     windows-1252 when the bytes do not look Cyrillic at all).
// A header "ISO-8859-1" (a common server default) over bytes that look Cyrillic counts as contradicted.
// A declared windows-1251 page whose Kazakh letters are typed as ќ ѕ ў … (font-hack, or KZ-1048 served as
// windows-1251) decodes as windows-1251 and normalizeText repairs the letters.
import iconv from 'iconv-lite';
import type { DecodedPage, RawPage } from '../../core/index.ts';
import { extractionConfig } from '../extract/extraction-config.ts';
import { canonicalCharset, charsetOfContentType } from './charset-name.ts';
import { isValidUtf8, looksCyrillicBytes, sniffLegacyCyrillic } from './sniff-charset.ts';

type Source = DecodedPage['charsetSource'];

function bomCharset(b: Uint8Array): { charset: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function metaCharset(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, extractionConfig().decode.metaPrescanBytes);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    // Covers both <meta charset="x"> and <meta http-equiv content="text/html; charset=x">.
    const declared = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    const name = canonicalCharset(declared);
    if (name) return name;
  }
  return null;
}

function decodeWith(bytes: Uint8Array, charset: string, skip = 0): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip);
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  return iconv.decode(buf, charset, { stripBOM: true });
}

/** Checks a declared charset against the bytes; returns the charset to use or null when contradicted. */
function confirm(declared: string, bytes: Uint8Array): string | null {
  const utf8 = isValidUtf8(bytes);
  if (declared === 'utf-8') return utf8.valid ? 'utf-8' : null;
  if (utf8.valid && utf8.multiByte && !declared.startsWith('utf-16')) return null;
  // "ISO-8859-1" is many servers' default, not a choice: Cyrillic bytes under it mean it is wrong.
  if (declared === 'windows-1252' && looksCyrillicBytes(bytes)) return null;
  return declared;
}

export function decodePage(raw: RawPage): DecodedPage {
  const bytes = raw.body;
  const bom = bomCharset(bytes);
  if (bom)
    return {
      raw,
      html: decodeWith(bytes, bom.charset, bom.length),
      charset: bom.charset,
      charsetSource: 'bom',
    };
  const header = canonicalCharset(charsetOfContentType(raw.headers['content-type']));
  const meta = metaCharset(bytes);
  const tried: [string | null, Source][] = [
    [header, 'header'],
    [meta, 'meta'],
  ];
  for (const [declared, source] of tried) {
    if (!declared) continue;
    const charset = confirm(declared, bytes);
    if (charset) return { raw, html: decodeWith(bytes, charset), charset, charsetSource: source };
  }
  const utf8 = isValidUtf8(bytes);
  if (utf8.valid && utf8.multiByte)
    return { raw, html: decodeWith(bytes, 'utf-8'), charset: 'utf-8', charsetSource: 'sniffed' };
  if (!utf8.valid) {
    const charset = looksCyrillicBytes(bytes)
      ? sniffLegacyCyrillic(bytes)
      : extractionConfig().decode.defaultCharset;
    return { raw, html: decodeWith(bytes, charset), charset, charsetSource: 'sniffed' };
  }
  // Pure ASCII: any ASCII-compatible charset gives the same text.
  return { raw, html: decodeWith(bytes, 'utf-8'), charset: 'utf-8', charsetSource: 'default' };
}
