// Feed parsing: the three feed dialects, and the two ways a feed URL goes bad in the wild.
import { describe, expect, it } from 'vitest';
import { checkWellFormed, parseFeed } from '../../../crawlers/news/parse-feed.ts';

const BASE = 'https://news.example.kz/rss';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with RFC 822 dates and relative links', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Жаңалықтар</title>
      <item><title>Журналист ұсталды</title><link>/kk/news/101</link><pubDate>Sat, 15 Aug 2020 07:05:00 GMT</pubDate></item>
      <item><title><![CDATA[Суд <b>отказал</b> в иске]]></title><link>https://news.example.kz/ru/news/102</link><pubDate>не дата</pubDate></item>
    </channel></rss>`;
    const r = parseFeed(xml, BASE);
    expect(r.ok && r.value).toEqual([
      {
        url: 'https://news.example.kz/kk/news/101',
        title: 'Журналист ұсталды',
        publishedAt: '2020-08-15T07:05:00.000Z',
        updatedAt: null,
        listed: true,
        summary: null,
      },
      {
        url: 'https://news.example.kz/ru/news/102',
        title: 'Суд <b>отказал</b> в иске',
        publishedAt: null,
        updatedAt: null,
        listed: true,
        summary: null,
      },
    ]);
  });

  it('reads Atom entries: the alternate link, published and updated dates', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Orda</title>
      <entry><title>Blogger charged</title><link rel="self" href="https://x.kz/api/1"/><link rel="alternate" href="https://x.kz/en/blogger-charged"/>
      <published>2020-08-24T15:40:00+06:00</published><updated>2020-08-25T09:00:00+06:00</updated></entry></feed>`;
    const r = parseFeed(xml, BASE);
    expect(r.ok && r.value[0]).toEqual({
      url: 'https://x.kz/en/blogger-charged',
      title: 'Blogger charged',
      publishedAt: '2020-08-24T09:40:00.000Z',
      updatedAt: '2020-08-25T03:00:00.000Z',
      listed: true,
      summary: null,
    });
  });

  it('reads RSS 1.0 (RDF) items with dc:date', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://y.kz/"><title>Y</title></channel>
      <item rdf:about="https://y.kz/a/1.html"><title>Сайт заблокирован</title><link>https://y.kz/a/1.html</link><dc:date>2020-08-18T10:05:00+06:00</dc:date></item>
    </rdf:RDF>`;
    const r = parseFeed(xml, BASE);
    expect(r.ok && r.value).toEqual([
      {
        url: 'https://y.kz/a/1.html',
        title: 'Сайт заблокирован',
        publishedAt: '2020-08-18T04:05:00.000Z',
        updatedAt: null,
        listed: true,
        summary: null,
      },
    ]);
  });

  it('rejects an HTML page served where the feed was (site redesign, bot wall)', () => {
    const r = parseFeed('<!DOCTYPE html><html><body><h1>Мы переехали</h1></body></html>', BASE);
    expect(r).toEqual({
      ok: false,
      stage: 'discover',
      reason: `expected a feed at ${BASE}, got an HTML page`,
    });
  });

  it('rejects a truncated feed with the line of the problem', () => {
    const r = parseFeed('<rss><channel>\n<item><title>a</title>\n</channel></rss>', BASE);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/malformed feed .*line 3: <\/channel> closes <item>/);
    expect(checkWellFormed('<a><b/><![CDATA[</x>]]><!-- </y> --></a>')).toBeNull();
  });

  it('rejects well-formed XML that is not a feed', () => {
    const r = parseFeed('<?xml version="1.0"?><error><message>quota</message></error>', BASE);
    expect(!r.ok && r.reason).toMatch(/not a feed .*<error>/);
  });
});
