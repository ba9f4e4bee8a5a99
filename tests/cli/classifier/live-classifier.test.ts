// The classifier of a long-running process keeps up with the dataset, on SQLite and PostgreSQL: nothing is
// reloaded while the dataset is unchanged, a newly confirmed person is used from the next classification, an
// edit is seen through the entries' change time, a new day reloads, and concurrent refreshes share one load.
// It keeps up with the installed model too: a model renamed over the file (as soz train installs one) is used
// from the next refresh, and a broken or removed file leaves the model in memory in use, with a warning.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { candidateLines, loadModel, type ModelFile } from '../../../classifiers/index.ts';
import { createLiveClassifier } from '../../../cli/classifier/live-classifier.ts';
import type { Logger } from '../../../core/index.ts';
import { deleteEntry, knownMediaSignature, upsertEntry } from '../../../storage/index.ts';
import { mediaDatasetEntry } from '../../helpers/media-dataset-entry.ts';
import { dialectLabel, openTestStore, TEST_DIALECTS } from '../../helpers/test-stores.ts';

const model = loadModel();
const TIP = 'Полиция Алматы допросила Бектурову о поездке в Талгар.';

const entry = (id: string, people: string[]) =>
  mediaDatasetEntry(id, people, [], { month: '2024-06', eventDate: '2024-06-11' });

describe.each(TEST_DIALECTS)('a classifier that keeps up with the dataset on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it(`reloads the names only when the dataset changed (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    await upsertEntry(store, entry('a', ['Жанар Ахметова']), 'review');
    const c = await createLiveClassifier(store, model);
    const score = () => c.classify({ title: '', text: TIP, kind: 'news' }, c.detectLanguage(TIP));
    expect(score().candidate).toBe(false);
    expect(await c.refreshIfChanged()).toBeNull();

    await upsertEntry(store, entry('b', ['Асель Бектурова']), 'review');
    expect(await c.refreshIfChanged()).toEqual({
      people: 2,
      outlets: 0,
      added: 1,
      rebuilt: true,
      newModel: null,
    });
    expect(score().candidate).toBe(true);
    expect(await c.refreshIfChanged()).toBeNull();

    // An edit that renames the person moves the entries' change time; a deletion their count.
    const before = await knownMediaSignature(store);
    await new Promise((r) => setTimeout(r, 5));
    await upsertEntry(store, entry('b', ['Асель Жумагалиева']), 'review');
    expect(await knownMediaSignature(store)).not.toBe(before);
    expect((await c.refreshIfChanged())?.rebuilt).toBe(true);
    expect(score().candidate).toBe(false);
    await deleteEntry(store, 'b');
    expect(await c.refreshIfChanged()).toEqual({
      people: 1,
      outlets: 0,
      added: 0,
      rebuilt: true,
      newModel: null,
    });
  });

  it(`reloads on a new day, and concurrent refreshes share one load (${dialectLabel(dialect)})`, async () => {
    const { store } = await ready;
    let now = new Date('2024-06-11T23:59:00Z');
    const c = await createLiveClassifier(store, model, { now: () => now });
    expect(await c.refreshIfChanged()).toBeNull();
    now = new Date('2024-06-12T00:01:00Z');
    expect(await c.refreshIfChanged()).toEqual({
      people: 0,
      outlets: 0,
      added: 0,
      rebuilt: false,
      newModel: null,
    });
    expect(await c.refreshIfChanged()).toBeNull();
    const first = c.refresh();
    expect(c.refresh()).toBe(first);
    expect(await c.refreshIfChanged()).toEqual(await first);
  });
});

describe('a classifier that keeps up with the installed model', () => {
  const ready = openTestStore('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'soz-live-model-'));
  afterAll(async () => {
    await (await ready).close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** As soz train installs a model: written beside the file, then renamed over it. */
  const install = (path: string, content: string) => {
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
  };
  const withVersion = (m: ModelFile, version: string) => JSON.stringify({ ...m, version });

  it('uses a model renamed over its file from the next refresh, and keeps its own when the file is broken or gone', async () => {
    const { store } = await ready;
    const path = join(dir, 'model.json');
    install(path, withVersion(model, 'night-1'));
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (m) => warnings.push(m),
      error: () => {},
    };
    const c = await createLiveClassifier(store, loadModel(path), { modelPath: path, logger });
    expect(c.modelVersion).toMatch(/^night-1\+(cal-[0-9a-f]{8}\+)?(layer-[0-9a-f]{8}\+)?cfg-/);
    expect(await c.refreshIfChanged()).toBeNull();

    install(path, withVersion(model, 'night-2'));
    expect(await c.refreshIfChanged()).toMatchObject({ rebuilt: true, newModel: 'night-2' });
    expect(c.model.version).toBe('night-2');
    expect(c.lines).toEqual(candidateLines(model));
    expect(c.classify({ title: '', text: TIP, kind: 'news' }, c.detectLanguage(TIP)).modelVersion).toMatch(
      /^night-2\+(cal-[0-9a-f]{8}\+)?(layer-[0-9a-f]{8}\+)?cfg-/,
    );
    expect(await c.refreshIfChanged()).toBeNull();

    // A file cut short is not a model: the one in memory stays, with a warning that names the file, each time
    // it is looked at until the file is mended.
    install(path, '{"version": "night-3", "tab');
    expect(await c.refreshIfChanged()).toMatchObject({ rebuilt: false, newModel: null });
    expect(c.model.version).toBe('night-2');
    expect(warnings.at(-1)).toMatch(
      /model not reloaded, still using night-2: .*model\.json is not valid JSON/,
    );
    // A retrained model starts without a calibration or a real-text layer: its lines are classifier.json's one
    // default line from then on.
    const retrained = { ...model, version: 'night-3', calibration: undefined, layer: undefined };
    install(path, JSON.stringify(retrained));
    expect((await c.refreshIfChanged())?.newModel).toBe('night-3');
    expect(c.lines).toEqual(candidateLines(retrained));
    expect(c.lines.byLang).toEqual({});

    rmSync(path);
    expect(await c.refreshIfChanged()).toMatchObject({ rebuilt: false, newModel: null });
    expect(warnings.at(-1)).toContain(`${path} is gone; still using night-3`);
    expect(await c.refreshIfChanged()).toBeNull();
    expect(c.model.version).toBe('night-3');
  });
});
