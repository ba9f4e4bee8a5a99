// A local imitation of the Supreme Court's e-services portal (court-portal.md), on 127.0.0.1:
// sessions by JSESSIONID, a ViewState per rendered view that must round-trip (and rotates on each AJAX
// answer), searches answered only to `Faces-Request: partial/ajax`, a Kazakh/Russian switch (Kazakh by
// default), a captcha gate a test can switch on, and faults (HTTP 500, an error page inside a 200, slow pages).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadPortalData, type PortalCase, type PortalData } from './portal-fixture.ts';
import {
  actPage,
  type Ctx,
  captchaPage,
  casePage,
  errorPage,
  IdGen,
  layout,
  panelId,
  partialError,
  partialRedirect,
  partialResponse,
  type ResultRow,
  resultPanel,
  type SearchKind,
  searchPage,
} from './render-portal-pages.ts';
import { type PortalLang, UI_TEXT } from './ui-text.ts';

export interface CourtPortalOptions {
  /** Rows per result page (the real portal shows 10). */
  readonly pageSize?: number;
  /** Shifts the generated `j_idtN` ids, as a redeployment does. */
  readonly idSeed?: number;
  /** Synthetic ordinary cases added to the fixture (the benchmark needs 200 result pages). */
  readonly extraCases?: number;
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
  /** Requests whose path contains this string (e.g. `/acts/act.xhtml`). */
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
  readonly faultsServed: number;
  readonly captchaServed: number;
}

export interface CourtPortal {
  readonly url: string;
  readonly data: PortalData;
  setCaptcha(on: boolean): void;
  /** A session that "passed the check", as a person would in a real browser; returns its cookie. */
  createPassedSession(): { name: string; value: string };
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

export async function startCourtPortal(options: CourtPortalOptions = {}): Promise<CourtPortal> {
  const data = loadPortalData(options.extraCases ?? 0);
  const pageSize = options.pageSize ?? 10;
  const ids = new IdGen(options.idSeed ?? 0);
  const sessions = new Map<string, Session>();
  let captcha = false;
  let faults: { fault: PortalFault; left: number }[] = [];
  let hits: Record<string, number> = {};
  let faultsServed = 0;
  let captchaServed = 0;

  const newToken = () => randomBytes(12).toString('base64url');

  function session(req: IncomingMessage, res: ServerResponse): Session {
    const cookie = /(?:^|;\s*)JSESSIONID=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    const existing = cookie ? sessions.get(cookie) : undefined;
    if (existing) return existing;
    const id = newToken();
    const s: Session = { lang: 'kk', captchaPassed: false, views: new Map() };
    sessions.set(id, s);
    res.setHeader('Set-Cookie', `JSESSIONID=${id}; Path=/; HttpOnly`);
    return s;
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
    faultsServed++;
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
    const rows: ResultRow[] = [];
    for (const c of data.cases) {
      if (f.district && court(c)?.regionCode !== f.district) continue;
      if (f.court && c.court !== f.court) continue;
      for (const h of c.hearings) {
        if (f['date-from'] && h.date < f['date-from']) continue;
        if (f['date-to'] && h.date > f['date-to']) continue;
        rows.push({ kind, c, h });
      }
    }
    return rows.sort((a, b) =>
      a.kind === 'schedule' && b.kind === 'schedule'
        ? `${a.h.date} ${a.h.time}`.localeCompare(`${b.h.date} ${b.h.time}`) || a.c.id - b.c.id
        : 0,
    );
  }

  function send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { 'Content-Type': `${type}; charset=UTF-8`, 'Cache-Control': 'no-cache' });
    res.end(body);
  }

  async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  const KIND_BY_PATH: Record<string, SearchKind> = {
    '/lawsuit/search.xhtml': 'lawsuit',
    '/acts/search.xhtml': 'acts',
    '/schedule/search.xhtml': 'schedule',
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const ajax = req.headers['faces-request'] === 'partial/ajax';
    const key = `${ajax ? 'ajax ' : ''}${path}`;
    hits[key] = (hits[key] ?? 0) + 1;
    options.onRequest?.({ method: req.method ?? 'GET', path, ajax });
    const s = session(req, res);
    const ctx: Ctx = { data, lang: s.lang, ids, path: `${path}${url.search}` };

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

    if (path === '/' || path === '/index.xhtml') {
      res.writeHead(302, { Location: '/lawsuit/search.xhtml' });
      res.end();
      return;
    }
    if (path === '/setlang.xhtml') {
      const lang = url.searchParams.get('lang');
      if (lang === 'ru' || lang === 'kk') s.lang = lang;
      const from = url.searchParams.get('from') ?? '/';
      res.writeHead(302, { Location: from.startsWith('/') ? from : '/' });
      res.end();
      return;
    }
    if (captcha && !s.captchaPassed) {
      captchaServed++;
      if (ajax) {
        const kind = KIND_BY_PATH[path] ?? 'acts';
        send(
          res,
          200,
          'text/xml',
          partialResponse([{ id: panelId(ctx, kind), html: captchaPage(ctx) }], 'captcha'),
        );
      } else send(res, 200, 'text/html', captchaPage(ctx));
      return;
    }

    const kind = KIND_BY_PATH[path];
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
        send(res, 200, 'text/xml', partialRedirect(`/lawsuit/card.xhtml?id=${id}`));
        return;
      }
      const next: View = { kind, filters: { ...view.filters }, page: view.page };
      if (source.endsWith(':search-btn')) {
        next.filters = {};
        for (const [name, value] of body) {
          const m = /:edit-([\w-]+)$/.exec(name);
          if (m?.[1] && value.trim() !== '') next.filters[m[1]] = value;
        }
        next.page = 1;
      } else if (source.endsWith(':pager')) {
        const to = body.get(`${source}:page`) ?? '';
        const total = Math.max(1, Math.ceil(search(kind, next.filters).length / pageSize));
        next.page = to === 'next' ? view.page + 1 : to === 'prev' ? view.page - 1 : Number(to);
        if (!Number.isInteger(next.page) || next.page < 1 || next.page > total) {
          send(res, 200, 'text/xml', partialError('javax.faces.FacesException', `page ${to} out of range`));
          return;
        }
      } else {
        send(res, 200, 'text/xml', partialError('javax.faces.FacesException', `unknown source ${source}`));
        return;
      }
      const rows = search(kind, next.filters);
      const html = resultPanel(ctx, kind, rows, next.page, pageSize);
      send(res, 200, 'text/xml', partialResponse([{ id: panelId(ctx, kind), html }], remember(s, next)));
      return;
    }
    if (kind) {
      // A GET, or a POST without the AJAX header: the page with its form and an empty result panel.
      send(res, 200, 'text/html', searchPage(ctx, kind, remember(s, { kind, filters: {}, page: 1 })));
      return;
    }
    if (path === '/lawsuit/card.xhtml') {
      const c = data.cases.find((x) => x.id === Number(url.searchParams.get('id')));
      if (c) send(res, 200, 'text/html', casePage(ctx, c));
      else send(res, 404, 'text/html', layout(ctx, '404', '<p>Not found</p>'));
      return;
    }
    if (path === '/acts/act.xhtml') {
      const id = Number(url.searchParams.get('id'));
      for (const c of data.cases) {
        const act = c.acts.find((a) => a.id === id);
        if (act) {
          send(res, 200, 'text/html', actPage(ctx, c, act));
          return;
        }
      }
      send(res, 404, 'text/html', layout(ctx, '404', '<p>Not found</p>'));
      return;
    }
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
    data,
    setCaptcha(on) {
      captcha = on;
    },
    createPassedSession() {
      const value = newToken();
      sessions.set(value, { lang: 'kk', captchaPassed: true, views: new Map() });
      return { name: 'JSESSIONID', value };
    },
    addFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    stats: () => ({ hits: { ...hits }, faultsServed, captchaServed }),
    resetStats() {
      hits = {};
      faultsServed = 0;
      captchaServed = 0;
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
