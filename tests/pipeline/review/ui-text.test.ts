// The review UI's wording: every language has every key of every area with the same placeholders, every key
// the code asks for exists, Russian and Kazakh wording has no English left in it, plural forms follow the
// language, dates read the local way, and the page language follows the account, then Accept-Language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { ENTRIES_COLUMNS } from '../../../pipeline/review/pages/entries-page.ts';
import { SHORTCUTS } from '../../../pipeline/review/pages/page-layout.ts';
import { QUEUE_COLUMNS } from '../../../pipeline/review/pages/queue-page.ts';
import { WORDING_FAMILIES } from '../../../pipeline/review/review-wording.ts';
import { loadUiWording, pickUiLang, UI_LANGS, uiText } from '../../../pipeline/review/ui-text.ts';

const wording = loadUiWording();
const en = wording.get('en')!;
const formsOf = (value: string | Readonly<Record<string, string | undefined>>) =>
  typeof value === 'string' ? [value] : Object.values(value).filter((v): v is string => v !== undefined);
const placeholders = (value: Parameters<typeof formsOf>[0]) =>
  [...new Set(formsOf(value).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

// Source files of the review UI, for the keys they use.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}
const REVIEW_DIR = join(PROJECT_ROOT, 'pipeline', 'review');

// Families whose values the pages themselves list (the domain's families are in WORDING_FAMILIES).
const PAGE_FAMILIES: Record<string, readonly string[]> = {
  ...WORDING_FAMILIES,
  'queue.columns': QUEUE_COLUMNS,
  'entries.columns': ENTRIES_COLUMNS,
  'common.shortcuts': SHORTCUTS.map(([, what]) => what),
  'common.shortcutsShort': SHORTCUTS.filter(([k]) => k !== 'Enter').map(([, what]) => what),
};

describe('review UI wording', () => {
  it('has the same keys in ru, kk and en, none empty, with the same placeholders', () => {
    const keys = (lang: (typeof UI_LANGS)[number]) => [...Object.keys(wording.get(lang)!)].sort();
    for (const lang of UI_LANGS) {
      expect(keys(lang), `config/review-ui/${lang} against en`).toEqual(keys('en'));
      for (const [key, value] of Object.entries(wording.get(lang)!)) {
        for (const form of formsOf(value)) expect(form.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(value), `${lang} ${key}: placeholders`).toEqual(placeholders(en[key]!));
      }
    }
  });

  it('has every key the code asks for: literal keys, and every value of each family built from a value', () => {
    const literal = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of sources(REVIEW_DIR)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\.(?:t|n|has)\(\s*'([\w.-]+)'/g)) literal.add(m[1]!);
      for (const m of code.matchAll(/\.(?:t|n|has)\(\s*`([\w.-]+)\.\$\{/g)) prefixes.add(m[1]!);
      for (const m of code.matchAll(/nameOf\(\s*\w+,\s*'([\w.-]+)'/g)) prefixes.add(m[1]!);
    }
    // The scan finds the pages' wording (a broken pattern would find nothing and pass).
    expect(literal.size).toBeGreaterThan(100);
    expect([...literal].filter((k) => !(k in en))).toEqual([]);
    expect(prefixes.size).toBeGreaterThan(10);
    for (const prefix of prefixes) {
      // errors.<key>: the keys are the reasons errors carry, checked by the next test.
      if (prefix === 'errors') continue;
      expect(PAGE_FAMILIES[prefix], `${prefix}.<value> is built from a value: list its values`).toBeDefined();
    }
    const missing = Object.entries(PAGE_FAMILIES).flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((k) => !(k in en)),
    );
    expect(missing).toEqual([]);
  });

  it('has a wording for every reason a decision error can carry', () => {
    const used = new Set<string>();
    for (const file of [...sources(REVIEW_DIR), join(PROJECT_ROOT, 'pipeline', 'promote-entry.ts')]) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/reviewInputError\([\s\S]*?,\s*'(\w+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/key: '(\w+)'/g)) used.add(m[1]!);
      // No plain inputError left where a reviewer's decision is checked.
      if (/candidate-decisions|entry-draft|promote-entry/.test(file))
        expect(code).not.toMatch(/\binputError\(/);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(`errors.${k}` in en))).toEqual([]);
  });

  it('leaves no English word in the Russian and Kazakh wording, beyond names and codes', () => {
    const allowed = new Set(['Soz', 'Monitor', 'English', 'UTC', 'DDoS', 'k', 'j']);
    for (const lang of ['ru', 'kk'] as const) {
      for (const [key, value] of Object.entries(wording.get(lang)!)) {
        for (const form of formsOf(value)) {
          const words = form.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
          expect(
            words.filter((w) => !allowed.has(w)),
            `${lang} ${key}: «${form}»`,
          ).toEqual([]);
        }
      }
    }
  });

  it('names an unknown key with its language', () => {
    expect(() => uiText('kk').t('common.nosuchkey')).toThrow(
      /config\/review-ui\/kk: no wording for common.nosuchkey/,
    );
  });

  it('chooses plural forms by the language', () => {
    expect(uiText('ru').n('queue.reports', 1)).toBe('1 сообщение');
    expect(uiText('ru').n('queue.reports', 3)).toBe('3 сообщения');
    expect(uiText('ru').n('queue.reports', 5)).toBe('5 сообщений');
    expect(uiText('ru').n('queue.reports', 21)).toBe('21 сообщение');
    expect(uiText('kk').n('queue.reports', 5)).toBe('5 хабарлама');
    expect(uiText('en').n('queue.reports', 1)).toBe('1 report');
    expect(uiText('en').n('queue.reports', 2)).toBe('2 reports');
  });

  it('writes dates in local style', () => {
    expect(uiText('ru').date('2020-08-14')).toBe('14 августа 2020');
    expect(uiText('kk').date('2020-08-14T10:00:00Z')).toBe('14 тамыз 2020');
    expect(uiText('en').date('2020-08-14')).toBe('14 August 2020');
    // A month alone is in the nominative («август 2020», not «августа 2020»).
    expect(uiText('ru').date('2020-08')).toBe('август 2020');
    expect(uiText('kk').date('2020-08')).toBe('тамыз 2020');
    expect(uiText('ru').dateTime('2024-03-05T09:07:31.123Z')).toBe('5 марта 2024, 09:07');
    expect(uiText('en').dateTime('2024-03-05')).toBe('5 March 2024');
    expect(uiText('en').date(null)).toBe('');
  });

  it('names categories in the UI language', () => {
    expect(uiText('ru').category('detention')).toMatch(/^задержание/);
    expect(uiText('kk').category('blocking')).toMatch(/бұғаттау/);
    expect(uiText('en').category('no_such_id')).toBe('no_such_id');
  });

  it("takes the account's language, then the browser's best supported one, then the default", () => {
    expect(pickUiLang('kk', 'ru-RU,ru;q=0.9', 'en')).toBe('kk');
    expect(pickUiLang(null, 'de-DE,de;q=0.9,ru;q=0.8,en;q=0.5', 'en')).toBe('ru');
    expect(pickUiLang(null, 'en;q=0.4, kk-KZ;q=0.7', 'ru')).toBe('kk');
    expect(pickUiLang(undefined, 'fr, de', 'ru')).toBe('ru');
    expect(pickUiLang('xx', undefined, 'en')).toBe('en');
  });
});
