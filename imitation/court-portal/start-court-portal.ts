// A local imitation of the Supreme Court's e-services portal (court-portal.md), on 127.0.0.1, in one of two
// variants (portal-variant.ts): sessions by JSESSIONID, a ViewState per rendered view that must round-trip
// (and rotates on each AJAX answer), searches answered only to `Faces-Request: partial/ajax`, a
// Kazakh/Russian switch (Kazakh by default) through selectLanguageRu/Kz(window.location), a reCAPTCHA on the
// acts bank and the case search that a session passes once, sessions the portal can expire, acts as HTML
// views and PDF/DOCX downloads (optionally behind an image captcha), and faults (HTTP 500, an error page
// inside a 200, slow pages).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actDocx, readActPdf } from './act-documents.ts';
import { loadPortalData, type PortalAct, type PortalCase, type PortalData } from './portal-fixture.ts';
import { type PortalVariant, VARIANTS, type VariantName } from './portal-variant.ts';
import {
  actPage,
  actsListPage,
  type Ctx,
  captchaPage,
  caseCard,
  casePage,
  downloadCaptchaPage,
  errorPage,
  homePage,
  layout,
  panelId,
  partialError,
  partialRedirect,
  partialResponse,
  type ResultRow,
  resultPanel,
  type SearchKind,
  searchPage,
  sessionExpiredPage,
} from './render-portal-pages.ts';
import { type PortalLang, UI_TEXT } from './ui-text.ts';

export interface CourtPortalOptions {
  /** Which imitation: `documented` (court-portal.md's addresses and habits, the default) or `redesigned`. */
  readonly variant?: VariantName;
  /** Rows per result page (the real portal shows 10). */
  readonly pageSize?: number;
  /** Shifts the generated ids, as a redeployment does. */
  readonly idSeed?: number;
  /** Synthetic ordinary cases added to the fixture (the benchmark needs 200 result pages). */
  readonly extraCases?: number;
  /** The reCAPTCHA on the acts bank and the case search (default on, as on the real portal). */
  readonly captcha?: boolean;
  /** Called for every request, before it is answered (tests use it to crash the browser mid-crawl). */
  readonly onRequest?: (info: PortalRequestInfo) => void;
}

export interface PortalRequestInfo {
  readonly method: string;
  readonly path: string;
  readonly ajax: boolean;
}

export type FaultKind = 'http500' | 'error-page' | 'slow';

export interface PortalFault {
  readonly kind: FaultKind;
  /** Requests whose path contains this string (e.g. `/courtActs/act.xhtml`). */
  readonly path: string;
  /** Only AJAX (true) or only page (false) requests; both when absent. */
  readonly ajax?: boolean;
  /** How many matching requests it hits (default 1). */
  readonly times?: number;
  /** For `slow`: the delay before answering. */
  readonly delayMs?: number;
}

export interface PortalStats {
  /** Page GETs by path, and AJAX posts by path (prefixed `ajax `). */
  readonly hits: Readonly<Record<string, number>>;
  /** Case cards shown (a page, or in place), lists of acts, act views, document downloads. */
  readonly cards: number;
  readonly actsLists: number;
  readonly actViews: number;
  readonly downloads: number;
  readonly faultsServed: number;
  readonly captchaServed: number;
  readonly expiredServed: number;
}

export interface CourtPortal {
  readonly url: string;
  readonly variant: PortalVariant;
  readonly data: PortalData;
  /** The reCAPTCHA on the acts bank and the case search, for sessions that have not passed it. */
  setCaptcha(on: boolean): void;
  /** An image captcha before every document download. */
  setDownloadCaptcha(on: boolean): void;
  /** A session that "passed the check", as a person would in a real browser; returns its cookie. */
  createPassedSession(): { name: string; value: string };
  /** Forgets every session, as the portal does when it expires them. */
  expireSessions(): void;
  addFault(fault: PortalFault): void;
  clearFaults(): void;
  stats(): PortalStats;
  resetStats(): void;
  /** Changes a case (e.g. a new history event) so an incremental crawl has something to notice. */
  updateCase(id: number, change: (c: PortalCase) => PortalCase): void;
  close(): Promise<void>;
}

interface View {
  readonly kind: SearchKind;
  filters: Record<string, string>;
  page: number;
}

interface Session {
  lang: PortalLang;
  captchaPassed: boolean;
  views: Map<string, View>;
}

/** JSF keeps a bounded number of logical views per session; older ViewStates expire. */
const MAX_VIEWS = 25;

const isoOf = (s: string) => {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s.trim();
};

export async function startCourtPortal(options: CourtPortalOptions = {}): Promise<CourtPortal> {
  const v = VARIANTS[options.variant ?? 'documented'];
  const data = loadPortalData(options.extraCases ?? 0);
  const pageSize = options.pageSize ?? 10;
  const seed = options.idSeed ?? 0;
  const sessions = new Map<string, Session>();
  const expired = new Set<string>();
  let captcha = options.captcha ?? true;
  let downloadCaptcha = false;
  let faults: { fault: PortalFault; left: number }[] = [];
  const zero = () => ({
    cards: 0,
    actsLists: 0,
    actViews: 0,
    downloads: 0,
    faultsServed: 0,
    captchaServed: 0,
    expiredServed: 0,
  });
  let counters = zero();
  let hits: Record<string, number> = {};
  const docxCache = new Map<number, Buffer>();

  const newToken = () => randomBytes(12).toString('base64url');

  function session(req: IncomingMessage, res: ServerResponse): { s: Session; wasExpired: boolean } {
    const cookie = /(?:^|;\s*)JSESSIONID=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    const existing = cookie ? sessions.get(cookie) : undefined;
    if (existing) return { s: existing, wasExpired: false };
    const id = newToken();
    const s: Session = { lang: 'kk', captchaPassed: false, views: new Map() };
    sessions.set(id, s);
    res.setHeader('Set-Cookie', `JSESSIONID=${id}; Path=/; HttpOnly`);
    return { s, wasExpired: cookie !== undefined && expired.has(cookie) };
  }

  function remember(s: Session, view: View): string {
    const token = `${newToken()}:${s.views.size}`;
    s.views.set(token, view);
    while (s.views.size > MAX_VIEWS) {
      const oldest = s.views.keys().next().value;
      if (oldest === undefined) break;
      s.views.delete(oldest);
    }
    return token;
  }

  function takeFault(path: string, ajax: boolean): PortalFault | null {
    const hit = faults.find(
      (f) =>
        f.left > 0 && path.includes(f.fault.path) && (f.fault.ajax === undefined || f.fault.ajax === ajax),
    );
    if (!hit) return null;
    hit.left--;
    counters.faultsServed++;
    return hit.fault;
  }

  // Results per search, cached as a real portal's database would answer repeated page turns quickly.
  const searchCache = new Map<string, ResultRow[]>();
  function search(kind: SearchKind, f: Record<string, string>): ResultRow[] {
    const key = JSON.stringify([kind, Object.entries(f).sort()]);
    const cached = searchCache.get(key);
    if (cached) return cached;
    const rows = runSearch(kind, f);
    searchCache.set(key, rows);
    return rows;
  }

  function runSearch(kind: SearchKind, f: Record<string, string>): ResultRow[] {
    const court = (c: PortalCase) => data.courts.find((x) => x.code === c.court);
    const lc = (s: string) => s.toLocaleLowerCase('ru');
    if (kind === 'lawsuit') {
      if (f.iin) return []; // the fixture has no IIN/BIN of parties
      return data.cases
        .filter((c) => !f.district || court(c)?.regionCode === f.district)
        .filter((c) => !f.court || c.court === f.court)
        .filter((c) => !f.year || c.number.split('-')[1] === f.year.slice(2))
        .filter((c) => !f.num || c.number === f.num.trim() || c.number.endsWith(`/${f.num.trim()}`))
        .filter((c) => !f.fio || c.parties.some((p) => lc(p.name).includes(lc(f.fio ?? ''))))
        .map((c) => ({ kind, c }));
    }
    if (kind === 'acts') {
      const rows: ResultRow[] = [];
      for (const c of data.cases) {
        if (f.category && c.category !== f.category) continue;
        if (f.district && court(c)?.regionCode !== f.district) continue;
        if (f.court && c.court !== f.court) continue;
        for (const act of c.acts) {
          if (f.year && act.date.slice(0, 4) !== f.year) continue;
          if (f.instance && act.instance !== f.instance) continue;
          if (f.keyword) {
            const hay = lc([...act.text, ...c.parties.map((p) => p.name)].join(' '));
            if (!hay.includes(lc(f.keyword.trim()))) continue;
          }
          rows.push({ kind, c, act });
        }
      }
      return rows.sort((a, b) =>
        a.kind === 'acts' && b.kind === 'acts'
          ? b.act.date.localeCompare(a.act.date) || a.act.id - b.act.id
          : 0,
      );
    }
    const from = f['date-from'] ? isoOf(f['date-from']) : '';
    const to = f['date-to'] ? isoOf(f['date-to']) : '';
    const rows: ResultRow[] = [];
    for (const c of data.cases) {
      if (f.district && court(c)?.regionCode !== f.district) continue;
      if (f.court && c.court !== f.court) continue;
      for (const h of c.hearings) {
        if (from && h.date < from) continue;
        if (to && h.date > to) continue;
        rows.push({ kind, c, h });
      }
    }
    return rows.sort((a, b) =>
      a.kind === 'schedule' && b.kind === 'schedule'
        ? `${a.h.date} ${a.h.time}`.localeCompare(`${b.h.date} ${b.h.time}`) || a.c.id - b.c.id
        : 0,
    );
  }

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'Content-Type':
        type.includes('/') && !type.startsWith('application/pdf') && !type.includes('officedocument')
          ? `${type}; charset=UTF-8`
          : type,
      'Cache-Control': 'no-cache',
      ...headers,
    });
    res.end(body);
  }

  async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  const pathOf = (template: string) => template.split('?')[0] ?? template;
  const KIND_BY_PATH: Record<string, SearchKind> = {
    [v.paths.actsBank]: 'acts',
    [v.paths.caseSearch]: 'lawsuit',
    [v.paths.schedule]: 'schedule',
  };
  for (const alias of v.paths.caseSearchAliases) KIND_BY_PATH[alias] = 'lawsuit';
  const gated = (kind: SearchKind | undefined) => kind === 'acts' || kind === 'lawsuit';

  const findAct = (id: number): { c: PortalCase; act: PortalAct } | null => {
    for (const c of data.cases) {
      const act = c.acts.find((a) => a.id === id);
      if (act) return { c, act };
    }
    return null;
  };

  /** The act id and format of a download address in this variant, or null. */
  function downloadOf(url: URL): { id: number; type: string } | null {
    if (v.name === 'documented') {
      if (url.pathname !== pathOf(v.paths.download)) return null;
      return { id: Number(url.searchParams.get('id')), type: url.searchParams.get('type') ?? '' };
    }
    const m = /^\/portal\/files\/act-(\d+)\.(pdf|docx)$/.exec(url.pathname);
    return m ? { id: Number(m[1]), type: m[2] ?? '' } : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const ajax = req.headers['faces-request'] === 'partial/ajax';
    const key = `${ajax ? 'ajax ' : ''}${path}`;
    hits[key] = (hits[key] ?? 0) + 1;
    options.onRequest?.({ method: req.method ?? 'GET', path, ajax });
    const { s, wasExpired } = session(req, res);
    const ctx: Ctx = { data, lang: s.lang, v, seed, path: `${path}${url.search}` };

    const fault = takeFault(path, ajax);
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 30_000));
    if (fault?.kind === 'http500') {
      send(
        res,
        500,
        'text/html',
        '<html><body><h1>HTTP Status 500 – Internal Server Error</h1></body></html>',
      );
      return;
    }
    if (fault?.kind === 'error-page') {
      if (ajax)
        send(res, 200, 'text/xml', partialError('javax.faces.FacesException', UI_TEXT[s.lang].errorText));
      else send(res, 200, 'text/html', errorPage(ctx));
      return;
    }

    if (path === '/language.xhtml') {
      const lang = url.searchParams.get('lang');
      if (lang === 'ru' || lang === 'kk') s.lang = lang;
      res.writeHead(204).end();
      return;
    }
    if (path === '/captcha/pass.xhtml' && req.method === 'POST') {
      s.captchaPassed = true;
      res.writeHead(204).end();
      return;
    }
    // The redesigned portal tells a session it has forgotten so; the documented one just starts a new one
    // (whose check is not passed). Both count as the expiry served.
    if (wasExpired) counters.expiredServed++;
    if (wasExpired && v.name === 'redesigned') {
      if (ajax) send(res, 200, 'text/xml', partialRedirect(v.paths.home));
      else send(res, 200, 'text/html', sessionExpiredPage(ctx));
      return;
    }
    if (path === v.paths.home || (v.name === 'documented' && path === '/index.xhtml')) {
      send(res, 200, 'text/html', homePage(ctx));
      return;
    }
    if (path === '/') {
      res.writeHead(302, { Location: v.paths.home }).end();
      return;
    }
    if (path === '/form/cases/mycases.xhtml' || path === '/form/proceedings/services.xhtml') {
      send(res, 200, 'text/html', layout(ctx, UI_TEXT[s.lang].cabinet, '<p class="login">ЭЦП / ЭЦҚ</p>'));
      return;
    }

    const kind = KIND_BY_PATH[path];
    if (kind && captcha && gated(kind) && !s.captchaPassed && ajax) {
      counters.captchaServed++;
      send(
        res,
        200,
        'text/xml',
        partialResponse(
          [
            {
              id: panelId(ctx, kind),
              html: `<div id="${panelId(ctx, kind)}">${captchaPage(ctx).match(/<div class="captcha-gate">[\s\S]*?<\/div>/)?.[0] ?? ''}</div>`,
            },
          ],
          'captcha',
        ),
      );
      return;
    }
    if (kind && req.method === 'POST' && ajax) {
      const body = await readBody(req);
      const token = body.get('javax.faces.ViewState') ?? '';
      const view = s.views.get(token);
      if (!view || view.kind !== kind) {
        send(
          res,
          200,
          'text/xml',
          partialError('javax.faces.application.ViewExpiredException', UI_TEXT[s.lang].viewExpired),
        );
        return;
      }
      const source = body.get('javax.faces.source') ?? '';
      if (source.endsWith(':view')) {
        const id = Number(body.get('lawsuitId'));
        const c = data.cases.find((x) => x.id === id);
        if (!c) {
          send(res, 200, 'text/xml', partialError('javax.faces.FacesException', `no lawsuit ${id}`));
          return;
        }
        if (v.cardInPlace) {
          counters.cards++;
          const html = `<div id="${panelId(ctx, kind)}" class="result-panel">${caseCard(ctx, c)}</div>`;
          send(res, 200, 'text/xml', partialResponse([{ id: panelId(ctx, kind), html }], remember(s, view)));
        } else send(res, 200, 'text/xml', partialRedirect(v.paths.card.replace('{id}', String(id))));
        return;
      }
      const next: View = { kind, filters: { ...view.filters }, page: view.page };
      const thisPage = body.get('thisPage');
      if (thisPage !== null) {
        const total = Math.max(1, Math.ceil(search(kind, next.filters).length / pageSize));
        next.page = Number(thisPage);
        if (!Number.isInteger(next.page) || next.page < 1 || next.page > total) {
          send(
            res,
            200,
            'text/xml',
            partialError('javax.faces.FacesException', `page ${thisPage} out of range`),
          );
          return;
        }
      } else {
        next.filters = {};
        for (const [name, value] of body) {
          const filter = v.fieldNames[name.slice(name.lastIndexOf(':') + 1)];
          if (filter && value.trim() !== '') next.filters[filter] = value;
        }
        next.page = 1;
      }
      const rows = search(kind, next.filters);
      const html = resultPanel(ctx, kind, rows, next.page, pageSize);
      send(res, 200, 'text/xml', partialResponse([{ id: panelId(ctx, kind), html }], remember(s, next)));
      return;
    }
    if (kind) {
      // A GET, or a POST without the AJAX header: the page with its form and an empty result panel.
      const gate = captcha && gated(kind) && !s.captchaPassed;
      if (gate) counters.captchaServed++;
      send(res, 200, 'text/html', searchPage(ctx, kind, remember(s, { kind, filters: {}, page: 1 }), gate));
      return;
    }
    if (path === pathOf(v.paths.caseActs)) {
      const c = data.cases.find((x) => String(x.id) === url.searchParams.get('param1'));
      if (!c) return notFound(res, ctx);
      counters.actsLists++;
      send(res, 200, 'text/html', actsListPage(ctx, c));
      return;
    }
    if (!v.cardInPlace && path === pathOf(v.paths.card)) {
      const c = data.cases.find((x) => x.id === Number(url.searchParams.get('id')));
      if (!c) return notFound(res, ctx);
      counters.cards++;
      send(res, 200, 'text/html', casePage(ctx, c));
      return;
    }
    if (path === pathOf(v.paths.actView)) {
      const param = v.name === 'documented' ? 'id' : 'doc';
      const found = findAct(Number(url.searchParams.get(param)));
      if (!found || !(found.act.formats ?? ['html']).includes('html')) return notFound(res, ctx);
      counters.actViews++;
      send(res, 200, 'text/html', actPage(ctx, found.c, found.act));
      return;
    }
    const download = downloadOf(url);
    if (download) {
      const found = findAct(download.id);
      if (!found || !(found.act.formats ?? []).includes(download.type as 'pdf')) return notFound(res, ctx);
      if (downloadCaptcha) {
        counters.captchaServed++;
        send(res, 200, 'text/html', downloadCaptchaPage(ctx));
        return;
      }
      counters.downloads++;
      const name = `act-${download.id}.${download.type}`;
      const disposition = { 'Content-Disposition': `attachment; filename="${name}"` };
      if (download.type === 'pdf') send(res, 200, 'application/pdf', readActPdf(found.act), disposition);
      else {
        let docx = docxCache.get(download.id);
        if (!docx) {
          docx = await actDocx(data, found.c, found.act);
          docxCache.set(download.id, docx);
        }
        send(
          res,
          200,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          docx,
          disposition,
        );
      }
      return;
    }
    notFound(res, ctx);
  }

  function notFound(res: ServerResponse, ctx: Ctx): void {
    send(res, 404, 'text/html', layout(ctx, '404', '<p>Not found</p>'));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `imitation error: ${String(error)}`);
      else res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    variant: v,
    data,
    setCaptcha(on) {
      captcha = on;
    },
    setDownloadCaptcha(on) {
      downloadCaptcha = on;
    },
    createPassedSession() {
      const value = newToken();
      sessions.set(value, { lang: 'kk', captchaPassed: true, views: new Map() });
      return { name: 'JSESSIONID', value };
    },
    expireSessions() {
      for (const id of sessions.keys()) expired.add(id);
      sessions.clear();
    },
    addFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    stats: () => ({ hits: { ...hits }, ...counters }),
    resetStats() {
      hits = {};
      counters = zero();
    },
    updateCase(id, change) {
      const i = data.cases.findIndex((c) => c.id === id);
      const current = data.cases[i];
      if (!current) throw new Error(`court-portal imitation: no case ${id}`);
      data.cases[i] = change(current);
      searchCache.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
