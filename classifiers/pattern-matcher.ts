// Phrase patterns over tokens: "закрыт* судебн* заседани*" — words matched exactly or by prefix (a trailing *),
// with ".." letting up to GAP other words stand between two neighbours. Patterns are indexed by their first word
// so that matching a 3-KB article costs a few map look-ups per token.
import type { Token } from './tokenize.ts';

const GAP = 3;
/** Distinct words whose starting patterns a matcher remembers before it starts afresh. */
const START_CACHE = 50_000;

interface Part {
  readonly text: string;
  readonly prefix: boolean;
  /** Other words allowed before this part (0, or GAP after a ".."). */
  readonly gap: number;
}

export interface Pattern<T> {
  readonly source: string;
  readonly parts: readonly Part[];
  readonly value: T;
}

export interface PatternMatch<T> {
  readonly pattern: Pattern<T>;
  /** Index of the first and one past the last token. */
  readonly from: number;
  readonly to: number;
}

export interface Matcher<T> {
  readonly size: number;
  /** Every match, in token order; `words` are the forms to compare (lower-cased, transliterated or folded). */
  match(words: readonly string[]): PatternMatch<T>[];
}

export function parsePattern<T>(
  source: string,
  value: T,
  normalise: (w: string) => string = (w) => w,
): Pattern<T> {
  const parts: Part[] = [];
  let gap = 0;
  for (const raw of source.trim().toLowerCase().split(/\s+/)) {
    if (raw === '..') {
      gap = GAP;
      continue;
    }
    const prefix = raw.endsWith('*');
    const text = normalise(prefix ? raw.slice(0, -1) : raw);
    if (!text) throw new Error(`pattern "${source}": empty word`);
    parts.push({ text, prefix, gap });
    gap = 0;
  }
  if (parts.length === 0) throw new Error(`pattern "${source}" has no words`);
  return { source, parts, value };
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  readonly patterns: Pattern<T>[];
}

export function createMatcher<T>(patterns: readonly Pattern<T>[]): Matcher<T> {
  const exact = new Map<string, Pattern<T>[]>();
  // First words that are prefixes live in a character trie: one walk along the word finds all of them.
  const root: TrieNode<T> = { next: new Map(), patterns: [] };
  for (const p of patterns) {
    const first = p.parts[0]!;
    if (!first.prefix) {
      exact.set(first.text, [...(exact.get(first.text) ?? []), p]);
      continue;
    }
    let node = root;
    for (const ch of first.text) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), patterns: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.patterns.push(p);
  }

  function partMatches(part: Part, word: string): boolean {
    return part.prefix ? word.startsWith(part.text) : word === part.text;
  }

  function rest(p: Pattern<T>, words: readonly string[], at: number, partIndex: number): number {
    if (partIndex === p.parts.length) return at;
    const part = p.parts[partIndex]!;
    for (let skip = 0; skip <= part.gap && at + skip < words.length; skip++) {
      if (partMatches(part, words[at + skip]!)) {
        const end = rest(p, words, at + skip + 1, partIndex + 1);
        if (end >= 0) return end;
      }
    }
    return -1;
  }

  // The patterns a word can start, remembered per word: news vocabulary repeats, so most tokens are answered by
  // one map look-up instead of a walk down the trie. Bounded so that a long-running crawl keeps flat memory.
  const NONE: readonly Pattern<T>[] = [];
  const starts = new Map<string, readonly Pattern<T>[]>();
  function startsOf(w: string): readonly Pattern<T>[] {
    const known = starts.get(w);
    if (known) return known;
    let found: Pattern<T>[] | undefined;
    const e = exact.get(w);
    if (e) found = [...e];
    let node: TrieNode<T> | undefined = root;
    for (let c = 0; c < w.length && node; c++) {
      node = node.next.get(w[c]!);
      if (!node) break;
      if (node.patterns.length) found = found ? [...found, ...node.patterns] : [...node.patterns];
    }
    const result = found ?? NONE;
    if (starts.size >= START_CACHE) starts.clear();
    starts.set(w, result);
    return result;
  }

  return {
    size: patterns.length,
    match(words) {
      const out: PatternMatch<T>[] = [];
      for (let i = 0; i < words.length; i++) {
        for (const p of startsOf(words[i]!)) {
          const end = rest(p, words, i + 1, 1);
          if (end >= 0) out.push({ pattern: p, from: i, to: end });
        }
      }
      return out;
    },
  };
}

/** The character span of a match in the text its tokens came from. */
export function matchSpan(
  tokens: readonly Token[],
  m: { from: number; to: number },
): { start: number; end: number } {
  return { start: tokens[m.from]!.start, end: tokens[m.to - 1]!.end };
}
