// The review server's case pages: GET /cases (open cases and the month's changes), GET /cases/:id, and
// the editors' corrections POSTed to /cases/:id/<action>. The server hands each request here first and
// goes on with its own routes when this answers false.
import { SozError } from '../../../core/index.ts';
import { CaseConflict, type Store, type User } from '../../../storage/index.ts';
import {
  attachEntry,
  detachEntry,
  editCase,
  mergeCases,
  setCaseStatus,
  setEntryEvent,
  splitCase,
} from '../../cases/case-decisions.ts';
import { type CaseScope, loadCasesOfMonth, loadCaseView } from '../../cases/load-case.ts';
import type { FormBody } from '../http-request.ts';
import { casePage } from '../pages/case-page.ts';
import { type CasesQuery, casesPage } from '../pages/cases-page.ts';
import { messagePage } from '../pages/login-page.ts';
import type { Flash, PageContext } from '../pages/page-layout.ts';
import { ReviewForbidden } from '../review-errors.ts';

export interface CaseRequest {
  readonly store: Store;
  readonly url: URL;
  /** The parsed form of a POST (CSRF already checked), null for a GET. */
  readonly body: FormBody | null;
  readonly ctx: PageContext & { readonly user: User };
  send(status: number, page: string): void;
  redirect(location: string): void;
  log(message: string): void;
}

const ACTIONS = ['edit', 'status', 'event', 'attach', 'detach', 'split', 'merge'] as const;
type CaseAction = (typeof ACTIONS)[number];

const thisMonth = () => new Date().toISOString().slice(0, 7);

function parseCasesQuery(params: URLSearchParams): CasesQuery {
  const m = params.get('month');
  const scope = params.get('scope');
  return {
    month: m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : thisMonth(),
    scope: scope === 'all' ? 'all' : ('open' as CaseScope),
  };
}

function versionOf(body: FormBody): number | undefined {
  const v = Number(body.get('_version'));
  return Number.isInteger(v) && v >= 1 ? v : undefined;
}

async function perform(r: CaseRequest, caseId: string, action: CaseAction, body: FormBody): Promise<string> {
  const { store } = r;
  const who = { actor: r.ctx.user.name, role: r.ctx.user.role };
  const expectedVersion = versionOf(body);
  const at = (id: string, done: string) => `/cases/${encodeURIComponent(id)}?done=${done}`;
  switch (action) {
    case 'edit': {
      const form: Record<string, string> = {};
      for (const f of ['title', 'claimants', 'defendants', 'court', 'region', 'lawArticles', 'caseNumbers']) {
        const v = body.get(f);
        if (v !== undefined) form[f] = v;
      }
      await editCase(store, { ...who, caseId, expectedVersion, form });
      return at(caseId, 'saved');
    }
    case 'status':
      await setCaseStatus(store, {
        ...who,
        caseId,
        expectedVersion,
        status: body.get('status') ?? null,
        note: body.get('note'),
      });
      return at(caseId, 'status');
    case 'event':
      await setEntryEvent(store, {
        ...who,
        entryId: body.get('entryId') ?? '',
        event: body.get('event') ?? null,
      });
      return at(caseId, 'event');
    case 'attach':
      await attachEntry(store, {
        ...who,
        caseId,
        entryId: body.get('entryId') ?? '',
        event: body.get('event'),
      });
      return at(caseId, 'attach');
    case 'detach': {
      await detachEntry(store, { ...who, entryId: body.get('entryId') ?? '' });
      const left = await loadCaseView(store, caseId).catch((error: unknown) => {
        if (error instanceof SozError) return null;
        throw error;
      });
      return left ? at(caseId, 'detach') : '/cases?done=deleted';
    }
    case 'split': {
      const created = await splitCase(store, {
        ...who,
        caseId,
        expectedVersion,
        entryIds: body.all('entry'),
      });
      return at(created.id, 'split');
    }
    case 'merge': {
      const into = await mergeCases(store, {
        ...who,
        from: caseId,
        into: body.get('into') ?? '',
        expectedVersion,
      });
      return at(into.id, 'merge');
    }
  }
}

/** Answers the request if it is one of the case pages; false otherwise. */
export async function handleCaseRoute(r: CaseRequest): Promise<boolean> {
  const path = r.url.pathname;
  const t = r.ctx.text;
  const done = r.url.searchParams.get('done');
  const flash: Flash[] =
    done && t.has(`cases.done.${done}`)
      ? [{ kind: 'ok', message: t.t(`cases.done.${done}`) }]
      : done === 'deleted'
        ? [{ kind: 'ok', message: t.t('cases.errors.deleted') }]
        : [];
  if (path === '/cases') {
    if (r.body) return false;
    const q = parseCasesQuery(r.url.searchParams);
    r.send(200, casesPage(r.ctx, q, await loadCasesOfMonth(r.store, q.month, q.scope), flash));
    return true;
  }
  const m = /^\/cases\/([^/]{1,200})(?:\/([a-z]+))?$/.exec(path);
  if (!m) return false;
  const caseId = decodeURIComponent(m[1]!);
  const action = m[2];
  const show = async (status: number, messages: readonly Flash[], form?: Record<string, string>) => {
    try {
      r.send(status, casePage(r.ctx, await loadCaseView(r.store, caseId), messages, form));
    } catch (error) {
      if (!(error instanceof SozError)) throw error;
      r.send(
        404,
        messagePage(r.ctx, t.t('cases.errors.notFound'), t.t('cases.errors.noCase', { id: caseId })),
      );
    }
  };
  if (!action && !r.body) {
    await show(200, flash);
    return true;
  }
  if (!action || !r.body || !(ACTIONS as readonly string[]).includes(action)) {
    r.send(404, messagePage(r.ctx, t.t('cases.errors.notFound'), t.t('cases.errors.noCase', { id: caseId })));
    return true;
  }
  try {
    const location = await perform(r, caseId, action as CaseAction, r.body);
    r.log(`review: ${r.ctx.user.name} case ${action} ${caseId}`);
    r.redirect(location);
  } catch (error) {
    if (error instanceof CaseConflict) {
      await show(409, [
        { kind: 'conflict', message: t.t('cases.errors.conflict', { message: error.message }) },
      ]);
    } else if (error instanceof ReviewForbidden) {
      await show(403, [{ kind: 'error', message: error.message }]);
    } else if (error instanceof SozError) {
      const keep: Record<string, string> = {};
      if (action === 'edit')
        for (const f of ['title', 'claimants', 'defendants', 'court', 'region', 'lawArticles', 'caseNumbers'])
          keep[f] = r.body.get(f) ?? '';
      await show(
        400,
        [{ kind: 'error', message: t.t('cases.errors.notSaved', { message: error.message }) }],
        keep,
      );
    } else throw error;
  }
  return true;
}
