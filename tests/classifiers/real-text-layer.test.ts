// The real-text layer learns from labelled text what the base decision cannot tell by its words: here, yearly
// overviews that count detentions and fines (the base decision admits every one of them: they name journalists and
// what was done to them) against the events themselves. Sentences of our own writing, in the two registers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateLines,
  createClassifier,
  type LayerExample,
  layerProbability,
  loadModel,
  type RealTextLayer,
  trainRealTextLayer,
} from '../../classifiers/index.ts';
import { realTextLayerProblems } from '../../classifiers/real-text-layer.ts';

const EVENTS = [
  'Police in Aktobe detained a reporter of the regional newspaper who was filming a protest outside the akimat.',
  "A court in Shymkent fined a blogger 300,000 tenge over a video criticising the city's hospital.",
  'Unknown men beat a journalist of an Almaty news site near her home on Tuesday evening.',
  'The editor of a Pavlodar weekly was charged with spreading false information over an article about the mayor.',
  "Police searched the newsroom of an Uralsk online outlet and seized its reporters' laptops.",
  'A reporter was barred from a district court hearing in Taraz on the orders of the judge.',
];
const OVERVIEWS = [
  'In its annual report, the watchdog counted dozens of journalists detained across the region last year.',
  'Annual statistics show that criminal charges against journalists rose in the region last year.',
  'The annual index ranks the region by how often reporters are detained, fined or charged over their work.',
  'The annual survey counts bloggers fined over posts in the region last year.',
  'The annual review lists attacks on journalists, newsroom searches and blocked sites in the region.',
  'According to the annual statistics, courts fined bloggers in hundreds of cases last year.',
];
const NEW_EVENT = 'Police in Kostanay detained a cameraman of a local TV channel during a rally on Saturday.';
const NEW_OVERVIEW =
  'The annual report counted bloggers detained and journalists charged in the region last year.';

const installed = loadModel();
const { layer: _installedLayer, ...baseModel } = installed;
const base = createClassifier({ model: baseModel });
const read = (text: string) =>
  base.decisionTrace({ title: '', text, kind: 'news' }, base.detectLanguage(text));
const decide = (model: typeof installed, text: string) => {
  const c = createClassifier({ model });
  return c.classify({ title: '', text, kind: 'news' }, c.detectLanguage(text));
};
const examples: LayerExample[] = [
  ...EVENTS.map((t) => ({ reading: read(t).layerReading, violation: true })),
  ...OVERVIEWS.map((t) => ({ reading: read(t).layerReading, violation: false })),
];
const training = { l2: 0.1, minDocs: 2, line: 0.5, fittedOn: 'our own sentences' };

describe('trainRealTextLayer', () => {
  const layer = trainRealTextLayer(examples, training);

  it('learns to turn away the overviews the base decision admits, and keeps the events', () => {
    // The base decision admits both unseen texts: the layer is what tells them apart.
    expect(decide(baseModel, NEW_OVERVIEW).candidate).toBe(true);
    expect(decide(baseModel, NEW_EVENT).candidate).toBe(true);
    const layered = { ...baseModel, layer };
    const overview = decide(layered, NEW_OVERVIEW);
    const event = decide(layered, NEW_EVENT);
    expect(overview.candidate).toBe(false);
    expect(event.candidate).toBe(true);
    // The score is the layer's probability: under the line for the overview, at or over it for the event.
    expect(overview.score).toBeLessThan(layer.line);
    expect(event.score).toBeGreaterThanOrEqual(layer.line);
    expect(event.score).toBeCloseTo(layerProbability(layer, read(NEW_EVENT).layerReading), 3);
    // A stem only the overviews have leans towards "not a violation".
    expect(layer.features.annual).toBeLessThan(0);
  });

  it('is deterministic and records what it learnt from', () => {
    const again = trainRealTextLayer(examples, training);
    expect(again).toEqual(layer);
    expect([layer.examples, layer.violations, layer.fittedOn, layer.line]).toEqual([
      12,
      6,
      'our own sentences',
      0.5,
    ]);
    // minDocs 2: a stem of one sentence only is not in the vocabulary.
    expect(Object.hasOwn(layer.features, 'kostanay')).toBe(false);
  });

  it('refuses examples of one class only, saying how many it had', () => {
    expect(() => trainRealTextLayer(examples.slice(0, 6), training)).toThrow(/both violations.*6 of 6/);
  });

  it('never makes a candidate of a text the gate stops, however sure it is', () => {
    const sure: RealTextLayer = { ...layer, bias: 50 };
    const weather = 'Snow is expected in Astana on Friday, with temperatures falling to minus twenty.';
    expect(read(weather).gate).toBe(false);
    const result = decide({ ...baseModel, layer: sure }, weather);
    expect(result.candidate).toBe(false);
    expect(result.score).toBeLessThan(sure.line);
  });

  it('never overrules a negative cue that held the base decision back, and may admit what only its line held back', () => {
    const sure: RealTextLayer = { ...layer, bias: 50 };
    // A road-accident sentence: the gate passes (an editor, a sentence), a negative cue keeps the base decision out.
    const crash =
      'An Oskemen court sentenced the editor of a district weekly to three years for vehicular manslaughter after a crash on the highway.';
    expect(read(crash).gate).toBe(true);
    expect(decide(baseModel, crash).candidate).toBe(false);
    expect(decide({ ...baseModel, layer: sure }, crash).candidate).toBe(false);
    // No negative cue: a text under the base line that the gate lets through is the layer's to decide.
    const unsure: RealTextLayer = { ...layer, bias: -50 };
    expect(decide({ ...baseModel, layer: unsure }, NEW_EVENT).candidate).toBe(false);
  });

  it("gives the review queue the layer's line, and names the layer in the model version", () => {
    const layered = { ...baseModel, layer };
    expect(candidateLines(layered)).toEqual({ default: 0.5, byLang: {} });
    expect(createClassifier({ model: layered }).modelVersion).toMatch(/\+layer-[0-9a-f]{8}\+cfg-/);
    expect(createClassifier({ model: baseModel }).modelVersion).not.toMatch(/\+layer-/);
  });
});

describe('a stored layer', () => {
  const layer = trainRealTextLayer(examples, training);

  it('names the field that is wrong', () => {
    expect(realTextLayerProblems(layer)).toEqual([]);
    expect(realTextLayerProblems({ ...layer, line: 1.5 })).toEqual([
      'layer.line: 1.5 is not a probability between 0 and 1',
    ]);
    expect(realTextLayerProblems({ ...layer, inputs: { ...layer.inputs, gate: 'high' } })).toEqual([
      'layer.inputs.gate: not a finite number',
    ]);
    expect(realTextLayerProblems({ ...layer, features: { annual: null } })).toEqual([
      'layer.features["annual"]: not a finite number',
    ]);
  });

  it('is refused when the model file is loaded, with the file and the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layer-'));
    try {
      const path = join(dir, 'model.json');
      writeFileSync(path, JSON.stringify({ ...baseModel, layer: { ...layer, kind: 'forest' } }));
      expect(() => loadModel(path)).toThrow(/model\.json: layer\.kind: "forest" is not "logistic"/);
      writeFileSync(path, JSON.stringify({ ...baseModel, layer }));
      expect(loadModel(path).layer).toEqual(layer);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
