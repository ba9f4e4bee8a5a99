// `soz train` and `soz classify` as a user runs them: a child process; reviewers' labels in a SQLite file are
// learnt together with the base set, and the model is written where --out says (never over the committed one).
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH, loadModel } from '../../../classifiers/index.ts';
import { baseExamples } from '../../../classifiers/training-examples.ts';
import { type Article, PROJECT_ROOT } from '../../../core/index.ts';
import { openStore, type Store, saveArticle, saveLabel } from '../../../storage/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

function soz(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, timeout: 400_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

const article = (n: number, title: string, text: string): Article => ({
  sourceId: 'test-outlet',
  kind: 'news',
  url: `https://outlet.example.kz/news/${n}`,
  canonicalUrl: `https://outlet.example.kz/news/${n}`,
  title,
  text,
  publishedAt: '2024-05-01T09:00:00Z',
  author: null,
  section: null,
  langHint: 'ru',
  fetchedAt: '2024-05-01T10:00:00Z',
  html: null,
  extractedBy: 'generic',
});

describe('soz train / soz classify', () => {
  const dir = tempDir('soz-train-');
  const db = join(dir, 'soz.sqlite');
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ path: db });
    const labelled: [string, string, boolean, string | null][] = [
      [
        'Журналиста задержали у акимата',
        'Полиция Костаная задержала журналиста, снимавшего пикет.',
        true,
        'detention',
      ],
      ['Блогеру угрожают', 'Блогеру из Тараза угрожают расправой после видео о дорогах.', true, 'threat'],
      ['Открылся каток', 'В Астане открылся новый каток, вход бесплатный.', false, null],
    ];
    for (const [i, [title, text, candidate, category]] of labelled.entries()) {
      const { itemId } = await saveArticle(store, article(i, title, text), {
        lang: 'ru',
        script: 'cyrl',
        confidence: 1,
      });
      await saveLabel(store, { itemId, candidate, category, decidedBy: 'reviewer@test' });
    }
    await store.close();
  });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
  });

  it('retrains from the labels plus the base set and writes the model to --out', async () => {
    const out = join(dir, 'model.json');
    const r = await soz(['--db', db, 'train', '--out', out, '--json']);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim()) as { reviewed: number; base: number; model: string };
    expect(summary.reviewed).toBe(3);
    expect(summary.base).toBeGreaterThanOrEqual(400);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { examples: { reviewed: number } };
    expect(model.examples.reviewed).toBe(3);
    // Three decisions are too few to hold out: the committed sets judge, and the model is not worse.
    const full = JSON.parse(r.stdout.trim()) as {
      installed: boolean;
      heldOut: number;
      comparison: unknown[];
    };
    expect(full.installed).toBe(true);
    expect(full.heldOut).toBe(0);
    expect(full.comparison.length).toBeGreaterThan(1);
  }, 600_000);

  it('refuses a model trained on deliberately flipped labels, leaving the installed one; --force installs it', async () => {
    // 160 texts of the base set as reviewers' decisions two months old, each with its label flipped.
    const flippedDb = join(dir, 'flipped.sqlite');
    const s = await openStore({ path: flippedDb });
    const texts = baseExamples().filter((e) => e.lang === 'ru' || e.lang === 'kk' || e.lang === 'en');
    const yes = texts.filter((e) => e.candidate).slice(0, 80);
    const no = texts.filter((e) => !e.candidate).slice(0, 80);
    const picked = yes.flatMap((e, i) => [e, no[i]!]);
    for (const [i, e] of picked.entries()) {
      const { itemId } = await saveArticle(s, article(1000 + i, e.title ?? '', e.text), {
        lang: e.lang ?? 'ru',
        script: 'cyrl',
        confidence: 1,
      });
      await saveLabel(s, {
        itemId,
        candidate: !e.candidate,
        category: e.candidate ? null : 'detention',
        decidedBy: 'saboteur@test',
      });
      // One decision a day from January 2024: the last 30 days of them are held out of training.
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
      await s.db.updateTable('labels').set({ decided_at: day }).where('item_id', '=', itemId).execute();
    }
    await s.close();

    const out = join(dir, 'installed.json');
    copyFileSync(DEFAULT_MODEL_PATH, out);
    const before = readFileSync(out, 'utf8');
    const r = await soz(['--db', flippedDb, 'train', '--no-base', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\* committed sets/);
    expect(r.stdout).toMatch(/the new model is worse: committed sets: F1 /);
    expect(r.stdout).toContain('NOT installed');
    expect(readFileSync(out, 'utf8')).toBe(before);

    const forced = await soz(['--db', flippedDb, 'train', '--no-base', '--out', out, '--force', '--json']);
    expect(forced.code).toBe(0);
    const summary = JSON.parse(forced.stdout.trim()) as {
      installed: boolean;
      forced: boolean;
      reviewed: number;
      heldOut: number;
      previous: string;
      droppedCalibration: string[];
      droppedLayer: boolean;
      layer: { examples: number; violations: number } | null;
    };
    expect(summary).toMatchObject({ installed: true, forced: true });
    // The model it replaced, read before the file was overwritten; and the real-text calibration it carried, which
    // read that model's decision and is not carried over.
    const committed = loadModel(DEFAULT_MODEL_PATH);
    expect(summary.previous).toBe(committed.version);
    expect(summary.droppedCalibration).toEqual(Object.keys(committed.calibration?.byLang ?? {}));
    // 130 decisions learnt from, half of them "confirmed" (config/train-gate.json layer: 100, 30 of each kind): the
    // new model learnt a real-text layer from them, flipped as they are, and the comparison above still refused it.
    expect(summary.layer).toEqual({ examples: 130, violations: 65 });
    expect(summary.droppedLayer).toBe(false);
    const installed = loadModel(out);
    expect(installed.layer?.fittedOn).toBe("reviewers' decisions up to 2024-05-09 (130)");
    // Held out: the decisions of the last 30 days before the newest (30 of the 160), learnt from: the rest.
    expect(summary.heldOut).toBe(30);
    expect(summary.reviewed).toBe(130);
    expect(readFileSync(out, 'utf8')).not.toBe(before);
  }, 600_000);

  it('classifies JSON Lines from stdin, and names the bad line of a file', async () => {
    const ok = await soz(['classify'], '{"id":"a","text":"Полиция задержала журналиста в Уральске."}\n');
    expect(ok.code).toBe(0);
    const line = JSON.parse(ok.stdout.trim()) as {
      id: string;
      candidate: boolean;
      categories: { id: string }[];
    };
    expect(line.id).toBe('a');
    expect(line.candidate).toBe(true);
    expect(line.categories[0]?.id).toBe('detention');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":1,"text":"Погода"}\n{"id":2,"text":\n');
    const r = await soz(['classify', '--in', bad, '--out', join(dir, 'out.jsonl')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bad}:2: not JSON`);
  });
});
