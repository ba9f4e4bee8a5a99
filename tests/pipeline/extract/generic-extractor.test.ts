// The generic extractor's two routes: a page whose story sits in one clear block is extracted from the
// shared page tree without building a second DOM for Readability (the fast path the crawl relies on); a
// page where no block is clearly the story still goes through Readability. Readability is wrapped to count
// its runs, so the test sees which route a page took.
import { describe, expect, it, vi } from 'vitest';
import type { RawPage } from '../../../core/index.ts';
import { decodePage, extractArticle } from '../../../pipeline/index.ts';

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('@mozilla/readability', async (importOriginal) => {
  const real = await importOriginal<typeof import('@mozilla/readability')>();
  class CountedReadability<T> extends real.Readability<T> {
    override parse() {
      runs.count++;
      return super.parse();
    }
  }
  return { ...real, Readability: CountedReadability };
});

const CHROME_TOP = `<header><nav><a href="/">Басты бет</a> <a href="/sayasat">Саясат</a></nav></header>`;
const CHROME_BOTTOM = `<aside class="most-read"><h3>Көп оқылған</h3><ul>
<li><a href="/kk/1">Алматыда блогер айыппұл төледі</a></li><li><a href="/kk/2">Шымкентте газет жабылды</a></li></ul></aside>
<div class="comments"><h3>Пікірлер</h3><p>Дұрыс шешім емес, сот қайта қарауы керек еді деп ойлаймын.</p></div>
<footer>© Дала жаңалықтары. Барлық құқықтар қорғалған.</footer>`;

const P = [
  'Қостанай облыстық соты аудандық газеттің редакторына қатысты істі қайта қарап, бұрынғы үкімнің күшін жойды.',
  'Редактор мақалада әкімдіктің жол жөндеуге бөлген қаражаты туралы құжаттарды жариялаған болатын.',
  'Әкімдік өкілі сот отырысына келмеді, ал прокурор бұл шешімге шағымданбайтынын айтты.',
  'Журналистер одағы сот шешімін қолдап, аймақтағы басқа басылымдарға да заң көмегін ұсынды.',
];

function page(body: string): RawPage {
  const html = `<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Сот редакторды ақтады</title></head><body>${body}</body></html>`;
  const url = 'https://dala.example.kz/kk/article/7';
  return {
    sourceId: 'test',
    url,
    finalUrl: url,
    status: 200,
    headers: {},
    body: new TextEncoder().encode(html),
    fetchedAt: '2020-08-15T04:00:00.000Z',
  };
}

function extract(raw: RawPage) {
  runs.count = 0;
  const r = extractArticle(decodePage(raw), { sourceId: 'test' });
  if (!r.ok) throw new Error(`rejected: ${r.reason}`);
  return { article: r.value, readabilityRuns: runs.count };
}

describe('generic extractor routes', () => {
  it('takes a clear story block from the page tree without running Readability', () => {
    const body = `${CHROME_TOP}<main><article><h1>Сот редакторды ақтады</h1>
      <div class="article-text">${P.map((p) => `<p>${p}</p>`).join('\n')}</div></article></main>${CHROME_BOTTOM}`;
    const { article, readabilityRuns } = extract(page(body));
    expect(readabilityRuns).toBe(0);
    expect(article.extractedBy).toBe('generic');
    expect(article.text).toBe(P.join('\n\n'));
  });

  it('runs Readability when no element below the body holds the story', () => {
    const body = `${CHROME_TOP}<div class="col-a"><p>${P[0]}</p><p>${P[1]}</p></div>
      <div class="col-b"><p>${P[2]}</p><p>${P[3]}</p></div>${CHROME_BOTTOM}`;
    const { article, readabilityRuns } = extract(page(body));
    expect(readabilityRuns).toBe(1);
    for (const p of P) expect(article.text).toContain(p);
    for (const junk of ['Басты бет', 'Көп оқылған', 'Алматыда блогер', 'Пікірлер', 'Барлық құқықтар'])
      expect(article.text).not.toContain(junk);
  });

  it('leaves a block of linked headlines to Readability and the listing check', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="teaser"><h2><a href="/kk/article/${i}">Жаңалық тақырыбы ${i}</a></h2><p>${P[i % 4]}</p></div>`,
    ).join('\n');
    runs.count = 0;
    const r = extractArticle(decodePage(page(`${CHROME_TOP}<main>${teasers}</main>${CHROME_BOTTOM}`)), {
      sourceId: 'test',
    });
    expect(runs.count).toBe(1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/listing page/);
  });
});
