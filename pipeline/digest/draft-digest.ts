// `npm run digest`: reads the confirmed entries the month needs and drafts the report in one layout,
// language and format.
import { parseMonth, usageError } from '../../core/index.ts';
import { countUndecidedTasks, listCases, listEntries, type Store } from '../../storage/index.ts';
import { buildBlocksDigest } from './build-blocks-digest.ts';
import { buildClassicDigest } from './build-classic-digest.ts';
import { computeDigestStats } from './compute-digest-stats.ts';
import { type DigestLang, loadDigestCommon, parseDigestLang } from './digest-config.ts';
import { createDigestContext, type DigestDocument } from './digest-document.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';

export const DIGEST_LAYOUTS = ['classic', 'blocks'] as const;
export const DIGEST_FORMATS = ['md', 'html', 'docx'] as const;
export type DigestLayout = (typeof DIGEST_LAYOUTS)[number];
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export interface DigestOptions {
  readonly month: string;
  readonly lang?: DigestLang;
  readonly layout?: DigestLayout;
  readonly format?: DigestFormat;
  readonly explain?: boolean;
  /** The draft's date (YYYY-MM-DD); today by default. */
  readonly draftDate?: string;
}

export function parseDigestLayout(value: string): DigestLayout {
  if (!(DIGEST_LAYOUTS as readonly string[]).includes(value))
    throw usageError(`--layout: "${value}" is not one of ${DIGEST_LAYOUTS.join(', ')}`);
  return value as DigestLayout;
}

export function parseDigestFormat(value: string): DigestFormat {
  if (!(DIGEST_FORMATS as readonly string[]).includes(value))
    throw usageError(`--format: "${value}" is not one of ${DIGEST_FORMATS.join(', ')}`);
  return value as DigestFormat;
}

/** Builds the document model of the draft (what every format renders). */
export async function buildDigest(store: Store, options: DigestOptions): Promise<DigestDocument> {
  const month = parseMonth(options.month);
  const lang = parseDigestLang(options.lang ?? 'ru');
  const year = Number(month.slice(0, 4));
  // The month, the year to date and the same months of the previous year.
  const entries = await listEntries(store, { fromMonth: `${year - 1}-01`, toMonth: month });
  // Entries of a case read as ongoing when the case began earlier; their case says when, and whether its
  // acts are on honour and dignity.
  const caseIds = [...new Set(entries.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
  const cases = await listCases(store, { ids: caseIds, includeMerged: true });
  const stats = computeDigestStats(entries, month, {
    honourCases: new Set(cases.filter((c) => c.honorDignity).map((c) => c.id)),
  });
  const ctx = createDigestContext(
    stats,
    lang,
    options.draftDate ?? new Date().toISOString().slice(0, 10),
    new Map(cases.map((c) => [c.id, { firstMonth: c.firstMonth }])),
    await countUndecidedTasks(store, month),
  );
  const explain = options.explain ?? false;
  return (options.layout ?? 'classic') === 'classic'
    ? buildClassicDigest(ctx, explain)
    : buildBlocksDigest(ctx, explain);
}

/** The draft as text (md, html) or bytes (docx). */
export async function draftDigest(store: Store, options: DigestOptions): Promise<string | Buffer> {
  const doc = await buildDigest(store, options);
  const format = options.format ?? 'md';
  if (format === 'md') return renderMarkdown(doc);
  if (format === 'html') return renderHtml(doc, loadDigestCommon().chart);
  return renderDocx(doc);
}
