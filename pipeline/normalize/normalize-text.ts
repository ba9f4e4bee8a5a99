// Text as every later stage expects it: NFC, font-hack Kazakh repaired, Latin look-alikes inside Cyrillic
// words folded, invisible characters dropped, spaces folded, lines trimmed; paragraphs separated by exactly
// one blank line (a single line break inside a paragraph is kept: verse, addresses).
import { extractionConfig } from '../extract/extraction-config.ts';
import { foldLookalikes } from './fold-lookalikes.ts';
import { repairFontHack } from './repair-font-hack.ts';

export interface NormalizeOptions {
  /**
   * Whether the text is Kazakh, when the caller knows better than the text itself (a short headline
   * of a Kazakh article carries too little evidence of its own). Default: judged from the text.
   */
  readonly kazakh?: boolean;
}

export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const remove = extractionConfig().normalize.removeChars;
  let t = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (remove) t = t.replace(new RegExp(`[${remove}]`, 'gu'), '');
  // Horizontal whitespace (tabs, no-break and other Unicode spaces) becomes one plain space.
  t = t.replace(/[^\S\n]+/gu, ' ');
  t = repairFontHack(t, options.kazakh);
  t = foldLookalikes(t);
  const paragraphs = t
    .split(/\n[ ]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((p) => p.length > 0);
  return paragraphs.join('\n\n').normalize('NFC');
}
