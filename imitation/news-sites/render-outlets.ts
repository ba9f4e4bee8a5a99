// The HTML, feeds and sitemaps of the imitation outlets, each with the boilerplate of its real model:
// menus, "most read" lists naming other stories, related links, share bars, comments, footers.
import { monthName } from '../../core/index.ts';
import { COMMENTS, type ImitationArticle, NEWS_ARTICLES, type OutletKey } from './news-articles.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const articlesOf = (outlet: OutletKey, list: readonly ImitationArticle[] = NEWS_ARTICLES) =>
  list.filter((a) => a.outlet === outlet).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

/** "15 августа 2020, 13:05" / "August 15, 2020" as the outlets print local Almaty time. */
function localDate(iso: string, lang: 'ru' | 'kk' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  const [y, mo, d, h, mi] = [m[1], Number(m[2]), Number(m[3]), m[4], m[5]];
  if (lang === 'en') return `${monthName('en', mo)} ${d}, ${y}, ${h}:${mi}`;
  return `${d} ${monthName('ru', mo)} ${y}, ${h}:${mi}`;
}

function comments(lang: 'ru' | 'kk' | 'en', heading: string): string {
  return `<section class="comments" id="comments"><h3>${heading}</h3>${COMMENTS[lang]
    .map(
      (c) => `<div class="comment"><b class="comment-author">${esc(c.author)}</b><p>${esc(c.text)}</p></div>`,
    )
    .join(
      '',
    )}<form class="comment-form"><textarea name="text"></textarea><button>Отправить</button></form></section>`;
}

// ── Степной вестник: windows-1251, charset only in <meta http-equiv>, per-source selectors ───────────

export const vestnikPath = (a: ImitationArticle) => `/news/${a.id}-${a.slug}.html`;

export function vestnikArticle(a: ImitationArticle, base: string, all: readonly ImitationArticle[]): string {
  const others = articlesOf('vestnik', all).filter((o) => o.id !== a.id);
  const mostRead = others
    .slice(0, 4)
    .map((o) => `<li><a href="${vestnikPath(o)}">${esc(o.title)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="ru"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>${esc(a.title)} — Степной вестник</title>
<meta property="og:title" content="${esc(a.title)}">
<meta property="article:published_time" content="${a.publishedAt}">
<link rel="canonical" href="${base}${vestnikPath(a)}">
</head><body>
<div class="top-bar">Курс валют: USD 419,50 · EUR 495,10 · Погода в Уральске: +31</div>
<header><a class="logo" href="/">Степной вестник</a>
<nav class="main-menu"><a href="/news/">Новости</a> <a href="/obshestvo/">Общество</a> <a href="/ekonomika/">Экономика</a> <a href="/sport/">Спорт</a> <a href="/pogoda/">Погода</a></nav></header>
<main class="layout">
<div class="content">
<div class="breadcrumbs"><a href="/">Главная</a> / <a href="/${a.section}/">${esc(a.section)}</a></div>
<h1 class="article-title">${esc(a.title)}</h1>
<div class="article-meta"><span class="date">${localDate(a.publishedAt, 'ru')}</span> · <span class="author">${esc(a.author)}</span> · <span class="views">просмотров: 1 204</span></div>
<div class="article-text">
<p class="lead"><strong>${esc(a.lead)}</strong></p>
${a.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i === 1 && others[0] ? `<div class="read-also">Читайте также: <a href="${vestnikPath(others[0])}">${esc(others[0].title)}</a></div>` : ''}`).join('\n')}
</div>
<div class="share">Поделиться: <a href="#">Facebook</a> <a href="#">Telegram</a> <a href="#">WhatsApp</a></div>
<div class="tags">Теги: <a href="/tag/kazakhstan/">Казахстан</a> <a href="/tag/${a.section}/">${esc(a.section)}</a></div>
${comments('ru', 'Комментарии (3)')}
</div>
<aside class="sidebar"><div class="most-read"><h3>Самое читаемое</h3><ol>${mostRead}</ol></div>
<div class="banner">Реклама · Подпишитесь на нашу газету в любом почтовом отделении</div></aside>
</main>
<footer>© 2003–2020 «Степной вестник». Перепечатка материалов только со ссылкой на источник. Рекламный отдел: +7 7112 00-00-00</footer>
</body></html>`;
}

export function vestnikFeed(
  base: string,
  items: readonly { path: string; title: string; date: string; lead: string }[],
): string {
  return `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel>
<title>Степной вестник — новости</title><link>${base}/</link><description>Новости Западного Казахстана</description><language>ru</language>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${esc(i.lead)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

// ── Дала үні: UTF-8, JSON-LD NewsArticle with articleBody, sitemaps ──────────────────────────────────

export const dalaPath = (a: ImitationArticle) => `/kk/article/${a.id}`;

export function dalaArticle(
  a: ImitationArticle,
  base: string,
  all: readonly ImitationArticle[],
  padding = '',
): string {
  const others = articlesOf('dala', all).filter((o) => o.id !== a.id);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.lead,
    articleBody: [a.lead, ...a.paragraphs].join('\n\n'),
    datePublished: a.publishedAt,
    author: { '@type': 'Person', name: a.author },
    publisher: { '@type': 'Organization', name: 'Дала үні' },
    articleSection: a.section,
    inLanguage: 'kk',
    mainEntityOfPage: `${base}${dalaPath(a)}`,
  };
  return `<!doctype html>
<html lang="kk"><head><meta charset="utf-8"><title>${esc(a.title)} | Дала үні</title>
<link rel="canonical" href="${base}${dalaPath(a)}">
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>
</head><body>
<header class="site-header"><a href="/kk/">Дала үні</a><nav><ul><li><a href="/kk/qogam">Қоғам</a></li><li><a href="/kk/ekonomika">Экономика</a></li><li><a href="/kk/sport">Спорт</a></li><li><a href="/ru/">На русском</a></li></ul></nav></header>
<div class="page"><article class="news">
<h1>${esc(a.title)}</h1>
<div class="meta"><time datetime="${a.publishedAt}">${a.publishedAt.slice(8, 10)}.${a.publishedAt.slice(5, 7)}.${a.publishedAt.slice(0, 4)}</time> <span class="byline">Авторы: ${esc(a.author)}</span></div>
<p class="lead">${esc(a.lead)}</p>
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${padding}
<div class="related"><h4>Тақырыпқа қатысты</h4>${others
    .slice(0, 2)
    .map((o) => `<a href="${dalaPath(o)}">${esc(o.title)}</a>`)
    .join(' ')}</div>
<div class="share-bar">Бөлісу: Facebook · Telegram · WhatsApp</div>
</article>
<aside><h3>Көп оқылған</h3><ul>${others
    .slice(0, 3)
    .map((o) => `<li><a href="${dalaPath(o)}">${esc(o.title)}</a></li>`)
    .join('')}</ul></aside>
${comments('kk', 'Пікірлер')}
</div>
<footer>© «Дала үні», 2020. Барлық құқықтар қорғалған.</footer>
</body></html>`;
}

export function dalaSitemapIndex(base: string, lastmod: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemaps/2020-07.xml.gz</loc><lastmod>2020-07-31T23:00:00+06:00</lastmod></sitemap>
<sitemap><loc>${base}/sitemaps/2020-08.xml.gz</loc><lastmod>${lastmod}</lastmod></sitemap>
<sitemap><loc>${base}/news-sitemap.xml</loc><lastmod>${lastmod}</lastmod></sitemap>
</sitemapindex>`;
}

export function dalaUrlset(base: string, entries: readonly { path: string; lastmod: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `<url><loc>${base}${e.path}</loc><lastmod>${e.lastmod}</lastmod><changefreq>never</changefreq></url>`).join('\n')}
</urlset>`;
}

export function dalaNewsSitemap(base: string, items: readonly ImitationArticle[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${items
  .map(
    (a) =>
      `<url><loc>${base}${dalaPath(a)}</loc><news:news><news:publication><news:name>Дала үні</news:name><news:language>kk</news:language></news:publication><news:publication_date>${a.publishedAt}</news:publication_date><news:title>${esc(a.title)}</news:title></news:news></url>`,
  )
  .join('\n')}
</urlset>`;
}

// ── Zharshy: listing pages only, no structured data, no <article> element ──────────────────────────

export const zharshyPath = (a: ImitationArticle) => `/${a.section}/${a.slug}.html`;

function zharshyChrome(title: string, inner: string, all: readonly ImitationArticle[]): string {
  const popular = articlesOf('zharshy', all)
    .slice(2, 6)
    .map((o) => `<li><a href="${zharshyPath(o)}">${esc(o.title)}</a></li>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)} — Zharshy</title></head><body>
<div id="menu" class="menu"><a href="/">Zharshy</a> | <a href="/news/">Новости</a> | <a href="/en/">English</a> | <a href="/about/">О нас</a> | <a href="/ads/">Реклама</a></div>
<div id="wrap">${inner}</div>
<div class="sidebar"><div class="popular"><b>Популярное за неделю</b><ul>${popular}</ul></div>
<div class="subscribe">Подпишитесь на наш Telegram-канал, чтобы не пропустить главное!</div></div>
<div id="bottom">Zharshy — независимое издание Шымкента, 2012–2020. Пишите нам: redaktsiya@zharshy.example</div>
</body></html>`;
}

export function zharshyArticle(a: ImitationArticle, all: readonly ImitationArticle[]): string {
  const date = localDate(a.publishedAt, a.lang);
  const related = articlesOf('zharshy', all)
    .filter((o) => o.id !== a.id && o.lang === a.lang)
    .slice(0, 2)
    .map((o) => `<a href="${zharshyPath(o)}">${esc(o.title)}</a>`)
    .join('<br>');
  const said = a.lang === 'en' ? 'Comments' : 'Комментарии';
  const inner = `<div class="post">
<div class="post-title">${esc(a.title)}</div>
<div class="post-info">${date} | ${esc(a.author)}</div>
<div class="post-body"><p><i>${esc(a.lead)}</i></p>
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>
<div class="more">${a.lang === 'en' ? 'More stories' : 'Ещё по теме'}:<br>${related}</div>
<div class="share">Share: VK · FB · TG</div>
</div>
${comments(a.lang === 'en' ? 'en' : 'ru', said)}`;
  return zharshyChrome(a.title, inner, all);
}

export function zharshyListing(
  page: number,
  items: readonly ImitationArticle[],
  hasNext: boolean,
  all: readonly ImitationArticle[],
  extraLinks: readonly { href: string; text: string; date: string }[] = [],
): string {
  const rows = [
    ...items.map((a) => ({ href: zharshyPath(a), text: a.title, date: localDate(a.publishedAt, 'ru') })),
    ...extraLinks,
  ]
    .map(
      (r) =>
        `<div class="item"><a href="${r.href}">${esc(r.text)}</a><span class="when">${r.date}</span></div>`,
    )
    .join('\n');
  const pager = `<div class="pager">${page > 1 ? `<a href="${page === 2 ? '/news/' : `/news/page/${page - 1}/`}">« Предыдущая</a>` : ''} <span>Страница ${page}</span> ${hasNext ? `<a href="/news/page/${page + 1}/">Следующая »</a>` : ''}</div>`;
  return zharshyChrome(`Новости, страница ${page}`, `<h2>Все новости</h2>${rows}${pager}`, all);
}

// ── Home pages: where `soz sources add` starts, each announcing its feed, sitemap or listing its own way ──

/** Степной вестник: the feed is announced only by <link rel="alternate"> (its path is no common one). */
export function vestnikHome(all: readonly ImitationArticle[]): string {
  const items = articlesOf('vestnik', all)
    .slice(0, 6)
    .map(
      (a) =>
        `<div class="teaser"><a href="${vestnikPath(a)}">${esc(a.title)}</a><span class="date">${localDate(a.publishedAt, 'ru')}</span></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ru"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Степной вестник — новости Западного Казахстана</title>
<link rel="alternate" type="application/rss+xml" title="Новости" href="/rss/news.xml">
</head><body>
<header><a class="logo" href="/">Степной вестник</a>
<nav class="main-menu"><a href="/news/">Новости</a> <a href="/obshestvo/">Общество</a> <a href="/ekonomika/">Экономика</a></nav></header>
<main><h2>Главное</h2>${items}</main>
<footer>© 2003–2020 «Степной вестник».</footer>
</body></html>`;
}

/** Дала үні: no feed link at all; robots.txt names the sitemap index. */
export function dalaHome(all: readonly ImitationArticle[]): string {
  const items = articlesOf('dala', all)
    .slice(0, 5)
    .map((a) => `<li><a href="${dalaPath(a)}">${esc(a.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="kk"><head><meta charset="utf-8"><title>Дала үні — жаңалықтар</title></head><body>
<header class="site-header"><a href="/kk/">Дала үні</a></header>
<div class="page"><h2>Соңғы жаңалықтар</h2><ul class="feed">${items}</ul></div>
<footer>© «Дала үні», 2020.</footer>
</body></html>`;
}

/** Zharshy: no feed and no sitemap; the home page links to the paginated "all news" listing. */
export function zharshyHome(all: readonly ImitationArticle[]): string {
  const items = articlesOf('zharshy', all)
    .slice(0, 4)
    .map((a) => `<div class="item"><a href="${zharshyPath(a)}">${esc(a.title)}</a></div>`)
    .join('\n');
  return zharshyChrome(
    'Главная',
    `<h2>Главное сегодня</h2>${items}<p><a href="/news/">Все новости</a></p>`,
    all,
  );
}

// ── Степной вестник after its redesign: new markup, so its selectors find nothing ────────────────────

export function vestnikArticleRedesigned(a: ImitationArticle): string {
  const d = `${a.publishedAt.slice(8, 10)}.${a.publishedAt.slice(5, 7)}.${a.publishedAt.slice(0, 4)}`;
  return `<!DOCTYPE html>
<html lang="ru"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>${esc(a.title)} | Вестник</title>
</head><body>
<div class="app-shell"><div class="topline"><a href="/">Вестник</a> · <a href="/novosti">Новости</a> · <a href="/podpiska">Подписка</a></div>
<section class="story">
<div class="story__heading">${esc(a.title)}</div>
<div class="story__info">${d} · ${esc(a.author)}</div>
<div class="story__content">
<div class="story__lead">${esc(a.lead)}</div>
${a.paragraphs.map((p) => `<div class="story__para">${esc(p)}</div>`).join('\n')}
</div>
</section>
<div class="footer-new">© Вестник, 2020</div></div>
</body></html>`;
}
