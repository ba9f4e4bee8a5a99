// The heuristics of decoding, normalisation, dates and extraction are data (config/extraction.json); this
// file loads them once and checks their shape, naming the field at fault.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_DIR, inputError } from '../../core/index.ts';

export interface ExtractionConfig {
  readonly decode: {
    readonly defaultCharset: string;
    readonly aliases: Readonly<Record<string, string>>;
    readonly sniffCandidates: readonly string[];
    readonly metaPrescanBytes: number;
  };
  readonly normalize: {
    readonly fontHack: Readonly<Record<string, string>>;
    readonly kazakhLetters: string;
    readonly foreignOnlyLetters: string;
    readonly kazakhHackWords: readonly string[];
    readonly foreignWords: readonly string[];
    readonly latinToCyrillic: Readonly<Record<string, string>>;
    readonly removeChars: string;
  };
  readonly dates: {
    readonly timeZone: string;
    readonly offsetChange: { readonly at: string; readonly beforeHours: number; readonly afterHours: number };
    readonly months: Readonly<Record<string, number>>;
    readonly today: readonly string[];
    readonly yesterday: readonly string[];
    readonly dayBeforeYesterday: readonly string[];
    readonly ago: readonly string[];
    readonly units: Readonly<Record<'minute' | 'hour' | 'day' | 'week' | 'second', readonly string[]>>;
    readonly oneWords: readonly string[];
    readonly yearSuffixes: readonly string[];
  };
  readonly extract: {
    readonly minBodyChars: number;
    readonly minParagraphChars: number;
    readonly listingLinkedHeadings: number;
    readonly structuredMinShare: number;
    /**
     * A page the outlet lists as news keeps a body under minBodyChars; when the page shows this many times
     * minBodyChars of text, the short body is an extraction failure (noted on the item), not a brief.
     */
    readonly failedExtractionPageFactor: number;
    readonly boilerplatePatterns: readonly string[];
    readonly boilerplateKeepPatterns: readonly string[];
    readonly dropTags: readonly string[];
    readonly boilerplateTags: readonly string[];
    readonly boilerplateRoles: readonly string[];
    /** An element matching a boilerplate pattern is kept when it holds more than this share of the text. */
    readonly maxRemovableShare: number;
    readonly maxLinkDensity: number;
    readonly shortParagraphChars: number;
    readonly boilerplateLines: readonly string[];
    readonly boilerplatePrefixes: readonly string[];
    /** Headings of other-stories blocks ("More great stories", "Самые популярные …"), whole-line patterns. */
    readonly boilerplateHeadingPatterns: readonly string[];
    /** Words of share bars ("Whatsapp Facebook Pinterest"): a short line of only these is dropped. */
    readonly shareWords: readonly string[];
    readonly dateLabelWords: readonly string[];
    /** Class of embedded social posts (tweets, Instagram, Telegram): quoted content, kept. */
    readonly embeddedPostPattern: string;
    /** Class/id of elements that show the publication date as text. */
    readonly dateElementPattern: string;
    readonly boilerplateHeadings: readonly string[];
    /** When our own main-block choice is sure enough to skip Readability (main-block.ts). */
    readonly mainBlock: {
      /** Paragraph text (non-space characters) the page must have. */
      readonly minParagraphChars: number;
      /** Share of all paragraph text the block must hold. */
      readonly minShare: number;
      readonly minParagraphs: number;
      /** Text in the block outside its paragraphs, as a share of the paragraph text. */
      readonly maxOtherTextShare: number;
      /** A text run at least this long outside <p> and links reads as a paragraph … */
      readonly looseRunChars: number;
      /** … and such text outside the block, as a share of the paragraph text, makes the choice unsure. */
      readonly maxLooseTextShare: number;
      readonly maxLinkDensity: number;
    };
  };
}

export const EXTRACTION_CONFIG_PATH = resolve(CONFIG_DIR, 'extraction.json');

let cached: ExtractionConfig | undefined;

/** The extraction configuration, read and checked on first use. */
export function extractionConfig(): ExtractionConfig {
  cached ??= loadExtractionConfig(EXTRACTION_CONFIG_PATH);
  return cached;
}

export function loadExtractionConfig(path: string): ExtractionConfig {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw inputError(`${path}: cannot read extraction config: ${(error as Error).message}`);
  }
  const need = (obj: unknown, field: string, kind: 'object' | 'string' | 'number' | 'array'): unknown => {
    const parts = field.split('.');
    let v: unknown = obj;
    for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    const ok = kind === 'array' ? Array.isArray(v) : typeof v === kind && v !== null;
    if (!ok)
      throw inputError(`${path}: field "${field}" must be ${kind === 'array' ? 'an array' : `a ${kind}`}`);
    return v;
  };
  for (const f of [
    'decode.aliases',
    'normalize.fontHack',
    'normalize.latinToCyrillic',
    'dates.months',
    'dates.units',
  ])
    need(data, f, 'object');
  for (const f of [
    'extract.dateElementPattern',
    'decode.defaultCharset',
    'normalize.kazakhLetters',
    'normalize.foreignOnlyLetters',
  ])
    need(data, f, 'string');
  for (const f of [
    'extract.minBodyChars',
    'extract.listingLinkedHeadings',
    'extract.structuredMinShare',
    'extract.failedExtractionPageFactor',
    'decode.metaPrescanBytes',
  ])
    need(data, f, 'number');
  for (const f of [
    'decode.sniffCandidates',
    'normalize.kazakhHackWords',
    'normalize.foreignWords',
    'dates.today',
    'dates.yesterday',
    'dates.ago',
    'extract.boilerplatePatterns',
    'extract.dropTags',
    'extract.boilerplateTags',
    'extract.boilerplateRoles',
    'extract.boilerplateLines',
    'extract.boilerplatePrefixes',
    'extract.dateLabelWords',
    'extract.shareWords',
    'extract.boilerplateHeadings',
  ])
    need(data, f, 'array');
  for (const f of ['extract.maxRemovableShare', 'extract.maxLinkDensity', 'extract.shortParagraphChars'])
    need(data, f, 'number');
  for (const f of [
    'minParagraphChars',
    'minShare',
    'minParagraphs',
    'maxOtherTextShare',
    'looseRunChars',
    'maxLooseTextShare',
    'maxLinkDensity',
  ])
    need(data, `extract.mainBlock.${f}`, 'number');
  for (const field of [
    'boilerplatePatterns',
    'boilerplateKeepPatterns',
    'boilerplatePrefixes',
    'boilerplateHeadingPatterns',
  ]) {
    const patterns = need(data, `extract.${field}`, 'array') as unknown[];
    patterns.forEach((p, i) => {
      try {
        new RegExp(String(p), 'iu');
      } catch (error) {
        throw inputError(
          `${path}: extract.${field}[${i}] is not a valid pattern: ${(error as Error).message}`,
        );
      }
    });
  }
  return data as ExtractionConfig;
}
