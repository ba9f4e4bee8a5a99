// The classifier the pipeline uses: lexicon evidence and the pre-trained model combined into a candidate decision,
// a score in [0, 1], ranked categories with evidence spans, and extracted facts. Loads the model and lexicons once;
// classify() is synchronous and allocation-light.
//
// EVIDENCE OFFSETS: every span's start/end index the `text` passed to classify() (text.slice(start, end) ===
// span.text). Words in the title count towards the decision but are never reported as spans.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import settings from '../config/classifier.json' with { type: 'json' };
import {
  type CandidateLines,
  type CategoryId,
  type Classification,
  CONFIG_DIR,
  type CourtRecord,
  EMPTY_FACTS,
  type EvidenceSpan,
  type ExtractedFacts,
  type ItemKind,
  inputError,
  type LanguageResult,
  type TextClassifier,
} from '../core/index.ts';
import { analyseText, type CueHit, type TextAnalysis } from './analyse-text.ts';
import { CALIBRATED_LANGS, calibrationProblems, combinerScore, decisionLine } from './calibrate-combiner.ts';
import { decideCourt } from './court-decision.ts';
import { detectLanguage } from './detect-language.ts';
import { extractFacts } from './extract-facts.ts';
import { knownPeople } from './known-people.ts';
import { combinerInputs, lexiconEvidence } from './lexicon-evidence.ts';
import type { KnownMedia } from './media-names.ts';
import {
  type Combiner,
  candidateEvidence,
  classProbabilities,
  isModelFile,
  type ModelFile,
} from './model-file.ts';
import { type RankedCategory, type RankingInputs, rankCategories } from './rank-categories.ts';
import { type LayerReading, layerReading, layerVerdict, realTextLayerProblems } from './real-text-layer.ts';
import { buildLexicons, LEXICONS } from './taxonomy-lexicons.ts';

export const DEFAULT_MODEL_PATH = resolve(CONFIG_DIR, 'model', 'model.json');

export interface ClassifierOptions {
  /** A model already in memory (tests, `soz train`); otherwise read from modelPath. */
  readonly model?: ModelFile;
  /** Default config/model/model.json. */
  readonly modelPath?: string;
  /**
   * 'candidates' (default): facts are extracted only for candidates — they feed the dataset entry form, and
   * skipping them halves the cost of the 95% of news that is not a candidate; others get EMPTY_FACTS.
   * 'always': every text (soz classify).
   */
  readonly facts?: 'candidates' | 'always';
  /**
   * The journalists, bloggers and outlets the monitoring team already knows (the people and outlets of confirmed
   * dataset entries; storage's loadKnownMedia): their names count as targets, matched by surname in its case
   * forms, in every script's spellings (name-transliteration.ts). Read when the classifier is built (a process
   * that keeps up with the dataset builds a new one: cli/classifier/); classify() stays pure and synchronous.
   * The watch list (config/lexicons/watched-people.json) is added to them (known-people.ts), and known without them.
   */
  readonly knownMedia?: KnownMedia;
  /** false: only the dataset's names, without the watch list (measuring what the list adds). Default true. */
  readonly watchList?: boolean;
}

/** Facts of a non-candidate (shared with the rest of the project through core). */
export { EMPTY_FACTS };

/** What the candidate decision and the ranking read of one text (createClassifier's decisionTrace). */
export interface DecisionTrace {
  readonly lang: string;
  /** combinerInputs' six numbers. */
  readonly inputs: readonly number[];
  /** The gate (evidence and target, not told abroad) passed. */
  readonly gate: boolean;
  readonly rankingInputs: RankingInputs | null;
  /** What a real-text layer reads of the text (the base decision's verdict, before any layer). */
  readonly layerReading: LayerReading;
}

export interface ClassifyInput {
  readonly title: string;
  readonly text: string;
  readonly kind: ItemKind;
  readonly court?: CourtRecord;
}

// A model file is input: a missing or broken one is the user's to fix (exit code 3, the file named), not a crash.
export function loadModel(path: string = DEFAULT_MODEL_PATH): ModelFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw inputError(
      `cannot read the classifier model ${path} (${(error as Error).message}); run 'soz train' to build it`,
      error,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw inputError(
      `${path} is not valid JSON (${(error as Error).message}); run 'soz train' to rebuild it`,
      error,
    );
  }
  if (!isModelFile(parsed))
    throw inputError(`${path} is not a classifier model (no version, tables or combiner)`);
  const problems = [
    ...(parsed.calibration === undefined ? [] : calibrationProblems(parsed.calibration)),
    ...(parsed.layer === undefined ? [] : realTextLayerProblems(parsed.layer)),
  ];
  if (problems.length > 0) throw inputError(`${path}: ${problems.join('; ')}`);
  return parsed;
}

/**
 * The line each language is decided by with this model (the real-text layer's, else decisionLine: its calibration's,
 * else classifier.json's threshold), for the review queue's "most uncertain first" order. Read from the model, never
 * copied: a model `soz train` installs starts without a calibration or layer, and then every language has the one
 * default line.
 */
export function candidateLines(model: Pick<ModelFile, 'calibration' | 'combiner' | 'layer'>): CandidateLines {
  if (model.layer) return { default: model.layer.line, byLang: {} };
  const byLang: Record<string, number> = {};
  for (const lang of CALIBRATED_LANGS)
    if (model.calibration?.byLang[lang])
      byLang[lang] = decisionLine(model.calibration, lang, model.combiner, settings.threshold).threshold;
  return { default: settings.threshold, byLang };
}

const CONFIG_FINGERPRINT = createHash('sha256')
  .update(
    [
      'classifier.json',
      'lexicons/ru.json',
      'lexicons/kk.json',
      'lexicons/en.json',
      'lexicons/languages.json',
      'lexicons/facts.json',
      'lexicons/media-names.json',
    ]
      .map((f) => readFileSync(resolve(CONFIG_DIR, f), 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 8);

/** The model-alone path's probability bar in a language (modelAloneByLang, else modelAlone). */
const modelAloneFor = (lang: string): number =>
  (settings.modelAloneByLang as Readonly<Record<string, number>>)[lang] ?? settings.modelAlone;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (x: number) => Math.round(x * 1000) / 1000;

function evidenceOf(hits: readonly CueHit[], id: CategoryId, text: string): EvidenceSpan[] {
  const ranges: [number, number][] = [];
  for (const h of hits) {
    if (h.cue.kind !== 'category' || h.cue.category !== id || h.start === null || h.end === null) continue;
    ranges.push([h.start, h.end]);
  }
  // Overlapping matches ("қылмыстық іс", "іс қозғалды") become one span: the UI highlights each word once.
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged
    .slice(0, settings.maxEvidence)
    .map(([start, end]) => ({ start, end, text: text.slice(start, end) }));
}

function regexEvidence(res: readonly RegExp[], text: string): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [];
  for (const re of res) {
    const m = new RegExp(re.source, re.flags).exec(text);
    if (m && m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans.sort((a, b) => a.start - b.start).slice(0, settings.maxEvidence);
}

function mergeCourtFacts(facts: ExtractedFacts, court: CourtRecord): ExtractedFacts {
  const amounts = [court.claimedAmountKzt, court.awardedAmountKzt].filter((a): a is number => a !== null);
  return {
    ...facts,
    courts: [...new Set([...(court.court ? [court.court] : []), ...facts.courts])],
    caseNumbers: [...new Set([court.caseNumber, ...facts.caseNumbers])],
    amountsKzt: [...new Set([...amounts, ...facts.amountsKzt])],
    places: [...new Set([...(court.region ? [court.region] : []), ...facts.places])],
  };
}

export function createClassifier(options: ClassifierOptions = {}): TextClassifier & {
  /** The line each language is decided by (candidateLines of the model this classifier was built with). */
  readonly lines: CandidateLines;
  classify(input: ClassifyInput, language: LanguageResult): Classification;
  decisionTrace(input: ClassifyInput, language: LanguageResult): DecisionTrace;
} {
  const model = options.model ?? loadModel(options.modelPath);
  const combiner: Combiner = model.combiner;
  // The version names the model, its calibration and the configuration it runs with: editing a lexicon or a
  // threshold changes decisions as surely as retraining does, and stored classifications say which produced them.
  const calibration = model.calibration;
  const calibrationTag = calibration
    ? `+cal-${createHash('sha256').update(JSON.stringify(calibration)).digest('hex').slice(0, 8)}`
    : '';
  const layer = model.layer;
  const layerTag = layer
    ? `+layer-${createHash('sha256').update(JSON.stringify(layer)).digest('hex').slice(0, 8)}`
    : '';
  const modelVersion = `${model.version}${calibrationTag}${layerTag}+cfg-${CONFIG_FINGERPRINT}`;
  const factsAlways = options.facts === 'always';
  const watching = options.watchList !== false;
  const known = watching ? knownPeople(options.knownMedia) : options.knownMedia;
  // Without a dataset the default lexicons already hold the watch list: built once per process, not per classifier.
  const lexicons = options.knownMedia || !watching ? buildLexicons(known) : LEXICONS;
  const factsOf = (input: ClassifyInput, candidate: boolean): ExtractedFacts => {
    if (!candidate && !factsAlways) return EMPTY_FACTS;
    const facts = extractFacts(input.title ? `${input.title}\n\n${input.text}` : input.text);
    return input.kind === 'court' && input.court ? mergeCourtFacts(facts, input.court) : facts;
  };

  const actionSupport = (analysis: TextAnalysis) =>
    candidateEvidence(
      model.candidate,
      analysis.features.filter((f) => !analysis.targetFeatures.has(f)),
      settings.modelInformative,
      settings.modelSaturation,
    ).support;

  /** What the candidate decision reads of a text: the combiner's inputs, the gate, and the model's verdict. */
  function decisionInputs(analysis: TextAnalysis, language: LanguageResult) {
    const evidence = lexiconEvidence(analysis.hits);
    const { logOdds, support } = candidateEvidence(
      model.candidate,
      analysis.features,
      settings.modelInformative,
      settings.modelSaturation,
    );
    const inputs = combinerInputs(evidence, logOdds, model.modelClamp, settings.weights);
    const modelProbability = sigmoid(logOdds);
    // Both halves are required: something done (a restriction or legal action) and someone it was done to
    // (media, a journalist, a blogger, speech). Without a lexicon category hit the model must carry the story
    // alone: then it needs a strong target (a "post" or an "operator" is not one) and several informative
    // features, not a drift of common words over a long text.
    // On the model-alone path, some of the support must come from words other than the target's: a text that only
    // names journalists and outlets ("our correspondent photographed…", a copyright notice) says who, not what.
    const gate =
      (evidence.targetNear && evidence.best >= settings.minLexicon) ||
      (evidence.strongTarget &&
        modelProbability >= modelAloneFor(language.lang) &&
        support >= settings.modelMinSupport &&
        actionSupport(analysis) >= settings.modelMinActionSupport);
    // A story told abroad (another country named, Kazakhstan not) is not the monitor's, however media-related.
    return { evidence, inputs, gate: gate && !evidence.foreign };
  }

  function textDecision(input: ClassifyInput, language: LanguageResult) {
    const analysis = analyseText(input.title, input.text, language.lang, lexicons);
    const { evidence, inputs, gate } = decisionInputs(analysis, language);
    const decision = decisionLine(calibration, language.lang, combiner, settings.threshold);
    const raw = combinerScore(decision.combiner, inputs);
    const baseCandidate = gate && raw >= decision.threshold;
    const reading = layerReading(analysis.features, {
      inputs,
      gate,
      candidate: baseCandidate,
      score: raw,
      lang: language.lang,
    });
    // With a real-text layer, the layer (learnt from labelled real text) decides over the base decision's reading.
    const verdict = layer ? layerVerdict(layer, reading) : { candidate: baseCandidate, probability: raw };
    const line = layer ? layer.line : decision.threshold;
    const candidate = verdict.candidate;
    const score = candidate ? verdict.probability : Math.min(verdict.probability, line - 0.001);
    // Follow-ups of known cases are category hits too: the step's words are their evidence.
    const hits = evidence.followUps.length ? [...analysis.hits, ...evidence.followUps] : analysis.hits;
    // A text that is not a candidate and names no violation has no category to rank: skip the category model
    // (most news is like this).
    if (!candidate && evidence.best === 0)
      return {
        candidate,
        score,
        ranked: [] as RankedCategory[],
        hits,
        inputs,
        gate,
        rankingInputs: null,
        reading,
      };
    // Categories: the model's distribution over categories blended with the lexicon's.
    const probabilities = classProbabilities(model.category, analysis.features);
    const lexTotal = [...evidence.rankScores.values()].reduce((a, b) => a + b, 0);
    const blend = settings.categoryBlend;
    // The more the lexicon has found, the less the model's word counts add: on a long article naive Bayes is
    // swayed by background paragraphs, while on a headline with one weak cue it knows more than the cue.
    const modelWeight = blend.model / (1 + lexTotal / blend.lexiconSaturation);
    // Ids the lexicon found but the model never saw (the finer 2024 ids) rank on the lexicon's share alone.
    const ids = new Set<string>([...probabilities.keys(), ...evidence.rankScores.keys()]);
    const all = [...ids]
      .map((id) => {
        const l = lexTotal > 0 ? (evidence.rankScores.get(id as CategoryId) ?? 0) / lexTotal : 0;
        const p = probabilities.get(id) ?? 0;
        return {
          id: id as CategoryId,
          s: (blend.lexicon * l + modelWeight * p) / (blend.lexicon + modelWeight),
        };
      })
      .sort((a, b) => b.s - a.s);
    const evidenced = new Set([...evidence.rankScores].filter(([, v]) => v > 0).map(([id]) => id));
    const followed = new Set(
      evidence.followUps.flatMap((h) => (h.cue.kind === 'category' ? [h.cue.category] : [])),
    );
    const caseFollowUp =
      followed.size === 1 && [...evidenced].every((id) => followed.has(id)) ? [...followed][0] : undefined;
    const rankingInputs: RankingInputs = {
      blended: all,
      evidenced,
      contexts: evidence.contexts,
      ...(caseFollowUp ? { caseFollowUp } : {}),
    };
    const ranked = rankCategories(rankingInputs, calibration?.categoryPrior);
    return { candidate, score, ranked, hits, inputs, gate, rankingInputs, reading };
  }

  return {
    modelVersion,
    lines: candidateLines(model),
    detectLanguage,
    /**
     * What the decision and the ranking read of a text, for calibrating on real text (calibrate-combiner.ts,
     * calibrate-ranking.ts): the combiner's inputs, whether the gate let it through, and the ranking's inputs (null
     * when it names no violation and is no candidate).
     */
    decisionTrace(input: ClassifyInput, language: LanguageResult): DecisionTrace {
      const d = textDecision(input, language);
      return {
        lang: language.lang,
        inputs: d.inputs,
        gate: d.gate,
        rankingInputs: d.rankingInputs,
        layerReading: d.reading,
      };
    },
    classify(input, language) {
      const base = textDecision(input, language);
      if (input.kind === 'court' && input.court) {
        const court = decideCourt(input.court, input.title, input.text);
        if (court.decisive) {
          const spans = regexEvidence(court.evidence, input.text);
          const categories = court.speech
            ? court.categories.map((id, i) => ({
                id,
                score: round(i === 0 ? 0.9 : 0.6),
                evidence: i === 0 ? spans : evidenceOf(base.hits, id, input.text),
              }))
            : base.ranked.map((c) => ({
                id: c.id,
                score: round(c.s),
                evidence: evidenceOf(base.hits, c.id, input.text),
              }));
          return {
            modelVersion,
            lang: language.lang,
            script: language.script,
            candidate: court.speech,
            score: round(court.speech ? Math.max(0.9, base.score) : Math.min(base.score, 0.3)),
            categories,
            facts: factsOf(input, court.speech),
          };
        }
      }
      return {
        modelVersion,
        lang: language.lang,
        script: language.script,
        candidate: base.candidate,
        score: round(base.score),
        categories: base.ranked.map((c) => ({
          id: c.id,
          score: round(c.s),
          evidence: evidenceOf(base.hits, c.id, input.text),
        })),
        facts: factsOf(input, base.candidate),
      };
    },
  };
}
