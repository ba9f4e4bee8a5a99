// GET/POST /add: a reviewer adds a report by URL (pipeline/review/add-report.ts). On success the reviewer
// lands on the candidate; a failure stays on the form with the URL and what failed. Called from
// review-server.ts.
import type { Store } from '../../../storage/index.ts';
import { type AddReportDeps, addReportByUrl, MAX_NOTE_CHARS } from '../add-report.ts';
import type { FormBody } from '../http-request.ts';
import { addReportPage } from '../pages/add-report-page.ts';
import type { PageContext } from '../pages/page-layout.ts';

export interface AddReportRequest {
  readonly store: Store;
  readonly ctx: PageContext & { readonly user: NonNullable<PageContext['user']> };
  readonly body: FormBody | null;
  /** null: this server was started without a fetcher and classifier (tests of other pages). */
  readonly deps: (() => AddReportDeps) | null;
  readonly send: (status: number, page: string) => void;
  readonly redirect: (location: string) => void;
  readonly log: (message: string) => void;
}

export async function addReportRoute(r: AddReportRequest): Promise<void> {
  const { ctx, body } = r;
  const t = ctx.text;
  const available = r.deps !== null;
  if (!body) return r.send(200, addReportPage(ctx, { available }));
  if (!r.deps) return r.send(503, addReportPage(ctx, { available }));
  const url = (body.get('url') ?? '').slice(0, 4000);
  const note = (body.get('note') ?? '').slice(0, MAX_NOTE_CHARS);
  const result = await addReportByUrl(r.store, r.deps(), { url, note, actor: ctx.user.name });
  if (!result.ok) {
    r.log(`review: ${ctx.user.name} could not add ${result.url} (${result.stage}: ${result.reason})`);
    const message = t.t(`add.failed.${result.stage}`, { url: result.url, reason: result.reason });
    return r.send(
      422,
      addReportPage(ctx, { available, form: { url, note }, flash: [{ kind: 'error', message }] }),
    );
  }
  r.log(
    `review: ${ctx.user.name} added ${result.url} as candidate ${result.taskId}${result.miss ? ' (below the line: a miss)' : ''}`,
  );
  const done = result.alreadyQueued ? 'already' : result.joined ? 'joined' : result.miss ? 'miss' : 'added';
  return r.redirect(`/candidates/${result.taskId}?done=add-${done}`);
}
