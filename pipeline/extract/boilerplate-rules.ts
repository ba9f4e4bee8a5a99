// The compiled form of config/extraction.json's boilerplate rules, shared by the DOM and paragraph cleaners.
import { extractionConfig } from './extraction-config.ts';

export interface BoilerplateRules {
  readonly remove: RegExp;
  readonly keep: RegExp;
  readonly headings: ReadonlySet<string>;
  readonly headingPatterns: readonly RegExp[];
  readonly shareWords: ReadonlySet<string>;
  readonly lines: ReadonlySet<string>;
  readonly prefixes: readonly RegExp[];
  readonly dateWords: ReadonlySet<string>;
  readonly dropTags: string;
  readonly boilerplateTags: string;
  readonly roles: string;
}

let compiled: BoilerplateRules | undefined;

export function boilerplateRules(): BoilerplateRules {
  if (compiled) return compiled;
  const cfg = extractionConfig().extract;
  compiled = {
    remove: new RegExp(cfg.boilerplatePatterns.join('|'), 'i'),
    keep: new RegExp(cfg.boilerplateKeepPatterns.join('|'), 'i'),
    headings: new Set(cfg.boilerplateHeadings.map((h) => h.toLowerCase())),
    headingPatterns: cfg.boilerplateHeadingPatterns.map((p) => new RegExp(p, 'iu')),
    shareWords: new Set(cfg.shareWords.map((w) => w.toLowerCase())),
    lines: new Set(cfg.boilerplateLines.map((h) => h.toLowerCase())),
    prefixes: cfg.boilerplatePrefixes.map((p) => new RegExp(p, 'iu')),
    dateWords: new Set(cfg.dateLabelWords.map((w) => w.toLowerCase())),
    dropTags: cfg.dropTags.join(','),
    boilerplateTags: cfg.boilerplateTags.join(','),
    roles: cfg.boilerplateRoles.map((r) => `[role="${r}"]`).join(','),
  };
  return compiled;
}
