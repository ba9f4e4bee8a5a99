// GET /classifier: the Classifier page, for reviewers and editors. Called from review-server.ts.
import type { Store } from '../../../storage/index.ts';
import { classifierStats, type ModelInUse } from '../classifier-stats.ts';
import { classifierPage } from '../pages/classifier-page.ts';
import type { PageContext } from '../pages/page-layout.ts';

export async function classifierRoute(
  store: Store,
  ctx: PageContext,
  model: ModelInUse | null,
): Promise<{ status: number; body: string }> {
  return { status: 200, body: classifierPage(ctx, await classifierStats(store, model)) };
}
