// `npm run calibrate:real`: refits the candidate decision's combiner and line per language on the real dev set's
// spent parts (classifiers/calibrate-combiner.ts) and, with --write, stores the calibration in the model file.
// It first measures what a calibration is worth on text it was not fitted on: each spent part in turn is left out,
// the rest calibrates, and the part left out is decided both ways (--cv prints it); a language whose figures do
// not gain keeps the model's own combiner. Only SPENT_PARTS are read: a withheld part that has not
// been measured yet (docs/real-dev-set.md) never enters a fit. Absent cache: a clear message, nothing written.
import { writeFileSync } from 'node:fs';
import {
  CALIBRATED_LANGS,
  type Calibration,
  calibrate,
  calibratePriors,
  combinerScore,
  createClassifier,
  DEFAULT_MODEL_PATH,
  type DecisionRow,
  decisionLine,
  loadModel,
  type ModelFile,
  type RankingRow,
  topOneHits,
} from '../classifiers/index.ts';
import { loadRealSet } from './evaluate-real.ts';
import { MANIFEST_PATH, readManifest } from './real-dev-manifest.ts';
import { EXCERPTS_PATH } from './search-answers.ts';

/**
 * Parts measured and read already, which may be tuned on: the split's two and every fresh part after its one
 * measurement. A new fresh part joins only after its own measurement at the end of the session that gathered it.
 */
export const SPENT_PARTS: readonly string[] = [
  'tuning',
  'heldout',
  'fresh',
  'fresh2',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
  'fresh8',
  'fresh9',
  'fresh10',
  'fresh11',
  'fresh12',
  'fresh13',
  'fresh14',
  'fresh15',
  'fresh16',
  'fresh17',
  'fresh18',
  'fresh19',
  'fresh20',
  'fresh21',
  'fresh22',
  'fresh23',
  'fresh24',
  'fresh25',
  'fresh26',
  'fresh27',
  'fresh28',
  'fresh29',
  'fresh30',
  'fresh31',
  'fresh32',
  'fresh33',
  'fresh34',
  'fresh35',
  'fresh36',
  'fresh37',
  'fresh38',
  'fresh39',
  'fresh40',
  'fresh41',
  'fresh42',
  'fresh43',
  'fresh44',
  'fresh45',
  'fresh46',
  'fresh47',
  'fresh48',
  'fresh49',
  'fresh50',
  'fresh51',
  'fresh52',
];

export interface CalibrateOptions {
  readonly manifestPath?: string;
  readonly excerptsPath?: string;
  readonly modelPath?: string;
  readonly cv?: boolean;
  readonly write?: boolean;
  readonly log?: (line: string) => void;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** The least leave-one-part-out F1 gain for which a language's calibration is kept. */
const MIN_GAIN = 0.005;

const f3 = (x: number) => x.toFixed(3);
const f1 = (t: Tally) => (t.tp === 0 ? 0 : (2 * t.tp) / (2 * t.tp + t.fp + t.fn));
function line(label: string, t: Tally): string {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  return `${label.padEnd(24)} P ${f3(p)}  R ${f3(r)}  F1 ${f3(f1(t))}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
}

function tally(rows: readonly DecisionRow[], decide: (r: DecisionRow) => boolean): Tally {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) {
    const yes = r.gate && decide(r);
    if (yes && r.violation) t.tp++;
    else if (yes) t.fp++;
    else if (r.violation) t.fn++;
  }
  return t;
}

/** Whether a row is a candidate under a calibration (undefined: the model's combiner and classifier.json's line). */
function decider(model: ModelFile, threshold: number) {
  return (c: Calibration | undefined) => (r: DecisionRow) => {
    const d = decisionLine(c, r.lang, model.combiner, threshold);
    return combinerScore(d.combiner, r.inputs) >= d.threshold;
  };
}

export function calibrateOnReal(threshold: number, options: CalibrateOptions = {}): number {
  const log = options.log ?? ((l: string) => console.log(l));
  const excerptsPath = options.excerptsPath ?? EXCERPTS_PATH;
  const modelPath = options.modelPath ?? DEFAULT_MODEL_PATH;
  const set = loadRealSet(readManifest(options.manifestPath ?? MANIFEST_PATH), excerptsPath);
  if (!set) {
    log(
      `real dev set: cache absent (${excerptsPath}); nothing calibrated. Rebuild it with \`npm run real-dev -- build\` (docs/real-dev-set.md).`,
    );
    return 0;
  }
  const model = loadModel(modelPath);
  // The rows do not depend on any combiner: the model file's own tables and the lexicons make them.
  const classifier = createClassifier({ model: { ...model, calibration: undefined } });
  const items = set.items.filter((t) => SPENT_PARTS.includes(t.part));
  const rows = new Map<string, DecisionRow[]>();
  // Violations with what their ranking reads, beside their decision rows (for the category priors).
  const ranking = new Map<string, { row: DecisionRow; rank: RankingRow }[]>();
  for (const t of items) {
    const input = { title: '', text: t.text, kind: 'news' as const };
    const language = classifier.detectLanguage(t.text);
    const trace = classifier.decisionTrace(input, language);
    const row: DecisionRow = {
      lang: trace.lang,
      inputs: trace.inputs,
      gate: trace.gate,
      violation: t.candidate,
    };
    rows.set(t.part, [...(rows.get(t.part) ?? []), row]);
    if (trace.rankingInputs && t.candidate && t.category)
      ranking.set(t.part, [
        ...(ranking.get(t.part) ?? []),
        { row, rank: { inputs: trace.rankingInputs, gold: t.category } },
      ]);
  }
  const all = [...rows.values()].flat();
  log(`real dev set: ${all.length} excerpts of the spent parts (${SPENT_PARTS.join(', ')})`);
  const decideWith = decider(model, threshold);
  const decide = { model: decideWith(undefined), calibrated: decideWith };
  // Leave one part out: each spent part is decided by a calibration fitted on the others. A language keeps its
  // calibration only when this says it generalises (F1 up by at least MIN_GAIN on the parts left out); otherwise it
  // keeps the model's combiner and line, and the run says so.
  const before = new Map<string, Tally>();
  const after = new Map<string, Tally>();
  const add = (m: Map<string, Tally>, k: string, t: Tally) => {
    const o = m.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    m.set(k, { tp: o.tp + t.tp, fp: o.fp + t.fp, fn: o.fn + t.fn });
  };
  for (const [part, held] of rows) {
    const fitted = calibrate(
      [...rows].filter(([p]) => p !== part).flatMap(([, r]) => r),
      `spent parts without ${part}`,
    );
    for (const lang of [...CALIBRATED_LANGS, 'all']) {
      const r = lang === 'all' ? held : held.filter((x) => x.lang === lang);
      add(before, lang, tally(r, decide.model));
      add(after, lang, tally(r, decide.calibrated(fitted)));
    }
  }
  if (options.cv) {
    log('leave one part out: calibrated on the other spent parts, decided on the part left out');
    for (const lang of [...CALIBRATED_LANGS, 'all']) {
      log(line(`${lang} model's combiner`, before.get(lang)!));
      log(line(`${lang} calibrated`, after.get(lang)!));
    }
  }
  const generalises = new Set(
    CALIBRATED_LANGS.filter((lang) => f1(after.get(lang)!) >= f1(before.get(lang)!) + MIN_GAIN),
  );
  const fitted = calibrate(
    all,
    `real dev set, spent parts ${SPENT_PARTS.join(', ')} (${all.length} excerpts), model ${model.version}`,
  );
  const decisions: Calibration = {
    fittedOn: fitted.fittedOn,
    byLang: Object.fromEntries(
      Object.entries(fitted.byLang).filter(([lang]) => generalises.has(lang as never)),
    ),
  };
  for (const lang of CALIBRATED_LANGS.filter((l) => !generalises.has(l)))
    log(`${lang}: keeps the model's combiner (leave-one-part-out F1 gained less than ${MIN_GAIN})`);
  // The ranking's priors, judged the same way: each part ranked under priors fitted on the others. Only the
  // violations the calibrated decision finds are ranked (a miss has no first category to get right); the share is
  // of all the parts' violations, as eval:classify counts top-1.
  const found = (part: string) =>
    (ranking.get(part) ?? [])
      .filter((x) => x.row.gate && decide.calibrated(decisions)(x.row))
      .map((x) => x.rank);
  let plain = 0;
  let withPriors = 0;
  let violations = 0;
  for (const part of rows.keys()) {
    const held = found(part);
    violations += (rows.get(part) ?? []).filter((r) => r.violation).length;
    plain += topOneHits(held);
    withPriors += topOneHits(
      held,
      calibratePriors([...rows.keys()].filter((p) => p !== part).flatMap(found)),
    );
  }
  // A category model that learnt these very parts (train:model -- --real) ranks them in-sample: a prior's gain
  // measured on that ranking says nothing of text it has not seen, so none is fitted.
  const rankingInSample = (model.examples.real ?? 0) > 0;
  const priorsGeneralise = !rankingInSample && withPriors >= plain + MIN_GAIN * violations;
  log(
    rankingInSample
      ? `ranking: the category model learnt ${model.examples.real} violations of these parts (train:model -- --real), so its ranking of them is in-sample; no category priors fitted`
      : `ranking, leave one part out: top-1 ${f3(plain / violations)} → ${f3(withPriors / violations)} with category priors (${plain} → ${withPriors} of ${violations} violations)${priorsGeneralise ? '' : `; gain under ${MIN_GAIN}: no priors kept`}`,
  );
  const prior = priorsGeneralise ? calibratePriors([...rows.keys()].flatMap(found)) : {};
  if (Object.keys(prior).length > 0)
    log(
      `category priors: ${Object.entries(prior)
        .map(([id, v]) => `${id} ${v > 0 ? '+' : ''}${v}`)
        .join(', ')}`,
    );
  const calibration: Calibration =
    Object.keys(prior).length > 0 ? { ...decisions, categoryPrior: prior } : decisions;
  for (const [lang, c] of Object.entries(calibration.byLang))
    log(
      `${lang}: ${c.examples} excerpts (${c.violations} violations), line ${c.threshold}, combiner ${JSON.stringify(
        Object.fromEntries(Object.entries(c.combiner).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
      )}`,
    );
  log(line('fitted parts, model', tally(all, decide.model)));
  log(line('fitted parts, calibrated', tally(all, decide.calibrated(calibration))));
  if (options.write) {
    // The real-text layer reads the decision this calibration replaces: it is stale now, and dropped.
    const { layer, ...rest } = model;
    writeFileSync(modelPath, `${JSON.stringify({ ...rest, calibration })}\n`);
    log(`calibration written to ${modelPath}`);
    if (layer)
      log(
        'the real-text layer learnt over the previous decision was dropped: retrain it with npm run train:model -- --real --category-only',
      );
  }
  return 0;
}
