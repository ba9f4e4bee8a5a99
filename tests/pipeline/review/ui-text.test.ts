// The review UI's wording: every language has every key of every area, plural forms follow the language,
// dates read the local way, and the page language follows the account, then Accept-Language.
import { describe, expect, it } from 'vitest';
import { loadUiWording, pickUiLang, UI_LANGS, uiText } from '../../../pipeline/review/ui-text.ts';

describe('review UI wording', () => {
  it('has the same keys in ru, kk and en, none empty', () => {
    const wording = loadUiWording();
    const keys = (lang: (typeof UI_LANGS)[number]) => [...Object.keys(wording.get(lang)!)].sort();
    for (const lang of UI_LANGS) {
      expect(keys(lang), `config/review-ui/${lang} against en`).toEqual(keys('en'));
      for (const [key, value] of Object.entries(wording.get(lang)!)) {
        const forms = typeof value === 'string' ? [value] : Object.values(value);
        for (const form of forms) expect(form.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('names an unknown key with its language', () => {
    expect(() => uiText('kk').t('common.nosuchkey')).toThrow(
      /config\/review-ui\/kk: no wording for common.nosuchkey/,
    );
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
