// MinHash over word shingles: a fixed-size signature whose agreement rate estimates the Jaccard similarity
// of two texts' shingle sets, so that a new item is compared with stored tasks without their texts.

/** FNV-1a, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit avalanche mix (murmur3's finaliser): one independent-looking hash per seed. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: number[] = [];
function seed(i: number): number {
  while (SEEDS.length <= i) SEEDS.push(mix(0x9e3779b9 * (SEEDS.length + 1)));
  return SEEDS[i]!;
}

export function wordShingles(tokens: readonly string[], size: number): Set<string> {
  const out = new Set<string>();
  if (tokens.length === 0) return out;
  if (tokens.length < size) {
    out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  return out;
}

export function minhashSignature(shingles: ReadonlySet<string>, size: number): number[] {
  const sig = new Array<number>(size).fill(0xffffffff);
  for (const s of shingles) {
    const base = fnv1a(s);
    for (let i = 0; i < size; i++) {
      const h = mix(base ^ seed(i));
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The share of positions where two signatures agree; 0 when either is empty or their sizes differ. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / a.length;
}
