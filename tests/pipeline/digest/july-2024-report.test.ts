// The 2024 report's own lines: a dataset built to match the figures of the July 2024 monthly report (entries
// of our own writing, one per counted incident) drafts in the `blocks` layout with the finer 2024 ids on
// lines of their own, the year to date against 2023, and the same numbers in English, Russian and Kazakh.
// Also: an English draft of entries that all have English summaries has no Cyrillic narrative, and one
// with gaps lists exactly the entries missing a translation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDigest, importDataset, missingTranslations } from '../../../pipeline/index.ts';
import { listEntries } from '../../../storage/index.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';

interface Batch {
  readonly month: string;
  readonly category: string;
  readonly n: number;
}

/** July 2024 as the report counts it, then the rest of block C that makes the year-to-date figures. */
const JULY_2024: readonly Batch[] = [
  { month: '2024-07', category: 'obstruction', n: 3 },
  { month: '2024-07', category: 'threat', n: 1 },
  { month: '2024-07', category: 'image_misuse', n: 6 },
  { month: '2024-07', category: 'copyright', n: 1 },
  { month: '2024-07', category: 'info_denial', n: 19 },
  { month: '2024-07', category: 'blocking', n: 1 },
  { month: '2024-07', category: 'media_closure', n: 1 },
  { month: '2024-07', category: 'cyberattack', n: 5 },
  { month: '2024-07', category: 'criminal_charge', n: 2 },
  { month: '2024-07', category: 'civil_claim', n: 10 },
  { month: '2024-07', category: 'administrative_charge', n: 2 },
  // January–June 2024: 73 more legal cases (87 in seven months), 7 of them criminal (9 in all).
  { month: '2024-03', category: 'criminal_charge', n: 7 },
  { month: '2024-04', category: 'civil_claim', n: 60 },
  { month: '2024-05', category: 'administrative_charge', n: 6 },
  // January–July 2023: 55 legal cases, 7 criminal.
  { month: '2023-02', category: 'criminal_charge', n: 7 },
  { month: '2023-05', category: 'civil_claim', n: 44 },
  { month: '2023-06', category: 'administrative_charge', n: 4 },
];

const BLOCK_C = new Set(['criminal_charge', 'civil_claim', 'administrative_charge']);

/** Short summaries of our own, in three languages: which event of which month. */
function csvOf(batches: readonly Batch[], english: (id: string) => boolean): string {
  const rows = ['id,month,category,stage,summary,lang,summary_kk,summary_en,sources'];
  for (const b of batches) {
    for (let i = 1; i <= b.n; i++) {
      const id = `${b.month}-${b.category}-${i}`;
      const stage = BLOCK_C.has(b.category) ? 'charge' : 'incident';
      const ru = `Случай ${i} (${b.category}) за ${b.month}: описание редакции.`;
      const kk = `${b.month} айындағы ${i}-жағдай (${b.category}): редакция сипаттамасы.`;
      const en = english(id) ? `Case ${i} (${b.category}) of ${b.month}: the newsroom's account.` : '';
      rows.push(
        [id, b.month, b.category, stage, ru, 'ru', kk, en, `https://example-news.kz/${id}`].join(','),
      );
    }
  }
  return rows.join('\n');
}

const dir = tempDir();
let t: TestStore;
const GAPS = new Set(['2024-07-threat-1', '2024-07-cyberattack-3']);

beforeAll(async () => {
  t = await openTestStore('sqlite');
  const path = join(dir, 'july-2024.csv');
  writeFileSync(
    path,
    csvOf(JULY_2024, () => true),
  );
  const imported = await importDataset(t.store, path);
  expect(imported.inserted).toBe(11 + 26 + 14 + 73 + 55);
});
afterAll(async () => t?.close());

const draft = async (lang: 'en' | 'ru' | 'kk') =>
  String(
    await draftDigest(t.store, {
      month: '2024-07',
      lang,
      layout: 'blocks',
      format: 'md',
      draftDate: '2024-08-05',
    }),
  );

describe('the July 2024 report in the blocks layout', () => {
  it('states its figures exactly in English, each finer id on a line of its own', async () => {
    const text = await draft('en');
    const expected = [
      '11 reports of violations of the rights of journalists, media outlets and newsmakers, including:',
      '- 3 cases of obstruction of lawful professional activity',
      '- 1 case of threats to journalists and media',
      '- 6 cases of misuse of the image of media outlets, journalists, bloggers or newsmakers',
      "- 1 case of violation of an outlet's or journalist's copyright, without legal action",
      '26 reports related to the right to freely receive and disseminate information, including:',
      '- 19 cases of refusal or restriction of socially significant information',
      '- 1 case of blocking of sites, accounts or apps; internet shutdowns',
      '- 1 case of closure or suspension of a media outlet',
      "- 5 cases of unauthorised access to a newsroom's systems, DDoS, account hijacking",
      '14 reports of pretrial and court claims and lawsuits against journalists, media outlets and citizens (ongoing cases not counted), including:',
      '- 2 cases of criminal cases and complaints over speech',
      '- 10 cases of civil claims for protection of honour, dignity and business reputation and for moral damage',
      '- 2 cases of administrative cases over speech',
      '- Claims and lawsuits over expression: 87 in January–July 2024, 1.5 times more than in the same period of 2023 (55).',
      '- criminal cases and complaints over speech: 9 in January–July 2024, 1.2 times more than in the same period of 2023 (7).',
    ];
    for (const line of expected) expect(text).toContain(line);
    // The finer ids are not folded into the base ids they refine.
    expect(text).not.toContain('pressure on media');
  });

  it('states the same numbers in Russian and Kazakh', async () => {
    for (const lang of ['ru', 'kk'] as const) {
      const text = await draft(lang);
      const figures = text.slice(0, text.indexOf('## ', text.indexOf('## ') + 3));
      for (const n of ['11', '26', '14', '3', '6', '19', '5', '10'])
        expect(figures, `${lang}: ${n}`).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
      // The wording orders the figures its own way; each comparison stays on one line.
      const line = (re: RegExp) => text.split('\n').find((l) => re.test(l)) ?? '';
      const legal = line(/ 87[,; ]/);
      expect(legal, lang).toContain('1,5');
      expect(legal, lang).toContain('(55)');
      const criminal = line(/ 9[,; ]/);
      expect(criminal, lang).toContain('1,2');
      expect(criminal, lang).toContain('(7)');
    }
    expect(await draft('ru')).toContain(
      'неправомерное использование образа СМИ, журналистов, блогеров, ньюсмейкеров — 6 случаев',
    );
    expect(await draft('kk')).toContain(
      'БАҚ, журналистер, блогерлер немесе ньюсмейкерлер бейнесін заңсыз пайдалану — 6 жағдай',
    );
  });

  it('draws the finer ids in the HTML chart, each with a colour of its own', async () => {
    const html = String(
      await draftDigest(t.store, { month: '2024-07', lang: 'en', layout: 'blocks', format: 'html' }),
    );
    const fills = [...html.matchAll(/<rect [^>]*fill="([^"]*)"><title>([^,<]+),/g)].map((m) => ({
      fill: m[1],
      name: m[2],
    }));
    const imageMisuse = fills.filter((f) => f.name?.startsWith('misuse of the image'));
    expect(imageMisuse.length).toBeGreaterThan(0);
    for (const f of fills) expect(f.fill, f.name).toMatch(/^#[0-9a-f]{6}$/i);
    const copyright = fills.find((f) => f.name?.includes('copyright'))?.fill;
    expect(copyright).toBeDefined();
    expect(copyright).not.toBe(imageMisuse[0]?.fill);
  });
});

describe('an English draft and the translations', () => {
  it('has no Cyrillic narrative when every entry of the month has an English summary', async () => {
    const text = await draft('en');
    const events = text.slice(text.indexOf('## Events in the country'));
    expect(events.length).toBeGreaterThan(100);
    expect(events).not.toMatch(/[\u0400-\u04ff]/);
    expect(text).not.toContain('Still to translate');
  });

  it('lists exactly the entries missing a translation at the top, and narrates them as written', async () => {
    const gaps = await openTestStore('sqlite');
    try {
      const path = join(dir, 'july-2024-gaps.csv');
      writeFileSync(
        path,
        csvOf(JULY_2024, (id) => !GAPS.has(id)),
      );
      await importDataset(gaps.store, path);
      const text = String(
        await draftDigest(gaps.store, { month: '2024-07', lang: 'en', layout: 'blocks', format: 'md' }),
      );
      const top = text.slice(0, text.indexOf('## '));
      expect(top).toContain(
        'Still to translate into English: 2 entries (2024-07-cyberattack-3, 2024-07-threat-1).',
      );
      // Markdown escapes the brackets of the mark.
      expect(text).toMatch(/not yet translated; written in Russian\\?\] Случай 1 \(threat\) за 2024-07/);
      const listed = missingTranslations(
        await listEntries(gaps.store, { fromMonth: '2024-07', toMonth: '2024-07' }),
        'en',
      );
      expect(listed.map((m) => m.id)).toEqual(['2024-07-cyberattack-3', '2024-07-threat-1']);
    } finally {
      await gaps.close();
    }
  });
});
