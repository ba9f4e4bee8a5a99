// News dates in Russian, Kazakh and English text, ISO/meta values, and relative dates in Almaty time.
import { describe, expect, it } from 'vitest';
import { parseNewsDate } from '../../../pipeline/index.ts';

// 15 August 2020, 16:00 in Almaty (UTC+6 then).
const NOW = new Date('2020-08-15T10:00:00Z');

describe('parseNewsDate', () => {
  it.each([
    ['14 августа 2020', '2020-08-14T06:00:00.000Z'],
    ['Опубликовано: 14 августа 2020 г., 18:30', '2020-08-14T12:30:00.000Z'],
    ['14 тамыз 2020 ж.', '2020-08-14T06:00:00.000Z'],
    ['2020 жылғы 14 тамызда', '2020-08-14T06:00:00.000Z'],
    ['14 тамыз 2020 ж., 09:15', '2020-08-14T03:15:00.000Z'],
    ['14.08.2020 18:30', '2020-08-14T12:30:00.000Z'],
    ['14/08/2020', '2020-08-14T06:00:00.000Z'],
    ['August 14, 2020 6:30 pm', '2020-08-14T12:30:00.000Z'],
    ['14 August 2020', '2020-08-14T06:00:00.000Z'],
  ])('reads a date written in text: %s', (text, iso) => {
    expect(parseNewsDate(text, NOW)).toBe(iso);
  });

  it.each([
    ['2020-08-14T18:30:00+06:00', '2020-08-14T12:30:00.000Z'],
    ['2020-08-14T12:30:00Z', '2020-08-14T12:30:00.000Z'],
    ['2020-08-14T18:30:00+0600', '2020-08-14T12:30:00.000Z'],
    ['2020-08-14 18:30', '2020-08-14T12:30:00.000Z'],
    ['2020-08-14', '2020-08-14T06:00:00.000Z'],
    ['Fri, 14 Aug 2020 18:30:00 +0600', '2020-08-14T12:30:00.000Z'],
    ['1597408200', '2020-08-14T12:30:00.000Z'],
  ])('reads ISO, RFC 2822 and epoch values from meta tags and feeds: %s', (text, iso) => {
    expect(parseNewsDate(text, NOW)).toBe(iso);
  });

  it.each([
    ['Вчера, 18:30', '2020-08-14T12:30:00.000Z'],
    ['Сегодня в 09:15', '2020-08-15T03:15:00.000Z'],
    ['Бүгін, 09:15', '2020-08-15T03:15:00.000Z'],
    ['Кеше 10:00', '2020-08-14T04:00:00.000Z'],
    ['2 часа назад', '2020-08-15T08:00:00.000Z'],
    ['5 минут назад', '2020-08-15T09:55:00.000Z'],
    ['час назад', '2020-08-15T09:00:00.000Z'],
    ['3 сағат бұрын', '2020-08-15T07:00:00.000Z'],
    ['2 hours ago', '2020-08-15T08:00:00.000Z'],
  ])('reads relative dates against now in Almaty: %s', (text, iso) => {
    expect(parseNewsDate(text, NOW)).toBe(iso);
  });

  it('counts "yesterday" in Almaty, not UTC (quirk: 01:00 Almaty is still the previous UTC day)', () => {
    // 16 August 2020 01:00 in Almaty is 15 August 19:00 UTC; "вчера" is then 15 August.
    expect(parseNewsDate('Вчера, 12:00', new Date('2020-08-15T19:00:00Z'))).toBe('2020-08-15T06:00:00.000Z');
  });

  it('uses UTC+5 for Almaty local times from 1 March 2024 and UTC+6 before', () => {
    expect(parseNewsDate('29.02.2024 12:00', NOW)).toBe('2024-02-29T06:00:00.000Z');
    expect(parseNewsDate('01.03.2024 12:00', NOW)).toBe('2024-03-01T07:00:00.000Z');
    expect(parseNewsDate('14 тамыз 2025 ж., 09:15', NOW)).toBe('2025-08-14T04:15:00.000Z');
  });

  it('takes a day and month without a year as the most recent such day', () => {
    expect(parseNewsDate('14 августа, 18:30', NOW)).toBe('2020-08-14T12:30:00.000Z');
    expect(parseNewsDate('30 декабря', NOW)).toBe('2019-12-30T06:00:00.000Z');
  });

  it('returns null for text without a date and for impossible dates', () => {
    expect(parseNewsDate('Редакция газеты', NOW)).toBeNull();
    expect(parseNewsDate('', NOW)).toBeNull();
    expect(parseNewsDate('31.02.2020', NOW)).toBeNull();
    expect(parseNewsDate('Қазан қаласында', NOW)).toBeNull();
  });
});
