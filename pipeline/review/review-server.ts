// `soz review serve`: the review web UI on node:http. Server-rendered, escaped HTML; sessions in HttpOnly
// SameSite=Strict cookies; a CSRF token on every form; a strict Content-Security-Policy; loopback only
// unless accounts exist.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CATEGORY_IDS,
  type CandidateLines,
  createLogger,
  type Logger,
  SozError,
  usageError,
} from '../../core/index.ts';
import {
  adjacentPendingTasks,
  countUsers,
  entryIdsOfMonths,
  entryMonths,
  getEntry,
  getUserByName,
  listEntries,
  listReviewLog,
  queuePage as loadQueuePage,
  queueFacets,
  ReviewConflict,
  type SessionUser,
  type Store,
  setUserUiLang,
  type TaskStatus,
} from '../../storage/index.ts';
import { suggestCase } from '../cases/case-suggestion.ts';
import { confirmCandidate, mergeCandidate } from '../promote-entry.ts';
import { monthsAround } from '../queue-candidate.ts';
import type { AddReportDeps } from './add-report.ts';
import {
  deferCandidate,
  editEntry,
  rejectCandidate,
  splitCandidate,
  undoDecision,
} from './candidate-decisions.ts';
import type { ModelInUse } from './classifier-stats.ts';
import { BOOLEAN_FIELDS, ENTRY_FIELDS } from './entry-draft.ts';
import { clientAddress, type FormBody, parseCookies, RequestError, readForm } from './http-request.ts';
import { installedCandidateLines } from './installed-candidate-lines.ts';
import { loadCandidate } from './load-candidate.ts';
import { LoginRateLimiter } from './login-rate-limiter.ts';
import { candidatePage } from './pages/candidate-page.ts';
import { entriesPage, entryPage } from './pages/entries-page.ts';
import { loginPage, messagePage } from './pages/login-page.ts';
import type { Flash, PageContext } from './pages/page-layout.ts';
import { type QueueQuery, queuePage, STATUSES } from './pages/queue-page.ts';
import { REVIEW_CONFIG, type ReviewConfig } from './review-config.ts';
import { AlreadyDecided, EntryConflict, ReviewForbidden } from './review-errors.ts';
import {
  clearedSessionCookie,
  currentSession,
  LOGIN_CSRF_COOKIE,
  logIn,
  loginCsrfCookie,
  logOut,
  newToken,
  SESSION_COOKIE,
  sameToken,
  sessionCookie,
} from './review-sessions.ts';
import { doneText, errorText, nameOf, QUEUE_ORDERS, reasonText, statusName } from './review-wording.ts';
import { addReportRoute } from './routes/add-report-route.ts';
import { handleCaseRoute } from './routes/case-routes.ts';
import { classifierRoute } from './routes/classifier-route.ts';
import { sourcesRoute } from './routes/sources-route.ts';
import { chooseUiLang, LANG_COOKIE, langCookie, requestUiLang, safeBackPath } from './ui-language.ts';
import { isUiLang, type UiText, uiText } from './ui-text.ts';

/** A signed-in reviewer, the wording of the language their pages are shown in, and the page's address. */
type Viewer = SessionUser & { readonly text: UiText; readonly here?: string };

export interface ReviewServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly config?: ReviewConfig;
  readonly logger?: Logger;
  /** Injected in tests to control the login rate limiter's clock. */
  readonly limiter?: LoginRateLimiter;
  /** Behind a reverse proxy: the client address is the last one in X-Forwarded-For (never trusted otherwise). */
  readonly trustProxy?: boolean;
  /** The address reviewers open (the proxy's), e.g. https://review.example.org: https makes cookies Secure. */
  readonly publicUrl?: string;
  /** What "Add a report by URL" fetches and classifies with (built on first use); absent: not offered. */
  readonly addReport?: () => AddReportDeps;
  /** The model "Add a report" classifies with, for the Classifier page (brought up to date first, if it can be). */
  readonly model?: () => ModelInUse | null | Promise<ModelInUse | null>;
  /**
   * The line each language is decided by, for the "most uncertain first" order: the classifier in use's (brought
   * up to date first, if it can be). Absent: the installed model's (config/model/model.json), read at each use.
   */
  readonly lines?: () => CandidateLines | Promise<CandidateLines>;
}

export interface ReviewServer {
  readonly url: string;
  close(): Promise<void>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own form posts.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

const ASSETS: Record<string, { type: string; body: Buffer }> = {
  '/static/app.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/app.css', import.meta.url)),
  },
  '/static/app.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/app.js', import.meta.url)),
  },
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

// When each request started, for the Server-Timing header (what `npm run bench:review` reads).
const STARTED = new WeakMap<ServerResponse, number>();
const timing = (res: ServerResponse) => {
  const t0 = STARTED.get(res);
  return t0 === undefined ? {} : { 'server-timing': `app;dur=${(performance.now() - t0).toFixed(2)}` };
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/html; charset=utf-8',
  extra: Record<string, string | string[]> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...timing(res), ...extra });
  res.end(body);
}

function redirect(res: ServerResponse, location: string, extra: Record<string, string | string[]> = {}) {
  res.writeHead(303, { ...SECURITY_HEADERS, location, ...timing(res), ...extra });
  res.end();
}

/**
 * A request without Origin (old browsers, curl) passes; one with an Origin must name this host, or the
 * public URL's origin when the server sits behind a proxy (which may pass its own Host on).
 */
function sameOrigin(req: IncomingMessage, publicOrigin: string | null): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  if (publicOrigin !== null && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    // An unparsable Origin header is treated as foreign.
    return false;
  }
}

/** The origin of the public URL (--public-url or config/review.json server.publicUrl), checked. */
function originOf(publicUrl: string): string {
  try {
    const url = new URL(publicUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Reported below, with the value.
  }
  throw usageError(`the public URL "${publicUrl}" is not an http(s) address`);
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const page = Number(params.get('page') ?? '1');
  const month = params.get('month');
  const text = (k: string) => {
    const v = params.get(k)?.trim();
    return v ? v.slice(0, 100) : undefined;
  };
  return {
    status: pick(params.get('status'), STATUSES) ?? 'pending',
    sort: pick(params.get('sort'), QUEUE_ORDERS) ?? 'score',
    category: pick(params.get('category'), CATEGORY_IDS),
    lang: text('lang'),
    source: text('source'),
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    kind: pick(params.get('kind'), ['news', 'court'] as const),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

function formFields(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ENTRY_FIELDS) {
    const v = body.get(f);
    if (v !== undefined) out[f] = v;
  }
  // An unticked checkbox is absent from the submitted form: absent means "no".
  for (const f of BOOLEAN_FIELDS) out[f] = body.get(f) ?? '';
  return out;
}

function versionOf(body: FormBody): number {
  const v = Number(body.get('_version'));
  if (!Number.isInteger(v) || v < 1)
    throw new RequestError(400, 'the form lacks the candidate version; reload the page', {
      key: 'versionMissing',
    });
  return v;
}

export async function startReviewServer(
  store: Store,
  options: ReviewServerOptions = {},
): Promise<ReviewServer> {
  const config = options.config ?? REVIEW_CONFIG;
  const host = options.host ?? config.server.defaultHost;
  const port = options.port ?? config.server.defaultPort;
  const logger = options.logger ?? createLogger();
  const limiter = options.limiter ?? new LoginRateLimiter(store, config.login);
  const publicUrl = options.publicUrl ?? config.server.publicUrl ?? null;
  const publicOrigin = publicUrl ? originOf(publicUrl) : null;
  const secure = publicOrigin?.startsWith('https:') ?? false;
  const addressOf = (req: IncomingMessage) => clientAddress(req, options.trustProxy ?? false);
  const defaultLang = config.ui?.defaultLang ?? 'en';
  if (!isUiLang(defaultLang))
    throw usageError(`config/review.json: ui.defaultLang "${defaultLang}" is not one of ru, kk, en`);
  if (!isLoopback(host) && (await countUsers(store)) === 0) {
    throw usageError(
      `refusing to listen on ${host}: no review accounts exist, so anyone on that network could use it; create one with 'soz users add NAME --role editor' first, or serve on 127.0.0.1`,
    );
  }
  const pageSize = config.server.pageSize;
  let addDeps: AddReportDeps | null = null;
  const addReport = options.addReport
    ? () => {
        addDeps ??= options.addReport!();
        return addDeps;
      }
    : null;

  async function candidateView(
    res: ServerResponse,
    session: Viewer,
    taskId: number,
    flash: Flash[],
    status = 200,
    form?: Record<string, string>,
    caseChoice?: { caseId?: string; caseEvent?: string },
  ) {
    const loaded = await loadCandidate(store, taskId);
    const t = session.text;
    if (!loaded)
      return send(
        res,
        404,
        messagePage(ctxOf(session), t.t('messages.notFound'), t.t('messages.noCandidate', { id: taskId })),
      );
    // The case its court item joined, the cases it may update, and the form with what they already say.
    const cases = await suggestCase(store, loaded, '', true);
    const candidate = { ...loaded, draft: cases.draft };
    const entry = candidate.task.entryId ? await getEntry(store, candidate.task.entryId) : null;
    const months = candidate.task.month ? monthsAround(candidate.task.month, 1) : [];
    const mergeTargets = await entryIdsOfMonths(store, months);
    const { previous, next } = await adjacentPendingTasks(store, candidate.task);
    const ctx = { ...ctxOf(session), user: session.user, here: `/candidates/${taskId}` };
    send(
      res,
      status,
      candidatePage(ctx, { candidate, entry, mergeTargets, previous, next, form, cases, caseChoice }, flash),
    );
  }

  const ctxOf = (s: Viewer | null, text: UiText = s?.text ?? uiText(defaultLang)): PageContext => ({
    user: s?.user ?? null,
    csrf: s?.csrfToken ?? '',
    text,
    here: s?.here,
  });

  async function handleDecision(
    res: ServerResponse,
    session: Viewer,
    taskId: number,
    action: string,
    body: FormBody,
  ) {
    const actor = session.user.name;
    const t = session.text;
    const base = { taskId, expectedVersion: versionOf(body), actor };
    try {
      switch (action) {
        case 'confirm':
          // "Update of case …" buttons send attachCase; the case select sends caseId.
          await confirmCandidate(store, {
            ...base,
            form: formFields(body),
            caseId: body.get('attachCase') ?? body.get('caseId'),
            caseEvent: body.get('caseEvent'),
          });
          break;
        case 'reject':
          await rejectCandidate(store, { ...base, reason: body.get('reason') ?? '' });
          break;
        case 'merge':
          await mergeCandidate(store, { ...base, entryId: (body.get('entryId') ?? '').trim() });
          break;
        case 'defer':
          await deferCandidate(store, { ...base, reason: body.get('reason') });
          break;
        case 'split': {
          const ids = body.all('item').map(Number).filter(Number.isInteger);
          const { newTask } = await splitCandidate(store, { ...base, itemIds: ids });
          return redirect(res, `/candidates/${newTask.id}?done=split`);
        }
        case 'undo':
          await undoDecision(store, { ...base, role: session.user.role });
          break;
        default:
          return send(
            res,
            404,
            messagePage(ctxOf(session), t.t('messages.notFound'), t.t('messages.unknownAction', { action })),
          );
      }
      logger.info(`review: ${actor} ${action} candidate ${taskId}`);
      redirect(res, `/candidates/${taskId}?done=${action}`);
    } catch (error) {
      const decision = nameOf(t, 'messages.decision', action);
      if (error instanceof ReviewConflict) {
        const current = error.current;
        const message = t.t('messages.conflictChanged', {
          taskId,
          by: current.decidedBy ?? t.t('messages.anotherReviewer'),
          at: t.dateTime(current.updatedAt),
          status: statusName(t, current.status),
          decision,
        });
        return candidateView(res, session, taskId, [{ kind: 'conflict', message }], 409);
      }
      if (error instanceof AlreadyDecided) {
        const message = t.t('messages.conflictDecided', { detail: errorText(t, error), decision });
        return candidateView(res, session, taskId, [{ kind: 'conflict', message }], 409);
      }
      if (error instanceof ReviewForbidden) {
        return candidateView(res, session, taskId, [{ kind: 'error', message: errorText(t, error) }], 403);
      }
      if (error instanceof SozError) {
        return candidateView(
          res,
          session,
          taskId,
          [{ kind: 'error', message: t.t('messages.notSaved', { detail: errorText(t, error) }) }],
          400,
          action === 'confirm' ? formFields(body) : undefined,
          action === 'confirm'
            ? { caseId: body.get('attachCase') ?? body.get('caseId'), caseEvent: body.get('caseEvent') }
            : undefined,
        );
      }
      throw error;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://review.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const asset = ASSETS[path];
    if (asset && method === 'GET') {
      return send(res, 200, asset.body, asset.type, { 'cache-control': 'max-age=300' });
    }
    if (path === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (method === 'POST' && !sameOrigin(req, publicOrigin)) {
      return send(res, 403, 'cross-origin form posts are refused', 'text/plain; charset=utf-8');
    }
    const cookies = parseCookies(req.headers.cookie);
    const browserLang = cookies.get(LANG_COOKIE);
    const acceptLanguage = req.headers['accept-language'];
    // Before the session is known: this browser's choice, its Accept-Language, the configured default.
    const text = uiText(chooseUiLang(null, browserLang, acceptLanguage, defaultLang));
    // A page's own address without the one-off flash, for the language switch to come back to.
    const shown = new URLSearchParams(url.searchParams);
    shown.delete('done');
    const here = method === 'GET' ? `${path}${shown.size ? `?${shown}` : ''}` : undefined;

    // The language switch of the login page: remembered in this browser only (there is no account yet).
    if (path === '/login/lang' && method === 'POST') {
      const body = await readForm(req, config.server.maxBodyBytes);
      if (!sameToken(body.get('_csrf'), cookies.get(LOGIN_CSRF_COOKIE))) return redirect(res, '/login');
      const lang = body.get('lang');
      const extra: Record<string, string> = isUiLang(lang) ? { 'set-cookie': langCookie(lang, secure) } : {};
      return redirect(res, safeBackPath(body.get('back'), '/login'), extra);
    }

    if (path === '/login') {
      if (method === 'GET') {
        // Reuse the token of an open login form: a second GET (another tab, the favicon's redirect) must
        // not invalidate the first form.
        const existing = cookies.get(LOGIN_CSRF_COOKIE);
        const csrf = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newToken();
        const noAccounts = (await countUsers(store)) === 0;
        return send(res, 200, loginPage({ csrf, noAccounts, text }), undefined, {
          'set-cookie': loginCsrfCookie(csrf, secure),
        });
      }
      if (method === 'POST') {
        const body = await readForm(req, config.server.maxBodyBytes);
        const name = body.get('name') ?? '';
        if (!sameToken(body.get('_csrf'), cookies.get(LOGIN_CSRF_COOKIE))) {
          const csrf = newToken();
          return send(
            res,
            403,
            loginPage({
              csrf,
              text,
              noAccounts: false,
              name,
              error: text.t('login.errors.expired'),
            }),
            undefined,
            {
              'set-cookie': loginCsrfCookie(csrf, secure),
            },
          );
        }
        const result = await logIn(
          store,
          limiter,
          { name, password: body.get('password') ?? '', address: addressOf(req) },
          config,
        );
        if (result.ok) {
          logger.info(`review: ${name} logged in`);
          const setCookies = [sessionCookie(result.token, result.maxAge, secure)];
          // An account's stored language wins and this browser follows it; an account without one takes
          // the language chosen on the login page.
          const user = await getUserByName(store, name.trim());
          if (user && isUiLang(user.uiLang)) setCookies.push(langCookie(user.uiLang, secure));
          else if (user && isUiLang(browserLang)) await setUserUiLang(store, user.id, browserLang);
          return redirect(res, '/queue', { 'set-cookie': setCookies });
        }
        logger.warn(
          `review: failed login for "${name.slice(0, 64)}" from ${addressOf(req)}${result.retryAfter > 0 ? ' (locked)' : ''}`,
        );
        const csrf = newToken();
        const extra: Record<string, string> = {
          'set-cookie': loginCsrfCookie(csrf, secure),
        };
        if (result.retryAfter > 0) extra['retry-after'] = String(result.retryAfter);
        return send(
          res,
          result.retryAfter > 0 ? 429 : 401,
          loginPage({
            csrf,
            text,
            noAccounts: false,
            name,
            error:
              result.retryAfter > 0
                ? text.n('login.errors.locked', result.retryAfter)
                : text.t('login.errors.wrong'),
          }),
          undefined,
          extra,
        );
      }
      return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, POST' });
    }

    const signedIn = await currentSession(store, cookies.get(SESSION_COOKIE));
    const session: Viewer | null = signedIn
      ? {
          ...signedIn,
          text: uiText(chooseUiLang(signedIn.user.uiLang, browserLang, acceptLanguage, defaultLang)),
          here,
        }
      : null;
    if (!session) {
      if (method === 'GET') return redirect(res, '/login');
      return send(
        res,
        401,
        messagePage(ctxOf(null, text), text.t('messages.loggedOut'), text.t('messages.sessionEnded')),
      );
    }
    const ctx = ctxOf(session);
    const t = session.text;

    let body: FormBody | null = null;
    if (method === 'POST') {
      body = await readForm(req, config.server.maxBodyBytes);
      if (!sameToken(body.get('_csrf'), session.csrfToken)) {
        return send(res, 403, messagePage(ctx, t.t('messages.refused'), t.t('messages.csrf')));
      }
    } else if (method !== 'GET' && method !== 'HEAD') {
      return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, POST' });
    }

    const flashOf = (): Flash[] => {
      const m = doneText(t, url.searchParams.get('done'));
      return m ? [{ kind: 'ok', message: m }] : [];
    };

    // The header's language switch: stored with the account, and in this browser for the login page.
    if (path === '/lang' && body) {
      const lang = body.get('lang');
      const back = safeBackPath(body.get('back'), '/queue');
      if (!isUiLang(lang)) return redirect(res, back);
      await setUserUiLang(store, session.user.id, lang);
      logger.info(`review: ${session.user.name} chose the ${lang} interface`);
      return redirect(res, back, { 'set-cookie': langCookie(lang, secure) });
    }

    if (path === '/logout' && body) {
      await logOut(store, cookies.get(SESSION_COOKIE));
      return redirect(res, '/login', { 'set-cookie': clearedSessionCookie(secure) });
    }
    if (path === '/' && !body) return redirect(res, '/queue');
    if (path === '/queue' && !body) {
      const q = parseQueueQuery(url.searchParams);
      const data = await loadQueuePage(store, {
        status: q.status as TaskStatus,
        category: q.category,
        lang: q.lang,
        sourceId: q.source,
        month: q.month,
        kind: q.kind,
        sort: q.sort,
        // Only the uncertain order reads them: the other orders do not load a model.
        ...(q.sort === 'uncertain' ? { lines: await (options.lines ?? installedCandidateLines)() } : {}),
        limit: pageSize,
        offset: (q.page - 1) * pageSize,
      });
      const facets = await queueFacets(store, q.status);
      return send(res, 200, queuePage(ctx, q, facets, data, pageSize, flashOf()));
    }
    const cand = /^\/candidates\/(\d{1,12})(?:\/([a-z]+))?$/.exec(path);
    if (cand) {
      const taskId = Number(cand[1]);
      if (!cand[2] && !body) return candidateView(res, session, taskId, flashOf());
      if (cand[2] && body) return handleDecision(res, session, taskId, cand[2], body);
      return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
    }
    if (path === '/entries' && !body) {
      const months = await entryMonths(store);
      const m = url.searchParams.get('month');
      const month = m && /^\d{4}-\d{2}$/.test(m) ? m : (months[0]?.month ?? null);
      const entries = month ? await listEntries(store, { fromMonth: month, toMonth: month }) : [];
      return send(res, 200, entriesPage(ctx, month, months, entries.slice(0, config.server.entriesPageSize)));
    }
    const ent = /^\/entries\/([^/]{1,200})$/.exec(path);
    if (ent) {
      const entryId = decodeURIComponent(ent[1]!);
      const sctx = {
        ...ctx,
        user: session.user,
        here: `/entries/${encodeURIComponent(entryId)}`,
      };
      if (body) {
        try {
          await editEntry(store, {
            entryId,
            expectedVersion: versionOf(body),
            actor: session.user.name,
            role: session.user.role,
            form: formFields(body),
            sources: body.get('sources'),
          });
          return redirect(res, `/entries/${encodeURIComponent(entryId)}?done=saved`);
        } catch (error) {
          if (!(error instanceof SozError)) throw error;
          const current = await getEntry(store, entryId);
          if (!current)
            return send(res, 404, messagePage(ctx, t.t('messages.notFound'), errorText(t, error)));
          const status = error instanceof EntryConflict ? 409 : error instanceof ReviewForbidden ? 403 : 400;
          const kind = error instanceof EntryConflict ? 'conflict' : 'error';
          const log = await listReviewLog(store, { entryId });
          const keep =
            error instanceof EntryConflict
              ? undefined
              : { ...formFields(body), sources: body.get('sources') ?? '' };
          return send(
            res,
            status,
            entryPage(
              sctx,
              current,
              log,
              [{ kind, message: t.t('messages.notSaved', { detail: errorText(t, error) }) }],
              keep,
            ),
          );
        }
      }
      const entry = await getEntry(store, entryId);
      if (!entry)
        return send(
          res,
          404,
          messagePage(ctx, t.t('messages.notFound'), t.t('messages.noEntry', { id: entryId })),
        );
      const log = await listReviewLog(store, { entryId });
      return send(res, 200, entryPage(sctx, entry, log, flashOf()));
    }
    if (path === '/sources' && !body) {
      const page = await sourcesRoute(store, ctx);
      return send(res, page.status, page.body);
    }
    if (path === '/add')
      return addReportRoute({
        store,
        ctx: { ...ctx, user: session.user },
        body,
        deps: addReport,
        send: (status, page) => send(res, status, page),
        redirect: (location) => redirect(res, location),
        log: (message) => logger.info(message),
      });
    if (path === '/classifier' && !body) {
      const page = await classifierRoute(store, ctx, (await options.model?.()) ?? null);
      return send(res, page.status, page.body);
    }
    const caseRequest = {
      store,
      url,
      body,
      ctx: { ...ctx, user: session.user },
      send: (status: number, page: string) => send(res, status, page),
      redirect: (location: string) => redirect(res, location),
      log: (message: string) => logger.info(message),
    };
    if (await handleCaseRoute(caseRequest)) return;
    return send(res, 404, messagePage(ctx, t.t('messages.notFound'), t.t('messages.noPage')));
  }

  const server = createServer((req, res) => {
    STARTED.set(res, performance.now());
    route(req, res).catch((error: unknown) => {
      if (error instanceof RequestError) {
        if (res.headersSent) return;
        if (!error.reason) return send(res, error.status, error.message, 'text/plain; charset=utf-8');
        // Worded in the browser's language (the session is not looked up again for an error page).
        const text = uiText(requestUiLang(req, defaultLang));
        return send(
          res,
          error.status,
          messagePage(
            { user: null, csrf: '', text },
            text.t('messages.refused'),
            reasonText(text, error.reason),
          ),
        );
      }
      logger.error(`review server: ${(error as Error).stack ?? String(error)}`);
      if (res.headersSent) return res.end();
      const text = uiText(requestUiLang(req, defaultLang));
      send(
        res,
        500,
        messagePage({ user: null, csrf: '', text }, text.t('messages.error'), text.t('messages.internal')),
      );
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
