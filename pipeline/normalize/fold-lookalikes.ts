// The normalise stage's look-alike folding (core/fold-latin-lookalikes.ts) with config/extraction.json's map.
import { foldLatinLookalikes } from '../../core/index.ts';
import { extractionConfig } from '../extract/extraction-config.ts';

export function foldLookalikes(text: string): string {
  return foldLatinLookalikes(text, extractionConfig().normalize.latinToCyrillic);
}
