// "Add a report by URL" (soz review add, the review UI's Add page): a correspondent's tip or a story found
// elsewhere goes the crawler's way — fetched politely (the caller's fetcher: our User-Agent, robots.txt, a
// timeout), decoded, extracted, classified, stored and queued as a candidate or joined to its event's
// task — even when the classifier scored it below the candidate line. The reviewer's addition is recorded
// with the classifier's verdict at that moment: a report it had not flagged is a miss once confirmed.
// Nothing is stored until the page is fetched, extracted and classified; a failure names the URL and stage.
import type { Article, Classification, RawPage, TextClassifier } from '../../core/index.ts';
import {
  appendReviewLog,
  getItemByUrl,
  recordReviewerAddition,
  type Store,
  saveArticlesWithClassifications,
  saveClassification,
  taskOfItem,
} from '../../storage/index.ts';
import { decodePage } from '../decode/decode-page.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { queueCandidates } from '../queue-candidate.ts';

/** One polite GET, as crawlers/ PoliteFetcher does it; failures are values with a reason. */
export type FetchPage = (
  url: string,
) => Promise<{ readonly ok: true; readonly page: RawPage } | { readonly ok: false; readonly reason: string }>;

export interface AddReportDeps {
  readonly fetchPage: FetchPage;
  readonly classifier: TextClassifier;
  /**
   * Brings the classifier up to date with the dataset (names confirmed since it was built); run alongside the
   * fetch, so a tip naming a journalist confirmed a minute ago is scored with that name at no extra wait.
   */
  readonly refreshClassifier?: () => Promise<unknown>;
  /** The registered source of a URL's host, when there is one; otherwise "added:<host>". */
  readonly sourceIdOf?: (url: URL) => string | null;
}

export interface AddReportInput {
  readonly url: string;
  readonly note?: string | null;
  readonly actor: string;
}

export type AddReportStage = 'url' | 'fetch' | 'extract';

export type AddReportResult =
  | {
      readonly ok: true;
      readonly url: string;
      readonly itemId: number;
      readonly taskId: number;
      readonly title: string;
      /** Joined the open task of the same event rather than opening one. */
      readonly joined: boolean;
      /** The item was already in the queue (the crawler had flagged it, or someone added it): nothing added. */
      readonly alreadyQueued: boolean;
      /** Below the classifier's candidate line when added. */
      readonly miss: boolean;
      readonly score: number;
      readonly modelVersion: string;
    }
  | { readonly ok: false; readonly url: string; readonly stage: AddReportStage; readonly reason: string };

export const MAX_NOTE_CHARS = 2000;

/** "URL: what failed" in English for the command line; the UI words the stage itself. */
export function describeAddFailure(r: Extract<AddReportResult, { ok: false }>): string {
  const what = { url: 'not a web address', fetch: 'could not fetch', extract: 'no article found' }[r.stage];
  return `${r.url}: ${what}: ${r.reason}`;
}

function parseUrl(raw: string): URL | string {
  const text = raw.trim();
  if (!text) return 'no URL given';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not an absolute address (https://…)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `the scheme ${url.protocol} is not http(s)`;
  if (!url.hostname) return 'no host';
  url.hash = '';
  return url;
}

export async function addReportByUrl(
  store: Store,
  deps: AddReportDeps,
  input: AddReportInput,
): Promise<AddReportResult> {
  const shown = input.url.trim();
  const parsed = parseUrl(input.url);
  if (typeof parsed === 'string') return { ok: false, url: shown, stage: 'url', reason: parsed };
  const url = parsed.href;
  const note = input.note?.trim() ? input.note.trim().slice(0, MAX_NOTE_CHARS) : null;

  const [fetched] = await Promise.all([deps.fetchPage(url), deps.refreshClassifier?.()]);
  if (!fetched.ok) return { ok: false, url, stage: 'fetch', reason: fetched.reason };
  const sourceId = deps.sourceIdOf?.(parsed) ?? `added:${parsed.hostname}`;
  const page: RawPage = { ...fetched.page, sourceId };
  const extracted = extractArticle(decodePage(page), { sourceId, listed: true });
  if (!extracted.ok) return { ok: false, url, stage: 'extract', reason: extracted.reason };
  const article: Article = { ...extracted.value, url };

  const { classifier } = deps;
  const language = classifier.detectLanguage(`${article.title}\n\n${article.text}`);
  const classification: Classification = classifier.classify(
    { title: article.title, text: article.text, kind: article.kind, court: article.court },
    language,
  );

  // Already queued (the crawler flagged it, or another reviewer added it first): say where, add nothing.
  const known = await getItemByUrl(store, article.canonicalUrl);
  const knownTask = known ? await taskOfItem(store, known.id) : null;
  if (known && knownTask !== null) {
    return {
      ok: true,
      url,
      itemId: known.id,
      taskId: knownTask,
      title: known.title,
      joined: false,
      alreadyQueued: true,
      miss: false,
      score: classification.score,
      modelVersion: classification.modelVersion,
    };
  }

  // The item and its classification in one transaction (as a crawl stores them), then the task and the
  // reviewer's addition in another: an item without its task is what a crawl stopped between the two
  // leaves, and adding the URL again finishes the job.
  const [saved] = await saveArticlesWithClassifications(store, [{ article, language }], () => classification);
  const itemId = saved!.itemId;
  if (saved!.status === 'unchanged') await saveClassification(store, itemId, classification);
  const miss = !classification.candidate;
  const [queued] = await queueCandidates(
    store,
    [{ itemId, article, classification }],
    undefined,
    async (trx, [q]) => {
      await recordReviewerAddition(
        store,
        {
          itemId,
          url,
          note,
          addedBy: input.actor,
          classifierScore: classification.score,
          classifierCandidate: classification.candidate,
          modelVersion: classification.modelVersion,
        },
        trx,
      );
      await appendReviewLog(
        store,
        {
          taskId: q!.taskId,
          entryId: null,
          actor: input.actor,
          action: 'reviewer-add',
          before: null,
          after: {
            itemId,
            url,
            note,
            score: classification.score,
            candidate: classification.candidate,
            modelVersion: classification.modelVersion,
          },
        },
        trx,
      );
    },
  );
  return {
    ok: true,
    url,
    itemId,
    taskId: queued!.taskId,
    title: article.title,
    joined: queued!.joined,
    alreadyQueued: false,
    miss,
    score: classification.score,
    modelVersion: classification.modelVersion,
  };
}
