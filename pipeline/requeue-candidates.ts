// Repairs the one gap a killed crawl can leave: candidates stored and classified in a batch whose queueing
// never ran. Each run starts by queueing them, so a SIGKILL loses no candidate.
import type { Article } from '../core/index.ts';
import { candidatesWithoutTask, getItemsByIds, latestClassifications, type Store } from '../storage/index.ts';
import { queueCandidate } from './queue-candidate.ts';

export async function requeueCandidates(store: Store): Promise<number> {
  const ids = await candidatesWithoutTask(store);
  if (ids.length === 0) return 0;
  const items = await getItemsByIds(store, ids);
  const verdicts = await latestClassifications(store, ids);
  let queued = 0;
  for (const item of items) {
    const classification = verdicts.get(item.id);
    if (!classification?.candidate) continue;
    const article: Article = {
      sourceId: item.sourceId,
      kind: item.kind,
      url: item.url,
      canonicalUrl: item.canonicalUrl,
      title: item.title,
      text: item.text,
      publishedAt: item.publishedAt,
      author: item.author,
      section: item.section,
      langHint: null,
      fetchedAt: item.fetchedAt,
      html: null,
      extractedBy: item.extractedBy as Article['extractedBy'],
      ...(item.court ? { court: item.court } : {}),
    };
    await queueCandidate(store, item.id, article, classification);
    queued++;
  }
  return queued;
}
