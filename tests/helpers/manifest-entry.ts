// A real dev set manifest entry for tests: the fields every entry needs, with a distinct id, address and hash
// per number; the test sets what it is about (label, part, language) through `over`.
import type { ManifestEntry } from '../../evaluation/real-dev-manifest.ts';

const hex = (n: number) => n.toString(16).padStart(64, '0');

export function manifestEntry(i: number, over: Partial<ManifestEntry>, name = 'fixture'): ManifestEntry {
  return {
    id: `real-${name}${i}`,
    url: `https://example.test/${name}/${i}`,
    query: 'fixture query',
    rank: 1,
    start: 0,
    end: 10,
    sha256: hex(i),
    lang: 'ru',
    script: 'cyrl',
    kind: 'paragraph',
    source: 'news',
    candidate: false,
    category: null,
    alsoFits: null,
    labeller: 'test',
    reason: 'fixture',
    ...over,
  };
}
