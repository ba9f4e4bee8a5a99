// The imitation must behave like the JSF portal of court-portal.md, or the crawler tests prove nothing:
// results only through AJAX with a round-tripped ViewState, generated ids, kk/ru, exact messages, faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CourtPortal, startCourtPortal } from '../../../imitation/index.ts';

let portal: CourtPortal;

/** A tiny JSF client over plain HTTP: keeps the session cookie and the latest ViewState. */
class Client {
  cookie = '';
  viewState = '';
  html = '';
  constructor(private readonly base: string) {}
  async get(path: string): Promise<Response> {
    const r = await fetch(this.base + path, { headers: { cookie: this.cookie }, redirect: 'manual' });
    const set = r.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    this.html = await r.text();
    const vs = /name="javax\.faces\.ViewState"[^>]*value="([^"]+)"/.exec(this.html)?.[1];
    if (vs) this.viewState = vs;
    return r;
  }
  async ajax(path: string, fields: Record<string, string>, source: string, viewState = this.viewState) {
    const r = await fetch(this.base + path, {
      method: 'POST',
      headers: {
        cookie: this.cookie,
        'Faces-Request': 'partial/ajax',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        ...fields,
        'javax.faces.ViewState': viewState,
        'javax.faces.source': source,
      }),
    });
    const xml = await r.text();
    const vs = /<update id="j_id1:javax\.faces\.ViewState:0"><!\[CDATA\[([^\]]+)\]\]>/.exec(xml)?.[1];
    if (vs) this.viewState = vs;
    return { status: r.status, xml };
  }
  /** The generated id of a field, found by its stable name ending. */
  id(ending: string): string {
    const id = new RegExp(`id="([^"]*:${ending})"`).exec(this.html)?.[1];
    if (!id) throw new Error(`no element ending in ${ending}`);
    return id;
  }
}

beforeAll(async () => {
  portal = await startCourtPortal({ idSeed: 3 });
});
afterAll(async () => {
  await portal.close();
});

describe('court-portal imitation', () => {
  it('serves the search page in Kazakh with an empty result panel: results need the AJAX round trip', async () => {
    const c = new Client(portal.url);
    await c.get('/acts/search.xhtml');
    expect(c.html).toContain('<html lang="kk"');
    expect(c.viewState).not.toBe('');
    expect(c.id('edit-keyword')).toBe('j_idt55:j_idt49:edit-keyword'); // seed 3 shifts j_idt52/j_idt46
    expect(c.html).not.toContain('7527-20-00-2/3318');
  });

  it('answers a search only to Faces-Request with a valid ViewState, and rotates the ViewState', async () => {
    const c = new Client(portal.url);
    await c.get('/acts/search.xhtml');
    const expired = await c.ajax(
      '/acts/search.xhtml',
      { [c.id('edit-keyword')]: 'журналист' },
      c.id('search-btn'),
      'forged',
    );
    expect(expired.xml).toContain('javax.faces.application.ViewExpiredException');
    const first = c.viewState;
    const found = await c.ajax(
      '/acts/search.xhtml',
      { [c.id('edit-keyword')]: 'журналист' },
      c.id('search-btn'),
    );
    expect(found.xml).toContain('<partial-response');
    expect(found.xml).toContain('7527-20-00-2/3318');
    expect(c.viewState).not.toBe(first);
  });

  it('paginates through the data scroller, remembering the filters in the view', async () => {
    const p = await startCourtPortal({ extraCases: 25 });
    try {
      const c = new Client(p.url);
      await c.get('/acts/search.xhtml');
      const one = await c.ajax(
        '/acts/search.xhtml',
        { [c.id('edit-keyword')]: 'аренды' },
        c.id('search-btn'),
      );
      expect(one.xml).toContain('rf-ds-btn-next');
      expect(one.xml).toContain(': 25</div>');
      const pager = /id="([^"]+:pager)"/.exec(one.xml)?.[1] ?? '';
      const three = await c.ajax('/acts/search.xhtml', { [`${pager}:page`]: '3' }, pager);
      expect(three.xml).toContain('rf-ds-btn-next rf-ds-dis');
      expect((three.xml.match(/<tr class="rf-dt-r"/g) ?? []).length).toBe(5);
    } finally {
      await p.close();
    }
  });

  it('prints the exact "nothing found" message in Kazakh, and in Russian after the switch', async () => {
    const c = new Client(portal.url);
    await c.get('/lawsuit/search.xhtml');
    const kk = await c.ajax(
      '/lawsuit/search.xhtml',
      { [c.id('edit-fio')]: 'Несуществующий' },
      c.id('search-btn'),
    );
    expect(kk.xml).toContain('Көрсетілген деректер бойына ешнәрсе табылмады');
    const sw = await c.get('/setlang.xhtml?lang=ru&from=%2Flawsuit%2Fsearch.xhtml');
    expect(sw.status).toBe(302);
    await c.get('/lawsuit/search.xhtml');
    expect(c.html).toContain('<html lang="ru"');
    const ru = await c.ajax(
      '/lawsuit/search.xhtml',
      { [c.id('edit-fio')]: 'Несуществующий' },
      c.id('search-btn'),
    );
    expect(ru.xml).toContain('По указанным данным ничего не найдено');
  });

  it('renders case rows with four cells and a viewSelectedLawsuit handler, and the card with the history', async () => {
    const c = new Client(portal.url);
    await c.get('/setlang.xhtml?lang=ru&from=%2F');
    await c.get('/lawsuit/search.xhtml');
    const r = await c.ajax(
      '/lawsuit/search.xhtml',
      { [c.id('edit-num')]: '7527-20-00-2/3318' },
      c.id('search-btn'),
    );
    expect(r.xml).toContain('onclick="viewSelectedLawsuit(1001)"');
    expect(r.xml).toContain('<p>15.06.2020 - Дело принято к производству</p>');
    const view = await c.ajax(
      '/lawsuit/search.xhtml',
      { lawsuitId: '1001' },
      `${c.id('search-btn').split(':')[0]}:view`,
    );
    expect(view.xml).toContain('<redirect url="/lawsuit/card.xhtml?id=1001">');
    await c.get('/lawsuit/card.xhtml?id=1001');
    expect(c.html).toContain('5 000 000 тг.');
    expect(c.html).toContain('href="/acts/act.xhtml?id=50011"');
    await c.get('/acts/act.xhtml?id=50051');
    expect(c.html).toContain('Закрытое судебное заседание');
  });

  it('gates every page behind a captcha when switched on, except for a session that passed it', async () => {
    portal.setCaptcha(true);
    try {
      const c = new Client(portal.url);
      await c.get('/acts/search.xhtml');
      expect(c.html).toContain('g-recaptcha');
      const passed = portal.createPassedSession();
      const ok = new Client(portal.url);
      ok.cookie = `${passed.name}=${passed.value}`;
      await ok.get('/acts/search.xhtml');
      expect(ok.html).not.toContain('g-recaptcha');
      expect(ok.html).toContain('edit-keyword');
    } finally {
      portal.setCaptcha(false);
    }
  });

  it('serves faults: HTTP 500, an error page inside a 200, a partial-response error, a slow page', async () => {
    const c = new Client(portal.url);
    portal.addFault({ kind: 'http500', path: '/acts/act.xhtml' });
    expect((await c.get('/acts/act.xhtml?id=50011')).status).toBe(500);
    expect((await c.get('/acts/act.xhtml?id=50011')).status).toBe(200);
    portal.addFault({ kind: 'error-page', path: '/lawsuit/card.xhtml', ajax: false });
    expect((await c.get('/lawsuit/card.xhtml?id=1001')).status).toBe(200);
    expect(c.html).toContain('class="error-page"');
    await c.get('/acts/search.xhtml');
    portal.addFault({ kind: 'error-page', path: '/acts/search.xhtml', ajax: true });
    const e = await c.ajax('/acts/search.xhtml', {}, c.id('search-btn'));
    expect(e.xml).toContain('<error>');
    portal.addFault({ kind: 'slow', path: '/acts/act.xhtml', delayMs: 400 });
    const t0 = performance.now();
    await c.get('/acts/act.xhtml?id=50011');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(portal.stats().faultsServed).toBe(4);
  });
});
