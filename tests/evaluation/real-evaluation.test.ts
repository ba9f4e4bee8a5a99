// `eval:classify -- --real` on a tiny cache of our own writing, the absent-cache message, and the split's rules.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ManifestEntry, manifestLine } from '../../evaluation/real-dev-manifest.ts';
import { realLanguageAccuracy } from '../../evaluation/real-language-accuracy.ts';
import { runRealEvaluation } from '../../evaluation/run-real-evaluation.ts';
import { applySplit, checkSplit, partOf } from '../../evaluation/split-real-dev.ts';
import { manifestEntry } from '../helpers/manifest-entry.ts';

const entry = (i: number, over: Partial<ManifestEntry>) => manifestEntry(i, over, 'fixture');

// Texts of our own writing: two violations and two ordinary stories per part.
const FIXTURE: [ManifestEntry, string][] = [
  [
    entry(1, { candidate: true, category: 'detention', part: 'tuning' }),
    'В Караганде полиция задержала журналиста местной газеты во время съёмки митинга и доставила его в отдел.',
  ],
  [
    entry(2, { part: 'tuning' }),
    'В Караганде прошёл турнир по волейболу среди школьников, победила команда гимназии номер три.',
  ],
  [
    entry(3, { candidate: true, category: 'blocking', part: 'heldout', lang: 'en', script: 'latn' }),
    'Authorities in Kazakhstan blocked access to the independent news website after it published an investigation.',
  ],
  [
    entry(4, { part: 'heldout', lang: 'en', script: 'latn' }),
    'The city council of Almaty approved a new schedule for public buses starting next month.',
  ],
];

function writeFixture(withCache: boolean): { manifest: string; excerpts: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soz-real-'));
  const manifest = join(dir, 'manifest.jsonl');
  const excerpts = join(dir, 'excerpts.jsonl');
  writeFileSync(manifest, `${FIXTURE.map(([e]) => manifestLine(e)).join('\n')}\n`);
  if (withCache)
    writeFileSync(excerpts, `${FIXTURE.map(([e, text]) => JSON.stringify({ id: e.id, text })).join('\n')}\n`);
  return { manifest, excerpts };
}

describe('eval:classify --real', () => {
  it('says the cache is absent and exits 0', () => {
    const { manifest, excerpts } = writeFixture(false);
    const lines: string[] = [];
    const code = runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      log: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/cache absent .*excerpts\.jsonl.*npm run real-dev -- build/s);
  });

  it('prints both parts with per-language figures, the keyword baseline and categories', () => {
    const { manifest, excerpts } = writeFixture(true);
    const lines: string[] = [];
    const code = runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      log: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('real dev set: 4 excerpts');
    expect(out).toContain('== tuning: 2 excerpts, 1 violations ==');
    expect(out).toContain('== heldout: 2 excerpts, 1 violations ==');
    expect(out).toMatch(/lang ru\s+P \d\.\d{3} R \d\.\d{3}/);
    expect(out).toMatch(/lang en\s+P \d\.\d{3} R \d\.\d{3}/);
    expect(out).toContain('keyword baseline');
    expect(out).toMatch(/top-1 \d\.\d{3}\s+top-2 \d\.\d{3}/);
    expect(out).toMatch(/language identification[^\n]*\n\s+all\s+\d\.\d{3} \(\d\/4\)/);
  });

  it('tells the ranking apart from the misses: top-1 over every violation, and over the ones it found', () => {
    // A violation told without any of its words (labelled as the report would, yet nothing here says "journalist"
    // or "detained") is missed; the found one is ranked right. Top-1 counts the miss as wrong, top-1 of the found
    // does not.
    const dir = mkdtempSync(join(tmpdir(), 'soz-real-'));
    const manifest = join(dir, 'manifest.jsonl');
    const excerpts = join(dir, 'excerpts.jsonl');
    const rows: [ManifestEntry, string][] = [
      ...FIXTURE.slice(0, 1),
      [
        entry(5, { candidate: true, category: 'detention', part: 'tuning' }),
        'Вечером его отпустили домой, и он сразу сел писать материал о прошедшем дне.',
      ],
      ...FIXTURE.slice(1, 2),
    ];
    writeFileSync(manifest, `${rows.map(([e]) => manifestLine(e)).join('\n')}\n`);
    writeFileSync(excerpts, `${rows.map(([e, text]) => JSON.stringify({ id: e.id, text })).join('\n')}\n`);
    const lines: string[] = [];
    expect(
      runRealEvaluation({ manifestPath: manifest, excerptsPath: excerpts, log: (l) => lines.push(l) }),
    ).toBe(0);
    expect(lines.join('\n')).toMatch(
      /overall\s+top-1 0\.500\s+top-2 0\.500\s+top-1 by base id 0\.500\s+\(2 violations\)\s+top-1 of the 1 found 1\.000/,
    );
  });

  it('measures one part alone with --part, and names the parts when asked for one that is not there', () => {
    const { manifest, excerpts } = writeFixture(true);
    const lines: string[] = [];
    const code = runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      part: 'tuning',
      errors: true,
      log: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('real dev set: 2 excerpts');
    expect(out).toContain('== tuning: 2 excerpts, 1 violations ==');
    expect(out).not.toContain('heldout');
    const wrong: string[] = [];
    expect(
      runRealEvaluation({
        manifestPath: manifest,
        excerptsPath: excerpts,
        part: 'test',
        log: (l) => wrong.push(l),
      }),
    ).toBe(2);
    expect(wrong.join('\n')).toContain('no part "test" (the manifest has heldout, tuning)');
  });

  it('measures several parts named with commas, each and then pooled, and refuses an unknown one among them', () => {
    const { manifest, excerpts } = writeFixture(true);
    const lines: string[] = [];
    const code = runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      part: 'tuning, heldout',
      errors: true,
      log: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('== tuning: 2 excerpts, 1 violations ==');
    expect(out).toContain('== heldout: 2 excerpts, 1 violations ==');
    // The pooled table counts both parts' excerpts and both languages once.
    const pooled = out.slice(out.indexOf('== tuning+heldout: 4 excerpts, 2 violations =='));
    expect(pooled).toMatch(/^== tuning\+heldout/);
    expect(pooled).toMatch(/lang en\s+P \d\.\d{3}/);
    expect(pooled).toMatch(/lang ru\s+P \d\.\d{3}/);
    // Errors are listed per named part (the held-out one too, as it was named), not again for the pool.
    expect(out).toContain('errors (heldout)');
    expect(out).not.toContain('errors (tuning+heldout)');
    const wrong: string[] = [];
    expect(
      runRealEvaluation({
        manifestPath: manifest,
        excerptsPath: excerpts,
        part: 'tuning,fresh99',
        log: (l) => wrong.push(l),
      }),
    ).toBe(2);
    expect(wrong.join('\n')).toContain('no part "fresh99"');
  });

  it("lists the held-out part's errors only when that part is asked for by name", () => {
    const { manifest, excerpts } = writeFixture(true);
    const all: string[] = [];
    runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      errors: true,
      log: (l) => all.push(l),
    });
    expect(all.join('\n')).not.toContain('errors (heldout)');
    const named: string[] = [];
    runRealEvaluation({
      manifestPath: manifest,
      excerptsPath: excerpts,
      part: 'heldout',
      errors: true,
      log: (l) => named.push(l),
    });
    expect(named.join('\n')).toContain('errors (heldout)');
  });

  it('measures language identification per register and names the excerpts it got wrong', () => {
    const item = (id: string, lang: 'kk' | 'ru' | 'en', text: string, tag: string) => ({
      id,
      lang,
      text,
      candidate: false,
      category: null,
      tags: [tag],
      part: 'tuning' as const,
      alsoFits: null,
    });
    const rows = realLanguageAccuracy({
      items: [
        item('a', 'ru', 'Журналиста задержали у здания акимата, сообщили в редакции.', 'headline'),
        item('b', 'kk', 'Тілші әкімдік ғимаратының жанында ұсталды деп хабарлады редакция.', 'paragraph'),
        // Labelled Kazakh on purpose: an English sentence must be reported as wrong, not counted right.
        item('c', 'kk', 'The reporter was detained outside the city hall, the newsroom said.', 'paragraph'),
      ],
      missing: [],
    });
    expect(rows.find((r) => r.group === 'all')).toMatchObject({ right: 2, total: 3 });
    expect(rows.find((r) => r.group === 'headline')).toMatchObject({ right: 1, total: 1 });
    const paragraph = rows.find((r) => r.group === 'paragraph');
    expect(paragraph).toMatchObject({ right: 1, total: 2 });
    expect(paragraph?.wrong).toEqual([{ id: 'c', gold: 'kk', got: 'en' }]);
    expect(rows.some((r) => r.group === 'lead')).toBe(false);
  });

  it('reports excerpts missing from the cache', () => {
    const { manifest, excerpts } = writeFixture(true);
    writeFileSync(excerpts, `${JSON.stringify({ id: 'real-fixture1', text: FIXTURE[0]![1] })}\n`);
    const lines: string[] = [];
    runRealEvaluation({ manifestPath: manifest, excerptsPath: excerpts, log: (l) => lines.push(l) });
    expect(lines[0]).toContain('3 of 4 excerpts missing from the cache');
  });
});

describe('real dev set split', () => {
  it('is fixed by the event group (or page) and keeps a part once given', () => {
    const a = entry(10, { url: 'https://a.test/1', group: 'event-x' });
    const b = entry(11, { url: 'https://b.test/2', group: 'event-x' });
    expect(partOf(a)).toBe(partOf(b));
    const kept = applySplit([
      { ...a, part: 'heldout' },
      { ...a, id: 'other', part: 'tuning' },
    ]);
    expect(kept.map((e) => e.part)).toEqual(['heldout', 'tuning']);
  });

  it('flags a held-out part under a third and a language without violations on one side', () => {
    const entries = [
      entry(20, { part: 'tuning', candidate: true, category: 'attack' }),
      entry(21, { part: 'tuning' }),
      entry(22, { part: 'heldout', url: 'https://c.test/3' }),
      entry(23, { part: 'tuning', url: 'https://d.test/4' }),
    ];
    const problems = checkSplit(entries).problems.join('\n');
    expect(problems).toContain('under a third');
    expect(problems).toContain('ru has no violations in the heldout part');
  });
});
