// Article extraction over fixture pages of our own writing: each test names the page quirk it covers, and
// every accepted page is checked for boilerplate (menus, "most read", comments, share bars) in its text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article, PROJECT_ROOT, type RawPage } from '../../../core/index.ts';
import { decodePage, extractArticle } from '../../../pipeline/index.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'extract');
const FETCHED = '2020-08-15T04:00:00.000Z';

function rawPage(body: Uint8Array, url = 'https://example.kz/news/1'): RawPage {
  return { sourceId: 'test', url, finalUrl: url, status: 200, headers: {}, body, fetchedAt: FETCHED };
}

function extractFixture(
  name: string,
  url?: string,
  selectors?: Parameters<typeof extractArticle>[1]['selectors'],
) {
  return extractArticle(decodePage(rawPage(readFileSync(join(FIXTURES, name)), url)), {
    sourceId: 'test',
    selectors,
  });
}

function article(name: string, url?: string): Article {
  const r = extractFixture(name, url);
  if (!r.ok) throw new Error(`${name} rejected: ${r.reason}`);
  return r.value;
}

/** Phrases that only occur in the fixtures' menus, share bars, comments, tag lists, "most read" and footers. */
const BOILERPLATE = [
  'Главная',
  'Политика',
  'Поделиться',
  'Telegram',
  'ВКонтакте',
  'Одноклассники',
  'Комментарии',
  'Позор судье',
  'Надо было проверять',
  'Самое читаемое',
  'В Атырау задержали блогера',
  'Акимат Шымкента',
  'Все права защищены',
  'Басты бет',
  'Бөлісу',
  'WhatsApp',
  'Тегтер',
  'Пікірлер',
  'Тілшіні қолдаймыз',
  'Көп оқылған',
  'Алматыда блогер',
  'Шымкентте газет',
  'Барлық құқықтар',
  'Редакторды қолдаймыз',
  'Семейде блогер',
  'Share on',
  'Related:',
  'Regulator warns',
  'Sign up',
  'Most read',
  'Blogger detained',
  'All rights reserved',
  'Читайте также',
  'В Темиртау оштрафовали',
  'Похожие новости',
  'Журналиста из Костаная',
  'В Усть-Каменогорске',
  'Архив',
  'Вчера, 18:30',
  '14 тамыз 2020 ж',
];

function expectNoBoilerplate(a: Article): void {
  for (const phrase of BOILERPLATE) expect(a.text, `"${phrase}" leaked into the text`).not.toContain(phrase);
}

describe('extractArticle', () => {
  it('takes the body from JSON-LD inside @graph, and metadata too (quirk: ru-jsonld-graph)', () => {
    const a = article(
      'ru-jsonld-graph.html',
      'https://vestnik.example.kz/news/2020/08/14/sud-v-uralske-oshtrafoval-redaktora?utm=x',
    );
    expect(a.extractedBy).toBe('jsonld');
    expect(a.title).toBe('Суд в Уральске оштрафовал редактора «Жайык Пресс»');
    expect(a.publishedAt).toBe('2020-08-14T12:30:00.000Z');
    expect(a.author).toBe('Айгерим Садыкова');
    expect(a.section).toBe('Общество');
    expect(a.langHint).toBe('ru');
    // A relative canonical link is resolved against the final URL.
    expect(a.canonicalUrl).toBe(
      'https://vestnik.example.kz/news/2020/08/14/sud-v-uralske-oshtrafoval-redaktora',
    );
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).toMatch(/^Специализированный административный суд/);
    expectNoBoilerplate(a);
  });

  it('finds the story in div soup without <article> or structured data (quirk: kk-no-article-tag)', () => {
    const a = article('kk-no-article-tag.html');
    expect(a.extractedBy).toBe('generic');
    expect(a.title).toBe('Ақтөбеде тілші сотқа шақырылды');
    expect(a.langHint).toBe('kk');
    expect(a.canonicalUrl).toBe('https://dala.example.kz/kk/news/aktobe-tilshi-sotka');
    // The date is only shown as text in a "date" element.
    expect(a.publishedAt).toBe('2020-08-14T03:15:00.000Z');
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).toContain('Сот отырысы келесі аптаға белгіленді.');
    expectNoBoilerplate(a);
  });

  it('uses microdata articleBody and drops related links and newsletter calls inside it (quirk: en-microdata)', () => {
    const a = article('en-microdata.html');
    expect(a.extractedBy).toBe('microdata');
    expect(a.publishedAt).toBe('2020-08-14T12:30:00.000Z');
    expect(a.author).toBe('Daniyar Bekov');
    expect(a.section).toBe('Media');
    expect(a.langHint).toBe('en');
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).toContain('The editor said the site would appeal');
    expectNoBoilerplate(a);
  });

  it('distrusts a JSON-LD body that is only a teaser of the page (quirk: ru-jsonld-teaser)', () => {
    const a = article('ru-jsonld-teaser.html');
    expect(a.extractedBy).toBe('generic');
    expect(a.text).toContain('Международные организации по защите свободы слова');
    expect(a.text).not.toContain('Подробности в материале');
    expect(a.publishedAt).toBe('2020-08-13T06:00:00.000Z');
    expectNoBoilerplate(a);
  });

  it('decodes a windows-1251 page and reads "Вчера, 18:30" against the fetch time (quirk: ru-windows-1251)', () => {
    const a = article('ru-windows-1251.html');
    expect(a.title).toBe('Журналиста из Семея вызвали в полицию');
    expect(a.text).toContain('Ольгу Ерёменко');
    expect(a.text).toContain('— хотя');
    expect(a.publishedAt).toBe('2020-08-14T12:30:00.000Z');
    expectNoBoilerplate(a);
  });

  it('gives the same Kazakh text from KZ-1048, undeclared PT154 and font-hack windows-1251 pages', () => {
    const texts = ['kk-kz1048.html', 'kk-pt154-undeclared.html', 'kk-font-hack-1251.html'].map((f) =>
      article(f),
    );
    for (const a of texts) {
      expect(a.title).toBe('Павлодарда газет редакторы айыппұл төледі');
      expect(a.text).toContain('Ұлттық журналистер одағы');
      expect(a.text).not.toMatch(/[ќѕўїєґјЌЅЎЇЄҐЈ]/);
      expect(a.publishedAt).toBe('2020-08-14T06:00:00.000Z');
      expectNoBoilerplate(a);
    }
    expect(texts[1]!.text).toBe(texts[0]!.text);
    expect(texts[2]!.text).toBe(texts[0]!.text);
  });

  it('keeps an embedded social post but drops caption, byline, date line and share words (quirk: ru-embed-captions)', () => {
    const a = article('ru-embed-captions.html');
    expect(a.text).toContain('Мы требуем объяснений от руководства полиции');
    expect(a.text).toMatch(/^Прокуратура Жамбылской области/);
    expect(a.text).toMatch(/после его завершения\.$/);
    expect(a.publishedAt).toBe('2020-08-16T05:20:00.000Z');
    expectNoBoilerplate(a);
  });

  it('rejects a listing page with a reason instead of throwing (quirk: ru-listing)', () => {
    const r = extractFixture('ru-listing.html');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.stage).toBe('extract');
      expect(r.reason).toMatch(/listing/);
    }
  });

  it('rejects an article template with an empty body (quirk: ru-empty)', () => {
    const r = extractFixture('ru-empty.html');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no article body|too short/);
  });

  it('rejects a page that is not HTML at all without throwing', () => {
    const r = extractArticle(decodePage(rawPage(Buffer.from('%PDF-1.4 binary junk'))), { sourceId: 'test' });
    expect(r.ok).toBe(false);
  });

  it('follows per-source selectors when given, removing what they list', () => {
    const r = extractFixture('kk-no-article-tag.html', undefined, {
      body: '.item-body',
      title: 'h1',
      date: '.date',
      remove: ['div:last-child'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.extractedBy).toBe('selectors');
    expect(r.value.text).toContain('Ақтөбе облысының тілшісі');
    expect(r.value.text).not.toContain('Сот отырысы келесі аптаға');
    expect(r.value.publishedAt).toBe('2020-08-14T03:15:00.000Z');
  });

  it('falls back to the generic extractor when a per-source selector no longer matches (site redesign)', () => {
    const r = extractFixture('kk-no-article-tag.html', undefined, { body: '.old-article-text' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.extractedBy).toBe('generic');
    expect(r.value.text).toContain('Сот отырысы келесі аптаға белгіленді.');
  });

  it('reports a bad per-source selector as a rejection naming it', () => {
    const r = extractFixture('kk-no-article-tag.html', undefined, { body: 'div[[' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('div[[');
  });

  it('falls back to the source language hint when the page declares none', () => {
    const html = `<html><head><title>Заголовок новости</title></head><body><div><p>${'Текст новости о суде над журналистом. '.repeat(12)}</p></div></body></html>`;
    const r = extractArticle(decodePage(rawPage(Buffer.from(html))), { sourceId: 'test', langHint: 'ru' });
    expect(r.ok && r.value.langHint).toBe('ru');
  });
});
