// npm run eval:extract [-- --write PREDICTIONS.jsonl] [--dir BENCHMARK_DIR]
// Runs our extractor over the article-extraction benchmark (html/<id>.html + ground-truth.json) and prints
// F1, precision and recall in the benchmark's own metric (score.py, ported in extraction-score.ts), with
// Readability.js alone (over linkedom) as comparison rows, and pages/s of each measured in the same run.
// --write FILE also writes our predictions as JSON Lines for `python3 score.py ground-truth.json FILE`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { SHARED_DIR } from '../core/index.ts';
import { formatScore, scoreExtraction } from '../pipeline/extract/extraction-score.ts';
import { readabilityAlone } from '../pipeline/extract/generic-extractor.ts';
import { parseDocument } from '../pipeline/extract/parse-document.ts';
import { decodePage, extractArticle } from '../pipeline/index.ts';

export const BENCHMARK_DIR = resolve(SHARED_DIR, 'benchmarks', 'article-extraction');

export interface EvalRow {
  readonly name: string;
  readonly predictions: Map<string, string>;
  readonly pagesPerSecond: number;
}

export function loadBenchmark(dir = BENCHMARK_DIR): {
  truth: Map<string, string>;
  urls: Map<string, string>;
  html: Map<string, Buffer>;
} {
  const gt = JSON.parse(readFileSync(resolve(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const truth = new Map<string, string>();
  const urls = new Map<string, string>();
  const html = new Map<string, Buffer>();
  for (const [id, v] of Object.entries(gt)) {
    truth.set(id, v.articleBody ?? '');
    urls.set(id, v.url ?? `https://example.invalid/${id}`);
    html.set(id, readFileSync(resolve(dir, 'html', `${id}.html`)));
  }
  return { truth, urls, html };
}

/** Our extractor over every page: decode → extract; a rejected page predicts an empty body. */
export function runOurs(bench: ReturnType<typeof loadBenchmark>): EvalRow {
  const predictions = new Map<string, string>();
  const start = performance.now();
  for (const [id, body] of bench.html) {
    const url = bench.urls.get(id)!;
    const page = decodePage({
      sourceId: 'benchmark',
      url,
      finalUrl: url,
      status: 200,
      headers: {},
      body,
      fetchedAt: new Date(0).toISOString(),
    });
    const result = extractArticle(page, { sourceId: 'benchmark' });
    predictions.set(id, result.ok ? result.value.text : '');
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: 'soz extractor', predictions, pagesPerSecond: bench.html.size / seconds };
}

/**
 * Readability.js alone over linkedom: its content turned into paragraphs the same way as ours, or (the
 * usual way it is scored) its `textContent`, where words of adjacent blocks can run together.
 */
export function runReadability(
  bench: ReturnType<typeof loadBenchmark>,
  mode: 'paragraphs' | 'textContent',
): EvalRow {
  const predictions = new Map<string, string>();
  const start = performance.now();
  for (const [id, body] of bench.html) {
    const html = body.toString('utf8');
    if (mode === 'paragraphs') predictions.set(id, readabilityAlone(html));
    else predictions.set(id, new Readability(parseDocument(html)).parse()?.textContent ?? '');
  }
  const seconds = (performance.now() - start) / 1000;
  const name = mode === 'paragraphs' ? 'Readability (paras)' : 'Readability (text)';
  return { name, predictions, pagesPerSecond: bench.html.size / seconds };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { write: { type: 'string' }, dir: { type: 'string' }, 'no-baseline': { type: 'boolean' } },
  });
  const bench = loadBenchmark(values.dir ? resolve(values.dir) : BENCHMARK_DIR);
  const rows = [runOurs(bench)];
  if (!values['no-baseline'])
    rows.push(runReadability(bench, 'paragraphs'), runReadability(bench, 'textContent'));
  for (const row of rows) {
    const s = scoreExtraction(bench.truth, row.predictions);
    console.log(`${row.name.padEnd(22)} ${formatScore(s)} pages/s=${row.pagesPerSecond.toFixed(1)}`);
  }
  if (values.write) {
    const lines = [...rows[0]!.predictions].map(([id, text]) => JSON.stringify({ id, articleBody: text }));
    writeFileSync(values.write, `${lines.join('\n')}\n`);
    console.log(
      `predictions written to ${values.write} (check: python3 ${resolve(BENCHMARK_DIR, 'score.py')} ${resolve(BENCHMARK_DIR, 'ground-truth.json')} ${values.write})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
