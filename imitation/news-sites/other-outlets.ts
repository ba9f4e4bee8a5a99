// Two more imitation outlets, written apart from the three the crawler was first built against, to show
// that onboarding and brief handling do not depend on their markup:
//  - Qalam (Kazakh in Latin script): an Atom feed at an unusual path announced only by <link rel=alternate>,
//    microdata (itemtype NewsArticle, itemprop articleBody), og:type=article; one brief; one story whose
//    page renders its text with JavaScript (the page holds the lead only, the feed's <content> all of it).
//  - Ertis ertegisi (Russian, windows-1251 declared only in the HTTP header): table layout, no feed, a plain
//    /sitemap.xml that robots.txt does not name and that also lists non-article pages, og:type=article on
//    articles, dates as "12.08.2020 г."; one brief.
// Every sentence is our own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

export interface OtherArticle {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly publishedAt: string;
  /** Qalam only: the page renders its body with a script; the HTML holds the first paragraph. */
  readonly scripted?: boolean;
}

export const QALAM_ARTICLES: readonly OtherArticle[] = [
  {
    id: '3101',
    title: 'Pavlodarda tilshige sot zalyna kiruge tyiym salyndy',
    paragraphs: [
      'Pavlodar qalalyq sotynda «Ertis media» tilshisi Dana Qasymovaǵa ashyq sot otyrysyna kiruge ruqsat berilmedi.',
      'Sot priystavtary jurnalisten redaksiialyq kuálikten bólek, sýdánıń jazbasha ruqsatyn talap etken. Zań boıynsha ashyq otyrysqa kez kelgen adam, onyń ishinde jurnalister de qatysa alady.',
      'Tilshi sýdánıń áreketine shaǵym tüsirdi. Sot ákimshiligi jaǵdaıdy tekserip jatqanyn habarlady.',
    ],
    publishedAt: '2020-08-19T10:00:00+06:00',
  },
  {
    id: '3107',
    title: 'Ekibastuzda jańa mektep ashylady',
    paragraphs: [
      'Ekibastuz qalasynda 600 oqýshyǵa arnalǵan jańa mektep qyrkúıekte esigin ashady.',
      'Mektep ǵımaratynda zerthanalar, sport zaly jáne kitaphana bar. Qurylys eki jylǵa sozyldy.',
      'Qala ákimdigi mektepke jetekshi muǵalimderdi tartý úshin turǵyn úı beretinin aıtty.',
    ],
    publishedAt: '2020-08-20T12:30:00+06:00',
  },
  {
    id: '3112',
    title: 'Aqsýda aýa raıy salqyndaıdy',
    paragraphs: [
      'Sınoptıkter Aqsý qalasynda túngi temperatýra bes gradýsqa deıin tómendeıtinin eskertti. Kúndiz jańbyr jaýady.',
    ],
    publishedAt: '2020-08-21T08:00:00+06:00',
  },
  {
    id: '3118',
    title: 'Oblystyq gazet redaktoryna qylmystyq is qozǵaldy',
    paragraphs: [
      'Pavlodar oblystyq gazetiniń bas redaktoryna jalǵan aqparat taratty degen aıyppen qylmystyq is qozǵaldy.',
      'Is gazettegi sý qubyry týraly maqaladan keıin ashyldy. Redaktor maqaladaǵy derekterdiń barlyǵy resmı qujattarǵa negizdelgenin aıtady.',
      'Jýrnalıster odaǵy isti sóz bostandyǵyna qysym dep baǵalap, prokýratýradan tekserýdi toqtatýdy surady.',
      'Redaktordyń advokaty tergeýshiniń qaýlysyna sotqa shaǵym berdi. Alǵashqy tyńdaý kelesi aptaǵa belgilendi.',
    ],
    publishedAt: '2020-08-22T15:45:00+06:00',
    scripted: true,
  },
];

export const ERTIS_ARTICLES: readonly OtherArticle[] = [
  {
    id: '7730',
    title: 'В Семее оператора телеканала выгнали с заседания маслихата',
    paragraphs: [
      'На внеочередной сессии городского маслихата Семея оператора регионального телеканала попросили выключить камеру и покинуть зал.',
      'Секретарь маслихата объяснил, что обсуждение бюджета «не предназначено для съёмки», хотя сессии по закону открыты для прессы и граждан.',
      'Редакция телеканала направила жалобу в областной акимат и намерена обратиться в прокуратуру.',
    ],
    publishedAt: '2020-08-18T09:30:00+06:00',
  },
  {
    id: '7734',
    title: 'На Иртыше начали укреплять берег у старого моста',
    paragraphs: [
      'Строители приступили к укреплению берега Иртыша рядом со старым мостом, где весной вода подмыла набережную.',
      'Работы ведут с баржи, на берег уложат бетонные плиты и габионы. Участок набережной закрыт для пешеходов до октября.',
    ],
    publishedAt: '2020-08-19T14:00:00+06:00',
  },
  {
    id: '7741',
    title: 'В Семее откроют бесплатную юридическую консультацию',
    paragraphs: [
      'Приём будут вести студенты юридического колледжа по субботам в здании городской библиотеки.',
    ],
    publishedAt: '2020-08-21T16:20:00+06:00',
  },
  {
    id: '7745',
    title: 'Городской театр открывает сезон премьерой',
    paragraphs: [
      'Драматический театр имени Абая откроет новый сезон спектаклем по повести местного писателя о жизни рыбацкого посёлка.',
      'Режиссёр рассказал, что актёры две недели жили в посёлке на берегу Иртыша, чтобы лучше понять своих героев.',
      'Билеты на премьеру уже проданы, дополнительный показ назначен на следующую субботу.',
    ],
    publishedAt: '2020-08-23T11:00:00+06:00',
  },
];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export const qalamPath = (a: OtherArticle) => `/maqala/${a.id}/${slug(a.title)}`;
export const ertisPath = (a: OtherArticle) => `/news/view/${a.id}.html`;

const QALAM_NOTICE = 'Saıttaǵy materıaldardy paıdalaný tek redaksıanyń jazbasha kelisimimen múmkin.';

export function qalamHome(): string {
  return `<!doctype html><html lang="kk-Latn"><head><meta charset="utf-8"><title>Qalam — Pavlodar jańalyqtary</title>
<link rel="alternate" type="application/atom+xml" title="Qalam" href="/api/v2/atom">
</head><body><div class="wrap"><h1 class="logo">Qalam</h1>
<ul class="cards">${QALAM_ARTICLES.map((a) => `<li class="card"><a href="${qalamPath(a)}">${esc(a.title)}</a></li>`).join('')}</ul>
</div></body></html>`;
}

export function qalamArticle(a: OtherArticle): string {
  const shown = a.scripted ? a.paragraphs.slice(0, 1) : a.paragraphs;
  const state = a.scripted
    ? `<script>window.__STORY__=${JSON.stringify({ id: a.id, blocks: a.paragraphs.slice(1) })}</script>`
    : '';
  return `<!doctype html><html lang="kk-Latn"><head><meta charset="utf-8"><title>${esc(a.title)} — Qalam</title>
<meta property="og:type" content="article"><meta property="og:title" content="${esc(a.title)}">
</head><body><div class="wrap">
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">${esc(a.title)}</h1>
<time itemprop="datePublished" datetime="${a.publishedAt}">${a.publishedAt.slice(0, 10)}</time>
<div itemprop="articleBody" id="story">${shown.map((p) => `<p>${esc(p)}</p>`).join('')}</div>
</article>${state}
<footer class="legal">${QALAM_NOTICE}</footer>
</div></body></html>`;
}

export function qalamAtom(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Qalam</title><id>${base}/</id><updated>2020-08-22T15:45:00+06:00</updated>
${QALAM_ARTICLES.map(
  (
    a,
  ) => `<entry><title>${esc(a.title)}</title><link rel="alternate" href="${base}${qalamPath(a)}"/><id>${base}${qalamPath(a)}</id>
<published>${a.publishedAt}</published><updated>${a.publishedAt}</updated>
<summary>${esc(a.paragraphs[0]!)}</summary>
<content type="html">${esc(a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join(''))}</content></entry>`,
).join('\n')}
</feed>`;
}

const RU_DATE = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} г.`;

function ertisPage(title: string, inner: string, article: boolean): string {
  return `<html><head><title>${esc(title)} :: Ертіс ертегісі</title>
${article ? '<meta property="og:type" content="article">' : ''}
</head><body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2" class="shapka"><b>Ертіс ертегісі</b> — газета Восточного Казахстана</td></tr>
<tr><td width="180" valign="top" class="levo"><a href="/">Главная</a><br><a href="/news/">Новости</a><br><a href="/about.html">О газете</a><br><a href="/contacts.html">Контакты</a></td>
<td valign="top" class="centr">${inner}</td></tr>
<tr><td colspan="2" class="niz">© Ертіс ертегісі, 1998-2020</td></tr></table></body></html>`;
}

export function ertisHome(): string {
  return ertisPage(
    'Главная',
    `<h3>Новости</h3>${ERTIS_ARTICLES.map((a) => `<a href="${ertisPath(a)}">${esc(a.title)}</a> <small>${RU_DATE(a.publishedAt)}</small><br>`).join('\n')}`,
    false,
  );
}

export function ertisArticle(a: OtherArticle): string {
  return ertisPage(
    a.title,
    `<font size="4"><b>${esc(a.title)}</b></font><br><small class="data">${RU_DATE(a.publishedAt)}</small>
<div class="tekst">${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>`,
    true,
  );
}

export function ertisSitemap(base: string): string {
  const urls = [
    ...ERTIS_ARTICLES.map((a) => [ertisPath(a), a.publishedAt]),
    ['/about.html', '2019-01-01'],
    ['/contacts.html', '2019-01-01'],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map(([p, d]) => `<url><loc>${base}${p}</loc><lastmod>${d}</lastmod></url>`).join('\n')}
</urlset>`;
}

export interface OtherOutlets {
  readonly urls: { readonly qalam: string; readonly ertis: string };
  close(): Promise<void>;
}

/** Serves Qalam and Ertis ertegisi on 127.0.0.1, one random port each. */
export async function startOtherOutlets(): Promise<OtherOutlets> {
  const servers: Server[] = [];
  const serve = async (
    handler: (path: string, base: string) => { status: number; type: string; body: string | Buffer },
  ): Promise<string> => {
    let base = '';
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const reply = handler(path, base);
      const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
      res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': String(body.byteLength) });
      res.end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return base;
  };
  const html = 'text/html; charset=utf-8';
  const notFound = { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };
  const qalam = await serve((path, base) => {
    if (path === '/robots.txt') return { status: 200, type: 'text/plain', body: 'User-agent: *\nAllow: /\n' };
    if (path === '/') return { status: 200, type: html, body: qalamHome() };
    if (path === '/api/v2/atom')
      return { status: 200, type: 'application/atom+xml; charset=utf-8', body: qalamAtom(base) };
    const a = QALAM_ARTICLES.find((x) => qalamPath(x) === path);
    return a ? { status: 200, type: html, body: qalamArticle(a) } : notFound;
  });
  const cp1251 = 'text/html; charset=windows-1251';
  const ertis = await serve((path, base) => {
    if (path === '/robots.txt')
      return { status: 200, type: 'text/plain', body: 'User-agent: *\nDisallow: /admin/\n' };
    if (path === '/sitemap.xml') return { status: 200, type: 'text/xml', body: ertisSitemap(base) };
    if (path === '/') return { status: 200, type: cp1251, body: iconv.encode(ertisHome(), 'win1251') };
    if (path === '/about.html' || path === '/contacts.html')
      return {
        status: 200,
        type: cp1251,
        body: iconv.encode(
          ertisPage(
            'О газете',
            '<p>Газета выходит с 1998 года. Телефон редакции: 8 7222 00-00-00.</p>',
            false,
          ),
          'win1251',
        ),
      };
    const a = ERTIS_ARTICLES.find((x) => ertisPath(x) === path);
    return a ? { status: 200, type: cp1251, body: iconv.encode(ertisArticle(a), 'win1251') } : notFound;
  });
  return {
    urls: { qalam, ertis },
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((ok) => {
              s.closeAllConnections();
              s.close(() => ok());
            }),
        ),
      );
    },
  };
}
