// Words with their character offsets, so that every match can be reported as an evidence span of the text.
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower-cased surface form. */
  readonly lower: string;
}

// Letters, combining marks and digits; inner hyphens and apostrophes keep "ddos-атака", "73-3", "oʻzbek" whole.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’ʻ][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = (m.index ?? 0) + offset;
    tokens.push({ start, end: start + m[0].length, lower: m[0].toLowerCase() });
  }
  return tokens;
}
