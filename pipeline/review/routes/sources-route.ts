// GET /sources: the source-health page, for editors (reviewers get 403). Called from review-server.ts.
import { latestSourceHealth, type Store } from '../../../storage/index.ts';
import { messagePage } from '../pages/login-page.ts';
import type { PageContext } from '../pages/page-layout.ts';
import { sourcesPage } from '../pages/sources-page.ts';

/** Earlier runs read per source (the crawl compares against its last seven). */
const HISTORY_RUNS = 7;

export async function sourcesRoute(
  store: Store,
  ctx: PageContext,
): Promise<{ status: number; body: string }> {
  const t = ctx.text;
  if (ctx.user?.role !== 'editor')
    return { status: 403, body: messagePage(ctx, t.t('sources.forbiddenTitle'), t.t('sources.editorsOnly')) };
  return { status: 200, body: sourcesPage(ctx, await latestSourceHealth(store, HISTORY_RUNS)) };
}
