// `npm run eval:classify [FILE]`: the classifier on a held-out dev set (config/dev/classify.jsonl by default;
// config/dev/classify-fresh.jsonl, classify-fresh2/3/4.jsonl and classify-articles.jsonl
// — full-length articles — as FILE; never trained on), with baselines, and language identification on
// config/dev/language.jsonl (or --language FILE, e.g. config/dev/language-blind.jsonl).
// config/dev/classify-blind.jsonl and language-blind.jsonl were written by an engineer who never saw the lexicons,
// the training texts or the model, as the closest we have to unseen text: measure on them, never tune on them.
// Add --errors to list every misclassified text, --json for the whole report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createClassifier,
  evaluateClassifier,
  evaluateLanguage,
  type LanguageSample,
  type Prf,
  readLabelledSet,
} from '../classifiers/index.ts';
import { CONFIG_DIR } from '../core/index.ts';
import { runRealEvaluation } from '../evaluation/index.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    language: { type: 'string' },
    errors: { type: 'boolean' },
    json: { type: 'boolean' },
    real: { type: 'boolean' },
    'previous-ref': { type: 'string', default: 'main' },
    // --real --part tuning: measure one part alone. The held-out part is measured at the start and end of a piece of
    // work; the fresh parts (FRESH_PARTS) only when named (--part fresh7), once, by the lead, at the end: a plain
    // --real skips them. --part fresh29,fresh30 measures each named part, then all of them pooled as one.
    part: { type: 'string' },
  },
});

if (options.real) {
  // The real-text dev set (git-ignored cache): measured here, never a CI floor.
  const code = runRealEvaluation({
    previousRef: options['previous-ref']!,
    errors: options.errors ?? false,
    part: options.part,
  });
  process.exit(code);
}
const file = positionals[0] ?? resolve(CONFIG_DIR, 'dev', 'classify.jsonl');
const items = readLabelledSet(file);
const classifier = createClassifier();
const report = evaluateClassifier(classifier, items);
const languageFile = options.language ?? resolve(CONFIG_DIR, 'dev', 'language.jsonl');
const samples = readFileSync(languageFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LanguageSample);
const language = evaluateLanguage(samples);

if (options.json) {
  console.log(JSON.stringify({ file, model: classifier.modelVersion, report, language }, null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  const row = (label: string, p: Prf) =>
    `  ${label.padEnd(22)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
  console.log(`dev set ${file}: ${report.size} texts; model ${classifier.modelVersion}`);
  for (const s of report.systems) {
    console.log(`\n${s.name}`);
    console.log(row('overall', s.overall));
    for (const [lang, p] of Object.entries(s.byLang)) console.log(row(`lang ${lang}`, p));
    for (const [tag, p] of Object.entries(s.byTag)) console.log(row(tag, p));
  }
  console.log(
    `\ntop category right: ${pct(report.topCategoryAccuracy)} of all true candidates, ${pct(report.topCategoryAccuracyFound)} of those found`,
  );
  console.log('\nper category (top category of texts judged candidates)');
  for (const [id, p] of Object.entries(report.categories)) console.log(row(id, p));
  console.log('\nconfusion (gold → predicted top category, true candidates found)');
  for (const [goldId, row] of Object.entries(report.confusion)) {
    console.log(
      `  ${goldId.padEnd(22)} ${Object.entries(row)
        .map(([k, n]) => `${k}:${n}`)
        .join('  ')}`,
    );
  }
  console.log(`\nlanguage identification (${languageFile}, ${samples.length} texts)`);
  for (const [kind, r] of Object.entries(language.byKind))
    console.log(`  ${kind.padEnd(22)} ${pct(r.accuracy)} (${r.right}/${r.total})`);
  for (const [v, r] of Object.entries(language.byVariety).sort())
    console.log(`    ${v.padEnd(28)} ${pct(r.accuracy)} (${r.right}/${r.total})`);
  if (options.errors) {
    console.log('\nclassification errors');
    for (const e of report.errors)
      console.log(`  ${e.id} gold ${e.gold} got ${e.got} (${e.score}) ${e.text.slice(0, 90)}`);
    console.log('\nlanguage errors');
    for (const e of language.errors)
      console.log(`  ${e.variety} ${e.kind} got ${e.got}: ${e.text.slice(0, 70)}`);
  }
}
