// The acceptance test of issue 7: a dataset built to match the August 2020 reference report
// (tests/fixtures/dataset/reference-2020.jsonl, composition in build-reference-2020.py) drafts a report
// stating exactly the reference figures, in English, Russian and Kazakh, in both layouts and all formats.
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { buildDigest, draftDigest, importDataset } from '../../../pipeline/index.ts';
import { openTestStore, type TestStore } from '../../helpers/test-stores.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'dataset', 'reference-2020.jsonl');
const AUGUST = { month: '2020-08', draftDate: '2020-09-01' } as const;

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('sqlite');
  await importDataset(t.store, FIXTURE);
});
afterAll(async () => t.close());

const md = async (
  lang: 'en' | 'ru' | 'kk',
  extra: { layout?: 'classic' | 'blocks'; explain?: boolean } = {},
) => String(await draftDigest(t.store, { ...AUGUST, lang, format: 'md', ...extra }));

/** The statistics tail: from the judicial-acts sentence to the amounts. */
function tail(text: string, start: RegExp, end: RegExp): string {
  const from = text.search(start);
  const to = text.search(end);
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return text.slice(from, to);
}

/** Every whole number in the tail except the year, in order; "Five" counts as 5. */
function numbers(text: string): number[] {
  return (text.replace(/\bFive\b/g, '5').match(/\d+/g) ?? []).map(Number).filter((n) => n !== 2020);
}

const REFERENCE_SEQUENCE = [8, 5, 2, 3, 1, 41, 12, 21, 52, 45, 78, 100, 935, 993];

describe('the classic draft of August 2020', () => {
  it('states the reference figures in English, in the report wording', async () => {
    const text = await md('en');
    expect(text).toContain('# Violations of Freedom of Speech in Kazakhstan August 2020');
    expect(text).toContain(
      '8 judicial acts were issued against media and citizens in connection with the exercise of the right to freedom of expression',
    );
    expect(text).toContain(
      'business reputation in August 2020. Five of them were in favor of the media, journalists and citizens.',
    );
    expect(text).toContain('- 2 criminal charges, none of them in court.');
    expect(text).toContain(
      '- 3 claims and suits in civil procedure. All of them were claims for protection of honor, dignity and business reputation.',
    );
    expect(text).toContain('- 1 administrative charge.');
    expect(text).toContain('The following charges were filed since the beginning of the year:');
    expect(text).toContain('- 41 criminal charges (including 12 in court).');
    expect(text).toContain('- 21 administrative charges.');
    expect(text).toContain(
      '- 52 claims and suits in civil procedure. Among them, 45 claims and lawsuits for protection of honor, dignity and business reputation.',
    );
    expect(text).toContain(
      'Claims for compensation for non-pecuniary damage amounted to 78 million 100 thousand tenge. The courts collected 935 thousand 993 tenge.',
    );
    expect(numbers(tail(text, /\d+ judicial acts/, /\n\*\*Confirmed/))).toEqual(REFERENCE_SEQUENCE);
  });

  it('states the same numbers in Russian, with Russian month forms and amounts', async () => {
    const text = await md('ru');
    expect(text).toContain('# Нарушения свободы слова в Казахстане. Август 2020');
    expect(text).toContain('в августе 2020 года');
    expect(text).toContain('вынесено 8 судебных актов. Из них 5 – в пользу СМИ, журналистов и граждан.');
    expect(text).toContain('- 2 уголовных обвинения, ни одно из них не дошло до суда.');
    expect(text).toContain('- 3 претензии и иска в гражданском порядке. Все они');
    expect(text).toContain('- 1 административное обвинение.');
    expect(text).toContain('- 41 уголовное обвинение (в том числе в суде – 12).');
    expect(text).toContain('- 21 административное обвинение.');
    expect(text).toContain(
      '- 52 претензии и иска в гражданском порядке. Среди них о защите чести, достоинства и деловой репутации – 45.',
    );
    expect(text).toContain('составила 78 млн 100 тыс. тенге. Суды взыскали 935 тыс. 993 тенге.');
    expect(numbers(tail(text, /В августе 2020 года в отношении/, /\n\*\*Подтверждённые/))).toEqual(
      REFERENCE_SEQUENCE,
    );
  });

  it('states the same numbers in Kazakh, with the Kazakh month name and amounts', async () => {
    const text = await md('kk');
    expect(text).toContain('2020 жылғы тамыз');
    expect(text).toContain('8 сот актісі шығарылды');
    expect(text).toContain('Олардың ішінде 5 акт БАҚ');
    expect(text).toContain('- 2 қылмыстық айып, олардың ешқайсысы сотқа жеткен жоқ.');
    expect(text).toContain('- азаматтық тәртіппен 3 талап пен арыз. Олардың барлығы');
    expect(text).toContain('- 41 қылмыстық айып (оның ішінде сотта – 12).');
    expect(text).toContain('- 21 әкімшілік айып.');
    expect(text).toContain('78 млн 100 мың теңге');
    expect(text).toContain('935 мың 993 теңге');
    expect(numbers(tail(text, /2020 жылғы тамыз айында пікір/, /\n\*\*Санаттар/))).toEqual(
      REFERENCE_SEQUENCE,
    );
  });

  it('narrates the entries with a summary and their sources, and marks the ongoing case', async () => {
    const text = await md('en');
    expect(text).toContain('It reports:');
    expect(text).toContain('Lukpan Akhmedyarov');
    expect(text).toContain('(<https://example-legal.kz/en/orders/2020-08-14-journalists-at-assemblies>)');
    // The ongoing claim is reported with its note; its 20 million tenge is not in the 78.1 million.
    expect(text).toMatch(/отложил рассмотрение иска[^\n]*_\(ongoing case, counted in an earlier month\)_/);
    // Counting-only spreadsheet rows (no summary) are not narrated.
    expect(text.match(/^- /gm)?.length).toBe(6 + 3 + 4);
  });
});

describe('--explain', () => {
  it('lists, for every number, the ids of the entries it counts', async () => {
    const doc = await buildDigest(t.store, { ...AUGUST, lang: 'en', explain: true });
    const lines = new Map(doc.explain!.map((l) => [l.label, l]));
    const acts = lines.get('judicial acts on honour, dignity and business reputation in the month')!;
    expect(acts.value).toBe(8);
    expect([...acts.ids].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `2020-08-act-${i + 1}`));
    expect(lines.get('of them in favour of the media')!.ids).toHaveLength(5);
    expect(lines.get('criminal charges in the month')!.ids).toEqual([
      '2020-08-criminal-274',
      '2020-08-akhmedyarov-privacy',
    ]);
    expect(lines.get('criminal charges since January')!.ids).toHaveLength(41);
    expect(lines.get('ongoing cases shown but not counted')!.ids).toEqual(['2020-08-ongoing-claim']);
    // Every count has exactly as many ids as its value; amounts list the entries they add up.
    for (const l of doc.explain!) if (!/tenge/.test(l.label)) expect(l.ids).toHaveLength(l.value);
    expect(lines.get('non-pecuniary damage claimed since January (tenge)')!.value).toBe(78_100_000);
    expect(lines.get('non-pecuniary damage collected since January (tenge)')!.value).toBe(935_993);
    // The ongoing entry, the criminal verdict (not an honour case) and September's charge count nowhere.
    const counted = new Set(doc.explain!.filter((l) => !/ongoing/.test(l.label)).flatMap((l) => l.ids));
    for (const id of ['2020-08-ongoing-claim', '2020-08-criminal-verdict', '2020-09-criminal-late'])
      expect(counted.has(id)).toBe(false);

    const text = await md('en', { explain: true });
    expect(text).toContain('## Where each number comes from');
    expect(text).toMatch(/- of them in favour of the media: \*\*5\*\* — 2020-08-act-1, 2020-08-act-2/);
  });
});

describe('the blocks layout', () => {
  it('counts per block and category and compares the year to date with 2019 with the ratio', async () => {
    const text = await md('en', { layout: 'blocks' });
    expect(text).toContain('## August 2020 in figures');
    expect(text).toContain(
      'No reports of violations of the rights of journalists, media outlets and newsmakers.',
    );
    expect(text).toContain(
      '4 reports related to the right to freely receive and disseminate information, including:',
    );
    // Layout 2 words each category's line as the 2023+ reports do: "k cases of …".
    expect(text).toContain('- 2 cases of new laws, rules or orders that restrict media or speech');
    // Block C of August: 2 + 1 criminal (charges and the verdict), 3 claims + 8 acts, 1 administrative; not the ongoing one.
    expect(text).toContain('15 reports of pretrial and court claims and lawsuits');
    expect(text).toContain(
      '- Claims and lawsuits over expression: 130 in January–August 2020, 6.5 times more than in the same period of 2019 (20).',
    );
    expect(text).toContain(
      // The ratio is rounded down to a tenth, as the 2024 reports do (5/3 = 1.67).
      '- obstruction of lawful professional activity: 3 in January–August 2020, 1.6 times fewer than in the same period of 2019 (5).',
    );
    expect(text).toContain(
      '- attack on journalists, bloggers, newsrooms; damage to property: 1 in January–August 2020; none in the same period of 2019.',
    );
    expect(text).toContain('## Events in the country');
    expect(text.indexOf('**August 4.**')).toBeLessThan(text.indexOf('**August 14.**'));
  });

  it('writes the ratio with the decimal comma in Russian', async () => {
    const text = await md('ru', { layout: 'blocks' });
    expect(text).toContain(
      'за январь–август 2020 года, в 6,5 раза больше, чем за тот же период 2019 года (20).',
    );
    expect(text).toContain('## События в стране');
    expect(text).toContain('**4 августа.**');
  });
});

describe('formats', () => {
  it('html is one page with an inline SVG chart and no external resources', async () => {
    const html = String(await draftDigest(t.store, { ...AUGUST, lang: 'en', format: 'html' }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg role="img"');
    expect(html).toMatch(
      /<rect [^>]*fill="#2166ac"><title>criminal cases and complaints over speech, August: 3<\/title>/,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
    // The only URLs are the sources' links, which nothing loads.
    const withoutLinks = html.replace(/<a href="[^"]*"/g, '<a');
    expect(withoutLinks).not.toMatch(/https?:|\/\//);
    expect(html).toContain('<a href="https://example-news.kz/en/2020/08/26/akhmedyarov-privacy-complaint"');
  });

  it('docx is a valid zip whose document holds the text', async () => {
    const bytes = await draftDigest(t.store, { ...AUGUST, lang: 'en', format: 'docx', explain: true });
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect((bytes as Buffer).subarray(0, 2).toString()).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes as Buffer));
    expect(Object.keys(files)).toContain('[Content_Types].xml');
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('41 criminal charges (including 12 in court).');
    expect(xml).toContain('The courts collected 935 thousand 993 tenge.');
    expect(xml).toContain('Lukpan Akhmedyarov');
  });
});

describe('an empty month', () => {
  it('gives a valid draft saying that nothing was confirmed', async () => {
    for (const format of ['md', 'html'] as const) {
      const text = String(
        await draftDigest(t.store, { month: '2021-03', lang: 'en', format, draftDate: '2021-04-01' }),
      );
      expect(text).toContain('No entries were confirmed for March 2021');
      expect(text).toContain('No judicial acts were issued');
      expect(text).toContain('0 criminal charges.');
      expect(text).not.toContain('It reports:');
    }
    const kk = await draftDigest(t.store, { month: '2021-03', lang: 'kk', draftDate: '2021-04-01' });
    expect(String(kk)).toContain('2021 жылғы наурыз айы үшін бірде-бір жазба расталған жоқ');
  });
});
