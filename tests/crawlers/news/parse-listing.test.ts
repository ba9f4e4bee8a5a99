// Listing pages: article links outside the menus and sidebars, dates printed next to them, and the
// "next page" link found by rel=next or by its text.
import { describe, expect, it } from 'vitest';
import { loadCrawlConfig } from '../../../crawlers/index.ts';
import { parseListing } from '../../../crawlers/news/parse-listing.ts';
import { parseNewsDate } from '../../../pipeline/index.ts';

const cfg = loadCrawlConfig();
const rules = {
  linkPattern: null,
  nextPageTexts: cfg.nextPageTexts,
  skipLinkPatterns: cfg.skipLinkPatterns,
  parseDate: (t: string) => parseNewsDate(t),
};

const PAGE = `<html><body>
<nav><a href="/news/menu-link-to-section-front.html">Раздел новостей в главном меню сайта</a></nav>
<div class="list">
  <div class="item"><a href="/news/na-blogera-zaveli-delo.html">На блогера завели уголовное дело о ложной информации</a><span>24 августа 2020, 15:40</span></div>
  <div class="item"><a href="/en/court-orders-damages.html">Court orders regional newspaper to pay damages</a><span>23 августа 2020, 11:00</span></div>
  <div class="item"><a href="/tag/sud/">Все материалы с тегом «суд» на этом сайте</a></div>
  <div class="item"><a href="/about">О нас</a></div>
</div>
<aside class="sidebar"><a href="/news/popular-story.html">Самая популярная история недели на сайте</a></aside>
<div class="pager"><a href="/news/page/2/">Следующая »</a></div>
</body></html>`;

describe('parseListing', () => {
  it('finds article links with their listed dates, skipping menus, sidebars, tags and short links', () => {
    const r = parseListing(PAGE, 'https://zharshy.example/news/', rules);
    expect(r.links.map((l) => [l.url, l.publishedAt])).toEqual([
      ['https://zharshy.example/news/na-blogera-zaveli-delo.html', '2020-08-24T09:40:00.000Z'],
      ['https://zharshy.example/en/court-orders-damages.html', '2020-08-23T05:00:00.000Z'],
    ]);
  });

  it('finds the next page by its text, and prefers rel=next', () => {
    expect(parseListing(PAGE, 'https://zharshy.example/news/', rules).nextPage).toBe(
      'https://zharshy.example/news/page/2/',
    );
    const relNext = PAGE.replace(
      '<div class="list">',
      '<a rel="next" href="?page=2">›</a><div class="list">',
    );
    expect(parseListing(relNext, 'https://zharshy.example/news/', rules).nextPage).toBe(
      'https://zharshy.example/news/?page=2',
    );
    const kk = '<div><a href="/kk/news/page/3">Келесі</a></div>';
    expect(parseListing(kk, 'https://adilsoz.example/kk/news/page/2', rules).nextPage).toBe(
      'https://adilsoz.example/kk/news/page/3',
    );
  });

  it('with a link pattern, takes exactly the links that match it', () => {
    const r = parseListing(PAGE, 'https://zharshy.example/news/', {
      ...rules,
      linkPattern: /\/en\/[a-z-]+\.html$/,
    });
    expect(r.links.map((l) => l.url)).toEqual(['https://zharshy.example/en/court-orders-damages.html']);
  });
});
