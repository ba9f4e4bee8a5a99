// Feeds and sitemaps declare their charset in the HTTP header or the XML prolog (windows-1251 feeds of
// older Russian-language sites); HTML pages go through the pipeline's decodePage instead.
import iconv from 'iconv-lite';
import type { RawPage } from '../../core/index.ts';

export function decodeXml(page: RawPage, body: Uint8Array = page.body): string {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  const header = /charset=["']?([\w-]+)/i.exec(page.headers['content-type'] ?? '')?.[1];
  const prolog = /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(buf.subarray(0, 200).toString('latin1'))?.[1];
  const charset = (header ?? prolog ?? 'utf-8').toLowerCase();
  if (charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset))
    return buf.toString('utf8');
  return iconv.decode(buf, charset);
}
