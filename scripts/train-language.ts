// `npm run train:language`: trains the character n-gram profiles of every language variety from
// config/training/language/ (classifiers/train-language-model.ts) into config/model/language-ngrams.json, which
// is committed so that nothing trains at run time. It reads config/dev/language.jsonl only to refuse training
// lines that are also dev texts (the dev set must stay unseen; short headlines coincide easily).
// `npm run train:language -- --check` instead cross-validates on the training texts (five folds) and prints per
// variety how often the n-grams alone and the whole detectLanguage get the language right on held-out sentences,
// headlines (2–6 words) and the first two words of longer lines (harder than any headline: no verb, often no
// suffix): the figures the weights in config/lexicons/languages.json are tuned on, so the dev set stays unseen.
// `--weight=W` tries another ngramWeight; `--errors` lists what detectLanguage gets wrong.
// Usage: npm run train:language [-- OUT] | [-- --check [--weight=W] [--errors]]
import { writeFileSync } from 'node:fs';
import {
  crossValidate,
  DEFAULT_NGRAM_MODEL_PATH,
  devOverlap,
  LANGUAGE_SAMPLE_KINDS,
  languageVarieties,
  type Tally,
  trainLanguageModel,
} from '../classifiers/index.ts';

const weightArg = process.argv.find((a) => a.startsWith('--weight='));
const weight = weightArg ? Number(weightArg.slice('--weight='.length)) : undefined;
const all = languageVarieties();
const leaks = devOverlap(all);
if (leaks.length > 0) {
  console.error(`training lines that are dev texts (rephrase them):\n  ${leaks.join('\n  ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  const { byVariety, errors } = crossValidate(all, 5, weight);
  const pct = (t: Tally) =>
    `${(t.right / Math.max(1, t.total)).toFixed(3)} (${t.total - t.right}/${t.total})`.padEnd(17);
  console.log(
    `variety    n-grams alone: ${LANGUAGE_SAMPLE_KINDS.join(' / ')}          detectLanguage: ${LANGUAGE_SAMPLE_KINDS.join(' / ')}`,
  );
  for (const [name, t] of byVariety)
    console.log(
      `${name.padEnd(10)} ${LANGUAGE_SAMPLE_KINDS.map((k) => pct(t.ngram[k])).join(' ')} | ${LANGUAGE_SAMPLE_KINDS.map((k) => pct(t.full[k])).join(' ')}`,
    );
  if (process.argv.includes('--errors')) for (const e of errors) console.log(`  ${e}`);
} else {
  const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? DEFAULT_NGRAM_MODEL_PATH;
  const file = trainLanguageModel(all);
  const json = `${JSON.stringify(file)}\n`;
  writeFileSync(out, json);
  const grams = Object.values(file.profiles).reduce((n, p) => n + Object.keys(p.grams).length, 0);
  console.log(
    `${all.map((v) => `${v.name} ${v.lines.length}`).join(', ')} lines → ${grams} grams, ${Math.round(Buffer.byteLength(json) / 1024)} KB → ${out}`,
  );
}
