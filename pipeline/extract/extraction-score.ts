// The article-extraction benchmark's metric, ported line by line from its score.py so that our figure and
// score.py's agree: tokens are \w+ runs (Python's Unicode \w: letters, digits, underscore); each page's
// 4-token shingles are compared as multisets; TP/FP/FN are normalised per page; precision and recall are
// means over the pages where they are defined; F1 is their harmonic mean.

// Python's str \w is isalnum() or "_": letters (L*) and characters with a numeric value (N*). Combining
// marks are not word characters there, so they are not here either.
const TOKEN = /[\p{L}\p{N}_]+/gu;

type Counts = readonly [tp: number, fp: number, fn: number];

function shingles(text: string, n = 4): Map<string, number> {
  const t = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  const last = Math.max(1, t.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = t.slice(i, i + n);
    if (s.length === 0) continue;
    // \u0001 cannot occur inside a \w token, so joining keeps tuples distinct.
    const key = s.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function pageCounts(truth: string, predicted: string): Counts {
  const a = shingles(truth);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function prec([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function rec([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface ExtractionScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly pages: number;
  readonly missing: number;
}

/** Scores predictions (id → body text) against the ground truth (id → body text). */
export function scoreExtraction(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): ExtractionScore {
  const counts = [...truth].map(([id, body]) => pageCounts(body, predicted.get(id) ?? ''));
  const ps = counts.filter((c) => c[0] + c[1] > 0).map(prec);
  const rs = counts.filter((c) => c[0] + c[2] > 0).map(rec);
  const precision = ps.length ? ps.reduce((x, y) => x + y, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((x, y) => x + y, 0) / rs.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const missing = [...truth.keys()].filter((id) => !predicted.has(id)).length;
  return { f1, precision, recall, pages: truth.size, missing };
}

/** The same one-line summary score.py prints. */
export function formatScore(s: ExtractionScore): string {
  return `f1=${s.f1.toFixed(3)} precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)} pages=${s.pages} missing=${s.missing}`;
}
