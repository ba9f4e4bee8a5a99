// Outlet names in page titles are dropped; headlines that merely contain a dash are kept.
import { describe, expect, it } from 'vitest';
import { cleanTitle } from '../../../pipeline/extract/clean-title.ts';

describe('cleanTitle', () => {
  it('drops a trailing outlet name after a dash or bar', () => {
    expect(cleanTitle('Суд оштрафовал редактора газеты — Степной вестник', null)).toBe(
      'Суд оштрафовал редактора газеты',
    );
    expect(cleanTitle('Ақтөбеде тілші сотқа шақырылды | Дала жаңалықтары', null)).toBe(
      'Ақтөбеде тілші сотқа шақырылды',
    );
    expect(cleanTitle('Court fines news site over comment - Steppe Review - Media', null)).toBe(
      'Court fines news site over comment',
    );
  });

  it('drops a leading segment only when it is the declared site name', () => {
    expect(cleanTitle('Zharshy | Журналиста не пустили на сессию маслихата', 'Zharshy')).toBe(
      'Журналиста не пустили на сессию маслихата',
    );
    expect(cleanTitle('Opinion | Republicans are following the leader', null)).toBe(
      'Opinion | Republicans are following the leader',
    );
  });

  it('keeps a headline whose dash is part of it', () => {
    expect(cleanTitle('Суд — это не место для давления на прессу', null)).toBe(
      'Суд — это не место для давления на прессу',
    );
    expect(cleanTitle('Редактор: «Мы будем обжаловать»', null)).toBe('Редактор: «Мы будем обжаловать»');
  });
});
