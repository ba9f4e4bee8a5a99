// `npm run bench:classify [-- --docs N] [--known-names N]`: documents per second on ~3-KB articles through detectLanguage +
// classify in one process, memory sampled along the way (flat means no leak), and a baseline run in the same
// process (franc + a keyword regex, the least any classifier does) so the figure reads as a ratio.

import { resolve } from 'node:path';
import { francAll } from 'franc';
import {
  createClassifier,
  knownPeople,
  knownPeopleCount,
  namePatterns,
  nameSpellings,
  readLabelledSet,
} from '../classifiers/index.ts';
import { CONFIG_DIR } from '../core/index.ts';

const argIndex = process.argv.indexOf('--docs');
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 100_000;
if (!Number.isInteger(total) || total < 100) throw new Error('--docs needs a whole number of at least 100');

// --known-names N: the classifier knows N journalists (ClassifierOptions.knownMedia, as a dataset of a few years
// gives it), each compiled in every script's spellings; synthetic names (roots × endings, every fifth stored in
// Latin script), so that the matcher's size and its compile time are those of a real deployment.
const namesIndex = process.argv.indexOf('--known-names');
const knownCount = namesIndex > 0 ? Number(process.argv[namesIndex + 1]) : 0;
if (!Number.isInteger(knownCount) || knownCount < 0) throw new Error('--known-names needs a whole number');
const ROOTS = [
  'Ахмет',
  'Сейтқали',
  'Бектур',
  'Жұмағали',
  'Нұрпейіс',
  'Тулеген',
  'Омар',
  'Қасым',
  'Серік',
  'Ержан',
];
const ROOTS2 = [
  'Абдрахман',
  'Исмаил',
  'Мукан',
  'Жақсылық',
  'Байтұрсын',
  'Сәтбай',
  'Құнанбай',
  'Айтмат',
  'Сүлеймен',
  'Тоқтар',
];
const ENDS = [
  'ов',
  'ова',
  'ев',
  'ева',
  'ин',
  'ина',
  'ұлы',
  'қызы',
  'беков',
  'бекова',
  'баев',
  'баева',
  'жанов',
  'жанова',
  'галиев',
  'галиева',
  'таев',
  'ханов',
  'алиев',
  'енко',
  'ский',
  'ская',
  'улин',
  'улина',
  'кенов',
];
const people: string[] = [];
for (const root of [...ROOTS, ...ROOTS2])
  for (const end of ENDS) if (people.length < knownCount) people.push(`Айгүл ${root}${end}`);
for (let i = 0; i < people.length; i += 5) people[i] = nameSpellings(people[i]!.toLowerCase())[2]!;
if (people.length < knownCount) throw new Error(`--known-names: at most ${ROOTS.length * 2 * ENDS.length}`);

// Articles of about 3 KB, built from the training texts (ru, kk, en) so every article differs in order and mix.
// As in a real news stream, most articles are not candidates: one in ten draws on the violation texts.
const labelled = readLabelledSet(resolve(CONFIG_DIR, 'training', 'base.jsonl'));
const negatives = labelled.filter((t) => !t.candidate).map((t) => t.text);
const positives = labelled.filter((t) => t.candidate).map((t) => t.text);
const ARTICLES = 500;
const articles: { title: string; text: string }[] = [];
let seed = 7;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
for (let a = 0; a < ARTICLES; a++) {
  const texts = a % 10 === 0 ? positives : negatives;
  const first = texts[next() % texts.length]!;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 3000) {
    // Mostly one language per article, as in real news.
    const p = texts[(texts.indexOf(first) + (next() % 40)) % texts.length]!;
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  articles.push({ title: first.split(' ').slice(0, 6).join(' '), text: paragraphs.join('\n\n') });
}
const meanBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / articles.length;

const known = knownPeople({ people, outlets: [] });
const knownTotals = knownPeopleCount(known);
let compileStart = performance.now();
// The watch list is always known (known-people.ts): "without names" is the classifier without it or a dataset.
createClassifier({ watchList: false });
const plainCompileMs = performance.now() - compileStart;
compileStart = performance.now();
const classifier = createClassifier(knownCount ? { knownMedia: { people, outlets: [] } } : {});
const compileMs = performance.now() - compileStart;
const KEYWORDS =
  /журналист|блогер|сми|тілші|бақ|суд|сот|блок|бұғат|иск|journalist|blogger|media|court|block|lawsuit/iu;

type Doc = { title: string; text: string };
const BLOCK = 500;

// Baseline and classifier alternate in blocks of BLOCK documents, so both see the same machine load (a shared CI
// box is never quiet); heap is sampled after a GC every fifth of the run.
function bench(n: number, baselineFn: (d: Doc) => unknown, classifierFn: (d: Doc) => unknown) {
  const time = { baseline: 0, classifier: 0, paired: 0 };
  const done = { baseline: 0, classifier: 0, paired: 0 };
  const heap: string[] = [];
  const doc = (i: number): Doc => {
    // Every document unique (a number in each paragraph), so no cache can remember a paragraph across articles.
    const a = articles[i % ARTICLES]!;
    return { title: `${a.title} ${i}`, text: a.text.replaceAll('\n\n', ` ${i}\n\n`) };
  };
  const baselineDocs = Math.min(n, 20_000);
  for (let i = 0; i < n; i += BLOCK) {
    const count = Math.min(BLOCK, n - i);
    const docs = Array.from({ length: count }, (_, k) => doc(i + k));
    let t = performance.now();
    for (const d of docs) classifierFn(d);
    const spent = performance.now() - t;
    time.classifier += spent;
    done.classifier += count;
    if (done.baseline < baselineDocs) {
      // The ratio compares the two over the same blocks, under the same load.
      time.paired += spent;
      done.paired += count;
      t = performance.now();
      for (const d of docs) baselineFn(d);
      time.baseline += performance.now() - t;
      done.baseline += count;
    }
    if (Math.floor((i + count) / (n / 5)) > Math.floor(i / (n / 5))) {
      globalThis.gc?.();
      heap.push(`${Math.round(process.memoryUsage().heapUsed / 1e6)}MB`);
    }
  }
  const rate = (k: 'baseline' | 'classifier' | 'paired') => done[k] / (time[k] / 1000);
  return { classifier: rate('classifier'), baseline: rate('baseline'), paired: rate('paired'), heap, done };
}

console.log(
  `articles: ${ARTICLES} distinct, mean ${Math.round(meanBytes)} bytes; model ${classifier.modelVersion}; gc ${globalThis.gc ? 'exposed' : 'not exposed (run with --expose-gc for steadier memory figures)'}`,
);
console.log(
  `known names: ${knownTotals.watched} watched + ${knownTotals.dataset} dataset people → ${namePatterns(known).length} name patterns; classifier built in ${compileMs.toFixed(0)} ms (${plainCompileMs.toFixed(0)} ms without the watch list or a dataset, after the first build warmed the caches; with no --known-names the default lexicons, built at start-up, are reused)`,
);
// Warm up (JIT, stem cache) before timing.
for (const a of articles)
  classifier.classify({ title: a.title, text: a.text, kind: 'news' }, classifier.detectLanguage(a.text));
const started = performance.now();
const result = bench(
  total,
  (d) => {
    francAll(d.text, { only: ['kaz', 'rus', 'eng'] });
    return KEYWORDS.test(d.text);
  },
  (d) => {
    const language = classifier.detectLanguage(`${d.title}\n\n${d.text}`);
    return classifier.classify({ title: d.title, text: d.text, kind: 'news' }, language).candidate;
  },
);
const rate = result.classifier;
const baseline = result.baseline;
console.log(
  `classifier  ${result.done.classifier} docs: ${Math.round(rate)} docs/s (wall ${((performance.now() - started) / 1000).toFixed(1)} s incl. baseline)`,
);
console.log(
  `baseline    ${result.done.baseline} docs: ${Math.round(baseline)} docs/s (franc over kaz/rus/eng + a keyword regex)`,
);
console.log(`heap after GC along the run: ${result.heap.join(' → ')}`);
console.log(
  `classifier / baseline over the same blocks: ${(result.paired / baseline).toFixed(2)}x; goal ≥ 1000 docs/s: ${rate >= 1000 ? 'met' : 'NOT met'}`,
);
