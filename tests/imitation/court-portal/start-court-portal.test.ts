// The imitation must behave like the JSF portal of court-portal.md, or the crawler tests prove nothing:
// results only through AJAX with a round-tripped ViewState, generated ids, kk by default and ru after the
// switch, the exact "nothing found" messages, the reCAPTCHA a session passes once, faults. Both variants
// are held to it, each at its own addresses and field names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CourtPortal, startCourtPortal } from '../../../imitation/index.ts';

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
  async post(path: string): Promise<number> {
    const r = await fetch(this.base + path, { method: 'POST', headers: { cookie: this.cookie } });
    const set = r.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    return r.status;
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
  /** The search button: its id is generated, its handler is not. */
  button(): string {
    const id = /id="([^"]+)"[^>]*onclick="RichFaces\.ajax\(this/.exec(this.html)?.[1];
    if (!id) throw new Error('no search button');
    return id;
  }
  form(): string {
    const id = /<form id="([^"]+)"/.exec(this.html)?.[1];
    if (!id) throw new Error('no form');
    return id;
  }
}

const CASES = [
  { variant: 'documented', keyword: 'edit-search', fio: 'edit-fio', htmlLang: true },
  { variant: 'redesigned', keyword: 'edit-text', fio: 'partyName', htmlLang: false },
] as const;

describe.each(CASES)('court-portal imitation, $variant variant', ({ variant, keyword, fio, htmlLang }) => {
  let portal: CourtPortal;
  const paths = () => portal.variant.paths;
  const cardPath = (id: number) => paths().card.replace('{id}', String(id));
  const actPath = (id: number) => paths().actView.replace('{id}', String(id));

  beforeAll(async () => {
    portal = await startCourtPortal({ variant, idSeed: 3, captcha: false });
  });
  afterAll(async () => {
    await portal.close();
  });

  it('serves the acts bank in Kazakh with an empty result panel: results need the AJAX round trip', async () => {
    const c = new Client(portal.url);
    await c.get(paths().actsBank);
    if (htmlLang) expect(c.html).toContain('<html lang="kk"');
    else expect(c.html).not.toContain('<html lang=');
    expect(c.html).toContain('selectLanguageRu(window.location)');
    expect(c.viewState).not.toBe('');
    expect(c.id(keyword)).toMatch(new RegExp(`^${c.form()}:`));
    expect(c.html).not.toContain('7527-20-00-2/3318');
  });

  it('shifts the generated ids with the seed, as a redeployment does', async () => {
    const other = await startCourtPortal({ variant, idSeed: 11, captcha: false });
    try {
      const a = new Client(portal.url);
      const b = new Client(other.url);
      await a.get(paths().actsBank);
      await b.get(paths().actsBank);
      expect(a.id(keyword)).not.toBe(b.id(keyword));
      expect(a.button()).not.toBe(b.button());
    } finally {
      await other.close();
    }
  });

  it('answers a search only to Faces-Request with a valid ViewState, and rotates the ViewState', async () => {
    const c = new Client(portal.url);
    await c.get(paths().actsBank);
    const fields = { [c.id(keyword)]: 'журналист' };
    const expired = await c.ajax(paths().actsBank, fields, c.button(), 'forged');
    expect(expired.xml).toContain('javax.faces.application.ViewExpiredException');
    const first = c.viewState;
    const found = await c.ajax(paths().actsBank, fields, c.button());
    expect(found.xml).toContain('<partial-response');
    expect(found.xml).toContain('7527-20-00-2/3318');
    expect(c.viewState).not.toBe(first);
  });

  it('paginates with thisPage, remembering the filters in the view, and refuses a page out of range', async () => {
    const p = await startCourtPortal({ variant, extraCases: 25, captcha: false });
    try {
      const c = new Client(p.url);
      await c.get(p.variant.paths.actsBank);
      const one = await c.ajax(p.variant.paths.actsBank, { [c.id(keyword)]: 'аренды' }, c.button());
      expect(one.xml).toContain(': 25<');
      const pager = /RichFaces\.ajax\('([^']+)',event,\{parameters:\{'thisPage'/.exec(one.xml)?.[1] ?? '';
      expect(pager).not.toBe('');
      const three = await c.ajax(p.variant.paths.actsBank, { thisPage: '3' }, pager);
      expect((three.xml.match(/7511-20-00-2\/1\d{4}/g) ?? []).length).toBe(5);
      const four = await c.ajax(p.variant.paths.actsBank, { thisPage: '4' }, pager);
      expect(four.xml).toContain('out of range');
    } finally {
      await p.close();
    }
  });

  it('prints the exact "nothing found" message in Kazakh, and in Russian after selectLanguageRu', async () => {
    const c = new Client(portal.url);
    await c.get(paths().caseSearch);
    const kk = await c.ajax(paths().caseSearch, { [c.id(fio)]: 'Несуществующий' }, c.button());
    expect(kk.xml).toContain('Көрсетілген деректер бойына ешнәрсе табылмады');
    expect(await c.post('/language.xhtml?lang=ru')).toBe(204);
    await c.get(paths().caseSearch);
    if (htmlLang) expect(c.html).toContain('<html lang="ru"');
    const ru = await c.ajax(paths().caseSearch, { [c.id(fio)]: 'Несуществующий' }, c.button());
    expect(ru.xml).toContain('По указанным данным ничего не найдено');
  });

  it('renders case rows with a viewSelectedLawsuit handler, and the card with history, claim and acts', async () => {
    const c = new Client(portal.url);
    await c.post('/language.xhtml?lang=ru');
    await c.get(paths().caseSearch);
    const r = await c.ajax(paths().caseSearch, { [c.id('edit-num')]: '7527-20-00-2/3318' }, c.button());
    expect(r.xml).toContain('onclick="viewSelectedLawsuit(1001)"');
    expect(r.xml).toContain('<p>15.06.2020 - Дело принято к производству</p>');
    const view = await c.ajax(paths().caseSearch, { lawsuitId: '1001' }, `${c.form()}:view`);
    let card: string;
    if (portal.variant.cardInPlace) {
      expect(view.xml).not.toContain('<redirect');
      card = view.xml;
    } else {
      expect(view.xml).toContain(`<redirect url="${cardPath(1001)}">`);
      await c.get(cardPath(1001));
      card = c.html;
    }
    expect(card).toContain('5 000 000 тг.');
    expect(card).toContain(paths().caseActs.replace('{id}', '1001'));
    await c.get(actPath(50051));
    expect(c.html).toContain('Закрытое судебное заседание');
  });

  it('offers acts as PDF and DOCX downloads, with the file named in Content-Disposition', async () => {
    const c = new Client(portal.url);
    const pdf = await fetch(portal.url + paths().download.replace('{id}', '50021').replace('{type}', 'pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('act-50021.pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const docx = await fetch(
      portal.url + paths().download.replace('{id}', '50071').replace('{type}', 'docx'),
    );
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    // A DOCX is a zip archive.
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    // 50021 has no HTML view: the address answers 404 rather than an empty act.
    expect((await c.get(actPath(50021))).status).toBe(404);
  });

  it('gates the searches behind a reCAPTCHA when switched on, except for a session that passed it', async () => {
    portal.setCaptcha(true);
    try {
      const c = new Client(portal.url);
      await c.get(paths().actsBank);
      expect(c.html).toContain('g-recaptcha');
      const gated = await c.ajax(paths().actsBank, { [c.id(keyword)]: 'журналист' }, c.button());
      expect(gated.xml).toContain('g-recaptcha');
      expect(gated.xml).not.toContain('7527-20-00-2/3318');
      const passed = portal.createPassedSession();
      const ok = new Client(portal.url);
      ok.cookie = `${passed.name}=${passed.value}`;
      await ok.get(paths().actsBank);
      expect(ok.html).not.toContain('g-recaptcha');
      expect(ok.id(keyword)).toBeTruthy();
    } finally {
      portal.setCaptcha(false);
    }
  });

  it('serves faults: HTTP 500, an error page inside a 200, a partial-response error, a slow page', async () => {
    const c = new Client(portal.url);
    portal.resetStats();
    const act = actPath(50011);
    const actAt = act.split('?')[0] ?? act;
    portal.addFault({ kind: 'http500', path: actAt });
    expect((await c.get(act)).status).toBe(500);
    expect((await c.get(act)).status).toBe(200);
    portal.addFault({ kind: 'error-page', path: actAt, ajax: false });
    expect((await c.get(act)).status).toBe(200);
    expect(c.html).toContain('class="error-page"');
    await c.get(paths().actsBank);
    portal.addFault({ kind: 'error-page', path: paths().actsBank, ajax: true });
    const e = await c.ajax(paths().actsBank, {}, c.button());
    expect(e.xml).toContain('<error>');
    portal.addFault({ kind: 'slow', path: actAt, delayMs: 400 });
    const t0 = performance.now();
    await c.get(act);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(portal.stats().faultsServed).toBe(4);
  });
});
